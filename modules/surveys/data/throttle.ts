// Rate limit for the public survey endpoint, per client address (bucket 'survey-address'), with
// the counters in the database (core/rate-limit.ts): they survive a restart and hold across
// several app processes. Counted: every answer submitted and every lookup of an unknown code —
// what guessing would produce. The address is kept only as a keyed hash, so the counters table
// holds no client addresses either.
import { env } from '@/core/env';
import { createHash, createHmac } from 'node:crypto';
import { blockedFor, hit, type LimitRule } from '@/core/rate-limit';

export const SURVEY_BUCKET = 'survey-address';
/**
 * Generous enough for a parents' meeting answering on the school's Wi-Fi (one address), far too
 * few for guessing a 12-character code (README "Surveys").
 */
export const SURVEY_ADDRESS_RULE: LimitRule = { limit: 200, windowMs: 10 * 60_000, blockMs: 30 * 60_000 };

export function addressKey(address: string): string {
  const secret = env().NEXTAUTH_SECRET;
  return secret ? createHmac('sha256', secret).update(`survey:${address}`).digest('base64url') : createHash('sha256').update(`survey:${address}`).digest('base64url');
}

export async function surveyBlocked(address: string): Promise<boolean> {
  return (await blockedFor(SURVEY_BUCKET, addressKey(address))) > 0;
}

/** Counts one hit; true when the address has now passed the limit (and is blocked). */
export async function countSurveyHit(address: string): Promise<boolean> {
  return (await hit(SURVEY_BUCKET, addressKey(address), SURVEY_ADDRESS_RULE)) > SURVEY_ADDRESS_RULE.limit;
}
