// GET /api/v1/disclosures?year=Y[&quarter=Q][&school=CODE] — raw disclosure rows with their
// obligation's period key, accepted or rejected (§3, §5).
import { API_ROLES } from '@/core/auth/tokens';
import { defineRoute } from '@/core/guard';
import { parseQuarter, parseSchoolCode, parseYear } from '@/core/http/params';
import { apiDisclosures } from '@/modules/api/data/api';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: API_ROLES, tokens: true, params: ['year', 'quarter', 'school'] }, ({ scope, query }) =>
  apiDisclosures(scope, parseYear(query.get('year'))!, parseQuarter(query.get('quarter')), parseSchoolCode(query.get('school'))),
);
