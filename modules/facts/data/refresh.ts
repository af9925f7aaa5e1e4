// Keeping the fact store up to date (issue 15), inside the transaction of the write that changes
// the facts. Every update of a school-year first locks its school_year_facts row (created on first
// need), so concurrent writes of one school-year recompute one after the other and each sees the
// other's committed rows (READ COMMITTED: every statement after the lock reads a fresh snapshot).
// The facts are always computed by the domain from the raw rows (compute.ts), never patched by
// hand — except the survey counts, which only ever grow by one response at a time.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { factStatus, schoolYearFacts, schools, type StoredFinding } from '@/db/schema';
import { QUARTERS } from '@/core/domain/periods';
import type { Quarter, SurveyGroup } from '@/core/domain/types';
import { now } from '@/core/env';
import { diffFacts, factsOf, periodSums, type ObligationFact, type PeriodSums } from '@/modules/facts/domain/facts';
import {
  computeAnswerCounts,
  computeFindings,
  computeNoMatter,
  computePeriodResults,
  computeReports,
  computeSatisfaction,
  congressOf,
  rowsOf,
  uuidArray,
  type ReportFact,
  type SatisfactionSums,
} from './compute';

/** Any day: the stored facts do not depend on it (statusOn derives the day's status when read). */
const ANY_DAY = '2000-01-01';

/** The recompute generation of a district-year (0: never recomputed). */
async function targetGeneration(tx: Tx, districtId: string, year: number): Promise<number> {
  const [row] = await tx
    .select({ generation: factStatus.generation })
    .from(factStatus)
    .where(and(eq(factStatus.districtId, districtId), eq(factStatus.year, year)));
  return row?.generation ?? 0;
}

/**
 * Locks the school-year's facts (creating its row). Answers true when the row is new: nothing of
 * the school-year was stored, so the caller computes all of it.
 */
async function lockSchoolYear(tx: Tx, districtId: string, schoolId: string, year: number): Promise<boolean> {
  // Both statements go out together (one round trip); the server runs them in this order.
  const [created] = await Promise.all([
    tx
      .insert(schoolYearFacts)
      .values({ districtId, year, schoolId, updatedAt: sql`now()` })
      .onConflictDoNothing()
      .returning({ schoolId: schoolYearFacts.schoolId }),
    tx
      .select({ g: schoolYearFacts.generation })
      .from(schoolYearFacts)
      .where(and(eq(schoolYearFacts.districtId, districtId), eq(schoolYearFacts.year, year), eq(schoolYearFacts.schoolId, schoolId)))
      .for('update'),
  ]);
  return created.length > 0;
}

/** Locks the school-years of many schools (in id order, so two recomputes never deadlock). */
async function lockSchoolYears(tx: Tx, districtId: string, schoolIds: readonly string[], year: number): Promise<void> {
  if (schoolIds.length === 0) return;
  const ids = [...schoolIds].sort();
  await tx.execute(sql`
    insert into school_year_facts (district_id, year, school_id, updated_at)
    select ${districtId}::uuid, ${year}::int, s, now() from unnest(${uuidArray(ids)}::uuid[]) s
    on conflict do nothing`);
  await tx.execute(sql`
    select school_id from school_year_facts
    where district_id = ${districtId} and year = ${year} and school_id = any(${uuidArray(ids)}::uuid[])
    order by school_id for update`);
}

// ---------------------------------------------------------------------------------------------
// Writing rows (one statement each, the rows as one JSON parameter)

const factColumns = sql.raw(
  'district_id, year, school_id, quarter, item_code, period_key, seq, item_id, window_start, window_end, deadline, weight, mandatory, timing_before, event_id, event_date, met, on_time, rejected, first_disclosed_on, prior_missed',
);

async function writeFacts(tx: Tx, districtId: string, facts: readonly ObligationFact[], upsert: boolean): Promise<void> {
  for (let i = 0; i < facts.length; i += 5000) {
    const chunk = facts
      .slice(i, i + 5000)
      .map((f) => [
        f.year,
        f.schoolId,
        f.quarter,
        f.itemCode,
        f.periodKey,
        f.seq,
        f.itemId,
        f.windowStart,
        f.windowEnd,
        f.deadline,
        f.weight,
        f.mandatory,
        f.timingBefore,
        f.eventId,
        f.eventDate,
        f.met,
        f.onTime,
        f.rejected,
        f.firstDisclosedOn,
        f.priorMissed,
      ]);
    await tx.execute(sql`
      insert into obligation_facts (${factColumns})
      select ${districtId}::uuid, (r->>0)::int, (r->>1)::uuid, (r->>2)::smallint, r->>3, r->>4, (r->>5)::smallint, (r->>6)::uuid,
             (r->>7)::date, (r->>8)::date, (r->>9)::date, (r->>10)::float8, (r->>11)::boolean, (r->>12)::boolean, (r->>13)::uuid,
             (r->>14)::date, (r->>15)::boolean, (r->>16)::boolean, (r->>17)::boolean, (r->>18)::date, (r->>19)::boolean
      from json_array_elements(${JSON.stringify(chunk)}::json) r
      ${
        upsert
          ? sql`on conflict (district_id, year, school_id, quarter, item_code, period_key) do update set
              seq = excluded.seq, item_id = excluded.item_id, window_start = excluded.window_start, window_end = excluded.window_end,
              deadline = excluded.deadline, weight = excluded.weight, mandatory = excluded.mandatory, timing_before = excluded.timing_before,
              event_id = excluded.event_id, event_date = excluded.event_date, met = excluded.met, on_time = excluded.on_time,
              rejected = excluded.rejected, first_disclosed_on = excluded.first_disclosed_on, prior_missed = excluded.prior_missed`
          : sql``
      }`);
  }
}

interface PeriodRow {
  schoolId: string;
  quarter: Quarter;
  sums: PeriodSums;
  noMatter: number;
}

async function writePeriodSums(tx: Tx, districtId: string, year: number, rows: readonly PeriodRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows
      .slice(i, i + 5000)
      .map((r) => [
        r.schoolId,
        r.quarter,
        r.sums.obligations,
        r.sums.met,
        r.sums.onTime,
        r.sums.weightTotal,
        r.sums.weightMet,
        r.sums.weightOnTime,
        r.sums.rejected,
        r.sums.priorMissed,
        r.sums.lastDeadline,
        r.noMatter,
      ]);
    await tx.execute(sql`
      insert into school_period_facts (district_id, year, school_id, quarter, obligations, met, on_time, weight_total, weight_met, weight_on_time, rejected, prior_missed, last_deadline, no_matter)
      select ${districtId}::uuid, ${year}::int, (r->>0)::uuid, (r->>1)::smallint, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::float8, (r->>6)::float8,
             (r->>7)::float8, (r->>8)::int, (r->>9)::int, (r->>10)::date, (r->>11)::int
      from json_array_elements(${JSON.stringify(chunk)}::json) r
      on conflict (district_id, year, school_id, quarter) do update set
        obligations = excluded.obligations, met = excluded.met, on_time = excluded.on_time, weight_total = excluded.weight_total,
        weight_met = excluded.weight_met, weight_on_time = excluded.weight_on_time, rejected = excluded.rejected,
        prior_missed = excluded.prior_missed, last_deadline = excluded.last_deadline, no_matter = excluded.no_matter`);
  }
}

interface ReportRow {
  schoolId: string;
  quarter: Quarter;
  report: ReportFact | null;
}

async function writeReports(tx: Tx, districtId: string, year: number, rows: readonly ReportRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000).map((r) => [r.schoolId, r.quarter, r.report?.id ?? null, r.report?.state ?? null, r.report?.submittedAt?.toISOString() ?? null, r.report?.score ?? null]);
    await tx.execute(sql`
      insert into school_period_facts (district_id, year, school_id, quarter, report_id, report_state, submitted_at, score)
      select ${districtId}::uuid, ${year}::int, (r->>0)::uuid, (r->>1)::smallint, (r->>2)::uuid, r->>3, (r->>4)::timestamptz, (r->>5)::float8
      from json_array_elements(${JSON.stringify(chunk)}::json) r
      on conflict (district_id, year, school_id, quarter) do update set
        report_id = excluded.report_id, report_state = excluded.report_state, submitted_at = excluded.submitted_at, score = excluded.score`);
  }
}

interface YearRow {
  schoolId: string;
  congressMet: boolean;
  findings: StoredFinding[];
  satisfaction: Partial<Record<SurveyGroup, SatisfactionSums>>;
}

async function writeYears(tx: Tx, districtId: string, year: number, generation: number, rows: readonly YearRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => {
      const t = r.satisfaction.teachers;
      const p = r.satisfaction.parents;
      return [r.schoolId, r.congressMet, r.findings, t?.n ?? 0, t?.satisfied ?? 0, t?.sum ?? 0, p?.n ?? 0, p?.satisfied ?? 0, p?.sum ?? 0];
    });
    await tx.execute(sql`
      insert into school_year_facts (district_id, year, school_id, generation, congress_met, findings, teachers_n, teachers_satisfied, teachers_sum, parents_n, parents_satisfied, parents_sum, updated_at)
      select ${districtId}::uuid, ${year}::int, (r->>0)::uuid, ${generation}::int, (r->>1)::boolean, (r->2)::jsonb, (r->>3)::int, (r->>4)::int, (r->>5)::int,
             (r->>6)::int, (r->>7)::int, (r->>8)::int, now()
      from json_array_elements(${JSON.stringify(chunk)}::json) r
      on conflict (district_id, year, school_id) do update set
        generation = excluded.generation, congress_met = excluded.congress_met, findings = excluded.findings,
        teachers_n = excluded.teachers_n, teachers_satisfied = excluded.teachers_satisfied, teachers_sum = excluded.teachers_sum,
        parents_n = excluded.parents_n, parents_satisfied = excluded.parents_satisfied, parents_sum = excluded.parents_sum,
        updated_at = excluded.updated_at`);
  }
}

// ---------------------------------------------------------------------------------------------
// Whole school-years from the raw rows (a new school-year, a recompute, the rebuild)

/** Everything the store holds about some school-years, computed from the raw rows. */
export interface ComputedFacts {
  facts: ObligationFact[];
  periods: PeriodRow[];
  reports: ReportRow[];
  years: YearRow[];
  answers: Awaited<ReturnType<typeof computeAnswerCounts>>;
}

export async function computeSchoolYears(tx: Tx, districtId: string, year: number, schoolIds: readonly string[]): Promise<ComputedFacts> {
  const [pr, reports, found, noMatter, satisfaction, answers] = await Promise.all([
    computePeriodResults(tx, districtId, schoolIds, year, QUARTERS, ANY_DAY),
    computeReports(tx, districtId, schoolIds, year),
    computeFindings(tx, districtId, schoolIds, year),
    computeNoMatter(tx, districtId, schoolIds, year),
    computeSatisfaction(tx, districtId, schoolIds, year),
    computeAnswerCounts(tx, districtId, schoolIds, year),
  ]);
  const congress = congressOf(pr, year);
  const reportOf = new Map(reports.map((r) => [`${r.schoolId}:${r.quarter}`, r]));
  const out: ComputedFacts = { facts: [], periods: [], reports: [], years: [], answers };
  for (const schoolId of schoolIds) {
    const results = pr.bySchool.get(schoolId) ?? [];
    out.facts.push(...factsOf(schoolId, results));
    const sums = periodSums(results, QUARTERS);
    for (const q of QUARTERS) {
      out.periods.push({ schoolId, quarter: q, sums: sums.get(q)!, noMatter: noMatter.get(schoolId)?.get(q) ?? 0 });
      out.reports.push({ schoolId, quarter: q, report: reportOf.get(`${schoolId}:${q}`) ?? null });
    }
    out.years.push({ schoolId, congressMet: congress.get(schoolId) ?? true, findings: found.get(schoolId) ?? [], satisfaction: satisfaction.get(schoolId) ?? {} });
  }
  return out;
}

/**
 * Replaces every fact of the schools' year with a computation from the raw rows (a recompute
 * batch, the rebuild, a school-year seen for the first time). The caller holds no lock; this takes
 * the school-years' locks first.
 */
export async function recomputeSchoolYears(tx: Tx, districtId: string, year: number, schoolIds: readonly string[], generation?: number): Promise<void> {
  if (schoolIds.length === 0) return;
  await lockSchoolYears(tx, districtId, schoolIds, year);
  const g = generation ?? (await targetGeneration(tx, districtId, year));
  const c = await computeSchoolYears(tx, districtId, year, schoolIds);
  const ids = uuidArray(schoolIds);
  await tx.execute(sql`delete from obligation_facts where district_id = ${districtId} and year = ${year} and school_id = any(${ids}::uuid[])`);
  await tx.execute(sql`delete from school_period_facts where district_id = ${districtId} and year = ${year} and school_id = any(${ids}::uuid[])`);
  await tx.execute(sql`
    delete from survey_answer_facts f using surveys s
    where f.district_id = ${districtId} and s.id = f.survey_id and s.district_id = ${districtId} and s.year = ${year} and f.school_id = any(${ids}::uuid[])`);
  await writeFacts(tx, districtId, c.facts, false);
  await writePeriodSums(tx, districtId, year, c.periods);
  await writeReports(tx, districtId, year, c.reports);
  await writeYears(tx, districtId, year, g, c.years);
  await writeAnswerCounts(tx, districtId, c.answers);
}

async function writeAnswerCounts(tx: Tx, districtId: string, rows: ComputedFacts['answers']): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000).map((r) => [r.surveyId, r.schoolId, r.questionId, r.value, r.n]);
    await tx.execute(sql`
      insert into survey_answer_facts (district_id, survey_id, school_id, question_id, value, n)
      select ${districtId}::uuid, (r->>0)::uuid, (r->>1)::uuid, (r->>2)::uuid, (r->>3)::smallint, (r->>4)::int
      from json_array_elements(${JSON.stringify(chunk)}::json) r`);
  }
}

// ---------------------------------------------------------------------------------------------
// The incremental updates, one per kind of write

/**
 * A write changed a school's obligations of a year (a disclosure recorded, edited or deleted, a
 * rejection or its withdrawal, an event declared or removed, a "no such matter" statement): the
 * school-year's obligations are computed again from the raw rows and only what changed is written.
 */
export async function refreshObligations(tx: Tx, districtId: string, schoolId: string, year: number): Promise<void> {
  if (await lockSchoolYear(tx, districtId, schoolId, year)) return recomputeSchoolYears(tx, districtId, year, [schoolId]);
  const [g, pr, noMatter, stored] = await Promise.all([
    targetGeneration(tx, districtId, year),
    computePeriodResults(tx, districtId, [schoolId], year, QUARTERS, ANY_DAY),
    computeNoMatter(tx, districtId, [schoolId], year),
    storedFactsOf(tx, districtId, schoolId, year),
  ]);
  const results = pr.bySchool.get(schoolId) ?? [];
  const { upsert, remove } = diffFacts(stored, factsOf(schoolId, results));
  const sums = periodSums(results, QUARTERS);
  // The writes touch different rows (the removed keys are not upserted): sent together, one round trip.
  await Promise.all([
    remove.length
      ? tx.execute(sql`
          delete from obligation_facts f
          using json_array_elements(${JSON.stringify(remove.map((r) => [r.quarter, r.itemCode, r.periodKey]))}::json) k
          where f.district_id = ${districtId} and f.year = ${year} and f.school_id = ${schoolId}
            and f.quarter = (k->>0)::smallint and f.item_code = k->>1 and f.period_key = k->>2`)
      : null,
    upsert.length ? writeFacts(tx, districtId, upsert, true) : null,
    writePeriodSums(
      tx,
      districtId,
      year,
      QUARTERS.map((q) => ({ schoolId, quarter: q, sums: sums.get(q)!, noMatter: noMatter.get(schoolId)?.get(q) ?? 0 })),
    ),
    tx
      .update(schoolYearFacts)
      .set({ generation: g, congressMet: congressOf(pr, year).get(schoolId) ?? true, updatedAt: sql`now()` })
      .where(and(eq(schoolYearFacts.districtId, districtId), eq(schoolYearFacts.year, year), eq(schoolYearFacts.schoolId, schoolId))),
  ]);
}

async function storedFactsOf(tx: Tx, districtId: string, schoolId: string, year: number): Promise<ObligationFact[]> {
  const res = await tx.execute(sql`
    select school_id, year, quarter, item_code, period_key, seq, item_id, window_start::text, window_end::text, deadline::text, weight, mandatory,
           timing_before, event_id, event_date::text, met, on_time, rejected, first_disclosed_on::text, prior_missed
    from obligation_facts where district_id = ${districtId} and year = ${year} and school_id = ${schoolId}`);
  return rowsOf<Record<string, unknown>>(res).map(factFromRow);
}

/** A stored obligation_facts row (snake_case, dates as text) as a fact. */
export function factFromRow(r: Record<string, unknown>): ObligationFact {
  return {
    schoolId: r.school_id as string,
    year: Number(r.year),
    quarter: Number(r.quarter) as Quarter,
    itemCode: r.item_code as string,
    periodKey: r.period_key as string,
    seq: Number(r.seq),
    itemId: r.item_id as string,
    windowStart: (r.window_start as string | null) ?? null,
    windowEnd: r.window_end as string,
    deadline: r.deadline as string,
    weight: Number(r.weight),
    mandatory: r.mandatory as boolean,
    timingBefore: r.timing_before as boolean,
    eventId: (r.event_id as string | null) ?? null,
    eventDate: (r.event_date as string | null) ?? null,
    met: r.met as boolean,
    onTime: r.on_time as boolean,
    rejected: r.rejected as boolean,
    firstDisclosedOn: (r.first_disclosed_on as string | null) ?? null,
    priorMissed: r.prior_missed as boolean,
  };
}

/** A report of the school-quarter was created, moved state (§5) or scored (§4). */
export async function refreshReport(tx: Tx, districtId: string, schoolId: string, year: number, quarter: Quarter): Promise<void> {
  if (await lockSchoolYear(tx, districtId, schoolId, year)) return recomputeSchoolYears(tx, districtId, year, [schoolId]);
  const [report] = await computeReports(tx, districtId, [schoolId], year, quarter);
  await writeReports(tx, districtId, year, [{ schoolId, quarter, report: report ?? null }]);
}

/** A finding of the school-year was raised, answered, closed or reopened (§5, §6). */
export async function refreshFindings(tx: Tx, districtId: string, schoolId: string, year: number): Promise<void> {
  if (await lockSchoolYear(tx, districtId, schoolId, year)) return recomputeSchoolYears(tx, districtId, year, [schoolId]);
  const found = await computeFindings(tx, districtId, [schoolId], year);
  await tx
    .update(schoolYearFacts)
    .set({ findings: found.get(schoolId) ?? [], updatedAt: sql`now()` })
    .where(and(eq(schoolYearFacts.districtId, districtId), eq(schoolYearFacts.year, year), eq(schoolYearFacts.schoolId, schoolId)));
}

/**
 * One survey response was stored (§7): its answers are counted, and its overall answer added to
 * the school's sums of the survey's group (§4). Increments only, so simultaneous answers for one
 * school never wait for each other's recomputation.
 */
export async function countSurveyResponse(
  tx: Tx,
  districtId: string,
  r: { surveyId: string; year: number; group: SurveyGroup; schoolId: string; overallQuestionId: string | null; answers: readonly { questionId: string; value: number }[] },
): Promise<void> {
  if (await lockSchoolYearForCount(tx, districtId, r.schoolId, r.year)) return recomputeSchoolYears(tx, districtId, r.year, [r.schoolId]);
  if (r.answers.length) {
    await tx.execute(sql`
      insert into survey_answer_facts (district_id, survey_id, school_id, question_id, value, n)
      select ${districtId}::uuid, ${r.surveyId}::uuid, ${r.schoolId}::uuid, (a->>0)::uuid, (a->>1)::smallint, 1
      from json_array_elements(${JSON.stringify(r.answers.map((a) => [a.questionId, a.value]))}::json) a
      on conflict (district_id, survey_id, school_id, question_id, value) do update set n = survey_answer_facts.n + 1`);
  }
  const v = r.answers.find((a) => a.questionId === r.overallQuestionId)?.value;
  if (v === undefined) return;
  const where = and(eq(schoolYearFacts.districtId, districtId), eq(schoolYearFacts.year, r.year), eq(schoolYearFacts.schoolId, r.schoolId));
  const ok = v >= 4 ? 1 : 0;
  if (r.group === 'teachers') {
    await tx
      .update(schoolYearFacts)
      .set({ teachersN: sql`${schoolYearFacts.teachersN} + 1`, teachersSatisfied: sql`${schoolYearFacts.teachersSatisfied} + ${ok}`, teachersSum: sql`${schoolYearFacts.teachersSum} + ${v}` })
      .where(where);
  } else {
    await tx
      .update(schoolYearFacts)
      .set({ parentsN: sql`${schoolYearFacts.parentsN} + 1`, parentsSatisfied: sql`${schoolYearFacts.parentsSatisfied} + ${ok}`, parentsSum: sql`${schoolYearFacts.parentsSum} + ${v}` })
      .where(where);
  }
}

/** Creates the school-year's row if needed without waiting for its lock (counts are increments). */
async function lockSchoolYearForCount(tx: Tx, districtId: string, schoolId: string, year: number): Promise<boolean> {
  const created = await tx
    .insert(schoolYearFacts)
    .values({ districtId, year, schoolId, updatedAt: sql`now()` })
    .onConflictDoNothing()
    .returning({ schoolId: schoolYearFacts.schoolId });
  return created.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Changes of many facts at once

/**
 * A change that alters many facts of district-years (a checklist edit, a holiday): the years are
 * marked for recomputation (readers say "recomputing" meanwhile) and a background job recomputes
 * them (jobs.ts). Call in the writing transaction; wake the job after it committed (wakeFacts).
 */
export async function markRecompute(tx: Tx, districtId: string, years: readonly number[], reason: string): Promise<void> {
  if (years.length === 0) return;
  const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from schools where district_id = ${districtId}`));
  for (const year of new Set(years)) {
    await tx
      .insert(factStatus)
      .values({ districtId, year, generation: 1, state: 'recomputing', done: 0, total: Number(n), reason, requestedAt: now(), updatedAt: now() })
      .onConflictDoUpdate({
        target: [factStatus.districtId, factStatus.year],
        set: { generation: sql`${factStatus.generation} + 1`, state: 'recomputing', done: 0, total: Number(n), reason, requestedAt: now(), updatedAt: now() },
      });
  }
}

/**
 * Holidays changed on these days: the working-day deadlines of the years around them may move
 * (§3 事前公开 notice periods count working days, and may cross a year's end).
 */
export async function markRecomputeForDays(tx: Tx, districtId: string, days: readonly string[], reason: string): Promise<void> {
  const near = new Set(days.flatMap((d) => [Number(d.slice(0, 4)) - 1, Number(d.slice(0, 4)), Number(d.slice(0, 4)) + 1]));
  const years = (await factYears(tx, districtId)).filter((y) => near.has(y));
  await markRecompute(tx, districtId, years, reason);
}

/** New schools (created or imported): their facts for every year the district has facts for. */
export async function factsForNewSchools(tx: Tx, districtId: string, schoolIds: readonly string[]): Promise<void> {
  if (schoolIds.length === 0) return;
  for (const year of await factYears(tx, districtId)) await recomputeSchoolYears(tx, districtId, year, schoolIds);
}

/**
 * The years the district has facts for: those with a checklist, reports, findings or surveys
 * (every school has a school_year_facts row for each of them).
 */
export async function factYears(tx: Tx, districtId: string): Promise<number[]> {
  const res = await tx.execute(sql`
    select year from checklist_versions where district_id = ${districtId}
    union select year from quarterly_reports where district_id = ${districtId}
    union select year from findings where district_id = ${districtId}
    union select year from surveys where district_id = ${districtId}
    order by 1`);
  return rowsOf<{ year: number }>(res).map((r) => Number(r.year));
}

/** Every school of the district (active or not: facts are kept for all). */
export async function schoolIdsOf(tx: Tx, districtId: string): Promise<string[]> {
  const rows = await tx.select({ id: schools.id }).from(schools).where(eq(schools.districtId, districtId)).orderBy(schools.id);
  return rows.map((r) => r.id);
}
