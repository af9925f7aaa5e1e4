// Runs data access inside the caller's district under row-level security (DESIGN §1), and gives
// "today" in Asia/Shanghai from the (overridable) clock.
import { withDistrict, type Tx } from '@/db/client';
import { localDateOf } from './domain/dates';
import { currentQuarter } from './domain/periods';
import type { LocalDate, QuarterRef } from './domain/types';
import { now } from './env';
import { AppError } from './errors';
import { requireDistrict, requireRole, type DistrictScope, type Scope } from './scope';
import type { Role } from './domain/types';

export function today(): LocalDate {
  return localDateOf(now());
}

export function thisQuarter(): QuarterRef {
  return currentQuarter(now());
}

/** Checks the role, then runs `fn` in a transaction limited by RLS to the caller's district. */
export async function inDistrict<T>(scope: Scope, roles: readonly Role[], fn: (tx: Tx, scope: DistrictScope) => Promise<T>): Promise<T> {
  requireRole(scope, roles);
  const s = requireDistrict(scope);
  try {
    return await withDistrict(s.districtId, (tx) => fn(tx, s));
  } catch (e) {
    // The database is down, restarting or cut the connection: the transaction did not commit
    // (or its outcome is unknown to us); callers get a clean 503 rather than a driver error.
    if (isDatabaseUnavailable(e)) throw new AppError('unavailable');
    throw e;
  }
}

// postgres.js / Node socket error codes of a lost or refused connection.
const CONNECTION_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * Whether an error means "the database cannot be reached right now": a lost or refused
 * connection, or SQLSTATE class 08 (connection exception) / 57P01–57P03 (shutdown, crash
 * shutdown, starting up). Follows `cause` (drizzle wraps driver errors in DrizzleQueryError).
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (cur instanceof AppError) return false;
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code))) return true;
  }
  return false;
}
