// Reading the fact store (issue 15): every screen, export and the API get their figures here.
// While a district-year is being recomputed (a checklist edit, a holiday: jobs.ts), the school-years
// not recomputed yet are stale: a reader of a few schools (a coordinator's pages, one school's
// profile or report) gets them computed from the raw rows instead, exactly as the store will hold
// them; a reader of a whole district is told "recomputing" (AppError 'unavailable', reason
// 'recomputing', with the progress), never stale figures. A school without a row has no facts.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { factStatus, type StoredFinding } from '@/db/schema';
import type { ChecklistItem, CoverageTally, LocalDate, ObligationResult, Quarter, ReportState, SurveyGroup } from '@/core/domain/types';
import { AppError } from '@/core/errors';
import { resultOf, type ObligationFact } from '@/modules/facts/domain/facts';
import { tally } from '@/modules/obligations/domain/metrics';
import { checklistsOf, rowsOf, uuidArray, type PeriodResults, type SatisfactionSums } from './compute';
import { computeSchoolYears, factFromRow, type ComputedFacts } from './refresh';

/** At most this many stale schools are computed from the raw rows by a reader; more ⇒ "recomputing". */
const FALLBACK_SCHOOLS = 40;

export interface Recomputing {
  year: number;
  done: number;
  total: number;
}

/** Thrown to readers of a whole district while its year is recomputed (pages show the progress). */
export class RecomputingError extends AppError {
  constructor(readonly progress: Recomputing) {
    super('unavailable', 'recomputing', progress);
    this.name = 'RecomputingError';
  }
}

interface Status {
  generation: number;
  recomputing: boolean;
  done: number;
  total: number;
}

async function statusOf(tx: Tx, districtId: string, year: number): Promise<Status> {
  const [row] = await tx
    .select()
    .from(factStatus)
    .where(and(eq(factStatus.districtId, districtId), eq(factStatus.year, year)));
  return { generation: row?.generation ?? 0, recomputing: row?.state === 'recomputing', done: row?.done ?? 0, total: row?.total ?? 0 };
}

/** The schools whose stored facts of the year may be stale (recomputing, not reached yet). */
async function staleSchools(tx: Tx, districtId: string, year: number, schoolIds: readonly string[]): Promise<{ stale: string[]; status: Status }> {
  const status = await statusOf(tx, districtId, year);
  if (!status.recomputing || schoolIds.length === 0) return { stale: [], status };
  const res = await tx.execute(sql`
    select s as school_id from unnest(${uuidArray(schoolIds)}::uuid[]) s
    where not exists (select 1 from school_year_facts f where f.district_id = ${districtId} and f.year = ${year} and f.school_id = s and f.generation >= ${status.generation})`);
  return { stale: rowsOf<{ school_id: string }>(res).map((r) => r.school_id), status };
}

/** Computes the stale schools from the raw rows, or refuses when there are too many of them. */
async function fallback(tx: Tx, districtId: string, year: number, schoolIds: readonly string[]): Promise<ComputedFacts | null> {
  const { stale, status } = await staleSchools(tx, districtId, year, schoolIds);
  if (stale.length === 0) return null;
  if (stale.length > FALLBACK_SCHOOLS) throw new RecomputingError({ year, done: status.done, total: status.total });
  return computeSchoolYears(tx, districtId, year, stale);
}

// ---------------------------------------------------------------------------------------------
// Obligation results (DESIGN §3) of some schools

/** The obligation results of the schools for the quarters, as the domain computes them on `today`. */
export async function readResults(tx: Tx, districtId: string, schoolIds: readonly string[], year: number, quarters: readonly Quarter[], today: string): Promise<PeriodResults> {
  const ids = [...schoolIds];
  const [checklists, computed, res] = await Promise.all([
    checklistsOf(tx, districtId, year, quarters),
    fallback(tx, districtId, year, ids),
    // One row per school, its obligations as one JSON array (decoded at once: far cheaper than a
    // row per obligation), in quarter and list order.
    ids.length
      ? tx.execute(sql`
          select school_id, json_agg(json_build_array(quarter, item_code, period_key, seq, item_id, window_start, window_end, deadline, weight, mandatory,
                 timing_before, event_id, event_date, met, on_time, rejected, first_disclosed_on, prior_missed) order by quarter, seq)::text as facts
          from obligation_facts
          where district_id = ${districtId} and year = ${year} and school_id = any(${uuidArray(ids)}::uuid[])
            and quarter = any(${`{${quarters.join(',')}}`}::smallint[])
          group by school_id`)
      : Promise.resolve([]),
  ]);
  const replaced = new Set(computed ? computed.years.map((y) => y.schoolId) : []);
  const bySchool = new Map<string, ObligationResult[]>(ids.map((id) => [id, []]));
  const wanted = new Set<number>(quarters);
  for (const r of rowsOf<{ school_id: string; facts: string }>(res)) {
    const id = r.school_id;
    if (replaced.has(id)) continue;
    const list = bySchool.get(id)!;
    for (const a of JSON.parse(r.facts) as FactTuple[]) list.push(resultOf(factFromTuple(id, year, a), today));
  }
  if (computed) for (const f of computed.facts) if (wanted.has(f.quarter)) bySchool.get(f.schoolId)!.push(resultOf(f, today));
  // Quarter order as asked (the query sorted by quarter number).
  const order = new Map(quarters.map((q, i) => [q, i]));
  if (quarters.some((q, i) => i > 0 && q < quarters[i - 1]!) || computed) {
    for (const list of bySchool.values()) list.sort((a, b) => order.get(a.obligation.quarter)! - order.get(b.obligation.quarter)!);
  }
  return { itemsByQuarter: new Map<Quarter, ChecklistItem[]>(checklists.map((c) => [c.quarter, c.items])), bySchool };
}

/** An obligation fact as readResults' JSON array holds it (dates as ISO text). */
type FactTuple = [
  quarter: number,
  itemCode: string,
  periodKey: string,
  seq: number,
  itemId: string,
  windowStart: string | null,
  windowEnd: string,
  deadline: string,
  weight: number,
  mandatory: boolean,
  timingBefore: boolean,
  eventId: string | null,
  eventDate: string | null,
  met: boolean,
  onTime: boolean,
  rejected: boolean,
  firstDisclosedOn: string | null,
  priorMissed: boolean,
];

function factFromTuple(schoolId: string, year: number, a: FactTuple): ObligationFact {
  return {
    schoolId,
    year,
    quarter: a[0] as Quarter,
    itemCode: a[1],
    periodKey: a[2],
    seq: a[3],
    itemId: a[4],
    windowStart: a[5],
    windowEnd: a[6],
    deadline: a[7],
    weight: a[8],
    mandatory: a[9],
    timingBefore: a[10],
    eventId: a[11],
    eventDate: a[12],
    met: a[13],
    onTime: a[14],
    rejected: a[15],
    firstDisclosedOn: a[16],
    priorMissed: a[17],
  };
}

/** The stored obligation facts of some school-quarters (those computed by a reader added), by `school:quarter`. */
async function obligationFactsOf(
  tx: Tx,
  districtId: string,
  year: number,
  slots: readonly { schoolId: string; quarter: Quarter }[],
  computed: readonly ObligationFact[] = [],
): Promise<Map<string, ObligationFact[]>> {
  const out = new Map<string, ObligationFact[]>();
  const wanted = new Set(slots.map((x) => `${x.schoolId}:${x.quarter}`));
  const ids = [...new Set(slots.map((x) => x.schoolId))];
  const quarters = [...new Set(slots.map((x) => x.quarter))];
  const res = await tx.execute(sql`
    select school_id, year, quarter, item_code, period_key, seq, item_id, window_start::text, window_end::text, deadline::text, weight, mandatory,
           timing_before, event_id, event_date::text, met, on_time, rejected, first_disclosed_on::text, prior_missed
    from obligation_facts
    where district_id = ${districtId} and year = ${year} and school_id = any(${uuidArray(ids)}::uuid[])
      and quarter = any(${`{${quarters.join(',')}}`}::smallint[])`);
  const add = (f: ObligationFact) => {
    const k = `${f.schoolId}:${f.quarter}`;
    if (!wanted.has(k)) return;
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  };
  const fromReader = new Set(computed.map((f) => f.schoolId));
  for (const r of rowsOf<Record<string, unknown>>(res)) {
    const f = factFromRow(r);
    if (!fromReader.has(f.schoolId)) add(f);
  }
  for (const f of computed) add(f);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sums and reports per school and quarter

export interface StoredReport {
  id: string;
  state: ReportState;
  submittedAt: Date | null;
  /** Rubric total of the evaluation, whatever the report's state. */
  score: number | null;
}

export interface StoredPeriod {
  tally: CoverageTally;
  report: StoredReport | null;
  rejected: number;
  priorMissed: number;
  noMatter: number;
}

const EMPTY_TALLY: CoverageTally = Object.freeze({ obligations: 0, notYetDue: 0, met: 0, onTime: 0, weightTotal: 0, weightMet: 0, weightOnTime: 0 });

function emptyPeriod(): StoredPeriod {
  return { tally: EMPTY_TALLY, report: null, rejected: 0, priorMissed: 0, noMatter: 0 };
}

/**
 * A school-quarter as readPeriods' JSON array holds it: the stored sums, the last deadline, the
 * report, and (a quarter in progress) the tally on the day (d…).
 */
type PeriodTuple = [
  quarter: number,
  obligations: number,
  met: number,
  onTime: number,
  weightTotal: number,
  weightMet: number,
  weightOnTime: number,
  rejected: number,
  priorMissed: number,
  noMatter: number,
  lastDeadline: string | null,
  reportId: string | null,
  reportState: string | null,
  submittedAt: string | null,
  score: number | string | null,
  dObligations: number | null,
  dNotYetDue: number | null,
  dMet: number | null,
  dOnTime: number | null,
  dWeightTotal: number | null,
  dWeightMet: number | null,
  dWeightOnTime: number | null,
];

/**
 * Per school (every school asked for, in that order) and quarter asked for: the §4 sums and the
 * quarter's report. `schoolIds` null: every school with facts (the province, the district's ranking).
 */
export async function readPeriods(
  tx: Tx,
  districtId: string,
  schoolIds: readonly string[],
  year: number,
  quarters: readonly Quarter[],
  today: LocalDate,
): Promise<Map<string, Map<Quarter, StoredPeriod>>> {
  const ids = [...schoolIds];
  const out = new Map<string, Map<Quarter, StoredPeriod>>(ids.map((id) => [id, new Map(quarters.map((q) => [q, emptyPeriod()]))]));
  if (ids.length === 0) return out;
  const [computed, res] = await Promise.all([
    fallback(tx, districtId, year, ids),
    // §4: the stored sums count every obligation; they are the tally only once every deadline of
    // the quarter has passed. A quarter still in progress is tallied on the day from its
    // obligations in the same statement (an obligation is due when its deadline is before the day;
    // the weights added in the quarter's order, seq, as the domain's tally adds them).
    // One row per school, its quarters as one JSON array (decoded at once).
    tx.execute(sql`
      select x.school_id,
             json_agg(json_build_array(x.quarter, x.obligations, x.met, x.on_time, x.weight_total, x.weight_met, x.weight_on_time, x.rejected, x.prior_missed, x.no_matter,
                      x.last_deadline, x.report_id, x.report_state, x.submitted_at, x.score,
                      x.d_obligations, x.d_not_yet_due, x.d_met, x.d_on_time, x.d_weight_total, x.d_weight_met, x.d_weight_on_time))::text as periods
      from (
        select p.school_id, p.quarter, p.obligations, p.met, p.on_time, p.weight_total, p.weight_met, p.weight_on_time, p.rejected, p.prior_missed, p.no_matter,
               p.last_deadline, p.report_id, p.report_state, p.submitted_at, p.score,
               d.obligations as d_obligations, d.not_yet_due as d_not_yet_due, d.met as d_met, d.on_time as d_on_time,
               d.weight_total as d_weight_total, d.weight_met as d_weight_met, d.weight_on_time as d_weight_on_time
        from school_period_facts p
        left join lateral (
          select count(*) filter (where f.deadline >= ${today}::date)::int as not_yet_due,
                 count(*) filter (where f.deadline < ${today}::date)::int as obligations,
                 count(*) filter (where f.deadline < ${today}::date and f.met)::int as met,
                 count(*) filter (where f.deadline < ${today}::date and f.on_time)::int as on_time,
                 sum(f.weight order by f.seq) filter (where f.deadline < ${today}::date) as weight_total,
                 sum(f.weight order by f.seq) filter (where f.deadline < ${today}::date and f.met) as weight_met,
                 sum(f.weight order by f.seq) filter (where f.deadline < ${today}::date and f.on_time) as weight_on_time
          from obligation_facts f
          where p.last_deadline >= ${today}::date
            and f.district_id = p.district_id and f.year = p.year and f.school_id = p.school_id and f.quarter = p.quarter
        ) d on p.last_deadline >= ${today}::date
        where p.district_id = ${districtId} and p.year = ${year} and p.school_id = any(${uuidArray(ids)}::uuid[])
          and p.quarter = any(${`{${quarters.join(',')}}`}::smallint[])
      ) x
      group by x.school_id`),
  ]);
  const replaced = new Set(computed ? computed.years.map((y) => y.schoolId) : []);
  // Quarters in progress of the schools computed by this reader are tallied from their facts below.
  const inProgress: { schoolId: string; quarter: Quarter }[] = [];
  for (const row of rowsOf<{ school_id: string; periods: string }>(res)) {
    const id = row.school_id;
    if (replaced.has(id)) continue;
    const own = out.get(id)!;
    for (const r of JSON.parse(row.periods) as PeriodTuple[]) {
      const onDay = r[10] !== null && r[10] >= today;
      own.set(r[0] as Quarter, {
        tally: onDay
          ? { obligations: r[15]!, notYetDue: r[16]!, met: r[17]!, onTime: r[18]!, weightTotal: r[19] ?? 0, weightMet: r[20] ?? 0, weightOnTime: r[21] ?? 0 }
          : { obligations: r[1], notYetDue: 0, met: r[2], onTime: r[3], weightTotal: r[4], weightMet: r[5], weightOnTime: r[6] },
        report: r[11] ? { id: r[11], state: r[12] as ReportState, submittedAt: r[13] ? new Date(r[13]) : null, score: r[14] === null ? null : Number(r[14]) } : null,
        rejected: r[7],
        priorMissed: r[8],
        noMatter: r[9],
      });
    }
  }
  if (computed) {
    for (const p of computed.periods) {
      const slot = out.get(p.schoolId)?.get(p.quarter);
      if (!slot) continue;
      const { rejected, priorMissed, lastDeadline: _last, ...t } = p.sums;
      slot.tally = { ...t, notYetDue: 0 };
      if (p.sums.lastDeadline !== null && p.sums.lastDeadline >= today) inProgress.push({ schoolId: p.schoolId, quarter: p.quarter });
      slot.rejected = rejected;
      slot.priorMissed = priorMissed;
      slot.noMatter = p.noMatter;
    }
    for (const r of computed.reports) {
      const slot = out.get(r.schoolId)?.get(r.quarter);
      if (slot && r.report) slot.report = { id: r.report.id, state: r.report.state, submittedAt: r.report.submittedAt, score: r.report.score };
    }
  }
  if (inProgress.length) {
    const bySlot = await obligationFactsOf(
      tx,
      districtId,
      year,
      inProgress,
      computed?.facts.filter((f) => replaced.has(f.schoolId)),
    );
    for (const { schoolId, quarter } of inProgress) {
      out.get(schoolId)!.get(quarter)!.tally = tally((bySlot.get(`${schoolId}:${quarter}`) ?? []).map((f) => resultOf(f, today)));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per school and year: the congress gate, findings, overall survey sums

export interface StoredYear {
  congressMet: boolean;
  findings: StoredFinding[];
  satisfaction: Partial<Record<SurveyGroup, SatisfactionSums>>;
}

export async function readYears(tx: Tx, districtId: string, schoolIds: readonly string[], year: number): Promise<Map<string, StoredYear>> {
  const ids = [...schoolIds];
  const out = new Map<string, StoredYear>(ids.map((id) => [id, { congressMet: true, findings: [], satisfaction: {} }]));
  if (ids.length === 0) return out;
  const [computed, res] = await Promise.all([
    fallback(tx, districtId, year, ids),
    tx.execute(sql`
      select school_id, congress_met, findings, teachers_n, teachers_satisfied, teachers_sum, parents_n, parents_satisfied, parents_sum
      from school_year_facts
      where district_id = ${districtId} and year = ${year} and school_id = any(${uuidArray(ids)}::uuid[])`),
  ]);
  for (const r of rowsOf<Record<string, unknown>>(res)) {
    const id = r.school_id as string;
    const findings = (typeof r.findings === 'string' ? JSON.parse(r.findings) : r.findings) as StoredFinding[];
    const satisfaction: StoredYear['satisfaction'] = {};
    if (Number(r.teachers_n) > 0) satisfaction.teachers = { n: Number(r.teachers_n), satisfied: Number(r.teachers_satisfied), sum: Number(r.teachers_sum) };
    if (Number(r.parents_n) > 0) satisfaction.parents = { n: Number(r.parents_n), satisfied: Number(r.parents_satisfied), sum: Number(r.parents_sum) };
    out.set(id, { congressMet: r.congress_met as boolean, findings, satisfaction });
  }
  if (computed) for (const y of computed.years) out.set(y.schoolId, { congressMet: y.congressMet, findings: y.findings, satisfaction: y.satisfaction });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Survey answers per school, question and value (§7 results)

export async function readAnswerCounts(
  tx: Tx,
  districtId: string,
  year: number,
  surveyIds: readonly string[],
  schoolIds: readonly string[],
): Promise<{ surveyId: string; schoolId: string; questionId: string; value: number; n: number }[]> {
  if (surveyIds.length === 0 || schoolIds.length === 0) return [];
  const [computed, res] = await Promise.all([
    fallback(tx, districtId, year, schoolIds),
    tx.execute(sql`
      select survey_id, school_id, question_id, value, n from survey_answer_facts
      where district_id = ${districtId} and survey_id = any(${uuidArray(surveyIds)}::uuid[]) and school_id = any(${uuidArray(schoolIds)}::uuid[])`),
  ]);
  const replaced = new Set(computed ? computed.years.map((y) => y.schoolId) : []);
  const surveysWanted = new Set(surveyIds);
  const rows = rowsOf<{ survey_id: string; school_id: string; question_id: string; value: number; n: number }>(res)
    .filter((r) => !replaced.has(r.school_id))
    .map((r) => ({ surveyId: r.survey_id, schoolId: r.school_id, questionId: r.question_id, value: Number(r.value), n: Number(r.n) }));
  if (computed) rows.push(...computed.answers.filter((a) => surveysWanted.has(a.surveyId)));
  return rows;
}
