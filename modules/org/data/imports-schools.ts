// Bulk import of schools from XLSX/CSV (issue 7): every bad row is listed before anything is
// written; the import is all-or-nothing (one transaction).
import { now } from '@/core/env';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { schools, zones } from '@/db/schema';
import { checkSchools, type SchoolImportContext } from '@/modules/org/import/schools';
import type { Table } from '@/modules/org/import/table';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { inBatches, previewOf, type ImportOutcome, type ImportPreview, type OnProgress } from './imports';
import type { Scope } from '@/core/scope';
import { factsForNewSchools } from '@/modules/facts/data/refresh';

async function context(tx: Tx, districtId: string): Promise<SchoolImportContext> {
  const [codes, zoneRows] = await Promise.all([
    tx.select({ code: schools.code }).from(schools).where(eq(schools.districtId, districtId)),
    tx.select({ id: zones.id, code: zones.code, name: zones.name, active: zones.active }).from(zones).where(eq(zones.districtId, districtId)),
  ]);
  return { existingCodes: new Set(codes.map((c) => c.code.toLowerCase())), zones: zoneRows };
}

export async function previewSchoolImport(scope: Scope, table: Table): Promise<ImportPreview> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => previewOf(checkSchools(table, await context(tx, s.districtId))));
}

export async function importSchools(scope: Scope, table: Table, onProgress?: OnProgress): Promise<ImportOutcome> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    // Checked again inside the writing transaction: the preview may be stale.
    const checked = checkSchools(table, await context(tx, s.districtId));
    previewOf(checked);
    if (checked.issues.length) return { status: 'invalid', total: checked.total, issues: checked.issues };
    const at = now();
    const created: string[] = [];
    await inBatches(
      checked.rows,
      async (batch) => {
        const rows = await tx
          .insert(schools)
          .values(batch.map((r) => ({ districtId: s.districtId, code: r.code, name: r.name, type: r.type, zoneId: r.zoneId, createdAt: at, updatedAt: at })))
          .returning({ id: schools.id });
        created.push(...rows.map((r) => r.id));
      },
      onProgress,
    );
    // The new schools' obligations in every year the district has facts for (issue 15).
    await factsForNewSchools(tx, s.districtId, created);
    await audit(tx, s, {
      entity: 'school',
      entityId: 'import',
      action: 'import',
      after: { count: checked.rows.length, schools: checked.rows.map(({ code, name, type, zoneId }) => ({ code, name, type, zoneId })) },
    });
    return { status: 'imported', created: checked.rows.length, updated: 0, issued: [] };
  });
}
