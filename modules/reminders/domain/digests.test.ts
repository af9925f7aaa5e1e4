// Who gets what on a given day: dongcheng-like facts on chosen days (the demo "today" is Monday
// 2026-11-23; Q3 reports were due 2026-10-15, Q4's open on 2027-01-01).
import { describe, expect, it } from 'vitest';
import { coordinatorDigestLines, evaluatorDigestLines, planDay } from './digests';
import { planEvent } from './events';
import { planUrge, urgeItems } from './urge';
import { DEFAULT_REMINDER_SETTINGS, type DistrictFacts, type ObligationFact, type Recipient, type ReportFact, type SchoolFacts } from './types';

const S = DEFAULT_REMINDER_SETTINGS;
const NONE = new Set<string>();

const ob = (itemCode: string, periodKey: string, deadline: string, met = false): ObligationFact => ({
  itemCode,
  itemName: `事项${itemCode}`,
  periodKey,
  deadline,
  met,
  eventTitle: null,
  eventDate: null,
});
const rep = (year: number, quarter: 1 | 2 | 3 | 4, state: ReportFact['state'], extra: Partial<ReportFact> = {}): ReportFact => {
  const end = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' }[quarter];
  const opens = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const due = quarter === 4 ? `${year + 1}-01-15` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-15`;
  void end;
  return { reportId: `r-${year}-${quarter}`, year, quarter, state, opensOn: opens, dueOn: due, lastSubmittedOn: null, ...extra };
};

function school(code: string, zoneId: string | null, over: Partial<SchoolFacts> = {}): SchoolFacts {
  return { schoolId: `id-${code}`, code, name: `东城区${code}学校`, zoneId, obligations: [], reports: [], findings: [], ...over };
}

// dc01: exemplary; dc11: items missing; dc08: Q3 report never submitted; dc14: report waiting.
const dc01 = school('dc01', 'z1', { obligations: [ob('M01', '2026-10', '2026-11-10', true), ob('M03', '2026-10', '2026-11-10', true)], reports: [rep(2026, 3, 'approved'), rep(2026, 4, 'draft')] });
const dc11 = school('dc11', 'z1', {
  obligations: [
    ob('M01', '2026-10', '2026-11-10'),
    ob('M03', '2026-11', '2026-12-10'),
    ob('S02', '2026-Q4', '2027-01-10'),
    ob('M04', '2026-Q3', '2026-10-10', true),
    ob('P04', '2026-11', '2026-11-23'),
    ob('F02', '2026-H2', '2026-11-30'),
  ],
  reports: [rep(2026, 3, 'returned'), rep(2026, 4, 'draft')],
  findings: [
    { findingId: 'f1', title: '食堂账目未公开', dueOn: '2026-11-20', status: 'open' },
    { findingId: 'f2', title: '收费公示不全', dueOn: '2026-11-25', status: 'open' },
    { findingId: 'f3', title: '已答复的问题', dueOn: '2026-11-01', status: 'responded' },
  ],
});
const dc08 = school('dc08', 'z2', { reports: [rep(2026, 3, 'none'), rep(2026, 4, 'none')] });
const dc14 = school('dc14', 'z2', { reports: [rep(2026, 3, 'submitted', { lastSubmittedOn: '2026-11-10' }), rep(2026, 4, 'draft')] });

const facts = (day: string, over: Partial<DistrictFacts> = {}): DistrictFacts => ({ day, schools: [dc01, dc11, dc08, dc14], openObjections: 0, noticeYear: null, weekly: null, ...over });
const coord = (code: string): Recipient => ({ userId: `u-${code}`, role: 'coordinator', schoolId: `id-${code}`, zoneIds: null });
const RECIPIENTS: Recipient[] = [
  coord('dc01'),
  coord('dc11'),
  coord('dc08'),
  coord('dc14'),
  { userId: 'u-eval', role: 'evaluator', schoolId: null, zoneIds: null },
  { userId: 'u-eval-z1', role: 'evaluator', schoolId: null, zoneIds: ['z1'] },
  { userId: 'u-leader', role: 'leader', schoolId: null, zoneIds: null },
];

describe('coordinator digest', () => {
  it('lists overdue, due today and due within 7 days, in that order, with links to the exact page', () => {
    const lines = coordinatorDigestLines(dc11, '2026-11-23', S, NONE);
    expect(lines.map((l) => `${l.key}:${l.values.item ?? l.values.title ?? `${l.values.year}-Q${l.values.quarter}`}`)).toEqual([
      'obligationOverdue:M01 事项M01',
      'obligationDueToday:P04 事项P04',
      'obligationDueSoon:F02 事项F02',
      'reportReturnedPending:2026-Q3',
      'findingOverdue:食堂账目未公开',
      'findingDueSoon:收费公示不全',
    ]);
    expect(lines[0]).toMatchObject({ href: '/school/disclosures/new?item=M01&period=2026-10', values: { periodKey: '2026-10', due: '2026-11-10' } });
    expect(lines[3]!.href).toBe('/school/report?q=2026-Q3');
  });

  it('says nothing to a school with nothing due', () => {
    expect(coordinatorDigestLines(dc01, '2026-11-23', S, NONE)).toEqual([]);
  });

  it('tells about the report opening on the first run day on or after it opens, and when it is due', () => {
    // Q4 opens Friday 2027-01-01 (a holiday here): told on Monday 2027-01-04, not again on the 5th.
    const h = new Set(['2027-01-01']);
    const only = school('dc02', 'z1', { reports: [rep(2026, 4, 'draft')] });
    expect(coordinatorDigestLines(only, '2027-01-04', { ...S, dueSoonDays: 3 }, h).map((l) => l.key)).toEqual(['reportOpens']);
    expect(coordinatorDigestLines(only, '2027-01-05', { ...S, dueSoonDays: 3 }, h)).toEqual([]);
    expect(coordinatorDigestLines(only, '2027-01-08', S, h).map((l) => l.key)).toEqual(['reportDueSoon']);
    expect(coordinatorDigestLines(only, '2027-01-15', S, h).map((l) => l.key)).toEqual(['reportDueToday']);
    expect(coordinatorDigestLines(only, '2027-01-18', S, h).map((l) => l.key)).toEqual(['reportOverdue']);
  });

  it('uses the district’s "due soon" days', () => {
    expect(
      coordinatorDigestLines(dc11, '2026-11-23', { ...S, dueSoonDays: 20 }, NONE)
        .filter((l) => l.key === 'obligationDueSoon')
        .map((l) => l.values.item),
    ).toEqual(['F02 事项F02', 'M03 事项M03']);
  });
});

describe('evaluator digest', () => {
  it('one summary of overdue schools per quarter, reports waiting longer than N days, responses to read', () => {
    const lines = evaluatorDigestLines(RECIPIENTS[4]!, facts('2026-11-23', { openObjections: 2, noticeYear: 2025 }), S);
    expect(lines.map((l) => l.key)).toEqual(['reviewWaiting', 'schoolsOverdue', 'responsesToRead', 'objectionsToAnswer']);
    expect(lines[0]).toMatchObject({ values: { school: 'dc14 东城区dc14学校', days: 13 }, href: '/review/reports/r-2026-3' });
    expect(lines[1]).toMatchObject({ values: { count: 1, schools: 'dc08', schoolIds: 'id-dc08', year: 2026, quarter: 3 }, href: '/review/quarters?year=2026&quarter=3&state=overdue' });
  });

  it('a zone evaluator hears only about the schools of their zones', () => {
    const lines = evaluatorDigestLines(RECIPIENTS[5]!, facts('2026-11-23'), S);
    expect(lines.map((l) => l.key)).toEqual(['responsesToRead']);
  });

  it('a report is "waiting" only after the district’s N days', () => {
    expect(evaluatorDigestLines(RECIPIENTS[4]!, facts('2026-11-14'), S).some((l) => l.key === 'reviewWaiting')).toBe(false);
    expect(evaluatorDigestLines(RECIPIENTS[4]!, facts('2026-11-16'), S).some((l) => l.key === 'reviewWaiting')).toBe(true);
  });
});

describe('planDay', () => {
  it('gives each recipient at most one digest, keyed by recipient, kind and day', () => {
    const plan = planDay(facts('2026-11-23'), RECIPIENTS, S, NONE);
    expect(plan.map((m) => m.dedupeKey).sort()).toEqual(
      ['coordinatorDigest:u-dc08:2026-11-23', 'coordinatorDigest:u-dc11:2026-11-23', 'evaluatorDigest:u-eval-z1:2026-11-23', 'evaluatorDigest:u-eval:2026-11-23'].sort(),
    );
    // dc14 has its Q3 report submitted and nothing due: no message.
    expect(plan.some((m) => m.recipientId === 'u-dc14')).toBe(false);
  });

  it('sends the leaders’ weekly digest only when enabled, on the first run day of the week', () => {
    const weekly = {
      year: 2026,
      quarter: 4 as const,
      coverage: 81.25,
      timeliness: 70,
      reportsExpected: 24,
      reportsSubmitted: 20,
      disclosuresRecorded: 40,
      reportsSubmittedWeek: 2,
      reportsApprovedWeek: 3,
      findingsRaisedWeek: 1,
      findingsClosedWeek: 0,
    };
    expect(planDay(facts('2026-11-23', { weekly }), RECIPIENTS, S, NONE).some((m) => m.kind === 'leaderWeekly')).toBe(false);
    const on = { ...S, leaderWeekly: true };
    const monday = planDay(facts('2026-11-23', { weekly }), RECIPIENTS, on, NONE).filter((m) => m.kind === 'leaderWeekly');
    expect(monday).toHaveLength(1);
    expect(monday[0]!.dedupeKey).toBe('leaderWeekly:u-leader:2026-11-23');
    expect(monday[0]!.lines[0]!.values).toMatchObject({ coverage: '81.3%', timeliness: '70.0%' });
    expect(planDay(facts('2026-11-24', { weekly }), RECIPIENTS, on, NONE).some((m) => m.kind === 'leaderWeekly')).toBe(false);
  });
});

describe('events and 催办', () => {
  it('an event reaches the school’s coordinators once per event', () => {
    const m = planEvent(
      { eventId: '41', kind: 'reportReturned', day: '2026-11-23', schoolId: 'id-dc11', values: { year: 2026, quarter: 3, reason: '请补充' }, href: '/school/report?q=2026-Q3' },
      RECIPIENTS,
    );
    expect(m.map((x) => [x.recipientId, x.dedupeKey])).toEqual([['u-dc11', 'reportReturned:41:u-dc11']]);
  });

  it('a 催办 lists exactly the school’s overdue items', () => {
    const m = planUrge(dc11, '2026-11-23', RECIPIENTS, '督导甲');
    expect(m).toHaveLength(1);
    expect(m[0]!.lines.map((l) => l.key)).toEqual(['obligationOverdue', 'findingOverdue']);
    expect(urgeItems(dc11, '2026-11-23').map((i) => i.itemCode)).toEqual(['M01', 'finding']);
    expect(planUrge(dc08, '2026-11-23', RECIPIENTS, '督导甲')[0]!.lines.map((l) => l.key)).toEqual(['reportOverdue']);
    expect(planUrge(dc01, '2026-11-23', RECIPIENTS, '督导甲')).toEqual([]);
  });
});
