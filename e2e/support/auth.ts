import { expect, type APIRequestContext, type Cookie, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Sunlight-2026';

/** Signs in through next-auth's API (csrf → credentials callback); cookies land in the request context. */
export async function signInApi(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password, json: 'true' },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = await (await request.get('/api/auth/session')).json();
  expect(session, `sign-in as ${username} should create a session`).toHaveProperty('uid');
}

/**
 * Signed-in sessions of this worker process (one e2e server per worker), by user and password: the
 * first signIn() of a user signs in through the API (csrf, credentials, argon2), later ones reuse
 * its session cookies after one check that the server still honours them — a test may have ended
 * the user's sessions (signing out, a password change or reset, disabling the user); then it signs
 * in again. Only next-auth's cookies are kept, so a page's other cookies (e.g. the language) stay
 * as the test set them.
 */
const sessions = new Map<string, Cookie[]>();
const SESSION_COOKIE = /^(__Secure-|__Host-)?next-auth\./;

/** Puts a session of `username` into the page's browser context (the page's requests share it). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const key = `${username}\n${password}`;
  const cached = sessions.get(key);
  if (cached) {
    await page.context().addCookies(cached);
    const session = (await (await page.request.get('/api/auth/session')).json()) as { uid?: unknown };
    if (session.uid) return;
    await page.context().clearCookies({ name: SESSION_COOKIE });
    sessions.delete(key);
  }
  await signInApi(page.request, username, password);
  const { cookies } = await page.context().storageState();
  sessions.set(
    key,
    cookies.filter((c) => SESSION_COOKIE.test(c.name)),
  );
}
