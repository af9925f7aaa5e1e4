import { describe, expect, it } from 'vitest';
import { cellState, columnTotals, matrixCell, matrixRow } from './coverage-matrix';
import { obligation } from '@/modules/obligations/domain/fixtures.testutil';
import { tally } from '@/modules/obligations/domain/metrics';
import type { ObligationResult, ObligationStatus } from '@/core/domain/types';

function result(itemCode: string, status: ObligationStatus, weight = 1, periodKey = '2026-03'): ObligationResult {
  const met = status === 'metOnTime' || status === 'metLate';
  return {
    obligation: obligation({ itemId: itemCode.toLowerCase(), itemCode, weight, periodKey }),
    status,
    met,
    onTime: status === 'metOnTime',
    firstDisclosedOn: null,
    due: status !== 'notYetDue',
    notBefore: false,
  };
}

describe('cellState', () => {
  it('is not applicable without obligations', () => {
    expect(matrixCell('B02', []).state).toBe('notApplicable');
  });
  it('the worst outcome wins: missing, then late, then on time; not yet due only when nothing else', () => {
    expect(cellState({ metOnTime: 2, metLate: 1, missing: 1, notYetDue: 0 })).toBe('missing');
    expect(cellState({ metOnTime: 2, metLate: 1, missing: 0, notYetDue: 1 })).toBe('metLate');
    expect(cellState({ metOnTime: 2, metLate: 0, missing: 0, notYetDue: 1 })).toBe('metOnTime');
    expect(cellState({ metOnTime: 0, metLate: 0, missing: 0, notYetDue: 3 })).toBe('notYetDue');
  });
  it('counts a rejected obligation as missing (§5: a rejection un-meets it)', () => {
    const cell = matrixCell('M01', [result('M01', 'metOnTime'), result('M01', 'rejected', 1, '2026-02')]);
    expect(cell.state).toBe('missing');
    expect(cell.counts).toEqual({ metOnTime: 1, metLate: 0, missing: 1, notYetDue: 0 });
    expect(cell.tally).toMatchObject({ obligations: 2, met: 1, onTime: 1 });
  });
});

describe('matrixRow and columnTotals', () => {
  const a = [result('M01', 'metOnTime', 2), result('M01', 'metLate', 2, '2026-02'), result('G01', 'missing'), result('X99', 'metOnTime')];
  const b = [result('M01', 'missing', 2), result('G01', 'metOnTime')];
  const codes = ['G01', 'M01', 'B02'];

  it('orders cells by the item codes given and totals the whole school', () => {
    const row = matrixRow(codes, a);
    expect(row.cells.map((c) => [c.itemCode, c.state])).toEqual([
      ['G01', 'missing'],
      ['M01', 'metLate'],
      ['B02', 'notApplicable'],
    ]);
    // The row total includes X99 (not shown): it equals the school's own tally.
    expect(row.total).toEqual(tally(a));
  });

  it('column totals are sums over the rows, and all columns add up to all rows', () => {
    const rows = [matrixRow(codes, a), matrixRow(codes, b)];
    const cols = columnTotals(codes, rows);
    expect(cols[1]).toMatchObject({ itemCode: 'M01', tally: { obligations: 3, met: 2, onTime: 1, weightTotal: 6, weightMet: 4, weightOnTime: 2 } });
    expect(cols[1]!.coverage).toBe((4 / 6) * 100);
    expect(cols[1]!.timeliness).toBe((2 / 6) * 100);
    expect(cols[2]!.coverage).toBeNull();
    const colObligations = cols.reduce((s, c) => s + c.tally.obligations, 0);
    const cellObligations = rows.flatMap((r) => r.cells).reduce((s, c) => s + c.tally.obligations, 0);
    expect(colObligations).toBe(cellObligations);
  });

  it('refuses rows whose cells are not in the item order', () => {
    expect(() => columnTotals(['M01', 'G01'], [matrixRow(['G01', 'M01'], a)])).toThrow(RangeError);
  });
});
