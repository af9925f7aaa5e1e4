// The one error type (STYLE: fixed codes mapped to HTTP statuses in one place). Data functions
// throw it; the guard (core/guard.ts) turns it into an action state or an HTTP response, so no
// action or route catches it by hand. Anything else thrown is a bug: logged, never shown.

/** Error codes and their HTTP statuses. */
export const ERROR_STATUS = {
  badRequest: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  /** Entries refused because the quarter is closed or its report locked (DESIGN §3, §5); `detail` says why. */
  locked: 409,
  tooLarge: 413,
  rateLimited: 429,
  error: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A machine reason (a message key suffix such as `stale`), never user data or driver text. */
    message?: string,
    /** Structured detail for the caller (e.g. the entry block, the bad parameter). */
    readonly detail?: unknown,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A bad query parameter of the read API or an export: 400 with a message naming the parameter. */
export class ParamError extends AppError {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super('badRequest', message, { param });
    this.name = 'ParamError';
  }
}

/** Throws a 404 (records outside the caller's scope are "not found", never 403: ids cannot be probed). */
export function notFound(): never {
  throw new AppError('notFound');
}
