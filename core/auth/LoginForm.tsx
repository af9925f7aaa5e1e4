'use client';
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function LoginForm() {
  const t = useTranslations('login');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) {
      setError(t('required'));
      return;
    }
    setPending(true);
    setError(null);
    const res = await signIn('credentials', { username, password, redirect: false });
    if (res?.ok && !res.error) {
      window.location.assign('/');
      return;
    }
    setPending(false);
    setError(res?.error === 'throttled' ? t('throttled') : t('invalid'));
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <h2>{t('title')}</h2>
      <label>
        {t('username')}
        <input name="username" autoComplete="username" autoCapitalize="none" required />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t('signingIn') : t('submit')}
      </button>
    </form>
  );
}
