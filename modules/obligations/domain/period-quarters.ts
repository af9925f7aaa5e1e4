// Which quarter a calendar period key can belong to (DESIGN §3 "belongs to" column), so that the
// obligation behind a key can be found without expanding the whole year.
import { quarterOfMonth } from '@/core/domain/dates';
import { parsePeriodKey } from '@/core/domain/periods';
import type { Quarter } from '@/core/domain/types';

/**
 * §3: a month belongs to its quarter; a quarter to itself; H1 → Q2, H2 → Q4; T1 → Q1, T2 → Q3;
 * a year to the quarter of the item's due date, which depends on the item — so all four are
 * candidates. Null for anything that is not a calendar key (e.g. a declared event's id).
 */
export function candidateQuarters(periodKey: string): { year: number; quarters: Quarter[] } | null {
  const p = parsePeriodKey(periodKey);
  if (!p) return null;
  switch (p.kind) {
    case 'month':
      return { year: p.year, quarters: [quarterOfMonth(p.index!)] };
    case 'quarter':
      return { year: p.year, quarters: [p.index as Quarter] };
    case 'half':
      return { year: p.year, quarters: [p.index === 1 ? 2 : 4] };
    case 'term':
      return { year: p.year, quarters: [p.index === 1 ? 1 : 3] };
    case 'year':
      return { year: p.year, quarters: [1, 2, 3, 4] };
  }
}
