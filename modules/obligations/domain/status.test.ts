import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateAll, evaluateObligation } from './status';
import { disclosure, obligation } from './fixtures.testutil';
import type { DisclosureFact } from '@/core/domain/types';

const march = obligation(); // M01 2026-03, deadline 2026-04-10

describe('evaluateObligation (§3)', () => {
  it('on or before the deadline ⇒ metOnTime', () => {
    const r = evaluateObligation(march, [disclosure({ disclosedOn: '2026-04-10' })], '2026-06-01');
    expect(r).toMatchObject({ status: 'metOnTime', met: true, onTime: true, firstDisclosedOn: '2026-04-10' });
  });

  it('after the deadline ⇒ metLate', () => {
    const r = evaluateObligation(march, [disclosure({ disclosedOn: '2026-04-11' })], '2026-06-01');
    expect(r).toMatchObject({ status: 'metLate', met: true, onTime: false });
  });

  it('uses the earliest accepted disclosure', () => {
    const r = evaluateObligation(march, [disclosure({ disclosedOn: '2026-04-20' }), disclosure({ disclosedOn: '2026-04-02' })], '2026-06-01');
    expect(r).toMatchObject({ status: 'metOnTime', firstDisclosedOn: '2026-04-02' });
  });

  it('nothing disclosed: notYetDue through the deadline, missing after it', () => {
    expect(evaluateObligation(march, [], '2026-04-10').status).toBe('notYetDue');
    expect(evaluateObligation(march, [], '2026-04-11').status).toBe('missing');
    expect(evaluateObligation(march, [], '2026-04-11')).toMatchObject({ met: false, onTime: false, firstDisclosedOn: null });
  });

  it('§5: a rejected disclosure un-meets the obligation', () => {
    const r = evaluateObligation(march, [disclosure({ disclosedOn: '2026-04-01', rejected: true })], '2026-04-05');
    expect(r).toMatchObject({ status: 'rejected', met: false, onTime: false, firstDisclosedOn: null });
  });

  it('a later accepted disclosure after a rejection ⇒ met, and late if past the deadline', () => {
    const r = evaluateObligation(march, [disclosure({ disclosedOn: '2026-04-01', rejected: true }), disclosure({ disclosedOn: '2026-04-20' })], '2026-06-01');
    expect(r).toMatchObject({ status: 'metLate', met: true, onTime: false, firstDisclosedOn: '2026-04-20' });
  });

  it('timing-before items: on time through the one deadline (event − notice period); on or after the event also 事前公开未落实', () => {
    const p01 = obligation({
      itemId: 'p01',
      periodKey: 'ev1',
      timingBefore: true,
      eventId: 'ev1',
      eventDate: '2026-05-12',
      windowStart: null,
      windowEnd: '2026-05-12',
      deadline: '2026-05-05', // 5 working days before Tuesday 12 May
      quarter: 2,
    });
    const on = (d: string) => evaluateObligation(p01, [disclosure({ itemId: 'p01', periodKey: 'ev1', disclosedOn: d })], '2026-06-01');
    expect(on('2026-05-05')).toMatchObject({ status: 'metOnTime', notBefore: false }); // a full notice period ahead
    expect(on('2026-04-01')).toMatchObject({ status: 'metOnTime', notBefore: false });
    expect(on('2026-05-06')).toMatchObject({ status: 'metLate', met: true, notBefore: false }); // after the deadline, before the matter
    expect(on('2026-05-11')).toMatchObject({ status: 'metLate', notBefore: false });
    expect(on('2026-05-12')).toMatchObject({ status: 'metLate', met: true, notBefore: true }); // on the event date: 事前公开未落实
    expect(on('2026-05-15')).toMatchObject({ status: 'metLate', notBefore: true });
    expect(evaluateObligation(p01, [], '2026-05-05')).toMatchObject({ status: 'notYetDue', due: false });
    expect(evaluateObligation(p01, [], '2026-05-06')).toMatchObject({ status: 'missing', due: true });
  });

  it('ordinary event items: on time through event date + N', () => {
    const b01 = obligation({
      itemId: 'b01',
      periodKey: 'ev2',
      eventId: 'ev2',
      eventDate: '2026-05-12',
      windowStart: '2026-05-12',
      windowEnd: '2026-05-12',
      deadline: '2026-05-22',
      quarter: 2,
    });
    const r = evaluateObligation(b01, [disclosure({ itemId: 'b01', periodKey: 'ev2', disclosedOn: '2026-05-22' })], '2026-06-01');
    expect(r.status).toBe('metOnTime');
  });

  it('ignores disclosures of other periods or items', () => {
    const r = evaluateObligation(march, [disclosure({ disclosedOn: '2026-04-01', periodKey: '2026-02' }), disclosure({ disclosedOn: '2026-04-01', itemId: 'm03' })], '2026-06-01');
    expect(r.status).toBe('missing');
  });
});

describe('evaluateAll', () => {
  it('matches disclosures by (itemId, periodKey) and keeps obligation order', () => {
    const obs = [obligation(), obligation({ periodKey: '2026-02', deadline: '2026-03-10' }), obligation({ itemId: 'm03' })];
    const ds: DisclosureFact[] = [
      disclosure({ disclosedOn: '2026-03-09', periodKey: '2026-02' }),
      disclosure({ disclosedOn: '2026-04-12', itemId: 'm03' }),
      disclosure({ disclosedOn: '2026-04-01', itemId: 'zzz' }),
    ];
    expect(evaluateAll(obs, ds, '2026-06-01').map((r) => [r.obligation.itemId, r.obligation.periodKey, r.status])).toEqual([
      ['m01', '2026-03', 'missing'],
      ['m01', '2026-02', 'metOnTime'],
      ['m03', '2026-03', 'metLate'],
    ]);
  });

  it('property: agrees with evaluating each obligation against all disclosures', () => {
    const keys = ['2026-01', '2026-02', '2026-03'];
    const disc = fc.record({
      itemId: fc.constantFrom('a', 'b'),
      periodKey: fc.constantFrom(...keys),
      disclosedOn: fc.constantFrom('2026-02-05', '2026-03-09', '2026-03-10', '2026-04-10', '2026-04-11'),
      rejected: fc.boolean(),
    });
    const obs = ['a', 'b', 'c'].flatMap((itemId) => keys.map((periodKey) => obligation({ itemId, periodKey })));
    fc.assert(
      fc.property(fc.array(disc, { maxLength: 20 }), fc.constantFrom('2026-04-09', '2026-04-30'), (raw, today) => {
        const ds = raw.map((d, i) => ({ ...d, id: `x${i}` }));
        const all = evaluateAll(obs, ds, today);
        obs.forEach((ob, i) => expect(all[i]).toEqual(evaluateObligation(ob, ds, today)));
        for (const r of all) expect(r.onTime && !r.met).toBe(false);
      }),
    );
  });

  // Speed is measured by `npm run bench`, not here; this checks correctness at volume.
  it('matches 100,000 obligations to their disclosures', () => {
    const obs = Array.from({ length: 100_000 }, (_, i) => obligation({ itemId: `i${i % 50}`, periodKey: `p${i}` }));
    const ds = obs.map((o, i) => disclosure({ itemId: o.itemId, periodKey: o.periodKey, disclosedOn: i % 2 ? '2026-04-01' : '2026-04-20' }));
    const res = evaluateAll(obs, ds, '2026-06-01');
    expect(res.filter((r) => r.onTime)).toHaveLength(50_000);
  });
});
