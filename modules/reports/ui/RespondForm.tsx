'use client';
// The school's rectification response to one finding, with evidence uploaded under the id the
// response will get (§5). Typed text is kept as a draft until it is sent.
import { useActionState, useEffect, useState, startTransition, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { StoredDraft } from '@/core/forms/drafts';
import { DraftNotice } from '@/core/forms/DraftNotice';
import { useFormDraft } from '@/core/forms/useFormDraft';
import styles from '@/core/ui/school.module.css';
import { respondAction } from '@/modules/reports/actions/school-findings';
import type { RespondState } from '@/modules/reports/validation/states';
import { FieldError } from '@/core/forms/ui';
import { isRefusal, refusalKey } from '@/core/forms/state';

interface Props {
  findingId: string;
  rectificationId: string;
  userKey: string;
  draft: StoredDraft | null;
  /** The evidence panel of this response (rendered by the page: evidence belongs to disclosures). */
  evidence: ReactNode;
  /** Drops the evidence uploaded for this never-sent response when its draft is thrown away. */
  discardEvidence: () => Promise<unknown>;
}

export function RespondForm({ findingId, rectificationId, userKey, draft, evidence, discardEvidence }: Props) {
  const t = useTranslations();
  const formKey = `rectification:${findingId}`;
  const initial = { response: '' };
  const [values, setValues] = useState(initial);
  const [state, dispatch, pending] = useActionState<RespondState, FormData>(respondAction, { status: 'idle' });
  const d = useFormDraft({
    formKey,
    userKey,
    initial,
    serverDraft: draft,
    values,
    setValues,
    extra: { rectificationId },
    enabled: true,
    onDiscard: () => void discardEvidence().catch(() => undefined),
  });
  useEffect(() => {
    if (state.status === 'sent') d.clear();
  }, [state]);
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const id = `resp-${findingId}`;
  if (state.status === 'sent') {
    return (
      <p role="status" className="notice-ok">
        {state.late ? t('coordFindings.sentLate') : t('coordFindings.sent')}
      </p>
    );
  }
  return (
    <div className={styles.form} data-testid={`respond-${findingId}`}>
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData();
          fd.set('findingId', findingId);
          fd.set('rectificationId', rectificationId);
          fd.set('response', values.response);
          startTransition(() => dispatch(fd));
        }}
      >
        <DraftNotice restoredAt={d.restoredAt} onDiscard={d.discard} />
        <div className={styles.field}>
          <label htmlFor={id}>{t('coordFindings.response')}</label>
          <textarea
            id={id}
            rows={5}
            maxLength={4100}
            value={values.response}
            placeholder={t('coordFindings.responsePlaceholder')}
            onChange={(e) => setValues({ response: e.target.value })}
            aria-invalid={errors.response ? true : undefined}
          />
          <FieldError name="response" errors={errors} id={`${id}-error`} />
        </div>
        {isRefusal(state) && (
          <p role="alert" className="error">
            {state.status === 'conflict' ? t('coordFindings.closedMeanwhile') : t(refusalKey(state), { date: '' })}
          </p>
        )}
        <div className={styles.buttons}>
          <button type="submit" className="primary" disabled={pending}>
            {t('coordFindings.send')}
          </button>
        </div>
      </form>
      {evidence}
    </div>
  );
}
