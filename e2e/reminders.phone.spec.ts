// Reminders on a phone (issue 16): a coordinator reads the inbox and sets their channels; the
// header keeps the unread count reachable at 390 px, and the screens pass axe.
import { expect, test } from './support/fixtures';
import { runAxe } from './support/journey';
import { signIn } from './support/auth';

test('a coordinator reads the inbox and sets the channels on a phone', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'dongcheng.dc11');
  await page.goto('/school');
  const link = page.getByTestId('inbox-link');
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { name: '消息', level: 1 })).toBeVisible();
  // The daily digest of the demo day (dc11 has overdue items): lines link to the exact pages.
  const digest = page.locator('[data-kind="coordinatorDigest"]').first();
  await expect(digest).toBeVisible();
  await expect(digest.locator('ul li a').first()).toHaveAttribute('href', /^\/school\//);
  await page.screenshot({ path: info.outputPath('inbox-phone.png'), fullPage: true });
  const box = await digest.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  const a11y = await runAxe(page);
  expect(a11y.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await digest.getByRole('button', { name: '标为已读' }).click();
  await expect(page.locator('[data-kind="coordinatorDigest"][data-read="yes"]').first()).toBeVisible();

  await page.goto('/account/notifications');
  await page.getByLabel('电子邮箱').fill('not an address');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('请输入有效的电子邮箱地址。')).toBeVisible();
  await expect(page.getByLabel('电子邮箱')).toHaveValue('not an address');
  await page.screenshot({ path: info.outputPath('notifications-phone.png'), fullPage: true });
  const a11y2 = await runAxe(page);
  expect(a11y2.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
