// End-to-end through the public API: one school-year from checklist to composite score.
import { describe, expect, it } from 'vitest';
import * as d_dates from '@/core/domain/dates';
import * as d_eligibility from './eligibility';
import * as d_metrics from '@/modules/obligations/domain/metrics';
import * as d_obligations from '@/modules/obligations/domain/obligations';
import * as d_periods from '@/core/domain/periods';
import * as d_ranking from './ranking';
import * as d_satisfaction from '@/modules/surveys/domain/satisfaction';
import * as d_scores from '@/modules/reports/domain/scores';
import * as d_status from '@/modules/obligations/domain/status';
import * as d_types from '@/core/domain/types';
import * as d_workingDays from '@/core/domain/working-days';
import { item } from '@/modules/obligations/domain/fixtures.testutil';

describe('public API pipeline', () => {
  it('checklist → obligations → results → tallies → composite → ranking', () => {
    const items = [
      item({ id: 'm01', frequency: 'monthly', weight: 1 }),
      item({ id: 'c01', frequency: 'semiannual', weight: 3, tags: ['congress'] }),
      item({ id: 'p01', frequency: 'event', weight: 2, timing: 'before', deadlineDays: 5 }),
    ];
    const obs = d_obligations.expandObligations(items, 2026, [{ id: 'ev1', itemId: 'p01', eventDate: '2026-05-12', title: '职称评审' }]);
    expect(obs).toHaveLength(15);

    const disclosures: d_types.DisclosureFact[] = [
      // Jan–Nov monthly accounts on the 5th of the next month, December's late.
      ...Array.from({ length: 11 }, (_, i) => ({
        id: `m${i}`,
        itemId: 'm01',
        periodKey: d_periods.monthKey(2026, i + 1),
        disclosedOn: d_dates.localDate(2026, i + 2, 5),
        rejected: false,
      })),
      { id: 'm12', itemId: 'm01', periodKey: '2026-12', disclosedOn: '2027-01-11', rejected: false },
      { id: 'c1', itemId: 'c01', periodKey: '2026-H1', disclosedOn: '2026-06-28', rejected: false },
      { id: 'c2', itemId: 'c01', periodKey: '2026-H2', disclosedOn: '2026-12-20', rejected: false },
      { id: 'p1', itemId: 'p01', periodKey: 'ev1', disclosedOn: '2026-05-12', rejected: false }, // 事前 item on the day: late
    ];
    const today = d_dates.localDateOf(new Date('2027-02-01T08:00:00+08:00'));
    const results = d_status.evaluateAll(obs, disclosures, today);
    const t = d_metrics.tally(results);
    expect(t).toEqual({ obligations: 15, notYetDue: 0, met: 15, onTime: 13, weightTotal: 20, weightMet: 20, weightOnTime: 17 });
    expect(d_metrics.coverage(t)).toBe(100);
    expect(d_metrics.timeliness(t)).toBe(85); // late: December accounts (1) and the 事前 item (2)

    const q4 = d_metrics.tally(results.filter((r) => r.obligation.quarter === 4));
    expect(d_metrics.roundTo2(d_metrics.timeliness(q4)!)).toBe(83.33); // Oct, Nov, H2 on time (5) of Oct–Dec + H2 (6)

    const sat = d_satisfaction.schoolSatisfaction({
      teachers: d_satisfaction.aggregateResponses(Array.from({ length: 12 }, (_, i) => ({ overall: i < 11 ? 5 : 2 }))),
    });
    expect(d_metrics.roundTo2(sat.combined!)).toBe(91.67);

    const reasons = d_eligibility.eligibilityReasons({
      year: 2026,
      reports: ([1, 2, 3, 4] as const).map((quarter) => ({ quarter, state: 'approved' as const })),
      items,
      results,
      findings: [],
      satisfaction: sat.combined,
    });
    expect(reasons).toEqual([]);

    const score = d_scores.yearScore([d_scores.rubricTotal({ attention: 18, content: 18, form: 18, procedure: 18, rules: 18 }), 90, null, 92]);
    const { rows } = d_ranking.rankSchools(
      [
        {
          schoolId: 's1',
          schoolType: 'primary',
          coverage: d_metrics.coverage(t),
          timeliness: d_metrics.timeliness(t),
          score,
          satisfaction: sat.combined,
          reasons,
        },
      ],
      d_types.DEFAULT_SETTINGS,
    );
    expect(d_metrics.roundTo2(score!)).toBe(90.67);
    // 0.3·100 + 0.2·85 + 0.3·90.67 + 0.2·91.67 = 30 + 17 + 27.201 + 18.334 = 92.535 → 92.54
    expect(rows[0]).toMatchObject({ rank: 1, awarded: true, composite: 92.54 });
    expect(d_workingDays.addWorkingDays('2027-03-05', d_types.DEFAULT_SETTINGS.noticeWorkingDays, [])).toBe('2027-03-12');
  });
});
