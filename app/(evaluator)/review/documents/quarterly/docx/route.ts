// GET /review/documents/quarterly/docx?year=Y&quarter=Q — the quarterly 通报 as a Word file (issue 17);
// zone evaluators are refused (403): the document states district-wide figures.
import { defineRoute } from '@/core/guard';
import { quarterlyDocument } from '@/modules/documents/data/district-documents';
import { docxDownload, docxQuarter, docxYear } from '@/modules/documents/export/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: ['evaluator', 'leader'], params: ['year', 'quarter'], errors: 'text' }, async ({ scope, query }) =>
  docxDownload((await quarterlyDocument(scope, docxYear(query), docxQuarter(query))).doc),
);
