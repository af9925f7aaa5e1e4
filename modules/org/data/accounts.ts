// Account helpers for the administration screens: one-time temporary passwords and the
// platform-wide username check (DESIGN §1: usernames are unique across all districts).
import { randomInt } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { withDistrict } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/core/auth/password';

// No 0/O, 1/l/I: the password is read off a screen and typed by someone else.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A random temporary password like `Hk7m-pQ2r-Xt9w` (≈70 bits), shown once, changed at next sign-in. */
export function temporaryPassword(): string {
  const groups = Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  const pw = groups.join('-');
  if (pw.length < MIN_PASSWORD_LENGTH) throw new Error('temporary password shorter than the minimum');
  return pw;
}

/** Hashes many passwords, a few at a time (argon2 runs on libuv's pool; the machine is shared). */
export async function hashAll(passwords: readonly string[], onProgress?: (done: number) => void): Promise<string[]> {
  const out: string[] = new Array<string>(passwords.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < passwords.length) {
      const i = next++;
      out[i] = await hashPassword(passwords[i]!);
      done++;
      if (done % 10 === 0 || done === passwords.length) onProgress?.(done);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

/**
 * Which of `names` are already taken anywhere on the platform. Row-level security hides other
 * districts' users, so this one narrow lookup runs platform-wide; it answers only names.
 */
export async function takenUsernames(names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const taken = new Set<string>();
  await withDistrict('*', async (tx) => {
    for (let i = 0; i < names.length; i += 1000) {
      const found = await tx
        .select({ username: users.username })
        .from(users)
        .where(inArray(users.username, names.slice(i, i + 1000)));
      for (const u of found) taken.add(u.username);
    }
  });
  return taken;
}

/** PostgreSQL unique violation (23505), whether raised by postgres.js or PGlite, wrapped by drizzle or not. */
export function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    if (typeof x === 'object' && (x as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
