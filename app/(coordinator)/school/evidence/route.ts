// POST /school/evidence?ownerType=disclosure&ownerId=…&name=… — one evidence file as the raw
// request body (Content-Length required). A route handler rather than a server action: actions
// are capped at 1 MB, and a raw body needs no multipart parsing. Who may call: coordinators, for
// their own school (modules/disclosures/data/evidence checks the owner and the entry window).
import { addEvidenceFile } from '@/modules/disclosures/data/evidence';
import { defineRoute } from '@/core/guard';
import { pendingQuotaBytes } from '@/modules/disclosures/data/evidence-pending';
import { MAX_EVIDENCE_BYTES } from '@/modules/disclosures/evidence/detect';
import { readCapped } from '@/modules/disclosures/evidence/http';

export const dynamic = 'force-dynamic';

function json(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
}

/** Same-origin only: a cross-site page must not upload with the user's cookie. */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const POST = defineRoute({ roles: ['coordinator'] }, async ({ scope, req, query }) => {
  if (!sameOrigin(req)) return json(403, { error: 'forbidden' });
  const ownerType = query.get('ownerType');
  const ownerId = query.get('ownerId') ?? '';
  const fileName = (query.get('name') ?? '').slice(0, 200);
  if (ownerType !== 'disclosure' && ownerType !== 'rectification') return json(400, { error: 'badRequest' });
  const declared = Number(req.headers.get('content-length'));
  if (!Number.isInteger(declared) || declared < 0) return json(411, { error: 'incomplete' });
  if (declared > MAX_EVIDENCE_BYTES) return json(413, { error: 'tooLarge' });
  const bytes = await readCapped(req.body, MAX_EVIDENCE_BYTES);
  if (bytes === 'tooLarge') return json(413, { error: 'tooLarge' });
  if (bytes.byteLength !== declared) return json(400, { error: 'incomplete' });
  const r = await addEvidenceFile(scope, { ownerType, ownerId, fileName, bytes });
  if (r.ok) return json(201, { evidence: r.evidence });
  if (r.reason === 'quota') return json(413, { error: 'quota', quota: `${Math.round(pendingQuotaBytes() / 1024 / 1024)} MB` });
  return json(r.reason === 'tooLarge' ? 413 : r.reason === 'tooMany' ? 409 : 415, { error: r.reason });
});
