// District settings per year (§3, §4, §6), with the defaults where no row exists.
import { now } from '@/core/env';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { districtSettings, holidays } from '@/db/schema';
import { DEFAULT_SETTINGS, type DistrictSettings } from '@/core/domain/types';
import type { SettingsInput } from '@/modules/org/validation/settings';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import type { Scope } from '@/core/scope';

export async function loadSettings(tx: Tx, districtId: string, year: number): Promise<DistrictSettings> {
  const [[row], days] = await Promise.all([
    tx
      .select()
      .from(districtSettings)
      .where(and(eq(districtSettings.districtId, districtId), eq(districtSettings.year, year))),
    tx
      .select({ day: holidays.day })
      .from(holidays)
      .where(and(eq(holidays.districtId, districtId), gte(holidays.day, `${year - 1}-01-01`), lte(holidays.day, `${year + 1}-12-31`)))
      .orderBy(asc(holidays.day)),
  ]);
  const hol = days.map((d) => d.day);
  if (!row) return { ...DEFAULT_SETTINGS, holidays: hol };
  return {
    reportDueDays: row.reportDueDays,
    closeDays: row.closeDays,
    weights: { coverage: row.weightCoverage, timeliness: row.weightTimeliness, score: row.weightScore, satisfaction: row.weightSatisfaction },
    quotaPercent: row.quotaPercent,
    minComposite: row.minComposite,
    minResponses: row.minResponses,
    noticeWorkingDays: row.noticeWorkingDays,
    holidays: hol,
  };
}

/** District admin: save the settings of a year (upsert), audited with before/after. */
export async function saveSettings(scope: Scope, input: SettingsInput): Promise<void> {
  await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const where = and(eq(districtSettings.districtId, s.districtId), eq(districtSettings.year, input.year));
    const [before] = await tx.select().from(districtSettings).where(where);
    const values = {
      reportDueDays: input.reportDueDays,
      closeDays: input.closeDays,
      weightCoverage: input.weightCoverage,
      weightTimeliness: input.weightTimeliness,
      weightScore: input.weightScore,
      weightSatisfaction: input.weightSatisfaction,
      quotaPercent: input.quotaPercent,
      minComposite: input.minComposite,
      minResponses: input.minResponses,
      noticeWorkingDays: input.noticeWorkingDays,
      updatedAt: now(),
    };
    await tx
      .insert(districtSettings)
      .values({ districtId: s.districtId, year: input.year, ...values })
      .onConflictDoUpdate({ target: [districtSettings.districtId, districtSettings.year], set: values });
    await audit(tx, s, { entity: 'district_settings', entityId: `${s.districtId}:${input.year}`, action: 'update', before: before ?? null, after: { year: input.year, ...values } });
  });
}

/** District admin: the settings form for a year. */
export async function settingsForYear(scope: Scope, year: number): Promise<DistrictSettings> {
  return inDistrict(scope, ['districtAdmin', 'evaluator', 'leader'], (tx, s) => loadSettings(tx, s.districtId, year));
}
