// GET /api/v1/metrics/schools?year=Y[&quarter=Q] — one row per school in scope (§4); the same
// school table as the review queue, the coverage matrix and the XLSX export.
import { apiSchoolMetrics } from '@/modules/api/data/api';
import { parseQuarter, parseYear } from '@/core/http/params';
import { apiRoute } from '@/modules/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(['year', 'quarter'], (scope, p) => apiSchoolMetrics(scope, parseYear(p.get('year'))!, parseQuarter(p.get('quarter'))));
