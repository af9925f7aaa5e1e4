// GET /school/summary/docx?year=Y — the coordinator's school summary as a Word file (issue 17).
import { coordinatorSummary } from '@/modules/documents/data/school-documents';
import { docxRoute } from '@/modules/documents/export/route';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return docxRoute(req, { quarter: false }, async (scope, q) => (await coordinatorSummary(scope, q.year)).doc);
}
