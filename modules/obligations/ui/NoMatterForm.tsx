'use client';
// "No such matter this quarter" for one event item, with a reason (§3; evaluators may challenge it).
import { useActionState, useState, startTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { StoredDraft } from '@/core/forms/drafts';
import { useFormDraft } from '@/core/forms/useFormDraft';
import styles from '@/core/ui/school.module.css';
import { noMatterAction } from '@/modules/obligations/actions/events';
import { FieldError } from '@/core/forms/ui';
import { isRefusal, refusalKey } from '@/core/forms/state';
import { noMatterFormKey, type QuarterFormState } from '@/modules/obligations/validation/states';

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
  const [state, dispatch, pending] = useActionState<QuarterFormState, FormData>(noMatterAction, { status: 'idle' });
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
        <FieldError name={errors.reason ? 'reason' : 'itemCode'} errors={errors} id={`${id}-error`} />
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
