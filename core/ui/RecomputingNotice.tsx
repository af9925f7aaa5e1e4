// Shown by a district page instead of its figures while the fact store recomputes the year after
// a change of many facts (a checklist edit, a holiday; issue 15): never stale numbers.
import { getTranslations } from 'next-intl/server';
import type { RecomputeProgress } from '@/core/found';

export async function RecomputingNotice({ progress }: { progress: RecomputeProgress }) {
  const t = await getTranslations('facts');
  const pct = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <div className="card" role="status" data-testid="recomputing">
      <p>
        <strong>{t('recomputing', { year: progress.year })}</strong>
      </p>
      <p>{t('progress', { done: progress.done, total: progress.total })}</p>
      <progress max={100} value={pct} aria-label={t('progressLabel')} />
      <p className="muted">{t('why')}</p>
    </div>
  );
}
