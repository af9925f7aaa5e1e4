// Action states of the coordinator's report and rectification forms (DESIGN §5).
import type { ActionState, Refusal } from '@/core/forms/state';

export type SubmitState =
  | { status: 'idle' }
  | { status: 'submitted'; onTime: boolean; resubmitted: boolean; gaps: number }
  | { status: 'needsConfirm'; gaps: number }
  | { status: 'stale' }
  | { status: 'wrongState' }
  | { status: 'notYet'; opensOn: string }
  | Refusal;

export type RespondState = Exclude<ActionState, { status: 'saved' }> | { status: 'sent'; late: boolean };
