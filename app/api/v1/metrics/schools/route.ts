// GET /api/v1/metrics/schools?year=Y[&quarter=Q] — one row per school in scope (§4); the same
// school table as the review queue, the coverage matrix and the XLSX export.
import { API_ROLES } from '@/core/auth/tokens';
import { defineRoute } from '@/core/guard';
import { parseQuarter, parseYear } from '@/core/http/params';
import { apiSchoolMetrics } from '@/modules/api/data/api';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: API_ROLES, tokens: true, params: ['year', 'quarter'] }, ({ scope, query }) =>
  apiSchoolMetrics(scope, parseYear(query.get('year'))!, parseQuarter(query.get('quarter'))),
);
