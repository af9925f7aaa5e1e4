'use client';
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { UserFormOptions } from '@/modules/org/data/users-admin';
import { DISTRICT_ROLES, type DistrictRole } from '@/modules/org/validation/org';
import { createUserAction, updateUserAction } from '@/modules/org/actions/users';
import type { IssuedState } from '@/modules/org/validation/states';
import { errorsOf, FieldError, FormStatus, invalidProps, valuesOf } from '@/core/forms/ui';
import { IssuedPasswordCard } from '@/modules/org/ui/IssuedPasswordCard';

interface Initial {
  userId?: string;
  username?: string;
  displayName: string;
  role: DistrictRole;
  schoolId: string;
  zoneIds: string[];
}

/**
 * Create (no `initial.userId`) or edit a user. §1: a coordinator has exactly one school, an
 * evaluator optionally zones (none = the whole district), other roles neither.
 */
export function UserForm({ options, initial, lockRole = false }: { options: UserFormOptions; initial?: Initial; lockRole?: boolean }) {
  const t = useTranslations();
  const editing = !!initial?.userId;
  const [state, action, pending] = useActionState<IssuedState, FormData>(editing ? (updateUserAction as (p: IssuedState, f: FormData) => Promise<IssuedState>) : createUserAction, { status: 'idle' });
  const errors = errorsOf(state);
  const start = {
    username: initial?.username ?? `${options.districtCode}.`,
    displayName: initial?.displayName ?? '',
    role: initial?.role ?? 'coordinator',
    schoolId: initial?.schoolId ?? '',
    zoneIds: (initial?.zoneIds ?? []).join(','),
  };
  const values = valuesOf(state, start);
  const [role, setRole] = useState<string>(values.role ?? 'coordinator');
  const chosenZones = new Set((values.zoneIds ?? '').split(',').filter(Boolean));
  const schools = options.schools.filter((s) => s.active || s.id === initial?.schoolId);
  const zones = options.zones.filter((z) => z.active || initial?.zoneIds.includes(z.id));
  // After a create, the form starts afresh (a new key) under the one-time password card.
  const formKey = state.status === 'issued' ? `issued:${state.issued.username}` : 'form';
  return (
    <>
      {state.status === 'issued' && <IssuedPasswordCard issued={state.issued} />}
      <form key={formKey} action={action} className="form" noValidate>
        {editing && <input type="hidden" name="userId" value={initial!.userId} />}
        {editing ? (
          <p>
            {t('adminUsers.username')}: <strong>{initial!.username}</strong>
          </p>
        ) : (
          <label>
            {t('adminUsers.username')}
            <input name="username" defaultValue={values.username} autoComplete="off" autoCapitalize="none" spellCheck={false} {...invalidProps('username', errors)} />
            <span className="muted small">{t('adminUsers.usernameHint', { district: options.districtCode })}</span>
            <FieldError name="username" errors={errors} />
          </label>
        )}
        <label>
          {t('adminUsers.displayName')}
          <input name="displayName" defaultValue={values.displayName} {...invalidProps('displayName', errors)} />
          <FieldError name="displayName" errors={errors} />
        </label>
        <label>
          {t('adminUsers.role')}
          {lockRole && <input type="hidden" name="role" value={role} />}
          <select name={lockRole ? undefined : 'role'} value={role} onChange={(e) => setRole(e.target.value)} disabled={lockRole} {...invalidProps('role', errors)}>
            {DISTRICT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          {lockRole && <span className="muted small">{t('adminUsers.ownRoleHint')}</span>}
          <FieldError name="role" errors={errors} />
        </label>
        {role === 'coordinator' && (
          <label>
            {t('common.school')}
            <select name="schoolId" defaultValue={values.schoolId} {...invalidProps('schoolId', errors)}>
              <option value="">{t('adminUsers.chooseSchool')}</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.code} {s.name}
                </option>
              ))}
            </select>
            <FieldError name="schoolId" errors={errors} />
          </label>
        )}
        {role === 'evaluator' && (
          <fieldset {...invalidProps('zoneIds', errors)}>
            <legend>{t('adminUsers.zones')}</legend>
            <p className="muted small">{t('adminUsers.zonesHint')}</p>
            {zones.map((z) => (
              <label key={z.id} className="check">
                <input type="checkbox" name="zoneIds" value={z.id} defaultChecked={chosenZones.has(z.id)} /> {z.name}
              </label>
            ))}
            <FieldError name="zoneIds" errors={errors} />
          </fieldset>
        )}
        <FormStatus state={state} />
        <button type="submit" className="primary" disabled={pending}>
          {editing ? t('common.save') : t('adminUsers.create')}
        </button>
      </form>
    </>
  );
}
