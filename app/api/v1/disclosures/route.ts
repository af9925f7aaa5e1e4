// GET /api/v1/disclosures?year=Y[&quarter=Q][&school=CODE] — raw disclosure rows with their
// obligation's period key, accepted or rejected (§3, §5).
import { apiDisclosures } from '@/modules/api/data/api';
import { parseQuarter, parseSchoolCode, parseYear } from '@/core/http/params';
import { apiRoute } from '@/modules/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(['year', 'quarter', 'school'], (scope, p) => apiDisclosures(scope, parseYear(p.get('year'))!, parseQuarter(p.get('quarter')), parseSchoolCode(p.get('school'))));
