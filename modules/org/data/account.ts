// A user's own account: change the password (also ends the must-change-password state).
import { now } from '@/core/env';
import { eq } from 'drizzle-orm';
import { withSystem } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/core/auth/password';
import type { Scope } from '@/core/scope';

export async function changeOwnPassword(scope: Scope, current: string, next: string): Promise<'changed' | 'wrongPassword'> {
  const [u] = await withSystem((db) => db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, scope.userId)));
  if (!u || !(await verifyPassword(u.hash, current))) return 'wrongPassword';
  const hash = await hashPassword(next);
  await withSystem((db) =>
    db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash: hash, mustChangePassword: false, updatedAt: now() }).where(eq(users.id, scope.userId));
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
    }),
  );
  return 'changed';
}
