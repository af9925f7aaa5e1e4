// Message files: messages/<locale>/*.json, one file per feature, merged by top-level namespace
// (so features add their own file instead of editing a shared one). Read once per process.
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './config';

type Messages = Record<string, Record<string, unknown>>;
const cache = new Map<Locale, Messages>();

export function loadMessages(locale: Locale, dir = path.join(process.cwd(), 'messages')): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const folder = path.join(dir, locale);
  const out: Messages = {};
  for (const file of fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Messages;
    for (const [ns, value] of Object.entries(json)) {
      if (out[ns]) throw new Error(`messages/${locale}/${file}: namespace "${ns}" is defined twice`);
      out[ns] = value;
    }
  }
  cache.set(locale, out);
  return out;
}
