import { type Browser } from '@playwright/test';
import { expect, test } from './support/journey';
import { signIn } from './support/auth';

// These journeys open refused pages on purpose: their 404/403 answers are logged by the browser.
test.beforeEach(({ journey }) => journey.allowConsole(/the server responded with a status of 40[34]/));

// Victim and attacker: changing ids in URLs or in action payloads yields 404 and changes nothing,
// while the owner keeps access.

async function asUser<T>(browser: Browser, username: string, fn: (page: import('@playwright/test').Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, username);
    return await fn(page);
  } finally {
    await context.close();
  }
}

async function firstReportHref(browser: Browser, username: string, school?: string): Promise<string> {
  return asUser(browser, username, async (page) => {
    await page.goto('/review/quarters');
    const row = school ? page.locator(`tr[data-school="${school}"]`) : page.locator('tr[data-school]');
    const link = row.locator('a[href^="/review/reports/"]').first();
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    return href!;
  });
}

test('an evaluator cannot open another district’s report; its own evaluator can', async ({ browser }) => {
  const href = await firstReportHref(browser, 'xishan.eval');
  await asUser(browser, 'dongcheng.eval', async (page) => {
    const res = await page.goto(href);
    expect(res?.status()).toBe(404);
    await expect(page.getByText('找不到该页面，或您无权查看。')).toBeVisible();
  });
  await asUser(browser, 'xishan.eval', async (page) => {
    const res = await page.goto(href);
    expect(res?.status()).toBe(200);
  });
});

test('a coordinator cannot open another school’s report', async ({ browser }) => {
  const other = await firstReportHref(browser, 'dongcheng.eval', 'dc02');
  await asUser(browser, 'dongcheng.dc01', async (page) => {
    expect((await page.goto(other))?.status()).toBe(404);
  });
  await asUser(browser, 'dongcheng.dc02', async (page) => {
    expect((await page.goto(other))?.status()).toBe(200);
  });
});

test('a zone evaluator cannot open a report of a school outside the zone', async ({ browser }) => {
  const zoneSchools = await asUser(browser, 'dongcheng.eval.z1', async (page) => {
    await page.goto('/review/quarters');
    return page.locator('tr[data-school]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-school')));
  });
  const outside = await asUser(browser, 'dongcheng.eval', async (page) => {
    await page.goto('/review/quarters');
    const codes = await page.locator('tr[data-school]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-school')));
    const code = codes.find((c) => c && !zoneSchools.includes(c));
    const href = await page.locator(`tr[data-school="${code}"] a[href^="/review/reports/"]`).first().getAttribute('href');
    return href!;
  });
  await asUser(browser, 'dongcheng.eval.z1', async (page) => {
    expect((await page.goto(outside))?.status()).toBe(404);
  });
});

test('malformed ids answer 404, not 500', async ({ browser }) => {
  await asUser(browser, 'dongcheng.eval', async (page) => {
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", 'x'.repeat(500)]) {
      expect((await page.goto(`/review/reports/${encodeURIComponent(id)}`))?.status()).toBe(404);
    }
  });
});

test('other roles cannot open an evaluator page (404) and strangers are sent to sign in', async ({ browser, page }) => {
  await asUser(browser, 'dongcheng.dc01', async (p) => {
    expect((await p.goto('/review'))?.status()).toBe(404);
    expect((await p.goto('/admin'))?.status()).toBe(404);
    expect((await p.goto('/platform'))?.status()).toBe(404);
  });
  await page.goto('/review');
  await expect(page).toHaveURL(/\/login/);
});

test('a district admin cannot disable a user of another district through the action payload', async ({ browser }) => {
  // The victim: a xishan user id, read by xishan's own admin.
  const victim = await asUser(browser, 'xishan.admin', async (page) => {
    await page.goto('/admin/users');
    const row = page.locator('tr[data-username="xishan.eval"]');
    await expect(row).toContainText('正常');
    return row.locator('input[name="userId"]').inputValue();
  });
  // The attacker rewrites the hidden id of one of their own rows and submits.
  await asUser(browser, 'dongcheng.admin', async (page) => {
    await page.goto('/admin/users');
    const row = page.locator('tr[data-username="dongcheng.eval"]');
    await row.locator('input[name="userId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), victim);
    await row.getByRole('button', { name: '停用' }).click();
    await expect(row.getByRole('alert')).toHaveText('找不到该记录，或您无权访问。');
    await page.reload();
    await expect(page.locator('tr[data-username="dongcheng.eval"]')).toContainText('正常');
  });
  // Nothing changed for the victim.
  await asUser(browser, 'xishan.admin', async (page) => {
    await page.goto('/admin/users');
    await expect(page.locator('tr[data-username="xishan.eval"]')).toContainText('正常');
  });
});

test('a district admin can still disable and re-enable a user of their own district', async ({ browser }) => {
  await asUser(browser, 'dongcheng.admin', async (page) => {
    await page.goto('/admin/users');
    const row = page.locator('tr[data-username="dongcheng.dc24"]');
    await row.getByRole('button', { name: '停用' }).click();
    await expect(row).toContainText('已停用');
    await row.getByRole('button', { name: '启用' }).click();
    await expect(row).toContainText('正常');
  });
});
