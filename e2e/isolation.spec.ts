import { expect, test, type AsUser } from './support/fixtures';
import { AdminUsersPage, ReviewQueue } from './support/pages';

// These journeys open refused pages on purpose: their 404/403 answers are logged by the browser.
test.beforeEach(({ journey }) => journey.allowConsole(/the server responded with a status of 40[34]/));

// Victim and attacker: changing ids in URLs or in action payloads yields 404 and changes nothing,
// while the owner keeps access.

async function firstReportHref(asUser: AsUser, username: string, school?: string): Promise<string> {
  return asUser(username, async (page) => {
    const queue = new ReviewQueue(page);
    await queue.goto();
    const href = await queue.reportHref(school);
    expect(href).toBeTruthy();
    return href!;
  });
}

test('an evaluator cannot open another district’s report; its own evaluator can', async ({ asUser }) => {
  const href = await firstReportHref(asUser, 'xishan.eval');
  await asUser('dongcheng.eval', async (page) => {
    const res = await page.goto(href);
    expect(res?.status()).toBe(404);
    await expect(page.getByText('找不到该页面，或您无权查看。')).toBeVisible();
  });
  await asUser('xishan.eval', async (page) => {
    const res = await page.goto(href);
    expect(res?.status()).toBe(200);
  });
});

test('a coordinator cannot open another school’s report', async ({ asUser }) => {
  const other = await firstReportHref(asUser, 'dongcheng.eval', 'dc02');
  await asUser('dongcheng.dc01', async (page) => {
    expect((await page.goto(other))?.status()).toBe(404);
  });
  await asUser('dongcheng.dc02', async (page) => {
    expect((await page.goto(other))?.status()).toBe(200);
  });
});

test('a zone evaluator cannot open a report of a school outside the zone', async ({ asUser }) => {
  const zoneSchools = await asUser('dongcheng.eval.z1', async (page) => {
    const queue = new ReviewQueue(page);
    await queue.goto();
    return queue.schools();
  });
  const outside = await asUser('dongcheng.eval', async (page) => {
    const queue = new ReviewQueue(page);
    await queue.goto();
    const codes = await queue.schools();
    const code = codes.find((c) => c && !zoneSchools.includes(c));
    const href = await queue.reportHref(code!);
    return href!;
  });
  await asUser('dongcheng.eval.z1', async (page) => {
    expect((await page.goto(outside))?.status()).toBe(404);
  });
});

test('malformed ids answer 404, not 500', async ({ asUser }) => {
  await asUser('dongcheng.eval', async (page) => {
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", 'x'.repeat(500)]) {
      expect((await page.goto(`/review/reports/${encodeURIComponent(id)}`))?.status()).toBe(404);
    }
  });
});

test('other roles cannot open an evaluator page (404) and strangers are sent to sign in', async ({ asUser, page }) => {
  await asUser('dongcheng.dc01', async (p) => {
    expect((await p.goto('/review'))?.status()).toBe(404);
    expect((await p.goto('/admin'))?.status()).toBe(404);
    expect((await p.goto('/platform'))?.status()).toBe(404);
  });
  await page.goto('/review');
  await expect(page).toHaveURL(/\/login/);
});

test('a district admin cannot disable a user of another district through the action payload', async ({ asUser }) => {
  // The victim: a xishan user id, read by xishan's own admin.
  const victim = await asUser('xishan.admin', async (page) => {
    const users = new AdminUsersPage(page);
    await users.goto();
    const row = users.row('xishan.eval');
    await expect(row).toContainText('正常');
    return row.locator('input[name="userId"]').inputValue();
  });
  // The attacker rewrites the hidden id of one of their own rows and submits.
  await asUser('dongcheng.admin', async (page) => {
    const users = new AdminUsersPage(page);
    await users.goto();
    const row = users.row('dongcheng.eval');
    await row.locator('input[name="userId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), victim);
    await row.getByRole('button', { name: '停用' }).click();
    await expect(row.getByRole('alert')).toHaveText('找不到该记录，或您无权访问。');
    await page.reload();
    await expect(users.row('dongcheng.eval')).toContainText('正常');
  });
  // Nothing changed for the victim.
  await asUser('xishan.admin', async (page) => {
    const users = new AdminUsersPage(page);
    await users.goto();
    await expect(users.row('xishan.eval')).toContainText('正常');
  });
});

test('a district admin can still disable and re-enable a user of their own district', async ({ asUser }) => {
  await asUser('dongcheng.admin', async (page) => {
    const users = new AdminUsersPage(page);
    await users.goto();
    const row = users.row('dongcheng.dc24');
    await row.getByRole('button', { name: '停用' }).click();
    await expect(row).toContainText('已停用');
    await row.getByRole('button', { name: '启用' }).click();
    await expect(row).toContainText('正常');
  });
});
