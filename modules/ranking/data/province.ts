// Platform admin: the 先进单位 ranking of every district of the platform for one year (issue 8,
// province scale). Each district's ranking is the one its evaluators and leaders see — the same
// rule as the district ranking page (loadRankingView: the snapshot in force, else the live draft
// from loadYearFacts + rankYearFacts) — and ranks stay per district and school type, as DESIGN §6
// defines them; nothing is re-ranked across districts.
//
// Speed (docs/BENCHMARKS.md): every district is read in its own district transaction (row-level
// security as that district), several at a time over the connection pool, and a district's live
// ranking is kept while its change stamp holds (cachedLiveRanking, school-table-cache.ts), so a
// second look at the province only recomputes the districts that changed.
import { env } from '@/core/env';
import { asc } from 'drizzle-orm';
import { handle, withDistrict } from '@/db/client';
import { districts } from '@/db/schema';
import type { RankingState } from '@/modules/ranking/domain/notice';
import { today } from '@/core/context';
import { rankingInForce } from './live';
import { requireRole, type Scope } from '@/core/scope';
import type { RankingResult } from '@/modules/ranking/domain/composition';

export interface ProvinceDistrictRanking {
  districtId: string;
  code: string;
  name: string;
  state: RankingState;
  source: 'snapshot' | 'live';
  ranking: RankingResult;
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
    // Each district in its own transaction, scoped to it by row-level security.
    const v = await withDistrict(d.id, (tx) => rankingInForce(tx, d.id, year, day));
    return { districtId: d.id, code: d.code, name: d.name, state: v.state, source: v.source, ranking: v.ranking };
  });
  let schools = 0;
  let eligible = 0;
  let inQuota = 0;
  for (const d of out) {
    for (const r of d.ranking.rows) {
      schools++;
      if (r.eligible) eligible++;
      if (r.inQuota) inQuota++;
    }
  }
  return { year, computedOn: day, districts: out, schools, eligible, inQuota };
}
