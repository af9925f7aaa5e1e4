// Route parameters of the public notice pages → the notice, or a 404.
import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { publicNotice, type PublicNotice } from '@/modules/ranking/data/notice-public';
import { parseYear } from '@/modules/ranking/validation/ranking';

export async function loadNotice(params: Promise<{ district: string; year: string }>): Promise<PublicNotice> {
  const { district, year } = await params;
  const y = parseYear(year);
  const notice = y === null ? null : await publicNotice(district, y);
  if (!notice) notFound();
  return notice;
}

/** The page's own address, for the printed "object online at …" line. */
export async function publicUrl(path: string): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return host ? `${proto}://${host}${path}` : path;
}
