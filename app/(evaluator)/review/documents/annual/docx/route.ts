// GET /review/documents/annual/docx?year=Y — the district's annual report as a Word file (issue 17);
// zone evaluators are refused (403): the document states district-wide figures.
import { defineRoute } from '@/core/guard';
import { annualDocument } from '@/modules/documents/data/district-documents';
import { docxDownload, docxYear } from '@/modules/documents/export/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: ['evaluator', 'leader'], params: ['year'], errors: 'text' }, async ({ scope, query }) => docxDownload((await annualDocument(scope, docxYear(query))).doc));
