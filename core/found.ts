// Pages turn a data-layer `notFound` (missing, or outside the caller's scope) into a 404 page.
import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from './scope';

export async function found<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && e.code === 'notFound') notFound();
    throw e;
  }
}
