import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCell, decodeRow, encodeCell, encodeRow, shownCell, type ShownCell } from './compact-matrix';
import { CELL_STATES } from './coverage-matrix';
import { emptyTally } from '@/modules/obligations/domain/metrics';

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
