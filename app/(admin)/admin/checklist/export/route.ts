// Checklist export (issue 7): `?year=&version=&format=json|yaml`, the same format the import reads.
import { getScope } from '@/core/auth/session';
import { versionOf } from '@/core/forms/form';
import { checklistOverview } from '@/modules/checklist/data/admin';
import { AppError } from '@/core/scope';
import { checklistDocument, serializeChecklist } from '@/modules/checklist/import/checklist-file';
import { yearParam } from '@/modules/org/validation/settings-form';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const scope = await getScope();
  if (!scope || scope.mustChangePassword || scope.role !== 'districtAdmin') return new Response('Not found', { status: 404 });
  const url = new URL(req.url);
  const year = yearParam.safeParse(url.searchParams.get('year'));
  if (!year.success) return new Response('Bad request', { status: 400 });
  const format = url.searchParams.get('format') === 'json' ? 'json' : 'yaml';
  try {
    const data = await checklistOverview(scope, year.data, versionOf(url.searchParams.get('version')) || undefined);
    if (!data.shown) return new Response('Not found', { status: 404 });
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
  } catch (e) {
    if (e instanceof AppError) return new Response('Not found', { status: e.status === 403 ? 404 : e.status });
    throw e;
  }
}
