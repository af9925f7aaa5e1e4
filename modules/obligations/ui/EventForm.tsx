'use client';
// Declare an event of an event item (§3), e.g. "a title-evaluation round on 2026-05-12".
import { useActionState, useEffect, useState, startTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { StoredDraft } from '@/modules/disclosures/data/drafts';
import { DraftNotice } from '@/modules/disclosures/ui/DraftNotice';
import { FieldError } from '@/core/forms/FieldError';
import { useFormDraft } from '@/modules/disclosures/ui/useFormDraft';
import { EVENT_FORM_KEY, isRefusal, refusalKey, type SimpleFormState } from '@/core/forms/states';
import styles from './school.module.css';
import { declareEventAction } from '@/modules/obligations/actions/events';

type Values = { itemCode: string; eventDate: string; title: string };

export function EventForm({ items, userKey, draft, maxDate }: { items: { code: string; name: string }[]; userKey: string; draft: StoredDraft | null; maxDate: string }) {
  const t = useTranslations();
  const initial: Values = { itemCode: '', eventDate: '', title: '' };
  const [values, setValues] = useState<Values>(initial);
  const [state, dispatch, pending] = useActionState<SimpleFormState, FormData>(declareEventAction, { status: 'idle' });
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
        <FieldError id="ev-item-error" error={errors.itemCode} />
      </div>
      <div className={styles.field}>
        <label htmlFor="ev-date">{t('coordEvents.eventDate')}</label>
        <input id="ev-date" name="eventDate" type="date" max={maxDate} value={values.eventDate} onChange={set('eventDate')} aria-invalid={errors.eventDate ? true : undefined} />
        <span className={styles.hint}>{t('coordEvents.eventDateHint')}</span>
        <FieldError id="ev-date-error" error={errors.eventDate} />
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
        <FieldError id="ev-title-error" error={errors.title} />
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
