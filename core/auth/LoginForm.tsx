'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';

/**
 * next-auth's credentials sign-in in two requests, through its REST API: the CSRF token, then the
 * callback, which sets the session cookie. (`signIn()` of next-auth/react also fetches the provider
 * list first and the session after: two more requests on every sign-in, which on deadline day are
 * a fifth of a coordinator's server CPU — docs/LOAD.md.) The callback answers `{ url }`, with
 * `?error=<code>` when refused: `throttled`, or anything else for wrong credentials; anything else
 * (offline, a server error) is `failed`.
 */
async function signInWithCredentials(username: string, password: string): Promise<'ok' | 'throttled' | 'invalid' | 'failed'> {
  try {
    const { csrfToken } = (await (await fetch('/api/auth/csrf', { cache: 'no-store' })).json()) as { csrfToken?: string };
    if (!csrfToken) return 'failed';
    const res = await fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${window.location.origin}/`, json: 'true' }),
    });
    const { url } = (await res.json()) as { url?: string };
    if (!url) return 'failed';
    const error = new URL(url, window.location.origin).searchParams.get('error');
    if (error) return error === 'throttled' ? 'throttled' : 'invalid';
    return res.ok ? 'ok' : 'failed';
  } catch {
    return 'failed'; // offline, or an answer that is not next-auth's
  }
}

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
    const outcome = await signInWithCredentials(username, password);
    if (outcome === 'ok') {
      window.location.assign('/');
      return;
    }
    setPending(false);
    setError(t(outcome));
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
