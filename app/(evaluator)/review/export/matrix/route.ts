// GET /review/export/matrix?year=Y[&quarter=Q][&zone=…][&type=…] — the coverage matrix as XLSX
// (DESIGN §8), for evaluators (their zones) and leaders.
import { xlsxResponse } from '@/core/export/xlsx';
import { defineRoute } from '@/core/guard';
import { coverageMatrix } from '@/modules/dashboard/data/matrix';
import { matrixXlsx } from '@/modules/dashboard/export/matrix-xlsx';
import { readExportQuery, zhTranslate } from '@/modules/dashboard/export/route-helpers';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: ['evaluator', 'leader'], errors: 'text' }, async ({ scope, req }) => {
  const { period, filters } = readExportQuery(req.url);
  const [m, t] = await Promise.all([coverageMatrix(scope, period, filters), zhTranslate()]);
  const name = `覆盖矩阵_${period.year}${period.quarter ? `Q${period.quarter}` : ''}.xlsx`;
  return xlsxResponse(await matrixXlsx(m, t), name);
});
