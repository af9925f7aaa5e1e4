// Display helpers shared by pages (numbers come exact from the domain; §4: rounded once, here, at
// the precision shown).
import { shownText } from '@/core/domain/rounding';

/** A percentage on screen: one decimal, rounded half up from the exact value (3.846 → '3.8%'). */
export function pct(v: number | null | undefined): string {
  const s = shownText(v);
  return s === null ? '—' : `${s}%`;
}

/** An evaluator score on screen: one decimal (92.75 → '92.8'). */
export function scoreText(v: number | null | undefined): string {
  return shownText(v) ?? '—';
}

export function dateTime(d: Date | null | undefined, locale: string): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
