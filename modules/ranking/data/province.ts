// Platform admin: the 先进单位 ranking of every district of the platform for one year (issue 8,
// province scale). Each district's ranking is the one its evaluators and leaders see — the same
// rule as the district ranking page (loadRankingView: the snapshot in force, else the live draft
// from loadYearFacts + rankYearFacts) — and ranks stay per district and school type, as DESIGN §6
// defines them; nothing is re-ranked across districts.
//
// Speed (docs/BENCHMARKS.md): every district is read in its own district transaction (row-level
// security as that district), several at a time over the connection pool — a bounded fan-out, the
// only user-facing read that crosses districts (README "Scale past one machine") — and each reads
// its figures from the fact store (issue 15): ≈ 1 500 stored rows per 300-school district-year, no
// obligation is expanded or judged when the province is looked at.
import { env } from '@/core/env';
import { asc } from 'drizzle-orm';
import { handle, withDistrict } from '@/db/client';
import { districts } from '@/db/schema';
import type { RankingState } from '@/modules/ranking/domain/notice';
import { today } from '@/core/context';
import { rankingInForce } from './live';
import { RecomputingError } from '@/modules/facts/data/read';
import { requireRole, type Scope } from '@/core/scope';
import type { RankingResult, RankingRow } from '@/modules/ranking/domain/composition';
import type { SchoolType } from '@/core/domain/types';

export interface ProvinceDistrictRanking {
  districtId: string;
  code: string;
  name: string;
  state: RankingState;
  source: 'snapshot' | 'live';
  /** Null while the district-year is being recomputed (then `recomputing` says how far). */
  ranking: RankingResult | null;
  recomputing: { done: number; total: number } | null;
}

export interface ProvinceRanking {
  year: number;
  computedOn: string;
  districts: ProvinceDistrictRanking[];
  /** Totals over every district. */
  schools: number;
  eligible: number;
  inQuota: number;
}

/**
 * How many districts are computed at once: a share of the connection pool (db/client.ts,
 * SUNLIGHT_DB_POOL, default 10) that leaves connections for other requests; one on PGlite (a
 * single connection). SUNLIGHT_PROVINCE_CONCURRENCY overrides it.
 */
async function concurrency(): Promise<number> {
  const { SUNLIGHT_PROVINCE_CONCURRENCY: explicit, SUNLIGHT_DB_POOL: pool } = env();
  if (explicit) return explicit;
  if ((await handle()).kind !== 'postgres') return 1;
  return Math.max(1, Math.min(4, pool - 2));
}

/** `fn` over `items` with at most `limit` calls running at once; results in the order of `items`. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Platform admins: every district's ranking of `year`. */
export async function provinceRanking(scope: Scope, year: number): Promise<ProvinceRanking> {
  requireRole(scope, ['platformAdmin']);
  const day = today();
  const list = await withDistrict('*', (tx) => tx.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.code)));
  const out: ProvinceDistrictRanking[] = await mapBounded(list, await concurrency(), async (d) => {
    // Each district in its own transaction, scoped to it by row-level security. A district whose
    // year is being recomputed (a checklist or holiday change) says so; the others are shown.
    try {
      const v = await withDistrict(d.id, (tx) => rankingInForce(tx, d.id, year, day));
      return { districtId: d.id, code: d.code, name: d.name, state: v.state, source: v.source, ranking: v.ranking, recomputing: null };
    } catch (e) {
      if (!(e instanceof RecomputingError)) throw e;
      const { done, total } = e.progress;
      return { districtId: d.id, code: d.code, name: d.name, state: 'draft' as const, source: 'live' as const, ranking: null, recomputing: { done, total } };
    }
  });
  let schools = 0;
  let eligible = 0;
  let inQuota = 0;
  for (const d of out) {
    for (const r of d.ranking?.rows ?? []) {
      schools++;
      if (r.eligible) eligible++;
      if (r.inQuota) inQuota++;
    }
  }
  return { year, computedOn: day, districts: out, schools, eligible, inQuota };
}

export interface ProvinceFilters {
  /** A district's code: only its schools. */
  district?: string | null;
  type?: SchoolType | null;
  /** 1-based page of PROVINCE_PAGE rows. */
  page?: number;
}

export const PROVINCE_PAGE = 100;

export interface ProvinceRow extends RankingRow {
  districtCode: string;
  districtName: string;
}

export interface ProvinceView {
  year: number;
  computedOn: string;
  /** Every district: its state and totals (the filter does not apply). */
  districts: {
    code: string;
    name: string;
    state: RankingState;
    source: 'snapshot' | 'live';
    schools: number;
    eligible: number;
    inQuota: number;
    recomputing: { done: number; total: number } | null;
  }[];
  totals: { schools: number; eligible: number; inQuota: number };
  /** The filtered rows, by district, school type and rank (the ineligible last), one page of them. */
  rows: ProvinceRow[];
  matching: number;
  page: number;
  pages: number;
}

/**
 * Platform admins: the province's ranking of `year` — every district's schools ranked within their
 * school types (ranks are per district, §6) — filtered and paged for the province page and the API.
 */
export async function provinceView(scope: Scope, year: number, f: ProvinceFilters = {}): Promise<ProvinceView> {
  const p = await provinceRanking(scope, year);
  const matching: ProvinceRow[] = [];
  for (const d of p.districts) {
    if (f.district && d.code !== f.district) continue;
    for (const r of d.ranking?.rows ?? []) if (!f.type || r.type === f.type) matching.push({ ...r, districtCode: d.code, districtName: d.name });
  }
  const pages = Math.max(1, Math.ceil(matching.length / PROVINCE_PAGE));
  const page = Math.min(Math.max(1, f.page ?? 1), pages);
  return {
    year,
    computedOn: p.computedOn,
    districts: p.districts.map((d) => {
      const rows = d.ranking?.rows ?? [];
      return {
        code: d.code,
        name: d.name,
        state: d.state,
        source: d.source,
        schools: rows.length,
        eligible: rows.filter((r) => r.eligible).length,
        inQuota: rows.filter((r) => r.inQuota).length,
        recomputing: d.recomputing,
      };
    }),
    totals: { schools: p.schools, eligible: p.eligible, inQuota: p.inQuota },
    rows: matching.slice((page - 1) * PROVINCE_PAGE, page * PROVINCE_PAGE),
    matching: matching.length,
    page,
    pages,
  };
}
