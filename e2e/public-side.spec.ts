// Issue 14, public side and the admin's words: the district's index of schools with search, the
// coordinator's link to the school's public page, the status chips as filters, the admin's
// contact for objections, and the audit viewer in words (no raw entity names, no bare UUIDs).
// Every page visited is checked by the journey watch (axe, console errors).
import { expect, test } from './support/fixtures';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('the public finds a school in the district’s index and goes back to it', async ({ page, journey }) => {
  journey.allowConsole(/the server responded with a status of 404/);
  const res = await page.goto('/p/dongcheng');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('东城区中小学校务公开');
  const all = await page.locator('[data-testid="public-schools"] > li').count();
  expect(all).toBeGreaterThan(20);
  await page.getByLabel('查找学校').fill('实验小学');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page).toHaveURL(/\/p\/dongcheng\?q=/);
  await expect(page.getByTestId('search-result')).toContainText('“实验小学”');
  await expect(page.locator('[data-testid="public-schools"] > li')).toHaveCount(1);
  await expect(page.getByLabel('查找学校')).toHaveValue('实验小学');
  await page.getByRole('link', { name: '东城区实验小学' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('东城区实验小学');
  await page.getByRole('link', { name: /东城区全部学校/ }).click();
  await expect(page).toHaveURL(/\/p\/dongcheng$/);
  await page.getByLabel('查找学校').fill('没有这所学校');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByTestId('search-result')).toContainText('找到 0 所');
  expect((await page.goto('/p/no-such-district'))?.status()).toBe(404);
});

test('the index on a phone fits the screen', { tag: '@phone' }, async ({ page }) => {
  await page.goto('/p/dongcheng');
  await expect(page.getByTestId('public-schools')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test('the coordinator opens the school’s public page and filters obligations by the counts', async ({ asUser }) => {
  await asUser('dongcheng.dc03', async (p) => {
    await p.goto('/school');
    await expect(p.getByTestId('public-page-link')).toHaveAttribute('href', '/p/dongcheng/dc03');
    const total = await p.locator('[data-domain] tr[data-item]').count();
    await p.getByTestId('filter-done').click();
    await expect(p).toHaveURL(/show=done/);
    await expect(p.getByTestId('filter-done')).toHaveAttribute('aria-current', 'true');
    await expect(p.getByTestId('filter-status')).toContainText('只显示');
    const done = Number((await p.getByTestId('filter-done').innerText()).match(/\d+/)![0]);
    await expect(p.locator('[data-domain] tr[data-item]')).toHaveCount(done);
    // The same chip again shows everything.
    await p.getByTestId('filter-done').click();
    await expect(p.locator('[data-domain] tr[data-item]')).toHaveCount(total);
  });
});

test('the admin sets the contact for objections; the audit log names what changed', async ({ asUser }) => {
  await asUser('dongcheng.admin', async (p) => {
    await p.goto('/admin');
    const field = p.getByLabel('受理异议的部门和联系方式');
    await expect(field).toHaveValue(/010-6401 2345/);
    const original = await field.inputValue();
    await field.fill('');
    await p.getByRole('button', { name: '保存联系方式' }).click();
    await expect(p.getByTestId('notice-contact-form').getByText('此项为必填。')).toBeVisible();
    await field.fill('东城区教育局督导室，电话 010-6401 2346');
    await p.getByRole('button', { name: '保存联系方式' }).click();
    await expect(p.getByTestId('notice-contact-form').getByRole('status')).toBeVisible();
    await p.reload();
    await expect(p.getByLabel('受理异议的部门和联系方式')).toHaveValue('东城区教育局督导室，电话 010-6401 2346');
    // Put it back: the 公示 journey (ranking.spec) reads the seeded contact.
    await p.getByLabel('受理异议的部门和联系方式').fill(original);
    await p.getByRole('button', { name: '保存联系方式' }).click();
    await expect(p.getByTestId('notice-contact-form').getByRole('status')).toBeVisible();

    await p.goto('/admin/audit');
    const first = p.locator('tbody tr').first();
    await expect(first).toContainText('区县');
    await expect(first).toContainText('修改');
    await expect(first.getByTestId('entity-name')).toHaveText('东城区');
    // No raw names and no bare ids in the visible table.
    const visible = await p.locator('table').first().innerText();
    expect(visible).not.toMatch(UUID);
    expect(visible).not.toMatch(/\b(?:declared_event|withdrawRejection|district_settings|quarterly_report)\b/);
  });
});
