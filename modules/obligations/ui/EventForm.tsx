'use client';
// Declare an event of an event item (§3), e.g. "a title-evaluation round on 2026-05-12".
import { useActionState, useEffect, useState, startTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { StoredDraft } from '@/core/forms/drafts';
import { DraftNotice } from '@/core/forms/DraftNotice';
import { useFormDraft } from '@/core/forms/useFormDraft';
import styles from '@/core/ui/school.module.css';
import { declareEventAction } from '@/modules/obligations/actions/events';
import { FieldError } from '@/core/forms/ui';
import { EVENT_FORM_KEY, type QuarterFormState } from '@/modules/obligations/validation/states';
import { isRefusal, refusalKey } from '@/core/forms/state';

type Values = { itemCode: string; eventDate: string; title: string };

export function EventForm({ items, userKey, draft, maxDate }: { items: { code: string; name: string }[]; userKey: string; draft: StoredDraft | null; maxDate: string }) {
  const t = useTranslations();
  const initial: Values = { itemCode: '', eventDate: '', title: '' };
  const [values, setValues] = useState<Values>(initial);
  const [state, dispatch, pending] = useActionState<QuarterFormState, FormData>(declareEventAction, { status: 'idle' });
  const d = useFormDraft({ formKey: EVENT_FORM_KEY, userKey, initial, serverDraft: draft, values, setValues, enabled: true });
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  useEffect(() => {
    if (state.status === 'saved') {
      d.clear();
      setValues(initial);
    }
  }, [state]);
  const set = (k: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));
  return (
    <form
      className={`card ${styles.form}`}
      noValidate
      data-testid="event-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData();
        for (const [k, v] of Object.entries(values)) fd.set(k, v);
        startTransition(() => dispatch(fd));
      }}
    >
      <h2>{t('coordEvents.declareTitle')}</h2>
      <p className="muted small">{t('coordEvents.declareHint')}</p>
      <DraftNotice restoredAt={d.restoredAt} onDiscard={d.discard} />
      <div className={styles.field}>
        <label htmlFor="ev-item">{t('coordEvents.item')}</label>
        <select id="ev-item" name="itemCode" value={values.itemCode} onChange={set('itemCode')} aria-invalid={errors.itemCode ? true : undefined}>
          <option value="">{t('coordDisclosure.choose')}</option>
          {items.map((i) => (
            <option key={i.code} value={i.code}>
              {i.code} {i.name}
            </option>
          ))}
        </select>
        <FieldError name="itemCode" errors={errors} id="ev-item-error" />
      </div>
      <div className={styles.field}>
        <label htmlFor="ev-date">{t('coordEvents.eventDate')}</label>
        <input id="ev-date" name="eventDate" type="date" max={maxDate} value={values.eventDate} onChange={set('eventDate')} aria-invalid={errors.eventDate ? true : undefined} />
        <span className={styles.hint}>{t('coordEvents.eventDateHint')}</span>
        <FieldError name="eventDate" errors={errors} id="ev-date-error" />
      </div>
      <div className={styles.field}>
        <label htmlFor="ev-title">{t('coordEvents.eventTitle')}</label>
        <input
          id="ev-title"
          name="title"
          value={values.title}
          maxLength={220}
          placeholder={t('coordEvents.eventTitlePlaceholder')}
          onChange={set('title')}
          aria-invalid={errors.title ? true : undefined}
        />
        <FieldError name="title" errors={errors} id="ev-title-error" />
      </div>
      {isRefusal(state) && (
        <p role="alert" className="error">
          {t(refusalKey(state), { date: '' })}
        </p>
      )}
      {state.status === 'saved' && (
        <p role="status" className="notice-ok">
          {t('coordEvents.declared', { year: state.q?.year ?? '', quarter: state.q?.quarter ?? '' })}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="submit" className="primary" disabled={pending}>
          {t('coordEvents.declare')}
        </button>
      </div>
    </form>
  );
}
