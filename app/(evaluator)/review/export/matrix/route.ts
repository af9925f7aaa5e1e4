// GET /review/export/matrix?year=Y[&quarter=Q][&zone=][&type=] — the coverage matrix as XLSX.
import { coverageMatrix } from '@/modules/dashboard/data/matrix';
import { matrixXlsx } from '@/modules/dashboard/export/matrix-xlsx';
import { xlsxResponse } from '@/core/export/xlsx';
import { exportRoute, zhTranslate } from '@/modules/dashboard/export/route-helpers';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return exportRoute(req, async (scope, { period, filters }) => {
    const [m, t] = await Promise.all([coverageMatrix(scope, period, filters), zhTranslate()]);
    const name = `覆盖矩阵_${period.year}${period.quarter ? `Q${period.quarter}` : ''}.xlsx`;
    return xlsxResponse(await matrixXlsx(m, t), name);
  });
}
