// Shared by the XLSX downloads: the caller's scope (session), the period and filters from the
// query, Chinese headers whatever the UI language (the district offices' spreadsheets, §8).
import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getScope } from '@/core/auth/session';
import type { Period, SchoolFilters } from '@/modules/dashboard/data/school-table';
import { AppError, type Scope } from '@/core/scope';
import { isUuid } from '@/core/auth/users';
import { SCHOOL_TYPES, type SchoolType } from '@/core/domain/types';
import type { Translate } from '@/core/export/xlsx';
import { ParamError, parseQuarter, parseYear } from '@/core/http/params';

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

export async function exportRoute(req: Request, fn: (scope: Scope, q: ReturnType<typeof readExportQuery>) => Promise<Response>): Promise<Response> {
  try {
    const scope = await getScope();
    if (!scope) return new Response('Unauthorized', { status: 401 });
    // A temporary password opens nothing but the password page (issue 13).
    if (scope.mustChangePassword) return new Response('Forbidden', { status: 403 });
    return await fn(scope, readExportQuery(req.url));
  } catch (e) {
    if (e instanceof ParamError) return new Response(e.message, { status: 400 });
    if (e instanceof AppError) return new Response(e.code, { status: e.status });
    console.error('[export]', e instanceof Error ? e.message : e);
    return new Response('Error', { status: 500 });
  }
}
