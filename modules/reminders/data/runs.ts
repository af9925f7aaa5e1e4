// The worker's side of the reminders (issue 16): the daily schedule of a district, messages for
// recent events, and the delivery records' life (claim, result, retry, dead letter). These run as
// the system for one district at a time (row-level security still limits each transaction to
// that district); user-facing functions with a caller's scope are in the other data files.
import { and, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { withDistrict } from '@/db/client';
import { auditLog, districts, findings, noMatterStatements, quarterlyReports, disclosures, reminderDeliveries, reminderMessages, reminderRuns, type ReminderDelivery } from '@/db/schema';
import { localDateOf } from '@/core/domain/dates';
import type { Quarter } from '@/core/domain/types';
import { toDomainItem, versionForQuarter } from '@/modules/checklist/data/versions';
import { dailyRunDue } from '../domain/calendar';
import { planDay } from '../domain/digests';
import { planEvent } from '../domain/events';
import { afterFailure } from '../domain/retry';
import type { EventFact } from '../domain/types';
import { channelFactsOf, districtFacts, holidaysAround, recipientsOf, reminderSettingsOf } from './facts';
import { storeMessages } from './store';

/** Active districts (the worker's loop). */
export async function activeDistricts(): Promise<{ id: string; code: string }[]> {
  return withDistrict('*', (tx) => tx.select({ id: districts.id, code: districts.code }).from(districts).where(eq(districts.active, true)));
}

export interface RunResult {
  ran: boolean;
  messages: number;
  deliveryIds: string[];
}

/**
 * The district's daily schedule at `now`, when due (district hour, not quiet, a run day) and not
 * done yet today. Safe to call from several processes at once and again after a restart: the
 * messages are stored once by their keys, and the run is then marked done for the day.
 */
export async function runDailyIfDue(districtId: string, now: Date, opts: { force?: boolean } = {}): Promise<RunResult> {
  const day = localDateOf(now);
  return withDistrict(districtId, async (tx) => {
    const [done] = await tx
      .select({ day: reminderRuns.day })
      .from(reminderRuns)
      .where(and(eq(reminderRuns.districtId, districtId), eq(reminderRuns.kind, 'daily'), eq(reminderRuns.day, day)));
    if (done) return { ran: false, messages: 0, deliveryIds: [] };
    const { settings } = await reminderSettingsOf(tx, districtId);
    const holidays = await holidaysAround(tx, districtId, day);
    if (!opts.force && !dailyRunDue(now, settings, holidays)) return { ran: false, messages: 0, deliveryIds: [] };
    const facts = await districtFacts(tx, districtId, day, { weekly: settings.leaderWeekly });
    const recipients = await recipientsOf(tx, districtId);
    const planned = planDay(facts, recipients, settings, holidays);
    const stored = await storeMessages(tx, districtId, planned, recipients, await channelFactsOf(tx, districtId), now);
    await tx.insert(reminderRuns).values({ districtId, kind: 'daily', day, startedAt: now, messages: stored.messageIds.length }).onConflictDoNothing();
    return { ran: true, messages: stored.messageIds.length, deliveryIds: stored.deliveryIds };
  });
}

/** The audit-log entries that someone must hear about, and how to name them. */
const EVENT_SOURCES: { entity: string; action: string; kind: EventFact['kind'] }[] = [
  { entity: 'quarterly_report', action: 'return', kind: 'reportReturned' },
  { entity: 'disclosure', action: 'reject', kind: 'disclosureRejected' },
  { entity: 'finding', action: 'raise', kind: 'findingRaised' },
  { entity: 'no_matter_statement', action: 'challenge', kind: 'statementChallenged' },
];

/** How far back events are looked for (a worker that was down catches up within this). */
const EVENT_WINDOW_HOURS = 48;

/**
 * Messages for the district's recent events. The audit log, written in the same transaction as
 * every change, is the outbox: nothing is lost when the app stops between the change and the
 * message, and each event is told once per recipient (its entry id is in the message key).
 */
export async function processEvents(districtId: string, now: Date): Promise<RunResult> {
  const since = new Date(now.getTime() - EVENT_WINDOW_HOURS * 3600_000);
  return withDistrict(districtId, async (tx) => {
    const entries = await tx
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.districtId, districtId), gte(auditLog.at, since), lte(auditLog.at, now), or(...EVENT_SOURCES.map((e) => and(eq(auditLog.entity, e.entity), eq(auditLog.action, e.action))))),
      );
    if (entries.length === 0) return { ran: true, messages: 0, deliveryIds: [] };
    // Only events not told yet (cheap check before loading their records).
    const told = await tx
      .select({ key: reminderMessages.dedupeKey })
      .from(reminderMessages)
      .where(
        and(
          eq(reminderMessages.districtId, districtId),
          gte(reminderMessages.createdAt, since),
          inArray(
            reminderMessages.kind,
            EVENT_SOURCES.map((e) => e.kind),
          ),
        ),
      );
    const toldIds = new Set(told.map((t) => t.key.split(':')[1]));
    const events: EventFact[] = [];
    const itemNames = new Map<string, Map<string, string>>();
    const nameOf = async (year: number, quarter: number, code: string) => {
      const k = `${year}-${quarter}`;
      if (!itemNames.has(k)) {
        const v = await versionForQuarter(tx, districtId, year, quarter as Quarter);
        itemNames.set(k, new Map((v?.items ?? []).map((i) => [i.code, toDomainItem(i).name])));
      }
      const name = itemNames.get(k)!.get(code);
      return name ? `${code} ${name}` : code;
    };
    for (const e of entries) {
      const id = String(e.id);
      if (toldIds.has(id)) continue;
      const kind = EVENT_SOURCES.find((s) => s.entity === e.entity && s.action === e.action)!.kind;
      const after = (e.after ?? {}) as Record<string, unknown>;
      const day = localDateOf(e.at);
      if (kind === 'reportReturned') {
        const [r] = await tx
          .select()
          .from(quarterlyReports)
          .where(and(eq(quarterlyReports.id, e.entityId), eq(quarterlyReports.districtId, districtId)));
        if (r)
          events.push({
            eventId: id,
            kind,
            day,
            schoolId: r.schoolId,
            values: { year: r.year, quarter: r.quarter, reason: String(after.reason ?? '') },
            href: `/school/report?q=${r.year}-Q${r.quarter}`,
          });
      } else if (kind === 'disclosureRejected') {
        const [d] = await tx
          .select()
          .from(disclosures)
          .where(and(eq(disclosures.id, e.entityId), eq(disclosures.districtId, districtId)));
        if (d)
          events.push({
            eventId: id,
            kind,
            day,
            schoolId: d.schoolId,
            values: { item: await nameOf(d.year, d.quarter, d.itemCode), periodKey: d.periodKey, reason: String(after.reason ?? '') },
            href: `/school/disclosures/${d.id}`,
          });
      } else if (kind === 'findingRaised') {
        const [f] = await tx
          .select()
          .from(findings)
          .where(and(eq(findings.id, e.entityId), eq(findings.districtId, districtId)));
        if (f) events.push({ eventId: id, kind, day, schoolId: f.schoolId, values: { title: f.title, severity: f.severity, due: f.dueOn }, href: '/school/findings' });
      } else {
        const [st] = await tx
          .select()
          .from(noMatterStatements)
          .where(and(eq(noMatterStatements.id, e.entityId), eq(noMatterStatements.districtId, districtId)));
        if (st)
          events.push({
            eventId: id,
            kind,
            day,
            schoolId: st.schoolId,
            values: { item: await nameOf(st.year, st.quarter, st.itemCode), year: st.year, quarter: st.quarter, note: String(after.challengeNote ?? '') },
            href: `/school/events?q=${st.year}-Q${st.quarter}`,
          });
      }
    }
    if (events.length === 0) return { ran: true, messages: 0, deliveryIds: [] };
    const recipients = await recipientsOf(tx, districtId);
    const planned = events.flatMap((ev) => planEvent(ev, recipients));
    const stored = await storeMessages(tx, districtId, planned, recipients, await channelFactsOf(tx, districtId), now);
    return { ran: true, messages: stored.messageIds.length, deliveryIds: stored.deliveryIds };
  });
}

/** Deliveries ready to go at `now` (pending, waiting to retry, or with an expired lease), across districts. */
export async function dueDeliveries(now: Date, limit = 200): Promise<{ id: string; districtId: string }[]> {
  return withDistrict('*', (tx) =>
    tx
      .select({ id: reminderDeliveries.id, districtId: reminderDeliveries.districtId })
      .from(reminderDeliveries)
      .where(
        or(
          and(inArray(reminderDeliveries.status, ['pending', 'retry']), lte(reminderDeliveries.nextAttemptAt, now)),
          and(eq(reminderDeliveries.status, 'sending'), lte(reminderDeliveries.leaseUntil, now)),
        ),
      )
      .orderBy(reminderDeliveries.nextAttemptAt)
      .limit(limit),
  );
}

/** A sending attempt may take this long before another worker may take the delivery over. */
const LEASE_SECONDS = 120;

/**
 * Claims one delivery for one attempt: only one worker gets the row back (the UPDATE's WHERE is
 * re-checked under the row lock), so a message is never sent twice at once.
 */
export async function claimDelivery(districtId: string, deliveryId: string, now: Date): Promise<ReminderDelivery | null> {
  return withDistrict(districtId, async (tx) => {
    const [row] = await tx
      .update(reminderDeliveries)
      .set({ status: 'sending', attempts: sql`${reminderDeliveries.attempts} + 1`, leaseUntil: new Date(now.getTime() + LEASE_SECONDS * 1000), updatedAt: now })
      .where(
        and(
          eq(reminderDeliveries.id, deliveryId),
          eq(reminderDeliveries.districtId, districtId),
          or(
            and(inArray(reminderDeliveries.status, ['pending', 'retry']), lte(reminderDeliveries.nextAttemptAt, now)),
            and(eq(reminderDeliveries.status, 'sending'), lte(reminderDeliveries.leaseUntil, now)),
          ),
        ),
      )
      .returning();
    return row ?? null;
  });
}

/** Records the attempt's result: sent, or retry later with backoff, or dead after the last attempt. */
export async function finishDelivery(
  d: Pick<ReminderDelivery, 'id' | 'districtId' | 'attempts'>,
  error: string | null,
  now: Date,
): Promise<{ status: 'sent' | 'retry' | 'dead'; nextAttemptAt: Date | null }> {
  return withDistrict(d.districtId, async (tx) => {
    const where = and(eq(reminderDeliveries.id, d.id), eq(reminderDeliveries.status, 'sending'), eq(reminderDeliveries.attempts, d.attempts));
    if (error === null) {
      await tx.update(reminderDeliveries).set({ status: 'sent', sentAt: now, leaseUntil: null, lastError: null, updatedAt: now }).where(where);
      return { status: 'sent', nextAttemptAt: null };
    }
    const next = afterFailure(d.attempts, now);
    if (next === 'dead') {
      await tx.update(reminderDeliveries).set({ status: 'dead', leaseUntil: null, lastError: error, updatedAt: now }).where(where);
      return { status: 'dead', nextAttemptAt: null };
    }
    await tx.update(reminderDeliveries).set({ status: 'retry', nextAttemptAt: next, leaseUntil: null, lastError: error, updatedAt: now }).where(where);
    return { status: 'retry', nextAttemptAt: next };
  });
}

/** What sending one delivery needs: its message, recipient and the district's code. */
export async function deliveryContext(districtId: string, messageId: string) {
  return withDistrict(districtId, async (tx) => {
    const [m] = await tx
      .select()
      .from(reminderMessages)
      .where(and(eq(reminderMessages.id, messageId), eq(reminderMessages.districtId, districtId)));
    if (!m) return null;
    const [who] = await recipientsOf(tx, districtId, [m.recipientId]);
    const [d] = await tx.select({ code: districts.code }).from(districts).where(eq(districts.id, districtId));
    return { message: m, recipient: who ?? null, districtCode: d?.code ?? '' };
  });
}
