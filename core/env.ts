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
  /** The public URL of the app, for links in e-mails and robot messages. */
  NEXTAUTH_URL: z.string().optional(),
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

/** "Now" from the clock, or the SUNLIGHT_NOW override (a bare date means noon in Asia/Shanghai). */
export function now(): Date {
  const v = env().SUNLIGHT_NOW;
  if (!v) return new Date();
  return new Date(v.length === 10 ? `${v}T12:00:00+08:00` : v);
}
