// School profile for evaluators and leaders (issue 4): the school's quarters with coverage,
// timeliness, report state and score (the same school-table computation as every other screen),
// and its findings. Survey results come from schoolSurveyResults (modules/surveys/data/results.ts).
import { and, desc, eq, lte } from 'drizzle-orm';
import { checklistVersions, findings } from '@/db/schema';
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { compareQuarters, periodInProgress, QUARTERS } from '@/core/domain/periods';
import type { Quarter, ReportState } from '@/core/domain/types';
import { inDistrict, thisQuarter, today } from '@/core/context';
import { isFindingOverdue } from '@/modules/reports/domain/finding-overdue';
import { loadSchoolTable } from './school-table';
import { schoolInScope, zonesOfDistrict } from '@/modules/org/data/schools';
import type { Scope } from '@/core/scope';

export interface ProfileQuarter {
  year: number;
  quarter: Quarter;
  label: string;
  obligations: number;
  /** §4: obligations not yet due (未到期), in no rate. */
  notYetDue: number;
  /** §4: the quarter has not ended. */
  inProgress: boolean;
  coverage: number | null;
  timeliness: number | null;
  reportId: string | null;
  reportState: ReportState | 'none';
  submittedAt: Date | null;
  evaluatorScore: number | null;
}

/** How many years back the profile shows (the demo holds 2024–2026). */
const YEARS_SHOWN = 3;

export async function schoolProfile(scope: Scope, schoolId: string) {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
    const school = await schoolInScope(tx, s, schoolId);
    const now = thisQuarter();
    const versionYears = await tx
      .selectDistinct({ year: checklistVersions.year })
      .from(checklistVersions)
      .where(and(eq(checklistVersions.districtId, s.districtId), lte(checklistVersions.year, now.year)))
      .orderBy(desc(checklistVersions.year))
      .limit(YEARS_SHOWN);
    const years = versionYears.map((v) => v.year).sort();
    const tables = [];
    for (const year of years) tables.push(await loadSchoolTable(tx, s, { year, quarter: null }, {}, [school]));
    const quarters: ProfileQuarter[] = [];
    const yearRows = tables.map((t) => {
      const row = t.rows[0]!;
      for (const q of QUARTERS) {
        if (compareQuarters({ year: t.period.year, quarter: q }, now) > 0) continue;
        const qt = tally(row.results.filter((r) => r.obligation.quarter === q));
        const rep = row.reports[q];
        quarters.push({
          year: t.period.year,
          quarter: q,
          label: `${t.period.year}Q${q}`,
          obligations: qt.obligations,
          notYetDue: qt.notYetDue,
          inProgress: periodInProgress({ year: t.period.year, quarter: q }, t.today),
          coverage: coverage(qt),
          timeliness: timeliness(qt),
          reportId: rep?.id ?? null,
          reportState: rep?.state ?? 'none',
          submittedAt: rep?.submittedAt ?? null,
          evaluatorScore: rep?.score ?? null,
        });
      }
      return { year: t.period.year, row };
    });
    const [zones, found] = await Promise.all([
      zonesOfDistrict(tx, s.districtId),
      tx
        .select()
        .from(findings)
        .where(and(eq(findings.districtId, s.districtId), eq(findings.schoolId, school.id)))
        .orderBy(desc(findings.raisedAt)),
    ]);
    const day = today();
    return {
      school,
      zone: zones.find((z) => z.id === school.zoneId)?.name ?? null,
      years: yearRows.map(({ year, row }) => ({
        year,
        tally: row.tally,
        inProgress: periodInProgress({ year, quarter: null }, day),
        coverage: row.coverage,
        timeliness: row.timeliness,
        reportOnTime: row.reportOnTime,
        evaluatorScore: row.evaluatorScore,
      })),
      quarters,
      findings: found.map((f) => ({ ...f, overdue: isFindingOverdue(f, day) })),
    };
  });
}
