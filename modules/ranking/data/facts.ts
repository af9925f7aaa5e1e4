// Everything the annual evaluation (DESIGN §4, §6) needs about a district's schools in one year,
// read from the fact store (issue 15, modules/facts) in a fixed number of queries for all schools:
// per school and quarter the §4 sums and the report (state, first submission, approved score), per
// school the congress gate, the year's findings and the overall-question survey sums. The ranking,
// its snapshot, the API, the export, the dashboard and the province are all computed from this one
// load (see live.ts); the district documents also ask for the obligation results.
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistVersions, schools } from '@/db/schema';
import type { ReportFactRow, YearFacts } from '@/modules/ranking/domain/composition';
import { unifyItems } from '@/modules/ranking/domain/year-items';
import { QUARTERS } from '@/core/domain/periods';
import { emptyAggregate, schoolSatisfaction, type SatisfactionAggregate } from '@/modules/surveys/domain/satisfaction';
import type { CoverageTally, LocalDate, ObligationResult, Quarter, SurveyGroup } from '@/core/domain/types';
import { checklistsOf } from '@/modules/facts/data/compute';
import { readPeriods, readResults, readYears } from '@/modules/facts/data/read';
import { zonesOfDistrict } from '@/modules/org/data/schools';
import { loadSettings } from '@/modules/org/data/settings';

/** Loads the year's facts of every active school of the district (caller: a district transaction). */
export async function loadYearFacts(tx: Tx, districtId: string, year: number, today: LocalDate, opts: { withResults?: boolean } = {}): Promise<YearFacts> {
  const [schoolRows, zoneRows, settings, checklists] = await Promise.all([
    tx
      .select({ id: schools.id, code: schools.code, name: schools.name, type: schools.type, zoneId: schools.zoneId })
      .from(schools)
      .where(and(eq(schools.districtId, districtId), eq(schools.active, true)))
      .orderBy(asc(schools.code)),
    zonesOfDistrict(tx, districtId),
    loadSettings(tx, districtId, year),
    checklistsOf(tx, districtId, year, QUARTERS),
  ]);
  const ids = schoolRows.map((s) => s.id);
  const [periods, years, results] = await Promise.all([
    readPeriods(tx, districtId, ids, year, QUARTERS, today),
    readYears(tx, districtId, ids, year),
    opts.withResults ? readResults(tx, districtId, ids, year, QUARTERS, today) : Promise.resolve(null),
  ]);
  const { items, canonical } = unifyItems(checklists.map((c) => c.items));
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));

  return {
    districtId,
    year,
    today,
    settings,
    items,
    zones: zoneRows.map((z) => ({ id: z.id, name: z.name })),
    schools: schoolRows.map((school) => {
      const own = periods.get(school.id)!;
      const tallies = {} as Record<Quarter, CoverageTally>;
      const reports: ReportFactRow[] = [];
      for (const q of QUARTERS) {
        const p = own.get(q)!;
        tallies[q] = p.tally;
        // §6 decision: only an approved report's score counts.
        if (p.report) reports.push({ quarter: q, state: p.report.state, submittedAt: p.report.submittedAt, score: p.report.state === 'approved' ? p.report.score : null });
      }
      const y = years.get(school.id)!;
      const agg: Partial<Record<SurveyGroup, SatisfactionAggregate>> = {};
      for (const [g, sums] of Object.entries(y.satisfaction) as [SurveyGroup, { n: number; satisfied: number; sum: number }][]) {
        const a = emptyAggregate();
        a.n = sums.n;
        a.satisfied = sums.satisfied;
        a.overallSum = sums.sum;
        agg[g] = a;
      }
      let quarters: Record<Quarter, ObligationResult[]> | undefined;
      if (results) {
        quarters = { 1: [], 2: [], 3: [], 4: [] };
        for (const r of results.bySchool.get(school.id) ?? []) quarters[r.obligation.quarter].push(canonical(r));
      }
      return {
        school,
        zone: school.zoneId ? (zoneName.get(school.zoneId) ?? null) : null,
        tallies,
        congressMet: y.congressMet,
        ...(quarters ? { quarters } : {}),
        reports,
        satisfaction: schoolSatisfaction(agg, { minResponses: settings.minResponses }),
        surveyAggregates: agg,
        findings: y.findings,
      };
    }),
  };
}

/** Years the district has a checklist for (i.e. years with obligations), newest first. */
export async function yearsOfDistrict(tx: Tx, districtId: string): Promise<number[]> {
  const rows = await tx.selectDistinct({ year: checklistVersions.year }).from(checklistVersions).where(eq(checklistVersions.districtId, districtId));
  return rows.map((r) => r.year).sort((a, b) => b - a);
}
