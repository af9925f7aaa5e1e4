// GET /api/v1/surveys/results?year=Y[&school=CODE] — the figures of /review/surveys as JSON, with
// the same anonymity floor. Evaluators and leaders; session cookie or Bearer API token
// (the shared /api/v1 guard).
import { AppError } from '@/core/scope';
import { surveyResults } from '@/modules/surveys/data/results';
import { resultsJson } from '@/modules/surveys/domain/api-json';
import { parseSchoolCode, parseYear } from '@/core/http/params';
import { apiRoute } from '@/modules/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(['year', 'school'], async (scope, p) => {
  const year = parseYear(p.get('year'))!;
  const school = parseSchoolCode(p.get('school'));
  const body = resultsJson(await surveyResults(scope, year), school);
  if (!body) throw new AppError('notFound');
  return body;
});
