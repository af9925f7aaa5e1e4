// §5 Quarterly report states: draft → submitted → (returned → submitted)* → approved.
// Approval locks the report; an evaluator may reopen it with a reason (back to `returned`).
import { addDays } from '@/core/domain/dates';
import { quarterEnd } from '@/core/domain/periods';
import type { LocalDate, ObligationResult, QuarterRef, ReportState, Role } from '@/core/domain/types';

export type ReportAction = 'submit' | 'return' | 'approve' | 'reopen';

interface Rule {
  from: readonly ReportState[];
  to: ReportState;
  roles: readonly Role[];
  needsReason: boolean;
}

export const REPORT_TRANSITIONS: Record<ReportAction, Rule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['coordinator'], needsReason: false },
  return: { from: ['submitted'], to: 'returned', roles: ['evaluator'], needsReason: true },
  approve: { from: ['submitted'], to: 'approved', roles: ['evaluator'], needsReason: false },
  reopen: { from: ['approved'], to: 'returned', roles: ['evaluator'], needsReason: true },
};

export type TransitionCheck = { ok: true; to: ReportState } | { ok: false; reason: 'wrongState' | 'wrongRole' | 'reasonRequired' };

export function checkTransition(action: ReportAction, from: ReportState, role: Role, reason?: string | null): TransitionCheck {
  const rule = REPORT_TRANSITIONS[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: 'wrongRole' };
  if (!rule.from.includes(from)) return { ok: false, reason: 'wrongState' };
  if (rule.needsReason && !reason?.trim()) return { ok: false, reason: 'reasonRequired' };
  return { ok: true, to: rule.to };
}

/** A coordinator may change disclosures only while the report is draft or returned (§5, issue 3). */
export function isEditableByCoordinator(state: ReportState): boolean {
  return state === 'draft' || state === 'returned';
}

/** §3: the first day a quarter's report may be submitted: the day after the quarter ends. */
export function submissionOpensOn(q: QuarterRef): LocalDate {
  return addDays(quarterEnd(q), 1);
}

/**
 * §3 when a quarterly report may be submitted: from the day after its quarter ends — earlier only
 * when every obligation of the quarter is already met (a quarter without obligations is not
 * "complete" early). Returns null when it may, else the day it opens. This keeps a school from
 * submitting (and an evaluator from approving) a quarter whose obligations are still to come,
 * which would lock the school out and make "four quarters approved" (§6) reachable before the
 * year is over.
 */
export function submissionNotBefore(q: QuarterRef, today: LocalDate, results: readonly Pick<ObligationResult, 'met'>[]): LocalDate | null {
  const opens = submissionOpensOn(q);
  if (today >= opens) return null;
  if (results.length > 0 && results.every((r) => r.met)) return null;
  return opens;
}
