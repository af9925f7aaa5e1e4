import { type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DEMO_PASSWORD, signInApi } from './support/auth';

// Issue 13, "Sessions": signing out, changing one's password, an admin's password reset and
// disabling a user end every existing session of that user at once — a copied cookie stops
// working everywhere, and /api/auth/session does not hand it back with a fresh expiry. A user who
// still has a temporary password gets nothing but the password page, on every path.

/** A signed-in context, and a second one holding a copy of its cookies (the "stolen" cookie). */
async function signedInWithCopy(browser: Browser, username: string, password = DEMO_PASSWORD): Promise<{ owner: BrowserContext; thief: BrowserContext }> {
  const owner = await browser.newContext();
  await signInApi(owner.request, username, password);
  const thief = await browser.newContext({ storageState: await owner.storageState() });
  return { owner, thief };
}

/** The session as next-auth reports it, and whether the answer (re-)issued a session cookie. */
async function session(request: APIRequestContext): Promise<{ body: Record<string, unknown>; reissued: boolean }> {
  const res = await request.get('/api/auth/session');
  const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && /session-token=/.test(h.value));
  // A cleared cookie (empty value or expired) is fine; a cookie with a token in it is a re-issue.
  const reissued = cookies.some((c) => /session-token=[^;]+/.test(c.value) && !/max-age=0|expires=thu, 01 jan 1970/i.test(c.value));
  return { body: (await res.json()) as Record<string, unknown>, reissued };
}

async function signOut(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
  expect([200, 302]).toContain(res.status());
}

/** A page of the user's own role answers 200 with the cookie, or sends to sign in without it. */
async function homeStatus(request: APIRequestContext, home: string): Promise<'ok' | 'login'> {
  const res = await request.get(home, { maxRedirects: 0 });
  if (res.status() === 200) return 'ok';
  expect([302, 303, 307, 308]).toContain(res.status());
  expect(res.headers().location ?? '').toMatch(/\/login/);
  return 'login';
}

test('signing out ends the session everywhere: a copied cookie stops working and is not re-issued', async ({ browser }) => {
  const { owner, thief } = await signedInWithCopy(browser, 'dongcheng.dc03');
  try {
    expect((await session(thief.request)).body).toHaveProperty('uid');
    expect(await homeStatus(thief.request, '/school')).toBe('ok');
    await signOut(owner.request);
    const after = await session(thief.request);
    expect(after.body).not.toHaveProperty('uid');
    expect(after.reissued, '/api/auth/session must not hand a revoked cookie back').toBe(false);
    expect(await homeStatus(thief.request, '/school')).toBe('login');
    // The owner can sign in again; the new session works.
    await signInApi(owner.request, 'dongcheng.dc03');
    expect(await homeStatus(owner.request, '/school')).toBe('ok');
    // …and the old copy still does not.
    expect(await homeStatus(thief.request, '/school')).toBe('login');
  } finally {
    await owner.close();
    await thief.close();
  }
});

test('signing out also ends a copied cookie on the read API', async ({ browser }) => {
  const { owner, thief } = await signedInWithCopy(browser, 'xishan.leader');
  try {
    expect((await thief.request.get('/api/v1/checklist?year=2026')).status()).toBe(200);
    await signOut(owner.request);
    expect((await thief.request.get('/api/v1/checklist?year=2026')).status()).toBe(401);
  } finally {
    await owner.close();
    await thief.close();
  }
});

test('changing one’s own password ends the other sessions and keeps this one', async ({ browser }) => {
  const { owner, thief } = await signedInWithCopy(browser, 'dongcheng.dc04');
  const page = await owner.newPage();
  try {
    const change = async (from: string, to: string) => {
      await page.goto('/account/password');
      await page.locator('input[name="current"]').fill(from);
      await page.locator('input[name="next"]').fill(to);
      await page.locator('input[name="confirm"]').fill(to);
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByText('密码已修改。')).toBeVisible();
    };
    await change(DEMO_PASSWORD, 'Sunlight-e2e-2026');
    expect(await homeStatus(thief.request, '/school')).toBe('login');
    expect(await homeStatus(owner.request, '/school')).toBe('ok');
    // Back to the demo password for anyone else who signs in as dc04.
    await change('Sunlight-e2e-2026', DEMO_PASSWORD);
    expect(await homeStatus(owner.request, '/school')).toBe('ok');
  } finally {
    await owner.close();
    await thief.close();
  }
});

test('an admin’s password reset and disabling a user end that user’s sessions at once', async ({ browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInApi(admin.request, 'dongcheng.admin');
  const reset = await signedInWithCopy(browser, 'dongcheng.dc06');
  const disabled = await signedInWithCopy(browser, 'dongcheng.dc12');
  try {
    expect(await homeStatus(reset.thief.request, '/school')).toBe('ok');
    expect(await homeStatus(disabled.thief.request, '/school')).toBe('ok');

    await adminPage.goto('/admin/users');
    await adminPage.locator('tr[data-username="dongcheng.dc06"]').getByRole('link').first().click();
    await adminPage.getByRole('button', { name: '重置密码' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: '确认重置密码' }).click();
    await expect(adminPage.getByTestId('temporary-password')).toBeVisible();
    expect(await homeStatus(reset.thief.request, '/school')).toBe('login');
    expect(await homeStatus(reset.owner.request, '/school')).toBe('login');

    await adminPage.goto('/admin/users');
    const row = adminPage.locator('tr[data-username="dongcheng.dc12"]');
    await row.getByRole('button', { name: '停用' }).click();
    await expect(row).toContainText('已停用');
    await row.getByRole('button', { name: '启用' }).click();
    await expect(row).toContainText('正常');
    // Enabled again, but the sessions from before the disabling stay ended.
    expect(await homeStatus(disabled.thief.request, '/school')).toBe('login');
    expect((await session(disabled.thief.request)).body).not.toHaveProperty('uid');
  } finally {
    for (const c of [admin, reset.owner, reset.thief, disabled.owner, disabled.thief]) await c.close();
  }
});

test('a temporary password opens nothing but the password page: not the read API, not the XLSX exports', async ({ browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInApi(admin.request, 'xishan.admin');
  try {
    await adminPage.goto('/admin/users');
    await adminPage.locator('tr[data-username="xishan.eval.z1"]').getByRole('link').first().click();
    await adminPage.getByRole('button', { name: '重置密码' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: '确认重置密码' }).click();
    const temporary = (await adminPage.getByTestId('temporary-password').textContent())!.trim();
    const user = await browser.newContext();
    try {
      await signInApi(user.request, 'xishan.eval.z1', temporary);
      expect((await user.request.get('/review', { maxRedirects: 0 })).headers().location ?? '').toMatch(/\/account\/password/);
      for (const path of ['/api/v1/checklist?year=2026', '/api/v1/metrics/schools?year=2026&quarter=3', '/review/export/schools?year=2026&quarter=3', '/review/export/matrix?year=2026']) {
        const res = await user.request.get(path, { maxRedirects: 0 });
        expect(res.status(), `${path} with a temporary password`).toBe(403);
      }
      // The password page itself still works.
      expect((await user.request.get('/account/password', { maxRedirects: 0 })).status()).toBe(200);
    } finally {
      await user.close();
    }
  } finally {
    await admin.close();
  }
});
