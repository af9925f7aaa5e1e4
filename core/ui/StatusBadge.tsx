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

export async function ReportStateBadge({ state }: { state: string }) {
  const t = await getTranslations('reportState');
  const key = ['draft', 'submitted', 'returned', 'approved'].includes(state) ? state : 'none';
  return <span className={`badge s-${key}`}>{t(key)}</span>;
}
