// §5 Findings (整改) raised by evaluators and the school's rectification responses.
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FindingSeverity } from '@/core/domain/types';
import { createdAt, districtId, id, stampedAt } from './columns';
import { districts, schools, users } from './tenancy';

export type FindingStatus = 'open' | 'responded' | 'closed';
/** The evaluator's judgement of one rectification response: 整改不到位. */
export type RectificationVerdict = 'insufficient';

export const findings = pgTable(
  'findings',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    itemCode: text('item_code'),
    year: integer('year').notNull(),
    severity: text('severity').$type<FindingSeverity>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<FindingStatus>().notNull().default('open'),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: stampedAt('raised_at'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closedBy: uuid('closed_by').references(() => users.id),
  },
  (t) => [index('findings_district_year').on(t.districtId, t.year, t.status), index('findings_school').on(t.schoolId)],
);

export const rectifications = pgTable(
  'rectifications',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id),
    response: text('response').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: createdAt(),
    /** §5: the evaluator sent this response back as 整改不到位 (the finding reopened with a new due date). */
    verdict: text('verdict').$type<RectificationVerdict>(),
    verdictReason: text('verdict_reason'),
    verdictAt: timestamp('verdict_at', { withTimezone: true, mode: 'date' }),
    verdictBy: uuid('verdict_by').references(() => users.id),
  },
  (t) => [index('rectifications_finding').on(t.findingId)],
);

export type Finding = typeof findings.$inferSelect;
export type Rectification = typeof rectifications.$inferSelect;
