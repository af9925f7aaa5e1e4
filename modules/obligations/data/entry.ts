// Shared by the coordinator's data functions: the caller's own school, the quarter's report
// (created as a draft on first need, §5), whether entries are open (§3 close date, §5 states) and
// the obligation a disclosure is recorded against (§3).
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { declaredEvents, quarterlyReports, type ChecklistItemRow, type QuarterlyReport, type School } from '@/db/schema';
import { quarterOfDate } from '@/core/domain/dates';
import { disclosureEntryBlock, entryBlock, lockedSince, type EntryBlock } from '@/modules/obligations/domain/entry-window';
import { candidateQuarters } from '@/modules/obligations/domain/period-quarters';
import type { LocalDate, ObligationResult, Quarter, QuarterRef } from '@/core/domain/types';
import { audit } from '@/core/audit';
import { versionForQuarter } from '@/modules/checklist/data/versions';
import { today } from '@/core/context';
import { notFound } from '@/core/errors';
import { quarterResults } from './results';
import { schoolInScope } from '@/modules/org/data/schools';
import { loadSettings } from '@/modules/org/data/settings';
import { type DistrictScope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';

/** Entries refused because of the report's state or the close date; the UI says which. */
export class EntryLockedError extends AppError {
  constructor(readonly block: EntryBlock) {
    super('locked', `entryLocked:${block}`, block);
    this.name = 'EntryLockedError';
  }
}

/** The coordinator's one school (§1); anything else is not found. */
export async function ownSchool(tx: Tx, s: DistrictScope): Promise<School> {
  if (s.role !== 'coordinator' || !s.schoolId) notFound();
  return schoolInScope(tx, s, s.schoolId);
}

export async function findReport(tx: Tx, s: DistrictScope, schoolId: string, q: QuarterRef, lock = false): Promise<QuarterlyReport | null> {
  const query = tx
    .select()
    .from(quarterlyReports)
    .where(and(eq(quarterlyReports.districtId, s.districtId), eq(quarterlyReports.schoolId, schoolId), eq(quarterlyReports.year, q.year), eq(quarterlyReports.quarter, q.quarter)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The quarter's report, created as a draft when it does not exist yet (issue 3: "on first need"). */
export async function ensureReport(tx: Tx, s: DistrictScope, schoolId: string, q: QuarterRef): Promise<QuarterlyReport> {
  const existing = await findReport(tx, s, schoolId, q, true);
  if (existing) return existing;
  const [created] = await tx.insert(quarterlyReports).values({ districtId: s.districtId, schoolId, year: q.year, quarter: q.quarter, state: 'draft' }).onConflictDoNothing().returning();
  if (!created) return (await findReport(tx, s, schoolId, q, true))!;
  await audit(tx, s, { entity: 'quarterly_report', entityId: created.id, action: 'create', after: { year: q.year, quarter: q.quarter, state: 'draft' } });
  return created;
}

export interface EntryState {
  report: QuarterlyReport | null;
  block: EntryBlock | null;
  closeDays: number;
  reportDueDays: number;
  today: LocalDate;
}

/** Read side: whether the quarter's records may be changed today. */
export async function entryState(tx: Tx, s: DistrictScope, schoolId: string, q: QuarterRef): Promise<EntryState> {
  const [report, settings] = [await findReport(tx, s, schoolId, q), await loadSettings(tx, s.districtId, q.year)];
  const day = today();
  const block = entryBlock(report?.state ?? null, q, day, settings.closeDays);
  return { report, block, closeDays: settings.closeDays, reportDueDays: settings.reportDueDays, today: day };
}

/**
 * Write side: creates the report row if needed and locks it (FOR UPDATE) for the rest of the
 * transaction, so a submission cannot slip in between this check and the change; throws
 * EntryLockedError when the quarter is not open for entries.
 */
export async function openForEntry(tx: Tx, s: DistrictScope, schoolId: string, q: QuarterRef): Promise<EntryState & { report: QuarterlyReport }> {
  const report = await ensureReport(tx, s, schoolId, q);
  const settings = await loadSettings(tx, s.districtId, q.year);
  const day = today();
  const block = entryBlock(report.state, q, day, settings.closeDays);
  if (block) throw new EntryLockedError(block);
  return { report, block: null, closeDays: settings.closeDays, reportDueDays: settings.reportDueDays, today: day };
}

/**
 * Write side for one disclosure (§3): like openForEntry, but a quarter whose report is approved
 * (or submitted) stays open for a disclosure of an obligation whose deadline has not passed yet —
 * a new one, or one added after the lock (`existing.createdAt`). Throws EntryLockedError otherwise.
 */
export async function openForDisclosure(
  tx: Tx,
  s: DistrictScope,
  schoolId: string,
  q: QuarterRef,
  deadline: LocalDate,
  existing?: { createdAt: Date },
): Promise<EntryState & { report: QuarterlyReport }> {
  const report = await ensureReport(tx, s, schoolId, q);
  const settings = await loadSettings(tx, s.districtId, q.year);
  const day = today();
  const block = disclosureEntryBlock(entryBlock(report.state, q, day, settings.closeDays), deadline, day, addedAfterLock(report, existing));
  if (block) throw new EntryLockedError(block);
  return { report, block: null, closeDays: settings.closeDays, reportDueDays: settings.reportDueDays, today: day };
}

/** A new disclosure is always "after the lock"; an existing one only when created after it began. */
export function addedAfterLock(report: QuarterlyReport | null, existing?: { createdAt: Date }): boolean {
  if (!existing) return true;
  const since = lockedSince(report);
  return since !== null && existing.createdAt > since;
}

export interface FoundObligation {
  q: QuarterRef;
  result: ObligationResult;
  item: ChecklistItemRow;
  event: { id: string; title: string; eventDate: LocalDate } | null;
}

/**
 * The obligation (item, period key) of a school, with its current status (§3), or null when the
 * school has no such obligation (unknown item, a period outside the item's frequency, another
 * school's or a deleted event).
 */
export async function findObligation(tx: Tx, districtId: string, schoolId: string, itemCode: string, periodKey: string, day: LocalDate): Promise<FoundObligation | null> {
  let year: number;
  let quarters: Quarter[];
  let event: FoundObligation['event'] = null;
  if (isUuid(periodKey)) {
    const [ev] = await tx
      .select({ id: declaredEvents.id, title: declaredEvents.title, eventDate: declaredEvents.eventDate, year: declaredEvents.year })
      .from(declaredEvents)
      .where(
        and(
          eq(declaredEvents.id, periodKey),
          eq(declaredEvents.districtId, districtId),
          eq(declaredEvents.schoolId, schoolId),
          eq(declaredEvents.itemCode, itemCode),
          isNull(declaredEvents.deletedAt),
        ),
      );
    if (!ev) return null;
    event = { id: ev.id, title: ev.title, eventDate: ev.eventDate };
    year = ev.year;
    quarters = [quarterOfDate(ev.eventDate)];
  } else {
    const c = candidateQuarters(periodKey);
    if (!c) return null;
    ({ year, quarters } = c);
  }
  for (const quarter of quarters) {
    const { bySchool } = await quarterResults(tx, districtId, [schoolId], year, quarter, day);
    const result = (bySchool.get(schoolId) ?? []).find((r) => r.obligation.itemCode === itemCode && r.obligation.periodKey === periodKey);
    if (!result) continue;
    const version = await versionForQuarter(tx, districtId, year, quarter);
    const item = version?.items.find((i) => i.code === itemCode);
    if (item) return { q: { year, quarter }, result, item, event };
  }
  return null;
}
