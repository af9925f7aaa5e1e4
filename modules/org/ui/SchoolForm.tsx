'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { SCHOOL_TYPES } from '@/core/domain/types';
import { saveSchoolAction, setSchoolActiveAction } from '@/modules/org/actions/schools';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FieldError, FormStatus, invalidProps, valuesOf } from '@/core/forms/ui';

export interface ZoneChoice {
  id: string;
  name: string;
  active: boolean;
}

/** Create (no `schoolId`) or edit a school: code, name, type, zone. */
export function SchoolForm({ schoolId, zones, initial }: { schoolId?: string; zones: ZoneChoice[]; initial?: Record<string, string> }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionState, FormData>(saveSchoolAction, { status: 'idle' });
  const errors = errorsOf(state);
  const values = valuesOf(state, initial ?? { code: '', name: '', type: '', zoneId: '' });
  // An inactive zone is offered only to the school that already has it.
  const choices = zones.filter((z) => z.active || z.id === initial?.zoneId);
  return (
    <form action={action} className="form" noValidate>
      {schoolId && <input type="hidden" name="schoolId" value={schoolId} />}
      <label>
        {t('adminSchools.code')}
        <input name="code" defaultValue={values.code} key={`c:${values.code}`} autoComplete="off" {...invalidProps('code', errors)} />
        <FieldError name="code" errors={errors} />
      </label>
      <label>
        {t('adminSchools.name')}
        <input name="name" defaultValue={values.name} key={`n:${values.name}`} {...invalidProps('name', errors)} />
        <FieldError name="name" errors={errors} />
      </label>
      <label>
        {t('common.type')}
        <select name="type" defaultValue={values.type} key={`t:${values.type}`} {...invalidProps('type', errors)}>
          <option value="">{t('adminSchools.choose')}</option>
          {SCHOOL_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`schoolTypes.${ty}`)}
            </option>
          ))}
        </select>
        <FieldError name="type" errors={errors} />
      </label>
      <label>
        {t('common.zone')}
        <select name="zoneId" defaultValue={values.zoneId} key={`z:${values.zoneId}`} {...invalidProps('zoneId', errors)}>
          <option value="">{t('adminSchools.noZone')}</option>
          {choices.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
              {z.active ? '' : ` (${t('adminZones.inactive')})`}
            </option>
          ))}
        </select>
        <FieldError name="zoneId" errors={errors} />
      </label>
      <FormStatus state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {schoolId ? t('common.save') : t('adminSchools.create')}
      </button>
    </form>
  );
}

export function SchoolActiveToggle({ schoolId, active }: { schoolId: string; active: boolean }) {
  const t = useTranslations('adminSchools');
  const [state, action, pending] = useActionState<ActionState, FormData>(setSchoolActiveAction, { status: 'idle' });
  return (
    <form action={action}>
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <button type="submit" disabled={pending}>
        {active ? t('deactivate') : t('reactivate')}
      </button>
      {state.status !== 'idle' && state.status !== 'saved' && <FormStatus state={state} />}
    </form>
  );
}
