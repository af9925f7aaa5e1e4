// The deterministic demo seed (DESIGN: two districts, ~50 schools, 2024 – Q4 2026 activity).
// Everything is fixed as of a reference date `asOf` (never the real clock) and every id comes
// from a string key, so each run writes identical rows. Seeds only into an empty database.
import { count, sql } from 'drizzle-orm';
import { installReferenceData } from '@/modules/checklist/data/reference';
import type { Db, Tx } from '@/db/client';
import * as s from '@/db/schema';
import { parseLocalDate } from '@/core/domain/dates';
import type { LocalDate } from '@/core/domain/types';
import { buildSchoolYear } from './activity';
import { buildOrg } from './build-org';
import { buildFindings } from './findings';
import { DEFAULT_AS_OF, DEMO_YEARS } from './org';
import { buildReports } from './reports';
import { at, SeedRows } from './rows';
import { buildSurveys } from './surveys';
import { rebuildDistrict } from '@/modules/facts/data/rebuild';

export { DEMO_PASSWORD, demoLogins } from './org';

export interface SeedSummary {
  seeded: boolean;
  asOf: LocalDate;
  /** Rows written per table (empty when nothing was seeded). */
  counts: Record<string, number>;
  ms: number;
}

/** Build every row of the demo in memory (pure: no database access). */
export async function buildDemoRows(asOf: LocalDate = DEFAULT_AS_OF): Promise<SeedRows> {
  if (parseLocalDate(asOf) === null) throw new RangeError(`seedDemo: invalid asOf ${asOf}`);
  const rows = new SeedRows();
  const org = await buildOrg(rows);
  const asOfYear = Number(asOf.slice(0, 4));
  const usedCodes = new Set<string>();
  for (const d of org.districts) {
    for (const year of DEMO_YEARS) {
      if (year > asOfYear) continue;
      const submissions: Date[] = [];
      for (const sc of d.schools) {
        const facts = buildSchoolYear(rows, d, sc, year, asOf);
        submissions.push(...buildReports(rows, d, sc, year, facts, asOf));
      }
      // §2: the year's checklist froze when its first report was submitted.
      const first = submissions.reduce<Date | null>((m, t) => (m === null || t < m ? t : m), null);
      d.checklists.get(year)!.versionRow.frozenAt = first;
    }
    buildFindings(rows, d, asOf);
    buildSurveys(rows, d, asOf, usedCodes);
  }
  rows.add(s.auditLog, {
    districtId: null,
    actorId: null,
    actorRole: 'system',
    at: at(asOf, 7),
    entity: 'system',
    entityId: 'demo-seed',
    action: 'seed',
    before: null,
    after: { asOf, districts: org.districts.map((d) => d.def.code) },
  });
  return rows;
}

/**
 * Seed the demo into `db` if — and only if — the `districts` table is empty. Runs in one
 * transaction (with an advisory lock, so two processes starting together seed once).
 */
export async function seedDemo(db: Db, opts: { asOf?: LocalDate } = {}): Promise<SeedSummary> {
  const started = Date.now();
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const [{ n }] = await tx.select({ n: count() }).from(s.districts);
    if (n > 0) return null;
    const rows = await buildDemoRows(asOf);
    await installReferenceData(tx as unknown as Db);
    await rows.insertAll(tx as unknown as Db);
    // The fact store (issue 15) from the rows just written, in the same transaction.
    for (const d of rows.rows(s.districts)) await rebuildDistrict(tx as unknown as Tx, d.id!);
    return rows.counts();
  });
  return { seeded: result !== null, asOf, counts: result ?? {}, ms: Date.now() - started };
}
