// Setup of the deadline-day load test (scripts/load.ts, docs/LOAD.md): migrates the PostgreSQL of
// DATABASE_URL, seeds a synthetic district (seed/synthetic.ts) and makes sure every coordinator of
// it has an untouched, unsubmitted draft for the quarter that is due (DESIGN §3: a report may be
// submitted from the day after its quarter ends, so the burst submits the last ended quarter's report;
// SUNLIGHT_NOW is its due day), then rebuilds the district's fact store (the drafts were reset behind
// its back). Also creates an API token for the district's evaluator (core/auth/tokens.ts), used to
// read /api/v1/metrics/schools on both app instances. Prints one JSON line on stdout:
// { district, quarter, coordinators, probe, evaluator, leader, token }.
//
//   DATABASE_URL=postgres://… SUNLIGHT_NOW=2026-10-15T10:00:00+08:00 npx tsx scripts/lib/load-setup.ts --schools 300
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SCHOOLS = Number(arg('schools', '300'));
/** Schools more for the one-at-a-time journeys measured step by step before the burst. */
const EXTRA = Number(arg('extra', '0'));
const CODE = arg('code', 'load');

if (!process.env.DATABASE_URL) throw new Error('load-setup: DATABASE_URL must point at the throw-away PostgreSQL');
if (!process.env.SUNLIGHT_NOW) throw new Error('load-setup: SUNLIGHT_NOW must be set (the open quarter is taken from it)');

const { closeDb, getDb, withSystem } = await import('@/db/client');
const { migrateDatabase } = await import('@/db/migrate');
const s = await import('@/db/schema');
const { thisQuarter, today } = await import('@/core/context');
const { loadScope } = await import('@/core/auth/users');
const { createToken } = await import('@/core/auth/tokens');
const { seedSynthetic } = await import('@/seed/synthetic');
const { previousQuarter } = await import('@/core/domain/periods');
const { rebuildAll } = await import('@/modules/facts/data/rebuild');

try {
  let t = Date.now();
  await migrateDatabase();
  const db = await getDb();
  console.error(`[load-setup] migrated in ${Date.now() - t} ms`);
  t = Date.now();
  // One school more than the load: the probe school, submitted on its own before the burst to
  // check that a change through one instance is visible at once through the other (and EXTRA
  // more for the step-by-step journeys).
  const ALL = SCHOOLS + EXTRA + 1;
  const synth = await seedSynthetic(db, { code: CODE, schools: ALL, asOf: today(), staff: true });
  console.error(`[load-setup] district "${CODE}" with ${ALL} schools seeded in ${Date.now() - t} ms`);

  // The quarter whose report is due: the last one that has ended.
  const q = previousQuarter(thisQuarter());
  const coordinators = await withSystem((d) =>
    d
      .select({ username: s.users.username, schoolId: s.users.schoolId, schoolCode: s.schools.code })
      .from(s.users)
      .innerJoin(s.schools, eq(s.schools.id, s.users.schoolId))
      .where(and(eq(s.users.districtId, synth.districtId), eq(s.users.role, 'coordinator')))
      .orderBy(s.schools.code),
  );
  if (coordinators.length !== ALL) throw new Error(`expected ${ALL} coordinators, found ${coordinators.length}`);
  const schoolIds = coordinators.map((c) => c.schoolId!);

  // The due quarter's reports: exactly one untouched draft per school (version 1, never
  // submitted, no transitions), whatever the generator made of them.
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: s.quarterlyReports.id })
      .from(s.quarterlyReports)
      .where(and(eq(s.quarterlyReports.districtId, synth.districtId), eq(s.quarterlyReports.year, q.year), eq(s.quarterlyReports.quarter, q.quarter)));
    const ids = existing.map((r) => r.id);
    if (ids.length) {
      await tx.delete(s.reportItemComments).where(inArray(s.reportItemComments.reportId, ids));
      await tx.delete(s.evaluations).where(inArray(s.evaluations.reportId, ids));
      await tx.delete(s.reportTransitions).where(inArray(s.reportTransitions.reportId, ids));
      await tx
        .update(s.quarterlyReports)
        .set({ state: 'draft', submittedAt: null, lastSubmittedAt: null, approvedAt: null, approvedBy: null, gapsAtSubmit: null, version: 1 })
        .where(inArray(s.quarterlyReports.id, ids));
    }
    const have = new Set(
      (
        await tx
          .select({ schoolId: s.quarterlyReports.schoolId })
          .from(s.quarterlyReports)
          .where(and(eq(s.quarterlyReports.districtId, synth.districtId), eq(s.quarterlyReports.year, q.year), eq(s.quarterlyReports.quarter, q.quarter)))
      ).map((r) => r.schoolId),
    );
    const missing = schoolIds.filter((id) => !have.has(id));
    if (missing.length) {
      await tx.insert(s.quarterlyReports).values(missing.map((schoolId) => ({ districtId: synth.districtId, schoolId, year: q.year, quarter: q.quarter, state: 'draft' as const, version: 1 })));
    }
  });
  const [drafts] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(s.quarterlyReports)
    .where(
      and(
        eq(s.quarterlyReports.districtId, synth.districtId),
        eq(s.quarterlyReports.year, q.year),
        eq(s.quarterlyReports.quarter, q.quarter),
        eq(s.quarterlyReports.state, 'draft'),
        eq(s.quarterlyReports.version, 1),
        isNull(s.quarterlyReports.submittedAt),
      ),
    );
  if (Number(drafts?.n) !== ALL) throw new Error(`expected ${ALL} open drafts for ${q.year} Q${q.quarter}, found ${drafts?.n}`);
  t = Date.now();
  await rebuildAll({ districts: [{ id: synth.districtId, code: CODE }] });
  console.error(`[load-setup] fact store of "${CODE}" rebuilt in ${Date.now() - t} ms`);

  const [evaluator] = await withSystem((d) => d.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, synth.evaluatorUsername)));
  const scope = await loadScope(evaluator!.id);
  if (!scope) throw new Error('no scope for the evaluator');
  const { token } = await createToken(scope, 'load test');

  const probe = coordinators[coordinators.length - 1]!;
  process.stdout.write(
    `${JSON.stringify({
      district: { id: synth.districtId, code: CODE },
      quarter: q,
      coordinators: coordinators.slice(0, SCHOOLS).map((c) => ({ username: c.username, schoolId: c.schoolId, schoolCode: c.schoolCode })),
      sequential: coordinators.slice(SCHOOLS, SCHOOLS + EXTRA).map((c) => ({ username: c.username, schoolId: c.schoolId, schoolCode: c.schoolCode })),
      probe: { username: probe.username, schoolId: probe.schoolId, schoolCode: probe.schoolCode },
      evaluator: synth.evaluatorUsername,
      leader: `${CODE}.leader`,
      token,
    })}\n`,
  );
  await closeDb();
  process.exit(0);
} catch (e) {
  console.error('[load-setup]', e instanceof Error ? (e.stack ?? e.message) : e);
  await closeDb().catch(() => {});
  process.exit(1);
}
