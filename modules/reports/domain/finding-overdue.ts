// When a finding (整改, DESIGN §5) is overdue: the school has not answered by the due date.
import type { LocalDate } from '@/core/domain/types';

/**
 * Overdue (逾期未交) = still waiting for the school's response after its due date. A finding the
 * school answered — on time or not — is no longer 未交: it waits for the evaluator (responded) or
 * is closed (issue 14: answered on 2025-11-25, due 11-30, showed 逾期未交). Reopened by the
 * evaluator it is open again and judged on its due date.
 */
export function isFindingOverdue(f: { status: 'open' | 'responded' | 'closed'; dueOn: LocalDate }, today: LocalDate): boolean {
  return f.status === 'open' && f.dueOn < today;
}
