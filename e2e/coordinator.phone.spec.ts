import { expect, test } from './support/fixtures';
import { signIn } from './support/auth';
import { expectImagesLoaded, jpegFile } from './support/files';
import { DisclosureForm, EventsPage, SchoolReportPage } from './support/pages';

// Issue 3 on a phone (Pixel 7 viewport, touch): the same quarter's work done on the go. Schools:
// xs21 (Q4 2026 open) and xs12 (its Q3 2026 report was returned).

test('on a phone: a photo disclosure, an event disclosed in advance, “no such matter”; the report opens after the quarter', async ({ page }) => {
  await signIn(page, 'xishan.xs21');
  await page.goto('/school');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2026年第4季度');
  // The obligation table becomes cards: no horizontal scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  const m03 = page.locator('tr[data-item="M03"][data-period="2026-11"]');
  await m03.getByRole('link', { name: '记录公开' }).tap();
  await new DisclosureForm(page).fillAndSave({ date: '2026-11-22', channels: ['gateBoard'], audience: 'external', summary: '11月伙食费收支清单已在校门电子屏公示。', files: [jpegFile()] });
  await expect(page.getByTestId('saved')).toBeVisible();
  await expectImagesLoaded(page, '[data-testid="evidence-item"] img');

  // 事前公开: the event is declared ahead, and disclosed before its planned date.
  await page.goto('/school/events');
  await new EventsPage(page).declare('P01', '2026-12-02', '2026年中小学一级教师职称推荐');
  await page.getByTestId('event-item-P01').getByTestId('declared-event').getByRole('link', { name: '记录公开' }).tap();
  const form = page.getByTestId('disclosure-form');
  await expect(form.locator('#plannedOn')).toHaveValue('2026-12-02');
  await form.locator('#disclosedOn').fill('2026-12-02');
  await expect(page.getByTestId('warning-notBefore')).toBeVisible();
  await new DisclosureForm(page).fillAndSave({ date: '2026-11-23', audience: 'internal', summary: '公示职称推荐条件、程序和推荐人选，公示期5个工作日。' });
  await page.goto('/school/events');
  await expect(page.getByTestId('event-item-P01').getByTestId('declared-event')).toContainText('按时公开');
  await new EventsPage(page).stateNoMatter('B01', '本季度无基建维修项目。');

  // §3: Q4 can be submitted from 2027-01-01 (the day after it ends); the page says so.
  await page.goto('/school/report');
  await expect(page.getByTestId('report-opens-on')).toContainText('2027-01-01');
  await expect(page.getByTestId('submit-form')).toHaveCount(0);
});

test('on a phone: a returned report is corrected and resubmitted', async ({ page }) => {
  await signIn(page, 'xishan.xs12');
  await page.goto('/school/report?q=2026-Q3');
  await expect(page.getByTestId('returned').getByTestId('item-comments')).toContainText('意见处理情况未写明答复结果');
  await page.goto('/school?q=2026-Q3');
  const s02 = page.locator('tr[data-item="S02"][data-period="2026-Q3"]');
  await s02.getByTestId('disclosure-link').first().tap();
  await page.getByTestId('disclosure-form').locator('#summary').fill('公开三季度校长信箱来信12件及逐件答复结果，满意率100%。');
  await page.getByTestId('disclosure-form').getByRole('button', { name: '保存修改' }).tap();
  await expect(page.getByText('修改已保存。')).toBeVisible();
  await page.goto('/school/report?q=2026-Q3');
  await new SchoolReportPage(page).submit(true);
});
