ALTER TABLE "districts" ADD COLUMN "notice_contact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosure_rejections" ADD COLUMN "revised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "verdict_reason" text;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "verdict_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "verdict_by" uuid;--> statement-breakpoint
ALTER TABLE "ranking_objections" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_verdict_by_users_id_fk" FOREIGN KEY ("verdict_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ranking_objections_reference" ON "ranking_objections" USING btree ("district_id","reference");--> statement-breakpoint
-- hand-written below (keep when regenerating)
-- Objections lodged before reference numbers existed get theirs in the order they came in
-- (<year>-<three digits>, per district and year, as the data layer numbers new ones).
UPDATE ranking_objections o SET reference = r.ref
FROM (
  SELECT o2.id, s.year::text || '-' || lpad((row_number() OVER (PARTITION BY o2.district_id, s.year ORDER BY o2.created_at, o2.id))::text, 3, '0') AS ref
  FROM ranking_objections o2 JOIN ranking_snapshots s ON s.id = o2.snapshot_id
) r
WHERE r.id = o.id AND o.reference IS NULL;
