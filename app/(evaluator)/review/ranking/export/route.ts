// GET /review/ranking/export?year=Y[&view=live] — the ranking in force (or the live draft) as
// XLSX with Chinese headers (DESIGN §6, §8). Evaluators and leaders; zone evaluators get their
// zones' rows.
import { createTranslator } from 'next-intl';
import { getScope } from '@/core/auth/session';
import { rankingView } from '@/modules/ranking/data/view';
import { AppError } from '@/core/scope';
import { rankingWorkbook } from '@/modules/ranking/export/xlsx';
import { xlsxResponse, type Translate } from '@/core/export/xlsx';
import { loadMessages } from '@/core/i18n/messages';
import { parseYear } from '@/modules/ranking/validation/ranking';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const scope = await getScope();
  if (!scope || scope.mustChangePassword) return new Response('Unauthorized', { status: 401 });
  const params = new URL(req.url).searchParams;
  const year = parseYear(params.get('year'));
  if (year === null) return new Response('Bad request: year must be a year such as 2025', { status: 400 });
  try {
    const view = await rankingView(scope, year, { live: params.get('view') === 'live' });
    const zh = createTranslator({ locale: 'zh-CN', messages: loadMessages('zh-CN') });
    // Chinese headers whatever the UI language (the district offices' spreadsheets, §8).
    const t: Translate = (key, values) => zh(`rankingExport.${key}` as never, values as never);
    const buf = await rankingWorkbook(view, t);
    const suffix = view.snapshot && view.source === 'snapshot' ? t('fileSuffix', { version: view.snapshot.version }) : t('fileDraft');
    return xlsxResponse(buf, t('fileName', { year, suffix }));
  } catch (e) {
    if (e instanceof AppError) return new Response(e.code, { status: e.status === 403 ? 404 : e.status });
    throw e;
  }
}
