// Pages turn a data-layer refusal (missing, outside the caller's scope, or a malformed id) into
// Next's 404 page — the page-side half of core/guard.ts, so no page catches AppError by hand.
import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from './errors';

const HIDDEN = new Set(['notFound', 'forbidden', 'badRequest']);

function hidden(e: unknown): boolean {
  return e instanceof AppError && HIDDEN.has(e.code);
}

/** The value, or the 404 page when the record is missing or out of the caller's scope. */
export async function found<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (hidden(e)) notFound();
    throw e;
  }
}

/** How far the fact store got recomputing a district-year (modules/facts). */
export interface RecomputeProgress {
  year: number;
  done: number;
  total: number;
}

/**
 * A district page's figures, or — while the fact store recomputes the district-year after a
 * change of many facts (issue 15) — its progress, which the page shows instead of stale figures.
 */
export async function unlessRecomputing<T>(p: Promise<T>): Promise<{ value: T; recomputing: null } | { value: null; recomputing: RecomputeProgress }> {
  try {
    return { value: await p, recomputing: null };
  } catch (e) {
    if (e instanceof AppError && e.code === 'unavailable' && e.message === 'recomputing') return { value: null, recomputing: e.detail as RecomputeProgress };
    throw e;
  }
}

/** The value, or null when the record is missing or out of scope (a panel inside a page). */
export async function foundOrNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (hidden(e)) return null;
    throw e;
  }
}
