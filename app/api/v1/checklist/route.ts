// GET /api/v1/checklist?year=Y — the district's checklist items of a year (§2).
import { apiChecklist } from '@/lib/data/api';
import { parseYear } from '@/lib/validation/review-api';
import { apiRoute } from '../_lib/handler';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(['year'], (scope, p) => apiChecklist(scope, parseYear(p.get('year'))!));
