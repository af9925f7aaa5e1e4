// Coordinator: the school's past quarters (issue 3 /school/history) — report state, coverage and
// timeliness (§4), whether the report was on time, and once approved the evaluator score (§4);
// per year the roll-up of those figures (weighted sums, never averaged percentages).
import { and, eq, inArray } from 'drizzle-orm';
import { evaluations, quarterlyReports } from '@/db/schema';
import { addTallies, coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { compareQuarters, isReportOnTime, reportDueDate } from '@/core/domain/periods';
import { dueReportQuarters, reportFigures, type ReportFigures } from '@/modules/reports/domain/reports';
import { approvedScore, yearScore } from '@/modules/reports/domain/scores';
import type { CoverageTally, LocalDate, Quarter, QuarterRef, ReportState } from '@/core/domain/types';
import { inDistrict, thisQuarter, today } from '@/core/context';
import { ownSchool } from '@/modules/obligations/data/entry';
import { browsableQuarters } from '@/modules/obligations/data/school-queries';
import { quarterResults } from '@/modules/obligations/data/results';
import type { Scope } from '@/core/scope';
import { loadSettings } from '@/modules/org/data/settings';

interface Figures {
  tally: CoverageTally;
  coverage: number | null;
  timeliness: number | null;
}
const figures = (t: CoverageTally): Figures => ({ tally: t, coverage: coverage(t), timeliness: timeliness(t) });

export interface HistoryQuarter {
  q: QuarterRef;
  current: boolean;
  state: ReportState | 'none';
  submittedAt: Date | null;
  lastSubmittedAt: Date | null;
  due: LocalDate;
  onTime: boolean | null;
  /** Not submitted and the due date has passed. */
  overdue: boolean;
  figures: Figures;
  /** Evaluator score (0–100) of an approved report. */
  score: number | null;
}

export interface HistoryYear {
  year: number;
  quarters: HistoryQuarter[];
  figures: Figures;
  reports: ReportFigures;
  score: number | null;
}

export async function coordinatorHistory(scope: Scope): Promise<{ school: { name: string }; years: HistoryYear[] }> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const current = thisQuarter();
    const day = today();
    const quarters = (await browsableQuarters(tx, s.districtId, current)).filter((q) => compareQuarters(q, current) <= 0);
    const reports = await tx
      .select()
      .from(quarterlyReports)
      .where(and(eq(quarterlyReports.districtId, s.districtId), eq(quarterlyReports.schoolId, school.id)));
    const scores = reports.length
      ? await tx
          .select()
          .from(evaluations)
          .where(
            and(
              eq(evaluations.districtId, s.districtId),
              inArray(
                evaluations.reportId,
                reports.map((r) => r.id),
              ),
            ),
          )
      : [];
    const evaluationOf = new Map(scores.map((e) => [e.reportId, e]));
    const years = [...new Set(quarters.map((q) => q.year))];
    const out: HistoryYear[] = [];
    for (const year of years) {
      const settings = await loadSettings(tx, s.districtId, year);
      const rows: HistoryQuarter[] = [];
      for (const q of quarters.filter((x) => x.year === year)) {
        const { bySchool } = await quarterResults(tx, s.districtId, [school.id], q.year, q.quarter, day);
        const r = reports.find((x) => x.year === q.year && x.quarter === q.quarter);
        const due = reportDueDate(q, settings.reportDueDays);
        rows.push({
          q,
          current: compareQuarters(q, current) === 0,
          state: r?.state ?? 'none',
          submittedAt: r?.submittedAt ?? null,
          lastSubmittedAt: r?.lastSubmittedAt ?? null,
          due,
          onTime: r?.submittedAt ? isReportOnTime(r.submittedAt, q, settings.reportDueDays) : null,
          overdue: !r?.submittedAt && day > due,
          figures: figures(tally(bySchool.get(school.id) ?? [])),
          score: r ? approvedScore(r.state, evaluationOf.get(r.id) ?? null) : null,
        });
      }
      // §4: reports expected so far — those already due (the same rule as every other screen).
      const expected = dueReportQuarters(
        year,
        day,
        settings.reportDueDays,
        rows.map((x) => x.q.quarter),
      );
      const facts = reports.filter((r) => r.year === year).map((r) => ({ quarter: r.quarter as Quarter, state: r.state, submittedAt: r.submittedAt }));
      out.push({
        year,
        quarters: rows,
        figures: figures(addTallies(...rows.map((x) => x.figures.tally))),
        reports: reportFigures(facts, year, settings.reportDueDays, expected),
        score: yearScore(rows.map((x) => x.score)),
      });
    }
    return { school: { name: school.name }, years: out };
  });
}
