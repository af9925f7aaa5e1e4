// Print pages: a document the caller may not read (outside their scope, or district-wide for a
// zone evaluator) is a 404 page, like any record outside scope (STYLE: 404, not 403).
import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/core/scope';

export async function readableOr404<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && (e.code === 'notFound' || e.code === 'forbidden')) notFound();
    throw e;
  }
}
