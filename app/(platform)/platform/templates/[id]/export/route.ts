// Template export (issue 7): `?format=json|yaml`, the same file format as a district checklist.
import { getTemplate } from '@/modules/checklist/data/templates';
import { checklistDocument, serializeChecklist } from '@/modules/checklist/import/checklist-file';
import { defineRoute } from '@/core/guard';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ id: string }>({ roles: ['platformAdmin'], anonymous: 404, forbidden: 404, errors: 'text' }, async ({ scope, params, query }) => {
  const format = query.get('format') === 'json' ? 'json' : 'yaml';
  const { template, items } = await getTemplate(scope, params.id);
  const body = serializeChecklist(
    checklistDocument(
      { template: template.code },
      items.map(({ id: _id, templateId: _t, ...item }) => ({ ...item, retired: false })),
    ),
    format,
  );
  return new Response(body, {
    headers: {
      'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="template-${template.code}.${format === 'json' ? 'json' : 'yaml'}"`,
      'cache-control': 'no-store',
    },
  });
});
