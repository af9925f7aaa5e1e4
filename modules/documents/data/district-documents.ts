// The district's quarterly 通报 and annual report (issue 17) for leaders and evaluators. The figures
// come from the same year facts, KPI functions and ranking view as the leader dashboard and the
// ranking page (modules/dashboard/data/dashboard.ts, modules/ranking/data/view.ts) and the survey
// results page (modules/surveys/data/results.ts); this file only selects and arranges them. A district
// document covers the whole district, so an evaluator limited to zones may not read or edit it.
import { and, asc, eq, gte, isNotNull, ne, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { declaredEvents, findings, schools } from '@/db/schema';
import { inDistrict, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { localDateOf } from '@/core/domain/dates';
import { nextQuarter, QUARTERS, quarterEnd, quarterStart, reportDueDate } from '@/core/domain/periods';
import { SURVEY_GROUPS, type LocalDate, type Quarter } from '@/core/domain/types';
import type { DistrictScope, Scope } from '@/core/scope';
import { toDomainItem, versionForQuarter } from '@/modules/checklist/data/versions';
import { cachedYearFacts, kpisOf, reportKpis, satisfactionOf } from '@/modules/dashboard/data/dashboard';
import { changeStamp } from '@/modules/dashboard/data/school-table-cache';
import { rollUp, tally } from '@/modules/obligations/domain/metrics';
import { expandObligations, obligationsForQuarter } from '@/modules/obligations/domain/obligations';
import { loadSettings } from '@/modules/org/data/settings';
import { requireWholeDistrict } from '@/modules/ranking/data/guard';
import { loadRankingView } from '@/modules/ranking/data/view';
import { reportFigures } from '@/modules/reports/domain/reports';
import { surveyResults } from '@/modules/surveys/data/results';
import { buildDistrictAnnual } from '@/modules/documents/domain/district-annual';
import { buildDistrictQuarterly } from '@/modules/documents/domain/district-quarterly';
import type { DistrictAnnualFigures, DistrictQuarterFigures, KpiFigures, NamedSchool, SchoolRef, VetoLine } from '@/modules/documents/domain/figures';
import { REASON_WORDS, SCHOOL_TYPE_WORDS } from '@/modules/documents/domain/format';
import type { DocumentModel } from '@/modules/documents/domain/model';
import type { DocumentKind, NarrativeTexts } from '@/modules/documents/domain/narrative';
import { districtOf, shortfallsOf } from './school-summary';
import { documentYears } from './school-documents';
import { readTexts, writeTexts, type SaveTextsResult, type TextsKey } from './texts';
import type { SchoolYearFacts, YearFacts } from '@/modules/ranking/domain/composition';

const READERS = ['evaluator', 'leader'] as const;

export interface DistrictDocument<F> {
  year: number;
  quarter: Quarter | null;
  years: number[];
  figures: F;
  texts: NarrativeTexts;
  version: number;
  updatedAt: Date | null;
  /** Whole-district evaluators edit the texts (文号 etc.); leaders read (DESIGN §1: read-only). */
  canEdit: boolean;
  doc: DocumentModel;
}

const keyOf = (kind: Exclude<DocumentKind, 'schoolSummary'>, year: number, quarter: Quarter | null): TextsKey => ({ kind, schoolId: null, year, quarter: quarter ?? 0 });

const ref = (s: SchoolYearFacts): SchoolRef => ({ code: s.school.code, name: s.school.name, zone: s.zone });

function reportFacts(s: SchoolYearFacts) {
  return s.reports.map((r) => ({ quarter: r.quarter, state: r.state, submittedAt: r.submittedAt }));
}

/** The KPIs of some schools over some quarters: the dashboard's roll-up and report functions. */
function kpisOfSchools(f: YearFacts, list: readonly SchoolYearFacts[], quarters: readonly Quarter[], reportQuarters: readonly Quarter[]): KpiFigures {
  const figures = rollUp(list.flatMap((s) => quarters.map((q) => tally(s.quarters[q]))));
  return { coverage: figures.coverage, timeliness: figures.timeliness, ...reportKpis(f, list, reportQuarters) };
}

function zoneGroups(f: YearFacts): { name: string; members: SchoolYearFacts[] }[] {
  const out = f.zones.map((z) => ({ name: z.name, members: f.schools.filter((s) => s.school.zoneId === z.id) }));
  const none = f.schools.filter((s) => !s.school.zoneId);
  if (none.length) out.push({ name: '未分片区', members: none });
  return out.filter((z) => z.members.length > 0);
}

async function eventTitlesOfDistrict(tx: Tx, districtId: string, year: number): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: declaredEvents.id, title: declaredEvents.title })
    .from(declaredEvents)
    .where(and(eq(declaredEvents.districtId, districtId), eq(declaredEvents.year, year)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

async function openVetoes(tx: Tx, districtId: string, year: number | null): Promise<VetoLine[]> {
  const rows = await tx
    .select({ school: schools.name, title: findings.title, raisedAt: findings.raisedAt, dueOn: findings.dueOn, status: findings.status })
    .from(findings)
    .innerJoin(schools, eq(schools.id, findings.schoolId))
    .where(and(eq(findings.districtId, districtId), eq(findings.severity, 'veto'), ne(findings.status, 'closed'), year === null ? undefined : eq(findings.year, year)))
    .orderBy(asc(findings.raisedAt));
  return rows.map((r) => ({ school: r.school, title: r.title, raisedOn: localDateOf(r.raisedAt), dueOn: r.dueOn, status: r.status }));
}

/** Findings raised and closed within [from, to], and those open now (every year). */
async function findingMovement(tx: Tx, districtId: string, from: LocalDate, to: LocalDate) {
  const rows = await tx
    .select({ raisedAt: findings.raisedAt, closedAt: findings.closedAt, status: findings.status })
    .from(findings)
    .where(
      and(
        eq(findings.districtId, districtId),
        or(ne(findings.status, 'closed'), and(isNotNull(findings.closedAt), gte(findings.closedAt, new Date(`${from}T00:00:00+08:00`))), gte(findings.raisedAt, new Date(`${from}T00:00:00+08:00`))),
      ),
    );
  const inRange = (d: Date | null) => d !== null && localDateOf(d) >= from && localDateOf(d) <= to;
  return {
    opened: rows.filter((r) => inRange(r.raisedAt)).length,
    closed: rows.filter((r) => r.status === 'closed' && inRange(r.closedAt)).length,
    open: rows.filter((r) => r.status !== 'closed').length,
  };
}

async function nextQuarterDeadlines(tx: Tx, districtId: string, year: number, quarter: Quarter): Promise<DistrictQuarterFigures['next']> {
  const nq = nextQuarter({ year, quarter });
  const settings = await loadSettings(tx, districtId, nq.year);
  const version = await versionForQuarter(tx, districtId, nq.year, nq.quarter);
  const reportDue = reportDueDate(nq, settings.reportDueDays);
  if (!version) return { year: nq.year, quarter: nq.quarter, reportDue, hasChecklist: false, deadlines: [] };
  const items = version.items.map(toDomainItem).filter((i) => i.frequency !== 'event');
  const names = new Map(items.map((i) => [i.code, i.name]));
  // §3: the calendar obligations of the quarter, with the one deadline every screen shows.
  const obligations = obligationsForQuarter(expandObligations(items, nq.year, [], { holidays: settings.holidays }), nq.year, nq.quarter);
  return {
    year: nq.year,
    quarter: nq.quarter,
    reportDue,
    hasChecklist: true,
    deadlines: obligations.map((o) => ({ deadline: o.deadline, itemCode: o.itemCode, itemName: names.get(o.itemCode) ?? o.itemCode, periodKey: o.periodKey })),
  };
}

async function quarterFigures(tx: Tx, s: DistrictScope, year: number, quarter: Quarter, day: LocalDate): Promise<DistrictQuarterFigures & { issuingBody: string }> {
  const stamp = await changeStamp(tx, s.districtId);
  const f = await cachedYearFacts(tx, s.districtId, year, day, stamp);
  const [district, titles, movement, vetoOpen, next] = await Promise.all([
    districtOf(tx, s.districtId),
    eventTitlesOfDistrict(tx, s.districtId, year),
    findingMovement(tx, s.districtId, quarterStart({ year, quarter }), quarterEnd({ year, quarter })),
    openVetoes(tx, s.districtId, null),
    nextQuarterDeadlines(tx, s.districtId, year, quarter),
  ]);
  const q = [quarter];
  const totals = rollUp(f.schools.map((x) => tally(x.quarters[quarter])));
  const names = new Map(f.items.map((i) => [i.code, i.name]));
  let submitted = 0;
  let onTime = 0;
  let approved = 0;
  const notSubmitted: SchoolRef[] = [];
  const exemplary: SchoolRef[] = [];
  const named: NamedSchool[] = [];
  for (const x of f.schools) {
    const r = reportFigures(reportFacts(x), year, f.settings.reportDueDays, q);
    submitted += r.submitted;
    onTime += r.onTime;
    approved += r.approved;
    if (r.submitted === 0) notSubmitted.push(ref(x));
    const results = x.quarters[quarter];
    const shortfalls = shortfallsOf(results, names, titles);
    const missing = shortfalls.filter((sf) => sf.status === 'missing' || sf.status === 'rejected');
    const late = shortfalls.filter((sf) => sf.status === 'late' || sf.status === 'afterEvent');
    if (missing.length || late.length) named.push({ ...ref(x), missing, late });
    // Praised: every obligation of the quarter that fell due was met on time (at least one), and
    // the report was submitted on time.
    const due = results.filter((res) => res.status !== 'notYetDue');
    if (due.length > 0 && due.every((res) => res.onTime) && r.onTime === 1) exemplary.push(ref(x));
  }
  const started = QUARTERS.filter((x) => x <= quarter && quarterStart({ year, quarter: x }) <= day);
  return {
    districtName: district.name,
    issuingBody: district.issuingBody,
    year,
    quarter,
    asOf: day,
    quarterEnded: day > quarterEnd({ year, quarter }),
    hasChecklist: f.items.length > 0,
    schools: f.schools.length,
    district: { ...kpisOf(f, q, q), obligations: totals.tally.obligations, met: totals.tally.met, onTime: totals.tally.onTime },
    zones: zoneGroups(f).map((z) => ({ name: z.name, schools: z.members.length, ...kpisOfSchools(f, z.members, q, q) })),
    trend: started.map((x) => ({ quarter: x, ...kpisOf(f, [x], [x]) })),
    reports: { expected: f.schools.length, submitted, onTime, approved, due: reportDueDate({ year, quarter }, f.settings.reportDueDays), notSubmitted },
    findings: movement,
    vetoOpen,
    exemplary,
    named,
    next,
  };
}

async function annualFigures(tx: Tx, s: DistrictScope, year: number, day: LocalDate, surveys: DistrictAnnualFigures['surveys']): Promise<DistrictAnnualFigures & { issuingBody: string }> {
  const stamp = await changeStamp(tx, s.districtId);
  const years = await documentYears(tx, s.districtId);
  const f = await cachedYearFacts(tx, s.districtId, year, day, stamp);
  const prev = years.includes(year - 1) ? await cachedYearFacts(tx, s.districtId, year - 1, day, stamp) : null;
  const [district, view, yearFindings, vetoOpen] = await Promise.all([
    districtOf(tx, s.districtId),
    loadRankingView(tx, s.districtId, year, { facts: f }),
    tx
      .select({ severity: findings.severity, status: findings.status })
      .from(findings)
      .where(and(eq(findings.districtId, s.districtId), eq(findings.year, year))),
    openVetoes(tx, s.districtId, year),
  ]);
  // §4 as on the dashboard: reports expected are those already due.
  const due = QUARTERS.filter((q) => reportDueDate({ year, quarter: q }, f.settings.reportDueDays) < day);
  const totals = rollUp(f.schools.flatMap((x) => QUARTERS.map((q) => tally(x.quarters[q]))));
  const satisfaction = f.schools.map((x) => x.satisfaction.combined);
  // Like-for-like: only the item codes both years' checklists have (the changed ones apart).
  const codes = new Set(f.items.map((i) => i.code));
  const prevCodes = new Set((prev?.items ?? []).map((i) => i.code));
  const shared = new Set([...codes].filter((c) => prevCodes.has(c)));
  const sharedFigures = (facts: YearFacts) => rollUp(facts.schools.flatMap((x) => QUARTERS.map((q) => tally(x.quarters[q].filter((r) => shared.has(r.obligation.itemCode))))));
  const cur = sharedFigures(f);
  const old = prev ? sharedFigures(prev) : null;
  const rows = view.ranking.rows;
  return {
    districtName: district.name,
    issuingBody: district.issuingBody,
    year,
    asOf: day,
    yearEnded: day > `${year}-12-31`,
    hasChecklist: f.items.length > 0,
    schools: f.schools.length,
    kpis: {
      ...kpisOf(f, QUARTERS, due),
      obligations: totals.tally.obligations,
      met: totals.tally.met,
      onTime: totals.tally.onTime,
      satisfaction: satisfactionOf(f, f.schools),
      satisfactionSchools: satisfaction.filter((x) => x !== null).length,
    },
    zones: zoneGroups(f).map((z) => ({
      name: z.name,
      schools: z.members.length,
      ...kpisOfSchools(f, z.members, QUARTERS, due),
      satisfaction: satisfactionOf(f, z.members),
    })),
    comparison: {
      previousYear: year - 1,
      available: !!prev && prev.items.length > 0 && shared.size > 0,
      shared: shared.size,
      current: { coverage: cur.coverage, timeliness: cur.timeliness, obligations: cur.tally.obligations },
      previous: { coverage: old?.coverage ?? null, timeliness: old?.timeliness ?? null, obligations: old?.tally.obligations ?? 0 },
      added: f.items.filter((i) => !prevCodes.has(i.code)).map((i) => ({ code: i.code, name: i.name })),
      removed: (prev?.items ?? []).filter((i) => !codes.has(i.code)).map((i) => ({ code: i.code, name: i.name })),
    },
    surveys,
    ranking: rows.length
      ? {
          state: view.state,
          source: view.source,
          noticeStartsOn: view.snapshot?.noticeStartsOn ?? null,
          noticeEndsOn: view.snapshot?.noticeEndsOn ?? null,
          groups: view.ranking.groups.map((g) => ({
            type: SCHOOL_TYPE_WORDS[g.schoolType],
            schools: g.schools,
            eligible: g.eligible,
            quota: g.quota,
            awarded: rows
              .filter((r) => r.type === g.schoolType && r.inQuota)
              .map((r) => ({ code: r.code, name: r.name, zone: r.zone, type: SCHOOL_TYPE_WORDS[r.type], rank: r.rank, composite: r.composite })),
          })),
        }
      : null,
    findings: {
      total: yearFindings.length,
      minor: yearFindings.filter((x) => x.severity === 'minor').length,
      serious: yearFindings.filter((x) => x.severity === 'serious').length,
      veto: yearFindings.filter((x) => x.severity === 'veto').length,
      closed: yearFindings.filter((x) => x.status === 'closed').length,
      open: yearFindings.filter((x) => x.status !== 'closed').length,
    },
    vetoOpen,
    ineligible: rows.filter((r) => !r.eligible).map((r) => ({ code: r.code, name: r.name, zone: r.zone, type: SCHOOL_TYPE_WORDS[r.type], reasons: r.reasons.map((k) => REASON_WORDS[k]) })),
  };
}

function guard(s: DistrictScope): void {
  // A 通报 states district-wide figures: readable only by those who see the whole district.
  requireWholeDistrict(s);
}

/** Leaders and whole-district evaluators: the quarterly 通报 of a quarter (with its texts). */
export async function quarterlyDocument(scope: Scope, year: number, quarter: Quarter): Promise<DistrictDocument<DistrictQuarterFigures>> {
  return inDistrict(scope, READERS, async (tx, s) => {
    guard(s);
    const years = await documentYears(tx, s.districtId);
    const day = today();
    if (!years.includes(year) || quarterStart({ year, quarter }) > day) notFound();
    const figures = await quarterFigures(tx, s, year, quarter, day);
    const stored = await readTexts(tx, s.districtId, keyOf('districtQuarterly', year, quarter));
    return { year, quarter, years, figures, ...stored, canEdit: s.role === 'evaluator', doc: buildDistrictQuarterly(figures, stored.texts) };
  });
}

/** The district's survey roll-up as the survey results page computes it (its own transaction). */
async function districtSurveys(scope: Scope, year: number): Promise<DistrictAnnualFigures['surveys']> {
  const r = await surveyResults(scope, year);
  const groups = SURVEY_GROUPS.flatMap((g) => {
    const x = r.district.groups[g];
    return x ? [{ group: g, responses: x.figures.responses, rate: x.figures.satisfactionRate, valid: x.figures.valid, schools: x.included, hidden: x.hidden }] : [];
  });
  return groups.length ? { groups, combined: r.district.combined } : null;
}

/** Leaders and whole-district evaluators: the annual report of a year (with its texts). */
export async function annualDocument(scope: Scope, year: number): Promise<DistrictDocument<DistrictAnnualFigures>> {
  // Checked first so that a refused caller never reaches the survey figures.
  await inDistrict(scope, READERS, async (tx, s) => {
    guard(s);
    if (!(await documentYears(tx, s.districtId)).includes(year)) notFound();
  });
  const surveys = await districtSurveys(scope, year);
  return inDistrict(scope, READERS, async (tx, s) => {
    guard(s);
    const years = await documentYears(tx, s.districtId);
    const figures = await annualFigures(tx, s, year, today(), surveys);
    const stored = await readTexts(tx, s.districtId, keyOf('districtAnnual', year, null));
    return { year, quarter: null, years, figures, ...stored, canEdit: s.role === 'evaluator', doc: buildDistrictAnnual(figures, stored.texts) };
  });
}

/** Whole-district evaluators: save the texts (文号, office, date, paragraphs) of a district document. */
export async function saveDistrictTexts(
  scope: Scope,
  args: { kind: 'districtQuarterly' | 'districtAnnual'; year: number; quarter: Quarter | null; version: number; texts: NarrativeTexts },
): Promise<SaveTextsResult> {
  return inDistrict(scope, ['evaluator'], async (tx, s) => {
    guard(s);
    const years = await documentYears(tx, s.districtId);
    if (!years.includes(args.year)) notFound();
    if (args.kind === 'districtQuarterly' && (args.quarter === null || quarterStart({ year: args.year, quarter: args.quarter }) > today())) notFound();
    return writeTexts(tx, s, keyOf(args.kind, args.year, args.kind === 'districtQuarterly' ? args.quarter : null), args.version, args.texts);
  });
}
