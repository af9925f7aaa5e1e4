// Shared by the XLSX downloads of the review pages: the period and filters from the query, and
// Chinese headers whatever the UI language (the district offices' spreadsheets, §8).
import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Period, SchoolFilters } from '@/modules/dashboard/data/school-table';
import { isUuid } from '@/core/auth/users';
import { SCHOOL_TYPES, type SchoolType } from '@/core/domain/types';
import type { Translate } from '@/core/export/xlsx';
import { parseQuarter, parseYear } from '@/core/http/params';
import { ParamError } from '@/core/errors';

export async function zhTranslate(): Promise<Translate> {
  const t = await getTranslations({ locale: 'zh-CN' });
  return (key, values) => t(key as never, values as never);
}

export function readExportQuery(url: string): { period: Period; filters: SchoolFilters } {
  const p = new URL(url).searchParams;
  const zone = p.get('zone');
  const type = p.get('type');
  if (zone && !isUuid(zone)) throw new ParamError('zone', 'zone must be a zone id');
  if (type && !(SCHOOL_TYPES as readonly string[]).includes(type)) throw new ParamError('type', `type must be one of ${SCHOOL_TYPES.join(', ')}`);
  return {
    period: { year: parseYear(p.get('year'))!, quarter: parseQuarter(p.get('quarter')) },
    filters: { zoneId: zone || null, type: (type || null) as SchoolType | null },
  };
}
