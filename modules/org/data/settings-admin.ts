// District admin: which years have settings (the year picker), and the holiday list that the 公示
// period skips (DESIGN §6). Holidays are settings, not history: removing one is audited.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { checklistVersions, districtSettings, holidays } from '@/db/schema';
import type { LocalDate } from '@/core/domain/types';
import type { HolidayInput } from '@/modules/org/validation/settings-form';
import { audit } from '@/core/audit';
import { inDistrict, thisQuarter } from '@/core/context';
import { notFound } from '@/core/errors';
import type { Scope } from '@/core/scope';
import { markRecomputeForDays } from '@/modules/facts/data/refresh';

/** Years worth offering: every year with settings or a checklist, and last, this and next year. */
export async function settingsYears(scope: Scope): Promise<number[]> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const [a, b] = await Promise.all([
      tx.selectDistinct({ year: districtSettings.year }).from(districtSettings).where(eq(districtSettings.districtId, s.districtId)),
      tx.selectDistinct({ year: checklistVersions.year }).from(checklistVersions).where(eq(checklistVersions.districtId, s.districtId)),
    ]);
    const y = thisQuarter().year;
    return [...new Set([...a, ...b].map((r) => r.year).concat([y - 1, y, y + 1]))].sort((p, q) => q - p);
  });
}

export interface HolidayRow {
  day: LocalDate;
  name: string;
}

export async function holidaysOfYear(scope: Scope, year: number): Promise<HolidayRow[]> {
  return inDistrict(scope, ['districtAdmin'], (tx, s) =>
    tx
      .select({ day: holidays.day, name: holidays.name })
      .from(holidays)
      .where(and(eq(holidays.districtId, s.districtId), gte(holidays.day, `${year}-01-01`), lte(holidays.day, `${year}-12-31`)))
      .orderBy(asc(holidays.day)),
  );
}

/** Adds a day off, or renames it when it is already listed. */
export async function saveHoliday(scope: Scope, input: HolidayInput): Promise<void> {
  await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const where = and(eq(holidays.districtId, s.districtId), eq(holidays.day, input.day));
    const [before] = await tx.select().from(holidays).where(where);
    await tx
      .insert(holidays)
      .values({ districtId: s.districtId, day: input.day, name: input.name })
      .onConflictDoUpdate({ target: [holidays.districtId, holidays.day], set: { name: input.name } });
    await audit(tx, s, { entity: 'holiday', entityId: input.day, action: before ? 'update' : 'create', before: before ?? null, after: input });
    if (!before) await markRecomputeForDays(tx, s.districtId, [input.day], 'holiday');
  });
}

export async function removeHoliday(scope: Scope, day: LocalDate): Promise<void> {
  await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const where = and(eq(holidays.districtId, s.districtId), eq(holidays.day, day));
    const [before] = await tx.select().from(holidays).where(where);
    if (!before) notFound();
    await tx.delete(holidays).where(where);
    await audit(tx, s, { entity: 'holiday', entityId: day, action: 'delete', before, after: null });
    await markRecomputeForDays(tx, s.districtId, [day], 'holiday');
  });
}
