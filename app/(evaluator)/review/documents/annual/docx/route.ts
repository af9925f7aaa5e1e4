// GET /review/documents/annual/docx?year=Y — the district's annual report as a Word file (issue 17).
import { annualDocument } from '@/modules/documents/data/district-documents';
import { docxRoute } from '@/modules/documents/export/route';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return docxRoute(req, { quarter: false }, async (scope, q) => (await annualDocument(scope, q.year)).doc);
}
