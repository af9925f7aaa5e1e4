ALTER TABLE "checklist_items" ADD COLUMN "working_days" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "checklist_template_items" ADD COLUMN "working_days" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- hand-written below (keep when regenerating)
-- §3: items whose own time limit says 工作日 (the default template's P01 and P05: 公示期不少于5个
-- 工作日) count their notice period in working days from now on.
UPDATE checklist_template_items SET working_days = true WHERE frequency = 'event' AND time_limit LIKE '%工作日%';
--> statement-breakpoint
UPDATE checklist_items SET working_days = true WHERE frequency = 'event' AND time_limit LIKE '%工作日%';
