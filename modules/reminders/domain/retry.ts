// Retries of an external delivery (issue 16): exponential backoff, then the dead-letter list.
export const MAX_ATTEMPTS = 5;
export const FIRST_RETRY_SECONDS = 30;
export const MAX_RETRY_SECONDS = 3600;

/** Seconds to wait after failed attempt number `attempt` (1-based): 30 s, 60 s, 120 s, 240 s, … ≤ 1 h. */
export function retryDelaySeconds(attempt: number): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(FIRST_RETRY_SECONDS * 2 ** (n - 1), MAX_RETRY_SECONDS);
}

/** After a failed attempt: when to try again, or 'dead' when the attempts are used up. */
export function afterFailure(attempt: number, at: Date, maxAttempts = MAX_ATTEMPTS): Date | 'dead' {
  if (attempt >= maxAttempts) return 'dead';
  return new Date(at.getTime() + retryDelaySeconds(attempt) * 1000);
}
