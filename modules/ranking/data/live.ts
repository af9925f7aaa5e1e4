// The live (draft) 先进单位 ranking of a district-year (DESIGN §6), composed by the domain
// (modules/ranking/domain/composition.ts) from the year's facts (./facts.ts). This is the ONE computation behind the ranking page, the API, the XLSX
// export, the 公示 snapshot and the dashboard. Its rows are plain JSON, so a snapshot stores them
// as they are.
import type { Tx } from '@/db/client';
import { rankingState, type RankingState } from '@/modules/ranking/domain/notice';
import { loadYearFacts } from './facts';
import { activeSnapshotRow, readSnapshot } from './snapshots';
import { cached, cacheKey, changeStamp } from '@/modules/dashboard/data/school-table-cache';
import { rankYearFacts, type RankingResult, type YearFacts } from '@/modules/ranking/domain/composition';
import type { LocalDate } from '@/core/domain/types';

/** The live ranking of a district-year, with the facts it came from (caller: a district transaction). */
export async function computeLiveRanking(tx: Tx, districtId: string, year: number, today: LocalDate): Promise<{ facts: YearFacts; ranking: RankingResult }> {
  const facts = await loadYearFacts(tx, districtId, year, today);
  return { facts, ranking: rankYearFacts(facts) };
}

/**
 * The live ranking of a district-year, kept while the district's change stamp holds (like the
 * school table and the dashboard's year facts, school-table-cache.ts): the province ranking and
 * the dashboard's rank movement read it. Only the ranked rows are kept, not the facts. Publishing
 * a snapshot (ranking-workflow.ts) always recomputes with computeLiveRanking.
 */
export async function cachedLiveRanking(tx: Tx, districtId: string, year: number, today: LocalDate, stamp?: string): Promise<RankingResult> {
  // The change stamp is read before the data (school-table-cache.ts); a caller that already read
  // it in this transaction, before any data, may pass it.
  stamp ??= await changeStamp(tx, districtId);
  return cached('ranking', cacheKey({ ranking: 'live', district: districtId, year, today }), stamp, async () => rankYearFacts(await loadYearFacts(tx, districtId, year, today)));
}

/**
 * The ranking in force of a district-year as loadRankingView (ranking-view.ts) decides it — the
 * active snapshot (公示 or final), else the live draft — without the facts: for readers that only
 * need the ranked rows (province ranking, the dashboard's rank movement against last year).
 */
export async function rankingInForce(
  tx: Tx,
  districtId: string,
  year: number,
  today: LocalDate,
  stamp?: string,
): Promise<{ year: number; state: RankingState; source: 'snapshot' | 'live'; snapshotVersion: number | null; ranking: RankingResult }> {
  const row = await activeSnapshotRow(tx, districtId, year);
  if (row) return { year, state: rankingState(row), source: 'snapshot', snapshotVersion: row.version, ranking: readSnapshot(row).ranking };
  return { year, state: rankingState(null), source: 'live', snapshotVersion: null, ranking: await cachedLiveRanking(tx, districtId, year, today, stamp) };
}
