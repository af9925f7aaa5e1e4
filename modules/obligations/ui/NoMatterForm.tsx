'use client';
// "No such matter this quarter" for one event item, with a reason (§3; evaluators may challenge it).
import { useActionState, useState, startTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { StoredDraft } from '@/modules/disclosures/data/drafts';
import { FieldError } from '@/core/forms/FieldError';
import { useFormDraft } from '@/modules/disclosures/ui/useFormDraft';
import { isRefusal, noMatterFormKey, refusalKey, type SimpleFormState } from '@/core/forms/states';
import styles from './school.module.css';
import { noMatterAction } from '@/modules/obligations/actions/events';

export function NoMatterForm({
  itemCode,
  year,
  quarter,
  userKey,
  draft,
  initialReason = '',
}: {
  itemCode: string;
  year: number;
  quarter: number;
  userKey: string;
  draft: StoredDraft | null;
  initialReason?: string;
}) {
  const t = useTranslations();
  const initial = { reason: initialReason };
  const [values, setValues] = useState(initial);
  const [state, dispatch, pending] = useActionState<SimpleFormState, FormData>(noMatterAction, { status: 'idle' });
  useFormDraft({ formKey: noMatterFormKey(itemCode, { year, quarter }), userKey, initial, serverDraft: draft, values, setValues, enabled: true });
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const err = errors.reason ?? errors.itemCode;
  const id = `nm-${itemCode}`;
  return (
    <form
      className={styles.form}
      noValidate
      data-testid={`no-matter-form-${itemCode}`}
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData();
        fd.set('itemCode', itemCode);
        fd.set('year', String(year));
        fd.set('quarter', String(quarter));
        fd.set('reason', values.reason);
        startTransition(() => dispatch(fd));
      }}
    >
      <div className={styles.field}>
        <label htmlFor={id}>{t('coordEvents.noMatterReason')}</label>
        <textarea
          id={id}
          name="reason"
          rows={2}
          maxLength={520}
          value={values.reason}
          placeholder={t('coordEvents.noMatterPlaceholder')}
          onChange={(e) => setValues({ reason: e.target.value })}
          aria-invalid={err ? true : undefined}
        />
        <FieldError id={`${id}-error`} error={err} />
      </div>
      {isRefusal(state) && (
        <p role="alert" className="error">
          {t(refusalKey(state), { date: '' })}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="submit" disabled={pending}>
          {t('coordEvents.stateNoMatter')}
        </button>
      </div>
    </form>
  );
}
