// GET /api/v1/province/rankings?year=Y[&district=CODE][&type=T][&page=N] — platform admins: the
// province's 先进单位 ranking (issue 15): every district's state and totals, and a page of 100
// schools ranked within their district's school-type groups (the same data as /platform/ranking).
import { defineRoute } from '@/core/guard';
import { ParamError } from '@/core/errors';
import { parseYear } from '@/core/http/params';
import { SCHOOL_TYPES, type SchoolType } from '@/core/domain/types';
import { provinceView } from '@/modules/ranking/data/province';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ roles: ['platformAdmin'], params: ['year', 'district', 'type', 'page'] }, async ({ scope, query }) => {
  const type = query.get('type');
  if (type !== null && !(SCHOOL_TYPES as readonly string[]).includes(type)) throw new ParamError('type', `type must be one of ${SCHOOL_TYPES.join(', ')}`);
  const pageRaw = query.get('page');
  const page = pageRaw === null ? 1 : Number(pageRaw);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) throw new ParamError('page', 'page must be a positive integer');
  const v = await provinceView(scope, parseYear(query.get('year'))!, { district: query.get('district'), type: type as SchoolType | null, page });
  return {
    year: v.year,
    computedOn: v.computedOn,
    districts: v.districts,
    totals: v.totals,
    page: v.page,
    pages: v.pages,
    matching: v.matching,
    schools: v.rows.map((r) => ({
      district: r.districtCode,
      code: r.code,
      name: r.name,
      group: r.type,
      zone: r.zone,
      components: r.components,
      composite: r.composite,
      eligible: r.eligible,
      reasons: r.reasons,
      rank: r.rank,
      inQuota: r.inQuota,
    })),
  };
});
