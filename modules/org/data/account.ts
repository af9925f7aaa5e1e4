// A user's own account: change the password (also ends the must-change-password state).
import { eq, sql } from 'drizzle-orm';
import { now } from '@/core/env';
import { withSystem } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/core/auth/password';
import { guessRight, takeGuess } from '@/core/auth/sign-in';
import type { Scope } from '@/core/scope';

export type PasswordChange = { status: 'changed'; sessionVersion: number } | { status: 'wrongPassword' } | { status: 'throttled' };

/**
 * Checks the current password and sets the new one. Wrong current passwords count against the
 * same per-account limit as sign-in and nothing is checked while the account is blocked (issue
 * 13). A change ends every session of the user (the session version moves on); the caller gets the
 * new version to keep its own browser signed in.
 */
export async function changeOwnPassword(scope: Scope, current: string, next: string): Promise<PasswordChange> {
  if (!(await takeGuess(scope.username, null))) return { status: 'throttled' };
  const [u] = await withSystem((db) => db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, scope.userId)));
  if (!u || !(await verifyPassword(u.hash, current))) return { status: 'wrongPassword' };
  await guessRight(scope.username, null);
  const hash = await hashPassword(next);
  const sessionVersion = await withSystem((db) =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ passwordHash: hash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now() })
        .where(eq(users.id, scope.userId))
        .returning({ sessionVersion: users.sessionVersion });
      await tx.insert(auditLog).values({
        districtId: scope.districtId,
        actorId: scope.userId,
        actorRole: scope.role,
        entity: 'user',
        entityId: scope.userId,
        action: 'changePassword',
        before: null,
        after: null,
      });
      return row!.sessionVersion;
    }),
  );
  return { status: 'changed', sessionVersion };
}
