// The live (draft) 先进单位 ranking of a district-year (DESIGN §6), composed by the domain
// (modules/ranking/domain/composition.ts) from the year's facts (./facts.ts, read from the fact
// store). This is the ONE computation behind the ranking page, the API, the XLSX export, the 公示
// snapshot, the dashboard and the province view. Its rows are plain JSON, so a snapshot stores them
// as they are.
import type { Tx } from '@/db/client';
import { rankingState, type RankingState } from '@/modules/ranking/domain/notice';
import { loadYearFacts } from './facts';
import { activeSnapshotRow, readSnapshot } from './snapshots';
import { rankYearFacts, type RankingResult, type YearFacts } from '@/modules/ranking/domain/composition';
import type { LocalDate } from '@/core/domain/types';

/** The live ranking of a district-year, with the facts it came from (caller: a district transaction). */
export async function computeLiveRanking(tx: Tx, districtId: string, year: number, today: LocalDate): Promise<{ facts: YearFacts; ranking: RankingResult }> {
  const facts = await loadYearFacts(tx, districtId, year, today);
  return { facts, ranking: rankYearFacts(facts) };
}

/**
 * The ranking in force of a district-year as loadRankingView (view.ts) decides it — the active
 * snapshot (公示 or final), else the live draft — without the facts: for readers that only need
 * the ranked rows (province ranking, the dashboard's rank movement against last year).
 */
export async function rankingInForce(
  tx: Tx,
  districtId: string,
  year: number,
  today: LocalDate,
): Promise<{ year: number; state: RankingState; source: 'snapshot' | 'live'; snapshotVersion: number | null; ranking: RankingResult }> {
  const row = await activeSnapshotRow(tx, districtId, year);
  if (row) return { year, state: rankingState(row), source: 'snapshot', snapshotVersion: row.version, ranking: readSnapshot(row).ranking };
  return { year, state: rankingState(null), source: 'live', snapshotVersion: null, ranking: (await computeLiveRanking(tx, districtId, year, today)).ranking };
}
