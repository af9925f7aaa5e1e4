import { runAxe } from './support/journey';
import { expect, test } from './support/fixtures';
import { LoginPage, PasswordPage } from './support/pages';

// Platform admin (issue 7): a district with its first admin (one-time password), and templates.

test('the platform admin creates a district whose first admin sets a password and starts a checklist', async ({ asUser, browser }) => {
  const temporary = await asUser('platform', async (page) => {
    await page.goto('/platform');
    await page.getByText('新建区县').click();
    await page.locator('input[name="code"]').fill('nanhu');
    await expect(page.locator('input[name="adminUsername"]')).toHaveValue('nanhu.admin');
    await page.locator('input[name="name"]').fill('南湖区');
    await page.locator('input[name="issuingBody"]').fill('南湖区教育局　南湖区教育工会');
    await page.locator('input[name="adminDisplayName"]').fill('林晓');
    await page.getByRole('button', { name: '创建区县' }).click();
    const pw = (await page.getByTestId('temporary-password').textContent())!;
    await expect(page.locator('tr[data-district="nanhu"]')).toContainText('南湖区');
    // The same code again is refused beside the field.
    await page.locator('input[name="code"]').fill('nanhu');
    await page.locator('input[name="name"]').fill('重复');
    await page.locator('input[name="issuingBody"]').fill('重复');
    await page.locator('input[name="adminUsername"]').fill('nanhu.admin2');
    await page.locator('input[name="adminDisplayName"]').fill('重复');
    await page.getByRole('button', { name: '创建区县' }).click();
    await expect(page.getByText('该代码已被使用。')).toBeVisible();
    await page.goto('/admin/audit?entity=district');
    await expect(page.locator('tr[data-entity="district"]')).toHaveCount(1);
    return pw;
  });

  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signIn('nanhu.admin', temporary);
  const password = new PasswordPage(page);
  await password.waitFor();
  await password.change(temporary, 'Nanhu-admin-2026');
  await password.expectChanged();
  await page.goto('/admin/checklist?year=2026');
  await expect(page.getByRole('heading', { level: 2, name: '2026 年尚无公开事项清单' })).toBeVisible();
  await page.getByRole('button', { name: '创建 2026 年清单' }).click();
  await expect(page.locator('tr[data-item]')).toHaveCount(28);
  await expect(page.getByTestId('checklist-plan')).toContainText('第 1 版尚未冻结');
  await page.goto('/admin/audit');
  await expect(page.locator('tr[data-entity="checklist_version"]')).toHaveCount(1);
  await context.close();
});

test('the platform admin copies a template and edits an item of the copy only', async ({ asUser }) => {
  await asUser('platform', async (page) => {
    await page.goto('/platform/templates');
    await page
      .getByText(/^复制“.*”为新模板$/)
      .first()
      .click();
    await page.locator('input[name="code"]').first().fill('county-e2e');
    await page.locator('input[name="name"]').first().fill('县域模板（测试）');
    await page.getByRole('button', { name: '创建副本' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('县域模板（测试）');
    await expect(page.locator('tr[data-item]')).toHaveCount(28);
    await page.locator('tr[data-item="G01"]').getByRole('link', { name: '编辑' }).click();
    await page.locator('input[name="weight"]').fill('3');
    await page.getByRole('button', { name: '保存事项' }).click();
    await expect(page.locator('main').getByRole('status')).toHaveText('已保存。');
    await expect(page.locator('tr[data-item="G01"] td.num')).toHaveText('3');
    await page.goto('/platform/templates');
    await page.locator('tr[data-template="default-2026"] a').click();
    await expect(page.locator('tr[data-item="G01"] td.num')).toHaveText('1');
  });
});

test('the platform admin sees the province ranking: every district, filtered by district and type, with its JSON; axe finds nothing serious', async ({ asUser }) => {
  await asUser('platform', async (page) => {
    await page.goto('/platform');
    await page.getByRole('link', { name: '全省评选' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('全省先进单位评选');
    const districts = page.getByTestId('province-districts');
    await expect(districts.locator('tr[data-district="dongcheng"]')).toContainText('东城区');
    await expect(districts.locator('tr[data-district="xishan"]')).toContainText('西山县');
    const all = await page.getByTestId('province-rows').locator('tr[data-school]').count();
    expect(all).toBeGreaterThan(0);
    await page.locator('select[name="district"]').selectOption('xishan');
    await page.locator('select[name="type"]').selectOption('primary');
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(/district=xishan/);
    const rows = page.getByTestId('province-rows').locator('tr[data-school]');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThan(all);
    for (const code of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-school')))) expect(code).toMatch(/^xs/);
    const { violations } = await runAxe(page, (b) => b.include('main'));
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    const json = await page.request.get(`/api/v1/province/rankings?year=${new URL(page.url()).searchParams.get('year')}&district=xishan&type=primary`);
    expect(json.status()).toBe(200);
    const body = (await json.json()) as { schools: { district: string; code: string }[] };
    expect(body.schools.map((s) => s.code)).toEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-school'))));
  });
});
