// Who gets what on a given day (issue 16, DESIGN §8 "coordinators see what is due and overdue;
// evaluators see overdue reports"): pure functions from plain facts to planned messages.
import { shownText } from '@/core/domain/rounding';
import { addDays, diffDays } from '@/core/domain/dates';
import type { LocalDate } from '@/core/domain/types';
import { isFirstRunDayOfWeek, previousRunDay, weekStart } from './calendar';
import type { DistrictFacts, FindingFact, ObligationFact, PlannedLine, PlannedMessage, Recipient, ReminderSettings, ReportFact, SchoolFacts } from './types';

/** A message lists at most this many lines; the rest is summed up in one line. */
export const MAX_LINES = 30;

const itemLabel = (o: Pick<ObligationFact, 'itemCode' | 'itemName'>) => `${o.itemCode} ${o.itemName}`;

export const disclosureHref = (o: Pick<ObligationFact, 'itemCode' | 'periodKey'>) => `/school/disclosures/new?item=${encodeURIComponent(o.itemCode)}&period=${encodeURIComponent(o.periodKey)}`;
const reportHref = (r: Pick<ReportFact, 'year' | 'quarter'>) => `/school/report?q=${r.year}-Q${r.quarter}`;

function obligationLine(key: string, o: ObligationFact, day: LocalDate): PlannedLine {
  const values: Record<string, string | number> = { item: itemLabel(o), periodKey: o.periodKey, due: o.deadline, days: diffDays(day, o.deadline) };
  if (o.eventTitle) values.eventTitle = o.eventTitle;
  if (o.eventDate) values.eventDate = o.eventDate;
  return { key, values, href: disclosureHref(o) };
}

const byDeadline = (a: ObligationFact, b: ObligationFact) =>
  a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.itemCode.localeCompare(b.itemCode) || a.periodKey.localeCompare(b.periodKey);

/** Unmet obligations whose deadline has passed (§3), oldest first. */
export function overdueObligations(school: SchoolFacts, day: LocalDate): ObligationFact[] {
  return school.obligations.filter((o) => !o.met && o.deadline < day).sort(byDeadline);
}

/** Reports not submitted by their due date (§3): state none or draft, due before `day`. */
export function overdueReports(school: SchoolFacts, day: LocalDate): ReportFact[] {
  return school.reports.filter((r) => (r.state === 'none' || r.state === 'draft') && r.dueOn < day);
}

export function overdueFindings(school: SchoolFacts, day: LocalDate): FindingFact[] {
  return school.findings.filter((f) => f.status === 'open' && f.dueOn < day);
}

function capped(lines: PlannedLine[]): PlannedLine[] {
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), { key: 'more', values: { count: lines.length - (MAX_LINES - 1) }, href: null }];
}

/** The lines of a coordinator's daily digest for their school (empty: nothing to say). */
export function coordinatorDigestLines(school: SchoolFacts, day: LocalDate, settings: ReminderSettings, holidays: ReadonlySet<LocalDate>): PlannedLine[] {
  const lines: PlannedLine[] = [];
  const soonEnd = addDays(day, settings.dueSoonDays);
  const open = school.obligations.filter((o) => !o.met).sort(byDeadline);
  for (const o of open) if (o.deadline < day) lines.push(obligationLine('obligationOverdue', o, day));
  for (const o of open) if (o.deadline === day) lines.push(obligationLine('obligationDueToday', o, day));
  for (const o of open) if (o.deadline > day && o.deadline <= soonEnd) lines.push(obligationLine('obligationDueSoon', o, day));

  // The report opening: told on the first run day on or after the day it opens.
  const prev = previousRunDay(day, settings, holidays);
  for (const r of school.reports) {
    const values = { year: r.year, quarter: r.quarter, due: r.dueOn, opens: r.opensOn, days: diffDays(day, r.dueOn) };
    const unsent = r.state === 'none' || r.state === 'draft';
    if (r.state === 'returned') lines.push({ key: 'reportReturnedPending', values, href: reportHref(r) });
    else if (unsent && r.dueOn < day) lines.push({ key: 'reportOverdue', values, href: reportHref(r) });
    else if (unsent && r.dueOn === day) lines.push({ key: 'reportDueToday', values, href: reportHref(r) });
    else if (unsent && r.opensOn <= day && r.dueOn <= soonEnd) lines.push({ key: 'reportDueSoon', values, href: reportHref(r) });
    else if (unsent && r.opensOn <= day && (prev === null || r.opensOn > prev)) lines.push({ key: 'reportOpens', values, href: reportHref(r) });
  }

  const findingSoonEnd = addDays(day, settings.findingDueSoonDays);
  for (const f of [...school.findings].sort((a, b) => a.dueOn.localeCompare(b.dueOn))) {
    if (f.status !== 'open') continue;
    const values = { title: f.title, due: f.dueOn, days: diffDays(day, f.dueOn) };
    if (f.dueOn < day) lines.push({ key: 'findingOverdue', values, href: '/school/findings' });
    else if (f.dueOn <= findingSoonEnd) lines.push({ key: 'findingDueSoon', values, href: '/school/findings' });
  }
  return capped(lines);
}

function inZones(r: Recipient, s: SchoolFacts): boolean {
  return r.zoneIds === null || (s.zoneId !== null && r.zoneIds.includes(s.zoneId));
}

/** The lines of an evaluator's daily digest over the schools of their scope. */
export function evaluatorDigestLines(r: Recipient, facts: DistrictFacts, settings: ReminderSettings): PlannedLine[] {
  const day = facts.day;
  const schools = facts.schools.filter((s) => inZones(r, s)).sort((a, b) => a.code.localeCompare(b.code));
  const lines: PlannedLine[] = [];
  const waitLimit = addDays(day, -settings.reviewWaitDays);
  for (const s of schools) {
    for (const rep of s.reports) {
      if (rep.state === 'submitted' && rep.reportId && rep.lastSubmittedOn && rep.lastSubmittedOn < waitLimit) {
        lines.push({
          key: 'reviewWaiting',
          values: { school: `${s.code} ${s.name}`, year: rep.year, quarter: rep.quarter, days: diffDays(rep.lastSubmittedOn, day) },
          href: `/review/reports/${rep.reportId}`,
        });
      }
    }
  }
  // Schools overdue: one summary per quarter, not one message per school.
  const overdue = new Map<string, { year: number; quarter: number; codes: string[]; ids: string[] }>();
  for (const s of schools) {
    for (const rep of overdueReports(s, day)) {
      const k = `${rep.year}-${rep.quarter}`;
      const e = overdue.get(k) ?? { year: rep.year, quarter: rep.quarter, codes: [], ids: [] };
      e.codes.push(s.code);
      e.ids.push(s.schoolId);
      overdue.set(k, e);
    }
  }
  for (const e of [...overdue.values()].sort((a, b) => a.year - b.year || a.quarter - b.quarter)) {
    lines.push({
      key: 'schoolsOverdue',
      values: { year: e.year, quarter: e.quarter, count: e.codes.length, schools: e.codes.join('、'), schoolIds: e.ids.join(',') },
      href: `/review/quarters?year=${e.year}&quarter=${e.quarter}&state=overdue`,
    });
  }
  const responded = schools.reduce((n, s) => n + s.findings.filter((f) => f.status === 'responded').length, 0);
  if (responded > 0) lines.push({ key: 'responsesToRead', values: { count: responded }, href: '/review/findings?status=responded' });
  if (facts.openObjections > 0 && facts.noticeYear !== null)
    lines.push({ key: 'objectionsToAnswer', values: { count: facts.openObjections, year: facts.noticeYear }, href: `/review/ranking?year=${facts.noticeYear}` });
  return capped(lines);
}

function weeklyLines(facts: DistrictFacts): PlannedLine[] {
  const w = facts.weekly;
  if (!w) return [];
  const pct = (v: number | null) => (v === null ? '—' : `${shownText(v)}%`); // §4: as on the screens
  return [
    { key: 'weeklyFigures', values: { year: w.year, quarter: w.quarter, coverage: pct(w.coverage), timeliness: pct(w.timeliness) }, href: `/overview` },
    { key: 'weeklyReports', values: { expected: w.reportsExpected, submitted: w.reportsSubmitted }, href: `/review` },
    {
      key: 'weeklyChanges',
      values: { disclosures: w.disclosuresRecorded, submitted: w.reportsSubmittedWeek, approved: w.reportsApprovedWeek, raised: w.findingsRaisedWeek, closed: w.findingsClosedWeek },
      href: null,
    },
  ];
}

/**
 * Every scheduled message of a district on `day`: each coordinator's digest, each evaluator's
 * digest, and — on the first run day of the week, when enabled — each leader's weekly digest.
 * Call it only on a run day (dailyRunDue); recipients with nothing to hear about get nothing.
 */
export function planDay(facts: DistrictFacts, recipients: readonly Recipient[], settings: ReminderSettings, holidays: ReadonlySet<LocalDate>): PlannedMessage[] {
  const day = facts.day;
  const bySchool = new Map(facts.schools.map((s) => [s.schoolId, s]));
  const out: PlannedMessage[] = [];
  for (const r of recipients) {
    if (r.role === 'coordinator') {
      const school = r.schoolId ? bySchool.get(r.schoolId) : undefined;
      if (!school) continue;
      const lines = coordinatorDigestLines(school, day, settings, holidays);
      if (lines.length === 0) continue;
      out.push({
        recipientId: r.userId,
        kind: 'coordinatorDigest',
        day,
        dedupeKey: `coordinatorDigest:${r.userId}:${day}`,
        schoolId: school.schoolId,
        titleKey: 'coordinatorDigest',
        titleValues: { school: school.name, day, count: lines.length },
        lines,
        href: '/school',
      });
    } else if (r.role === 'evaluator') {
      const lines = evaluatorDigestLines(r, facts, settings);
      if (lines.length === 0) continue;
      out.push({
        recipientId: r.userId,
        kind: 'evaluatorDigest',
        day,
        dedupeKey: `evaluatorDigest:${r.userId}:${day}`,
        schoolId: null,
        titleKey: 'evaluatorDigest',
        titleValues: { day, count: lines.length },
        lines,
        href: '/review',
      });
    } else if (r.role === 'leader' && settings.leaderWeekly && isFirstRunDayOfWeek(day, settings, holidays)) {
      const lines = weeklyLines(facts);
      if (lines.length === 0) continue;
      const week = weekStart(day);
      out.push({
        recipientId: r.userId,
        kind: 'leaderWeekly',
        day,
        dedupeKey: `leaderWeekly:${r.userId}:${week}`,
        schoolId: null,
        titleKey: 'leaderWeekly',
        titleValues: { week },
        lines,
        href: '/overview',
      });
    }
  }
  return out;
}
