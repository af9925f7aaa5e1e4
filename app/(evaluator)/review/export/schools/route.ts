// GET /review/export/schools?year=Y[&quarter=Q][&zone=…][&type=…] — the school table as XLSX
// (DESIGN §8), for evaluators (their zones) and leaders.
import { xlsxResponse } from '@/core/export/xlsx';
import { defineRoute } from '@/core/guard';
import { schoolTable } from '@/modules/dashboard/data/school-table';
import { readExportQuery, zhTranslate } from '@/modules/dashboard/export/route-helpers';
import { schoolTableXlsx } from '@/modules/dashboard/export/school-table-xlsx';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: ['evaluator', 'leader'], errors: 'text' }, async ({ scope, req }) => {
  const { period, filters } = readExportQuery(req.url);
  const [table, t] = await Promise.all([schoolTable(scope, period, filters), zhTranslate()]);
  const name = `学校公开情况_${period.year}${period.quarter ? `Q${period.quarter}` : ''}.xlsx`;
  return xlsxResponse(await schoolTableXlsx(table, t), name);
});
