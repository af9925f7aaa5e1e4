CREATE TABLE "reminder_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"robot_id" uuid,
	"target" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"dedupe_key" text NOT NULL,
	"school_id" uuid,
	"title_key" text NOT NULL,
	"title_values" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"href" text,
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"email" text,
	"phone" text,
	"by_email" boolean DEFAULT true NOT NULL,
	"by_robot" boolean DEFAULT true NOT NULL,
	"by_webhook" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_robots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"zone_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url_enc" text NOT NULL,
	"url_hint" text NOT NULL,
	"secret_enc" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_runs" (
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reminder_runs_district_id_kind_day_pk" PRIMARY KEY("district_id","kind","day")
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"daily_hour" integer DEFAULT 8 NOT NULL,
	"skip_weekends" boolean DEFAULT true NOT NULL,
	"skip_holidays" boolean DEFAULT true NOT NULL,
	"due_soon_days" integer DEFAULT 7 NOT NULL,
	"review_wait_days" integer DEFAULT 5 NOT NULL,
	"finding_due_soon_days" integer DEFAULT 3 NOT NULL,
	"leader_weekly" boolean DEFAULT false NOT NULL,
	"smtp_host" text,
	"smtp_port" integer,
	"smtp_tls" text DEFAULT 'starttls' NOT NULL,
	"smtp_user" text,
	"smtp_password_enc" text,
	"smtp_from" text,
	"webhook_url" text,
	"webhook_secret_enc" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_urges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sent_by" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_message_id_reminder_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."reminder_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_robot_id_reminder_robots_id_fk" FOREIGN KEY ("robot_id") REFERENCES "public"."reminder_robots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_messages" ADD CONSTRAINT "reminder_messages_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_messages" ADD CONSTRAINT "reminder_messages_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_messages" ADD CONSTRAINT "reminder_messages_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_messages" ADD CONSTRAINT "reminder_messages_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_robots" ADD CONSTRAINT "reminder_robots_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_robots" ADD CONSTRAINT "reminder_robots_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_runs" ADD CONSTRAINT "reminder_runs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_urges" ADD CONSTRAINT "reminder_urges_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_urges" ADD CONSTRAINT "reminder_urges_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_urges" ADD CONSTRAINT "reminder_urges_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_dedupe" ON "reminder_deliveries" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_status" ON "reminder_deliveries" USING btree ("district_id","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_message" ON "reminder_deliveries" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_messages_dedupe" ON "reminder_messages" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "reminder_messages_recipient" ON "reminder_messages" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "reminder_messages_district_day" ON "reminder_messages" USING btree ("district_id","day");--> statement-breakpoint
CREATE INDEX "reminder_robots_district" ON "reminder_robots" USING btree ("district_id","zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_urges_school_day" ON "reminder_urges" USING btree ("school_id","day");--> statement-breakpoint
CREATE INDEX "reminder_urges_district" ON "reminder_urges" USING btree ("district_id","day");--> statement-breakpoint
-- hand-written below (keep when regenerating)
-- Row-level security for every reminders table (DESIGN §1), and the app role's grants.
SELECT sunlight_protect(t) FROM unnest(ARRAY['reminder_settings', 'reminder_robots', 'reminder_preferences', 'reminder_messages', 'reminder_deliveries', 'reminder_urges', 'reminder_runs']) AS t;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON reminder_settings, reminder_robots, reminder_preferences, reminder_messages, reminder_deliveries, reminder_runs TO sunlight_app;
--> statement-breakpoint
-- 催办 are history (shown on the school's page): never changed or removed by the app.
GRANT SELECT, INSERT ON reminder_urges TO sunlight_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON reminder_urges FROM sunlight_app;
