// Order and filter of the ranking table (DESIGN §6). Sorting never changes a rank: ranks come
// from the domain core; this only decides the order rows are listed in within their group.
import type { RankingQuery, RankingSort } from '@/modules/ranking/validation/ranking';
import type { RankingRow } from '@/modules/ranking/domain/composition';

const byCode = (a: RankingRow, b: RankingRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function compare(sort: RankingSort): ((a: RankingRow, b: RankingRow) => number) | null {
  switch (sort) {
    case 'rank':
      return null; // the core's order: rank, then the ineligible by merit
    case 'code':
      return byCode;
    case 'composite':
      return (a, b) => b.composite - a.composite || byCode(a, b);
    default:
      // A missing figure sorts last (it counts as 0 in the composite anyway).
      return (a, b) => (b.values[sort] ?? -1) - (a.values[sort] ?? -1) || byCode(a, b);
  }
}

/** The rows of the selected zone (all zones when none is selected), in the chosen order. */
export function orderRows<T extends RankingRow>(rows: readonly T[], q: Pick<RankingQuery, 'zone' | 'sort'>): T[] {
  const list = q.zone ? rows.filter((r) => r.zoneId === q.zone) : [...rows];
  const cmp = compare(q.sort);
  return cmp ? list.sort(cmp) : list;
}
