// GET /api/v1/surveys/results?year=Y[&school=CODE] — the figures of /review/surveys as JSON, with
// the same anonymity floor. Evaluators and leaders; session cookie or Bearer API token
// (the shared /api/v1 guard).
import { API_ROLES } from '@/core/auth/tokens';
import { notFound } from '@/core/errors';
import { defineRoute } from '@/core/guard';
import { parseSchoolCode, parseYear } from '@/core/http/params';
import { surveyResults } from '@/modules/surveys/data/results';
import { resultsJson } from '@/modules/surveys/data/api-json';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: API_ROLES, tokens: true, params: ['year', 'school'] }, async ({ scope, query }) => {
  const year = parseYear(query.get('year'))!;
  const school = parseSchoolCode(query.get('school'));
  return resultsJson(await surveyResults(scope, year), school) ?? notFound();
});
