import { expect, test, type Page } from './support/fixtures';

// These journeys open refused pages on purpose: their 404/403 answers are logged by the browser.
test.beforeEach(({ journey }) => journey.allowConsole(/the server responded with a status of 40[34]/));

// Victim (西山县 xishan) and attacker (东城区 dongcheng): a district admin cannot see or touch
// another district's schools, users, zones or settings. Ids rewritten in action payloads answer
// "not found" and change nothing, while the victim's own admin keeps full access.

const NOT_FOUND = '找不到该记录，或您无权访问。';

/** The id at the end of a row's edit link, e.g. /admin/schools/<id>. */
async function idFromRow(page: Page, list: string, row: string): Promise<string> {
  await page.goto(list);
  const href = await page.locator(row).getByRole('link', { name: '编辑' }).getAttribute('href');
  return href!.split('/').pop()!;
}

async function rewrite(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
}

test('schools: another district’s school is invisible, and a rewritten id changes nothing', async ({ asUser }) => {
  const victim = await asUser('xishan.admin', (page) => idFromRow(page, '/admin/schools', 'tr[data-school="xs03"]'));
  await asUser('dongcheng.admin', async (page) => {
    await page.goto('/admin/schools?q=xs');
    await expect(page.locator('tr[data-school]')).toHaveCount(0);
    expect((await page.goto(`/admin/schools/${victim}`))?.status()).toBe(404);

    const own = await idFromRow(page, '/admin/schools', 'tr[data-school="dc03"]');
    await page.goto(`/admin/schools/${own}`);
    await rewrite(page, 'form:has(input[name="code"]) input[name="schoolId"]', victim);
    await page.locator('input[name="name"]').fill('被篡改的学校');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText(NOT_FOUND);

    await page.goto(`/admin/schools/${own}`);
    await rewrite(page, 'form:has(input[name="active"]) input[name="schoolId"]', victim);
    await page.getByRole('button', { name: '停用' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText(NOT_FOUND);
    await page.goto(`/admin/schools/${own}`);
    await expect(page.locator('input[name="name"]')).toHaveValue('东城区育才小学');
  });
  await asUser('xishan.admin', async (page) => {
    expect((await page.goto(`/admin/schools/${victim}`))?.status()).toBe(200);
    await expect(page.locator('input[name="name"]')).toHaveValue('西山县城关镇中心小学');
    await expect(page.getByRole('button', { name: '停用' })).toBeVisible();
  });
});

test('users: another district’s user cannot be opened, edited or reset', async ({ asUser }) => {
  const victim = await asUser('xishan.admin', (page) => idFromRow(page, '/admin/users', 'tr[data-username="xishan.eval"]'));
  await asUser('dongcheng.admin', async (page) => {
    expect((await page.goto(`/admin/users/${victim}`))?.status()).toBe(404);
    await page.goto('/admin/users');
    await expect(page.locator('tr[data-username^="xishan."]')).toHaveCount(0);

    const own = await idFromRow(page, '/admin/users', 'tr[data-username="dongcheng.leader"]');
    await page.goto(`/admin/users/${own}`);
    await rewrite(page, 'form:has(button:has-text("重置密码")) input[name="userId"]', victim);
    await page.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认重置密码' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText(NOT_FOUND);
    await expect(page.getByTestId('temporary-password')).toHaveCount(0);

    await page.goto(`/admin/users/${own}`);
    await rewrite(page, 'form:has(input[name="displayName"]) input[name="userId"]', victim);
    await page.locator('input[name="displayName"]').fill('被篡改');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText(NOT_FOUND);
  });
  // The victim still signs in with the demo password, unchanged.
  await asUser(
    'xishan.eval',
    async (page) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/review$/);
      await expect(page.getByText('陈秀兰')).toBeVisible();
    },
    { freshSignIn: true },
  );
});

test('zones: a rewritten zone id cannot deactivate another district’s zone', async ({ asUser }) => {
  const victim = await asUser('xishan.admin', (page) => idFromRow(page, '/admin/zones', 'tr[data-zone="chengguan"]'));
  await asUser('dongcheng.admin', async (page) => {
    expect((await page.goto(`/admin/zones/${victim}`))?.status()).toBe(404);
    const own = await idFromRow(page, '/admin/zones', 'tr[data-zone="east"]');
    await page.goto(`/admin/zones/${own}`);
    await rewrite(page, 'form:has(button:has-text("停用片区")) input[name="zoneId"]', victim);
    await page.locator('select[name="moveTo"]').selectOption({ label: '不属于任何片区' });
    await page.getByRole('button', { name: '停用片区' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText(NOT_FOUND);
  });
  await asUser('xishan.admin', async (page) => {
    await page.goto('/admin/zones');
    await expect(page.locator('tr[data-zone="chengguan"]')).toContainText('启用中');
  });
});

test('settings: saving one’s own settings never touches another district’s', async ({ asUser }) => {
  await asUser('dongcheng.admin', async (page) => {
    await page.goto('/admin?year=2027');
    await page.locator('input[name="reportDueDays"]').fill('20');
    await page.getByRole('button', { name: '保存', exact: true }).click(); // not 保存联系方式 (the objection contact)
    await expect(page.locator('main').getByRole('status')).toHaveText('已保存。');
    await page.goto('/admin?year=2027');
    await expect(page.locator('input[name="reportDueDays"]')).toHaveValue('20');
  });
  await asUser('xishan.admin', async (page) => {
    await page.goto('/admin?year=2027');
    await expect(page.locator('input[name="reportDueDays"]')).toHaveValue('15');
  });
});

test('malformed ids answer 404; other roles cannot open the admin screens', async ({ asUser }) => {
  await asUser('dongcheng.admin', async (page) => {
    for (const path of ['/admin/schools/not-a-uuid', '/admin/users/00000000-0000-0000-0000-000000000000', `/admin/zones/${encodeURIComponent("1' or '1'='1")}`]) {
      expect((await page.goto(path))?.status()).toBe(404);
    }
  });
  await asUser('dongcheng.eval', async (page) => {
    for (const path of ['/admin/users', '/admin/schools', '/admin/checklist', '/admin/audit', '/platform/templates']) {
      expect((await page.goto(path))?.status()).toBe(404);
    }
  });
});
