// Checklist export (issue 7): `?year=&version=&format=json|yaml`, the same format the import reads.
import { checklistOverview } from '@/modules/checklist/data/admin';
import { checklistDocument, serializeChecklist } from '@/modules/checklist/import/checklist-file';
import { versionOf } from '@/core/forms/read';
import { notFound, ParamError } from '@/core/errors';
import { defineRoute } from '@/core/guard';
import { yearField } from '@/core/forms/zod-fields';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: ['districtAdmin'], anonymous: 404, forbidden: 404, errors: 'text' }, async ({ scope, query }) => {
  const year = yearField.safeParse(query.get('year'));
  if (!year.success) throw new ParamError('year', 'Bad request');
  const format = query.get('format') === 'json' ? 'json' : 'yaml';
  const data = await checklistOverview(scope, year.data, versionOf(query.get('version')) || undefined);
  if (!data.shown) notFound();
  const body = serializeChecklist(
    checklistDocument(
      { year: year.data, version: data.shown.version },
      data.shown.items.map(({ id: _id, districtId: _d, versionId: _v, ...item }) => item),
    ),
    format,
  );
  return new Response(body, {
    headers: {
      'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="checklist-${year.data}-v${data.shown.version}.${format === 'json' ? 'json' : 'yaml'}"`,
      'cache-control': 'no-store',
    },
  });
});
