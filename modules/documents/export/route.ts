// Shared by the DOCX downloads (issue 17), like the XLSX exports' exportRoute: the caller's scope
// from the session (401 without one), the query checked (400 naming the bad parameter, unknown
// parameters refused), the data function's scope errors as their statuses (403 role, 404 record).
import 'server-only';
import { getScope } from '@/core/auth/session';
import { ParamError, parseQuarter, parseYear, rejectUnknownParams } from '@/core/http/params';
import type { Quarter } from '@/core/domain/types';
import { AppError, type Scope } from '@/core/scope';
import type { DocumentModel } from '@/modules/documents/domain/model';
import { docxFileName, docxResponse, documentDocx } from './docx';

export interface DocxQuery {
  year: number;
  quarter: Quarter | null;
}

export async function docxRoute(req: Request, opts: { quarter: boolean }, load: (scope: Scope, q: DocxQuery) => Promise<DocumentModel>): Promise<Response> {
  try {
    const scope = await getScope();
    if (!scope || scope.mustChangePassword) return new Response('Unauthorized', { status: 401 });
    const p = new URL(req.url).searchParams;
    rejectUnknownParams(p, opts.quarter ? ['year', 'quarter'] : ['year']);
    const year = parseYear(p.get('year'))!;
    const quarter = parseQuarter(p.get('quarter'));
    if (opts.quarter && quarter === null) throw new ParamError('quarter', 'quarter is required (1, 2, 3 or 4)');
    const doc = await load(scope, { year, quarter });
    return docxResponse(await documentDocx(doc), docxFileName(doc));
  } catch (e) {
    if (e instanceof ParamError) return new Response(e.message, { status: 400 });
    if (e instanceof AppError) return new Response(e.code, { status: e.status });
    console.error('[docx]', e instanceof Error ? e.message : e);
    return new Response('Error', { status: 500 });
  }
}
