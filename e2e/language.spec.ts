import { expect, test } from './support/fixtures';
import { signIn } from './support/auth';

test('the UI is in Simplified Chinese by default and switches to English and back', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await signIn(page, 'dongcheng.leader');
  await page.goto('/overview');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('District overview');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全区概览');
});
