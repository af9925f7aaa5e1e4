// Display helpers shared by pages (numbers come already computed from lib/domain).
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v.toFixed(1)}%`;
}

export function dateTime(d: Date | null | undefined, locale: string): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
