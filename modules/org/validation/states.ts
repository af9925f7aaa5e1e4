// Action states of the administration forms beyond the shared ActionState: a freshly issued
// one-time password (a new user, a reset, a new district's first admin).
import type { ActionState } from '@/core/forms/state';

/** A one-time secret handed to the admin once (temporary password); never stored in clear. */
export interface IssuedPassword {
  username: string;
  password: string;
}

export type IssuedState = ActionState | { status: 'issued'; issued: IssuedPassword };
