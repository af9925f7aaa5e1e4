// Recording, editing and deleting a school's disclosures (DESIGN §3, §5; issue 3). Every write:
// the caller's own school only (another school's id is "not found" and changes nothing), the
// quarter open for entries, the shared zod rules, an optimistic version check, and the audit log.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { disclosures, type Disclosure } from '@/db/schema';
import type { QuarterRef } from '@/core/domain/types';
import { now } from '@/core/env';
import { disclosureSchema, disclosureWarnings, type DisclosureRules, type DisclosureValues, type DisclosureWarning } from '@/modules/disclosures/validation/disclosures';
import { isProcurementFlagged, isProcurementItem } from '@/modules/checklist/domain/procurement';
import { audit } from '@/core/audit';
import { inDistrict, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { findObligation, openForDisclosure, openForEntry, ownSchool, type FoundObligation } from '@/modules/obligations/data/entry';
import { deleteDraftTx } from '@/core/forms/drafts';
import type { DistrictScope, Scope } from '@/core/scope';
import { isUuid } from '@/core/auth/users';
import { refreshObligations } from '@/modules/facts/data/refresh';
import { fieldErrors } from '@/core/forms/field-errors';
import type { FieldErrors } from '@/core/forms/state';
import { markRejectionRevised } from './rejections';

export type DisclosureSaveResult =
  | { ok: true; id: string; version: number; warnings: DisclosureWarning[]; q: QuarterRef }
  | { ok: false; kind: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; kind: 'conflict'; current: DisclosureValues; currentVersion: number };

export const newFormKey = (itemCode: string, periodKey: string) => `disclosure:new:${itemCode}:${periodKey}`;
export const editFormKey = (id: string) => `disclosure:${id}`;

export function rulesOf(found: FoundObligation, closeDays: number, today: string): DisclosureRules {
  const ob = found.result.obligation;
  return {
    year: ob.year,
    quarter: ob.quarter,
    windowStart: ob.windowStart,
    deadline: ob.deadline,
    eventDate: ob.eventDate,
    timingBefore: ob.timingBefore,
    procurement: isProcurementItem(found.item.code),
    closeDays,
    today,
  };
}

export function valuesOf(d: Disclosure): DisclosureValues {
  return {
    disclosedOn: d.disclosedOn,
    channels: [...d.channels],
    audience: d.audience,
    summary: d.summary,
    plannedOn: d.plannedOn ?? '',
    procurementAmount: d.procurementAmount === null ? '' : String(d.procurementAmount),
    procurementMethod: d.procurementMethod ?? '',
  };
}

/** What the audit log keeps of a disclosure (never evidence bytes). */
function snapshot(d: Disclosure) {
  return { itemCode: d.itemCode, periodKey: d.periodKey, year: d.year, quarter: d.quarter, ...valuesOf(d), procurementFlag: d.procurementFlag, version: d.version };
}

/** The caller's own live disclosure, or 404 (another school's or district's id included). */
export async function ownDisclosure(tx: Tx, s: DistrictScope, schoolId: string, id: string): Promise<Disclosure> {
  if (!isUuid(id)) notFound();
  const [row] = await tx
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.id, id), eq(disclosures.districtId, s.districtId), eq(disclosures.schoolId, schoolId), isNull(disclosures.deletedAt)));
  if (!row) notFound();
  return row;
}

function validate(found: FoundObligation, closeDays: number, today: string, values: Record<string, unknown>) {
  const rules = rulesOf(found, closeDays, today);
  const parsed = disclosureSchema(rules).safeParse(values);
  if (!parsed.success) return { ok: false as const, fieldErrors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const warnings = disclosureWarnings(rules, {
    disclosedOn: input.disclosedOn,
    plannedOn: input.plannedOn ?? '',
    procurementAmount: input.procurementAmount === null ? '' : String(input.procurementAmount),
    procurementMethod: input.procurementMethod ?? '',
  });
  const procurementFlag = rules.procurement && isProcurementFlagged(input.procurementAmount, input.procurementMethod);
  return { ok: true as const, input, warnings, procurementFlag };
}

/** Coordinator: records a disclosure of one of their school's obligations (§3). */
export async function createDisclosure(scope: Scope, args: { id: string; itemCode: string; periodKey: string; values: Record<string, unknown> }): Promise<DisclosureSaveResult> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    if (!isUuid(args.id)) notFound();
    const { found, entry } = (await openForEntryProbe(tx, s, school.id, args.itemCode, args.periodKey)) ?? notFound();
    const v = validate(found, entry.closeDays, entry.today, args.values);
    if (!v.ok) return { ok: false, kind: 'invalid', fieldErrors: v.fieldErrors };
    const ob = found.result.obligation;
    const [row] = await tx
      .insert(disclosures)
      .values({
        id: args.id,
        districtId: s.districtId,
        schoolId: school.id,
        itemCode: found.item.code,
        periodKey: ob.periodKey,
        year: ob.year,
        quarter: ob.quarter,
        eventId: ob.eventId,
        ...v.input,
        procurementFlag: v.procurementFlag,
        createdBy: s.userId,
        createdAt: now(),
        updatedAt: now(),
      })
      // An id already in use (by anyone) is refused without touching that record.
      .onConflictDoNothing()
      .returning();
    if (!row) notFound();
    await refreshObligations(tx, s.districtId, school.id, row.year);
    await audit(tx, s, { entity: 'disclosure', entityId: row.id, action: 'create', after: snapshot(row) });
    await deleteDraftTx(tx, s, newFormKey(args.itemCode, args.periodKey));
    return { ok: true, id: row.id, version: row.version, warnings: v.warnings, q: found.q };
  });
}

/**
 * Finds the obligation and opens its quarter for this disclosure (locks the report row): §3, an
 * approved quarter stays open for obligations whose deadline has not passed yet.
 */
async function openForEntryProbe(tx: Tx, s: DistrictScope, schoolId: string, itemCode: string, periodKey: string, existing?: { createdAt: Date }) {
  const found = await findObligation(tx, s.districtId, schoolId, itemCode, periodKey, today());
  if (!found) return null;
  const entry = await openForDisclosure(tx, s, schoolId, found.q, found.result.obligation.deadline, existing);
  return { found, entry };
}

/**
 * Coordinator: changes one of their school's disclosures. The WHERE clause carries the version the
 * user loaded; when another tab saved first, nothing is written and the other version is returned.
 */
export async function updateDisclosure(scope: Scope, args: { id: string; version: number; values: Record<string, unknown> }): Promise<DisclosureSaveResult> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const before = await ownDisclosure(tx, s, school.id, args.id);
    const probe = (await openForEntryProbe(tx, s, school.id, before.itemCode, before.periodKey, before)) ?? notFound();
    const v = validate(probe.found, probe.entry.closeDays, probe.entry.today, args.values);
    if (!v.ok) return { ok: false, kind: 'invalid', fieldErrors: v.fieldErrors };
    const [row] = await tx
      .update(disclosures)
      .set({ ...v.input, procurementFlag: v.procurementFlag, version: sql`${disclosures.version} + 1`, updatedAt: now() })
      .where(and(eq(disclosures.id, before.id), eq(disclosures.districtId, s.districtId), eq(disclosures.schoolId, school.id), eq(disclosures.version, args.version), isNull(disclosures.deletedAt)))
      .returning();
    if (!row) {
      const current = await ownDisclosure(tx, s, school.id, args.id);
      return { ok: false, kind: 'conflict', current: valuesOf(current), currentVersion: current.version };
    }
    await refreshObligations(tx, s.districtId, school.id, row.year);
    await audit(tx, s, { entity: 'disclosure', entityId: row.id, action: 'update', before: snapshot(before), after: snapshot(row) });
    await markRejectionRevised(tx, s.districtId, row.id);
    await deleteDraftTx(tx, s, editFormKey(row.id));
    return { ok: true, id: row.id, version: row.version, warnings: v.warnings, q: probe.found.q };
  });
}

/** Coordinator: deletes (soft) one of their school's disclosures, if unchanged since loaded. */
export async function deleteDisclosure(scope: Scope, args: { id: string; version: number }): Promise<{ ok: true; q: QuarterRef } | { ok: false; kind: 'conflict'; currentVersion: number }> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const before = await ownDisclosure(tx, s, school.id, args.id);
    // An obligation that no longer exists (its item left the checklist) follows the quarter's lock.
    const probe = await openForEntryProbe(tx, s, school.id, before.itemCode, before.periodKey, before);
    const q = probe?.found.q ?? { year: before.year, quarter: before.quarter as QuarterRef['quarter'] };
    if (!probe) await openForEntry(tx, s, school.id, q);
    const [row] = await tx
      .update(disclosures)
      .set({ deletedAt: now(), version: sql`${disclosures.version} + 1`, updatedAt: now() })
      .where(and(eq(disclosures.id, before.id), eq(disclosures.districtId, s.districtId), eq(disclosures.schoolId, school.id), eq(disclosures.version, args.version), isNull(disclosures.deletedAt)))
      .returning({ id: disclosures.id });
    if (!row) return { ok: false, kind: 'conflict', currentVersion: before.version };
    await refreshObligations(tx, s.districtId, school.id, before.year);
    await audit(tx, s, { entity: 'disclosure', entityId: before.id, action: 'delete', before: snapshot(before) });
    await deleteDraftTx(tx, s, editFormKey(before.id));
    return { ok: true, q };
  });
}
