// Event items (DESIGN §3): a school declares each event (every one is an obligation), or states
// "no such matter this quarter" for an item — not an obligation, and evaluators may challenge it.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { declaredEvents, disclosures, noMatterStatements } from '@/db/schema';
import { addDays } from '@/core/domain/dates';
import { closeDate, quarterOf } from '@/core/domain/periods';
import type { ObligationResult, QuarterRef } from '@/core/domain/types';
import { now } from '@/core/env';
import type { DeclareEventInput, NoMatterInput } from '@/modules/obligations/validation/events';
import { audit } from '@/core/audit';
import { versionForQuarter } from '@/modules/checklist/data/versions';
import { inDistrict, thisQuarter, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { EntryLockedError, entryState, openForEntry, ownSchool } from './entry';
import { browsableQuarters, disclosureBriefs, eventsOfQuarter, noMatterOfQuarter, type NoMatterRow } from './school-queries';
import { quarterResults } from './results';
import { type DistrictScope, type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';
import { refreshObligations } from '@/modules/facts/data/refresh';
import type { FieldErrors } from '@/core/forms/state';

/** §3: how far ahead an event may be declared (事前 items are disclosed before the matter). */
export const MAX_DAYS_AHEAD = 366;

export interface EventItemView {
  code: string;
  name: string;
  timingBefore: boolean;
  deadlineDays: number | null;
  events: { id: string; eventDate: string; title: string; deadline: string; status: ObligationResult['status']; disclosures: number }[];
  noMatter: NoMatterRow | null;
}

export async function coordinatorEvents(scope: Scope, q: QuarterRef) {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const entry = await entryState(tx, s, school.id, q);
    const version = await versionForQuarter(tx, s.districtId, q.year, q.quarter);
    const { bySchool } = await quarterResults(tx, s.districtId, [school.id], q.year, q.quarter, entry.today);
    const byEvent = new Map((bySchool.get(school.id) ?? []).filter((r) => r.obligation.eventId).map((r) => [r.obligation.eventId!, r]));
    const [events, statements, briefs] = [
      await eventsOfQuarter(tx, s.districtId, school.id, q),
      await noMatterOfQuarter(tx, s.districtId, school.id, q),
      await disclosureBriefs(tx, s.districtId, school.id, q),
    ];
    const items: EventItemView[] = (version?.items ?? [])
      .filter((i) => i.frequency === 'event')
      .map((i) => ({
        code: i.code,
        name: i.name,
        timingBefore: i.timing === 'before',
        deadlineDays: i.deadlineDays,
        events: events
          .filter((e) => e.itemCode === i.code)
          .map((e) => ({
            ...e,
            deadline: byEvent.get(e.id)?.obligation.deadline ?? e.eventDate,
            status: byEvent.get(e.id)?.status ?? 'notYetDue',
            disclosures: briefs.filter((b) => b.periodKey === e.id).length,
          })),
        noMatter: statements.find((n) => n.itemCode === i.code) ?? null,
      }));
    return {
      school: { id: school.id, name: school.name },
      q,
      today: entry.today,
      block: entry.block,
      closesOn: closeDate(q, entry.closeDays),
      items,
      quarters: await browsableQuarters(tx, s.districtId, thisQuarter()),
    };
  });
}

type FormResult = { ok: true; q: QuarterRef } | { ok: false; fieldErrors: FieldErrors };

/** Opens quarter `q` for entries, turning a refusal into a message beside `field`. */
async function openOrError(tx: Tx, s: DistrictScope, schoolId: string, q: QuarterRef, field: string): Promise<FieldErrors | null> {
  try {
    await openForEntry(tx, s, schoolId, q);
    return null;
  } catch (e) {
    if (e instanceof EntryLockedError) return { [field]: { key: `coordValidation.quarterLocked.${e.block}`, values: { year: q.year, quarter: q.quarter } } };
    throw e;
  }
}

async function eventItem(tx: Tx, districtId: string, q: QuarterRef, code: string) {
  const version = await versionForQuarter(tx, districtId, q.year, q.quarter);
  return version?.items.find((i) => i.code === code && i.frequency === 'event') ?? null;
}

/** Coordinator: declares an event of an event item (e.g. a title-evaluation round on a date). */
export async function declareEvent(scope: Scope, input: DeclareEventInput): Promise<FormResult> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const q = quarterOf(input.eventDate);
    const latest = addDays(today(), MAX_DAYS_AHEAD);
    if (input.eventDate > latest) return { ok: false, fieldErrors: { eventDate: { key: 'coordValidation.date.eventTooFar', values: { date: latest } } } };
    if (!(await eventItem(tx, s.districtId, q, input.itemCode))) return { ok: false, fieldErrors: { itemCode: { key: 'coordValidation.itemNotEvent' } } };
    const locked = await openOrError(tx, s, school.id, q, 'eventDate');
    if (locked) return { ok: false, fieldErrors: locked };
    const statements = await noMatterOfQuarter(tx, s.districtId, school.id, q);
    if (statements.some((n) => n.itemCode === input.itemCode)) return { ok: false, fieldErrors: { itemCode: { key: 'coordValidation.noMatterExists', values: { year: q.year, quarter: q.quarter } } } };
    const [row] = await tx
      .insert(declaredEvents)
      .values({ districtId: s.districtId, schoolId: school.id, itemCode: input.itemCode, year: q.year, eventDate: input.eventDate, title: input.title, createdBy: s.userId, createdAt: now() })
      .returning();
    await refreshObligations(tx, s.districtId, school.id, row.year);
    await audit(tx, s, { entity: 'declared_event', entityId: row.id, action: 'create', after: { itemCode: row.itemCode, eventDate: row.eventDate, title: row.title } });
    return { ok: true, q };
  });
}

/** Coordinator: withdraws a declared event that has no disclosures yet. */
export async function deleteEvent(scope: Scope, id: string): Promise<{ ok: true } | { ok: false; kind: 'hasDisclosures' }> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    if (!isUuid(id)) notFound();
    const where = and(eq(declaredEvents.id, id), eq(declaredEvents.districtId, s.districtId), eq(declaredEvents.schoolId, school.id), isNull(declaredEvents.deletedAt));
    const [ev] = await tx.select().from(declaredEvents).where(where);
    if (!ev) notFound();
    await openForEntry(tx, s, school.id, quarterOf(ev.eventDate));
    const [used] = await tx
      .select({ id: disclosures.id })
      .from(disclosures)
      .where(and(eq(disclosures.districtId, s.districtId), eq(disclosures.schoolId, school.id), or(eq(disclosures.eventId, id), eq(disclosures.periodKey, id)), isNull(disclosures.deletedAt)))
      .limit(1);
    if (used) return { ok: false, kind: 'hasDisclosures' };
    await tx.update(declaredEvents).set({ deletedAt: now() }).where(where);
    await refreshObligations(tx, s.districtId, school.id, ev.year);
    await audit(tx, s, { entity: 'declared_event', entityId: id, action: 'delete', before: { itemCode: ev.itemCode, eventDate: ev.eventDate, title: ev.title } });
    return { ok: true };
  });
}

/** Coordinator: states "no such matter this quarter" for an event item (or changes the reason). */
export async function stateNoMatter(scope: Scope, input: NoMatterInput): Promise<FormResult> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const q = { year: input.year, quarter: input.quarter as QuarterRef['quarter'] };
    if (!(await eventItem(tx, s.districtId, q, input.itemCode))) return { ok: false, fieldErrors: { itemCode: { key: 'coordValidation.itemNotEvent' } } };
    const locked = await openOrError(tx, s, school.id, q, 'reason');
    if (locked) return { ok: false, fieldErrors: locked };
    const events = await eventsOfQuarter(tx, s.districtId, school.id, q);
    if (events.some((e) => e.itemCode === input.itemCode)) return { ok: false, fieldErrors: { reason: { key: 'coordValidation.eventsExist' } } };
    // One row per (school, item, quarter) — a withdrawn statement is revived rather than duplicated.
    const where = and(
      eq(noMatterStatements.districtId, s.districtId),
      eq(noMatterStatements.schoolId, school.id),
      eq(noMatterStatements.itemCode, input.itemCode),
      eq(noMatterStatements.year, q.year),
      eq(noMatterStatements.quarter, q.quarter),
    );
    const [before] = await tx.select().from(noMatterStatements).where(where);
    if (before) {
      await tx.update(noMatterStatements).set({ reason: input.reason, deletedAt: null, createdBy: s.userId }).where(where);
      await audit(tx, s, { entity: 'no_matter_statement', entityId: before.id, action: 'update', before: { reason: before.reason, deletedAt: before.deletedAt }, after: { reason: input.reason } });
    } else {
      const [row] = await tx
        .insert(noMatterStatements)
        .values({ districtId: s.districtId, schoolId: school.id, itemCode: input.itemCode, year: q.year, quarter: q.quarter, reason: input.reason, createdBy: s.userId, createdAt: now() })
        .returning({ id: noMatterStatements.id });
      await audit(tx, s, { entity: 'no_matter_statement', entityId: row.id, action: 'create', after: { itemCode: input.itemCode, year: q.year, quarter: q.quarter, reason: input.reason } });
    }
    await refreshObligations(tx, s.districtId, school.id, q.year);
    return { ok: true, q };
  });
}

/** Coordinator: withdraws a "no such matter" statement. */
export async function withdrawNoMatter(scope: Scope, id: string): Promise<void> {
  await inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    if (!isUuid(id)) notFound();
    const where = and(eq(noMatterStatements.id, id), eq(noMatterStatements.districtId, s.districtId), eq(noMatterStatements.schoolId, school.id), isNull(noMatterStatements.deletedAt));
    const [row] = await tx.select().from(noMatterStatements).where(where);
    if (!row) throw new AppError('notFound');
    await openForEntry(tx, s, school.id, { year: row.year, quarter: row.quarter as QuarterRef['quarter'] });
    await tx.update(noMatterStatements).set({ deletedAt: now() }).where(where);
    await refreshObligations(tx, s.districtId, school.id, row.year);
    await audit(tx, s, { entity: 'no_matter_statement', entityId: id, action: 'delete', before: { itemCode: row.itemCode, year: row.year, quarter: row.quarter, reason: row.reason } });
  });
}
