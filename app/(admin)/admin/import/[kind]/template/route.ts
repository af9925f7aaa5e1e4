// Import template download (issue 7): `?format=xlsx` (drop-downs for types, roles, zones, and a
// notes sheet) or `?format=csv` (header row only). Headers in the user's language; both the
// Chinese and English headers are accepted on import.
import { getLocale, getTranslations } from 'next-intl/server';
import { userFormOptions } from '@/modules/org/data/users-admin';
import { IMPORT_KINDS, type ImportKind } from '@/modules/org/data/imports';
import { type Scope } from '@/core/scope';
import { ROLE_LABEL, SCHOOL_TYPE_LABEL } from '@/modules/org/import/aliases';
import { HOLIDAY_COLUMNS } from '@/modules/org/import/holidays';
import { SCHOOL_COLUMNS } from '@/modules/org/import/schools';
import { templateCsv, templateXlsx, type TemplateSpec } from '@/modules/org/import/templates';
import { USER_COLUMNS } from '@/modules/org/import/users';
import { notFound } from '@/core/errors';
import { defineRoute } from '@/core/guard';

export const dynamic = 'force-dynamic';

const COLUMNS = { schools: SCHOOL_COLUMNS, users: USER_COLUMNS, holidays: HOLIDAY_COLUMNS } as const;

async function spec(kind: ImportKind, scope: Scope): Promise<TemplateSpec> {
  const [t, locale] = await Promise.all([getTranslations('adminImport'), getLocale()]);
  const columns = COLUMNS[kind] as Record<string, { aliases: readonly string[]; required: boolean }>;
  const fields = Object.keys(columns);
  // Chinese headers are the first alias; English ones are the field keys (both are accepted).
  const headers = fields.map((f) => (locale === 'zh-CN' ? columns[f]!.aliases[0]! : f));
  const notes: string[][] = [[t('templateNotes.column'), t('templateNotes.meaning')]];
  for (const f of fields) notes.push([headers[fields.indexOf(f)]!, `${columns[f]!.required ? t('templateNotes.required') : t('templateNotes.optional')} · ${t(`help.${kind}.${f}`)}`]);
  const lists: TemplateSpec['lists'] = [];
  if (kind !== 'holidays') {
    const options = await userFormOptions(scope);
    const zones = options.zones.filter((z) => z.active).map((z) => z.name);
    if (kind === 'schools') {
      lists.push({ column: fields.indexOf('type'), values: Object.values(SCHOOL_TYPE_LABEL).concat('完中') });
      lists.push({ column: fields.indexOf('zone'), values: zones });
    } else {
      lists.push({ column: fields.indexOf('role'), values: Object.values(ROLE_LABEL) });
      lists.push({ column: fields.indexOf('school'), values: options.schools.filter((s) => s.active).map((s) => s.code) });
      lists.push({ column: fields.indexOf('zones'), values: zones });
      notes.push([], [t('templateNotes.usernameHint', { district: options.districtCode })]);
    }
    notes.push(
      [],
      [
        t('templateNotes.zones'),
        options.zones
          .filter((z) => z.active)
          .map((z) => `${z.code} ${z.name}`)
          .join('；'),
      ],
    );
  }
  return { sheetName: t(`sheet.${kind}`), headers, lists, notes, notesSheetName: t('templateNotes.sheet') };
}

export const GET = defineRoute<{ kind: string }>({ roles: ['districtAdmin'], anonymous: 404, forbidden: 404, errors: 'text' }, async ({ scope, params, query }) => {
  if (!(IMPORT_KINDS as readonly string[]).includes(params.kind)) notFound();
  const kind = params.kind as ImportKind;
  const format = query.get('format') === 'csv' ? 'csv' : 'xlsx';
  const s = await spec(kind, scope);
  const body = format === 'csv' ? templateCsv(s) : await templateXlsx(s);
  const name = `sunlight-${kind}-template.${format}`;
  return new Response(body as BodyInit, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
});
