// GET /review/documents/quarterly/docx?year=Y&quarter=Q — the quarterly 通报 as a Word file (issue 17).
import { quarterlyDocument } from '@/modules/documents/data/district-documents';
import { docxRoute } from '@/modules/documents/export/route';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  return docxRoute(req, { quarter: true }, async (scope, q) => (await quarterlyDocument(scope, q.year, q.quarter!)).doc);
}
