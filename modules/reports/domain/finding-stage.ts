// What a finding's badges say (DESIGN §5, issue 14: badges follow the facts). A finding is overdue
// only while the school owes an answer past its due date; an answer given late is shown as such,
// and a finding sent back as 整改不到位 (or reopened after closing) asks for a new answer.
import type { LocalDate } from '@/core/domain/types';

export type FindingStage = 'awaitingResponse' | 'resubmit' | 'responded' | 'closed';

export interface FindingFacts {
  status: 'open' | 'responded' | 'closed';
  dueOn: LocalDate;
  /** The school's answers so far (dates they were given), oldest first. */
  responses: readonly { on: LocalDate }[];
}

export function findingStage(f: FindingFacts): FindingStage {
  if (f.status === 'closed') return 'closed';
  if (f.status === 'responded') return 'responded';
  return f.responses.length > 0 ? 'resubmit' : 'awaitingResponse';
}

// Overdue (the school owes an answer past the due date) is finding-overdue.ts's isFindingOverdue: one function for every screen.

/** The latest answer came after the due date (the one in force now: 整改不到位 sets a new one). */
export function answeredLate(f: FindingFacts): boolean {
  const last = f.responses[f.responses.length - 1];
  return f.status !== 'open' && last !== undefined && last.on > f.dueOn;
}
