// GET /p/[district]/[school]/files/[id] — an evidence file of one of the school's public
// disclosures, for parents without a login (the public page's images). Same safe headers as
// /files/[id]; anything not public is 404.
import { publicEvidence } from '@/modules/disclosures/data/evidence-serve';
import { fileNotFound, fileResponse } from '@/modules/disclosures/evidence/http';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ district: string; school: string; id: string }> }): Promise<Response> {
  const { district, school, id } = await ctx.params;
  const file = await publicEvidence(district, school, id).catch((e) => {
    console.error('[public files]', e instanceof Error ? e.message : e);
    return null;
  });
  if (!file) return fileNotFound();
  return fileResponse(file, req, new URL(req.url).searchParams.get('download') === '1');
}
