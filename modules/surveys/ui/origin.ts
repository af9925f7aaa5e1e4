// The public origin printed on slips (`<origin>/s/<code>`): NEXTAUTH_URL, the app's configured
// public URL (README, Configuration), else what the request says.
import { env } from '@/core/env';
export function publicOrigin(h: Headers): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request
    }
  }
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}

export function surveyUrl(origin: string, code: string): string {
  return `${origin}/s/${code}`;
}
