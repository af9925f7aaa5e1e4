// The 先进单位 workflow's writes (DESIGN §6): publish the live draft to 公示 as a frozen snapshot,
// approve it as final (leader), reopen it with a reason (new version, old one superseded). Every
// step is audited in the same transaction. A snapshot's rows are never updated: later changes to
// the underlying data only ever reach a new version.
import { and, asc, eq, gte, inArray, lte, max } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { districts, holidays, rankingSnapshots, type RankingSnapshot } from '@/db/schema';
import { addDays } from '@/core/domain/dates';
import { approveBlock, noticePeriod, publishBlock, reopenBlock } from '@/modules/ranking/domain/notice';
import type { LocalDate } from '@/core/domain/types';
import { now } from '@/core/env';
import { audit } from '@/core/audit';
import { inDistrict, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { requireWholeDistrict } from './guard';
import { computeLiveRanking } from './live';
import { unansweredCount } from './objections';
import { activeSnapshotRow, snapshotValues } from './snapshots';
import { type DistrictScope, type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';

/** PostgreSQL unique violation (23505), raw or wrapped by drizzle. */
function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e, i = 0; x && i < 4; x = (x as { cause?: unknown }).cause, i++) {
    if (typeof x === 'object' && (x as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** The district's holidays from `from` on (a notice never runs a year). */
async function holidaysFrom(tx: Tx, districtId: string, from: LocalDate): Promise<LocalDate[]> {
  const rows = await tx
    .select({ day: holidays.day })
    .from(holidays)
    .where(and(eq(holidays.districtId, districtId), gte(holidays.day, from), lte(holidays.day, addDays(from, 366))))
    .orderBy(asc(holidays.day));
  return rows.map((r) => r.day);
}

/** Freezes the live ranking as version n+1 in 公示, with its notice period. */
async function insertNoticeVersion(tx: Tx, s: DistrictScope, year: number, reopenReason: string | null): Promise<RankingSnapshot> {
  const day = today();
  const [{ ranking }, [district], days, [last]] = await Promise.all([
    computeLiveRanking(tx, s.districtId, year, day),
    tx.select({ name: districts.name, issuingBody: districts.issuingBody, noticeContact: districts.noticeContact }).from(districts).where(eq(districts.id, s.districtId)),
    holidaysFrom(tx, s.districtId, day),
    tx
      .select({ v: max(rankingSnapshots.version) })
      .from(rankingSnapshots)
      .where(and(eq(rankingSnapshots.districtId, s.districtId), eq(rankingSnapshots.year, year))),
  ]);
  if (!district) notFound();
  const period = noticePeriod(day, ranking.settings.noticeWorkingDays, days);
  const { rows, settings } = snapshotValues(ranking, { name: district.name, issuingBody: district.issuingBody || district.name, noticeContact: district.noticeContact });
  const version = (last?.v ?? 0) + 1;
  const [row] = await tx
    .insert(rankingSnapshots)
    .values({
      districtId: s.districtId,
      year,
      version,
      state: 'notice',
      rows,
      settings,
      publishedAt: now(),
      publishedBy: s.userId,
      noticeStartsOn: period.startsOn,
      noticeEndsOn: period.endsOn,
      reopenReason,
    })
    .returning();
  await audit(tx, s, {
    entity: 'ranking_snapshot',
    entityId: row!.id,
    action: reopenReason ? 'republish' : 'publish',
    after: {
      year,
      version,
      state: 'notice',
      noticeStartsOn: period.startsOn,
      noticeEndsOn: period.endsOn,
      inQuota: ranking.rows.filter((r) => r.inQuota).map((r) => r.code),
      schools: ranking.rows.length,
      reopenReason,
    },
  });
  return row!;
}

/** A conflict whose message is the rule that blocked the step (the UI translates it). */
function blocked(code: string): never {
  throw new AppError('conflict', code);
}

async function withUniqueGuard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) blocked('concurrent');
    throw e;
  }
}

/** Evaluators (whole district): publish the year's live draft to 公示. */
export async function publishNotice(scope: Scope, year: number): Promise<{ id: string; version: number }> {
  return withUniqueGuard(() =>
    inDistrict(scope, ['evaluator'], async (tx, s) => {
      requireWholeDistrict(s);
      const block = publishBlock(await activeSnapshotRow(tx, s.districtId, year), year, today());
      if (block) blocked(block);
      const row = await insertNoticeVersion(tx, s, year, null);
      return { id: row.id, version: row.version };
    }),
  );
}

async function snapshotInDistrict(tx: Tx, s: DistrictScope, snapshotId: string): Promise<RankingSnapshot> {
  if (!isUuid(snapshotId)) notFound();
  const [row] = await tx
    .select()
    .from(rankingSnapshots)
    .where(and(eq(rankingSnapshots.id, snapshotId), eq(rankingSnapshots.districtId, s.districtId)));
  if (!row) notFound();
  return row;
}

/** Leaders: approve a 公示 whose period is over and whose objections are all answered. */
export async function approveRanking(scope: Scope, snapshotId: string): Promise<void> {
  await inDistrict(scope, ['leader'], async (tx, s) => {
    const row = await snapshotInDistrict(tx, s, snapshotId);
    const block = approveBlock(row, today(), await unansweredCount(tx, s.districtId, row.year));
    if (block) blocked(block);
    const approvedAt = now();
    const [done] = await tx
      .update(rankingSnapshots)
      .set({ state: 'final', approvedAt, approvedBy: s.userId })
      .where(and(eq(rankingSnapshots.id, row.id), eq(rankingSnapshots.districtId, s.districtId), eq(rankingSnapshots.state, 'notice')))
      .returning({ id: rankingSnapshots.id });
    if (!done) blocked('notInNotice');
    await audit(tx, s, {
      entity: 'ranking_snapshot',
      entityId: row.id,
      action: 'approve',
      before: { state: 'notice' },
      after: { state: 'final', year: row.year, version: row.version, approvedAt: approvedAt.toISOString() },
    });
  });
}

/**
 * Evaluators (whole district) and leaders: reopen a 公示 or final result with a reason. The
 * version is superseded and the live draft is published again as version n+1 with a new notice
 * period (§6: changing the result means reopening, which is audited).
 */
export async function reopenRanking(scope: Scope, snapshotId: string, reason: string): Promise<{ id: string; version: number }> {
  return withUniqueGuard(() =>
    inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
      if (s.role === 'evaluator') requireWholeDistrict(s);
      const row = await snapshotInDistrict(tx, s, snapshotId);
      const block = reopenBlock(row, reason);
      if (block) blocked(block);
      const [done] = await tx
        .update(rankingSnapshots)
        .set({ state: 'superseded', supersededAt: now() })
        .where(and(eq(rankingSnapshots.id, row.id), eq(rankingSnapshots.districtId, s.districtId), inArray(rankingSnapshots.state, ['notice', 'final'])))
        .returning({ id: rankingSnapshots.id });
      if (!done) blocked('notActive');
      await audit(tx, s, {
        entity: 'ranking_snapshot',
        entityId: row.id,
        action: 'reopen',
        before: { state: row.state, version: row.version },
        after: { state: 'superseded', reason },
      });
      const next = await insertNoticeVersion(tx, s, row.year, reason.trim());
      return { id: next.id, version: next.version };
    }),
  );
}
