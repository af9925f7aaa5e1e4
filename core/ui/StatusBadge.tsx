import { getTranslations } from 'next-intl/server';
import type { ObligationStatus } from '@/core/domain/types';

export async function StatusBadge({ status }: { status: ObligationStatus }) {
  const t = await getTranslations();
  return (
    <span className={`badge s-${status}`}>
      <span aria-hidden>{t(`statusSymbol.${status}`)} </span>
      {t(`status.${status}`)}
    </span>
  );
}

/** The report state's badge key (`reportState.<key>`, class `s-<key>`): a state without a report is 'none'. */
export function reportBadgeKey(state: string): 'draft' | 'submitted' | 'returned' | 'approved' | 'none' {
  return state === 'draft' || state === 'submitted' || state === 'returned' || state === 'approved' ? state : 'none';
}

export async function ReportStateBadge({ state }: { state: string }) {
  const t = await getTranslations('reportState');
  const key = reportBadgeKey(state);
  return <span className={`badge s-${key}`}>{t(key)}</span>;
}
