// Holiday list import (issue 7): a file of dates and names; listed days are added or renamed,
// all in one transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { holidays } from '@/db/schema';
import { checkHolidays } from '@/modules/org/import/holidays';
import type { Table } from '@/modules/org/import/table';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { inBatches, previewOf, type ImportOutcome, type ImportPreview, type OnProgress } from './imports';
import type { Scope } from '@/core/scope';
import { markRecomputeForDays } from '@/modules/facts/data/refresh';

export async function previewHolidayImport(scope: Scope, table: Table): Promise<ImportPreview> {
  return inDistrict(scope, ['districtAdmin'], async () => previewOf(checkHolidays(table)));
}

export async function importHolidays(scope: Scope, table: Table, onProgress?: OnProgress): Promise<ImportOutcome> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const checked = checkHolidays(table);
    previewOf(checked);
    if (checked.issues.length) return { status: 'invalid', total: checked.total, issues: checked.issues };
    const days = checked.rows.map((r) => r.day);
    const existing = new Set<string>();
    for (let i = 0; i < days.length; i += 1000) {
      const found = await tx
        .select({ day: holidays.day })
        .from(holidays)
        .where(and(eq(holidays.districtId, s.districtId), inArray(holidays.day, days.slice(i, i + 1000))));
      for (const f of found) existing.add(f.day);
    }
    await inBatches(
      checked.rows,
      (batch) =>
        tx
          .insert(holidays)
          .values(batch.map((r) => ({ districtId: s.districtId, day: r.day, name: r.name })))
          .onConflictDoUpdate({ target: [holidays.districtId, holidays.day], set: { name: sql`excluded.name` } }),
      onProgress,
    );
    await audit(tx, s, { entity: 'holiday', entityId: 'import', action: 'import', after: { count: checked.rows.length, days: checked.rows.map(({ day, name }) => ({ day, name })) } });
    const updated = days.filter((d) => existing.has(d)).length;
    await markRecomputeForDays(
      tx,
      s.districtId,
      days.filter((d) => !existing.has(d)),
      'holiday',
    );
    return { status: 'imported', created: days.length - updated, updated, issued: [] };
  });
}
