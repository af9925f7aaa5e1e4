import ExcelJS from 'exceljs';
import { expect, test, type Page } from './support/fixtures';
import { signIn } from './support/auth';

// The annual 先进单位 evaluation (DESIGN §6) on the seeded 2025 year: the leader's dashboard and
// the ranking table agree; an evaluator publishes the 公示; anyone reads it without logging in
// and lodges an objection, which the evaluator then sees.

const YEAR = 2025;

async function rankingCell(page: Page, code: string, col: string): Promise<string> {
  return (await page.locator(`tr[data-school="${code}"] td[data-col="${col}"]`).first().innerText()).trim();
}

test('a leader sees the dashboard charts, and their numbers match the ranking table', async ({ page }) => {
  await signIn(page, 'dongcheng.leader');
  await page.goto(`/overview?year=${YEAR}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全区概览');
  for (const chart of ['trend', 'zones', 'distribution', 'top', 'bottom']) {
    await expect(page.locator(`[data-testid="chart-${chart}"] svg.recharts-surface`).first(), chart).toBeVisible();
  }
  await expect(page.locator('[data-testid="chart-top"] .recharts-bar-rectangle')).toHaveCount(10);

  // The numbers behind the top-10 chart, from its accessible table.
  await page.getByTestId('table-top').locator('summary').click();
  const rows = page.locator('[data-testid="top-table"] tbody tr');
  await expect(rows).toHaveCount(10);
  const top = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      code: tr.getAttribute('data-school')!,
      composite: tr.querySelector('[data-col="composite"]')!.textContent!.trim(),
      rank: tr.querySelector('[data-col="rank"]')!.textContent!.trim(),
    })),
  );
  const composites = top.map((t) => Number(t.composite));
  expect([...composites].sort((a, b) => b - a)).toEqual(composites);

  // Drill down: a school in the table links to its profile.
  await expect(page.locator(`[data-testid="top-table"] a[href^="/review/schools/"]`).first()).toBeVisible();

  await page.goto(`/review/ranking?year=${YEAR}`);
  for (const t of top) {
    expect(await rankingCell(page, t.code, 'composite'), t.code).toBe(t.composite);
    const rank = await rankingCell(page, t.code, 'rank');
    expect(t.rank === rank || (t.rank === '不符合资格' && rank === '—'), `${t.code} rank ${t.rank} vs ${rank}`).toBe(true);
  }

  // The API serves the same figures.
  const res = await page.request.get(`/api/v1/rankings?year=${YEAR}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { schools: { code: string; composite: number }[] };
  for (const t of top) expect(body.schools.find((s) => s.code === t.code)!.composite.toFixed(2)).toBe(t.composite);
});

test('an evaluator explains a row, exports XLSX and publishes the 公示', async ({ page }) => {
  await signIn(page, 'dongcheng.eval');
  await page.goto(`/review/ranking?year=${YEAR}`);
  await expect(page.getByTestId('ranking-state')).toContainText('草稿');

  // dc17 held no staff congress in 2025: ineligible, with the gate named.
  const dc17 = page.locator('tr[data-school="dc17"]');
  await expect(dc17.locator('[data-col="eligibility"]')).toContainText('未召开教代会');
  await dc17.getByRole('button').click();
  const detail = page.locator(`[id="${await dc17.getByRole('button').getAttribute('aria-controls')}"]`);
  await expect(detail).toBeVisible();
  await expect(detail).toContainText('综合分构成');
  await expect(detail.getByRole('link', { name: '查看公开义务' })).toHaveAttribute('href', /\/review\/matrix\?year=2025&school=/);

  const xlsx = await page.request.get(`/review/ranking/export?year=${YEAR}`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).filter(Boolean);
  expect(header).toEqual(expect.arrayContaining(['学校代码', '综合分', '不符合资格原因']));
  const compositeCol = header.indexOf('综合分') + 1;
  expect(typeof ws.getRow(2).getCell(compositeCol).value).toBe('number');

  await page.getByRole('button', { name: `发布${YEAR}年度公示` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByTestId('ranking-state')).toContainText('公示中 · 第1版');
  await expect(page.getByTestId('ranking-source')).toContainText('当前显示已发布的第1版');
  await expect(page.getByText('公示期：2026年11月24日至2026年11月30日')).toBeVisible();
});

test('the public 公示 page opens without login and takes an objection', async ({ page, browser }) => {
  const res = await page.goto(`/notice/dongcheng/${YEAR}`);
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/notice/dongcheng/${YEAR}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`关于${YEAR}年度校务公开工作先进单位评选结果的公示`);
  await expect(page.getByText('公示时间：2026年11月24日至2026年11月30日（5 个工作日）。')).toBeVisible();
  await expect(page.getByText('东城区实验小学')).toBeVisible();
  await expect(page.getByText('东城区教育局', { exact: true }).first()).toBeVisible();
  // Issue 14: the office that takes objections, and a promise about who reads them that is true.
  await expect(page.getByTestId('notice-contact')).toContainText('受理异议：东城区教育局督导室，电话 010-6401 2345');
  await expect(page.getByText('由教育局督导评估人员和局领导查阅')).toBeVisible();

  // Bad input gets a clear message and keeps what was typed.
  await page.getByLabel('联系方式（选填）').fill('13800001111');
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByText('此项为必填。')).toBeVisible();
  await expect(page.getByLabel('联系方式（选填）')).toHaveValue('13800001111');

  await page.getByLabel('异议内容').fill('东城区实验小学食堂伙食费清单在公开栏张贴不完整，请核实。');
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByRole('status')).toContainText('您的异议已提交');
  await expect(page.getByTestId('objection-reference')).toHaveText(/^受理编号：2025-\d{3}。/);
  const reference = (await page.getByTestId('objection-reference').innerText()).match(/2025-\d{3}/)![0];

  const print = await page.goto(`/notice/dongcheng/${YEAR}/print`);
  expect(print?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`关于${YEAR}年度校务公开工作先进单位评选结果的公示`);

  // The evaluator sees the objection and can answer it.
  const context = await browser.newContext();
  const evaluator = await context.newPage();
  try {
    await signIn(evaluator, 'dongcheng.eval');
    await evaluator.goto(`/review/ranking?year=${YEAR}`);
    const objection = evaluator.getByTestId('objection').filter({ hasText: '伙食费清单' });
    await expect(objection).toContainText('13800001111');
    await expect(objection).toContainText(`编号 ${reference}`);
    await objection.getByLabel('答复').fill('经核实，该校已补充张贴完整的伙食费收支清单。');
    await objection.getByRole('button', { name: '提交答复' }).click();
    await expect(objection.getByText('经核实，该校已补充张贴完整的伙食费收支清单。')).toBeVisible();
    await expect(objection).toContainText('答复：');
    await expect(objection.getByRole('button', { name: '提交答复' })).toHaveCount(0);
  } finally {
    await context.close();
  }
  // Leaders read the objections too, with the objector's telephone, as the notice says.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  try {
    await signIn(leader, 'dongcheng.leader');
    await leader.goto(`/review/ranking?year=${YEAR}`);
    await expect(leader.getByTestId('objection').filter({ hasText: '伙食费清单' })).toContainText('13800001111');
  } finally {
    await leaderContext.close();
  }
});

test('another district’s notice page is not found while nothing is published there', async ({ page, journey }) => {
  journey.allowConsole(/the server responded with a status of 404/);
  const res = await page.goto(`/notice/xishan/${YEAR}`);
  expect(res?.status()).toBe(404);
});
