// Whether a session may still act (issue 13, "Sessions"). Pure: the token's claims, the user's
// row and the time in, one decision out. Every request path that resolves a caller from the
// session cookie asks this one function.
//
// - The token carries the user's session version at sign-in (`sv`) and the sign-in time (`sat`,
//   ms). Signing out, changing one's password, an admin's password reset and disabling the user
//   bump `users.session_version`, so every token issued before is 'revoked' at once — on every
//   device, including a copied cookie.
// - Besides next-auth's idle lifetime (the cookie's maxAge, renewed while in use), a session ends
//   SESSION_ABSOLUTE_MS after sign-in however active it is: 'expired'.
// - 'mustChangePassword': the session is valid but may do nothing except change the password.

/** Idle lifetime: next-auth's session maxAge, renewed while the session is used. */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** Absolute lifetime, counted from sign-in. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** A sign-in time this far ahead of the clock is not one this server issued. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type SessionRefusal = 'revoked' | 'expired' | 'mustChangePassword';

/** What the session token says (next-auth JWT claims; anything may be missing on old tokens). */
export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  sat?: unknown;
}

/** What the database says about the token's user; null when the user does not exist. */
export interface SessionHolder {
  sessionVersion: number;
  disabled: boolean;
  mustChangePassword: boolean;
}

export function sessionRefusal(token: SessionClaims | null | undefined, user: SessionHolder | null, now: Date): SessionRefusal | null {
  if (!token || !user || user.disabled) return 'revoked';
  // Tokens from before session versions existed carry none: they are ended too.
  if (typeof token.sv !== 'number' || !Number.isInteger(token.sv) || token.sv !== user.sessionVersion) return 'revoked';
  if (typeof token.sat !== 'number' || !Number.isFinite(token.sat)) return 'expired';
  const age = now.getTime() - token.sat;
  if (age > SESSION_ABSOLUTE_MS || age < -CLOCK_SKEW_MS) return 'expired';
  if (user.mustChangePassword) return 'mustChangePassword';
  return null;
}

/** Revoked and expired sessions are over; a pending password change still allows the password page. */
export function sessionEnded(refusal: SessionRefusal | null): boolean {
  return refusal === 'revoked' || refusal === 'expired';
}
