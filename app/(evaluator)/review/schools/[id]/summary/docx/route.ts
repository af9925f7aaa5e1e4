// GET /review/schools/[id]/summary/docx?year=Y — a school's annual summary as a Word file (issue 17);
// 404 for a school outside the caller's scope, 403 for roles other than evaluators and leaders.
import { defineRoute } from '@/core/guard';
import { readerSchoolSummary } from '@/modules/documents/data/school-documents';
import { docxDownload, docxYear } from '@/modules/documents/export/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ id: string }>({ roles: ['evaluator', 'leader'], params: ['year'], errors: 'text' }, async ({ scope, params, query }) =>
  docxDownload((await readerSchoolSummary(scope, params.id, docxYear(query))).doc),
);
