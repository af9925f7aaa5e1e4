import { expect, test } from './support/fixtures';
import { signIn } from './support/auth';

// Every response carries the security headers; no stack trace ever reaches a user.
for (const path of ['/login', '/api/health', '/review/reports/not-a-uuid']) {
  test(`security headers on ${path}`, async ({ request }) => {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain("object-src 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-powered-by']).toBeUndefined();
  });
}

test('the sign-in page works under the content security policy (no CSP violations)', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/login');
  await page.locator('input[name="username"]').fill('dongcheng.leader');
  await page.locator('input[name="password"]').fill('Sunlight-2026');
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.waitForURL('**/overview');
  expect(violations).toEqual([]);
});

// Issue 13, "Browser": a script that the app did not write never runs, even if it reached the
// HTML (a stored XSS that got past React's escaping). The test puts one into the real server
// response — an inline <script> and an onerror handler — keeping the server's own headers, and
// checks that the browser refused both while the app's own scripts still ran.
const INJECTION = '<script>window.__injected = "script"</script><img src="/no-such-image.png" onerror="window.__injectedHandler = 1" alt="">';

// /notice/dongcheng/2025 has no 公示 in the demo data: its 404 page is checked too.
for (const path of ['/p/dongcheng/dc01', '/s', '/s/NOSUCHCODE', '/notice/dongcheng/2025', '/login']) {
  test(`an injected inline script and event handler are blocked on ${path}`, async ({ page, journey }) => {
    // The browser reports the refused injection (and the injected image, /s/NOSUCHCODE and the
    // notice without a 公示 answer 404): expected here, checked below.
    journey.allowConsole(/Content Security Policy|the server responded with a status of 404/);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    let delivered = false;
    await page.route(
      (url) => url.pathname === path,
      async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const response = await route.fetch();
        const body = (await response.text()).replace('</body>', `${INJECTION}</body>`);
        delivered = body.includes(INJECTION);
        await route.fulfill({ response, body });
      },
    );
    await page.goto(path);
    expect(delivered, 'the injection reached the browser inside the page').toBe(true);
    // The app's own scripts ran (Next's client runtime booted and hydrated the page) …
    await page.waitForFunction(() => typeof (window as unknown as { next?: unknown }).next === 'object');
    // … the injected ones did not.
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __injectedHandler?: number }).__injectedHandler)).toBeUndefined();
    expect(violations.length, 'the browser reports the refused inline script').toBeGreaterThan(0);
    const csp = (await page.request.get(path)).headers()['content-security-policy'] ?? '';
    expect(csp).not.toContain("'unsafe-inline' 'self'");
    expect(/script-src[^;]*'unsafe-inline'/.test(csp) && !/script-src[^;]*'nonce-/.test(csp), `script-src without a nonce allows inline scripts: ${csp}`).toBe(false);
  });
}

test('a signed-in page blocks an injected inline script too', async ({ page, journey }) => {
  journey.allowConsole(/Content Security Policy|the server responded with a status of 404/);
  await signIn(page, 'dongcheng.leader');
  await page.route(
    (url) => url.pathname === '/overview',
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${INJECTION}</body>`) });
    },
  );
  await page.goto('/overview');
  await page.waitForFunction(() => typeof (window as unknown as { next?: unknown }).next === 'object');
  await expect(page.locator('img[src="/no-such-image.png"]')).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __injectedHandler?: number }).__injectedHandler)).toBeUndefined();
});

test('every page gets its own nonce', async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const csp = (await request.get('/login')).headers()['content-security-policy'] ?? '';
    const m = /'nonce-([^']+)'/.exec(csp);
    expect(m, csp).not.toBeNull();
    nonces.add(m![1]!);
  }
  expect(nonces.size).toBe(3);
});
