// Evidence links (kind 'link'): only http(s) URLs, never javascript:, data: or file: (issue 3).
import { z } from 'zod';

export const URL_MAX = 2000;

/** An absolute http(s) URL with a host and without embedded credentials. */
export function isSafeHttpUrl(s: string): boolean {
  if (s.length > URL_MAX || /[\s\u0000-\u001f]/.test(s)) return false;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
}

export const evidenceLinkSchema = z.object({
  url: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().min(1, { error: 'validation.required' }).refine(isSafeHttpUrl, { error: 'coordValidation.urlInvalid' })),
});
