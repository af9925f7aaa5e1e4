import ExcelJS from 'exceljs';
import { expect, test } from './support/fixtures';
import { signInApi } from './support/auth';

// Bulk imports (issue 7): the preview lists every bad row before anything is written; a correct
// file imports in one go, with a progress bar; templates download as XLSX.

const csv = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') });

test('a school file with bad rows lists exactly those rows and writes nothing', async ({ asUser }) => {
  await asUser('dongcheng.admin', async (page) => {
    await page.goto('/admin/schools');
    await page.getByText('批量导入学校').click();
    const panel = page.locator('[data-import="schools"]');
    await panel
      .locator('input[type="file"]')
      .setInputFiles(
        csv('schools.csv', [
          '学校代码,学校名称,类型,片区',
          'dc01,重复的学校,小学,east',
          'e2e01,好学校,初中,城西片区',
          'e2e02,未知片区学校,小学,火星片区',
          'e2e03,好学校二,完中,',
          'e2e04,错类型学校,大学,north',
        ]),
      );
    await panel.getByRole('button', { name: '检查文件' }).click();
    const preview = panel.getByTestId('import-preview');
    await expect(preview).toContainText('共 5 行，其中 3 行有问题');
    await expect(preview.locator('tr[data-line]')).toHaveCount(3);
    await expect(preview.locator('tr[data-line="2"]')).toContainText('已存在');
    await expect(preview.locator('tr[data-line="4"]')).toContainText('找不到该片区');
    await expect(preview.locator('tr[data-line="6"]')).toContainText('学校类型无效');
    await expect(preview.getByRole('button', { name: /导入全部/ })).toHaveCount(0);
    await page.goto('/admin/schools?q=e2e0');
    await expect(page.locator('tr[data-school]')).toHaveCount(0);
  });
});

test('the school template downloads as an XLSX with the Chinese header row', async ({ asUser }) => {
  await asUser('dongcheng.admin', async (page) => {
    await page.goto('/admin/schools');
    await page.getByText('批量导入学校').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel 模板（.xlsx）' }).click()]);
    expect(download.suggestedFilename()).toBe('sunlight-schools-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '学校代码', '学校名称', '类型', '片区']);
  });
});

test('a holiday file is checked, corrected and imported with progress', async ({ asUser }) => {
  await asUser('xishan.admin', async (page) => {
    await page.goto('/admin/holidays?year=2027');
    await page.getByText('从文件导入').click();
    const panel = page.locator('[data-import="holidays"]');
    const file = panel.locator('input[type="file"]');
    await file.setInputFiles(csv('holidays.csv', ['日期,名称', '2027-01-01,元旦', '2027-02-30,不存在的日子']));
    await panel.getByRole('button', { name: '检查文件' }).click();
    await expect(panel.locator('tr[data-line="3"]')).toContainText('日期无效');
    await file.setInputFiles(csv('holidays.csv', ['日期,名称', '2027-01-01,元旦', '2027年2月6日,春节']));
    await panel.getByRole('button', { name: '检查文件' }).click();
    await panel.getByRole('button', { name: '导入全部 2 行' }).click();
    await expect(panel).toContainText('导入完成：新增 2 条，更新 0 条。');
    await expect(page.locator('tr[data-day="2027-02-06"]')).toContainText('春节');
  });
});

test('imported users get one-time passwords that work once', async ({ asUser, browser }) => {
  const issued = await asUser('xishan.admin', async (page) => {
    await page.goto('/admin/users');
    await page.getByText('批量导入用户').click();
    const panel = page.locator('[data-import="users"]');
    await panel
      .locator('input[type="file"]')
      .setInputFiles(csv('users.csv', ['用户名,姓名,角色,学校代码,片区', 'xishan.e2e.imp1,导入联络员,联络员,xs05,', 'xishan.e2e.imp2,导入督导,督导评估人员,,山区片区']));
    await panel.getByRole('button', { name: '检查文件' }).click();
    await panel.getByRole('button', { name: '导入全部 2 行' }).click();
    await expect(panel).toContainText('导入完成：新增 2 条');
    await expect(panel).toContainText('以下临时密码只显示这一次');
    const password = (await panel.locator('tr:has-text("xishan.e2e.imp2") code').textContent())!;
    await page.goto('/admin/users');
    await expect(page.locator('tr[data-username="xishan.e2e.imp2"]')).toContainText('山区片区');
    return password;
  });
  const context = await browser.newContext();
  await signInApi(context.request, 'xishan.e2e.imp2', issued);
  const page = await context.newPage();
  await page.goto('/review');
  await expect(page).toHaveURL(/\/account\/password$/);
  await context.close();
});
