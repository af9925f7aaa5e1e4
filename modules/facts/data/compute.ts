// The facts computed from the raw rows (issue 15): what the fact store must hold, for many schools
// of a district-year in a fixed number of queries. Used by the incremental update of one school
// (refresh.ts), the recompute of a district-year (rebuild.ts), the store's check, and by readers
// of a school-year the store has not caught up with yet (read.ts). Every status, sum and gate is
// decided by the domain (schoolYearResults, tally, congressMet, findingFact).
import { and, asc, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistItems, checklistVersions, declaredEvents, evaluations, findings, holidays, noMatterStatements, quarterlyReports, type StoredFinding } from '@/db/schema';
import type { ChecklistItem, ObligationResult, Quarter, ReportState, SurveyGroup } from '@/core/domain/types';
import { QUARTERS } from '@/core/domain/periods';
import { toDomainItem } from '@/modules/checklist/data/versions';
import { versionInForce } from '@/modules/checklist/domain/version-in-force';
import { prepareQuarters, schoolYearResults, type DisclosureSummary, type EventInput } from '@/modules/obligations/domain/school-year';
import { rubricTotal } from '@/modules/reports/domain/scores';
import { congressMet } from '@/modules/ranking/domain/eligibility';
import { findingFact, unifyItems } from '@/modules/ranking/domain/year-items';

/** drizzle's execute answers `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

/** The schools as ONE array parameter (ids are uuids: no quoting needed in an array literal). */
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;

export interface PeriodResults {
  /** Items of the version in force, per quarter asked for. */
  itemsByQuarter: Map<Quarter, ChecklistItem[]>;
  /** Per school: the results of every quarter asked for, in quarter order. */
  bySchool: Map<string, ObligationResult[]>;
}

/** The checklist version in force per quarter (§2) and its items, in list order. */
export async function checklistsOf(tx: Tx, districtId: string, year: number, quarters: readonly Quarter[]): Promise<{ quarter: Quarter; versionId: string; items: ChecklistItem[] }[]> {
  const versions = await tx
    .select()
    .from(checklistVersions)
    .where(and(eq(checklistVersions.districtId, districtId), eq(checklistVersions.year, year)));
  const versionOf = new Map(quarters.map((q) => [q, versionInForce(versions, q)]));
  const versionIds = [...new Set([...versionOf.values()].filter((v) => v !== null).map((v) => v.id))];
  const itemRows = versionIds.length
    ? await tx
        .select()
        .from(checklistItems)
        .where(and(eq(checklistItems.districtId, districtId), inArray(checklistItems.versionId, versionIds), eq(checklistItems.retired, false)))
        .orderBy(asc(checklistItems.sortOrder), asc(checklistItems.code))
    : [];
  return quarters.map((q) => {
    const v = versionOf.get(q);
    return { quarter: q, versionId: v?.id ?? '', items: v ? itemRows.filter((i) => i.versionId === v.id).map(toDomainItem) : [] };
  });
}

/**
 * §3 from the raw rows: the obligation results of the schools for the quarters of a year — the
 * versions in force, the declared events, and each quarter's disclosures reduced per obligation
 * (earliest accepted date, any rejection) in SQL, one JSON array per school.
 */
export async function computePeriodResults(tx: Tx, districtId: string, schoolIds: readonly string[], year: number, quarters: readonly Quarter[], today: string): Promise<PeriodResults> {
  const ids = [...schoolIds];
  const idArray = uuidArray(ids);
  const quarterList = sql.join(
    quarters.map((q) => sql`${q}`),
    sql`, `,
  );
  const [checklists, eventRows, factRows, holidayRows] = await Promise.all([
    checklistsOf(tx, districtId, year, quarters),
    ids.length
      ? tx
          .select({ id: declaredEvents.id, schoolId: declaredEvents.schoolId, itemCode: declaredEvents.itemCode, eventDate: declaredEvents.eventDate, title: declaredEvents.title })
          .from(declaredEvents)
          .where(and(eq(declaredEvents.districtId, districtId), eq(declaredEvents.year, year), sql`${declaredEvents.schoolId} = any(${idArray}::uuid[])`, isNull(declaredEvents.deletedAt)))
      : Promise.resolve([]),
    ids.length
      ? tx.execute(sql`
          select f.school_id, json_agg(json_build_array(f.item_code, f.period_key, f.quarter, f.first_ok, f.any_rejected)) as facts
          from (
            select d.school_id, d.item_code, d.period_key, d.quarter,
                   min(d.disclosed_on) filter (where r.disclosure_id is null)::text as first_ok,
                   bool_or(r.disclosure_id is not null) as any_rejected
            from disclosures d
            left join (
              select distinct disclosure_id from disclosure_rejections
              where district_id = ${districtId} and withdrawn_at is null
            ) r on r.disclosure_id = d.id
            where d.district_id = ${districtId} and d.year = ${year} and d.quarter in (${quarterList})
              and d.school_id = any(${idArray}::uuid[])
              and d.deleted_at is null
            group by d.school_id, d.item_code, d.period_key, d.quarter
          ) f
          group by f.school_id`)
      : Promise.resolve({ rows: [] }),
    // §3: the district's holidays, for deadlines counted in working days (a 事前 deadline can fall
    // in the year before, a deadline after the window in the year after).
    tx
      .select({ day: holidays.day })
      .from(holidays)
      .where(and(eq(holidays.districtId, districtId), between(holidays.day, `${year - 1}-01-01`, `${year + 1}-12-31`))),
  ]);
  const summaries = new Map<string, DisclosureSummary[]>();
  for (const r of rowsOf<{ school_id: string; facts: unknown }>(factRows)) {
    const list = (typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts) as [string, string, number, string | null, boolean][];
    summaries.set(
      r.school_id,
      list.map(([itemCode, periodKey, quarter, firstOk, anyRejected]) => ({ itemCode, periodKey, quarter, firstOk, anyRejected })),
    );
  }
  const events = new Map<string, EventInput[]>();
  for (const e of eventRows) {
    const list = events.get(e.schoolId);
    if (list) list.push(e);
    else events.set(e.schoolId, [e]);
  }
  const prepared = prepareQuarters(year, checklists, { holidays: new Set(holidayRows.map((h) => h.day)) });
  const bySchool = new Map<string, ObligationResult[]>();
  for (const schoolId of ids) bySchool.set(schoolId, schoolYearResults(year, prepared, events.get(schoolId) ?? [], summaries.get(schoolId) ?? [], today));
  return { itemsByQuarter: new Map(checklists.map((c) => [c.quarter, c.items])), bySchool };
}

/** §6 gate 2 of each school from its year's results (items unified by code, as the ranking sees them). */
export function congressOf(pr: PeriodResults, year: number): Map<string, boolean> {
  const { items, canonical } = unifyItems(QUARTERS.map((q) => pr.itemsByQuarter.get(q) ?? []));
  const out = new Map<string, boolean>();
  for (const [schoolId, results] of pr.bySchool) out.set(schoolId, congressMet(items, results.map(canonical), year));
  return out;
}

export interface ReportFact {
  schoolId: string;
  quarter: Quarter;
  id: string;
  state: ReportState;
  submittedAt: Date | null;
  /** Rubric total of the evaluation, if any (whatever the report's state). */
  score: number | null;
}

/** The year's quarterly reports of the schools (all the district's when `schoolIds` is null), with their rubric totals. */
export async function computeReports(tx: Tx, districtId: string, schoolIds: readonly string[] | null, year: number, quarter?: Quarter): Promise<ReportFact[]> {
  if (schoolIds && schoolIds.length === 0) return [];
  const rows = await tx
    .select({
      id: quarterlyReports.id,
      schoolId: quarterlyReports.schoolId,
      quarter: quarterlyReports.quarter,
      state: quarterlyReports.state,
      submittedAt: quarterlyReports.submittedAt,
      ev: { attention: evaluations.attention, content: evaluations.content, form: evaluations.form, procedure: evaluations.procedure, rules: evaluations.rules },
    })
    .from(quarterlyReports)
    .leftJoin(evaluations, and(eq(evaluations.reportId, quarterlyReports.id), eq(evaluations.districtId, districtId)))
    .where(
      and(
        eq(quarterlyReports.districtId, districtId),
        eq(quarterlyReports.year, year),
        quarter ? eq(quarterlyReports.quarter, quarter) : undefined,
        schoolIds ? sql`${quarterlyReports.schoolId} = any(${uuidArray(schoolIds)}::uuid[])` : undefined,
      ),
    );
  return rows.map((r) => ({ schoolId: r.schoolId, quarter: r.quarter as Quarter, id: r.id, state: r.state, submittedAt: r.submittedAt, score: r.ev ? rubricTotal(r.ev) : null }));
}

/** The year's findings of the schools as the §6 gates see them, in a fixed order. */
export async function computeFindings(tx: Tx, districtId: string, schoolIds: readonly string[] | null, year: number): Promise<Map<string, StoredFinding[]>> {
  const out = new Map<string, StoredFinding[]>();
  if (schoolIds && schoolIds.length === 0) return out;
  const rows = await tx
    .select({ schoolId: findings.schoolId, severity: findings.severity, status: findings.status, raisedAt: findings.raisedAt })
    .from(findings)
    .where(and(eq(findings.districtId, districtId), eq(findings.year, year), schoolIds ? sql`${findings.schoolId} = any(${uuidArray(schoolIds)}::uuid[])` : undefined));
  for (const f of rows) {
    const list = out.get(f.schoolId) ?? [];
    list.push(findingFact(year, f));
    out.set(f.schoolId, list);
  }
  for (const list of out.values()) list.sort(compareFindings);
  return out;
}

export function compareFindings(a: StoredFinding, b: StoredFinding): number {
  const ka = `${a.raisedOn}|${a.severity}|${a.resolved ? 1 : 0}`;
  const kb = `${b.raisedOn}|${b.severity}|${b.resolved ? 1 : 0}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** "No such matter" statements per school and quarter (§3). */
export async function computeNoMatter(tx: Tx, districtId: string, schoolIds: readonly string[] | null, year: number): Promise<Map<string, Map<Quarter, number>>> {
  const out = new Map<string, Map<Quarter, number>>();
  if (schoolIds && schoolIds.length === 0) return out;
  const rows = await tx
    .select({ schoolId: noMatterStatements.schoolId, quarter: noMatterStatements.quarter, n: sql<number>`count(*)::int` })
    .from(noMatterStatements)
    .where(
      and(
        eq(noMatterStatements.districtId, districtId),
        eq(noMatterStatements.year, year),
        isNull(noMatterStatements.deletedAt),
        schoolIds ? sql`${noMatterStatements.schoolId} = any(${uuidArray(schoolIds)}::uuid[])` : undefined,
      ),
    )
    .groupBy(noMatterStatements.schoolId, noMatterStatements.quarter);
  for (const r of rows) {
    const m = out.get(r.schoolId) ?? new Map<Quarter, number>();
    m.set(r.quarter as Quarter, Number(r.n));
    out.set(r.schoolId, m);
  }
  return out;
}

export interface SatisfactionSums {
  n: number;
  satisfied: number;
  sum: number;
}

/**
 * Per school and survey group: the answers to the overall question of the year's surveys (count,
 * satisfied = value ≥ 4, sum). Driven from the overall questions (index survey_answers_question,
 * migration 0003) and joined to the responses of those surveys by hash (the planner cannot
 * estimate the row-level-security filters).
 */
export async function computeSatisfaction(tx: Tx, districtId: string, schoolIds: readonly string[] | null, year: number): Promise<Map<string, Partial<Record<SurveyGroup, SatisfactionSums>>>> {
  const out = new Map<string, Partial<Record<SurveyGroup, SatisfactionSums>>>();
  if (schoolIds && schoolIds.length === 0) return out;
  const only = schoolIds ? sql`and r.school_id = any(${uuidArray(schoolIds)}::uuid[])` : sql``;
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
      where r.district_id = ${districtId} ${only}
    )
    select r.school_id, r."group", count(*)::int as n, (count(*) filter (where a.value >= 4))::int as satisfied, coalesce(sum(a.value), 0)::int as sum
    from a join r on r.id = a.response_id
    group by r.school_id, r."group"`);
  for (const r of rowsOf<{ school_id: string; group: SurveyGroup; n: number | string; satisfied: number | string; sum: number | string }>(res)) {
    out.set(r.school_id, { ...out.get(r.school_id), [r.group]: { n: Number(r.n), satisfied: Number(r.satisfied), sum: Number(r.sum) } });
  }
  return out;
}

export interface AnswerCountRow {
  surveyId: string;
  schoolId: string;
  questionId: string;
  value: number;
  n: number;
}

/** Answers per survey of the year, school, question and value (§7 results). */
export async function computeAnswerCounts(tx: Tx, districtId: string, schoolIds: readonly string[] | null, year: number): Promise<AnswerCountRow[]> {
  if (schoolIds && schoolIds.length === 0) return [];
  const only = schoolIds ? sql`and r.school_id = any(${uuidArray(schoolIds)}::uuid[])` : sql``;
  const res = await tx.execute(sql`
    select r.survey_id, r.school_id, a.question_id, a.value, count(*)::int as n
    from survey_answers a
    join survey_responses r on r.id = a.response_id and r.district_id = ${districtId}
    join surveys s on s.id = r.survey_id and s.district_id = ${districtId} and s.year = ${year}
    where a.district_id = ${districtId} ${only}
    group by r.survey_id, r.school_id, a.question_id, a.value`);
  return rowsOf<{ survey_id: string; school_id: string; question_id: string; value: number; n: number | string }>(res).map((r) => ({
    surveyId: r.survey_id,
    schoolId: r.school_id,
    questionId: r.question_id,
    value: Number(r.value),
    n: Number(r.n),
  }));
}
