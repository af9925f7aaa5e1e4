// GET /api/v1/checklist?year=Y — the district's checklist items of a year (§2).
import { apiChecklist } from '@/modules/api/data/api';
import { parseYear } from '@/core/http/params';
import { apiRoute } from '@/modules/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(['year'], (scope, p) => apiChecklist(scope, parseYear(p.get('year'))!));
