// GET /api/v1/rankings?year=Y — the year's 先进单位 ranking (DESIGN §6) per school: code, group,
// components, composite, eligible, reasons, rank, inQuota, and the state (draft / notice / final)
// of the ranking it comes from: the active published snapshot if any, else the live draft. The
// same data function as /review/ranking. Auth: Bearer API token or the session (shared guard).
import { API_ROLES } from '@/core/auth/tokens';
import { defineRoute } from '@/core/guard';
import { parseYear } from '@/core/http/params';
import { rankingsForApi } from '@/modules/ranking/data/api';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: API_ROLES, tokens: true, params: ['year'] }, ({ scope, query }) => rankingsForApi(scope, parseYear(query.get('year'))!));
