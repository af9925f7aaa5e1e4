// §2 The checklist (公开事项清单): platform templates, and per district and year a versioned copy.
import { boolean, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Audience, Channel, Frequency } from '@/core/domain/types';
import { createdAt, districtId, id, updatedAt } from './columns';
import { districts } from './tenancy';

/** The seven elements of a standard disclosure list plus Sunlight's scheduling fields. */
const itemColumns = () => ({
  code: text('code').notNull(),
  name: text('name').notNull(),
  domain: text('domain').notNull(),
  basis: text('basis').notNull().default(''),
  content: text('content').notNull().default(''),
  responsibleParty: text('responsible_party').notNull().default(''),
  channels: text('channels').array().$type<Channel[]>().notNull().default([]),
  timeLimit: text('time_limit').notNull().default(''),
  audience: text('audience').$type<Audience>().notNull(),
  frequency: text('frequency').$type<Frequency>().notNull(),
  deadlineDays: integer('deadline_days'),
  /** §3: deadline_days counts working days (weekends and the district's holidays skipped). */
  workingDays: boolean('working_days').notNull().default(false),
  annualDueDate: text('annual_due_date'),
  weight: doublePrecision('weight').notNull().default(1),
  mandatory: boolean('mandatory').notNull().default(true),
  tags: text('tags').array().notNull().default([]),
  timing: text('timing').$type<'before'>(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const checklistTemplates = pgTable('checklist_templates', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const checklistTemplateItems = pgTable(
  'checklist_template_items',
  {
    id: id(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => checklistTemplates.id),
    ...itemColumns(),
  },
  (t) => [uniqueIndex('template_items_code').on(t.templateId, t.code)],
);

/**
 * A district's checklist for a year. Version 1 applies from Q1; an edit after the version froze
 * (first report of the year submitted) creates version n+1 applying from `effectiveFromQuarter`,
 * so figures for earlier quarters never change (§2, issue 7).
 */
export const checklistVersions = pgTable(
  'checklist_versions',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    year: integer('year').notNull(),
    version: integer('version').notNull().default(1),
    effectiveFromQuarter: integer('effective_from_quarter').notNull().default(1),
    frozenAt: timestamp('frozen_at', { withTimezone: true, mode: 'date' }),
    sourceTemplateId: uuid('source_template_id').references(() => checklistTemplates.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('checklist_versions_year').on(t.districtId, t.year, t.version)],
);

export const checklistItems = pgTable(
  'checklist_items',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => checklistVersions.id),
    ...itemColumns(),
    retired: boolean('retired').notNull().default(false),
  },
  (t) => [uniqueIndex('checklist_items_code').on(t.versionId, t.code), index('checklist_items_district').on(t.districtId)],
);

export type ChecklistVersion = typeof checklistVersions.$inferSelect;
export type ChecklistItemRow = typeof checklistItems.$inferSelect;
export type ChecklistTemplateItem = typeof checklistTemplateItems.$inferSelect;
