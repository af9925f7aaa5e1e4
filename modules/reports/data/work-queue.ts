// The evaluator's home (/review, issue 14): their work queue across quarters — reports waiting for
// review, rejected disclosures the school has changed (已修改待复核), rectification responses to
// read, overdue reports and findings, returned reports and findings waiting for a school — each
// with the day it began waiting, oldest first. Leaders read the same queue. Zone evaluators see
// their zones. A fixed number of queries for any number of schools.
import { and, eq, gte, inArray, isNotNull, isNull, lte, max, ne } from 'drizzle-orm';
import { auditLog, declaredEvents, disclosureRejections, disclosures, findings, quarterlyReports, rectifications, reportTransitions, schools, zones } from '@/db/schema';
import { findingWork, groupWork, reportWork, waitedDays, type WorkKind } from '@/modules/reports/domain/work-queue';
import { localDateOf } from '@/core/domain/dates';
import { compareQuarters, previousQuarter, reportDueDate } from '@/core/domain/periods';
import type { FindingSeverity, LocalDate, Quarter, QuarterRef } from '@/core/domain/types';
import { inDistrict, thisQuarter, today } from '@/core/context';
import { schoolScopeFilter } from '@/modules/org/data/schools';
import { loadSettings } from '@/modules/org/data/settings';
import { versionForQuarter } from '@/modules/checklist/data/versions';
import type { Scope } from '@/core/scope';

export interface WorkItem {
  kind: WorkKind;
  since: LocalDate;
  /** Days waited; for overdue items, days past the due date. */
  days: number;
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  zone: string | null;
  sortKey: string;
  /** Where the evaluator acts on it. */
  href: string;
  report?: { id: string | null; year: number; quarter: Quarter; dueOn: LocalDate };
  finding?: { id: string; title: string; severity: FindingSeverity; dueOn: LocalDate };
  disclosure?: { id: string; itemCode: string; itemName: string; periodKey: string; disclosedOn: LocalDate; reason: string; eventTitle: string | null; eventDate: LocalDate | null };
}

/** The quarters the queue spans: from the first quarter of last year up to the current one. */
export function workQuarters(current: QuarterRef): QuarterRef[] {
  const out: QuarterRef[] = [];
  for (let q: QuarterRef = current; q.year >= current.year - 1; q = previousQuarter(q)) out.unshift(q);
  return out;
}

export async function evaluatorWork(scope: Scope) {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
    const day = today();
    const quarters = workQuarters(thisQuarter());
    const first = quarters[0]!;
    const years = [...new Set(quarters.map((q) => q.year))];
    const schoolRows = await tx
      .select({ id: schools.id, code: schools.code, name: schools.name, zone: zones.name })
      .from(schools)
      .leftJoin(zones, eq(zones.id, schools.zoneId))
      .where(and(schoolScopeFilter(s), eq(schools.active, true)));
    const bySchool = new Map(schoolRows.map((x) => [x.id, x]));
    const ids = schoolRows.map((x) => x.id);
    if (ids.length === 0) return { today: day, from: first, groups: groupWork<WorkItem>([]), zones: s.zoneIds !== null };

    const [reports, settings] = await Promise.all([
      tx
        .select()
        .from(quarterlyReports)
        .where(and(eq(quarterlyReports.districtId, s.districtId), inArray(quarterlyReports.schoolId, ids), gte(quarterlyReports.year, first.year))),
      Promise.all(years.map((y) => loadSettings(tx, s.districtId, y))),
    ]);
    const dueDays = new Map(years.map((y, i) => [y, settings[i]!.reportDueDays]));
    const reportIds = reports.map((r) => r.id);
    const returns = reportIds.length
      ? await tx
          .select({ reportId: reportTransitions.reportId, at: max(reportTransitions.at) })
          .from(reportTransitions)
          .where(and(eq(reportTransitions.districtId, s.districtId), inArray(reportTransitions.reportId, reportIds), eq(reportTransitions.toState, 'returned')))
          .groupBy(reportTransitions.reportId)
      : [];
    const returnedAt = new Map(returns.map((r) => [r.reportId, r.at]));
    const reportOf = new Map(reports.map((r) => [`${r.schoolId}:${r.year}:${r.quarter}`, r]));

    const items: WorkItem[] = [];
    const school = (id: string) => {
      const x = bySchool.get(id)!;
      return { schoolId: x.id, schoolCode: x.code, schoolName: x.name, zone: x.zone };
    };
    for (const q of quarters) {
      const dueOn = reportDueDate(q, dueDays.get(q.year));
      for (const id of ids) {
        const r = reportOf.get(`${id}:${q.year}:${q.quarter}`);
        const w = reportWork({ state: r?.state ?? 'none', lastSubmittedAt: r?.lastSubmittedAt ?? r?.submittedAt ?? null, returnedAt: r ? (returnedAt.get(r.id) ?? null) : null, dueOn }, day);
        if (!w) continue;
        items.push({
          ...w,
          ...school(id),
          days: waitedDays(w.since, day),
          sortKey: `${q.year}-${q.quarter}`,
          href: r ? `/review/reports/${r.id}` : `/review/schools/${id}`,
          report: { id: r?.id ?? null, year: q.year, quarter: q.quarter as Quarter, dueOn },
        });
      }
    }

    // Findings of any year that are not closed.
    const open = await tx
      .select({ f: findings })
      .from(findings)
      .where(and(eq(findings.districtId, s.districtId), inArray(findings.schoolId, ids), ne(findings.status, 'closed')));
    const findingIds = open.map((o) => o.f.id);
    const [responses, reopenings] = findingIds.length
      ? await Promise.all([
          tx
            .select({ findingId: rectifications.findingId, at: max(rectifications.submittedAt), verdictAt: max(rectifications.verdictAt) })
            .from(rectifications)
            .where(and(eq(rectifications.districtId, s.districtId), inArray(rectifications.findingId, findingIds)))
            .groupBy(rectifications.findingId),
          tx
            .select({ id: auditLog.entityId, at: max(auditLog.at) })
            .from(auditLog)
            .where(and(eq(auditLog.districtId, s.districtId), eq(auditLog.entity, 'finding'), eq(auditLog.action, 'reopen'), inArray(auditLog.entityId, findingIds)))
            .groupBy(auditLog.entityId),
        ])
      : [[], []];
    const responded = new Map(responses.map((r) => [r.findingId, r]));
    const reopened = new Map(reopenings.map((r) => [r.id, r.at]));
    for (const { f } of open) {
      const resp = responded.get(f.id);
      const candidates = [resp?.verdictAt ?? null, reopened.get(f.id) ?? null].filter((d): d is Date => d !== null);
      const reopenedAt = candidates.length ? new Date(Math.max(...candidates.map((d) => d.getTime()))) : null;
      const w = findingWork({ status: f.status, dueOn: f.dueOn, raisedAt: f.raisedAt, respondedAt: resp?.at ?? null, reopenedAt }, day);
      if (!w) continue;
      items.push({
        ...w,
        ...school(f.schoolId),
        days: waitedDays(w.since, day),
        sortKey: f.title,
        href: `/review/findings/${f.id}`,
        finding: { id: f.id, title: f.title, severity: f.severity, dueOn: f.dueOn },
      });
    }

    // Rejected disclosures the school changed since (已修改待复核), while their report is open.
    const revised = await tx
      .select({ d: disclosures, rej: disclosureRejections, eventTitle: declaredEvents.title, eventDate: declaredEvents.eventDate })
      .from(disclosureRejections)
      .innerJoin(disclosures, and(eq(disclosures.id, disclosureRejections.disclosureId), eq(disclosures.districtId, s.districtId)))
      .leftJoin(declaredEvents, and(eq(declaredEvents.id, disclosures.eventId), eq(declaredEvents.districtId, s.districtId)))
      .where(
        and(
          eq(disclosureRejections.districtId, s.districtId),
          isNull(disclosureRejections.withdrawnAt),
          isNotNull(disclosureRejections.revisedAt),
          isNull(disclosures.deletedAt),
          inArray(disclosures.schoolId, ids),
          gte(disclosures.year, first.year),
          lte(disclosures.year, quarters[quarters.length - 1]!.year),
        ),
      );
    const names = new Map<string, Map<string, string>>();
    for (const { d, rej, eventTitle, eventDate } of revised) {
      const report = reportOf.get(`${d.schoolId}:${d.year}:${d.quarter}`);
      if (report?.state === 'approved') continue; // locked: nothing to withdraw until it is reopened
      if (compareQuarters({ year: d.year, quarter: d.quarter as Quarter }, first) < 0) continue;
      const key = `${d.year}-${d.quarter}`;
      if (!names.has(key)) {
        const v = await versionForQuarter(tx, s.districtId, d.year, d.quarter as Quarter);
        names.set(key, new Map((v?.items ?? []).map((i) => [i.code, i.name])));
      }
      const since = localDateOf(rej.revisedAt!);
      items.push({
        kind: 'revised',
        since,
        days: waitedDays(since, day),
        ...school(d.schoolId),
        sortKey: `${d.itemCode}:${d.periodKey}`,
        href: report ? `/review/reports/${report.id}#d-${d.id}` : `/review/schools/${d.schoolId}`,
        disclosure: {
          id: d.id,
          itemCode: d.itemCode,
          itemName: names.get(key)!.get(d.itemCode) ?? '',
          periodKey: d.periodKey,
          disclosedOn: d.disclosedOn,
          reason: rej.reason,
          eventTitle,
          eventDate,
        },
      });
    }
    return { today: day, from: first, groups: groupWork(items), zones: s.zoneIds !== null };
  });
}
