// In-process cache of the school table's expensive part — the obligation results and reports of
// a set of schools for a period — so the review queue, matrix, export and API answer in
// milliseconds on large districts (issue 4: ≤ 100 ms p95 on 500 schools).
//
// Freshness: an entry is used only while the district's change stamp is unchanged. The stamp is
// read from the audit log, which every change writes in the same transaction (DESIGN §8,
// ENGINEERING "Every change writes the audit log"): the number and the highest id of the
// district's audit rows of the last STAMP_WINDOW. It is read before the data, so a change that
// commits in between only causes one extra recomputation, never a stale entry. "Today" is part
// of the key (a deadline passing turns obligations from not-yet-due to missing), and entries
// expire after MAX_AGE_MS as a further safety net. Cross-district reads are impossible: the key
// holds the district and the exact school ids the caller was allowed to see.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { now } from '@/core/env';

const STAMP_WINDOW = '15 minutes';
const MAX_AGE_MS = 5 * 60_000;
/**
 * Results of whole schools sets are big; the assembled tables only point at them. Rankings (a
 * district-year's ranked rows, ≈ 0.25 MB as JSON for 300 schools) are kept for every district of a
 * province (provinceRanking) and last year's rank movement on the dashboard.
 */
const MAX_ENTRIES = { core: 12, table: 64, ranking: 160 } as const;
export type CacheKind = keyof typeof MAX_ENTRIES;

interface Entry<T> {
  stamp: string;
  at: number;
  value: Promise<T>;
}

const key = Symbol.for('sunlight.schoolTableCache');
type G = typeof globalThis & { [key]?: Record<CacheKind, Map<string, Entry<unknown>>> };

function store(kind: CacheKind): Map<string, Entry<unknown>> {
  const g = globalThis as G;
  const all = (g[key] ??= { core: new Map(), table: new Map(), ranking: new Map() });
  all[kind] ??= new Map();
  return all[kind];
}

/** The district's change stamp (index range scan on audit_district_at over recent rows only). */
export async function changeStamp(tx: Tx, districtId: string): Promise<string> {
  const res = await tx.execute(
    sql`select count(*)::int as n, coalesce(max(id), 0)::text as m from audit_log where district_id = ${districtId} and at > ${now().toISOString()}::timestamptz - ${STAMP_WINDOW}::interval`,
  );
  const row = (Array.isArray(res) ? res[0] : (res as { rows: unknown[] }).rows[0]) as { n: number; m: string };
  return `${row.n}:${row.m}`;
}

/** A key from its parts; lists (school ids, zone ids) are hashed in sorted order. */
export function cacheKey(parts: Record<string, string | number | null | undefined | readonly (string | number)[]>): string {
  return Object.entries(parts)
    .map(
      ([k, v]) =>
        `${k}=${
          Array.isArray(v)
            ? createHash('sha1')
                .update([...v].map(String).sort().join(','))
                .digest('hex')
            : String(v ?? '')
        }`,
    )
    .join('|');
}

/** The cached value for `k` if its stamp still holds, else compute (and share the promise). */
export async function cached<T>(kind: CacheKind, k: string, stamp: string, compute: () => Promise<T>): Promise<T> {
  const m = store(kind);
  const hit = m.get(k) as Entry<T> | undefined;
  if (hit && hit.stamp === stamp && Date.now() - hit.at < MAX_AGE_MS) {
    m.delete(k);
    m.set(k, hit); // most recently used last
    return hit.value;
  }
  const value = compute();
  m.set(k, { stamp, at: Date.now(), value });
  value.catch(() => m.delete(k));
  while (m.size > MAX_ENTRIES[kind]) m.delete(m.keys().next().value as string);
  return value;
}

/** Tests and the benchmark: forget everything. */
export function clearSchoolTableCache(): void {
  store('core').clear();
  store('table').clear();
  store('ranking').clear();
}
