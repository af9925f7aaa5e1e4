// Credential check with throttling per account and per client address (state in the database).
import { env } from '@/core/env';
import { eq } from 'drizzle-orm';
import { withSystem } from '@/db/client';
import { users } from '@/db/schema';
import { blockedFor, clear, hit, type LimitRule } from '@/core/rate-limit';
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

export type SignInResult = { ok: true; userId: string; displayName: string } | { ok: false; reason: 'invalid' | 'throttled' };

// A fixed hash to verify against when the user does not exist, so timing does not reveal it.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c3VubGlnaHQtZHVtbXk$0mJYh4jv3mnz9p0fH0q2Wf7VjJr9yWw4m5Qh3Z5nD4E';

export async function checkCredentials(usernameRaw: string, password: string, addressRaw: string): Promise<SignInResult> {
  const username = String(usernameRaw ?? '')
    .trim()
    .toLowerCase();
  // The address comes from a proxy header: bounded and without NUL (not storable in PostgreSQL).
  const address = withoutNul(String(addressRaw ?? '')).slice(0, 100) || 'unknown';
  if (!username || typeof password !== 'string' || !password || username.length > 100 || password.length > 200) return { ok: false, reason: 'invalid' };
  if (username.includes('\u0000')) return { ok: false, reason: 'invalid' };
  if ((await blockedFor('signin-account', username)) > 0 || (await blockedFor('signin-address', address)) > 0) {
    return { ok: false, reason: 'throttled' };
  }
  const [user] = await withSystem((db) =>
    db.select({ id: users.id, hash: users.passwordHash, disabled: users.disabled, displayName: users.displayName }).from(users).where(eq(users.username, username)),
  );
  const good = await verifyPassword(user?.hash ?? DUMMY_HASH, password);
  if (!user || !good || user.disabled) {
    await hit('signin-account', username, ACCOUNT_RULE);
    await hit('signin-address', address, ADDRESS_RULE);
    return { ok: false, reason: 'invalid' };
  }
  await clear('signin-account', username);
  return { ok: true, userId: user.id, displayName: user.displayName };
}
