import { expect, test } from './support/fixtures';

// Smoke test: the server from scripts/e2e-server.mjs is up and has a database.

test('GET /api/health answers 200 {status: "ok"} with a known db', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: 'ok' });
  expect(['pglite', 'postgres']).toContain(body.db);
});

test('Chromium opens /api/health', async ({ page, journey }) => {
  // A JSON document has no <link rel=icon>: the browser asks for /favicon.ico, a 404.
  journey.allowConsole(/the server responded with a status of 404/);
  const res = await page.goto('/api/health');
  expect(res?.status()).toBe(200);
  await expect(page.locator('body')).toContainText('"status"');
});

test('Chromium opens /api/health on a phone', { tag: '@phone' }, async ({ page, isMobile, journey }) => {
  journey.allowConsole(/the server responded with a status of 404/);
  expect(isMobile).toBe(true);
  const res = await page.goto('/api/health');
  expect(res?.status()).toBe(200);
});
