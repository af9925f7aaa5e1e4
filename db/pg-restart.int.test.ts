// PostgreSQL crashes in the middle of a burst of report submissions and comes back (issue 8,
// Reliability): every report is fully saved or not at all, and the app's database client serves
// again without a restart.
//
// The test starts a PostgreSQL cluster of its own (db/testing-pg.ts), so that stopping it does not
// disturb other tests on TEST_DATABASE_URL. The 50 coordinators of the demo submit their Q4 2026
// reports and the two districts' evaluators return them, over and over (a continuous burst of
// submissions through the data layer); meanwhile the server is stopped crash-like
// (`pg_ctl stop -m immediate`: no checkpoint, every connection cut) and started again (crash
// recovery). Every wait is bounded; an operation that does not settle in time fails the test.
//
// Only with SUNLIGHT_TEST_DB=postgres: PGlite is embedded in the test process; there is no server
// to stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import type { TempPostgres } from './testing-pg';
import type { SeededDemo } from '@/seed/testing';
import { resetEnvForTests } from '@/core/env';
import { AppError } from '../core/errors';
import type { Scope } from '../core/scope';

const onPostgres = process.env.SUNLIGHT_TEST_DB === 'postgres';
const DEMO_NOW = '2026-11-23T10:00:00+08:00';
/** A working day after Q4 2026 ended, when its reports may be submitted. */
const Q4_2026_ENDED = '2027-01-05T10:00:00+08:00';
/** No single operation may take longer than this, outage or not (postgres.js would wait 30 s to connect). */
const OP_BOUND_MS = 15_000;
/** Successful operations before the crash and after the restart. */
const OKS_BEFORE = 60;
const OKS_AFTER = 60;
const OUTAGE_MS = 1_500;

type Phase = 'before' | 'stopping' | 'down' | 'starting' | 'up';
interface Op {
  report: string;
  kind: 'submit' | 'return';
  from: number; // the version it acted on
  startPhase: Phase;
  endPhase: Phase;
  ms: number;
  outcome: 'ok' | 'unavailable' | 'timeout' | 'other';
  error?: string;
}

function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout: ${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ms: number, cond: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe.skipIf(!onPostgres)(
  'PostgreSQL stopped (crash-like) mid-burst of report submissions and started again [needs SUNLIGHT_TEST_DB=postgres: PGlite is embedded, there is no server to stop]',
  () => {
    let pg: TempPostgres | undefined;
    let demo: SeededDemo | undefined;
    let client: typeof import('./client');
    let schema: typeof import('./schema');
    let rep: typeof import('../modules/reports/data/school-report');
    let review: typeof import('../modules/reports/data/review-actions');
    const saved = {
      SUNLIGHT_NOW: process.env.SUNLIGHT_NOW,
      TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
      DATABASE_URL: process.env.DATABASE_URL,
      SUNLIGHT_DATA_DIR: process.env.SUNLIGHT_DATA_DIR,
    };

    beforeAll(async () => {
      const { startTempPostgres } = await import('./testing-pg');
      pg = await startTempPostgres({ durableCommits: true, maxConnections: 50 });
      // seededDemo() creates its database on the server of TEST_DATABASE_URL: ours, for this file
      // only (the run's template is on the shared server, so the demo is seeded here).
      process.env.TEST_DATABASE_URL = pg.url;
      const { seededDemo } = await import('@/seed/testing');
      demo = await seededDemo(DEMO_NOW);
      // A quarter's report may be submitted once the quarter has ended (§3): the burst runs with the
      // app's clock moved past Q4 2026.
      process.env.SUNLIGHT_NOW = Q4_2026_ENDED;
      resetEnvForTests();
      client = demo.client;
      schema = await import('./schema');
      rep = await import('../modules/reports/data/school-report');
      review = await import('../modules/reports/data/review-actions');
    });

    afterAll(async () => {
      await client?.closeDb().catch(() => undefined);
      if (demo) await bounded(demo.cleanup(), 30_000, 'dropping the test database').catch(() => undefined);
      await pg?.destroy();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvForTests();
    });

    it('every report is fully saved or not at all, failures are clean 503s, and the same client serves again', async () => {
      const s = schema;
      const users = await import('../core/auth/users');
      // The 50 Q4 2026 drafts, their coordinators and their districts' evaluators.
      const reports = await client.withSystem((db) =>
        db
          .select({ r: s.quarterlyReports, code: s.schools.code, district: s.districts.code })
          .from(s.quarterlyReports)
          .innerJoin(s.schools, eq(s.schools.id, s.quarterlyReports.schoolId))
          .innerJoin(s.districts, eq(s.districts.id, s.quarterlyReports.districtId))
          .where(and(eq(s.quarterlyReports.year, 2026), eq(s.quarterlyReports.quarter, 4))),
      );
      expect(reports).toHaveLength(50);
      expect(reports.every((x) => x.r.state === 'draft')).toBe(true);
      const scopeOf = async (username: string): Promise<Scope> => {
        const [u] = await client.withSystem((db) => db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, username)));
        const sc = u && (await users.loadScope(u.id));
        if (!sc) throw new Error(`no scope for ${username}`);
        return sc;
      };
      const evaluators = new Map<string, Scope>();
      for (const d of new Set(reports.map((x) => x.district))) evaluators.set(d, await scopeOf(`${d}.eval`));
      const coordinators = new Map<string, Scope>();
      for (const x of reports) coordinators.set(x.r.id, await scopeOf(`${x.district}.${x.code}`));
      // The audit log's newest id before the burst (the seed's entries are not the burst's).
      const [{ maxAudit }] = (await client.withSystem((db) => db.select({ maxAudit: max(s.auditLog.id) }).from(s.auditLog))) as [{ maxAudit: number | null }];
      const h0 = await client.handle();

      let phase: Phase = 'before';
      let stopping = false;
      const ops: Op[] = [];
      const oks = (p: Phase[]) => ops.filter((o) => o.outcome === 'ok' && p.includes(o.startPhase)).length;

      async function readReport(id: string) {
        const [row] = await client.withSystem((db) => db.select().from(s.quarterlyReports).where(eq(s.quarterlyReports.id, id)));
        return row!;
      }

      async function worker(x: (typeof reports)[number]) {
        const coordinator = coordinators.get(x.r.id)!;
        const evaluator = evaluators.get(x.district)!;
        let known: { state: string; version: number } | null = { state: x.r.state, version: x.r.version };
        while (!stopping) {
          if (!known) {
            // After a failure the outcome is unknown (the commit may have happened): read it again.
            try {
              const row = await bounded(readReport(x.r.id), OP_BOUND_MS, 'reading a report');
              known = { state: row.state, version: row.version };
            } catch {
              await sleep(50);
              continue;
            }
          }
          const kind: Op['kind'] = known.state === 'submitted' ? 'return' : 'submit';
          const from: number = known.version;
          const startPhase = phase;
          const t = Date.now();
          const run =
            kind === 'submit'
              ? rep.submitQuarterReport(coordinator, { year: 2026, quarter: 4, version: from, confirmGaps: true }).then((r) => {
                  if (!r.ok) throw new Error(`submit refused: ${JSON.stringify(r)}`);
                })
              : review.transitionReport(evaluator, { reportId: x.r.id, action: 'return', reason: '请补充本季度公开材料', version: from });
          const op: Op = { report: x.r.id, kind, from, startPhase, endPhase: startPhase, ms: 0, outcome: 'ok' };
          try {
            await bounded(run, OP_BOUND_MS, `${kind} of a report`);
            known = { state: kind === 'submit' ? 'submitted' : 'returned', version: from + 1 };
          } catch (e) {
            op.outcome = e instanceof AppError && e.code === 'unavailable' && e.status === 503 ? 'unavailable' : String(e).includes('timeout:') ? 'timeout' : 'other';
            op.error = e instanceof Error ? `${e.name}: ${e.message} ${(e as { code?: string }).code ?? ''}` : String(e);
            known = null;
          }
          op.ms = Date.now() - t;
          op.endPhase = phase;
          ops.push(op);
          if (op.outcome !== 'ok') await sleep(50);
        }
      }

      const workers = reports.map((x) => worker(x));
      try {
        await until(`${OKS_BEFORE} successful submissions/returns before the crash`, 60_000, () => oks(['before']) >= OKS_BEFORE);
        phase = 'stopping';
        await pg!.stop('immediate');
        phase = 'down';
        await sleep(OUTAGE_MS);
        phase = 'starting';
        await pg!.start();
        phase = 'up';
        await until(`${OKS_AFTER} successful submissions/returns after the restart`, 60_000, () => oks(['up']) >= OKS_AFTER);
      } finally {
        stopping = true;
        await bounded(Promise.all(workers), 2 * OP_BOUND_MS, 'the burst to wind down');
      }

      // --- the failures: clean "unavailable" (503), quick, and only around the outage.
      const failed = ops.filter((o) => o.outcome !== 'ok');
      expect(failed.filter((o) => o.outcome !== 'unavailable').map((o) => `${o.outcome} ${o.kind} (${o.startPhase}→${o.endPhase}, ${o.ms} ms): ${o.error}`)).toEqual([]);
      expect(failed.length).toBeGreaterThan(0);
      // Mid-burst: operations were in flight when the server went down, and were cut off.
      expect(failed.filter((o) => o.startPhase === 'before' || o.startPhase === 'stopping').length).toBeGreaterThan(0);
      // Nothing fails once the server is back up.
      expect(failed.filter((o) => o.startPhase === 'up')).toEqual([]);
      expect(Math.max(...ops.map((o) => o.ms))).toBeLessThan(OP_BOUND_MS);

      // --- per report: all of a submission (or return) or nothing.
      const ids = reports.map((x) => x.r.id);
      const rows = new Map((await client.withSystem((db) => db.select().from(s.quarterlyReports).where(inArray(s.quarterlyReports.id, ids)))).map((r) => [r.id, r]));
      const transitions = await client.withSystem((db) => db.select().from(s.reportTransitions).where(inArray(s.reportTransitions.reportId, ids)));
      const audit = await client.withSystem((db) =>
        db
          .select()
          .from(s.auditLog)
          .where(and(eq(s.auditLog.entity, 'quarterly_report'), inArray(s.auditLog.entityId, ids), gt(s.auditLog.id, maxAudit ?? 0)))
          .orderBy(asc(s.auditLog.id)),
      );
      let commits = 0;
      for (const x of reports) {
        const row = rows.get(x.r.id)!;
        const entries = audit.filter((a) => a.entityId === x.r.id);
        const trans = transitions.filter((t) => t.reportId === x.r.id);
        const where = `report of ${x.code}`;
        // One audit entry and one transition row per version step, nothing else.
        expect(
          entries.map((e) => e.action).every((a) => a === 'submit' || a === 'resubmit' || a === 'return'),
          where,
        ).toBe(true);
        expect(entries.length, where).toBe(row.version - x.r.version);
        expect(trans.length, where).toBe(entries.length);
        let state: string = x.r.state;
        entries.forEach((e, k) => {
          const before = e.before as { state: string; version: number };
          const after = e.after as { state: string; version: number; gapsAtSubmit?: unknown };
          expect([before.version, after.version], where).toEqual([x.r.version + k, x.r.version + k + 1]);
          expect(before.state, where).toBe(state);
          expect(after.state, where).toBe(e.action === 'return' ? 'returned' : 'submitted');
          expect(e.action, where).toBe(e.action === 'return' ? 'return' : state === 'draft' ? 'submit' : 'resubmit');
          state = after.state;
        });
        expect(row.state, where).toBe(state);
        const pairs = (l: [string | null, string][]) => l.map((p) => p.join('→')).sort();
        expect(pairs(trans.map((t) => [t.fromState, t.toState])), where).toEqual(pairs(entries.map((e) => [(e.before as { state: string }).state, (e.after as { state: string }).state])));
        const submits = entries.filter((e) => e.action !== 'return');
        if (submits.length === 0) {
          expect(row, where).toMatchObject({ submittedAt: null, lastSubmittedAt: null, gapsAtSubmit: null });
        } else {
          // The first submission's moment is kept, the last one's recorded (as the audit log says).
          const stamp = (e: (typeof submits)[number], k: 'submittedAt' | 'lastSubmittedAt') => new Date((e.after as Record<string, string>)[k]!);
          expect(row.submittedAt, where).toEqual(stamp(submits[0]!, 'submittedAt'));
          expect(row.lastSubmittedAt, where).toEqual(stamp(submits.at(-1)!, 'lastSubmittedAt'));
          expect(row.gapsAtSubmit, where).toEqual((submits.at(-1)!.after as { gapsAtSubmit: unknown }).gapsAtSubmit);
          expect(Array.isArray(row.gapsAtSubmit), where).toBe(true);
        }
        // Every acknowledged write survived the crash.
        for (const o of ops.filter((y) => y.report === x.r.id && y.outcome === 'ok')) {
          expect(
            entries.some((e) => (e.after as { version: number }).version === o.from + 1),
            `${where}: acknowledged ${o.kind} from version ${o.from}`,
          ).toBe(true);
        }
        commits += entries.length;
      }
      // Commits the client never heard of (the crash cut the acknowledgement) are at most the cut-off operations.
      const acknowledged = ops.filter((o) => o.outcome === 'ok').length;
      expect(commits).toBeGreaterThanOrEqual(acknowledged);
      expect(commits - acknowledged).toBeLessThanOrEqual(failed.length);

      // --- the same client handle serves new requests, reads and writes.
      expect(await client.handle()).toBe(h0);
      const { databaseHealth } = await import('../core/health');
      expect(await bounded(databaseHealth(), OP_BOUND_MS, 'health')).toEqual({ ok: true, kind: 'postgres' });
      const one = reports[0]!;
      const now = await readReport(one.r.id);
      const view = await bounded(rep.coordinatorReport(coordinators.get(one.r.id)!, { year: 2026, quarter: 4 }), OP_BOUND_MS, 'coordinator report');
      expect(view.report).toMatchObject({ id: one.r.id, state: now.state, version: now.version });
      if (now.state === 'submitted') await review.transitionReport(evaluators.get(one.district)!, { reportId: one.r.id, action: 'return', reason: '重启后复核', version: now.version });
      expect(await rep.submitQuarterReport(coordinators.get(one.r.id)!, { year: 2026, quarter: 4, version: (await readReport(one.r.id)).version, confirmGaps: true })).toMatchObject({
        ok: true,
        resubmitted: true,
      });

      console.info(
        `[pg-restart] ${ops.length} operations: ${oks(['before'])} ok before the crash, ${failed.length} unavailable (${failed.filter((o) => o.startPhase === 'before' || o.startPhase === 'stopping').length} cut off in flight), ${oks(['up'])} ok after the restart; ${commits} commits, ${commits - acknowledged} not acknowledged; slowest ${Math.max(...ops.map((o) => o.ms))} ms`,
      );
    });
  },
);
