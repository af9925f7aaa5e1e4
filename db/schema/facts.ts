// The fact store (issue 15): every figure's inputs, kept up to date in the transaction of each
// write that changes them (modules/facts), so screens, exports and the API read figures that
// already exist instead of recomputing them from the raw rows. Every table is keyed by
// district first (the distribution column of a sharded PostgreSQL, README "Scale past one
// machine"), and every one has the district row-level security policy.
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FindingSeverity, ReportState } from '@/core/domain/types';
import { districtId, stampedAt } from './columns';
import { districts } from './tenancy';

/**
 * One row per obligation of a school (DESIGN §3): what the domain decided about it whatever the
 * day (met, on time, rejected, first accepted disclosure). The status of the day ('notYetDue' or
 * 'missing') is derived when read (statusOn). Keyed by quarter too: a later checklist version may
 * put an item's period in another quarter.
 */
export const obligationFacts = pgTable(
  'obligation_facts',
  {
    districtId: districtId().references(() => districts.id),
    year: integer('year').notNull(),
    schoolId: uuid('school_id').notNull(),
    quarter: smallint('quarter').notNull(),
    itemCode: text('item_code').notNull(),
    periodKey: text('period_key').notNull(),
    /** Position in the quarter's list (calendar obligations in item order, then events). */
    seq: smallint('seq').notNull(),
    itemId: uuid('item_id').notNull(),
    windowStart: date('window_start', { mode: 'string' }),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    weight: doublePrecision('weight').notNull(),
    mandatory: boolean('mandatory').notNull(),
    timingBefore: boolean('timing_before').notNull(),
    eventId: uuid('event_id'),
    eventDate: date('event_date', { mode: 'string' }),
    met: boolean('met').notNull(),
    onTime: boolean('on_time').notNull(),
    /** Nothing accepted and some disclosure rejected (§5). */
    rejected: boolean('rejected').notNull(),
    firstDisclosedOn: date('first_disclosed_on', { mode: 'string' }),
    /** §3 事前公开未落实: a `timing: before` item first disclosed on or after the event date. */
    priorMissed: boolean('prior_missed').notNull(),
  },
  (t) => [primaryKey({ name: 'obligation_facts_pk', columns: [t.districtId, t.year, t.schoolId, t.quarter, t.itemCode, t.periodKey] })],
);

/**
 * Per school and quarter: the sums behind coverage and timeliness (§4) and the quarter's report
 * (state, first submission, rubric total). The report's "on time" and everything that depends on
 * the day or on the district's settings are derived when read.
 */
export const schoolPeriodFacts = pgTable(
  'school_period_facts',
  {
    districtId: districtId().references(() => districts.id),
    year: integer('year').notNull(),
    schoolId: uuid('school_id').notNull(),
    quarter: smallint('quarter').notNull(),
    obligations: integer('obligations').notNull().default(0),
    met: integer('met').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    weightTotal: doublePrecision('weight_total').notNull().default(0),
    weightMet: doublePrecision('weight_met').notNull().default(0),
    weightOnTime: doublePrecision('weight_on_time').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    priorMissed: integer('prior_missed').notNull().default(0),
    /** The latest deadline among the quarter's obligations (all due once it is past). */
    lastDeadline: date('last_deadline', { mode: 'string' }),
    /** "No such matter" statements of the quarter (§3). */
    noMatter: integer('no_matter').notNull().default(0),
    reportId: uuid('report_id'),
    reportState: text('report_state').$type<ReportState>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    /** Rubric total of the report's evaluation, whatever the report's state (§4). */
    score: doublePrecision('score'),
  },
  (t) => [primaryKey({ name: 'school_period_facts_pk', columns: [t.districtId, t.year, t.schoolId, t.quarter] })],
);

export interface StoredFinding {
  severity: FindingSeverity;
  resolved: boolean;
  raisedOn: string;
}

/**
 * Per school and year: the congress gate (§6), the year's findings, and the overall-question
 * survey sums per group (§4: responses, answers of 4–5, sum). Also the lock every fact update of
 * the school-year takes first, and the recompute generation it was last computed for.
 */
export const schoolYearFacts = pgTable(
  'school_year_facts',
  {
    districtId: districtId().references(() => districts.id),
    year: integer('year').notNull(),
    schoolId: uuid('school_id').notNull(),
    generation: integer('generation').notNull().default(0),
    congressMet: boolean('congress_met').notNull().default(true),
    findings: jsonb('findings').$type<StoredFinding[]>().notNull().default([]),
    teachersN: integer('teachers_n').notNull().default(0),
    teachersSatisfied: integer('teachers_satisfied').notNull().default(0),
    teachersSum: integer('teachers_sum').notNull().default(0),
    parentsN: integer('parents_n').notNull().default(0),
    parentsSatisfied: integer('parents_satisfied').notNull().default(0),
    parentsSum: integer('parents_sum').notNull().default(0),
    /** Bookkeeping only (the database's clock; never shown, never compared with the app's). */
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'school_year_facts_pk', columns: [t.districtId, t.year, t.schoolId] })],
);

/** Survey answers counted per school, question and value (§4, §7): what the survey results show. */
export const surveyAnswerFacts = pgTable(
  'survey_answer_facts',
  {
    districtId: districtId().references(() => districts.id),
    surveyId: uuid('survey_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    questionId: uuid('question_id').notNull(),
    value: smallint('value').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ name: 'survey_answer_facts_pk', columns: [t.districtId, t.surveyId, t.schoolId, t.questionId, t.value] })],
);

/**
 * A district-year whose facts are being recomputed after a change of many of them at once (a
 * checklist edit, a holiday): readers say so instead of showing stale figures.
 */
export const factStatus = pgTable(
  'fact_status',
  {
    districtId: districtId().references(() => districts.id),
    year: integer('year').notNull(),
    /** Raised by each change that needs a recompute; school-years below it are stale. */
    generation: integer('generation').notNull().default(0),
    state: text('state').$type<'ready' | 'recomputing'>().notNull().default('ready'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    reason: text('reason'),
    requestedAt: stampedAt('requested_at'),
    updatedAt: stampedAt('updated_at'),
  },
  (t) => [primaryKey({ name: 'fact_status_pk', columns: [t.districtId, t.year] }), index('fact_status_state').on(t.state)],
);

export type ObligationFactRow = typeof obligationFacts.$inferSelect;
export type SchoolPeriodFactRow = typeof schoolPeriodFacts.$inferSelect;
export type SchoolYearFactRow = typeof schoolYearFacts.$inferSelect;
export type FactStatusRow = typeof factStatus.$inferSelect;
