import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Sunlight-2026';

/** Signs in through next-auth's API (csrf → credentials callback); cookies land in the page's context. */
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

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await signInApi(page.request, username, password);
}

/** The UI journey: the form itself. */
export async function signInWithForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
}
