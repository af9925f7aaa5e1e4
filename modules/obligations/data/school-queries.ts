// Read helpers for the coordinator's pages: a quarter's disclosures (with rejections and evidence
// counts), declared events and "no such matter" statements, and the quarters a school can browse.
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, max, min } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistVersions, declaredEvents, disclosureRejections, disclosures, evidenceFiles, noMatterStatements } from '@/db/schema';
import { nextQuarter, quarterEnd, quarterStart } from '@/core/domain/periods';
import type { Audience, Channel, LocalDate, Quarter, QuarterRef } from '@/core/domain/types';

export interface DisclosureBrief {
  id: string;
  itemCode: string;
  periodKey: string;
  disclosedOn: LocalDate;
  channels: Channel[];
  audience: Audience;
  summary: string;
  procurementFlag: boolean;
  /** The evaluator's reason when the disclosure was rejected (§5) and not withdrawn. */
  rejection: string | null;
  /** The school changed it after the rejection: waiting for the evaluator's re-review (已修改待复核). */
  rejectionRevised: boolean;
  evidenceCount: number;
}

/** Live disclosures of a school's quarter (by the quarter their obligation belongs to), oldest first. */
export async function disclosureBriefs(tx: Tx, districtId: string, schoolId: string, q: QuarterRef, filter: { itemCode?: string; periodKey?: string } = {}): Promise<DisclosureBrief[]> {
  const conds = [eq(disclosures.districtId, districtId), eq(disclosures.schoolId, schoolId), eq(disclosures.year, q.year), eq(disclosures.quarter, q.quarter), isNull(disclosures.deletedAt)];
  if (filter.itemCode) conds.push(eq(disclosures.itemCode, filter.itemCode));
  if (filter.periodKey) conds.push(eq(disclosures.periodKey, filter.periodKey));
  const rows = await tx
    .select({
      id: disclosures.id,
      itemCode: disclosures.itemCode,
      periodKey: disclosures.periodKey,
      disclosedOn: disclosures.disclosedOn,
      channels: disclosures.channels,
      audience: disclosures.audience,
      summary: disclosures.summary,
      procurementFlag: disclosures.procurementFlag,
    })
    .from(disclosures)
    .where(and(...conds))
    .orderBy(asc(disclosures.disclosedOn), asc(disclosures.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [rejections, counts] = [
    await tx
      .select({ disclosureId: disclosureRejections.disclosureId, reason: disclosureRejections.reason, revisedAt: disclosureRejections.revisedAt })
      .from(disclosureRejections)
      .where(and(eq(disclosureRejections.districtId, districtId), inArray(disclosureRejections.disclosureId, ids), isNull(disclosureRejections.withdrawnAt)))
      .orderBy(desc(disclosureRejections.rejectedAt)),
    await tx
      .select({ ownerId: evidenceFiles.ownerId, n: count() })
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.districtId, districtId),
          eq(evidenceFiles.schoolId, schoolId),
          eq(evidenceFiles.ownerType, 'disclosure'),
          inArray(evidenceFiles.ownerId, ids),
          isNull(evidenceFiles.deletedAt),
        ),
      )
      .groupBy(evidenceFiles.ownerId),
  ];
  const rejection = new Map<string, { reason: string; revised: boolean }>();
  for (const r of rejections) if (!rejection.has(r.disclosureId)) rejection.set(r.disclosureId, { reason: r.reason, revised: r.revisedAt !== null });
  const n = new Map(counts.map((c) => [c.ownerId, Number(c.n)]));
  return rows.map((r) => ({ ...r, rejection: rejection.get(r.id)?.reason ?? null, rejectionRevised: rejection.get(r.id)?.revised ?? false, evidenceCount: n.get(r.id) ?? 0 }));
}

export interface EventRow {
  id: string;
  itemCode: string;
  eventDate: LocalDate;
  title: string;
}

/** Live declared events of a school dated within the quarter. */
export async function eventsOfQuarter(tx: Tx, districtId: string, schoolId: string, q: QuarterRef): Promise<EventRow[]> {
  return tx
    .select({ id: declaredEvents.id, itemCode: declaredEvents.itemCode, eventDate: declaredEvents.eventDate, title: declaredEvents.title })
    .from(declaredEvents)
    .where(
      and(
        eq(declaredEvents.districtId, districtId),
        eq(declaredEvents.schoolId, schoolId),
        eq(declaredEvents.year, q.year),
        gte(declaredEvents.eventDate, quarterStart(q)),
        lte(declaredEvents.eventDate, quarterEnd(q)),
        isNull(declaredEvents.deletedAt),
      ),
    )
    .orderBy(asc(declaredEvents.eventDate), asc(declaredEvents.createdAt));
}

export interface NoMatterRow {
  id: string;
  itemCode: string;
  reason: string;
  challengedAt: Date | null;
  challengeNote: string | null;
}

/** Live "no such matter this quarter" statements of a school. */
export async function noMatterOfQuarter(tx: Tx, districtId: string, schoolId: string, q: QuarterRef): Promise<NoMatterRow[]> {
  return tx
    .select({
      id: noMatterStatements.id,
      itemCode: noMatterStatements.itemCode,
      reason: noMatterStatements.reason,
      challengedAt: noMatterStatements.challengedAt,
      challengeNote: noMatterStatements.challengeNote,
    })
    .from(noMatterStatements)
    .where(
      and(
        eq(noMatterStatements.districtId, districtId),
        eq(noMatterStatements.schoolId, schoolId),
        eq(noMatterStatements.year, q.year),
        eq(noMatterStatements.quarter, q.quarter),
        isNull(noMatterStatements.deletedAt),
      ),
    )
    .orderBy(asc(noMatterStatements.itemCode));
}

/**
 * The quarters a coordinator can open, newest first: from Q1 of the district's first checklist
 * year to the quarter after the current one when its checklist exists (事前 items may be disclosed
 * for events ahead).
 */
export async function browsableQuarters(tx: Tx, districtId: string, current: QuarterRef): Promise<QuarterRef[]> {
  const [row] = await tx
    .select({ first: min(checklistVersions.year), lastYear: max(checklistVersions.year) })
    .from(checklistVersions)
    .where(eq(checklistVersions.districtId, districtId));
  const first = row?.first ?? current.year;
  const out: QuarterRef[] = [];
  const ahead = nextQuarter(current);
  const last = ahead.year <= (row?.lastYear ?? current.year) ? ahead : current;
  for (let y = first; y <= last.year; y++) {
    for (const quarter of [1, 2, 3, 4] as Quarter[]) {
      if (y === last.year && quarter > last.quarter) break;
      out.push({ year: y, quarter });
    }
  }
  return out.reverse();
}
