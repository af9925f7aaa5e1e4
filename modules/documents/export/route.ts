// The query of the DOCX downloads (issue 17): the year, and the quarter where the document is
// quarterly (400 naming the bad parameter). The routes themselves are defined with core/guard.ts.
import 'server-only';
import { ParamError } from '@/core/errors';
import { parseQuarter, parseYear } from '@/core/http/params';
import type { Quarter } from '@/core/domain/types';
import type { DocumentModel } from '@/modules/documents/domain/model';
import { docxFileName, docxResponse, documentDocx } from './docx';

export function docxYear(query: URLSearchParams): number {
  return parseYear(query.get('year'))!;
}

export function docxQuarter(query: URLSearchParams): Quarter {
  const quarter = parseQuarter(query.get('quarter'));
  if (quarter === null) throw new ParamError('quarter', 'quarter is required (1, 2, 3 or 4)');
  return quarter;
}

/** The document as a Word file download. */
export async function docxDownload(doc: DocumentModel): Promise<Response> {
  return docxResponse(await documentDocx(doc), docxFileName(doc));
}
