CREATE TABLE "field_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"kind" text NOT NULL,
	"facility_id" uuid,
	"household_id" uuid,
	"area_code" text NOT NULL,
	"session_date" date NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"summary" jsonb,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "person_schedule_item" (
	"person_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kab_code" text NOT NULL,
	"area_code" text NOT NULL,
	"item" text NOT NULL,
	"programme" text NOT NULL,
	"earliest" date NOT NULL,
	"due" date NOT NULL,
	"latest" date NOT NULL,
	"state" text NOT NULL,
	"done_event_id" uuid,
	"done_on" date,
	"dose" smallint,
	"period" text,
	CONSTRAINT "person_schedule_item_person_id_key_pk" PRIMARY KEY("person_id","key")
);
--> statement-breakpoint
CREATE TABLE "person_schedule_state" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"computed_on" date NOT NULL,
	"horizon_until" date NOT NULL,
	"protocol_version" text NOT NULL,
	"settings_fingerprint" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"visit_id" uuid,
	"from_facility_id" uuid NOT NULL,
	"to_facility_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"urgency" text NOT NULL,
	"findings" jsonb,
	"status" text NOT NULL,
	"due_by" date NOT NULL,
	"domicile_area_code" text NOT NULL,
	"outcome" text,
	"back_instructions" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"referral_id" uuid NOT NULL,
	"step" text NOT NULL,
	"facility_id" uuid,
	"note" text,
	"data" jsonb,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"session_id" uuid,
	"facility_id" uuid,
	"place_kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_at" timestamp with time zone,
	"domicile_area_code" text NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "field_session_posyandu_day_uq" ON "field_session" USING btree ("facility_id","session_date") WHERE kind = 'posyandu';--> statement-breakpoint
CREATE INDEX "field_session_area_idx" ON "field_session" USING btree ("area_code" text_pattern_ops,"session_date");--> statement-breakpoint
CREATE INDEX "field_session_household_idx" ON "field_session" USING btree ("household_id","session_date");--> statement-breakpoint
CREATE INDEX "psi_area_open_idx" ON "person_schedule_item" USING btree ("area_code" text_pattern_ops,"earliest") WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "psi_kab_item_idx" ON "person_schedule_item" USING btree ("kab_code","item","latest");--> statement-breakpoint
CREATE INDEX "pss_horizon_idx" ON "person_schedule_state" USING btree ("horizon_until");--> statement-breakpoint
CREATE INDEX "referral_to_idx" ON "referral" USING btree ("to_facility_id","status");--> statement-breakpoint
CREATE INDEX "referral_from_idx" ON "referral" USING btree ("from_facility_id","status");--> statement-breakpoint
CREATE INDEX "referral_person_idx" ON "referral" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referral_domicile_idx" ON "referral" USING btree ("domicile_area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "referral_step_referral_idx" ON "referral_step" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "visit_person_idx" ON "visit" USING btree ("person_id","occurred_on");--> statement-breakpoint
CREATE INDEX "visit_session_idx" ON "visit" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "visit_domicile_idx" ON "visit" USING btree ("domicile_area_code" text_pattern_ops,"occurred_on");--> statement-breakpoint
CREATE INDEX "visit_facility_idx" ON "visit" USING btree ("facility_id","occurred_on");--> statement-breakpoint
CREATE INDEX "audit_action_username_idx" ON "audit_log" USING btree ("action","username","at");--> statement-breakpoint
CREATE INDEX "event_supersedes_idx" ON "event" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "event_visit_idx" ON "event" USING btree ("visit_id");