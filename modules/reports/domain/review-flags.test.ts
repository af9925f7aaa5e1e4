import { describe, expect, it } from 'vitest';
import { disclosureFlags } from './review-flags';

describe('disclosureFlags', () => {
  const calendar = { deadline: '2026-04-10', timingBefore: false, eventDate: null };
  it('flags a disclosure dated after the deadline as late', () => {
    expect(disclosureFlags(calendar, { disclosedOn: '2026-04-10', procurementFlag: false })).toEqual([]);
    expect(disclosureFlags(calendar, { disclosedOn: '2026-04-11', procurementFlag: false })).toEqual(['late']);
  });
  it('flags a 事前 item published on or after the event date (§3: strictly before)', () => {
    const before = { deadline: '2026-05-05', timingBefore: true, eventDate: '2026-05-12' }; // §3: event − 5 working days
    expect(disclosureFlags(before, { disclosedOn: '2026-05-05', procurementFlag: false })).toEqual([]);
    expect(disclosureFlags(before, { disclosedOn: '2026-05-11', procurementFlag: false })).toEqual(['late']); // after the deadline, before the matter
    expect(disclosureFlags(before, { disclosedOn: '2026-05-12', procurementFlag: false })).toEqual(['timingBefore']);
  });
  it('§3: flags a disclosure recorded after the report was approved (or submitted)', () => {
    const at = (s: string) => new Date(s);
    const approved = { state: 'approved' as const, lastSubmittedAt: at('2027-01-03T02:00:00Z'), approvedAt: at('2027-01-05T02:00:00Z') };
    const d = (createdAt: string) => ({ disclosedOn: '2027-01-08', procurementFlag: false, createdAt: at(createdAt) });
    const m01Dec = { deadline: '2027-01-10', timingBefore: false, eventDate: null };
    expect(disclosureFlags(m01Dec, d('2027-01-08T02:00:00Z'), approved)).toEqual(['afterApproval']);
    expect(disclosureFlags(m01Dec, d('2027-01-04T02:00:00Z'), approved)).toEqual([]);
    expect(disclosureFlags(m01Dec, d('2027-01-04T02:00:00Z'), { ...approved, state: 'submitted', approvedAt: null })).toEqual(['afterSubmission']);
    expect(disclosureFlags(m01Dec, d('2027-01-04T02:00:00Z'), { ...approved, state: 'returned', approvedAt: null })).toEqual([]);
  });

  it('carries the §2 procurement flag', () => {
    expect(disclosureFlags(calendar, { disclosedOn: '2026-04-20', procurementFlag: true })).toEqual(['late', 'procurement']);
  });
});
