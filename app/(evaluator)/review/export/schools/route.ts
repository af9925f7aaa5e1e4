// GET /review/export/schools?year=Y[&quarter=Q][&zone=][&type=] — the school table as XLSX.
import { schoolTable } from '@/modules/dashboard/data/school-table';
import { schoolTableXlsx } from '@/modules/dashboard/export/school-table-xlsx';
import { xlsxResponse } from '@/core/export/xlsx';
import { exportRoute, zhTranslate } from '@/modules/dashboard/export/route-helpers';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return exportRoute(req, async (scope, { period, filters }) => {
    const [table, t] = await Promise.all([schoolTable(scope, period, filters), zhTranslate()]);
    const name = `学校公开情况_${period.year}${period.quarter ? `Q${period.quarter}` : ''}.xlsx`;
    return xlsxResponse(await schoolTableXlsx(table, t), name);
  });
}
