CREATE TABLE "indicator_counter" (
	"area_code" text NOT NULL,
	"indicator" text NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"kab_code" text NOT NULL,
	"level" text NOT NULL,
	"reg_new" integer DEFAULT 0 NOT NULL,
	"num_new" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"occurrences" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_counter_area_code_indicator_year_month_sex_age_band_pk" PRIMARY KEY("area_code","indicator","year","month","sex","age_band")
);
--> statement-breakpoint
CREATE TABLE "indicator_facility_counter" (
	"facility_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"kab_code" text NOT NULL,
	"num_new" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"occurrences" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_facility_counter_facility_id_indicator_year_month_sex_age_band_pk" PRIMARY KEY("facility_id","indicator","year","month","sex","age_band")
);
--> statement-breakpoint
CREATE TABLE "person_indicator" (
	"person_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"year" smallint NOT NULL,
	"kab_code" text NOT NULL,
	"area_code" text NOT NULL,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"register_month" smallint,
	"numerator_month" smallint,
	"months_served" integer DEFAULT 0 NOT NULL,
	"counts" integer[],
	"facility_id" uuid,
	CONSTRAINT "person_indicator_person_id_indicator_year_pk" PRIMARY KEY("person_id","indicator","year")
);
--> statement-breakpoint
CREATE TABLE "sasaran" (
	"area_code" text NOT NULL,
	"year" smallint NOT NULL,
	"sasaran_group" text NOT NULL,
	"kab_code" text NOT NULL,
	"value" integer NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sasaran_area_code_year_sasaran_group_pk" PRIMARY KEY("area_code","year","sasaran_group")
);
--> statement-breakpoint
CREATE INDEX "indicator_counter_area_year_idx" ON "indicator_counter" USING btree ("area_code","year");--> statement-breakpoint
CREATE INDEX "indicator_counter_rank_idx" ON "indicator_counter" USING btree ("kab_code","level","indicator","year");--> statement-breakpoint
CREATE INDEX "indicator_facility_counter_kab_idx" ON "indicator_facility_counter" USING btree ("kab_code","indicator","year");--> statement-breakpoint
CREATE INDEX "person_indicator_drill_idx" ON "person_indicator" USING btree ("kab_code","indicator","year","area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sasaran_kab_year_idx" ON "sasaran" USING btree ("kab_code","year");