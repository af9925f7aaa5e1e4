// §3 and §5: disclosures against obligations, declared events, quarterly reports and their review.
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Audience, Channel, ReportState } from '@/core/domain/types';
import { bytea, createdAt, districtId, id, stampedAt, updatedAt } from './columns';
import { districts, schools, users } from './tenancy';

export const quarterlyReports = pgTable(
  'quarterly_reports',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    year: integer('year').notNull(),
    quarter: smallint('quarter').notNull(),
    state: text('state').$type<ReportState>().notNull().default('draft'),
    /** First submission time (report on time is judged on it, §4). */
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    lastSubmittedAt: timestamp('last_submitted_at', { withTimezone: true, mode: 'date' }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedBy: uuid('approved_by').references(() => users.id),
    /** Mandatory obligations still unmet when the coordinator confirmed submission. */
    gapsAtSubmit: jsonb('gaps_at_submit').$type<{ itemCode: string; periodKey: string }[]>(),
    /** Optimistic lock for concurrent edits. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('reports_school_quarter').on(t.schoolId, t.year, t.quarter), index('reports_district_quarter').on(t.districtId, t.year, t.quarter, t.state)],
);

/** Every report state change: who, when, from, to, why (§5). */
export const reportTransitions = pgTable(
  'report_transitions',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => quarterlyReports.id),
    fromState: text('from_state').$type<ReportState>(),
    toState: text('to_state').$type<ReportState | 'reopened'>().notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    reason: text('reason'),
    at: stampedAt('at'),
  },
  (t) => [index('report_transitions_report').on(t.reportId, t.at)],
);

/** Evaluator score: five dimensions of 0–20 (§4: 思想重视 内容翔实 形式规范 程序严密 制度健全). */
export const evaluations = pgTable(
  'evaluations',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => quarterlyReports.id),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id),
    attention: smallint('attention').notNull(),
    content: smallint('content').notNull(),
    form: smallint('form').notNull(),
    procedure: smallint('procedure').notNull(),
    rules: smallint('rules').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('evaluations_report').on(t.reportId), index('evaluations_district').on(t.districtId)],
);

/** Evaluator comments per item on a report (shown to the coordinator on a returned report). */
export const reportItemComments = pgTable(
  'report_item_comments',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => quarterlyReports.id),
    itemCode: text('item_code').notNull(),
    periodKey: text('period_key'),
    comment: text('comment').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_item_comments_report').on(t.reportId)],
);

/** A school's declared event for an `event` item (§3): each one is an obligation. */
export const declaredEvents = pgTable(
  'declared_events',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    itemCode: text('item_code').notNull(),
    year: integer('year').notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('declared_events_school_year').on(t.districtId, t.schoolId, t.year)],
);

/** "No such matter this quarter" for an event item — not an obligation; evaluators may challenge. */
export const noMatterStatements = pgTable(
  'no_matter_statements',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    itemCode: text('item_code').notNull(),
    year: integer('year').notNull(),
    quarter: smallint('quarter').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    challengedAt: timestamp('challenged_at', { withTimezone: true, mode: 'date' }),
    challengedBy: uuid('challenged_by').references(() => users.id),
    challengeNote: text('challenge_note'),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('no_matter_school_item_quarter').on(t.schoolId, t.itemCode, t.year, t.quarter)],
);

/** One disclosure, recorded against one obligation: (item, period key) (§3). */
export const disclosures = pgTable(
  'disclosures',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** Stable item code (§2); the checklist version effective for the quarter supplies the rest. */
    itemCode: text('item_code').notNull(),
    periodKey: text('period_key').notNull(),
    /** Year and quarter the obligation belongs to (not necessarily of disclosedOn). */
    year: integer('year').notNull(),
    quarter: smallint('quarter').notNull(),
    eventId: uuid('event_id').references(() => declaredEvents.id),
    disclosedOn: date('disclosed_on', { mode: 'string' }).notNull(),
    /** `timing: before` items: the planned date of the matter. */
    plannedOn: date('planned_on', { mode: 'string' }),
    channels: text('channels').array().$type<Channel[]>().notNull(),
    audience: text('audience').$type<Audience>().notNull(),
    summary: text('summary').notNull(),
    procurementAmount: doublePrecision('procurement_amount'),
    procurementMethod: text('procurement_method'),
    /** §2 rule: B02 ≥ 3000元 by a method other than 集体采购/公开招标. */
    procurementFlag: boolean('procurement_flag').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('disclosures_school_year').on(t.districtId, t.year, t.quarter, t.schoolId), index('disclosures_obligation').on(t.schoolId, t.itemCode, t.periodKey)],
);

/** An evaluator's rejection of one disclosure (un-meets its obligation, §5). */
export const disclosureRejections = pgTable(
  'disclosure_rejections',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    disclosureId: uuid('disclosure_id')
      .notNull()
      .references(() => disclosures.id),
    reason: text('reason').notNull(),
    rejectedBy: uuid('rejected_by')
      .notNull()
      .references(() => users.id),
    rejectedAt: stampedAt('rejected_at'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    /** The school last changed the disclosure (or its evidence) after this rejection: 已修改待复核 (§5). */
    revisedAt: timestamp('revised_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('disclosure_rejections_disclosure').on(t.disclosureId), index('disclosure_rejections_district').on(t.districtId)],
);

/** Evidence: an uploaded file (bytes in the database, or a path under a configured directory) or a link. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    ownerType: text('owner_type').$type<'disclosure' | 'rectification'>().notNull(),
    ownerId: uuid('owner_id').notNull(),
    kind: text('kind').$type<'file' | 'link'>().notNull(),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    size: integer('size'),
    sha256: text('sha256'),
    data: bytea('data'),
    storagePath: text('storage_path'),
    url: text('url'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('evidence_owner').on(t.ownerType, t.ownerId)],
);

/** Autosaved form drafts, so nothing typed is lost when the browser closes mid-entry. */
export const formDrafts = pgTable(
  'form_drafts',
  {
    districtId: districtId().references(() => districts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    formKey: text('form_key').notNull(),
    data: jsonb('data').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('form_drafts_user_key').on(t.userId, t.formKey)],
);

export type QuarterlyReport = typeof quarterlyReports.$inferSelect;
export type Disclosure = typeof disclosures.$inferSelect;
export type DeclaredEventRow = typeof declaredEvents.$inferSelect;
export type NoMatterStatement = typeof noMatterStatements.$inferSelect;
export type Evaluation = typeof evaluations.$inferSelect;
export type EvidenceFile = typeof evidenceFiles.$inferSelect;
