import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactMatrix, decodeCell, decodeRow, encodeCell, encodeRow, shownCell, type ShownCell } from './compact-matrix';
import { CELL_STATES, columnTotals, matrixRow } from './coverage-matrix';
import { coverage, emptyTally, rollUp, timeliness } from '@/modules/obligations/domain/metrics';
import { obligation } from '@/modules/obligations/domain/fixtures.testutil';
import type { ObligationResult, ObligationStatus } from '@/core/domain/types';

const tallyOf = (met: number, obligations: number) => ({ ...emptyTally(), met, obligations });

describe('cell codes', () => {
  it('a letter per state, the fraction only when the cell holds more than one due obligation', () => {
    expect(encodeCell(shownCell({ state: 'metOnTime', tally: tallyOf(1, 1) }))).toBe('o');
    expect(encodeCell(shownCell({ state: 'metOnTime', tally: tallyOf(3, 3) }))).toBe('o3/3');
    expect(encodeCell(shownCell({ state: 'missing', tally: tallyOf(1, 3) }))).toBe('m1/3');
    expect(encodeCell(shownCell({ state: 'metLate', tally: tallyOf(11, 12) }))).toBe('l11/12');
    expect(encodeCell(shownCell({ state: 'notYetDue', tally: tallyOf(0, 0) }))).toBe('n');
    expect(encodeCell(shownCell({ state: 'notApplicable', tally: tallyOf(0, 0) }))).toBe('x');
  });

  it('decodes what it encodes, for every state and fraction', () => {
    const cell = fc.record({
      state: fc.constantFrom(...CELL_STATES),
      frac: fc.option(
        fc.nat(40).chain((obligations) => fc.record({ met: fc.nat(obligations), obligations: fc.constant(obligations) })),
        { nil: null },
      ),
    }) as fc.Arbitrary<ShownCell>;
    fc.assert(
      fc.property(cell, (c) => {
        expect(decodeCell(encodeCell(c))).toEqual(c);
      }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        expect(decodeRow(cells.map(encodeCell).join(' '))).toEqual(cells);
      }),
    );
  });

  it('a row encodes its cells in order, one short code each', () => {
    const row = encodeRow([
      { state: 'metOnTime', tally: tallyOf(3, 3) },
      { state: 'notApplicable', tally: tallyOf(0, 0) },
      { state: 'missing', tally: tallyOf(0, 1) },
    ]);
    expect(row).toBe('o3/3 x m');
    expect(decodeRow(row).map((c) => c.state)).toEqual(['metOnTime', 'notApplicable', 'missing']);
    expect(decodeRow('')).toEqual([]);
  });

  it('refuses anything that is not a cell code', () => {
    for (const bad of ['', 'q', 'o3', 'o3/', 'O', 'o 3/3', 'm-1/3']) expect(() => decodeCell(bad)).toThrow(RangeError);
  });
});

describe('compactMatrix', () => {
  const result = (itemCode: string, status: ObligationStatus, periodKey: string): ObligationResult => ({
    obligation: obligation({ itemId: itemCode.toLowerCase(), itemCode, periodKey }),
    status,
    met: status === 'metOnTime' || status === 'metLate',
    onTime: status === 'metOnTime',
    firstDisclosedOn: null,
    due: status !== 'notYetDue',
    notBefore: false,
  });
  const codes = ['M01', 'G01'];
  const schools: ObligationResult[][] = [
    [result('M01', 'metOnTime', '2026-01'), result('M01', 'missing', '2026-02'), result('G01', 'metLate', '2026-Q1')],
    [result('M01', 'metOnTime', '2026-01')],
    [result('G01', 'notYetDue', '2026-Q1')],
  ];
  const rows = schools.map((results, i) => {
    const { cells, total } = matrixRow(codes, results);
    return { school: { schoolId: `id${i}`, code: `s${i}`, name: `学校${i}` }, cells, total, coverage: coverage(total), timeliness: timeliness(total) };
  });
  const m = { items: codes.map((code) => ({ code, name: `事项${code}` })), rows, columns: columnTotals(codes, rows), total: rollUp(rows.map((r) => r.total)) };

  it('sends one page of schools with their cells and figures, and the totals of every school', () => {
    const first = compactMatrix(m, { size: 2, asked: 1 });
    expect(first.rows.map((r) => [r.code, r.cells, r.met, r.obligations])).toEqual([
      ['s0', 'm1/2 l', 2, 3],
      ['s1', 'o x', 1, 1],
    ]);
    const last = compactMatrix(m, { size: 2, asked: 2 });
    expect(last.rows.map((r) => [r.code, r.cells])).toEqual([['s2', 'x n']]);
    for (const c of [first, last]) {
      expect(c.paged).toMatchObject({ pages: 2, schools: 3 });
      expect(c.total).toEqual({ met: 3, obligations: 4, coverage: m.total.coverage, timeliness: m.total.timeliness });
      expect(c.columns.map((col) => [col.met, col.obligations])).toEqual([
        [2, 3],
        [1, 1],
      ]);
      expect(c.items).toEqual([
        { code: 'M01', name: '事项M01' },
        { code: 'G01', name: '事项G01' },
      ]);
    }
    // Decoded, each cell shows what the full matrix's cell shows.
    expect(decodeRow(first.rows[0]!.cells)).toEqual(rows[0]!.cells.map(shownCell));
  });
});
