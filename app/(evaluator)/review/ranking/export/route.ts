// GET /review/ranking/export?year=Y[&view=live] — the ranking in force (or the live draft) as
// XLSX with Chinese headers (DESIGN §6, §8). Evaluators and leaders; zone evaluators get their
// zones' rows.
import { createTranslator } from 'next-intl';
import { ParamError } from '@/core/errors';
import { xlsxResponse, type Translate } from '@/core/export/xlsx';
import { defineRoute } from '@/core/guard';
import { loadMessages } from '@/core/i18n/messages';
import { rankingView } from '@/modules/ranking/data/view';
import { rankingWorkbook } from '@/modules/ranking/export/xlsx';
import { parseYear } from '@/modules/ranking/validation/ranking';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: ['evaluator', 'leader'], forbidden: 404, errors: 'text' }, async ({ scope, query }) => {
  const year = parseYear(query.get('year'));
  if (year === null) throw new ParamError('year', 'Bad request: year must be a year such as 2025');
  const view = await rankingView(scope, year, { live: query.get('view') === 'live' });
  const zh = createTranslator({ locale: 'zh-CN', messages: loadMessages('zh-CN') });
  // Chinese headers whatever the UI language (the district offices' spreadsheets, §8).
  const t: Translate = (key, values) => zh(`rankingExport.${key}` as never, values as never);
  const buf = await rankingWorkbook(view, t);
  const suffix = view.snapshot && view.source === 'snapshot' ? t('fileSuffix', { version: view.snapshot.version }) : t('fileDraft');
  return xlsxResponse(buf, t('fileName', { year, suffix }));
});
