'use client';
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createDistrictAction } from '@/modules/org/actions/platform';
import type { IssuedState } from '@/modules/org/validation/states';
import { errorsOf, FieldError, FormStatus, invalidProps, valuesOf } from '@/core/forms/ui';
import { IssuedPasswordCard } from '@/modules/org/ui/IssuedPasswordCard';

/** A district with its first district admin; the admin's one-time password is shown once. */
export function CreateDistrictForm() {
  const t = useTranslations('platform');
  const [state, action, pending] = useActionState<IssuedState, FormData>(createDistrictAction, { status: 'idle' });
  const errors = errorsOf(state);
  const values = valuesOf(state, { code: '', name: '', issuingBody: '', adminUsername: '', adminDisplayName: '' });
  const [code, setCode] = useState(values.code);
  const [username, setUsername] = useState(values.adminUsername);
  const field = (name: string, extra: Record<string, unknown> = {}) => (
    <label key={name}>
      {t(`form.${name}`)}
      <input name={name} defaultValue={values[name]} autoComplete="off" {...extra} {...invalidProps(name, errors)} />
      {t.has(`form.${name}Hint`) && <span className="muted small">{t(`form.${name}Hint`)}</span>}
      <FieldError name={name} errors={errors} />
    </label>
  );
  return (
    <>
      {state.status === 'issued' && <IssuedPasswordCard issued={state.issued} note={t('issuedNote')} />}
      <form key={state.status === 'issued' ? state.issued.username : 'form'} action={action} className="form" noValidate>
        <label>
          {t('form.code')}
          <input
            name="code"
            value={code}
            onChange={(e) => {
              const next = e.target.value.trim().toLowerCase();
              // Suggest `<district>.admin` until the admin types a username of their own.
              if (!username || username === `${code}.admin`) setUsername(next ? `${next}.admin` : '');
              setCode(next);
            }}
            autoComplete="off"
            {...invalidProps('code', errors)}
          />
          <span className="muted small">{t('form.codeHint')}</span>
          <FieldError name="code" errors={errors} />
        </label>
        {field('name')}
        {field('issuingBody')}
        <label>
          {t('form.adminUsername')}
          <input name="adminUsername" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" {...invalidProps('adminUsername', errors)} />
          <FieldError name="adminUsername" errors={errors} />
        </label>
        {field('adminDisplayName')}
        <FormStatus state={state} />
        <button type="submit" className="primary" disabled={pending}>
          {t('form.create')}
        </button>
      </form>
    </>
  );
}
