CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"facility_id" uuid,
	"area_code" text NOT NULL,
	"kab_code" text,
	"phone" text,
	"locale" text DEFAULT 'id' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"level" text NOT NULL,
	"kind" text,
	"name" text NOT NULL,
	"kab_code" text,
	"population" integer,
	"population_male" integer,
	"population_female" integer,
	"area_km2" double precision,
	"lat" double precision,
	"lng" double precision,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_alias" (
	"area_code" text NOT NULL,
	"alias" text NOT NULL,
	"kab_code" text,
	CONSTRAINT "area_alias_area_code_alias_pk" PRIMARY KEY("area_code","alias")
);
--> statement-breakpoint
CREATE TABLE "area_boundary" (
	"area_code" text PRIMARY KEY NOT NULL,
	"kab_code" text,
	"geometry" jsonb NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"role" text,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"person_id" uuid,
	"area_code" text,
	"kab_code" text,
	"ip" text,
	"user_agent" text,
	"method" text,
	"path" text,
	"status_code" smallint,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kab_code" text,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"field" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code_system" text,
	"code" text NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_at" timestamp with time zone,
	"value_num" double precision,
	"value" jsonb,
	"unit" text,
	"visit_id" uuid,
	"facility_id" uuid,
	"place_kind" text,
	"domicile_area_code" text NOT NULL,
	"supersedes_id" uuid,
	"warnings" jsonb,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"area_code" text NOT NULL,
	"parent_id" uuid,
	"address" text,
	"phone" text,
	"lat" double precision,
	"lng" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_coverage" (
	"facility_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"facility_type" text NOT NULL,
	"kab_code" text NOT NULL,
	CONSTRAINT "facility_coverage_facility_id_area_code_pk" PRIMARY KEY("facility_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "growth_reference" (
	"table_name" text NOT NULL,
	"sex" smallint NOT NULL,
	"x" double precision NOT NULL,
	"l" double precision NOT NULL,
	"m" double precision NOT NULL,
	"s" double precision NOT NULL,
	"loh" text,
	CONSTRAINT "growth_reference_table_name_sex_x_pk" PRIMARY KEY("table_name","sex","x")
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"kk_number" text,
	"area_code" text NOT NULL,
	"village_code" text NOT NULL,
	"address" text,
	"head_person_id" uuid,
	"lat" double precision,
	"lng" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"nik" text,
	"name" text NOT NULL,
	"name_search" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"birth_date_estimated" boolean DEFAULT false NOT NULL,
	"birth_place" text,
	"mother_id" uuid,
	"household_id" uuid,
	"relationship" text,
	"phone" text,
	"jkn_number" text,
	"status" text DEFAULT 'alive' NOT NULL,
	"status_date" date,
	"area_code" text NOT NULL,
	"village_code" text NOT NULL,
	"accepted_warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_residence" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kab_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid,
	"area_code" text NOT NULL,
	"from_date" date,
	"to_date" date,
	"reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_import" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source" text,
	"rows" integer NOT NULL,
	"details" jsonb,
	"imported_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_uq" ON "app_user" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "area_parent_idx" ON "area" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "area_kab_idx" ON "area" USING btree ("kab_code","level");--> statement-breakpoint
CREATE INDEX "area_code_prefix_idx" ON "area" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "area_alias_alias_idx" ON "area_alias" USING btree ("alias");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_person_idx" ON "audit_log" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_action_ip_idx" ON "audit_log" USING btree ("action","ip","at");--> statement-breakpoint
CREATE INDEX "change_log_entity_idx" ON "change_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "event_person_idx" ON "event" USING btree ("person_id","occurred_on");--> statement-breakpoint
CREATE INDEX "event_domicile_idx" ON "event" USING btree ("domicile_area_code" text_pattern_ops,"occurred_on");--> statement-breakpoint
CREATE INDEX "event_kab_code_idx" ON "event" USING btree ("kab_code","code","occurred_on");--> statement-breakpoint
CREATE INDEX "facility_area_idx" ON "facility" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "facility_parent_idx" ON "facility" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "facility_kab_type_idx" ON "facility" USING btree ("kab_code","type");--> statement-breakpoint
CREATE UNIQUE INDEX "facility_code_uq" ON "facility" USING btree ("code");--> statement-breakpoint
CREATE INDEX "facility_coverage_area_idx" ON "facility_coverage" USING btree ("area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "puskesmas_work_area_uq" ON "facility_coverage" USING btree ("area_code") WHERE facility_type = 'puskesmas';--> statement-breakpoint
CREATE INDEX "household_area_idx" ON "household" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_village_idx" ON "household" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "household_kk_idx" ON "household" USING btree ("kk_number");--> statement-breakpoint
CREATE UNIQUE INDEX "person_nik_uq" ON "person" USING btree ("nik") WHERE nik is not null;--> statement-breakpoint
CREATE INDEX "person_area_idx" ON "person" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "person_household_idx" ON "person" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "person_mother_idx" ON "person" USING btree ("mother_id");--> statement-breakpoint
CREATE INDEX "person_village_birth_idx" ON "person" USING btree ("village_code","birth_date");--> statement-breakpoint
CREATE INDEX "person_name_trgm_idx" ON "person" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_residence_person_idx" ON "person_residence" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");