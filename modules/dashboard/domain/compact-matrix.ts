// The coverage matrix on the wire (issue 15, "light pages"): the page sends the schools' names and
// the items once and one short code per cell; one client component draws the grid from it. A cell
// code is the state's letter, followed by "met/obligations" when the cell holds more than one due
// obligation (what the cell shows as its fraction): "o", "m1/3", "l2/3". A row's cells are their
// codes joined by spaces, in item order.
import { CELL_STATES, type CellState, type MatrixCell } from './coverage-matrix';
import type { RollUpFigures } from '@/modules/obligations/domain/metrics';
import type { CoverageTally } from '@/core/domain/types';
import { pageOf, type Paged } from './paging';

/** The state's letter: the cell's code starts with it, and the grid's cells are classed `m-<letter>`. */
export const CELL_LETTER: Record<CellState, string> = { metOnTime: 'o', metLate: 'l', missing: 'm', notYetDue: 'n', notApplicable: 'x' };
const STATE_OF = new Map<string, CellState>(CELL_STATES.map((s) => [CELL_LETTER[s], s]));

export interface ShownCell {
  state: CellState;
  /** The fraction the cell shows (met of due obligations), only when it holds more than one. */
  frac: { met: number; obligations: number } | null;
}

/** What the cell shows, from its obligations' outcome (the same rule as the page always had). */
export function shownCell(cell: Pick<MatrixCell, 'state' | 'tally'>): ShownCell {
  return { state: cell.state, frac: cell.tally.obligations > 1 ? { met: cell.tally.met, obligations: cell.tally.obligations } : null };
}

export function encodeCell(cell: ShownCell): string {
  return CELL_LETTER[cell.state] + (cell.frac ? `${cell.frac.met}/${cell.frac.obligations}` : '');
}

const CODE = /^([a-z])(?:(\d+)\/(\d+))?$/;

export function decodeCell(code: string): ShownCell {
  const m = CODE.exec(code);
  const state = m ? STATE_OF.get(m[1]!) : undefined;
  if (!m || !state) throw new RangeError(`decodeCell: not a cell code: ${JSON.stringify(code)}`);
  return { state, frac: m[2] === undefined ? null : { met: Number(m[2]), obligations: Number(m[3]) } };
}

/** One school's cells, in item order, as one string. */
export function encodeRow(cells: readonly Pick<MatrixCell, 'state' | 'tally'>[]): string {
  return cells.map((c) => encodeCell(shownCell(c))).join(' ');
}

export function decodeRow(codes: string): ShownCell[] {
  return codes === '' ? [] : codes.split(' ').map(decodeCell);
}

export interface CompactRow {
  id: string;
  code: string;
  name: string;
  /** encodeRow of the school's cells. */
  cells: string;
  met: number;
  obligations: number;
  coverage: number | null;
  timeliness: number | null;
}

/** The matrix as the page sends it: one page of schools, the column and district totals of all. */
export interface CompactMatrix {
  items: { code: string; name: string }[];
  rows: CompactRow[];
  /** Per item, over every school of the filter (not only this page). */
  columns: { coverage: number | null; met: number; obligations: number }[];
  total: { met: number; obligations: number; coverage: number | null; timeliness: number | null };
  /** The page shown, and how many schools the filter holds. */
  paged: Paged & { schools: number };
}

interface MatrixLike {
  items: readonly { code: string; name: string }[];
  rows: readonly {
    school: { schoolId: string; code: string; name: string };
    cells: readonly Pick<MatrixCell, 'state' | 'tally'>[];
    total: CoverageTally;
    coverage: number | null;
    timeliness: number | null;
  }[];
  columns: readonly { coverage: number | null; tally: CoverageTally }[];
  total: RollUpFigures;
}

export function compactMatrix(m: MatrixLike, page: { size: number; asked: number | null }): CompactMatrix {
  const paged = pageOf(m.rows.length, page.size, page.asked);
  return {
    items: m.items.map((i) => ({ code: i.code, name: i.name })),
    rows: m.rows.slice(paged.from, paged.to).map((r) => ({
      id: r.school.schoolId,
      code: r.school.code,
      name: r.school.name,
      cells: encodeRow(r.cells),
      met: r.total.met,
      obligations: r.total.obligations,
      coverage: r.coverage,
      timeliness: r.timeliness,
    })),
    columns: m.columns.map((c) => ({ coverage: c.coverage, met: c.tally.met, obligations: c.tally.obligations })),
    total: { met: m.total.tally.met, obligations: m.total.tally.obligations, coverage: m.total.coverage, timeliness: m.total.timeliness },
    paged: { ...paged, schools: m.rows.length },
  };
}
