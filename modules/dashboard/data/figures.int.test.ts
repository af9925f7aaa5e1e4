// One number per figure (DESIGN §4, issue 14): on the seeded demo, every screen's data function,
// export and API that shows a figure — district, zone and school; coverage, timeliness, report
// submission and on-time rates, 满意率, evaluator score, open findings — shows the same number:
// the same exact value, rounded once at the precision shown (screens one decimal, exports, API,
// documents and the ranking two). Periods in progress count only what is already due.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';
import { DATA_DIGITS, shown, shownText } from '@/core/domain/rounding';
import { QUARTERS } from '@/core/domain/periods';
import { loadMessages } from '@/core/i18n/messages';
import { pct, scoreText } from '@/core/ui/format';
import type { Quarter } from '@/core/domain/types';
import type { Scope } from '@/core/scope';

let demo: SeededDemo;
let table: typeof import('./school-table');
let matrix: typeof import('./matrix');
let dashboard: typeof import('./dashboard');
let profile: typeof import('./profile');
let review: typeof import('@/modules/reports/data/review');
let reviewReport: typeof import('@/modules/reports/data/review-report');
let findings: typeof import('@/modules/reports/data/findings');
let history: typeof import('@/modules/reports/data/history');
let quarterView: typeof import('@/modules/obligations/data/school-quarter');
let surveys: typeof import('@/modules/surveys/data/results');
let surveysJson: typeof import('@/modules/surveys/data/api-json');
let ranking: typeof import('@/modules/ranking/data/view');
let rankingApi: typeof import('@/modules/ranking/data/api');
let api: typeof import('@/modules/api/data/api');
let districtDocs: typeof import('@/modules/documents/data/district-documents');
let schoolDocs: typeof import('@/modules/documents/data/school-documents');
let leader: Scope;
let evaluator: Scope;

/** The same number: equal up to the last bits of a differently ordered sum. */
function same(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} ≠ ${expected}`).toBeLessThan(1e-9);
}
const two = (x: number | null | undefined) => shown(x ?? null, DATA_DIGITS);

const zh = (key: string, values?: Record<string, string | number>) => {
  const m = loadMessages('zh-CN') as unknown as Record<string, unknown>;
  const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], m);
  return String(v ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k] ?? ''));
};

async function readSheet(buf: Buffer, sheet: number): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const vals = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, vals[i] ?? null])));
  });
  return out;
}

beforeAll(async () => {
  demo = await seededDemo();
  table = await import('./school-table');
  matrix = await import('./matrix');
  dashboard = await import('./dashboard');
  profile = await import('./profile');
  review = await import('@/modules/reports/data/review');
  reviewReport = await import('@/modules/reports/data/review-report');
  findings = await import('@/modules/reports/data/findings');
  history = await import('@/modules/reports/data/history');
  quarterView = await import('@/modules/obligations/data/school-quarter');
  surveys = await import('@/modules/surveys/data/results');
  surveysJson = await import('@/modules/surveys/data/api-json');
  ranking = await import('@/modules/ranking/data/view');
  rankingApi = await import('@/modules/ranking/data/api');
  api = await import('@/modules/api/data/api');
  districtDocs = await import('@/modules/documents/data/district-documents');
  schoolDocs = await import('@/modules/documents/data/school-documents');
  leader = await scopeOf('dongcheng.leader');
  evaluator = await scopeOf('dongcheng.eval');
});
afterAll(() => demo?.cleanup());

describe('district figures (today 2026-11-23)', () => {
  it('coverage and timeliness: overview tiles and trend, review queue, matrix, export, 通报 — one number per quarter and year', async () => {
    const { rollUp } = await import('@/modules/obligations/domain/metrics');
    const d2026 = await dashboard.leaderDashboard(leader, 2026);
    const d2025 = await dashboard.leaderDashboard(leader, 2025);
    const check = async (year: number, quarter: Quarter | null, shownOn: { what: string; coverage: number | null; timeliness: number | null }[]) => {
      const t = await table.schoolTable(evaluator, { year, quarter });
      const ref = rollUp(t.rows.map((r) => r.tally));
      expect(ref.tally.obligations, `${year} Q${quarter}: obligations due`).toBeGreaterThan(0);
      const m = await matrix.coverageMatrix(leader, { year, quarter });
      const { schoolTableXlsx } = await import('@/modules/dashboard/export/school-table-xlsx');
      const total = (await readSheet(await schoolTableXlsx(t, zh), 0)).find((r) => r['学校代码'] === '合计')!;
      const all = [...shownOn, { what: 'matrix', coverage: m.total.coverage, timeliness: m.total.timeliness }];
      if (quarter) {
        const q = await review.reviewQueue(evaluator, { year, quarter });
        all.push({ what: 'review queue', coverage: q.totals.figures.coverage, timeliness: q.totals.figures.timeliness });
      }
      for (const s of all) {
        same(s.coverage, ref.coverage, `${year} Q${quarter} coverage on ${s.what}`);
        same(s.timeliness, ref.timeliness, `${year} Q${quarter} timeliness on ${s.what}`);
        expect(pct(s.coverage)).toBe(pct(ref.coverage));
      }
      expect(total['公开覆盖率(%)']).toBe(two(ref.coverage));
      expect(total['公开及时率(%)']).toBe(two(ref.timeliness));
      return ref;
    };
    await check(2025, null, [{ what: 'overview year tile', ...d2025.yearKpis }]);
    const q3doc = await districtDocs.quarterlyDocument(leader, 2026, 3);
    for (const q of [1, 2, 3] as Quarter[]) {
      const tr = d2026.trend.find((x) => x.quarter === q)!;
      const shownOn: { what: string; coverage: number | null; timeliness: number | null }[] = [{ what: 'overview trend', coverage: tr.coverage, timeliness: tr.timeliness }];
      if (q === 3) shownOn.push({ what: 'quarterly 通报', coverage: q3doc.figures.district.coverage, timeliness: q3doc.figures.district.timeliness });
      await check(2026, q, shownOn);
    }
    const annual = await districtDocs.annualDocument(leader, 2025);
    await check(2025, null, [{ what: 'annual report', ...annual.figures.kpis }]);
    // The quarter and the year in progress: counted only as far as due, marked, the rest apart.
    const q4 = await check(2026, 4, [
      { what: 'overview quarter tile', ...d2026.quarterKpis },
      { what: 'overview trend', ...d2026.trend.find((x) => x.quarter === 4)! },
    ]);
    expect(d2026.quarterKpis).toMatchObject({ inProgress: true, notYetDue: q4.tally.notYetDue });
    expect(q4.tally.notYetDue).toBeGreaterThan(0);
    expect(d2026.trend.find((x) => x.quarter === 4)!.inProgress).toBe(true);
    expect(d2026.trend.find((x) => x.quarter === 3)!.inProgress).toBe(false);
    const y = await check(2026, null, [{ what: 'overview year tile', ...d2026.yearKpis }]);
    expect(d2026.yearKpis).toMatchObject({ inProgress: true, notYetDue: y.tally.notYetDue });
    // issue 14: no collapse — the quarter in progress is not far below the quarters before it.
    expect(q4.coverage!).toBeGreaterThan(80);
  });

  it('report submission and on-time rates: overview, review queue and 通报 agree; a quarter not yet due has no rate', async () => {
    const d2026 = await dashboard.leaderDashboard(leader, 2026);
    const q3doc = await districtDocs.quarterlyDocument(leader, 2026, 3);
    for (const q of [1, 2, 3, 4] as Quarter[]) {
      const queue = await review.reviewQueue(evaluator, { year: 2026, quarter: q });
      const trend = d2026.trend.find((x) => x.quarter === q)!;
      same(trend.reportCompleteness, queue.totals.reports.completeness, `2026Q${q} submission rate`);
      same(trend.reportOnTime, queue.totals.reports.onTimeRate, `2026Q${q} on-time rate`);
      expect(pct(trend.reportCompleteness)).toBe(pct(queue.totals.reports.completeness));
      if (q === 3) {
        same(q3doc.figures.district.reportCompleteness, queue.totals.reports.completeness, '2026Q3 submission rate in the 通报');
        same(q3doc.figures.district.reportOnTime, queue.totals.reports.onTimeRate, '2026Q3 on-time rate in the 通报');
      }
      if (q === 4) {
        // Due on 2027-01-15: not yet due, so no rate at all (issue 14: "submission 3.9 %" drawn as a collapse).
        expect(queue.totals.reports).toMatchObject({ expected: 0, notYetDue: 26, completeness: null, onTimeRate: null });
        expect(trend).toMatchObject({ reportCompleteness: null, reportOnTime: null, reportsNotYetDue: 26 });
      } else {
        expect(queue.totals.reports.expected).toBe(26);
        // Exact: submitted / expected, rounded once where shown (1 of 26 is 3.8 %, never 3.9 %).
        same(queue.totals.reports.completeness, (queue.totals.reports.submitted / 26) * 100, `2026Q${q} submitted / expected`);
      }
    }
    // The year: only the reports already due (Q1–Q3) are expected.
    const expected = 26 * 3;
    const submitted = (await Promise.all(([1, 2, 3] as Quarter[]).map((q) => review.reviewQueue(evaluator, { year: 2026, quarter: q })))).reduce((n, x) => n + x.totals.reports.submitted, 0);
    same(d2026.yearKpis.reportCompleteness, (submitted / expected) * 100, '2026 submission rate');
    expect(d2026.yearKpis.reportsNotYetDue).toBe(26);
  });

  it('满意率: overview, survey page, survey API and export, annual report — one definition (pooled responses)', async () => {
    for (const year of [2025, 2026]) {
      const d = await dashboard.leaderDashboard(leader, year);
      const page = await surveys.surveyResults(evaluator, year);
      same(d.yearKpis.satisfaction, page.district.combined, `${year} district 满意率: overview vs survey page`);
      expect(pct(d.yearKpis.satisfaction)).toBe(pct(page.district.combined));
      // issue 14: the overview used to show the mean of the schools' combined figures — another number.
      const { meanOf } = await import('@/modules/dashboard/domain/dashboard');
      expect(shownText(meanOf(page.schools.map((x) => x.combined)), DATA_DIGITS)).not.toBe(shownText(page.district.combined, DATA_DIGITS));
      const body = surveysJson.resultsJson(page, null)!;
      expect(body.district!.combined).toBe(two(page.district.combined));
      const { surveyWorkbook } = await import('@/modules/surveys/export/xlsx');
      const zonesSheet = await readSheet(await surveyWorkbook(page, null), 1);
      expect(zonesSheet.find((r) => r['片区'] === '合计')!['综合满意率(%)']).toBe(two(page.district.combined));
      // Zones: the overview's zone table and the survey page pool the same schools.
      for (const z of page.zones) {
        const dz = d.zones.find((x) => x.id === z.id)!;
        same(dz.satisfaction, z.combined, `${year} zone ${z.name} 满意率`);
        expect(body.zones!.find((x) => x.name === z.name)!.combined).toBe(two(z.combined));
      }
      if (year === 2025) {
        const annual = await districtDocs.annualDocument(leader, 2025);
        same(annual.figures.kpis.satisfaction, page.district.combined, '2025 满意率 in the annual report (figures)');
        same(annual.figures.surveys?.combined, page.district.combined, '2025 满意率 in the annual report (survey section)');
        for (const z of annual.figures.zones) same(z.satisfaction, page.zones.find((x) => x.name === z.name)?.combined, `2025 zone ${z.name} 满意率 in the annual report`);
      }
    }
  });

  it('open findings: the overview tile counts exactly the list it links to', async () => {
    for (const year of [2025, 2026]) {
      const d = await dashboard.leaderDashboard(leader, year);
      const list = await findings.findingsList(leader, { filter: 'open', year });
      expect(d.openFindings, `${year}`).toBe(list.length);
      expect(list.every((f) => f.year === year && f.status !== 'closed')).toBe(true);
    }
    // issue 14: the findings page (all years) lists more open findings than the tile of one year counts — hence the link to exactly its list.
    const all = await findings.findingsList(leader, { filter: 'open' });
    expect(all.length).toBeGreaterThan((await dashboard.leaderDashboard(leader, 2026)).openFindings);
    // A finding the school answered is not 逾期未交, even after its due date.
    const answered = all.filter((f) => f.status === 'responded');
    expect(answered.some((f) => f.dueOn < '2026-11-23')).toBe(true);
    expect(answered.every((f) => !f.overdue)).toBe(true);
  });
});

describe('zone figures', () => {
  it('coverage and timeliness of each zone: overview zone table, the matrix and the review queue filtered to it, the annual report', async () => {
    const annual = await districtDocs.annualDocument(leader, 2025);
    for (const year of [2025, 2026]) {
      const d = await dashboard.leaderDashboard(leader, year);
      for (const z of d.zones.filter((x) => x.id !== null)) {
        const m = await matrix.coverageMatrix(leader, { year, quarter: null }, { zoneId: z.id });
        same(z.coverage, m.total.coverage, `${year} zone ${z.name} coverage`);
        same(z.timeliness, m.total.timeliness, `${year} zone ${z.name} timeliness`);
        if (year === 2025) {
          const az = annual.figures.zones.find((x) => x.name === z.name)!;
          same(az.coverage, z.coverage, `2025 zone ${z.name} coverage in the annual report`);
        }
      }
    }
    const queue = await review.reviewQueue(evaluator, { year: 2026, quarter: 3 });
    for (const g of queue.byZone.filter((x) => x.key !== 'none')) {
      const m = await matrix.coverageMatrix(evaluator, { year: 2026, quarter: 3 }, { zoneId: g.key });
      same(g.figures.coverage, m.total.coverage, `2026Q3 zone ${g.name} coverage`);
    }
  });
});

describe('school figures', () => {
  it('coverage, timeliness, on-time rate, score, 满意率 of every school: table, profile, ranking, API, export, survey page', async () => {
    for (const year of [2025, 2026]) {
      const t = await table.schoolTable(evaluator, { year, quarter: null });
      const a = await api.apiSchoolMetrics(evaluator, year, null);
      const r = await ranking.rankingView(evaluator, year, { live: true });
      const rApi = rankingApi.rankingApiBody(r);
      const page = await surveys.surveyResults(evaluator, year);
      const { schoolTableXlsx } = await import('@/modules/dashboard/export/school-table-xlsx');
      const sheet = await readSheet(await schoolTableXlsx(t, zh), 0);
      for (const row of t.rows) {
        const label = `${row.code} ${year}`;
        const ar = a.schools.find((x) => x.code === row.code)!;
        const rr = r.ranking.rows.find((x) => x.code === row.code)!;
        const xr = sheet.find((x) => x['学校代码'] === row.code)!;
        const sr = page.schools.find((x) => x.code === row.code)!;
        // API and export: two decimals, rounded once from the same exact value.
        expect([ar.coverage, ar.timeliness, ar.evaluatorScore], label).toEqual([two(row.coverage), two(row.timeliness), two(row.evaluatorScore)]);
        expect([xr['公开覆盖率(%)'], xr['公开及时率(%)'], xr['评估得分']], label).toEqual([two(row.coverage), two(row.timeliness), two(row.evaluatorScore)]);
        expect(ar.reportOnTime, label).toBe(two(row.reportOnTime as number | null));
        expect([ar.obligations, ar.notYetDue], label).toEqual([row.tally.obligations, row.tally.notYetDue]);
        // The ranking: §6 components with two decimals from the same exact values.
        expect(rr.values, label).toEqual({ coverage: two(row.coverage), timeliness: two(row.timeliness), score: two(row.evaluatorScore), satisfaction: two(sr.combined) });
        expect(rApi.schools.find((x) => x.code === row.code)!.components.coverage).toBe(rr.components.coverage);
      }
    }
  });

  it('the school profile, the school survey figures and the school summary agree with the table', async () => {
    const t2025 = await table.schoolTable(evaluator, { year: 2025, quarter: null });
    const t2026 = await table.schoolTable(evaluator, { year: 2026, quarter: null });
    for (const code of ['dc01', 'dc08', 'dc11', 'dc17', 'dc21']) {
      const row = t2025.rows.find((x) => x.code === code)!;
      const p = await profile.schoolProfile(evaluator, row.schoolId);
      for (const [year, tb] of [
        [2025, t2025],
        [2026, t2026],
      ] as const) {
        const r = tb.rows.find((x) => x.code === code)!;
        const py = p.years.find((y) => y.year === year)!;
        same(py.coverage, r.coverage, `${code} ${year} coverage on the profile`);
        same(py.timeliness, r.timeliness, `${code} ${year} timeliness on the profile`);
        same(py.evaluatorScore, r.evaluatorScore, `${code} ${year} score on the profile`);
        same(py.reportOnTime as number | null, r.reportOnTime as number | null, `${code} ${year} on-time rate on the profile`);
        expect(scoreText(py.evaluatorScore)).toBe(scoreText(r.evaluatorScore));
      }
      for (const q of QUARTERS) {
        const qt = await table.schoolTable(evaluator, { year: 2026, quarter: q });
        const qr = qt.rows.find((x) => x.code === code)!;
        const pq = p.quarters.find((x) => x.year === 2026 && x.quarter === q);
        if (!pq) continue;
        same(pq.coverage, qr.coverage, `${code} 2026Q${q} coverage on the profile`);
        same(pq.evaluatorScore, qr.evaluatorScore, `${code} 2026Q${q} score on the profile`);
        expect(pq.inProgress).toBe(q === 4);
      }
      const sv = await surveys.schoolSurveyResults(evaluator, row.schoolId, 2025);
      same(sv.combined, (await surveys.surveyResults(evaluator, 2025)).schools.find((x) => x.code === code)!.combined, `${code} 2025 满意率 on the profile`);
      const summary = await schoolDocs.readerSchoolSummary(evaluator, row.schoolId, 2025);
      same(summary.figures.totals.coverage, row.coverage, `${code} 2025 coverage in the school summary`);
      same(summary.figures.totals.evaluatorScore, row.evaluatorScore, `${code} 2025 score in the school summary`);
    }
  });

  it("the coordinator's quarter page, report page and history show the evaluator's numbers", async () => {
    for (const code of ['dc01', 'dc08', 'dc11']) {
      const coordinator = await scopeOf(`dongcheng.${code}`);
      const h = await history.coordinatorHistory(coordinator);
      for (const year of [2025, 2026]) {
        const tyear = (await table.schoolTable(evaluator, { year, quarter: null })).rows.find((x) => x.code === code)!;
        const hy = h.years.find((y) => y.year === year)!;
        same(hy.figures.coverage, tyear.coverage, `${code} ${year} coverage in the history`);
        same(hy.figures.timeliness, tyear.timeliness, `${code} ${year} timeliness in the history`);
        same(hy.score, tyear.evaluatorScore, `${code} ${year} score in the history`);
        same(hy.reports.onTimeRate, tyear.reportOnTime as number | null, `${code} ${year} on-time rate in the history`);
        // issue 14: a mean of 92.75 is 92.8 on every screen (the profile showed 92.75, the history 92.8).
        expect(scoreText(hy.score)).toBe(scoreText(tyear.evaluatorScore));
        expect(shownText(hy.score)).toBe(shownText(tyear.evaluatorScore));
      }
      for (const q of [3, 4] as Quarter[]) {
        const tq = (await table.schoolTable(evaluator, { year: 2026, quarter: q })).rows.find((x) => x.code === code)!;
        const v = await quarterView.coordinatorQuarterView(coordinator, { year: 2026, quarter: q });
        same(v.figures.coverage, tq.coverage, `${code} 2026Q${q} coverage on /school`);
        same(v.figures.timeliness, tq.timeliness, `${code} 2026Q${q} timeliness on /school`);
        expect(v.figures.tally).toEqual(tq.tally);
        const hq = h.years.find((y) => y.year === 2026)!.quarters.find((x) => x.q.quarter === q)!;
        same(hq.figures.coverage, tq.coverage, `${code} 2026Q${q} coverage in the history`);
        if (tq.reportId) {
          const rr = await reviewReport.reportReview(evaluator, tq.reportId);
          same(rr.figures.coverage, tq.coverage, `${code} 2026Q${q} coverage on the evaluator's report page`);
        }
      }
    }
  });
});
