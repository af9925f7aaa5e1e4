import { expect, test } from './support/fixtures';

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
