// GET /review/surveys/export?year=Y — the year's survey results as XLSX (evaluators and leaders;
// the free-text sheet for evaluators only).
import { defineRoute } from '@/core/guard';
import { parseYear } from '@/core/http/params';
import { surveyResults } from '@/modules/surveys/data/results';
import { districtFreeTexts } from '@/modules/surveys/data/texts';
import { surveyWorkbook } from '@/modules/surveys/export/xlsx';

export const dynamic = 'force-dynamic';

// Other roles get the same answer as a page they may not open (404).
export const GET = defineRoute({ roles: ['evaluator', 'leader'], params: ['year'], forbidden: 404 }, async ({ scope, query }) => {
  const year = parseYear(query.get('year'))!;
  const results = await surveyResults(scope, year);
  const texts = scope.role === 'evaluator' ? await districtFreeTexts(scope, year) : null;
  const body = await surveyWorkbook(results, texts);
  const name = `满意度调查结果-${year}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="survey-results-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    },
  });
});
