// The journeys' watch itself (e2e/support/journey.ts, issue 14): it must fail a journey on a
// console error and on a serious axe violation, in the test's page and in contexts opened later,
// and let through only the errors a journey declares.
import { expect, test } from '@playwright/test';
import { Journey } from './support/journey';

test('a console error on any visited page fails the journey', async ({ browser, context, page }) => {
  const journey = new Journey(browser);
  journey.watchContext(context);
  await page.goto('/login');
  await page.goto('/notice/nowhere/2026');
  await expect.poll(() => journey.found().join('\n')).toMatch(/console error on .*\/notice\/nowhere\/2026: Failed to load resource: the server responded with a status of 404/);
  await expect(journey.finish()).rejects.toThrow(/status of 404/);
});

test('an axe violation on a page of another context fails the journey; declared errors do not', async ({ browser }) => {
  const journey = new Journey(browser);
  const other = await browser.newContext();
  journey.watchContext(other);
  journey.allowConsole(/status of 404/);
  const page = await other.newPage();
  await page.route('**/a11y-probe', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="zh-CN"><title>t</title><main><button></button></main></html>' }));
  await page.goto('/a11y-probe');
  await expect.poll(() => journey.analysed).toContain(`${new URL(page.url()).origin}/a11y-probe`);
  await page.goto('/notice/nowhere/2026');
  await other.close();
  const failure = await journey.finish().then(
    () => '',
    (e: Error) => e.message,
  );
  expect(failure).toMatch(/axe critical button-name on .*\/a11y-probe/);
  expect(failure).not.toMatch(/status of 404/);
});
