// The demo's figures for one district and year, computed from the in-memory seed rows with the
// domain core (the same functions the app uses). Used by the seed's tests and the CLI summary.
import * as s from '@/db/schema';
import { localDateOf } from '@/core/domain/dates';
import { eligibilityReasons, type IneligibilityReason } from '@/modules/ranking/domain/eligibility';
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { expandObligations } from '@/modules/obligations/domain/obligations';
import { rankSchools, type RankedSchool } from '@/modules/ranking/domain/ranking';
import { aggregateResponses, schoolSatisfaction, type SatisfactionAggregate } from '@/modules/surveys/domain/satisfaction';
import { rubricTotal, yearScore } from '@/modules/reports/domain/scores';
import { evaluateAll } from '@/modules/obligations/domain/status';
import { DEFAULT_SETTINGS, type ChecklistItem, type LocalDate, type ObligationResult, type Quarter, type SurveyGroup } from '@/core/domain/types';
import type { SeedRows } from './rows';

export interface SchoolFigures {
  code: string;
  items: ChecklistItem[];
  results: ObligationResult[];
  coverage: number | null;
  timeliness: number | null;
  score: number | null;
  satisfaction: number | null;
  reasons: IneligibilityReason[];
}

export function demoFigures(rows: SeedRows, districtCode: string, year: number, asOf: LocalDate): { schools: SchoolFigures[]; ranking: RankedSchool[] } {
  const district = rows.rows(s.districts).find((d) => d.code === districtCode);
  if (!district) throw new Error(`unknown district ${districtCode}`);
  const version = rows.rows(s.checklistVersions).find((v) => v.districtId === district.id && v.year === year)!;
  const items: ChecklistItem[] = rows
    .rows(s.checklistItems)
    .filter((i) => i.versionId === version.id)
    .map((i) => ({
      id: i.id!,
      code: i.code,
      name: i.name,
      domain: i.domain,
      frequency: i.frequency,
      deadlineDays: i.deadlineDays ?? null,
      workingDays: i.workingDays ?? false,
      annualDueDate: i.annualDueDate ?? null,
      weight: i.weight ?? 1,
      mandatory: i.mandatory ?? true,
      tags: i.tags ?? [],
      timing: i.timing ?? null,
      audience: i.audience,
    }));
  const idOf = new Map(items.map((i) => [i.code, i.id]));
  const holidays = rows
    .rows(s.holidays)
    .filter((h) => h.districtId === district.id)
    .map((h) => h.day);
  const rejected = new Set(rows.rows(s.disclosureRejections).map((r) => r.disclosureId));
  const surveys = rows.rows(s.surveys).filter((x) => x.districtId === district.id && x.year === year);
  const overallIds = new Set(
    rows
      .rows(s.surveyQuestions)
      .filter((q) => q.isOverall)
      .map((q) => q.id),
  );
  const overall = new Map<string, number>();
  for (const a of rows.rows(s.surveyAnswers)) if (overallIds.has(a.questionId)) overall.set(a.responseId, a.value);
  const scoreOf = new Map(rows.rows(s.evaluations).map((e) => [e.reportId, rubricTotal(e)]));

  const schools = rows
    .rows(s.schools)
    .filter((x) => x.districtId === district.id)
    .map((sc) => {
      const events = rows
        .rows(s.declaredEvents)
        .filter((e) => e.schoolId === sc.id && e.year === year)
        .map((e) => ({ id: e.id!, itemId: idOf.get(e.itemCode)!, eventDate: e.eventDate, title: e.title }));
      const facts = rows
        .rows(s.disclosures)
        .filter((d) => d.schoolId === sc.id && d.year === year)
        .map((d) => ({ id: d.id!, itemId: idOf.get(d.itemCode)!, periodKey: d.periodKey, disclosedOn: d.disclosedOn, rejected: rejected.has(d.id!) }));
      const results = evaluateAll(expandObligations(items, year, events, { holidays }), facts, asOf);
      const t = tally(results);
      const reports = rows.rows(s.quarterlyReports).filter((r) => r.schoolId === sc.id && r.year === year);
      const byGroup: Partial<Record<SurveyGroup, SatisfactionAggregate>> = {};
      for (const sv of surveys) {
        const responses = rows.rows(s.surveyResponses).filter((r) => r.surveyId === sv.id && r.schoolId === sc.id);
        byGroup[sv.group] = aggregateResponses(responses.map((r) => ({ overall: overall.get(r.id!)! })));
      }
      const satisfaction = schoolSatisfaction(byGroup, { minResponses: DEFAULT_SETTINGS.minResponses }).combined;
      const findings = rows
        .rows(s.findings)
        .filter((f) => f.schoolId === sc.id)
        .map((f) => ({ severity: f.severity, resolved: f.status === 'closed', raisedOn: localDateOf(f.raisedAt!) }));
      const reasons = eligibilityReasons({
        year,
        reports: reports.map((r) => ({ quarter: r.quarter as Quarter, state: r.state ?? 'draft' })),
        items,
        results,
        findings,
        satisfaction,
      });
      return {
        code: sc.code,
        type: sc.type,
        items,
        results,
        coverage: coverage(t),
        timeliness: timeliness(t),
        score: yearScore(reports.map((r) => scoreOf.get(r.id!) ?? null)),
        satisfaction,
        reasons,
      };
    });
  const { rows: ranking } = rankSchools(
    schools.map((x) => ({ schoolId: x.code, schoolType: x.type, coverage: x.coverage, timeliness: x.timeliness, score: x.score, satisfaction: x.satisfaction, reasons: x.reasons })),
    DEFAULT_SETTINGS,
  );
  return { schools, ranking };
}
