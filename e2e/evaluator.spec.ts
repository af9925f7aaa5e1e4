import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, request as playwrightRequest, test } from './support/fixtures';
import { signIn } from './support/auth';
import { ReviewQueue, TokensPage } from './support/pages';

// Issue 4: the evaluator's quarter review, end to end, with the coordinator's side of the loop;
// zone scoping; the XLSX export read back and compared with the read API; API tokens.

const REJECT_REASON = '公开内容不完整：缺少支出明细和经手人签字';
const RETURN_REASON = '请按审核意见补充7—9月财务公开材料后重新提交';

test.describe.serial('an evaluator reviews a submitted report and the coordinator responds', () => {
  let reportHref = '';
  let school = '';
  let period = '';

  test('the evaluator rejects one disclosure, scores the report and returns it', async ({ asUser }) => {
    await asUser('dongcheng.eval', async (page) => {
      await page.goto('/review/quarters?year=2026&quarter=3&state=submitted');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('2026年第3季度');
      const row = page.locator('tr[data-state="submitted"]').first();
      school = (await row.getAttribute('data-school'))!;
      reportHref = (await row.locator('a[href^="/review/reports/"]').getAttribute('href'))!;
      await page.goto(reportHref);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('2026年第3季度');

      // A monthly M01 obligation with exactly one accepted disclosure.
      const sections = page.locator('section.obligation[data-item="M01"]');
      let target = sections.first();
      for (let i = 0; i < (await sections.count()); i++) {
        const s = sections.nth(i);
        if ((await s.locator('li[data-disclosure]').count()) === 1 && (await s.locator('[data-testid="rejection"]').count()) === 0) {
          target = s;
          break;
        }
      }
      period = (await target.getAttribute('data-period'))!;
      expect(period).toMatch(/^2026-0[789]$/);
      await target.getByText('驳回此条公开').click();
      await target.getByLabel('驳回原因').fill(REJECT_REASON);
      await target.getByRole('button', { name: '确认驳回' }).click();
      await expect(target.getByTestId('rejection')).toContainText(REJECT_REASON);
      await expect(target.locator('h3 .badge')).toHaveText(/被退回/);

      const score = page.getByTestId('score-form');
      for (const [name, v] of [
        ['attention', '18'],
        ['content', '16'],
        ['form', '18'],
        ['procedure', '17'],
        ['rules', '19'],
      ])
        await score.locator(`[name="${name}"]`).fill(v!);
      await score.getByRole('button', { name: '保存评分' }).click();
      await expect(page.getByTestId('score-total')).toContainText('总分 88 分');

      const ret = page.getByTestId('return-form');
      await ret.getByRole('button', { name: '退回修改' }).click();
      await expect(ret.locator('.field-error')).toHaveText('此项为必填。');
      await ret.locator('textarea[name="reason"]').fill(RETURN_REASON);
      await ret.getByRole('button', { name: '退回修改' }).click();
      await expect(page.getByText('报告已退回，等待学校修改后重新提交。')).toBeVisible();
      await expect(page.getByTestId('transitions')).toContainText(RETURN_REASON);
    });
  });

  test('the coordinator sees why, fixes the disclosure and resubmits', async ({ asUser }) => {
    await asUser(`dongcheng.${school}`, async (page) => {
      // Coordinators may open their own report on the review page: the rejection and its reason.
      await page.goto(reportHref);
      await expect(page.getByTestId('rejection').first()).toContainText(REJECT_REASON);
      await expect(page.getByTestId('score-form')).toHaveCount(0);

      await page.goto('/school/report?q=2026-Q3');
      await expect(page.getByTestId('returned')).toContainText(RETURN_REASON);
      await expect(page.getByText(REJECT_REASON)).toBeVisible();

      await page.goto(`/school/disclosures/new?item=M01&period=${period}`);
      const form = page.getByTestId('disclosure-form');
      await form.locator('#disclosedOn').fill(`${period}-28`);
      await form.locator('input[name="channels"][value="noticeBoard"]').check();
      await form.locator('input[name="audience"][value="internal"]').check();
      await form.locator('#summary').fill(`${period} 学校财务收支情况（补充支出明细及经手人签字），已在校务公开栏重新公开。`);
      await form.getByRole('button', { name: '保存公开记录' }).click();
      await page.waitForURL(/\/school\/disclosures\/[0-9a-f-]{36}/);

      await page.goto('/school/report?q=2026-Q3');
      const submit = page.getByTestId('submit-form');
      const confirm = submit.locator('input[name="confirmGaps"]');
      if (await confirm.count()) await confirm.check();
      await submit.getByRole('button', { name: '重新提交季度报告' }).click();
      await expect(page.getByTestId('report-state')).toContainText('已提交');
    });
  });

  test('the evaluator approves; the report is locked and the coordinator can no longer edit', async ({ asUser }) => {
    await asUser('dongcheng.eval', async (page) => {
      await page.goto(reportHref);
      const fixed = page.locator(`section.obligation[data-item="M01"][data-period="${period}"]`);
      await expect(fixed.locator('li[data-disclosure]')).toHaveCount(2);
      await expect(fixed.locator('h3 .badge')).toHaveText(/按时公开/);
      await page.getByTestId('approve-form').getByRole('button', { name: '审核通过' }).click();
      // Asked first (issue 14), then approved from the keyboard.
      const ask = page.getByRole('dialog');
      await expect(ask).toContainText('确认审核通过？');
      await page.keyboard.press('Tab');
      await expect(ask.getByRole('button', { name: '确认审核通过' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByText('该报告已审核通过并锁定')).toBeVisible();
      await expect(page.getByTestId('reopen-form')).toBeVisible();
      await expect(page.locator('[data-testid="reject-form"]')).toHaveCount(0);
    });
    await asUser(`dongcheng.${school}`, async (page) => {
      await page.goto(`/school/disclosures/new?item=M01&period=${period}`);
      await expect(page.getByTestId('entry-locked')).toContainText('已审核通过');
      await expect(page.getByTestId('disclosure-form')).toHaveCount(0);
    });
  });
});

test('an evaluator limited to zone A cannot open a zone B report; a zone A report opens', async ({ journey, asUser }) => {
  journey.allowConsole(/the server responded with a status of 404/);
  const hrefs = await asUser('dongcheng.eval', async (page) => {
    const queue = new ReviewQueue(page);
    await queue.goto('?year=2026&quarter=3');
    return { zoneB: (await queue.reportHref('dc20'))!, zoneA: (await queue.reportHref('dc03'))! };
  });
  await asUser('dongcheng.eval.z1', async (page) => {
    expect((await page.goto(hrefs.zoneB))?.status()).toBe(404);
    expect((await page.goto(hrefs.zoneA))?.status()).toBe(200);
    const queue = new ReviewQueue(page);
    await queue.goto('?year=2026&quarter=3');
    await expect(queue.row('dc20')).toHaveCount(0);
  });
});

async function readSheet(file: string): Promise<Map<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out = new Map<string, Record<string, unknown>>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const vals = (row.values as unknown[]).slice(1);
    const rec = Object.fromEntries(header.map((h, i) => [h, vals[i] ?? null]));
    out.set(String(rec['学校代码']), rec);
  });
  return out;
}

test('the downloaded XLSX (school table and matrix) holds the numbers of the read API', async ({ asUser }) => {
  await asUser('dongcheng.eval', async (page) => {
    const api = await (await page.request.get('/api/v1/metrics/schools?year=2026&quarter=3')).json();
    await page.goto('/review/quarters?year=2026&quarter=3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-schools').click()]);
    const sheet = await readSheet((await download.path())!);
    expect(api.schools.length).toBeGreaterThanOrEqual(24);
    for (const s of api.schools) {
      const x = sheet.get(s.code)!;
      // §4: the obligations already due, which the rates count, and the not-yet-due ones apart.
      expect([x['已到期应公开义务数'], x['未到期义务数'], x['已公开'], x['按时公开'], x['公开覆盖率(%)'], x['公开及时率(%)'], x['评估得分']]).toEqual([
        s.obligations,
        s.notYetDue,
        s.met,
        s.onTime,
        s.coverage,
        s.timeliness,
        s.evaluatorScore,
      ]);
    }

    const year = await (await page.request.get('/api/v1/metrics/schools?year=2025')).json();
    await page.goto('/review/matrix?year=2025');
    await expect(page.getByTestId('matrix')).toBeVisible();
    const [mdl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-matrix').click()]);
    const matrix = await readSheet((await mdl.path())!);
    for (const s of year.schools) {
      const x = matrix.get(s.code)!;
      expect([x['已到期应公开义务数'], x['未到期义务数'], x['已公开'], x['按时公开'], x['公开覆盖率(%)'], x['公开及时率(%)']]).toEqual([
        s.obligations,
        s.notYetDue,
        s.met,
        s.onTime,
        s.coverage,
        s.timeliness,
      ]);
    }
    // The matrix page shows the same district figure.
    const total = year.schools.reduce((n: number, s: { met: number }) => n + s.met, 0);
    await expect(page.getByTestId('total-met')).toContainText(`${total}/`);
  });
});

test('a matrix cell opens the disclosures behind it', async ({ page }) => {
  await signIn(page, 'dongcheng.eval');
  await page.goto('/review/matrix?year=2026&quarter=2');
  const cell = page.locator('tr[data-school="dc01"] td[data-item="M01"] a');
  await expect(cell).toHaveAttribute('aria-label', /dc01 M01 按时公开 3\/3/);
  await cell.click();
  const detail = page.getByTestId('cell-detail');
  await expect(detail).toContainText('M01');
  await expect(detail.locator('li[data-disclosure]').first()).toBeVisible();
  expect(await detail.locator('li[data-disclosure]').count()).toBeGreaterThanOrEqual(3);
});

test('API tokens: bearer access with the owner’s scope; 401, 400 and 404 as documented', async ({ asUser, baseURL }) => {
  const token = await asUser('dongcheng.eval.z1', async (page) => {
    const tokens = new TokensPage(page);
    const t = await tokens.create('e2e 数据对接');
    await expect(tokens.row('e2e 数据对接')).toBeVisible();
    return t;
  });
  const anon = await playwrightRequest.newContext({ baseURL });
  try {
    const auth = { Authorization: `Bearer ${token}` };
    const ok = await anon.get('/api/v1/metrics/schools?year=2026&quarter=3', { headers: auth });
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.schools.map((s: { code: string }) => s.code)).toEqual(['dc01', 'dc02', 'dc03', 'dc04', 'dc05', 'dc06', 'dc07', 'dc08']);
    expect((await anon.get('/api/v1/metrics/schools?year=2026')).status()).toBe(401);
    expect((await anon.get('/api/v1/metrics/schools?year=2026', { headers: { Authorization: 'Bearer slt_wrong' } })).status()).toBe(401);
    const bad = await anon.get('/api/v1/disclosures?year=26', { headers: auth });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain('year');
    expect((await anon.get('/api/v1/disclosures?year=2026&school=dc20', { headers: auth })).status()).toBe(404);
    expect((await anon.get('/api/v1/disclosures?year=2026&school=xs01', { headers: auth })).status()).toBe(404);
    const own = await anon.get('/api/v1/disclosures?year=2026&quarter=3&school=dc01', { headers: auth });
    expect(own.status()).toBe(200);
    expect((await own.json()).disclosures.every((d: { school: string }) => d.school === 'dc01')).toBe(true);
    expect((await anon.get('/api/v1/checklist?year=2026', { headers: auth })).status()).toBe(200);
    expect((await anon.get('/api/v1/events?year=2026&school=dc01', { headers: auth })).status()).toBe(200);
  } finally {
    await anon.dispose();
  }
});

test('findings: raise one against a school, then close it', async ({ page }) => {
  await signIn(page, 'dongcheng.eval');
  await page.goto('/review/findings');
  const form = page.getByTestId('raise-finding');
  await form.locator('select[name="schoolId"]').selectOption({ label: 'dc12 东城区育英中学' });
  await form.locator('select[name="severity"]').selectOption('serious');
  await form.locator('select[name="itemCode"]').selectOption('M03');
  await form.locator('input[name="dueOn"]').fill('2026-12-20');
  await form.locator('input[name="title"]').fill('食堂伙食费收支清单未按月公开');
  await form.getByRole('button', { name: '下达整改' }).click();
  await expect(form.getByText('整改事项已下达。')).toBeVisible();
  const row = page.locator('tr[data-school="dc12"]', { hasText: '食堂伙食费收支清单未按月公开' });
  await row.getByRole('link', { name: '食堂伙食费收支清单未按月公开' }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('待整改');
  await page.getByTestId('close-finding').getByRole('button', { name: '整改到位，关闭' }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('已关闭');
});
