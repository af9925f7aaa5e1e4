'use client';
// The last step of the review: confirm (when mandatory obligations are unmet) and submit.
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import styles from '@/core/ui/school.module.css';
import { submitReportAction } from '@/modules/reports/actions/school-report';
import { isRefusal, refusalKey } from '@/core/forms/state';
import type { SubmitState } from '@/modules/reports/validation/states';

export function SubmitForm({ year, quarter, version, gaps, resubmit }: { year: number; quarter: number; version: number; gaps: number; resubmit: boolean }) {
  const t = useTranslations('coordReport');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState<SubmitState, FormData>(submitReportAction, { status: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  return (
    <form action={action} className={`card ${styles.form}`} data-testid="submit-form">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={version} />
      {gaps > 0 && (
        <label className={styles.inline}>
          <input type="checkbox" name="confirmGaps" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <span>{t('confirmGaps', { count: gaps })}</span>
        </label>
      )}
      {state.status === 'needsConfirm' && (
        <p role="alert" className="error">
          {t('needsConfirm', { count: state.gaps })}
        </p>
      )}
      {state.status === 'stale' && (
        <p role="alert" className="error">
          {t('stale')}
        </p>
      )}
      {state.status === 'notYet' && (
        <p role="alert" className="error">
          {t('notYet', { date: state.opensOn })}
        </p>
      )}
      {state.status === 'wrongState' && (
        <p role="alert" className="error">
          {t('wrongState')}
        </p>
      )}
      {isRefusal(state) && (
        <p role="alert" className="error">
          {tAll(refusalKey(state), { date: '' })}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="submit" className="primary" disabled={pending || (gaps > 0 && !confirmed)}>
          {pending ? t('submitting') : resubmit ? t('resubmit') : t('submit')}
        </button>
        <span className="muted small">{t('lockHint')}</span>
      </div>
    </form>
  );
}
