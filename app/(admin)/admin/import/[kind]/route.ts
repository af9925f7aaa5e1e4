// Bulk import endpoint (issue 7). POST a file (multipart `file`) with `?step=preview` to get
// every bad row, or `?step=commit` to write all rows in one transaction; the commit answers
// NDJSON lines — progress, then the outcome — so the page can show a progress bar.
// Who may call it: district admins (checked again in lib/data).
import { importHolidays, previewHolidayImport } from '@/modules/org/data/imports-holidays';
import { importSchools, previewSchoolImport } from '@/modules/org/data/imports-schools';
import { importUsers, previewUserImport } from '@/modules/org/data/imports-users';
import { IMPORT_KINDS, type ImportKind, type ImportOutcome, type ImportPreview, type OnProgress } from '@/modules/org/data/imports';
import { type Scope } from '@/core/scope';
import { AppError, notFound } from '@/core/errors';
import { defineRoute } from '@/core/guard';
import { ImportFileError, MAX_IMPORT_BYTES } from '@/modules/org/import/issues';
import { readTable, type Table } from '@/modules/org/import/table';
import { wakeRecompute } from '@/modules/facts/data/jobs';

export const dynamic = 'force-dynamic';

const HANDLERS: Record<ImportKind, { preview: (s: Scope, t: Table) => Promise<ImportPreview>; commit: (s: Scope, t: Table, p: OnProgress) => Promise<ImportOutcome> }> = {
  schools: { preview: previewSchoolImport, commit: importSchools },
  users: { preview: previewUserImport, commit: importUsers },
  holidays: { preview: previewHolidayImport, commit: importHolidays },
};

const NDJSON = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' };

function line(status: number, body: unknown): Response {
  return new Response(`${JSON.stringify(body)}\n`, { status, headers: NDJSON });
}

function failure(e: unknown): { status: number; body: { type: 'error'; code: string } } {
  if (e instanceof ImportFileError) return { status: 400, body: { type: 'error', code: e.problem } };
  if (e instanceof AppError) return { status: e.status, body: { type: 'error', code: e.code } };
  console.error('[import]', e instanceof Error ? e.message : e);
  return { status: 500, body: { type: 'error', code: 'error' } };
}

/**
 * Cross-site requests are refused twice over: the session cookie is SameSite=Lax, and this
 * endpoint wants a custom header, which a cross-origin page cannot send without a preflight.
 */
function sameOrigin(req: Request): boolean {
  if (req.headers.get('x-sunlight-import') !== '1') return false;
  const origin = req.headers.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === (req.headers.get('x-forwarded-host') ?? req.headers.get('host'));
  } catch {
    return false;
  }
}

async function readUpload(req: Request): Promise<Table> {
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_IMPORT_BYTES + 64 * 1024) throw new ImportFileError('tooLarge');
  const form = await req.formData().catch(() => null);
  const file = form?.get('file');
  if (!file || typeof file === 'string') throw new ImportFileError('empty');
  if (file.size > MAX_IMPORT_BYTES) throw new ImportFileError('tooLarge');
  return readTable(new Uint8Array(await file.arrayBuffer()));
}

export const POST = defineRoute<{ kind: string }>({ roles: ['districtAdmin'] }, async ({ scope, req, params, query }) => {
  if (!(IMPORT_KINDS as readonly string[]).includes(params.kind)) notFound();
  if (!sameOrigin(req)) return line(403, { type: 'error', code: 'forbidden' });
  const handler = HANDLERS[params.kind as ImportKind];

  let table: Table;
  try {
    table = await readUpload(req);
    if (query.get('step') !== 'commit') return line(200, { type: 'preview', ...(await handler.preview(scope, table)) });
  } catch (e) {
    const f = failure(e);
    return line(f.status, f.body);
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
      try {
        const outcome = await handler.commit(scope, table, (p) => send({ type: 'progress', ...p }));
        // New holidays may move working-day deadlines: their years are recomputed in the background.
        await wakeRecompute(scope.districtId);
        send({ type: 'result', ...outcome });
      } catch (e) {
        send(failure(e).body);
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: NDJSON });
});
