// GET /review/surveys/export?year=Y — the year's survey results as XLSX (evaluators and leaders;
// the free-text sheet for evaluators only).
import { NextResponse } from 'next/server';
import { getScope } from '@/core/auth/session';
import { AppError } from '@/core/scope';
import { surveyResults } from '@/modules/surveys/data/results';
import { districtFreeTexts } from '@/modules/surveys/data/texts';
import { surveyWorkbook } from '@/modules/surveys/export/xlsx';
import { ParamError, parseYear, rejectUnknownParams } from '@/core/http/params';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const scope = await getScope();
  if (!scope || scope.mustChangePassword) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  let year: number;
  try {
    const params = new URL(req.url).searchParams;
    rejectUnknownParams(params, ['year']);
    year = parseYear(params.get('year'))!;
  } catch (e) {
    if (e instanceof ParamError) return NextResponse.json({ error: 'badRequest', message: e.message }, { status: 400 });
    throw e;
  }
  try {
    const results = await surveyResults(scope, year);
    const texts = scope.role === 'evaluator' ? await districtFreeTexts(scope, year) : null;
    const body = await surveyWorkbook(results, texts);
    const name = `满意度调查结果-${year}.xlsx`;
    return new NextResponse(new Uint8Array(body), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="survey-results-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    // Other roles get the same answer as a page they may not open.
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'notFound')) return NextResponse.json({ error: 'notFound' }, { status: 404 });
    throw e;
  }
}
