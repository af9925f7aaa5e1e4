// Issue 14, "The review loop": the evaluator's work queue across quarters as their home, re-review
// of a rejected disclosure the school changed, 整改不到位 with a new due date — through the real
// screens of both sides. Every page visited is checked by the journey watch (axe, console errors).
import { expect, test } from './support/fixtures';

// A period key (2026-H2, 2026-T2, 2026-Q3, 2026-10) — not a date such as 2026-10-15.
const RAW_PERIOD = /\b20\d\d-(?:H[12]|T[12]|Q[1-4]|0[1-9]|1[0-2])\b(?!-\d)/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('the evaluator’s home is the work queue across quarters, oldest first', async ({ asUser }) => {
  await asUser('dongcheng.eval', async (p) => {
    await p.goto('/review');
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('审核待办');
    // Six Q3 reports have waited since October, although the current quarter is Q4.
    const review = p.getByTestId('work-review');
    await expect(review.getByRole('heading')).toContainText('待审核的报告');
    // (dc04's Q3 report is the one evaluator.spec returns, when it runs first.)
    for (const code of ['dc08', 'dc12', 'dc16', 'dc20', 'dc24']) await expect(review.locator(`tr[data-school="${code}"]`).first()).toContainText('2026年第3季度报告');
    const since = await review.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-since')!));
    expect(since).toEqual([...since].sort());
    await expect(review.locator('tr[data-school="dc08"] [data-testid="waited"]').first()).toHaveText(/\d+ 天/);
    // Not submitted after the due date: overdue, counted from the due date.
    const overdue = p.getByTestId('work-overdueReport');
    await expect(overdue.locator('tr[data-school="dc07"]').filter({ hasText: '2026年第3季度报告' })).toContainText('逾期 39 天');
    await expect(p.getByTestId('work-count-review')).toContainText(String(await review.locator('tbody tr').count()));
    // The summary's entries lead to their sections; the messages inbox is named apart.
    await p.getByTestId('work-count-overdueReport').click();
    await expect(p).toHaveURL(/#work-overdueReport$/);
    await expect(p.getByText('系统发给您的提醒消息在页首的“消息”中')).toBeVisible();
    await p.getByTestId('to-quarters').click();
    await expect(p).toHaveURL(/\/review\/quarters$/);
    await expect(p.getByRole('heading', { level: 1 })).toContainText('季度报告审核');
    // Old links to the per-quarter queue still land on it.
    await p.goto('/review?year=2026&quarter=3&state=overdue');
    await expect(p).toHaveURL(/\/review\/quarters\?year=2026&quarter=3&state=overdue$/);
    await p.goto('/inbox');
    await expect(p.getByTestId('to-work').getByRole('link', { name: '审核待办' })).toHaveAttribute('href', '/review');
  });
});

test('the work queue on a phone: rows read as cards, nothing wider than the screen', { tag: '@phone' }, async ({ asUser }) => {
  await asUser(
    'dongcheng.eval',
    async (p) => {
      await p.goto('/review');
      await expect(p.getByTestId('work-review')).toBeVisible();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    },
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  );
});

test.describe.serial('re-review after a fix: 已修改待复核, accepted in one step', () => {
  const REASON = '未附支出明细，请补充后重新公开';
  let reportHref = '';
  let disclosureId = '';

  test('the evaluator rejects a disclosure of a returned report', async ({ asUser }) => {
    await asUser('dongcheng.eval', async (page) => {
      await page.goto('/review');
      const row = page.getByTestId('work-returned').locator('tr[data-school="dc10"]').filter({ hasText: '2026年第3季度报告' });
      reportHref = (await row.getByRole('link', { name: '查看' }).getAttribute('href'))!;
      await page.goto(reportHref);
      // Item names and readable periods, never raw keys or ids.
      const main = await page.locator('main').innerText();
      expect(main).not.toMatch(RAW_PERIOD);
      expect(main).not.toMatch(UUID);
      await expect(page.locator('section.obligation[data-period="2026-07"]').first()).toContainText('2026年7月');
      const target = page
        .locator('section.obligation[data-item="M01"]')
        .filter({ has: page.locator('li[data-disclosure]:not(.rejected)') })
        .first();
      const li = target.locator('li[data-disclosure]:not(.rejected)').first();
      disclosureId = (await li.getAttribute('data-disclosure'))!;
      await li.getByText('驳回此条公开').click();
      await li.getByLabel('驳回原因').fill(REASON);
      await li.getByRole('button', { name: '确认驳回' }).click();
      await expect(page.locator(`li[data-disclosure="${disclosureId}"] [data-testid="rejection"]`)).toContainText(REASON);
    });
  });

  test('the school changes it and is told it waits for re-review', async ({ asUser }) => {
    await asUser('dongcheng.dc10', async (page) => {
      await page.goto(`/school/disclosures/${disclosureId}`);
      await expect(page.getByText(REASON)).toBeVisible();
      const form = page.getByTestId('disclosure-form');
      await form.locator('#summary').fill('公开本月学校财务收支情况，附支出明细表（经手人签字）。');
      await form.getByRole('button', { name: '保存修改' }).click();
      await expect(page.getByTestId('revised-awaiting')).toContainText('等待督导评估人员复核');
    });
  });

  test('the evaluator finds it in the queue and accepts the change', async ({ asUser }) => {
    await asUser('dongcheng.eval', async (page) => {
      await page.goto('/review');
      const row = page.getByTestId('work-revised').locator('tr[data-school="dc10"]');
      await expect(row).toContainText('学校财务收支情况');
      await expect(row).toContainText(REASON);
      await expect(row).toContainText(/2026年\d+月/);
      await expect(row.locator('[data-testid="waited"]')).toHaveText('今天');
      await row.getByRole('link', { name: '复核' }).click();
      const li = page.locator(`li[data-disclosure="${disclosureId}"]`);
      await expect(li.getByTestId('revised')).toContainText('已修改待复核');
      await li.getByRole('button', { name: '接受修改（撤销驳回）' }).click();
      await expect(li.getByTestId('rejection')).toHaveCount(0);
      await page.goto('/review');
      await expect(page.getByTestId('work-revised').locator('tr[data-school="dc10"]')).toHaveCount(0);
    });
  });
});

test.describe.serial('整改不到位: the evaluator sends an answer back with a new due date', () => {
  const TITLE = '食堂伙食费公示缺少签字';
  test('raised, answered, sent back, answered again', async ({ asUser }) => {
    await asUser('dongcheng.eval', async (page) => {
      await page.goto('/review/findings');
      const form = page.getByTestId('raise-finding');
      await form.locator('select[name="schoolId"]').selectOption({ label: 'dc05 东城区景山学校' });
      await form.locator('select[name="severity"]').selectOption('serious');
      await form.locator('input[name="dueOn"]').fill('2026-12-05');
      await form.locator('input[name="title"]').fill(TITLE);
      await form.getByRole('button', { name: '下达整改' }).click();
      await expect(form.getByRole('status')).toBeVisible();
    });
    await asUser('dongcheng.dc05', async (page) => {
      await page.goto('/school/findings');
      const f = page.getByTestId('finding').filter({ hasText: TITLE });
      await expect(f).toHaveAttribute('data-stage', 'awaitingResponse');
      await f.locator('textarea').fill('已补充签字并重新公示。');
      await f.getByRole('button', { name: '提交整改反馈' }).click();
      await expect(f).toHaveAttribute('data-stage', 'responded');
    });
    await asUser('dongcheng.eval', async (page) => {
      await page.goto('/review');
      const row = page.getByTestId('work-rectification').locator('tr[data-school="dc05"]').filter({ hasText: TITLE });
      await row.getByRole('link', { name: '审阅' }).click();
      await expect(page.getByTestId('finding-status')).toHaveText('已反馈，待审阅');
      const back = page.getByTestId('insufficient-finding');
      await back.getByRole('button', { name: '整改不到位，退回重新整改' }).click();
      await expect(back.locator('.field-error').first()).toHaveText('此项为必填。');
      await back.locator('textarea[name="reason"]').fill('照片中看不到签字，请补拍');
      await back.locator('input[name="dueOn"]').fill('2026-11-20');
      await back.getByRole('button', { name: '整改不到位，退回重新整改' }).click();
      await expect(back.getByText('新的整改期限须晚于今天。')).toBeVisible();
      await expect(back.locator('.field-error')).toHaveCount(1);
      await expect(back.locator('textarea[name="reason"]')).toHaveValue('照片中看不到签字，请补拍');
      await back.locator('input[name="dueOn"]').fill('2026-12-15');
      await back.getByRole('button', { name: '整改不到位，退回重新整改' }).click();
      await expect(page.getByTestId('finding-status')).toHaveText('已退回，待重新整改');
      await expect(page.getByTestId('verdict')).toContainText('照片中看不到签字，请补拍');
      await expect(page.locator('main')).toContainText('整改期限 2026-12-15');
    });
    await asUser('dongcheng.dc05', async (page) => {
      await page.goto('/school/findings');
      const f = page.getByTestId('finding').filter({ hasText: TITLE });
      await expect(f).toHaveAttribute('data-stage', 'resubmit');
      await expect(f.getByTestId('insufficient')).toContainText('照片中看不到签字，请补拍');
      await expect(f).toContainText('2026-12-15');
      await f.locator('textarea').fill('已补拍签字照片。');
      await f.getByRole('button', { name: '提交整改反馈' }).click();
      await expect(f).toHaveAttribute('data-stage', 'responded');
    });
  });
});
