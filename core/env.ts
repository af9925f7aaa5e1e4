// Environment, checked once with zod (STYLE: one env module instead of scattered process.env reads).
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SUNLIGHT_DATA_DIR: z.string().default('.data'),
  /** Fixed "now" for demos and tests, e.g. `2026-11-23` or `2026-11-23T10:00:00+08:00`. */
  SUNLIGHT_NOW: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || !Number.isNaN(Date.parse(v.length === 10 ? `${v}T12:00:00+08:00` : v)), 'SUNLIGHT_NOW must be a date or ISO timestamp'),
  /** Store evidence files in this directory instead of the database. */
  SUNLIGHT_EVIDENCE_DIR: z.string().optional(),
  /** The app's public URL (session cookies are Secure when it is https; survey slips, e-mails and robot messages link to it). */
  NEXTAUTH_URL: z.string().optional(),
  /** Key that signs session tokens; also keys the per-address counters of the public forms. */
  NEXTAUTH_SECRET: z.string().optional(),
  /** PostgreSQL connections per app process. */
  SUNLIGHT_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** Named prepared statements on PostgreSQL (`on`, default): one round trip per query (db/client.ts). `off` behind a pooler that cannot keep them. */
  SUNLIGHT_DB_PREPARE: z.enum(['on', 'off']).default('on'),
  /** Districts ranked at once for the province view (default: from the pool size). */
  SUNLIGHT_PROVINCE_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  /** Failed sign-ins per client address per 15 min (read by core/auth/sign-in.ts, which bounds it). */
  SUNLIGHT_SIGNIN_ADDRESS_LIMIT: z.string().optional(),
  /** Per school, room for evidence uploaded to forms not saved yet, in MB (modules/disclosures/data/evidence-pending.ts bounds it). */
  SUNLIGHT_PENDING_UPLOAD_QUOTA_MB: z.string().optional(),
  /** The port the app listens on (the reminders' links fall back to http://localhost:PORT). */
  PORT: z.string().optional(),
  /** Reverse proxies whose X-Forwarded-For is trusted (CIDRs; read by scripts/server.mjs → core/http/forwarded.mjs). */
  SUNLIGHT_TRUSTED_PROXIES: z.string().optional(),
  /** The demo seed's "today" (seed/run.ts). */
  SEED_AS_OF: z.string().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Key for secrets stored at rest (SMTP password, robot secrets, webhook secret; AES-256-GCM).
   * Any string of at least 32 characters (e.g. `openssl rand -base64 32`); the AES key is its
   * SHA-256. Unset: a random key generated once into `<SUNLIGHT_DATA_DIR>/secret-key`.
   */
  SUNLIGHT_SECRET_KEY: z
    .string()
    .min(32, 'SUNLIGHT_SECRET_KEY must be at least 32 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The reminders worker (issue 16) in this app process: `on` (default) or `off`. */
  SUNLIGHT_WORKER: z.enum(['on', 'off']).default('on'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
      throw new Error(`Invalid environment:\n${lines}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests only: forget the parsed environment so that changed process.env values apply. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export function dataDir(): string {
  return path.resolve(env().SUNLIGHT_DATA_DIR);
}

/** The frozen start of the app's clock, and the wall-clock moment it was read. */
let frozen: { value: string; start: number; readAt: number; last: number } | undefined;

/**
 * The app's one clock. Without SUNLIGHT_NOW it is the wall clock. With it (demos, tests) the clock
 * starts at that moment (a bare date means noon in Asia/Shanghai) when first read and then runs at
 * the wall clock's pace: "today" is fixed for any test or demo session shorter than the rest of
 * that day, and successive readings are strictly increasing (by at least a millisecond), so
 * histories stamped by it keep their order.
 */
export function now(): Date {
  const v = env().SUNLIGHT_NOW;
  if (!v) return new Date();
  if (frozen?.value !== v) {
    const start = Date.parse(v.length === 10 ? `${v}T12:00:00+08:00` : v);
    frozen = { value: v, start, readAt: Date.now(), last: start - 1 };
  }
  frozen.last = Math.max(frozen.start + Date.now() - frozen.readAt, frozen.last + 1);
  return new Date(frozen.last);
}
