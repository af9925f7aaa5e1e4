// GET /api/v1/events?year=Y[&school=CODE] — declared events and "no such matter" statements (§3).
import { API_ROLES } from '@/core/auth/tokens';
import { defineRoute } from '@/core/guard';
import { parseSchoolCode, parseYear } from '@/core/http/params';
import { apiEvents } from '@/modules/api/data/api';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: API_ROLES, tokens: true, params: ['year', 'school'] }, ({ scope, query }) =>
  apiEvents(scope, parseYear(query.get('year'))!, parseSchoolCode(query.get('school'))),
);
