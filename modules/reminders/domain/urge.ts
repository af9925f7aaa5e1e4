// 催办 (issue 16): an evaluator asks a school to act; the reminder lists exactly the school's
// overdue items — obligations past their deadline, the quarterly report past its due date, open
// findings past theirs. At most one per school and day (the data layer claims it).
import { disclosureHref, overdueFindings, overdueObligations, overdueReports } from './digests';
import type { LocalDate } from '@/core/domain/types';
import type { PlannedLine, PlannedMessage, Recipient, SchoolFacts } from './types';

export interface UrgeItem {
  itemCode: string;
  itemName: string;
  periodKey: string;
  deadline: string;
}

/** The overdue lines of a school (empty: nothing to urge). */
export function urgeLines(school: SchoolFacts, day: LocalDate): PlannedLine[] {
  const lines: PlannedLine[] = [];
  for (const o of overdueObligations(school, day)) {
    const values: Record<string, string | number> = { item: `${o.itemCode} ${o.itemName}`, periodKey: o.periodKey, due: o.deadline };
    if (o.eventTitle) values.eventTitle = o.eventTitle;
    if (o.eventDate) values.eventDate = o.eventDate;
    lines.push({ key: 'obligationOverdue', values, href: disclosureHref(o) });
  }
  for (const r of overdueReports(school, day)) lines.push({ key: 'reportOverdue', values: { year: r.year, quarter: r.quarter, due: r.dueOn }, href: `/school/report?q=${r.year}-Q${r.quarter}` });
  for (const f of overdueFindings(school, day)) lines.push({ key: 'findingOverdue', values: { title: f.title, due: f.dueOn }, href: '/school/findings' });
  return lines;
}

/** What the 催办 record keeps: the overdue obligations, reports and findings by name. */
export function urgeItems(school: SchoolFacts, day: LocalDate): UrgeItem[] {
  return [
    ...overdueObligations(school, day).map((o) => ({ itemCode: o.itemCode, itemName: o.itemName, periodKey: o.periodKey, deadline: o.deadline })),
    ...overdueReports(school, day).map((r) => ({ itemCode: 'report', itemName: `${r.year}-Q${r.quarter}`, periodKey: `${r.year}-Q${r.quarter}`, deadline: r.dueOn })),
    ...overdueFindings(school, day).map((f) => ({ itemCode: 'finding', itemName: f.title, periodKey: '', deadline: f.dueOn })),
  ];
}

export function planUrge(school: SchoolFacts, day: LocalDate, recipients: readonly Recipient[], sender: string): PlannedMessage[] {
  const lines = urgeLines(school, day);
  if (lines.length === 0) return [];
  return recipients
    .filter((r) => r.role === 'coordinator' && r.schoolId === school.schoolId)
    .map((r) => ({
      recipientId: r.userId,
      kind: 'urge' as const,
      day,
      dedupeKey: `urge:${school.schoolId}:${day}:${r.userId}`,
      schoolId: school.schoolId,
      titleKey: 'urge',
      titleValues: { school: school.name, sender, count: lines.length },
      lines,
      href: '/school',
    }));
}
