'use client';
// Anyone may object while the 公示 runs (DESIGN §6): the text, and optionally a way to reach them.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { lodgeObjectionAction } from '@/modules/ranking/actions/objections';
import type { ActionState } from '@/core/forms/state';
import { FieldError } from '@/core/forms/ui';

export function ObjectionForm({ district, year }: { district: string; year: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionState, FormData>(lodgeObjectionAction, { status: 'idle' });
  const values = 'values' in state && state.values ? state.values : {};
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  if (state.status === 'saved') {
    return (
      <p role="status" className="notice-ok" data-testid="objection-saved">
        {t('notice.form.saved')}
        {state.message && (
          <>
            <br />
            <strong data-testid="objection-reference">{t('notice.form.reference', { reference: state.message })}</strong>
          </>
        )}
      </p>
    );
  }
  return (
    <form action={action} noValidate>
      <input type="hidden" name="district" value={district} />
      <input type="hidden" name="year" value={String(year)} />
      <div className="field">
        <label htmlFor="objection-text">{t('notice.form.text')}</label>
        <textarea
          id="objection-text"
          name="text"
          rows={5}
          maxLength={2000}
          required
          defaultValue={values.text}
          key={`text:${state.status}`}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? 'text-error' : 'text-hint'}
        />
        <span id="text-hint" className="small muted">
          {t('notice.form.textHint')}
        </span>
        <FieldError name="text" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="objection-contact">{t('notice.form.contact')}</label>
        <input
          id="objection-contact"
          name="contact"
          maxLength={200}
          autoComplete="off"
          defaultValue={values.contact}
          key={`contact:${state.status}`}
          aria-invalid={errors.contact ? true : undefined}
          aria-describedby={errors.contact ? 'contact-error' : 'contact-hint'}
        />
        <span id="contact-hint" className="small muted">
          {t('notice.form.contactHint')}
        </span>
        <FieldError name="contact" errors={errors} />
      </div>
      {state.status === 'invalid' && (
        <p role="alert" className="error">
          {t('validation.form')}
        </p>
      )}
      {state.status === 'conflict' && (
        <p role="alert" className="error">
          {t(state.message === 'rateLimited' ? 'notice.form.rateLimited' : 'notice.form.closed')}
        </p>
      )}
      {(state.status === 'error' || state.status === 'notFound' || state.status === 'forbidden') && (
        <p role="alert" className="error">
          {t('common.errorBody')}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t('notice.form.submit')}
      </button>
    </form>
  );
}
