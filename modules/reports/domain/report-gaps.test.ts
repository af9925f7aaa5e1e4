import { describe, expect, it } from 'vitest';
import { obligation } from '@/modules/obligations/domain/fixtures.testutil';
import { mandatoryGaps, optionalGaps } from './report-gaps';
import type { ObligationResult, ObligationStatus } from '@/core/domain/types';

const r = (itemCode: string, periodKey: string, status: ObligationStatus, mandatory = true): ObligationResult => ({
  obligation: obligation({ itemCode, periodKey, mandatory }),
  status,
  met: status === 'metOnTime' || status === 'metLate',
  onTime: status === 'metOnTime',
  firstDisclosedOn: null,
  due: status !== 'notYetDue',
  notBefore: false,
});

describe('report gaps (§5)', () => {
  const results = [
    r('M01', '2026-11', 'notYetDue'),
    r('M01', '2026-10', 'missing'),
    r('F02', '2026-H2', 'rejected'),
    r('M03', '2026-10', 'metLate'),
    r('T01', '2026', 'missing', false),
    r('G01', '2026', 'metOnTime'),
  ];
  it('lists every unmet mandatory obligation, whatever its status, in a stable order', () => {
    expect(mandatoryGaps(results)).toEqual([
      { itemCode: 'F02', periodKey: '2026-H2' },
      { itemCode: 'M01', periodKey: '2026-10' },
      { itemCode: 'M01', periodKey: '2026-11' },
    ]);
  });
  it('keeps recommended items apart', () => {
    expect(optionalGaps(results)).toEqual([{ itemCode: 'T01', periodKey: '2026' }]);
  });
  it('is empty when everything is met', () => {
    expect(mandatoryGaps([r('G01', '2026', 'metOnTime')])).toEqual([]);
  });
});
