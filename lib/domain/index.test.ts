// End-to-end through the public API: one school-year from checklist to composite score.
import { describe, expect, it } from 'vitest';
import * as domain from './index';
import { item } from './fixtures.testutil';

describe('public API pipeline', () => {
  it('checklist → obligations → results → tallies → composite → ranking', () => {
    const items = [
      item({ id: 'm01', frequency: 'monthly', weight: 1 }),
      item({ id: 'c01', frequency: 'semiannual', weight: 3, tags: ['congress'] }),
      item({ id: 'p01', frequency: 'event', weight: 2, timing: 'before', deadlineDays: 5 }),
    ];
    const obs = domain.expandObligations(items, 2026, [{ id: 'ev1', itemId: 'p01', eventDate: '2026-05-12', title: '职称评审' }]);
    expect(obs).toHaveLength(15);

    const disclosures: domain.DisclosureFact[] = [
      // Jan–Nov monthly accounts on the 5th of the next month, December's late.
      ...Array.from({ length: 11 }, (_, i) => ({
        id: `m${i}`,
        itemId: 'm01',
        periodKey: domain.monthKey(2026, i + 1),
        disclosedOn: domain.localDate(2026, i + 2, 5),
        rejected: false,
      })),
      { id: 'm12', itemId: 'm01', periodKey: '2026-12', disclosedOn: '2027-01-11', rejected: false },
      { id: 'c1', itemId: 'c01', periodKey: '2026-H1', disclosedOn: '2026-06-28', rejected: false },
      { id: 'c2', itemId: 'c01', periodKey: '2026-H2', disclosedOn: '2026-12-20', rejected: false },
      { id: 'p1', itemId: 'p01', periodKey: 'ev1', disclosedOn: '2026-05-12', rejected: false }, // 事前 item on the day: late
    ];
    const today = domain.localDateOf(new Date('2027-02-01T08:00:00+08:00'));
    const results = domain.evaluateAll(obs, disclosures, today);
    const t = domain.tally(results);
    expect(t).toEqual({ obligations: 15, met: 15, onTime: 13, weightTotal: 20, weightMet: 20, weightOnTime: 17 });
    expect(domain.coverage(t)).toBe(100);
    expect(domain.timeliness(t)).toBe(85); // late: December accounts (1) and the 事前 item (2)

    const q4 = domain.tally(results.filter((r) => r.obligation.quarter === 4));
    expect(domain.timeliness(q4)).toBe(83.33); // Oct, Nov, H2 on time (5) of Oct–Dec + H2 (6)

    const sat = domain.schoolSatisfaction({
      teachers: domain.aggregateResponses(Array.from({ length: 12 }, (_, i) => ({ overall: i < 11 ? 5 : 2 }))),
    });
    expect(sat.combined).toBe(91.67);

    const reasons = domain.eligibilityReasons({
      year: 2026,
      reports: ([1, 2, 3, 4] as const).map((quarter) => ({ quarter, state: 'approved' as const })),
      items,
      results,
      findings: [],
      satisfaction: sat.combined,
    });
    expect(reasons).toEqual([]);

    const score = domain.yearScore([
      domain.rubricTotal({ attention: 18, content: 18, form: 18, procedure: 18, rules: 18 }),
      90,
      null,
      92,
    ]);
    const { rows } = domain.rankSchools(
      [
        {
          schoolId: 's1',
          schoolType: 'primary',
          coverage: domain.coverage(t),
          timeliness: domain.timeliness(t),
          score,
          satisfaction: sat.combined,
          reasons,
        },
      ],
      domain.DEFAULT_SETTINGS,
    );
    expect(score).toBe(90.67);
    // 0.3·100 + 0.2·85 + 0.3·90.67 + 0.2·91.67 = 30 + 17 + 27.201 + 18.334 = 92.535 → 92.54
    expect(rows[0]).toMatchObject({ rank: 1, awarded: true, composite: 92.54 });
    expect(domain.addWorkingDays('2027-03-05', domain.DEFAULT_SETTINGS.noticeWorkingDays, [])).toBe('2027-03-12');
  });
});
