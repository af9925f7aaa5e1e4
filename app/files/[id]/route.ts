// GET /files/[id] — an evidence file, to users whose scope covers the school, or to anyone when it
// belongs to a public disclosure (issue 3). Anything else is 404 (ids cannot be probed). Served with
// the type detected at upload, nosniff, a CSP sandbox and a sanitised Content-Disposition.
import { getScope } from '@/core/auth/session';
import { evidenceForViewer } from '@/modules/disclosures/data/evidence-serve';
import { fileNotFound, fileResponse } from '@/modules/disclosures/evidence/http';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const scope = await getScope();
  const file = await evidenceForViewer(scope, id).catch((e) => {
    console.error('[files]', e instanceof Error ? e.message : e);
    return null;
  });
  if (!file) return fileNotFound();
  return fileResponse(file, req, new URL(req.url).searchParams.get('download') === '1');
}
