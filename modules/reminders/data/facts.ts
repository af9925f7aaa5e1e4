// Gathers the plain facts the reminders domain decides on (issue 16): for a district and a day,
// each school's obligations of the current quarter (and of the previous one while it is still
// open for entries, §3), its reports, open findings; open 公示 objections; the recipients with
// their zones, channel choices and language. A fixed number of queries for any number of schools.
// Internal to the feature: callers have already checked the caller's scope, or are the worker.
import { submissionOpensOn } from '@/modules/reports/domain/workflow';
import { and, count, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import {
  auditLog,
  declaredEvents,
  findings,
  quarterlyReports,
  rankingObjections,
  rankingSnapshots,
  reminderPreferences,
  reminderRobots,
  reminderSettings,
  schools,
  userZones,
  users,
} from '@/db/schema';
import { addDays, localDateOf } from '@/core/domain/dates';
import { closeDate, previousQuarter, quarterOf, reportDueDate } from '@/core/domain/periods';
import type { LocalDate, Quarter, QuarterRef } from '@/core/domain/types';
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { quarterResults } from '@/modules/obligations/data/results';
import { loadSettings } from '@/modules/org/data/settings';
import { DEFAULT_PREFERENCES, type ChannelFacts, type Preferences } from '../domain/channels';
import { DEFAULT_REMINDER_SETTINGS, type DistrictFacts, type Recipient, type ReminderSettings, type ReportFact, type SchoolFacts, type WeeklyFacts } from '../domain/types';

export interface RecipientInfo extends Recipient {
  username: string;
  displayName: string;
  locale: string | null;
  schoolZoneId: string | null;
  prefs: Preferences;
}

export async function reminderSettingsOf(tx: Tx, districtId: string): Promise<{ settings: ReminderSettings; row: typeof reminderSettings.$inferSelect | null }> {
  const [row] = await tx.select().from(reminderSettings).where(eq(reminderSettings.districtId, districtId));
  if (!row) return { settings: DEFAULT_REMINDER_SETTINGS, row: null };
  return {
    settings: {
      enabled: row.enabled,
      dailyHour: row.dailyHour,
      skipWeekends: row.skipWeekends,
      skipHolidays: row.skipHolidays,
      dueSoonDays: row.dueSoonDays,
      reviewWaitDays: row.reviewWaitDays,
      findingDueSoonDays: row.findingDueSoonDays,
      leaderWeekly: row.leaderWeekly,
    },
    row,
  };
}

export async function holidaysAround(tx: Tx, districtId: string, day: LocalDate): Promise<Set<LocalDate>> {
  const s = await loadSettings(tx, districtId, Number(day.slice(0, 4)));
  return new Set(s.holidays);
}

export async function channelFactsOf(tx: Tx, districtId: string): Promise<ChannelFacts> {
  const { row } = await reminderSettingsOf(tx, districtId);
  const robots = await tx
    .select({ id: reminderRobots.id, kind: reminderRobots.kind, name: reminderRobots.name, zoneId: reminderRobots.zoneId })
    .from(reminderRobots)
    .where(and(eq(reminderRobots.districtId, districtId), eq(reminderRobots.active, true)));
  return { smtpReady: !!(row?.smtpHost && row.smtpPort && row.smtpFrom), webhookReady: !!(row?.webhookUrl && row.webhookSecretEnc), robots };
}

/** Active coordinators, evaluators and leaders of the district (optionally only some users). */
export async function recipientsOf(tx: Tx, districtId: string, userIds?: readonly string[]): Promise<RecipientInfo[]> {
  const rows = await tx
    .select({ u: users, zoneId: schools.zoneId, schoolActive: schools.active, p: reminderPreferences })
    .from(users)
    .leftJoin(schools, eq(schools.id, users.schoolId))
    .leftJoin(reminderPreferences, eq(reminderPreferences.userId, users.id))
    .where(
      and(
        eq(users.districtId, districtId),
        eq(users.disabled, false),
        inArray(users.role, ['coordinator', 'evaluator', 'leader']),
        userIds ? inArray(users.id, userIds.length ? [...userIds] : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    );
  const zones = await tx.select({ userId: userZones.userId, zoneId: userZones.zoneId }).from(userZones).where(eq(userZones.districtId, districtId));
  const zonesOf = new Map<string, string[]>();
  for (const z of zones) zonesOf.set(z.userId, [...(zonesOf.get(z.userId) ?? []), z.zoneId]);
  return rows
    .filter((r) => r.u.role !== 'coordinator' || (r.u.schoolId && r.schoolActive))
    .map((r) => ({
      userId: r.u.id,
      role: r.u.role as Recipient['role'],
      schoolId: r.u.schoolId,
      zoneIds: r.u.role === 'evaluator' ? (zonesOf.get(r.u.id) ?? null) : null,
      username: r.u.username,
      displayName: r.u.displayName,
      locale: r.u.locale,
      schoolZoneId: r.zoneId ?? null,
      prefs: r.p ? { email: r.p.email, phone: r.p.phone, byEmail: r.p.byEmail, byRobot: r.p.byRobot, byWebhook: r.p.byWebhook } : DEFAULT_PREFERENCES,
    }));
}

/** The quarters whose obligations and reports reminders look at on `day`. */
export function quartersFor(day: LocalDate, closeDays: number): QuarterRef[] {
  const cur = quarterOf(day);
  const prev = previousQuarter(cur);
  return day <= closeDate(prev, closeDays) ? [prev, cur] : [cur];
}

function reportFact(q: QuarterRef, dueDays: number, r: typeof quarterlyReports.$inferSelect | undefined): ReportFact {
  return {
    reportId: r?.id ?? null,
    year: q.year,
    quarter: q.quarter,
    state: r?.state ?? 'none',
    opensOn: submissionOpensOn(q), // §3: the day after the quarter ends
    dueOn: reportDueDate(q, dueDays),
    lastSubmittedOn: r?.lastSubmittedAt ? localDateOf(r.lastSubmittedAt) : r?.submittedAt ? localDateOf(r.submittedAt) : null,
  };
}

/**
 * The facts of a district on `day`, for all its active schools or only `schoolIds`.
 * `weekly`: also the district figures of the leaders' digest.
 */
export async function districtFacts(tx: Tx, districtId: string, day: LocalDate, opts: { schoolIds?: readonly string[]; weekly?: boolean } = {}): Promise<DistrictFacts> {
  const settings = await loadSettings(tx, districtId, Number(day.slice(0, 4)));
  const schoolRows = await tx
    .select({ id: schools.id, code: schools.code, name: schools.name, zoneId: schools.zoneId })
    .from(schools)
    .where(and(eq(schools.districtId, districtId), eq(schools.active, true), opts.schoolIds ? inArray(schools.id, [...opts.schoolIds]) : undefined))
    .orderBy(schools.code);
  const ids = schoolRows.map((s) => s.id);
  const byId = new Map<string, SchoolFacts>(schoolRows.map((s) => [s.id, { schoolId: s.id, code: s.code, name: s.name, zoneId: s.zoneId, obligations: [], reports: [], findings: [] }]));
  const quarters = quartersFor(day, settings.closeDays);
  // Reports are asked of the previous quarter too (its report is due in the current one).
  const reportQuarters = quarters.length === 1 ? [previousQuarter(quarters[0]!), quarters[0]!] : quarters;
  let current: { tally: ReturnType<typeof tally> } | null = null;
  for (const q of quarters) {
    const { items, bySchool } = await quarterResults(tx, districtId, ids, q.year, q.quarter as Quarter, day);
    const names = new Map(items.map((i) => [i.id, i.name]));
    const all = [];
    for (const [schoolId, results] of bySchool) {
      all.push(...results);
      const f = byId.get(schoolId)!;
      for (const r of results) {
        f.obligations.push({
          itemCode: r.obligation.itemCode,
          itemName: names.get(r.obligation.itemId) ?? '',
          periodKey: r.obligation.periodKey,
          deadline: r.obligation.deadline,
          met: r.met,
          eventTitle: null,
          eventDate: r.obligation.eventDate,
        });
      }
    }
    if (q === quarters[quarters.length - 1]) current = { tally: tally(all.filter((r) => r.obligation.deadline < day)) };
  }
  // Event obligations: their period key is the event's id; give them the event's title.
  const eventIds = [...byId.values()].flatMap((s) => s.obligations.filter((o) => o.eventDate).map((o) => o.periodKey));
  if (eventIds.length) {
    const ev = await tx
      .select({ id: declaredEvents.id, title: declaredEvents.title })
      .from(declaredEvents)
      .where(and(eq(declaredEvents.districtId, districtId), inArray(declaredEvents.id, eventIds)));
    const titles = new Map(ev.map((e) => [e.id, e.title]));
    for (const s of byId.values()) for (const o of s.obligations) if (o.eventDate) o.eventTitle = titles.get(o.periodKey) ?? null;
  }
  for (const q of reportQuarters) {
    const reports = ids.length
      ? await tx
          .select()
          .from(quarterlyReports)
          .where(and(eq(quarterlyReports.districtId, districtId), eq(quarterlyReports.year, q.year), eq(quarterlyReports.quarter, q.quarter), inArray(quarterlyReports.schoolId, ids)))
      : [];
    const rep = new Map(reports.map((r) => [r.schoolId, r]));
    for (const s of byId.values()) s.reports.push(reportFact(q, settings.reportDueDays, rep.get(s.schoolId)));
  }
  const open = ids.length
    ? await tx
        .select({ id: findings.id, schoolId: findings.schoolId, title: findings.title, dueOn: findings.dueOn, status: findings.status })
        .from(findings)
        .where(and(eq(findings.districtId, districtId), ne(findings.status, 'closed'), inArray(findings.schoolId, ids)))
    : [];
  for (const f of open) byId.get(f.schoolId)?.findings.push({ findingId: f.id, title: f.title, dueOn: f.dueOn, status: f.status });

  const objections = await tx
    .select({ year: rankingSnapshots.year, n: count() })
    .from(rankingObjections)
    .innerJoin(rankingSnapshots, eq(rankingSnapshots.id, rankingObjections.snapshotId))
    .where(and(eq(rankingObjections.districtId, districtId), isNull(rankingObjections.answer)))
    .groupBy(rankingSnapshots.year)
    .orderBy(sql`${rankingSnapshots.year} desc`);

  let weekly: WeeklyFacts | null = null;
  if (opts.weekly) weekly = await weeklyFacts(tx, districtId, day, quarters[quarters.length - 1]!, reportQuarters, byId, current?.tally ?? null);
  return {
    day,
    schools: [...byId.values()],
    openObjections: objections.reduce((n, o) => n + Number(o.n), 0),
    noticeYear: objections[0]?.year ?? null,
    weekly,
  };
}

async function weeklyFacts(
  tx: Tx,
  districtId: string,
  day: LocalDate,
  cur: QuarterRef,
  reportQuarters: QuarterRef[],
  byId: Map<string, SchoolFacts>,
  t: ReturnType<typeof tally> | null,
): Promise<WeeklyFacts> {
  const since = new Date(Date.parse(`${addDays(day, -7)}T00:00:00+08:00`));
  const rows = await tx
    .select({ entity: auditLog.entity, action: auditLog.action, n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.districtId, districtId), gte(auditLog.at, since)))
    .groupBy(auditLog.entity, auditLog.action);
  const n = (entity: string, ...actions: string[]) => rows.filter((r) => r.entity === entity && actions.includes(r.action)).reduce((a, r) => a + Number(r.n), 0);
  const last = reportQuarters.find((q) => q.year !== cur.year || q.quarter !== cur.quarter) ?? cur;
  const lastReports = [...byId.values()].map((s) => s.reports.find((r) => r.year === last.year && r.quarter === last.quarter));
  return {
    year: cur.year,
    quarter: cur.quarter,
    coverage: t ? coverage(t) : null,
    timeliness: t ? timeliness(t) : null,
    reportsExpected: lastReports.length,
    reportsSubmitted: lastReports.filter((r) => r && r.state !== 'none' && r.state !== 'draft').length,
    disclosuresRecorded: n('disclosure', 'create'),
    reportsSubmittedWeek: n('quarterly_report', 'submit', 'resubmit'),
    reportsApprovedWeek: n('quarterly_report', 'approve'),
    findingsRaisedWeek: n('finding', 'raise'),
    findingsClosedWeek: n('finding', 'close'),
  };
}
