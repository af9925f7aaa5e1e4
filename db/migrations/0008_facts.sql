CREATE TABLE "fact_status" (
	"district_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'ready' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fact_status_pk" PRIMARY KEY("district_id","year")
);
--> statement-breakpoint
CREATE TABLE "obligation_facts" (
	"district_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"school_id" uuid NOT NULL,
	"quarter" smallint NOT NULL,
	"item_code" text NOT NULL,
	"period_key" text NOT NULL,
	"seq" smallint NOT NULL,
	"item_id" uuid NOT NULL,
	"window_start" date,
	"window_end" date NOT NULL,
	"deadline" date NOT NULL,
	"weight" double precision NOT NULL,
	"mandatory" boolean NOT NULL,
	"timing_before" boolean NOT NULL,
	"event_id" uuid,
	"event_date" date,
	"met" boolean NOT NULL,
	"on_time" boolean NOT NULL,
	"rejected" boolean NOT NULL,
	"first_disclosed_on" date,
	"prior_missed" boolean NOT NULL,
	CONSTRAINT "obligation_facts_pk" PRIMARY KEY("district_id","year","school_id","quarter","item_code","period_key")
);
--> statement-breakpoint
CREATE TABLE "school_period_facts" (
	"district_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"school_id" uuid NOT NULL,
	"quarter" smallint NOT NULL,
	"obligations" integer DEFAULT 0 NOT NULL,
	"met" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"weight_total" double precision DEFAULT 0 NOT NULL,
	"weight_met" double precision DEFAULT 0 NOT NULL,
	"weight_on_time" double precision DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"prior_missed" integer DEFAULT 0 NOT NULL,
	"last_deadline" date,
	"no_matter" integer DEFAULT 0 NOT NULL,
	"report_id" uuid,
	"report_state" text,
	"submitted_at" timestamp with time zone,
	"score" double precision,
	CONSTRAINT "school_period_facts_pk" PRIMARY KEY("district_id","year","school_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "school_year_facts" (
	"district_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"school_id" uuid NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"congress_met" boolean DEFAULT true NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"teachers_n" integer DEFAULT 0 NOT NULL,
	"teachers_satisfied" integer DEFAULT 0 NOT NULL,
	"teachers_sum" integer DEFAULT 0 NOT NULL,
	"parents_n" integer DEFAULT 0 NOT NULL,
	"parents_satisfied" integer DEFAULT 0 NOT NULL,
	"parents_sum" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_year_facts_pk" PRIMARY KEY("district_id","year","school_id")
);
--> statement-breakpoint
CREATE TABLE "survey_answer_facts" (
	"district_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"value" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "survey_answer_facts_pk" PRIMARY KEY("district_id","survey_id","school_id","question_id","value")
);
--> statement-breakpoint
ALTER TABLE "fact_status" ADD CONSTRAINT "fact_status_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_facts" ADD CONSTRAINT "obligation_facts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_period_facts" ADD CONSTRAINT "school_period_facts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_year_facts" ADD CONSTRAINT "school_year_facts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_facts" ADD CONSTRAINT "survey_answer_facts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fact_status_state" ON "fact_status" USING btree ("state");--> statement-breakpoint
-- hand-written below (keep when regenerating)
-- The fact store (issue 15): row-level security per district on every table (DESIGN §1), and the
-- app role's grants. Every primary key starts with district_id, the distribution column a sharded
-- PostgreSQL (Citus) would use (README "Scale past one machine").
SELECT sunlight_protect(t) FROM unnest(ARRAY['obligation_facts', 'school_period_facts', 'school_year_facts', 'survey_answer_facts', 'fact_status']) AS t;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON obligation_facts, school_period_facts, school_year_facts, survey_answer_facts, fact_status TO sunlight_app;
