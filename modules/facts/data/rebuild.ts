// The proof that the fact store is right (issue 15): a rebuild of every fact from the raw rows
// (`npm run facts:rebuild`), and a check that compares what is stored with what a rebuild would
// write (`npm run facts:check` on a live database; the property test after each random sequence
// of writes). Both run one district-year per transaction, under that district's row-level security.
import { and, asc, eq, sql } from 'drizzle-orm';
import { withDistrict, type Tx } from '@/db/client';
import { districts, factStatus } from '@/db/schema';
import type { Quarter } from '@/core/domain/types';
import { now } from '@/core/env';
import { factKey, sameFact } from '@/modules/facts/domain/facts';
import { compareFindings, rowsOf } from './compute';
import { computeSchoolYears, factFromRow, factYears, recomputeSchoolYears, schoolIdsOf } from './refresh';

/** Schools recomputed per transaction (a job reports its progress between batches). */
export const BATCH = 50;

/** Recomputes one district-year from the raw rows and marks it ready (caller: a district transaction). */
export async function rebuildDistrictYear(tx: Tx, districtId: string, year: number): Promise<number> {
  const ids = await schoolIdsOf(tx, districtId);
  const [status] = await tx
    .select({ generation: factStatus.generation })
    .from(factStatus)
    .where(and(eq(factStatus.districtId, districtId), eq(factStatus.year, year)));
  const generation = status?.generation ?? 0;
  // Rows of schools that no longer belong to the district cannot exist (schools are never deleted).
  for (let i = 0; i < ids.length; i += BATCH) await recomputeSchoolYears(tx, districtId, year, ids.slice(i, i + BATCH), generation);
  if (status) {
    await tx
      .update(factStatus)
      .set({ state: 'ready', done: ids.length, total: ids.length, updatedAt: now() })
      .where(and(eq(factStatus.districtId, districtId), eq(factStatus.year, year), eq(factStatus.generation, generation)));
  }
  return ids.length;
}

/** Every year of one district (caller: a transaction that sees the district, e.g. a seed's). */
export async function rebuildDistrict(tx: Tx, districtId: string): Promise<void> {
  for (const year of await factYears(tx, districtId)) {
    await deleteDistrictYear(tx, districtId, year);
    await rebuildDistrictYear(tx, districtId, year);
  }
}

export interface DistrictRef {
  id: string;
  code: string;
}

export async function allDistricts(): Promise<DistrictRef[]> {
  return withDistrict('*', (tx) => tx.select({ id: districts.id, code: districts.code }).from(districts).orderBy(asc(districts.code)));
}

/** Every fact of every district (or of the districts given), one district-year per transaction. */
export async function rebuildAll(opts: { districts?: readonly DistrictRef[]; onProgress?: (line: string) => void } = {}): Promise<{ districtYears: number; schoolYears: number }> {
  const list = opts.districts ?? (await allDistricts());
  let districtYears = 0;
  let schoolYears = 0;
  for (const d of list) {
    const years = await withDistrict(d.id, (tx) => factYears(tx, d.id));
    for (const year of years) {
      const t0 = Date.now();
      const n = await withDistrict(d.id, async (tx) => {
        // Facts of the year that no longer has anything behind it are dropped with the rest.
        await deleteDistrictYear(tx, d.id, year);
        return rebuildDistrictYear(tx, d.id, year);
      });
      districtYears++;
      schoolYears += n;
      opts.onProgress?.(`${d.code} ${year}: ${n} schools in ${Date.now() - t0} ms`);
    }
  }
  return { districtYears, schoolYears };
}

async function deleteDistrictYear(tx: Tx, districtId: string, year: number): Promise<void> {
  await tx.execute(sql`delete from obligation_facts where district_id = ${districtId} and year = ${year}`);
  await tx.execute(sql`delete from school_period_facts where district_id = ${districtId} and year = ${year}`);
  await tx.execute(sql`delete from school_year_facts where district_id = ${districtId} and year = ${year}`);
  await tx.execute(sql`
    delete from survey_answer_facts f using surveys s
    where f.district_id = ${districtId} and s.id = f.survey_id and s.district_id = ${districtId} and s.year = ${year}`);
}

// ---------------------------------------------------------------------------------------------
// The check

export interface FactDifference {
  year: number;
  schoolId: string;
  /** What differs: an obligation (quarter, item, period), a quarter's sums or report, a year fact, survey counts. */
  what: string;
  stored: unknown;
  expected: unknown;
}

const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
const iso = (x: unknown) => (x === null || x === undefined ? null : new Date(x as string | Date).toISOString());

/**
 * Compares the stored facts of a district-year with what a rebuild would write now; an empty list
 * means the store is right. School-years being recomputed (stale) are compared too: a caller who
 * wants a quiet answer checks when nothing is recomputing.
 */
export async function checkDistrictYear(tx: Tx, districtId: string, year: number, limit = 50): Promise<FactDifference[]> {
  const ids = await schoolIdsOf(tx, districtId);
  const expected = await computeSchoolYears(tx, districtId, year, ids);
  const out: FactDifference[] = [];
  const add = (d: FactDifference) => {
    if (out.length < limit) out.push(d);
  };

  // Obligations.
  const stored = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select school_id, year, quarter, item_code, period_key, seq, item_id, window_start::text, window_end::text, deadline::text, weight, mandatory,
             timing_before, event_id, event_date::text, met, on_time, rejected, first_disclosed_on::text, prior_missed
      from obligation_facts where district_id = ${districtId} and year = ${year}`),
  ).map(factFromRow);
  const storedByKey = new Map(stored.map((f) => [factKey(f), f]));
  for (const f of expected.facts) {
    const k = factKey(f);
    const s = storedByKey.get(k);
    storedByKey.delete(k);
    if (!s || !sameFact(s, f)) add({ year, schoolId: f.schoolId, what: `obligation ${f.quarter} ${f.itemCode} ${f.periodKey}`, stored: s ?? null, expected: f });
  }
  for (const s of storedByKey.values()) add({ year, schoolId: s.schoolId, what: `obligation ${s.quarter} ${s.itemCode} ${s.periodKey}`, stored: s, expected: null });

  // Quarters: sums, counts, report.
  const periods = new Map(
    rowsOf<Record<string, unknown>>(
      await tx.execute(sql`
        select school_id, quarter, obligations, met, on_time, weight_total, weight_met, weight_on_time, rejected, prior_missed, last_deadline::text, no_matter,
               report_id, report_state, submitted_at, score
        from school_period_facts where district_id = ${districtId} and year = ${year}`),
    ).map((r) => [`${r.school_id as string}:${Number(r.quarter)}`, r]),
  );
  const reportOf = new Map(expected.reports.map((r) => [`${r.schoolId}:${r.quarter}`, r.report]));
  for (const p of expected.periods) {
    const k = `${p.schoolId}:${p.quarter}`;
    const r = periods.get(k);
    periods.delete(k);
    const rep = reportOf.get(k) ?? null;
    const want = {
      obligations: p.sums.obligations,
      met: p.sums.met,
      onTime: p.sums.onTime,
      weightTotal: p.sums.weightTotal,
      weightMet: p.sums.weightMet,
      weightOnTime: p.sums.weightOnTime,
      rejected: p.sums.rejected,
      priorMissed: p.sums.priorMissed,
      lastDeadline: p.sums.lastDeadline,
      noMatter: p.noMatter,
      reportId: rep?.id ?? null,
      reportState: rep?.state ?? null,
      submittedAt: rep?.submittedAt?.toISOString() ?? null,
      score: rep?.score ?? null,
    };
    const have = r
      ? {
          obligations: num(r.obligations),
          met: num(r.met),
          onTime: num(r.on_time),
          weightTotal: num(r.weight_total),
          weightMet: num(r.weight_met),
          weightOnTime: num(r.weight_on_time),
          rejected: num(r.rejected),
          priorMissed: num(r.prior_missed),
          lastDeadline: (r.last_deadline as string | null) ?? null,
          noMatter: num(r.no_matter),
          reportId: (r.report_id as string | null) ?? null,
          reportState: (r.report_state as string | null) ?? null,
          submittedAt: iso(r.submitted_at),
          score: num(r.score),
        }
      : null;
    const empty = want.obligations === 0 && want.reportId === null && want.noMatter === 0;
    if (have ? JSON.stringify(have) !== JSON.stringify(want) : !empty) add({ year, schoolId: p.schoolId, what: `quarter ${p.quarter}`, stored: have, expected: want });
  }
  for (const [k, r] of periods) add({ year, schoolId: k.split(':')[0]!, what: `quarter ${Number(r.quarter) as Quarter} (not expected)`, stored: r, expected: null });

  // Years: congress gate, findings, overall survey sums.
  const years = new Map(
    rowsOf<Record<string, unknown>>(
      await tx.execute(sql`
        select school_id, congress_met, findings, teachers_n, teachers_satisfied, teachers_sum, parents_n, parents_satisfied, parents_sum
        from school_year_facts where district_id = ${districtId} and year = ${year}`),
    ).map((r) => [r.school_id as string, r]),
  );
  for (const y of expected.years) {
    const r = years.get(y.schoolId);
    const t = y.satisfaction.teachers;
    const p = y.satisfaction.parents;
    const want = { congressMet: y.congressMet, findings: y.findings, teachers: [t?.n ?? 0, t?.satisfied ?? 0, t?.sum ?? 0], parents: [p?.n ?? 0, p?.satisfied ?? 0, p?.sum ?? 0] };
    const have = r
      ? {
          congressMet: r.congress_met as boolean,
          // jsonb keeps its own key order: compare the findings field by field.
          findings: ((typeof r.findings === 'string' ? JSON.parse(r.findings) : r.findings) as typeof y.findings)
            .map((f) => ({ severity: f.severity, resolved: f.resolved, raisedOn: f.raisedOn }))
            .sort(compareFindings),
          teachers: [num(r.teachers_n), num(r.teachers_satisfied), num(r.teachers_sum)],
          parents: [num(r.parents_n), num(r.parents_satisfied), num(r.parents_sum)],
        }
      : null;
    const empty = want.congressMet && want.findings.length === 0 && want.teachers[0] === 0 && want.parents[0] === 0;
    if (have ? JSON.stringify(have) !== JSON.stringify(want) : !empty) add({ year, schoolId: y.schoolId, what: 'year', stored: have, expected: want });
  }

  // Survey answer counts.
  const answers = new Map(
    rowsOf<Record<string, unknown>>(
      await tx.execute(sql`
        select f.survey_id, f.school_id, f.question_id, f.value, f.n from survey_answer_facts f
        join surveys s on s.id = f.survey_id and s.district_id = ${districtId} and s.year = ${year}
        where f.district_id = ${districtId}`),
    ).map((r) => [`${r.survey_id as string}:${r.school_id as string}:${r.question_id as string}:${Number(r.value)}`, Number(r.n)]),
  );
  for (const a of expected.answers) {
    const k = `${a.surveyId}:${a.schoolId}:${a.questionId}:${a.value}`;
    const n = answers.get(k);
    answers.delete(k);
    if (n !== a.n) add({ year, schoolId: a.schoolId, what: `answers ${a.questionId}=${a.value}`, stored: n ?? null, expected: a.n });
  }
  for (const [k, n] of answers) if (n !== 0) add({ year, schoolId: k.split(':')[1]!, what: `answers ${k} (not expected)`, stored: n, expected: null });
  return out;
}

/** Every district-year of every district: the differences between the store and a rebuild. */
export async function checkAll(opts: { districts?: readonly DistrictRef[]; onProgress?: (line: string) => void } = {}): Promise<FactDifference[]> {
  const list = opts.districts ?? (await allDistricts());
  const out: FactDifference[] = [];
  for (const d of list) {
    const years = await withDistrict(d.id, (tx) => factYears(tx, d.id));
    for (const year of years) {
      const diffs = await withDistrict(d.id, (tx) => checkDistrictYear(tx, d.id, year));
      opts.onProgress?.(`${d.code} ${year}: ${diffs.length === 0 ? 'ok' : `${diffs.length} difference(s)`}`);
      out.push(...diffs);
    }
  }
  return out;
}
