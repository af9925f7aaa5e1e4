import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, test, type Page } from './support/fixtures';
import { roundHalfUp } from '../core/domain/rounding';

// Desktop journeys of the satisfaction surveys (DESIGN §7): set-up, codes and print sheets with
// decodable QR codes, who sees what, results with the anonymity floor, XLSX and the API.

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** The district admin generates a batch on /admin/surveys; returns the print page's URL. */
async function adminBatch(page: Page, survey: string, school: string, count: number, year = 2026): Promise<string> {
  await page.goto(`/admin/surveys?year=${year}`);
  const form = page.getByTestId('generate-codes');
  // With one survey open for codes the form has no survey choice.
  const surveySelect = form.locator('select[name="surveyId"]');
  if ((await surveySelect.count()) > 0) await surveySelect.selectOption({ label: survey });
  await form.locator('select[name="schoolId"]').selectOption({ label: school });
  await form.getByLabel(/数量/).fill(String(count));
  await form.getByRole('button', { name: '生成并打印' }).click();
  await page.waitForURL(/\/admin\/surveys\/print\//);
  return new URL(page.url()).pathname;
}

test('the district admin generates codes; each QR code on the print sheet decodes to its code’s URL', async ({ journey, asUser, browser, baseURL }) => {
  // Other schools' and districts' pages answer 404 on purpose.
  journey.allowConsole(/the server responded with a status of 404/);
  const { print, slips } = await asUser('dongcheng.admin', async (page) => {
    const print = await adminBatch(page, '2026年度校务公开满意度调查（家长卷）', 'dc07 东城区和平里小学', 12);
    await expect(page.getByRole('heading', { name: '东城区和平里小学 · 问卷码' })).toBeVisible();
    await expect(page.locator('article.slip')).toHaveCount(12);
    await expect(page.locator('.sheet')).toHaveCount(2); // ten slips an A4 page
    const first = page.locator('article.slip').first();
    await expect(first).toContainText('东城区和平里小学');
    await expect(first).toContainText('2026年度校务公开满意度调查（家长卷）');
    const slips = await page.locator('article.slip').evaluateAll((els) =>
      els.map((e) => ({
        code: e.getAttribute('data-code') ?? '',
        url: e.querySelector('.slip-url')?.textContent ?? '',
        src: e.querySelector('img')?.getAttribute('src') ?? '',
        shown: e.querySelector('.slip-code')?.textContent ?? '',
      })),
    );
    return { print, slips };
  });
  expect(new Set(slips.map((s) => s.code)).size).toBe(12);
  for (const s of slips.slice(0, 4)) {
    expect(s.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{12}$/);
    expect(s.url).toBe(`${baseURL}/s/${s.code}`);
    expect(s.shown.replace(/-/g, '')).toBe(s.code);
    expect(s.src).toMatch(/^data:image\/png;base64,/);
    expect(decodeQr(s.src)).toBe(s.url);
  }
  // The decoded URL opens the survey, with no login.
  const anon = await browser.newContext();
  const page = await anon.newPage();
  await page.goto(decodeQr(slips[0]!.src)!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2026年度校务公开满意度调查（家长卷）');
  await expect(page.locator('fieldset')).toHaveCount(6);
  await anon.close();

  // The school's coordinator prints the same sheet; another school's coordinator and another
  // district's admin get 404.
  const batchId = print.split('/').pop()!;
  await asUser('dongcheng.dc07', async (p) => {
    expect((await p.goto(`/school/surveys/print/${batchId}`))?.status()).toBe(200);
    await expect(p.locator('article.slip')).toHaveCount(12);
    await p.goto('/school/surveys');
    await expect(p.locator(`tr[data-batch="${batchId}"]`)).toBeVisible();
  });
  await asUser('dongcheng.dc01', async (p) => {
    expect((await p.goto(`/school/surveys/print/${batchId}`))?.status()).toBe(404);
  });
  await asUser('xishan.admin', async (p) => {
    expect((await p.goto(`/admin/surveys/print/${batchId}`))?.status()).toBe(404);
  });
});

test('the admin creates next year’s survey from the defaults and edits the questions before it opens', async ({ asUser, browser }) => {
  await asUser('dongcheng.admin', async (page) => {
    await page.goto('/admin/surveys?year=2027');
    const create = page.getByTestId('create-teachers');
    await expect(create.getByLabel('问卷标题')).toHaveValue('2027年度校务公开满意度调查（教师卷）');
    await create.getByLabel('问卷标题').fill('2027年度教职工满意度调查');
    await create.getByLabel('开始日期').fill('2027-11-10');
    await create.getByLabel('结束日期').fill('2027-11-01');
    await create.getByRole('button', { name: '按默认题目创建' }).click();
    await expect(create.getByText('结束日期不能早于开始日期。')).toBeVisible();
    await expect(create.getByLabel('问卷标题')).toHaveValue('2027年度教职工满意度调查');
    await create.getByLabel('结束日期').fill('2027-12-10');
    await create.getByRole('button', { name: '按默认题目创建' }).click();

    const card = page.getByTestId('survey-teachers');
    await expect(card.getByText('未开放', { exact: true })).toBeVisible();
    const editor = card.locator('form.question-editor');
    await expect(editor.locator('textarea[name^="likert"]')).toHaveCount(5);
    await expect(editor.locator('textarea[name="likert0"]')).toHaveValue('您对学校校务公开工作的总体满意程度');
    await editor.getByRole('button', { name: '添加评分题' }).click();
    await editor.locator('textarea[name="likert5"]').fill('绩效工资分配方案公开透明');
    await editor.getByRole('button', { name: '删除此题' }).first().click(); // removes question 2
    await editor.getByRole('button', { name: '保存题目' }).click();
    await expect(editor.getByRole('status')).toHaveText('已保存。');
    await page.reload();
    const texts = await page
      .getByTestId('survey-teachers')
      .locator('textarea[name^="likert"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(texts).toHaveLength(5);
    expect(texts[0]).toBe('您对学校校务公开工作的总体满意程度');
    expect(texts).not.toContain('学校公开的内容真实、完整');
    expect(texts.at(-1)).toBe('绩效工资分配方案公开透明');

    // Codes can be printed in advance; before the opening day they say so.
    await adminBatch(page, '2027年度教职工满意度调查', 'dc12 东城区育英中学', 3, 2027);
    const url = await page.locator('.slip-url').first().textContent();
    const anon = await browser.newContext();
    const p = await anon.newPage();
    await p.goto(url!);
    await expect(p.getByRole('heading', { name: '问卷尚未开始' })).toBeVisible();
    await expect(p.getByText('2027-11-10')).toBeVisible();
    await anon.close();
  });
});

test('evaluators see per-school results with the anonymity floor, charts and free texts; leaders no free texts', async ({ journey, asUser }) => {
  // Other schools' and districts' pages answer 404 on purpose.
  journey.allowConsole(/the server responded with a status of 404/);
  await asUser('xishan.eval', async (page) => {
    await page.goto('/review/surveys?year=2025');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2025年满意度调查结果');
    const xs22 = page.locator('tr[data-school="xs22"]');
    await expect(xs22.getByText('不足5份')).toHaveCount(2);
    await expect(xs22).not.toContainText('%');
    await expect(page.locator('tr[data-school="xs18"]').getByText('份数不足')).toHaveCount(2);
    await expect(page.locator('tr[data-school="xs01"]')).toContainText('%');
    // Each school's response rate (issue 14): codes answered of those issued — not under the floor.
    await expect(page.locator('tr[data-school="xs01"] [data-testid="response-rate"]').first()).toHaveText(/^回收 \d+\/\d+（\d+\.\d%）$/);
    await expect(xs22.locator('[data-testid="response-rate"]').first()).toHaveText(/^发码 \d+$/);
    await expect(page.getByTestId('zone-chart').locator('svg').first()).toBeVisible();
    await expect(page.getByTestId('distribution-teachers').locator('svg').first()).toBeVisible();
    await page.locator('tr[data-school="xs01"]').getByRole('link').click();
    const detail = page.getByTestId('school-detail');
    await expect(detail.getByRole('heading', { name: '意见和建议' }).first()).toBeVisible();
    await expect(detail.locator('[data-testid^="free-texts-"] li').first()).toBeVisible();
    await page.goto('/review/surveys?year=2025&school=xs22');
    await expect(page.getByTestId('school-detail')).toContainText('为保护答卷人匿名，不显示任何数据');
    await expect(page.getByTestId('school-detail').getByRole('heading', { name: '意见和建议' })).toHaveCount(0);
  });
  await asUser('xishan.leader', async (page) => {
    await page.goto('/review/surveys?year=2025&school=xs01');
    await expect(page.getByTestId('school-detail')).toBeVisible();
    await expect(page.getByText('意见和建议')).toHaveCount(0);
  });
  await asUser('xishan.xs01', async (page) => {
    expect((await page.goto('/review/surveys?year=2025'))?.status()).toBe(404);
  });
});

test('XLSX export: Chinese headers, numbers as numbers, nothing for a school under 5 responses', async ({ asUser }) => {
  const load = async (page: Page) => {
    const res = await page.request.get('/review/surveys/export?year=2025');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    // exceljs types its Buffer against an older @types/node.
    await wb.xlsx.load((await res.body()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    return wb;
  };
  await asUser('xishan.eval', async (page) => {
    const wb = await load(page);
    const ws = wb.getWorksheet('学校结果')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['学校代码', '学校名称', '教师满意率(%)', '家长平均分', '综合满意率(%)']));
    const col = (name: string) => header.indexOf(name) + 1;
    const rowOf = (code: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((r) => {
        if (r.getCell(1).value === code) found = r;
      });
      return found!;
    };
    expect(typeof rowOf('xs01').getCell(col('教师满意率(%)')).value).toBe('number');
    expect(typeof rowOf('xs01').getCell(col('教师问卷份数')).value).toBe('number');
    expect(rowOf('xs22').getCell(col('教师满意率(%)')).value).toBeNull();
    expect(rowOf('xs22').getCell(col('教师问卷份数')).value).toBeNull();
    expect(rowOf('xs22').getCell(col('教师结果')).value).toBe('样本不足5份');
    expect(wb.getWorksheet('意见建议')).toBeDefined();
  });
  await asUser('xishan.leader', async (page) => {
    expect((await load(page)).getWorksheet('意见建议')).toBeUndefined();
  });
});

test('GET /api/v1/surveys/results: the same figures and the same floor as the page', async ({ asUser, playwright, baseURL }) => {
  await asUser('xishan.eval', async (page) => {
    const res = await page.request.get('/api/v1/surveys/results?year=2025');
    expect(res.status()).toBe(200);
    const body = await res.json();
    const xs22 = body.schools.find((s: { code: string }) => s.code === 'xs22');
    expect(xs22.groups.teachers).toMatchObject({ responses: null, visible: false, satisfactionRate: null, meanScore: null, questionMeans: null });
    const xs01 = body.schools.find((s: { code: string }) => s.code === 'xs01');
    expect(typeof xs01.groups.teachers.satisfactionRate).toBe('number');
    await page.goto('/review/surveys?year=2025');
    // §4: the API has two decimals and the page one, each rounded once from the exact share
    // (satisfied / responses, recovered from the API's rate and count).
    const teachers = xs01.groups.teachers as { responses: number; satisfactionRate: number };
    const exact = (Math.round((teachers.satisfactionRate * teachers.responses) / 100) / teachers.responses) * 100;
    expect(teachers.satisfactionRate).toBe(roundHalfUp(exact, 2));
    await expect(page.locator('tr[data-school="xs01"]')).toContainText(`${roundHalfUp(exact, 1).toFixed(1)}%`);
    expect(body.district.groups.teachers.hiddenSchools).toBe(1);

    const one = await (await page.request.get('/api/v1/surveys/results?year=2025&school=xs18')).json();
    expect(one.schools).toHaveLength(1);
    expect(one.schools[0].groups.parents).toMatchObject({ responses: 6, visible: true, valid: false });
    expect((await page.request.get('/api/v1/surveys/results?year=2025&school=dc01')).status()).toBe(404);
    expect((await page.request.get('/api/v1/surveys/results?year=25')).status()).toBe(400);
    expect((await page.request.get('/api/v1/surveys/results?year=2025&yaer=1')).status()).toBe(400);
  });
  await asUser('xishan.xs01', async (page) => {
    expect((await page.request.get('/api/v1/surveys/results?year=2025')).status()).toBe(403);
  });
  const anon = await playwright.request.newContext({ baseURL });
  expect((await anon.get('/api/v1/surveys/results?year=2025')).status()).toBe(401);
  await anon.dispose();
});
