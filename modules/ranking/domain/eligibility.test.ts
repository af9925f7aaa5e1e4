import { describe, expect, it } from 'vitest';
import { allReportsApproved, congressMet, eligibilityReasons, hasUnresolvedVeto, type EligibilityFacts } from './eligibility';
import { expandObligations } from '@/modules/obligations/domain/obligations';
import { evaluateAll } from '@/modules/obligations/domain/status';
import { disclosure, item } from '@/modules/obligations/domain/fixtures.testutil';
import type { Quarter } from '@/core/domain/types';

const c01 = item({ id: 'c01', frequency: 'semiannual', tags: ['congress'] });
const c02 = item({ id: 'c02', frequency: 'annual', tags: ['congress'] });
const m01 = item({ id: 'm01', frequency: 'monthly' });
const items = [c01, c02, m01];
const obs = expandObligations(items, 2026, []);
const approved = ([1, 2, 3, 4] as Quarter[]).map((quarter) => ({ quarter, state: 'approved' as const }));

function resultsWith(h1: boolean, h2: boolean) {
  const ds = [
    ...(h1 ? [disclosure({ itemId: 'c01', periodKey: '2026-H1', disclosedOn: '2026-06-20' })] : []),
    ...(h2 ? [disclosure({ itemId: 'c01', periodKey: '2026-H2', disclosedOn: '2026-12-20' })] : []),
  ];
  return evaluateAll(obs, ds, '2027-02-01');
}

const good: EligibilityFacts = {
  year: 2026,
  reports: approved,
  congress: congressMet(items, resultsWith(true, true), 2026),
  findings: [{ severity: 'veto', resolved: true, raisedOn: '2026-05-01' }],
  satisfaction: 90,
};

describe('eligibility gates (§6)', () => {
  it('a school passing every gate has no reasons', () => {
    expect(eligibilityReasons(good)).toEqual([]);
  });

  it('reportsNotApproved: all four quarterly reports must be approved', () => {
    expect(allReportsApproved(approved)).toBe(true);
    expect(allReportsApproved(approved.slice(0, 3))).toBe(false);
    const returned = approved.map((r) => (r.quarter === 4 ? { ...r, state: 'submitted' as const } : r));
    expect(eligibilityReasons({ ...good, reports: returned })).toEqual(['reportsNotApproved']);
  });

  it('congressNotMet: both semiannual congress obligations must be met', () => {
    expect(congressMet(items, resultsWith(true, true), 2026)).toBe(true);
    expect(congressMet(items, resultsWith(true, false), 2026)).toBe(false);
    expect(congressMet(items, resultsWith(false, true), 2026)).toBe(false);
    expect(eligibilityReasons({ ...good, congress: congressMet(items, resultsWith(true, false), 2026) })).toEqual(['congressNotMet']);
    // A late but accepted disclosure still meets it.
    const late = evaluateAll(
      obs,
      [disclosure({ itemId: 'c01', periodKey: '2026-H1', disclosedOn: '2026-08-01' }), disclosure({ itemId: 'c01', periodKey: '2026-H2', disclosedOn: '2027-01-20' })],
      '2027-02-01',
    );
    expect(congressMet(items, late, 2026)).toBe(true);
    // A rejected one does not.
    const rejected = evaluateAll(
      obs,
      [disclosure({ itemId: 'c01', periodKey: '2026-H1', disclosedOn: '2026-06-01' }), disclosure({ itemId: 'c01', periodKey: '2026-H2', disclosedOn: '2026-12-01', rejected: true })],
      '2027-02-01',
    );
    expect(congressMet(items, rejected, 2026)).toBe(false);
  });

  it('congress gate: missing results fail; no congress semiannual item in the checklist ⇒ passes', () => {
    expect(congressMet(items, [], 2026)).toBe(false);
    expect(congressMet([c02, m01], [], 2026)).toBe(true);
  });

  it('vetoUnresolved: an unresolved 一票否决 finding of the year', () => {
    expect(hasUnresolvedVeto([{ severity: 'veto', resolved: false, raisedOn: '2026-03-01' }], 2026)).toBe(true);
    expect(hasUnresolvedVeto([{ severity: 'veto', resolved: true, raisedOn: '2026-03-01' }], 2026)).toBe(false);
    expect(hasUnresolvedVeto([{ severity: 'serious', resolved: false, raisedOn: '2026-03-01' }], 2026)).toBe(false);
    expect(hasUnresolvedVeto([{ severity: 'veto', resolved: false, raisedOn: '2025-12-31' }], 2026)).toBe(false);
    expect(eligibilityReasons({ ...good, findings: [{ severity: 'veto', resolved: false, raisedOn: '2026-11-11' }] })).toEqual(['vetoUnresolved']);
  });

  it('noValidSatisfaction: no valid survey group', () => {
    expect(eligibilityReasons({ ...good, satisfaction: null })).toEqual(['noValidSatisfaction']);
    expect(eligibilityReasons({ ...good, satisfaction: 0 })).toEqual([]);
  });

  it('reports every failing gate, in a stable order', () => {
    expect(
      eligibilityReasons({
        ...good,
        reports: [],
        congress: congressMet(items, [], 2026),
        findings: [{ severity: 'veto', resolved: false, raisedOn: '2026-01-02' }],
        satisfaction: null,
      }),
    ).toEqual(['reportsNotApproved', 'congressNotMet', 'vetoUnresolved', 'noValidSatisfaction']);
  });
});
