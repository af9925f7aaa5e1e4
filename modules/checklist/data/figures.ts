// The district's coverage and timeliness per quarter of a year, with the checklist version in
// force for each quarter — shown beside the checklist so an admin sees that an edit after the
// freeze leaves earlier quarters' figures as they were (§2, §4; figures from lib/domain).
import { addTallies, coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { QUARTERS } from '@/core/domain/periods';
import type { Quarter } from '@/core/domain/types';
import { versionForQuarter } from './versions';
import { inDistrict, today } from '@/core/context';
import { quarterResults } from '@/modules/obligations/data/results';
import { schoolsInScope } from '@/modules/org/data/schools';
import type { Scope } from '@/core/scope';

export interface QuarterFigures {
  quarter: Quarter;
  version: number | null;
  obligations: number;
  coverage: number | null;
  timeliness: number | null;
}

export async function checklistQuarterFigures(scope: Scope, year: number): Promise<QuarterFigures[]> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const ids = (await schoolsInScope(tx, s)).map((x) => x.id);
    const day = today();
    const out: QuarterFigures[] = [];
    for (const quarter of QUARTERS) {
      const [v, results] = await Promise.all([versionForQuarter(tx, s.districtId, year, quarter), quarterResults(tx, s.districtId, ids, year, quarter, day)]);
      const t = addTallies(...ids.map((id) => tally(results.bySchool.get(id) ?? [])));
      out.push({ quarter, version: v?.version ?? null, obligations: t.obligations, coverage: coverage(t), timeliness: timeliness(t) });
    }
    return out;
  });
}
