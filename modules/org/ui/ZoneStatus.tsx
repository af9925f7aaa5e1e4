'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { deactivateZoneAction, reactivateZoneAction } from '@/modules/org/actions/zones';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FieldError, FormStatus, invalidProps } from '@/core/forms/ui';

/**
 * Deactivate a zone. When it still has schools the admin must say where they go (another zone,
 * or none); evaluators limited to this zone follow its schools.
 */
export function DeactivateZone({ zoneId, schools, others }: { zoneId: string; schools: number; others: { id: string; name: string }[] }) {
  const t = useTranslations('adminZones');
  const [state, action, pending] = useActionState<ActionState, FormData>(deactivateZoneAction, { status: 'idle' });
  const errors = errorsOf(state);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="zoneId" value={zoneId} />
      {schools > 0 && (
        <label>
          {t('moveTo', { count: schools })}
          <select name="moveTo" defaultValue="" {...invalidProps('moveTo', errors)}>
            <option value="" disabled>
              {t('choose')}
            </option>
            {others.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
            <option value="none">{t('noZone')}</option>
          </select>
          <FieldError name="moveTo" errors={errors} />
        </label>
      )}
      <FormStatus state={state} savedText={t('deactivated')} />
      <button type="submit" disabled={pending}>
        {t('deactivate')}
      </button>
    </form>
  );
}

export function ReactivateZone({ zoneId }: { zoneId: string }) {
  const t = useTranslations('adminZones');
  const [state, action, pending] = useActionState<ActionState, FormData>(reactivateZoneAction, { status: 'idle' });
  return (
    <form action={action}>
      <input type="hidden" name="zoneId" value={zoneId} />
      <button type="submit" disabled={pending}>
        {t('reactivate')}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
