import { expect, test } from './support/fixtures';
import { signIn } from './support/auth';
import { LoginPage, ReviewQueue } from './support/pages';

// Each demo role lands on its own home, showing real data from the database.
const HOMES = [
  { user: 'dongcheng.dc01', path: '/school', heading: '本季度公开事项' },
  { user: 'dongcheng.eval', path: '/review', heading: '审核待办' },
  { user: 'dongcheng.leader', path: '/overview', heading: '全区概览' },
  { user: 'dongcheng.admin', path: '/admin', heading: '区县设置' },
  { user: 'platform', path: '/platform', heading: '区县列表' },
];

for (const h of HOMES) {
  test(`${h.user} signs in with the form and lands on ${h.path}`, async ({ page }) => {
    await new LoginPage(page).signIn(h.user);
    await page.waitForURL(`**${h.path}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(h.heading);
  });
}

test('a wrong password gets a generic message in Chinese and stays on the form', async ({ page, journey }) => {
  // The refused credentials answer 401, which the browser logs.
  journey.allowConsole(/the server responded with a status of 401/);
  const login = new LoginPage(page);
  await login.signIn('dongcheng.eval', 'wrong-password');
  await expect(login.error).toHaveText('用户名或密码不正确。');
  await expect(page).toHaveURL(/\/login/);
  await expect(login.username).toHaveValue('dongcheng.eval');
});

test('five wrong passwords block the account for a while, and the form says so — even to the right password', async ({ page, journey }) => {
  journey.allowConsole(/the server responded with a status of 401/);
  const login = new LoginPage(page);
  // xishan.xs15 signs in nowhere else in the suite; the block lasts 15 minutes of the app's clock.
  for (let i = 0; i < 5; i++) {
    await login.signIn('xishan.xs15', `wrong-password-${i}`);
    await expect(login.error).toHaveText('用户名或密码不正确。');
  }
  await login.signIn('xishan.xs15');
  await expect(login.error).toHaveText('登录失败次数过多，请 15 分钟后再试。');
  await expect(page).toHaveURL(/\/login/);
});

test('coordinator home lists the quarter obligations with statuses and coverage', async ({ page }) => {
  await signIn(page, 'dongcheng.dc01');
  await page.goto('/school');
  await expect(page.getByTestId('coverage')).toHaveText(/\d+\.\d%/);
  await expect(page.locator('tr[data-item="M01"]').first()).toBeVisible();
  await expect(page.locator('.badge').first()).toBeVisible();
});

test('the quarterly queue lists every school of the district with report states', async ({ page }) => {
  await signIn(page, 'dongcheng.eval');
  const queue = new ReviewQueue(page);
  await queue.goto();
  expect(await queue.rows.count()).toBeGreaterThanOrEqual(24);
  await expect(page.locator('tr[data-school^="xs"]')).toHaveCount(0);
});

test('zone evaluator sees only the schools of the first zone', async ({ page }) => {
  await signIn(page, 'dongcheng.eval.z1');
  const queue = new ReviewQueue(page);
  await queue.goto();
  const zoneRows = await queue.rows.count();
  expect(zoneRows).toBeGreaterThan(0);
  expect(zoneRows).toBeLessThan(24);
});

test('platform admin sees both demo districts', async ({ page }) => {
  await signIn(page, 'platform');
  await page.goto('/platform');
  await expect(page.locator('tr[data-district="dongcheng"]')).toContainText('东城区');
  await expect(page.locator('tr[data-district="xishan"]')).toContainText('西山县');
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'dongcheng.leader');
  await page.goto('/overview');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
  await page.goto('/overview');
  await expect(page).toHaveURL(/\/login/);
});
