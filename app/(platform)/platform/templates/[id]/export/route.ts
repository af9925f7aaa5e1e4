// Template export (issue 7): `?format=json|yaml`, the same file format as a district checklist.
import { getScope } from '@/core/auth/session';
import { getTemplate } from '@/modules/checklist/data/templates';
import { AppError } from '@/core/scope';
import { checklistDocument, serializeChecklist } from '@/modules/checklist/import/checklist-file';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const scope = await getScope();
  if (!scope || scope.mustChangePassword || scope.role !== 'platformAdmin') return new Response('Not found', { status: 404 });
  const format = new URL(req.url).searchParams.get('format') === 'json' ? 'json' : 'yaml';
  try {
    const { template, items } = await getTemplate(scope, (await params).id);
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
  } catch (e) {
    if (e instanceof AppError) return new Response('Not found', { status: 404 });
    throw e;
  }
}
