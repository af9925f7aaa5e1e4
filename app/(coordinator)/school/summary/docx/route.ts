// GET /school/summary/docx?year=Y — the coordinator's school summary as a Word file (issue 17).
import { defineRoute } from '@/core/guard';
import { coordinatorSummary } from '@/modules/documents/data/school-documents';
import { docxDownload, docxYear } from '@/modules/documents/export/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: ['coordinator'], params: ['year'], errors: 'text' }, async ({ scope, query }) => docxDownload((await coordinatorSummary(scope, docxYear(query))).doc));
