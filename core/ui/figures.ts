// Display formats for ranking and notice figures (screen, print and export share them). §6
// rounds components and composite to 2 decimals; any figure is rounded once, half up, here.
import { DATA_DIGITS, shownText } from '@/core/domain/rounding';
import type { LocalDate } from '@/core/domain/types';

/** A figure with exactly 2 decimals (how §6 compares them), or '—' when it does not exist. */
export function fixed2(v: number | null | undefined): string {
  return shownText(v, DATA_DIGITS) ?? '—';
}

/** A weight as a percentage: 0.3 → '30%'. */
export function weightPct(w: number): string {
  return `${Math.round(w * 10000) / 100}%`;
}

/** A calendar date written out: zh-CN '2026年11月24日', en 'November 24, 2026'. */
export function longDate(d: LocalDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
}
