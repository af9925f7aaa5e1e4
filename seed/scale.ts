// A province-sized synthetic dataset (issue 8 "Scale and speed"): ~300-school districts generated
// one at a time by the synthetic district generator (seed/synthetic.ts — the demo's own checklist,
// disclosure behaviour, report workflow and surveys) and streamed into PostgreSQL with COPY, one
// transaction per district, so memory stays bounded by one district. Every account shares one
// argon2 hash. Resumable and idempotent: districts already present (by code) are skipped, and a
// finished run leaves a marker row in the audit log that the benchmark recognises.
import { getTableName } from 'drizzle-orm';
import type postgres from 'postgres';
import { hashPassword } from '@/core/auth/password';
import type { LocalDate } from '@/core/domain/types';
import { seedId } from './ids';
import { DEMO_PASSWORD } from './org';
import { TABLE_ORDER } from './rows';
import { copyRows } from './scale-copy';
import { buildSyntheticRows } from './synthetic';

export const SCALE_MARKER = 'scale-seed';

export interface ScaleOptions {
  /** Schools in total (default 20 000). */
  schools: number;
  /** Years of activity ending with the year of `asOf` (default 3). */
  years: number;
  /** Schools per district (default 300; the last district takes the remainder). */
  perDistrict: number;
  /** Schools per zone (default 30). */
  perZone: number;
  /** The reference day ("today"). */
  asOf: LocalDate;
}

export interface ScaleDistrictPlan {
  index: number;
  code: string;
  schools: number;
}

export interface ScaleSummary {
  districts: number;
  skipped: number;
  counts: Record<string, number>;
  ms: number;
  generateMs: number;
  copyMs: number;
}

/** District codes p001, p002, …; usernames p001.eval, p001.leader, p001.p0010001 (coordinators). */
export const scaleDistrictCode = (i: number): string => `p${String(i + 1).padStart(3, '0')}`;

export function planDistricts(opts: Pick<ScaleOptions, 'schools' | 'perDistrict'>): ScaleDistrictPlan[] {
  const out: ScaleDistrictPlan[] = [];
  for (let left = opts.schools, i = 0; left > 0; i++) {
    const n = Math.min(opts.perDistrict, left);
    out.push({ index: i, code: scaleDistrictCode(i), schools: n });
    left -= n;
  }
  return out;
}

export function scaleYears(opts: Pick<ScaleOptions, 'years' | 'asOf'>): number[] {
  const last = Number(opts.asOf.slice(0, 4));
  return Array.from({ length: opts.years }, (_, i) => last - opts.years + 1 + i);
}

/**
 * Seeds the dataset through a postgres.js client connected as the database owner (no RLS).
 * `log` receives one line per district.
 */
export async function seedScale(sql: postgres.Sql, opts: ScaleOptions, log: (line: string) => void = () => {}): Promise<ScaleSummary> {
  const started = Date.now();
  const years = scaleYears(opts);
  const plan = planDistricts(opts);
  const existing = new Set((await sql<{ code: string }[]>`select code from districts where code = any(${plan.map((p) => p.code)})`).map((r) => r.code));
  const counts: Record<string, number> = Object.fromEntries(TABLE_ORDER.map((t) => [getTableName(t), 0]));
  const hash = await hashPassword(DEMO_PASSWORD);
  let generateMs = 0;
  let copyMs = 0;
  let skipped = 0;

  // A platform admin to run province-wide reports with (only if the database has none).
  const [pa] = await sql<{ n: number }[]>`select count(*)::int as n from users where role = 'platformAdmin'`;
  if (pa!.n === 0) {
    await sql`insert into users (id, district_id, username, display_name, role, password_hash)
              values (${seedId('scale/user/scale.platform')}, null, 'scale.platform', 'scale.platform', 'platformAdmin', ${hash})`;
  }

  for (const p of plan) {
    if (existing.has(p.code)) {
      skipped++;
      continue;
    }
    const t0 = Date.now();
    const { rows } = await buildSyntheticRows({
      code: p.code,
      schools: p.schools,
      zones: Math.max(1, Math.round(p.schools / opts.perZone)),
      years,
      asOf: opts.asOf,
      passwordHash: hash,
      staff: true,
      surveys: true,
    });
    const t1 = Date.now();
    await sql.begin(async (tx) => {
      // Bulk load: the generator writes parents before children with consistent ids, so the
      // per-row foreign-key triggers are skipped for this transaction (superuser only).
      await tx`set local session_replication_role = replica`;
      for (const table of TABLE_ORDER) {
        const list = rows.rows(table) as Record<string, unknown>[];
        await copyRows(tx, table, list);
        counts[getTableName(table)]! += list.length;
      }
    });
    const t2 = Date.now();
    generateMs += t1 - t0;
    copyMs += t2 - t1;
    const n = Object.values(rows.counts()).reduce((a, b) => a + b, 0);
    log(`district ${p.index + 1}/${plan.length} ${p.code}: ${p.schools} schools, ${n} rows — generated in ${t1 - t0} ms, copied in ${t2 - t1} ms`);
  }

  if (skipped < plan.length) {
    await sql`analyze`;
    await sql`insert into audit_log (district_id, actor_id, actor_role, at, entity, entity_id, action, before, after)
              values (null, null, 'system', now(), 'system', ${SCALE_MARKER}, 'seed', null,
                      ${sql.json({ schools: opts.schools, years, perDistrict: opts.perDistrict, asOf: opts.asOf, districts: plan.length, benchDistrict: plan[0]!.code })})`;
  }
  return { districts: plan.length, skipped, counts, ms: Date.now() - started, generateMs, copyMs };
}
