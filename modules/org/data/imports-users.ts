// Bulk import of users from XLSX/CSV (issue 7). Each new user gets a one-time temporary password
// (returned once, only its hash stored) and must change it at the first sign-in.
import { now } from '@/core/env';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { schools, userZones, users, zones } from '@/db/schema';
import { checkUsers, proposedUsernames, type UserImportContext } from '@/modules/org/import/users';
import type { Table } from '@/modules/org/import/table';
import { hashAll, takenUsernames, temporaryPassword } from './accounts';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { inBatches, previewOf, type ImportOutcome, type ImportPreview, type OnProgress } from './imports';
import { requireRole, type Scope } from '@/core/scope';

async function context(tx: Tx, districtId: string, taken: Set<string>): Promise<UserImportContext> {
  const [schoolRows, zoneRows] = await Promise.all([
    tx.select({ id: schools.id, code: schools.code, name: schools.name, active: schools.active }).from(schools).where(eq(schools.districtId, districtId)),
    tx.select({ id: zones.id, code: zones.code, name: zones.name, active: zones.active }).from(zones).where(eq(zones.districtId, districtId)),
  ]);
  return { takenUsernames: taken, schools: schoolRows, zones: zoneRows };
}

async function check(scope: Scope, table: Table) {
  requireRole(scope, ['districtAdmin']); // before the platform-wide name lookup
  const taken = await takenUsernames(proposedUsernames(table));
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => checkUsers(table, await context(tx, s.districtId, taken)));
}

export async function previewUserImport(scope: Scope, table: Table): Promise<ImportPreview> {
  return previewOf(await check(scope, table));
}

export async function importUsers(scope: Scope, table: Table, onProgress?: OnProgress): Promise<ImportOutcome> {
  const first = await check(scope, table);
  previewOf(first);
  if (first.issues.length) return { status: 'invalid', total: first.total, issues: first.issues };
  // Hashing is slow (argon2): done before the writing transaction so it holds no connection meanwhile.
  const passwords = first.rows.map(() => temporaryPassword());
  const hashes = await hashAll(passwords, (done) => onProgress?.({ phase: 'hash', done, total: passwords.length }));
  const hashOf = new Map(first.rows.map((r, i) => [r.username, { password: passwords[i]!, hash: hashes[i]! }]));

  const taken = await takenUsernames(proposedUsernames(table));
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    // Checked again inside the writing transaction: someone may have taken a name meanwhile.
    const checked = checkUsers(table, await context(tx, s.districtId, taken));
    if (checked.issues.length || checked.rows.some((r) => !hashOf.has(r.username))) {
      return { status: 'invalid', total: checked.total, issues: checked.issues };
    }
    const at = now();
    await inBatches(
      checked.rows,
      async (batch) => {
        const created = await tx
          .insert(users)
          .values(
            batch.map((r) => ({
              districtId: s.districtId,
              username: r.username,
              displayName: r.displayName,
              role: r.role,
              schoolId: r.schoolId,
              passwordHash: hashOf.get(r.username)!.hash,
              mustChangePassword: true,
              createdAt: at,
              updatedAt: at,
            })),
          )
          .returning({ id: users.id, username: users.username });
        const idOf = new Map(created.map((c) => [c.username, c.id]));
        const links = batch.flatMap((r) => r.zoneIds.map((zoneId) => ({ districtId: s.districtId, userId: idOf.get(r.username)!, zoneId })));
        if (links.length) await tx.insert(userZones).values(links);
      },
      onProgress,
    );
    await audit(tx, s, {
      entity: 'user',
      entityId: 'import',
      action: 'import',
      after: { count: checked.rows.length, users: checked.rows.map(({ username, displayName, role, schoolId, zoneIds }) => ({ username, displayName, role, schoolId, zoneIds })) },
    });
    return { status: 'imported', created: checked.rows.length, updated: 0, issued: checked.rows.map((r) => ({ username: r.username, password: hashOf.get(r.username)!.password })) };
  });
}
