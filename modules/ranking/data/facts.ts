// Everything the annual evaluation (DESIGN §4, §6) needs about a district's schools in one year,
// loaded in a fixed number of queries for all schools: the year's obligations (quarterResults per
// quarter), report states and approved report scores, survey aggregates of the overall question,
// and the year's findings. The ranking, its snapshot, the API, the export and the dashboard are
// all computed from this one load (see ranking-live.ts).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistVersions, evaluations, findings, quarterlyReports, schools } from '@/db/schema';
import { localDateOf } from '@/core/domain/dates';
import type { FindingFact } from '@/modules/ranking/domain/eligibility';
import type { ReportFactRow, YearFacts } from '@/modules/ranking/domain/composition';
import { QUARTERS } from '@/core/domain/periods';
import { emptyAggregate, schoolSatisfaction, type SatisfactionAggregate } from '@/modules/surveys/domain/satisfaction';
import { approvedScore } from '@/modules/reports/domain/scores';
import type { ChecklistItem, LocalDate, ObligationResult, Quarter, SurveyGroup } from '@/core/domain/types';
import { periodResults } from '@/modules/obligations/data/results';
import { zonesOfDistrict } from '@/modules/org/data/schools';
import { loadSettings } from '@/modules/org/data/settings';

/**
 * §6 counts findings filed under the year (findings.year); the core's veto gate looks at the date
 * raised, so a finding filed for the year but raised later (e.g. at the January review) is dated
 * on the year's last day.
 */
function findingFact(year: number, f: { severity: FindingFact['severity']; status: string; raisedAt: Date }): FindingFact {
  const raised = localDateOf(f.raisedAt);
  const raisedOn = raised.startsWith(`${year}-`) ? raised : raised < `${year}-01-01` ? `${year}-01-01` : `${year}-12-31`;
  return { severity: f.severity, resolved: f.status === 'closed', raisedOn };
}

/**
 * One item per code over the quarters' checklist versions (the first version's copy wins). A
 * later version's copy of an item has another id, so results are re-keyed to the first id of
 * their code: the congress gate matches H1 (Q2) and H2 (Q4) obligations by item id.
 */
export function unifyItems(versions: readonly (readonly ChecklistItem[])[]): { items: ChecklistItem[]; canonical: (r: ObligationResult) => ObligationResult } {
  const itemByCode = new Map<string, ChecklistItem>();
  for (const list of versions) for (const it of list) if (!itemByCode.has(it.code)) itemByCode.set(it.code, it);
  const canonical = (r: ObligationResult): ObligationResult => {
    const id = itemByCode.get(r.obligation.itemCode)?.id ?? r.obligation.itemId;
    return id === r.obligation.itemId ? r : { ...r, obligation: { ...r.obligation, itemId: id } };
  };
  return { items: [...itemByCode.values()], canonical };
}

interface SatisfactionRow {
  schoolId: string;
  group: SurveyGroup;
  n: number;
  satisfied: number;
  sum: number;
}

/**
 * Per school and survey group: the answers to the overall question of the year's surveys (count,
 * satisfied = value ≥ 4, sum). Driven from the overall questions (index survey_answers_question,
 * migration 0003) and joined to the responses of those surveys by hash: the planner cannot
 * estimate the row-level-security filters, and the former shape (every answer of every response
 * through the primary key, ≈ 70 000 rows for ≈ 12 600 wanted) cost 250–400 ms per district-year.
 */
async function satisfactionAggregates(tx: Tx, districtId: string, year: number): Promise<SatisfactionRow[]> {
  const res = await tx.execute(sql`
    with sv as materialized (
      select s.id, s."group", q.id as question_id
      from surveys s
      join survey_questions q on q.survey_id = s.id and q.is_overall and q.district_id = ${districtId}
      where s.district_id = ${districtId} and s.year = ${year}
    ), a as materialized (
      select a.response_id, a.value from survey_answers a
      where a.district_id = ${districtId} and a.question_id in (select question_id from sv)
    ), r as materialized (
      select r.id, r.school_id, sv."group" from survey_responses r
      join sv on sv.id = r.survey_id
      where r.district_id = ${districtId}
    )
    select r.school_id, r."group", count(*)::int as n, (count(*) filter (where a.value >= 4))::int as satisfied, coalesce(sum(a.value), 0)::int as sum
    from a join r on r.id = a.response_id
    group by r.school_id, r."group"`);
  const rows = (Array.isArray(res) ? res : ((res as { rows?: unknown[] }).rows ?? [])) as {
    school_id: string;
    group: SurveyGroup;
    n: number | string;
    satisfied: number | string;
    sum: number | string;
  }[];
  return rows.map((r) => ({ schoolId: r.school_id, group: r.group, n: Number(r.n), satisfied: Number(r.satisfied), sum: Number(r.sum) }));
}

/** Loads the year's facts of every active school of the district (caller: a district transaction). */
export async function loadYearFacts(tx: Tx, districtId: string, year: number, today: LocalDate): Promise<YearFacts> {
  const [schoolRows, zoneRows, settings] = await Promise.all([
    tx
      .select()
      .from(schools)
      .where(and(eq(schools.districtId, districtId), eq(schools.active, true)))
      .orderBy(asc(schools.code)),
    zonesOfDistrict(tx, districtId),
    loadSettings(tx, districtId, year),
  ]);
  const ids = schoolRows.map((s) => s.id);
  const [period, reportRows, satisfactionRows, findingRows] = await Promise.all([
    // One pass for the four quarters (same rules as quarterResults, disclosures reduced in SQL).
    periodResults(tx, districtId, ids, year, QUARTERS, today),
    tx
      .select({
        schoolId: quarterlyReports.schoolId,
        quarter: quarterlyReports.quarter,
        state: quarterlyReports.state,
        submittedAt: quarterlyReports.submittedAt,
        // The rubric only (rubricTotal): not the evaluation's comment and timestamps.
        ev: { attention: evaluations.attention, content: evaluations.content, form: evaluations.form, procedure: evaluations.procedure, rules: evaluations.rules },
      })
      .from(quarterlyReports)
      .leftJoin(evaluations, and(eq(evaluations.reportId, quarterlyReports.id), eq(evaluations.districtId, districtId)))
      .where(and(eq(quarterlyReports.districtId, districtId), eq(quarterlyReports.year, year))),
    satisfactionAggregates(tx, districtId, year),
    tx
      .select({ schoolId: findings.schoolId, severity: findings.severity, status: findings.status, raisedAt: findings.raisedAt })
      .from(findings)
      .where(and(eq(findings.districtId, districtId), eq(findings.year, year))),
  ]);

  const { items, canonical } = unifyItems(QUARTERS.map((q) => period.itemsByQuarter.get(q) ?? []));
  const byQuarter = (schoolId: string): Record<Quarter, ObligationResult[]> => {
    const out: Record<Quarter, ObligationResult[]> = { 1: [], 2: [], 3: [], 4: [] };
    for (const r of period.bySchool.get(schoolId) ?? []) out[r.obligation.quarter].push(canonical(r));
    return out;
  };

  const reportsBySchool = new Map<string, ReportFactRow[]>();
  for (const r of reportRows) {
    const list = reportsBySchool.get(r.schoolId) ?? [];
    const score = approvedScore(r.state, r.ev);
    list.push({ quarter: r.quarter as Quarter, state: r.state, submittedAt: r.submittedAt, score });
    reportsBySchool.set(r.schoolId, list);
  }
  const surveyAgg = new Map<string, Partial<Record<SurveyGroup, SatisfactionAggregate>>>();
  for (const r of satisfactionRows) {
    const agg = emptyAggregate();
    agg.n = r.n;
    agg.satisfied = r.satisfied;
    agg.overallSum = r.sum;
    surveyAgg.set(r.schoolId, { ...surveyAgg.get(r.schoolId), [r.group]: agg });
  }
  const findingsBySchool = new Map<string, FindingFact[]>();
  for (const f of findingRows) findingsBySchool.set(f.schoolId, [...(findingsBySchool.get(f.schoolId) ?? []), findingFact(year, f)]);
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));

  return {
    districtId,
    year,
    today,
    settings,
    items,
    zones: zoneRows.map((z) => ({ id: z.id, name: z.name })),
    schools: schoolRows.map((school) => ({
      school,
      zone: school.zoneId ? (zoneName.get(school.zoneId) ?? null) : null,
      quarters: byQuarter(school.id),
      reports: (reportsBySchool.get(school.id) ?? []).sort((a, b) => a.quarter - b.quarter),
      satisfaction: schoolSatisfaction(surveyAgg.get(school.id) ?? {}, { minResponses: settings.minResponses }),
      surveyAggregates: surveyAgg.get(school.id) ?? {},
      findings: findingsBySchool.get(school.id) ?? [],
    })),
  };
}

/** Years the district has a checklist for (i.e. years with obligations), newest first. */
export async function yearsOfDistrict(tx: Tx, districtId: string): Promise<number[]> {
  const rows = await tx.selectDistinct({ year: checklistVersions.year }).from(checklistVersions).where(eq(checklistVersions.districtId, districtId));
  return rows.map((r) => r.year).sort((a, b) => b - a);
}
