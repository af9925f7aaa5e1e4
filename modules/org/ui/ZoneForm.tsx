'use client';
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { saveZoneAction } from '@/modules/org/actions/zones';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FieldError, FormStatus, invalidProps, valuesOf } from '@/core/forms/ui';

/** Create (no `zoneId`) or edit a zone. */
export function ZoneForm({ zoneId, initial }: { zoneId?: string; initial?: { code: string; name: string; sortOrder: string } }) {
  const t = useTranslations('adminZones');
  const [state, action, pending] = useActionState<ActionState, FormData>(saveZoneAction, { status: 'idle' });
  const errors = errorsOf(state);
  const values = valuesOf(state, initial ?? { code: '', name: '', sortOrder: '' });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'saved' && !zoneId) form.current?.reset();
  }, [state, zoneId]);
  return (
    <form ref={form} action={action} className="form" noValidate>
      {zoneId && <input type="hidden" name="zoneId" value={zoneId} />}
      <label>
        {t('code')}
        <input name="code" defaultValue={values.code} key={`code:${values.code}`} autoComplete="off" {...invalidProps('code', errors)} />
        <FieldError name="code" errors={errors} />
      </label>
      <label>
        {t('name')}
        <input name="name" defaultValue={values.name} key={`name:${values.name}`} {...invalidProps('name', errors)} />
        <FieldError name="name" errors={errors} />
      </label>
      <label>
        {t('sortOrder')}
        <input name="sortOrder" type="number" step={1} min={0} defaultValue={values.sortOrder} key={`so:${values.sortOrder}`} {...invalidProps('sortOrder', errors)} />
        <FieldError name="sortOrder" errors={errors} />
      </label>
      <FormStatus state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {zoneId ? t('save') : t('create')}
      </button>
    </form>
  );
}
