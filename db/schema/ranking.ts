// §6 Annual 先进单位 evaluation: frozen snapshots (公示 → final) and objections.
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtId, id, stampedAt } from './columns';
import { districts, users } from './tenancy';

export type SnapshotState = 'notice' | 'final' | 'superseded';

export const rankingSnapshots = pgTable(
  'ranking_snapshots',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    state: text('state').$type<SnapshotState>().notNull(),
    /** The frozen ranking rows and the settings they were computed with. */
    rows: jsonb('rows').notNull(),
    settings: jsonb('settings').notNull(),
    publishedAt: stampedAt('published_at'),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    noticeStartsOn: date('notice_starts_on', { mode: 'string' }).notNull(),
    noticeEndsOn: date('notice_ends_on', { mode: 'string' }).notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedBy: uuid('approved_by').references(() => users.id),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
    reopenReason: text('reopen_reason'),
  },
  (t) => [uniqueIndex('ranking_snapshots_version').on(t.districtId, t.year, t.version)],
);

export const rankingObjections = pgTable(
  'ranking_objections',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => rankingSnapshots.id),
    /** The reference number the objector is given (e.g. 2026-003), per district and year. */
    reference: text('reference'),
    text: text('text').notNull(),
    contact: text('contact'),
    submittedAt: createdAt(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('ranking_objections_snapshot').on(t.snapshotId), uniqueIndex('ranking_objections_reference').on(t.districtId, t.reference)],
);

export type RankingSnapshot = typeof rankingSnapshots.$inferSelect;
export type RankingObjection = typeof rankingObjections.$inferSelect;
