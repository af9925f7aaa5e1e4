import { runAxe } from './support/journey';
import { expect, test, type Page } from './support/fixtures';
import { signIn } from './support/auth';

// One number per figure (issue 14, DESIGN §4), as the user reads it: the same figure shows the
// same text on every screen. The data behind them is checked figure by figure in
// modules/dashboard/data/figures.int.test.ts; this spot-checks the rendered pages (demo today
// 2026-11-23, so 2026 and its Q4 are in progress).

async function noSeriousA11y(page: Page): Promise<void> {
  const { violations } = await runAxe(page);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${page.url()}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

test('district 满意率: the overview tile and the survey page show the same number', async ({ page }) => {
  await signIn(page, 'dongcheng.leader');
  await page.goto('/overview?year=2025');
  const tile = (await page.getByTestId('year-satisfaction').textContent())!.trim();
  expect(tile).toMatch(/^\d+\.\d%$/);
  await noSeriousA11y(page);
  await page.goto('/review/surveys?year=2025');
  await expect(page.getByTestId('district-combined')).toHaveText(tile);
  await noSeriousA11y(page);
});

test('the open-findings tile says what it counts and links to exactly that list (leaders have the menu entry)', async ({ page }) => {
  await signIn(page, 'dongcheng.leader');
  await page.goto('/overview?year=2026');
  const tile = page.getByTestId('year-open-findings');
  const count = Number((await tile.textContent())!.trim());
  await expect(page.getByText('2026年度未关闭整改事项')).toBeVisible();
  await tile.getByRole('link').click();
  await expect(page).toHaveURL(/\/review\/findings\?status=open&year=2026$/);
  await expect(page.getByTestId('findings').locator('tbody tr')).toHaveCount(count);
  await expect(page.getByTestId('findings-year')).toContainText(`共 ${count} 项`);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '整改事项' })).toBeVisible();
  await noSeriousA11y(page);
});

test('the quarter in progress is marked, counts only what is due, and its submission rate matches the review queue', async ({ page }) => {
  await signIn(page, 'dongcheng.leader');
  await page.goto('/overview?year=2026');
  await expect(page.getByTestId('quarter-in-progress')).toContainText('进行中');
  await expect(page.getByTestId('year-in-progress')).toContainText('未到期');
  // Q4's reports are due on 2027-01-15: no rate yet (not a collapse to a few per cent).
  await expect(page.getByTestId('quarter-report-completeness')).toHaveText('—');
  const trend = page.locator('[data-chart="trend"]');
  await trend.getByText('查看数据表').click();
  await expect(trend.getByRole('link', { name: '第4季度（进行中）' })).toBeVisible();
  const q3 = trend.locator('tbody tr').filter({ has: page.getByRole('link', { name: '第3季度', exact: true }) });
  const q3Completeness = (await q3.locator('td').nth(3).textContent())!.trim();
  await page.goto('/review/quarters?year=2026&quarter=3');
  await expect(page.getByTestId('kpi-completeness')).toHaveText(q3Completeness);
  await page.goto('/review/quarters?year=2026&quarter=4');
  await expect(page.getByTestId('in-progress')).toContainText('进行中');
  await expect(page.getByTestId('kpi-completeness')).toHaveText('—');
  await noSeriousA11y(page);
});

test("a school's mean score reads the same on its profile and on the coordinator's history", async ({ page }) => {
  await signIn(page, 'dongcheng.eval');
  await page.goto('/review/quarters?year=2025&quarter=4');
  await page
    .locator('tr[data-school="dc08"]')
    .getByRole('link', { name: /^dc08 / })
    .click();
  const score = (await page.getByTestId('year-score-2025').textContent())!.trim();
  expect(score).toMatch(/^\d+\.\d$/);
  await page.context().clearCookies();
  await signIn(page, 'dongcheng.dc08');
  await page.goto('/school/history');
  await expect(page.getByTestId('year-summary-2025')).toContainText(`平均得分 ${score}`);
  await noSeriousA11y(page);
});
