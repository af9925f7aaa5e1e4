// Per-user API tokens for the read API (issue 4). The token is shown once; the table keeps only
// its SHA-256 (api_tokens.token_hash). A token acts with its owner's current scope, read fresh
// from the database, so disabling the user or changing the role takes effect at once.
import { now } from '@/core/env';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { withSystem } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import type { Scope } from '@/core/scope';
import { isUuid, loadScope } from './users';

/** Roles that may hold tokens: the analytics readers of the API. */
export const API_ROLES = ['evaluator', 'leader'] as const;
const PREFIX = 'slt_';
/** Do not write last_used_at on every request: once a minute is enough to show "last used". */
const TOUCH_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface TokenRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listTokens(scope: Scope): Promise<TokenRow[]> {
  return inDistrict(scope, API_ROLES, (tx, s) =>
    tx
      .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.districtId, s.districtId), eq(apiTokens.userId, s.userId)))
      .orderBy(desc(apiTokens.createdAt)),
  );
}

/** Creates a token for the caller; returns the plain token (shown once, never stored). */
export async function createToken(scope: Scope, name: string): Promise<{ id: string; token: string }> {
  return inDistrict(scope, API_ROLES, async (tx, s) => {
    const token = PREFIX + randomBytes(32).toString('base64url');
    const [row] = await tx
      .insert(apiTokens)
      .values({ districtId: s.districtId, userId: s.userId, name, tokenHash: hashToken(token) })
      .returning({ id: apiTokens.id });
    await audit(tx, s, { entity: 'api_token', entityId: row!.id, action: 'create', after: { name } });
    return { id: row!.id, token };
  });
}

export async function revokeToken(scope: Scope, tokenId: string): Promise<void> {
  await inDistrict(scope, API_ROLES, async (tx, s) => {
    if (!isUuid(tokenId)) notFound();
    const where = and(eq(apiTokens.id, tokenId), eq(apiTokens.districtId, s.districtId), eq(apiTokens.userId, s.userId), isNull(apiTokens.revokedAt));
    const done = await tx.update(apiTokens).set({ revokedAt: now() }).where(where).returning({ id: apiTokens.id, name: apiTokens.name });
    if (done.length === 0) notFound();
    await audit(tx, s, { entity: 'api_token', entityId: tokenId, action: 'revoke', before: { name: done[0]!.name } });
  });
}

/**
 * The scope behind a bearer token, or null (unknown, revoked, disabled user, wrong district).
 * Runs before any district is known, like sign-in, hence the system connection.
 */
export async function scopeFromToken(token: string): Promise<Scope | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const hash = hashToken(token);
  const [row] = await withSystem((db) =>
    db
      .select({ id: apiTokens.id, userId: apiTokens.userId, districtId: apiTokens.districtId, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt))),
  );
  if (!row) return null;
  const scope = await loadScope(row.userId);
  if (!scope || scope.districtId !== row.districtId) return null;
  const wall = new Date(); // real time: last use is written at most once a minute
  if (!row.lastUsedAt || wall.getTime() - row.lastUsedAt.getTime() > TOUCH_MS) {
    await withSystem((db) => db.update(apiTokens).set({ lastUsedAt: wall }).where(eq(apiTokens.id, row.id)));
  }
  return scope;
}
