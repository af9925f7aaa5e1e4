import { describe, expect, it } from 'vitest';
import { disclosureFlags } from './review-flags';

describe('disclosureFlags', () => {
  const calendar = { deadline: '2026-04-10', timingBefore: false, eventDate: null };
  it('flags a disclosure dated after the deadline as late', () => {
    expect(disclosureFlags(calendar, { disclosedOn: '2026-04-10', procurementFlag: false })).toEqual([]);
    expect(disclosureFlags(calendar, { disclosedOn: '2026-04-11', procurementFlag: false })).toEqual(['late']);
  });
  it('flags a 事前 item published on or after the event date (§3: strictly before)', () => {
    const before = { deadline: '2026-05-17', timingBefore: true, eventDate: '2026-05-12' };
    expect(disclosureFlags(before, { disclosedOn: '2026-05-11', procurementFlag: false })).toEqual([]);
    expect(disclosureFlags(before, { disclosedOn: '2026-05-12', procurementFlag: false })).toEqual(['timingBefore']);
  });
  it('carries the §2 procurement flag', () => {
    expect(disclosureFlags(calendar, { disclosedOn: '2026-04-20', procurementFlag: true })).toEqual(['late', 'procurement']);
  });
});
