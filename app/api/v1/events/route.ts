// GET /api/v1/events?year=Y[&school=CODE] — declared events and "no such matter" statements (§3).
import { apiEvents } from '@/modules/api/data/api';
import { parseSchoolCode, parseYear } from '@/core/http/params';
import { apiRoute } from '@/modules/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(['year', 'school'], (scope, p) => apiEvents(scope, parseYear(p.get('year'))!, parseSchoolCode(p.get('school'))));
