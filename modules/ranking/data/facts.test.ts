import { describe, expect, it } from 'vitest';
import { congressMet } from '@/modules/ranking/domain/eligibility';
import { item, obligation } from '@/modules/obligations/domain/fixtures.testutil';
import type { ObligationResult } from '@/core/domain/types';
import { unifyItems } from './facts';

const met = (itemId: string, periodKey: string, quarter: 2 | 4): ObligationResult => ({
  obligation: obligation({ itemId, itemCode: 'C01', periodKey, year: 2025, quarter }),
  status: 'metOnTime',
  met: true,
  onTime: true,
  firstDisclosedOn: '2025-06-20',
  due: true,
  notBefore: false,
});

describe('unifyItems', () => {
  it('keeps one item per code and re-keys results of later checklist versions (§6 congress gate)', () => {
    const v1 = [item({ id: 'v1-c01', code: 'C01', frequency: 'semiannual', tags: ['congress'] }), item({ id: 'v1-m01', code: 'M01', frequency: 'monthly' })];
    const v2 = [item({ id: 'v2-c01', code: 'C01', frequency: 'semiannual', tags: ['congress'] }), item({ id: 'v2-s03', code: 'S03', frequency: 'event' })];
    const results = [met('v1-c01', '2025-H1', 2), met('v2-c01', '2025-H2', 4)];
    // Without unifying, the H2 result belongs to an item the gate does not know.
    expect(congressMet(v1, results, 2025)).toBe(false);
    const { items, canonical } = unifyItems([v1, v1, v2, v2]);
    expect(items.map((i) => i.id)).toEqual(['v1-c01', 'v1-m01', 'v2-s03']);
    const unified = results.map(canonical);
    expect(unified.map((r) => r.obligation.itemId)).toEqual(['v1-c01', 'v1-c01']);
    expect(congressMet(items, unified, 2025)).toBe(true);
    expect(canonical(results[0]!)).toBe(results[0]);
  });
});
