// Coverage matrix cells: schools × checklist items for a quarter or a year (DESIGN §4, issue 4).
// A cell gathers the obligations of one school and one item in the period (e.g. three monthly
// obligations in a quarter, twelve in a year) and shows one state. Row and column totals are
// tallies of the same obligation results, so they add up to the school table's figures.
import { addTallies, coverage, emptyTally, tally, timeliness } from '@/modules/obligations/domain/metrics';
import type { CoverageTally, ObligationResult } from '@/core/domain/types';

/** What a cell shows (colour plus a text symbol, so it reads in greyscale and to screen readers). */
export const CELL_STATES = ['metOnTime', 'metLate', 'missing', 'notYetDue', 'notApplicable'] as const;
export type CellState = (typeof CELL_STATES)[number];

export interface CellCounts {
  metOnTime: number;
  metLate: number;
  /** Deadline passed with nothing accepted, or only rejected disclosures (§5: rejection un-meets). */
  missing: number;
  notYetDue: number;
}

export interface MatrixCell {
  itemCode: string;
  state: CellState;
  counts: CellCounts;
  tally: CoverageTally;
}

/**
 * The state of a cell from its obligation results. Decision (DESIGN is silent on cells holding
 * several obligations): the worst outcome wins — missing, then late, then on time; "not yet due"
 * only when nothing is met or missing yet; no obligation at all = not applicable (an event item
 * without declared events, or an item whose frequency has no obligation in the period).
 */
export function cellState(counts: CellCounts): CellState {
  if (counts.missing > 0) return 'missing';
  if (counts.metLate > 0) return 'metLate';
  if (counts.metOnTime > 0) return 'metOnTime';
  if (counts.notYetDue > 0) return 'notYetDue';
  return 'notApplicable';
}

export function cellCounts(results: readonly ObligationResult[]): CellCounts {
  const c: CellCounts = { metOnTime: 0, metLate: 0, missing: 0, notYetDue: 0 };
  for (const r of results) {
    if (r.status === 'metOnTime') c.metOnTime += 1;
    else if (r.status === 'metLate') c.metLate += 1;
    else if (r.status === 'notYetDue') c.notYetDue += 1;
    else c.missing += 1; // 'missing' and 'rejected'
  }
  return c;
}

export function matrixCell(itemCode: string, results: readonly ObligationResult[]): MatrixCell {
  const counts = cellCounts(results);
  return { itemCode, state: cellState(counts), counts, tally: tally(results) };
}

/** One school's row: a cell per item code (in the given order) and the row total. */
export function matrixRow(itemCodes: readonly string[], results: readonly ObligationResult[]): { cells: MatrixCell[]; total: CoverageTally } {
  const byCode = new Map<string, ObligationResult[]>();
  for (const r of results) {
    const list = byCode.get(r.obligation.itemCode);
    if (list) list.push(r);
    else byCode.set(r.obligation.itemCode, [r]);
  }
  const cells = itemCodes.map((code) => matrixCell(code, byCode.get(code) ?? []));
  // The row total is the tally of ALL the school's results (also those of items not shown), so it
  // equals the school table; with every item shown it is also the sum of the cells.
  return { cells, total: tally(results) };
}

export interface ColumnTotal {
  itemCode: string;
  tally: CoverageTally;
  coverage: number | null;
  timeliness: number | null;
  counts: CellCounts;
}

/** Per item: the sum of its cells over the rows (§4 roll-up: sums, never means of percentages). */
export function columnTotals(itemCodes: readonly string[], rows: readonly { cells: readonly MatrixCell[] }[]): ColumnTotal[] {
  return itemCodes.map((itemCode, i) => {
    let t = emptyTally();
    const counts: CellCounts = { metOnTime: 0, metLate: 0, missing: 0, notYetDue: 0 };
    for (const row of rows) {
      const cell = row.cells[i];
      if (!cell || cell.itemCode !== itemCode) throw new RangeError(`columnTotals: row cells are not in item order at ${itemCode}`);
      t = addTallies(t, cell.tally);
      counts.metOnTime += cell.counts.metOnTime;
      counts.metLate += cell.counts.metLate;
      counts.missing += cell.counts.missing;
      counts.notYetDue += cell.counts.notYetDue;
    }
    return { itemCode, tally: t, coverage: coverage(t), timeliness: timeliness(t), counts };
  });
}
