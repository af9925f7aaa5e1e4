// GET /review/schools/[id]/summary/docx?year=Y — a school's annual summary as a Word file (issue 17);
// 404 for a school outside the caller's scope, 403 for roles other than evaluators and leaders.
import { readerSchoolSummary } from '@/modules/documents/data/school-documents';
import { docxRoute } from '@/modules/documents/export/route';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  return docxRoute(req, { quarter: false }, async (scope, q) => (await readerSchoolSummary(scope, id, q.year)).doc);
}
