// What evaluators and leaders read about a year's ranking (DESIGN §6): the ranking in force — the
// active snapshot (公示 or final) if one exists, else the live draft — or the live draft on request,
// with the schools whose live result differs from the published one; and the workflow around it.
// The page, the API, the export and the dashboard all read the ranking through `rankingView`.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { districts } from '@/db/schema';
import { rankingChanges, type RowChange } from '@/modules/ranking/domain/explain';
import { approveBlock, publishBlock, rankingState, type RankingState, type SnapshotState } from '@/modules/ranking/domain/notice';
import { inDistrict, today } from '@/core/context';
import { isWholeDistrict, visibleRows } from './guard';
import { yearsOfDistrict } from './facts';
import { computeLiveRanking } from './live';
import { objectionsOfYear, unansweredCount, type ObjectionRow } from './objections';
import { activeSnapshotRow, readSnapshot, versionHistory, type VersionInfo } from './snapshots';
import type { DistrictScope, Scope } from '@/core/scope';
import { type YearFacts, rankYearFacts, type RankingResult } from '@/modules/ranking/domain/composition';

export interface SnapshotRef {
  id: string;
  version: number;
  state: SnapshotState;
  publishedAt: Date;
  noticeStartsOn: string;
  noticeEndsOn: string;
  approvedAt: Date | null;
}

export interface RankingView {
  year: number;
  /** Where the year's ranking stands. */
  state: RankingState;
  /** The active snapshot, if any. */
  snapshot: SnapshotRef | null;
  /** What `ranking` shows: the snapshot's frozen rows, or the live draft. */
  source: 'snapshot' | 'live';
  /** Rows limited to the caller's zones (ranks stay district-wide). */
  ranking: RankingResult;
  /** With a snapshot and `compare`: schools whose live result differs from it. */
  changes: { schoolId: string; changes: RowChange[] }[] | null;
}

export interface ViewOptions {
  /** Show the live draft even when a snapshot exists. */
  live?: boolean;
  /** Also compute the live draft to list what changed since publication. */
  compare?: boolean;
  /** The year's facts when the caller already loaded them (saves loading them twice). */
  facts?: YearFacts;
}

/** Inside a district transaction: the ranking view (unfiltered by zone). */
export async function loadRankingView(tx: Tx, districtId: string, year: number, opts: ViewOptions = {}): Promise<RankingView> {
  const row = await activeSnapshotRow(tx, districtId, year);
  const snap = row ? readSnapshot(row) : null;
  const needLive = !snap || opts.live || opts.compare;
  const live = !needLive ? null : opts.facts ? rankYearFacts(opts.facts) : (await computeLiveRanking(tx, districtId, year, today())).ranking;
  const useLive = !snap || opts.live === true;
  return {
    year,
    state: rankingState(row),
    snapshot: snap
      ? { id: snap.id, version: snap.version, state: snap.state, publishedAt: snap.publishedAt, noticeStartsOn: snap.noticeStartsOn, noticeEndsOn: snap.noticeEndsOn, approvedAt: snap.approvedAt }
      : null,
    source: useLive ? 'live' : 'snapshot',
    ranking: useLive ? live! : snap!.ranking,
    changes: snap && live && opts.compare ? rankingChanges(snap.ranking.rows, live.rows) : null,
  };
}

function scoped(s: DistrictScope, v: RankingView): RankingView {
  const rows = visibleRows(s, v.ranking.rows);
  const ids = new Set(rows.map((r) => r.schoolId));
  return { ...v, ranking: { ...v.ranking, rows }, changes: v.changes?.filter((c) => ids.has(c.schoolId)) ?? null };
}

/** Evaluators and leaders: the year's ranking in force (or the live draft), limited to their scope. */
export async function rankingView(scope: Scope, year: number, opts: ViewOptions = {}): Promise<RankingView> {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => scoped(s, await loadRankingView(tx, s.districtId, year, opts)));
}

export interface Permission {
  allowed: boolean;
  /** Why not (a message key), when the role may act in principle. */
  reason: string | null;
}

export interface RankingWorkflow {
  districtCode: string;
  /** Years with obligations, newest first (for the year picker). */
  years: number[];
  versions: VersionInfo[];
  objections: ObjectionRow[];
  unanswered: number;
  can: { publish: Permission; approve: Permission; reopen: Permission; answer: boolean };
}

const no = (reason: string | null = null): Permission => ({ allowed: false, reason });
const yes: Permission = { allowed: true, reason: null };

/** Evaluators and leaders: versions, objections and what the caller may do next. */
export async function rankingWorkflow(scope: Scope, year: number): Promise<RankingWorkflow> {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
    const day = today();
    const [[district], active, versions, objections, unanswered, years] = await Promise.all([
      tx.select({ code: districts.code }).from(districts).where(eq(districts.id, s.districtId)),
      activeSnapshotRow(tx, s.districtId, year),
      versionHistory(tx, s.districtId, year),
      objectionsOfYear(tx, s.districtId, year),
      unansweredCount(tx, s.districtId, year),
      yearsOfDistrict(tx, s.districtId),
    ]);
    const evaluator = s.role === 'evaluator' && isWholeDistrict(s);
    const publishWhy = publishBlock(active, year, day);
    const approveWhy = active ? approveBlock(active, day, unanswered) : 'notInNotice';
    return {
      districtCode: district?.code ?? '',
      years,
      versions,
      objections,
      unanswered,
      can: {
        publish: !evaluator ? no() : publishWhy ? no(publishWhy) : yes,
        approve: s.role !== 'leader' ? no() : approveWhy ? no(approveWhy) : yes,
        reopen: (evaluator || s.role === 'leader') && active ? yes : no(),
        answer: evaluator,
      },
    };
  });
}
