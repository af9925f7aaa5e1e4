// A period key (§3) in words: "2026年10月", "2026年上半年", or a declared event's title and date.
import { parsePeriodKey } from '@/core/domain/periods';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function periodText(t: Translate, periodKey: string, event?: { title: string; eventDate: string } | null): string {
  const p = parsePeriodKey(periodKey);
  if (!p) return event ? t('coordTerms.period.event', { title: event.title, date: event.eventDate }) : periodKey;
  switch (p.kind) {
    case 'month':
      return t('coordTerms.period.month', { year: p.year, month: p.index! });
    case 'quarter':
      return t('coordTerms.period.quarter', { year: p.year, quarter: p.index! });
    case 'half':
      return t(`coordTerms.period.half${p.index}`, { year: p.year });
    case 'term':
      return t(`coordTerms.period.term${p.index}`, { year: p.year });
    case 'year':
      return t('coordTerms.period.year', { year: p.year });
  }
}
