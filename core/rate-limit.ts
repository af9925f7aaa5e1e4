// Fixed-window counters in the database (table rate_limits): they survive restarts and hold
// across several app processes. Used for sign-in throttling and public endpoints.
import { and, eq, sql } from 'drizzle-orm';
import { withSystem } from '@/db/client';
import { rateLimits } from '@/db/schema';

export interface LimitRule {
  /** Failures (or hits) allowed per window. */
  limit: number;
  windowMs: number;
  /** How long the key stays blocked once the limit is passed. */
  blockMs: number;
}

/** Milliseconds until the key may try again, or 0 when it is not blocked. */
export async function blockedFor(bucket: string, key: string, at: Date = new Date()): Promise<number> {
  return withSystem(async (db) => {
    const [row] = await db
      .select({ blockedUntil: rateLimits.blockedUntil })
      .from(rateLimits)
      .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.key, key)));
    const until = row?.blockedUntil?.getTime() ?? 0;
    return Math.max(0, until - at.getTime());
  });
}

/**
 * Counts one hit atomically (one upsert statement, safe under concurrency) and blocks the key
 * when the window's count exceeds the limit. Returns the count in the current window.
 */
export async function hit(bucket: string, key: string, rule: LimitRule, at: Date = new Date()): Promise<number> {
  // postgres.js wants strings for parameters inside raw sql templates.
  const windowStart = new Date(at.getTime() - rule.windowMs).toISOString();
  const atIso = at.toISOString();
  const blockUntil = new Date(at.getTime() + rule.blockMs);
  return withSystem(async (db) => {
    const [row] = await db
      .insert(rateLimits)
      .values({ bucket, key, windowStart: at, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimits.bucket, rateLimits.key],
        set: {
          count: sql`case when ${rateLimits.windowStart} < ${windowStart}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
          windowStart: sql`case when ${rateLimits.windowStart} < ${windowStart}::timestamptz then ${atIso}::timestamptz else ${rateLimits.windowStart} end`,
        },
      })
      .returning({ count: rateLimits.count });
    const count = row?.count ?? 1;
    if (count > rule.limit) {
      await db
        .update(rateLimits)
        .set({ blockedUntil: blockUntil })
        .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.key, key)));
    }
    return count;
  });
}

/**
 * Takes one attempt for the key, checking and counting in ONE statement (issue 13): refused
 * (false) while the key is blocked or already holds `limit` attempts in the current window —
 * `count >= limit` refuses — otherwise counted (true). The attempt that reaches the limit blocks
 * the key for `blockMs`. Concurrent callers are serialised on the row by PostgreSQL's
 * INSERT … ON CONFLICT DO UPDATE … WHERE, so at most `limit` attempts pass per window however
 * many arrive at once. Give back an attempt that turned out fine with `refund`.
 */
export async function take(bucket: string, key: string, rule: LimitRule, at: Date = new Date()): Promise<boolean> {
  const windowStart = new Date(at.getTime() - rule.windowMs).toISOString();
  const atIso = at.toISOString();
  const blockUntil = new Date(at.getTime() + rule.blockMs).toISOString();
  const fresh = sql`${rateLimits.windowStart} < ${windowStart}::timestamptz`;
  const nextCount = sql`(case when ${fresh} then 1 else ${rateLimits.count} + 1 end)`;
  return withSystem(async (db) => {
    const rows = await db
      .insert(rateLimits)
      .values({ bucket, key, windowStart: at, count: 1, blockedUntil: rule.limit <= 1 ? new Date(blockUntil) : null })
      .onConflictDoUpdate({
        target: [rateLimits.bucket, rateLimits.key],
        set: {
          count: nextCount,
          windowStart: sql`case when ${fresh} then ${atIso}::timestamptz else ${rateLimits.windowStart} end`,
          blockedUntil: sql`case when ${nextCount} >= ${rule.limit} then ${blockUntil}::timestamptz else null end`,
        },
        setWhere: sql`(${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} <= ${atIso}::timestamptz) and (${fresh} or ${rateLimits.count} < ${rule.limit})`,
      })
      .returning({ count: rateLimits.count });
    return rows.length > 0;
  });
}

/** Gives back one attempt taken with `take` (it succeeded), lifting the block if it is now under the limit. */
export async function refund(bucket: string, key: string, rule: LimitRule): Promise<void> {
  await withSystem((db) =>
    db
      .update(rateLimits)
      .set({
        count: sql`greatest(${rateLimits.count} - 1, 0)`,
        blockedUntil: sql`case when ${rateLimits.count} - 1 < ${rule.limit} then null else ${rateLimits.blockedUntil} end`,
      })
      .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.key, key))),
  );
}

export async function clear(bucket: string, key: string): Promise<void> {
  await withSystem((db) => db.delete(rateLimits).where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.key, key))));
}
