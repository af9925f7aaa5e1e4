// Credential check with throttling per account and per client address (state in the database).
import { env } from '@/core/env';
import { eq } from 'drizzle-orm';
import { withSystem } from '@/db/client';
import { users } from '@/db/schema';
import { clear, refund, take, type LimitRule } from '@/core/rate-limit';
import { verifyPassword } from './password';
import { withoutNul } from '@/core/forms/read';

export const ACCOUNT_RULE: LimitRule = { limit: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
/**
 * Failures per client address before it is blocked. Raise it (SUNLIGHT_SIGNIN_ADDRESS_LIMIT) where
 * many users sign in through one address — a bureau's NAT, a proxy that does not pass
 * X-Forwarded-For — so that others' typos on deadline day cannot lock everyone out.
 */
export function addressLimit(raw = env().SUNLIGHT_SIGNIN_ADDRESS_LIMIT): number {
  const n = Number(raw ?? 50);
  return Number.isInteger(n) && n >= 10 && n <= 100_000 ? n : 50;
}
export const ADDRESS_RULE: LimitRule = { limit: addressLimit(), windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

export type SignInResult = { ok: true; userId: string; displayName: string; sessionVersion: number } | { ok: false; reason: 'invalid' | 'throttled' };

export const ACCOUNT_BUCKET = 'signin-account';
export const ADDRESS_BUCKET = 'signin-address';

/** The per-account key: the username as typed at sign-in (trimmed, lower case). */
export function accountKey(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Takes one password guess for the account (and the client address, when known) before the
 * password is verified: false when either is blocked. Shared by sign-in and the change-password
 * form, so wrong current passwords count against the same limit. On a correct password call
 * `guessRight`; a wrong one stays counted.
 */
export async function takeGuess(username: string, address: string | null): Promise<boolean> {
  if (address !== null && !(await take(ADDRESS_BUCKET, address, ADDRESS_RULE))) return false;
  if (await take(ACCOUNT_BUCKET, accountKey(username), ACCOUNT_RULE)) return true;
  if (address !== null) await refund(ADDRESS_BUCKET, address, ADDRESS_RULE);
  return false;
}

/** A correct password: the account's failures are forgiven, and the address's guess given back. */
export async function guessRight(username: string, address: string | null): Promise<void> {
  await clear(ACCOUNT_BUCKET, accountKey(username));
  if (address !== null) await refund(ADDRESS_BUCKET, address, ADDRESS_RULE);
}

// A fixed hash to verify against when the user does not exist, so timing does not reveal it.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c3VubGlnaHQtZHVtbXk$0mJYh4jv3mnz9p0fH0q2Wf7VjJr9yWw4m5Qh3Z5nD4E';

export async function checkCredentials(usernameRaw: string, password: string, addressRaw: string): Promise<SignInResult> {
  const username = accountKey(String(usernameRaw ?? ''));
  // The address comes from a proxy header: bounded and without NUL (not storable in PostgreSQL).
  const address = withoutNul(String(addressRaw ?? '')).slice(0, 100) || 'unknown';
  if (!username || typeof password !== 'string' || !password || username.length > 100 || password.length > 200) return { ok: false, reason: 'invalid' };
  if (username.includes('\u0000')) return { ok: false, reason: 'invalid' };
  // Check and count in one step before the password is looked at (issue 13): at most
  // ACCOUNT_RULE.limit guesses per window are ever verified, however many arrive at once.
  if (!(await takeGuess(username, address))) return { ok: false, reason: 'throttled' };
  const [user] = await withSystem((db) =>
    db
      .select({ id: users.id, hash: users.passwordHash, disabled: users.disabled, displayName: users.displayName, sessionVersion: users.sessionVersion })
      .from(users)
      .where(eq(users.username, username)),
  );
  const good = await verifyPassword(user?.hash ?? DUMMY_HASH, password);
  if (!user || !good || user.disabled) return { ok: false, reason: 'invalid' };
  await guessRight(username, address);
  return { ok: true, userId: user.id, displayName: user.displayName, sessionVersion: user.sessionVersion };
}
