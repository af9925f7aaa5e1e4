import { NextResponse } from 'next/server';
import { databaseHealth } from '@/core/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const h = await databaseHealth();
  if (!h.ok) return NextResponse.json({ status: 'unavailable', db: h.kind }, { status: 503 });
  return NextResponse.json({ status: 'ok', db: h.kind });
}
