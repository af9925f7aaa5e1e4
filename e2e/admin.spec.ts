import { expect, test, type Browser } from './support/fixtures';
import { signInApi } from './support/auth';
import { AdminUsersPage, LoginPage, PasswordPage } from './support/pages';

// Administration journeys (issue 7). "Today" is 2026-11-23 (Q4): the 2026 checklists are frozen.

/** A new user signs in with the one-time password, is held on /account/password, and sets their own. */
async function firstSignIn(browser: Browser, username: string, temporary: string, home: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await new LoginPage(page).signIn(username, temporary);
    const password = new PasswordPage(page);
    await password.waitFor();
    await expect(page.getByText('首次登录或密码被重置后，请先设置新密码。')).toBeVisible();
    // Every other page sends them back until the password is changed.
    await page.goto(home);
    await expect(page).toHaveURL(/\/account\/password$/);
    await password.change(temporary, temporary);
    await expect(page.getByText('新密码不能与当前密码相同。')).toBeVisible();
    await password.change(temporary, 'Sunlight-new-2026');
    await password.expectChanged();
    await page.goto(home);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
  } finally {
    await context.close();
  }
  // The temporary password no longer works; the new one does.
  const check = await browser.newContext();
  try {
    await signInApi(check.request, username, 'Sunlight-new-2026');
  } finally {
    await check.close();
  }
}

test('an admin creates a user; the user signs in and is made to change the password', async ({ asUser, browser }) => {
  const username = 'dongcheng.e2e.coord';
  const temporary = await asUser('dongcheng.admin', async (page) => {
    const users = new AdminUsersPage(page);
    await users.openNewUserForm();
    const form = users.form;
    await expect(form.locator('input[name="username"]')).toHaveValue('dongcheng.');
    // A coordinator without a school is refused beside the field, and what was typed stays.
    await form.locator('input[name="username"]').fill(username);
    await form.locator('input[name="displayName"]').fill('测试联络员');
    await users.submitNewUser();
    await expect(form.getByText('校务公开联络员必须指定一所学校。')).toBeVisible();
    await expect(form.locator('input[name="displayName"]')).toHaveValue('测试联络员');
    await form.locator('select[name="schoolId"]').selectOption({ label: 'dc03 东城区育才小学' });
    await users.submitNewUser();
    const pw = users.temporaryPassword;
    await expect(pw).toHaveText(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    const row = users.row(username);
    await expect(row).toContainText('东城区育才小学');
    await expect(row).toContainText('待改密');
    return (await pw.textContent())!;
  });
  await firstSignIn(browser, username, temporary, '/school');
  await asUser('dongcheng.admin', async (page) => {
    const users = new AdminUsersPage(page);
    await users.goto();
    await expect(users.row(username)).not.toContainText('待改密');
  });
});

test('an admin resets a password; the earlier one stops working at once', async ({ asUser, browser }) => {
  const username = 'xishan.e2e.leader';
  const [first, second] = await asUser('xishan.admin', async (page) => {
    const users = new AdminUsersPage(page);
    const issued = await users.create({ username, name: '测试领导', role: '局领导' });
    await users.row(username).getByRole('link', { name: '编辑' }).click();
    await page.getByRole('button', { name: '重置密码' }).click();
    // A confirmation first (issue 14): 取消 changes nothing, 确认 resets.
    const ask = page.getByRole('dialog');
    await expect(ask).toContainText('确认重置 测试领导（xishan.e2e.leader）的密码？');
    await expect(ask.getByRole('button', { name: '取消' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(ask).toBeHidden();
    await expect(page.getByRole('button', { name: '重置密码' })).toBeFocused();
    await expect(users.temporaryPassword).toHaveCount(0);
    await page.getByRole('button', { name: '重置密码' }).click();
    await ask.getByRole('button', { name: '确认重置密码' }).click();
    const reset = users.temporaryPassword;
    await expect(reset).not.toHaveText(issued);
    return [issued, (await reset.textContent())!];
  });
  const stale = await browser.newContext();
  const { csrfToken } = (await (await stale.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await stale.request.post('/api/auth/callback/credentials', { form: { csrfToken, username, password: first, json: 'true' }, maxRedirects: 0 });
  expect(await (await stale.request.get('/api/auth/session')).json()).not.toHaveProperty('uid');
  await stale.close();
  await firstSignIn(browser, username, second, '/overview');
});

test('an edit of a frozen checklist creates a new version and last quarter’s coverage is unchanged', async ({ asUser }) => {
  await asUser('dongcheng.admin', async (page) => {
    await page.goto('/admin/checklist?year=2026');
    await expect(page.getByTestId('checklist-plan')).toContainText('第 1 版已冻结');
    await expect(page.getByTestId('checklist-plan')).toContainText('修改将生成第 2 版，自第 4 季度起适用');
    const figures = page.getByTestId('checklist-figures');
    const coverage = (q: number) => figures.locator(`tr[data-quarter="${q}"] td[data-figure="coverage"]`);
    const before = await Promise.all([1, 2, 3].map((q) => coverage(q).textContent()));
    expect(before[2]).toMatch(/^\d+\.\d%$/);
    const weight = (await page.locator('tr[data-item="M01"] td.num').textContent())!.trim();

    await page.locator('tr[data-item="M01"]').getByRole('link', { name: '编辑' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('编辑事项 M01');
    await expect(page.getByText('修改将生成第 2 版，自第 4 季度起适用')).toBeVisible();
    await expect(page.locator('input[name="code"]')).toHaveAttribute('readonly', '');
    await page.locator('input[name="weight"]').fill('6');
    await page.getByRole('button', { name: '保存事项' }).click();

    await expect(page.getByTestId('checklist-saved')).toHaveText('已保存为第 2 版清单，自第 4 季度起适用；之前季度的统计不变。');
    await expect(page.locator('tr[data-version]')).toHaveCount(2);
    await expect(page.locator('tr[data-item="M01"] td.num')).toHaveText('6');
    await expect(figures.locator('tr[data-quarter="3"]')).toContainText('第 1 版');
    await expect(figures.locator('tr[data-quarter="4"]')).toContainText('第 2 版');
    expect(await Promise.all([1, 2, 3].map((q) => coverage(q).textContent()))).toEqual(before);

    // Version 1 is still there, unchanged.
    await page.goto('/admin/checklist?year=2026&version=1');
    await expect(page.locator('tr[data-item="M01"] td.num')).toHaveText(weight);

    // Version 2 applies from Q4 and is not frozen: putting the weight back edits it in place.
    await page.goto('/admin/checklist?year=2026');
    await expect(page.getByTestId('checklist-plan')).toContainText('第 2 版尚未冻结');
    await page.locator('tr[data-item="M01"]').getByRole('link', { name: '编辑' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('编辑事项 M01');
    await page.locator('input[name="weight"]').fill(weight);
    await page.getByRole('button', { name: '保存事项' }).click();
    await expect(page.getByTestId('checklist-saved')).toHaveText('已保存。');
    await expect(page.locator('tr[data-version]')).toHaveCount(2);
    expect(await Promise.all([1, 2, 3].map((q) => coverage(q).textContent()))).toEqual(before);
  });
});

test('a past year’s checklist cannot be edited', async ({ asUser }) => {
  await asUser('xishan.admin', async (page) => {
    await page.goto('/admin/checklist?year=2025');
    await expect(page.getByTestId('checklist-plan')).toHaveText('往年的清单已冻结，不能再修改。');
    await expect(page.locator('tr[data-item="G01"]')).toBeVisible();
    await expect(page.locator('tr[data-item="G01"]').getByRole('link', { name: '编辑' })).toHaveCount(0);
  });
});
