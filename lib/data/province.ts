// Platform admin: the 先进单位 ranking of every district of the platform for one year (issue 8,
// province scale). Each district's ranking is the one its evaluators and leaders see — the same
// data path and the same lib/domain computation as the district ranking page (loadRankingView:
// the snapshot in force, else the live draft from loadYearFacts + rankYearFacts) — and ranks stay
// per district and school type, as DESIGN §6 defines them; nothing is re-ranked across districts.
import { asc } from 'drizzle-orm';
import { withDistrict } from '@/db/client';
import { districts } from '@/db/schema';
import type { RankingState } from '@/lib/domain/ranking-notice';
import { today } from './context';
import type { RankingResult } from './ranking-live';
import { loadRankingView } from './ranking-view';
import { requireRole, type Scope } from './scope';

export interface ProvinceDistrictRanking {
  districtId: string;
  code: string;
  name: string;
  state: RankingState;
  source: 'snapshot' | 'live';
  ranking: RankingResult;
}

export interface ProvinceRanking {
  year: number;
  computedOn: string;
  districts: ProvinceDistrictRanking[];
  /** Totals over every district. */
  schools: number;
  eligible: number;
  inQuota: number;
}

/** Platform admins: every district's ranking of `year` (platform-wide transaction, '*'). */
export async function provinceRanking(scope: Scope, year: number): Promise<ProvinceRanking> {
  requireRole(scope, ['platformAdmin']);
  const day = today();
  return withDistrict('*', async (tx) => {
    const list = await tx.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.code));
    const out: ProvinceDistrictRanking[] = [];
    for (const d of list) {
      const view = await loadRankingView(tx, d.id, year);
      out.push({ districtId: d.id, code: d.code, name: d.name, state: view.state, source: view.source, ranking: view.ranking });
    }
    let schools = 0;
    let eligible = 0;
    let inQuota = 0;
    for (const d of out) {
      for (const r of d.ranking.rows) {
        schools++;
        if (r.eligible) eligible++;
        if (r.inQuota) inQuota++;
      }
    }
    return { year, computedOn: day, districts: out, schools, eligible, inQuota };
  });
}
