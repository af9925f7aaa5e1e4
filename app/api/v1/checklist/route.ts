// GET /api/v1/checklist?year=Y — the district's checklist items of a year (§2).
import { API_ROLES } from '@/core/auth/tokens';
import { defineRoute } from '@/core/guard';
import { parseYear } from '@/core/http/params';
import { apiChecklist } from '@/modules/api/data/api';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: API_ROLES, tokens: true, params: ['year'] }, ({ scope, query }) => apiChecklist(scope, parseYear(query.get('year'))!));
