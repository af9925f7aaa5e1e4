// GET /api/v1/events?year=Y[&school=CODE] — declared events and "no such matter" statements (§3).
import { apiEvents } from '@/lib/data/api';
import { parseSchoolCode, parseYear } from '@/lib/validation/review-api';
import { apiRoute } from '../_lib/handler';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(['year', 'school'], (scope, p) => apiEvents(scope, parseYear(p.get('year'))!, parseSchoolCode(p.get('school'))));
