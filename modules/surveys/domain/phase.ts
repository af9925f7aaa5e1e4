// §7 survey window: a survey accepts answers from its opening day to its closing day inclusive
// (Asia/Shanghai calendar days).
import type { LocalDate } from '@/core/domain/types';

export type SurveyPhase = 'notOpen' | 'open' | 'closed';

export function surveyPhase(s: { opensOn: LocalDate; closesOn: LocalDate }, today: LocalDate): SurveyPhase {
  if (today < s.opensOn) return 'notOpen';
  if (today > s.closesOn) return 'closed';
  return 'open';
}

/** Questions may be edited only before the survey opens (no answer can exist yet). */
export function questionsEditable(s: { opensOn: LocalDate }, today: LocalDate): boolean {
  return today < s.opensOn;
}
