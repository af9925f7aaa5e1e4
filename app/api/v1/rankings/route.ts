// GET /api/v1/rankings?year=Y — the year's 先进单位 ranking (DESIGN §6) per school: code, group,
// components, composite, eligible, reasons, rank, inQuota, and the state (draft / notice / final)
// of the ranking it comes from: the active published snapshot if any, else the live draft. The
// same data function as /review/ranking. Auth: Bearer API token or the session (shared guard).
import { rankingsForApi } from '@/modules/ranking/data/api';
import { parseYear } from '@/core/http/params';
import { apiRoute } from '@/modules/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(['year'], (scope, p) => rankingsForApi(scope, parseYear(p.get('year'))!));
