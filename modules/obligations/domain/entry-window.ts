// When a coordinator may still change a quarter's records (DESIGN §3 close date, §5 report states).
import { isQuarterClosed } from '@/core/domain/periods';
import type { LocalDate, QuarterRef, ReportState } from '@/core/domain/types';
import { isEditableByCoordinator } from '@/modules/reports/domain/workflow';

/** Why entries are refused: the report is with the evaluator, approved, or the period closed. */
export type EntryBlock = 'submitted' | 'approved' | 'closed';

/**
 * Whether disclosures, evidence, events and "no such matter" statements of quarter `q` may be
 * changed today; null = open.
 *
 * - §5: only while the report is draft or returned (a missing report row counts as draft).
 * - §3: a period closes `closeDays` after quarter end: "no entries after that unless an evaluator
 *   reopens the report". Decision (issue 3): a report the evaluator returned — by `return` or by
 *   `reopen` of an approved one, both audited transitions — is exactly such a reopening, so a
 *   returned report stays editable after the close date. The date rule of §3 still applies to
 *   each disclosure (validateDisclosureDate: not later than the close date), so a reopened
 *   quarter can be corrected and completed with what really happened in time, not back-filled
 *   with disclosures made after it closed.
 */
export function entryBlock(state: ReportState | null, q: QuarterRef, today: LocalDate, closeDays: number): EntryBlock | null {
  const s = state ?? 'draft';
  if (!isEditableByCoordinator(s)) return s === 'approved' ? 'approved' : 'submitted';
  if (s === 'draft' && isQuarterClosed(q, today, closeDays)) return 'closed';
  return null;
}

/**
 * When the report's lock began: the approval (approved), the last submission (submitted); null
 * while the coordinator holds the report (draft, returned).
 */
export function lockedSince(r: { state: ReportState; lastSubmittedAt: Date | null; approvedAt: Date | null } | null): Date | null {
  if (!r) return null;
  if (r.state === 'approved') return r.approvedAt;
  if (r.state === 'submitted') return r.lastSubmittedAt;
  return null;
}

/**
 * §3: whether one disclosure of an obligation (deadline `deadline`) may be recorded — or, for an
 * existing one, changed or removed — today; null = open.
 *
 * An approved report locks what was reviewed, but a disclosure of an obligation of that quarter
 * whose deadline has not passed yet can still be recorded (the evaluator sees it flagged as added
 * after approval), and changed or removed while its deadline lies ahead — only one added after the
 * lock (`addedAfterLock`), never one the evaluator saw. Decision: a submitted report (with the
 * evaluator) is treated the same: submission opens the day after the quarter ends, while e.g.
 * December's accounts are due on 10 January and must still be recordable. The close date (§3)
 * still closes everything.
 */
export function disclosureEntryBlock(quarterBlock: EntryBlock | null, deadline: LocalDate, today: LocalDate, addedAfterLock = true): EntryBlock | null {
  if (quarterBlock === null || quarterBlock === 'closed') return quarterBlock;
  return today <= deadline && addedAfterLock ? null : quarterBlock;
}
