'use client';
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { removeHolidayAction, saveHolidayAction } from '@/modules/org/actions/holidays';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FieldError, FormStatus, invalidProps, valuesOf } from '@/core/forms/ui';

export function HolidayForm({ year }: { year: number }) {
  const t = useTranslations('adminHolidays');
  const [state, action, pending] = useActionState<ActionState, FormData>(saveHolidayAction, { status: 'idle' });
  const errors = errorsOf(state);
  const values = valuesOf(state, { day: '', name: '' });
  const form = useRef<HTMLFormElement>(null);
  // After a save the fields empty for the next day.
  useEffect(() => {
    if (state.status === 'saved') form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="filters" noValidate>
      <label>
        {t('day')}
        <input type="date" name="day" min={`${year}-01-01`} max={`${year}-12-31`} defaultValue={values.day} {...invalidProps('day', errors)} />
        <FieldError name="day" errors={errors} />
      </label>
      <label>
        {t('name')}
        <input name="name" maxLength={50} defaultValue={values.name} {...invalidProps('name', errors)} />
        <FieldError name="name" errors={errors} />
      </label>
      <button type="submit" className="primary" disabled={pending}>
        {t('add')}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function RemoveHoliday({ day }: { day: string }) {
  const t = useTranslations('adminHolidays');
  const [state, action, pending] = useActionState<ActionState, FormData>(removeHolidayAction, { status: 'idle' });
  return (
    <form action={action}>
      <input type="hidden" name="day" value={day} />
      <button type="submit" disabled={pending} aria-label={t('removeDay', { day })}>
        {t('remove')}
      </button>
      {state.status !== 'idle' && state.status !== 'saved' && <FormStatus state={state} />}
    </form>
  );
}
