// Platform admin: create a district with its first district admin (DESIGN §1, issue 7). The admin
// gets a one-time temporary password, shown once, to be changed at the first sign-in.
import { eq } from 'drizzle-orm';
import { withDistrict } from '@/db/client';
import { districts, users } from '@/db/schema';
import { hashPassword } from '@/core/auth/password';
import type { CreateDistrictInput } from '@/modules/org/validation/platform';
import { isUniqueViolation, temporaryPassword } from './accounts';
import { audit } from '@/core/audit';
import { requireRole, type Scope } from '@/core/scope';
import { fieldError } from '@/core/forms/field-errors';
import type { IssuedPassword } from '@/modules/org/validation/states';
import type { Saved } from '@/core/forms/state';

export async function createDistrict(scope: Scope, input: CreateDistrictInput): Promise<Saved<IssuedPassword>> {
  requireRole(scope, ['platformAdmin']);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    // Platform-wide work ('*'): the new district does not exist yet, and usernames are global.
    return await withDistrict('*', async (tx) => {
      const [sameCode] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.code, input.code));
      if (sameCode) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
      const [sameUser] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.adminUsername));
      if (sameUser) return { ok: false, errors: fieldError('adminUsername', 'adminForm.usernameTaken') };
      const [d] = await tx.insert(districts).values({ code: input.code, name: input.name, issuingBody: input.issuingBody }).returning();
      const [u] = await tx
        .insert(users)
        .values({ districtId: d!.id, username: input.adminUsername, displayName: input.adminDisplayName, role: 'districtAdmin', passwordHash, mustChangePassword: true })
        .returning({ id: users.id });
      // Platform entries (district null): the platform admin's audit view shows them.
      await audit(tx, scope, { entity: 'district', entityId: d!.id, action: 'create', after: { code: d!.code, name: d!.name, issuingBody: d!.issuingBody } }, null);
      await audit(
        tx,
        scope,
        { entity: 'user', entityId: u!.id, action: 'create', after: { username: input.adminUsername, displayName: input.adminDisplayName, role: 'districtAdmin', districtId: d!.id } },
        null,
      );
      return { ok: true, value: { username: input.adminUsername, password } };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
    throw e;
  }
}
