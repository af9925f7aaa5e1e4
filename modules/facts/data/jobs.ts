// The background recompute of a district-year (issue 15): after a change of many facts at once
// (markRecompute in the writing transaction), the app's job runner (modules/reminders/jobs: pg-boss
// on PostgreSQL, in process on PGlite) runs recomputeDistrictYear. It recomputes the stale schools
// in batches, one transaction each, and records its progress, which readers show. It is safe to
// run twice at once or again after a crash: every batch locks its school-years, recomputes them
// from the raw rows and stamps them with the generation it served.
import { and, eq, lt, sql } from 'drizzle-orm';
import { withDistrict } from '@/db/client';
import { factStatus } from '@/db/schema';
import { now } from '@/core/env';
import { rowsOf, uuidArray } from './compute';
import { BATCH } from './rebuild';
import { recomputeSchoolYears, schoolIdsOf } from './refresh';

export interface RecomputeJob {
  districtId: string;
  year: number;
}

/** Recomputes the district-year's stale schools until none is left; then it is ready again. */
export async function recomputeDistrictYear(job: RecomputeJob): Promise<void> {
  const { districtId, year } = job;
  for (;;) {
    const step = await withDistrict(districtId, async (tx) => {
      const [status] = await tx
        .select()
        .from(factStatus)
        .where(and(eq(factStatus.districtId, districtId), eq(factStatus.year, year)));
      if (!status || status.state !== 'recomputing') return 'done' as const;
      const ids = await schoolIdsOf(tx, districtId);
      const res = await tx.execute(sql`
        select s as school_id from unnest(${uuidArray(ids)}::uuid[]) s
        where not exists (select 1 from school_year_facts f where f.district_id = ${districtId} and f.year = ${year} and f.school_id = s and f.generation >= ${status.generation})
        order by 1 limit ${BATCH}`);
      const stale = rowsOf<{ school_id: string }>(res).map((r) => r.school_id);
      if (stale.length > 0) await recomputeSchoolYears(tx, districtId, year, stale, status.generation);
      const [{ n }] = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from school_year_facts where district_id = ${districtId} and year = ${year} and generation >= ${status.generation}`),
      );
      const done = Math.min(Number(n), ids.length);
      const finished = done >= ids.length;
      await tx
        .update(factStatus)
        .set({ done, total: ids.length, updatedAt: now(), ...(finished ? { state: 'ready' as const } : {}) })
        .where(and(eq(factStatus.districtId, districtId), eq(factStatus.year, year), eq(factStatus.generation, status.generation)));
      return finished ? ('check' as const) : ('more' as const);
    });
    if (step === 'done') return;
    // 'check': finished this generation; a newer one (a change meanwhile) keeps the loop going.
  }
}

/**
 * District-years still to recompute whose last progress is older than `idleMs` (their job was
 * lost with a process, or never sent): the runner's tick sends them again.
 */
export async function pendingRecomputes(idleMs = 60_000): Promise<RecomputeJob[]> {
  const before = new Date(now().getTime() - idleMs);
  return withDistrict('*', async (tx) => {
    const rows = await tx
      .select({ districtId: factStatus.districtId, year: factStatus.year })
      .from(factStatus)
      .where(and(eq(factStatus.state, 'recomputing'), lt(factStatus.updatedAt, before)));
    return rows;
  });
}

const KEY = Symbol.for('sunlight.facts.wake');
type Waker = (jobs: readonly RecomputeJob[]) => Promise<void>;

/** The runner of this process registers itself here (modules/reminders/jobs/worker.ts). */
export function onRecomputeRequested(fn: Waker | null): void {
  (globalThis as { [KEY]?: Waker | null })[KEY] = fn;
}

/**
 * After the transaction that called markRecompute committed: hands the district's years being
 * recomputed to this process's runner at once. Without a runner here, the next tick of any
 * process finds them.
 */
export async function wakeRecompute(districtId: string | null): Promise<void> {
  const fn = (globalThis as { [KEY]?: Waker | null })[KEY];
  if (!fn || !districtId) return;
  try {
    const rows = await withDistrict(districtId, (tx) =>
      tx
        .select({ districtId: factStatus.districtId, year: factStatus.year })
        .from(factStatus)
        .where(and(eq(factStatus.districtId, districtId), eq(factStatus.state, 'recomputing'))),
    );
    await fn(rows);
  } catch (e) {
    console.error('[facts] could not queue the recompute:', e instanceof Error ? e.message : e);
  }
}
