ALTER TABLE "person_schedule_state" ADD COLUMN "due_days" datemultirange;--> statement-breakpoint
ALTER TABLE "person_schedule_state" ADD COLUMN "overdue_days" datemultirange;--> statement-breakpoint
ALTER TABLE "person_schedule_state" ADD COLUMN "missed_days" datemultirange;--> statement-breakpoint
ALTER TABLE "person_schedule_state" ADD COLUMN "upcoming_days" datemultirange;