import { expect, test, type Browser } from './support/fixtures';
import { signIn } from './support/auth';

// Respondents on a phone (Pixel 7 viewport): open the URL printed on a slip, answer, submit;
// the code cannot be used again. Codes come from a coordinator's own print sheet.

interface Slip {
  code: string;
  url: string;
}

/** The print sheet each slip came from (to reprint it). */
const printOf = new Map<string, string>();

async function printedSlips(browser: Browser, username: string, group: 'teachers' | 'parents', count: number): Promise<Slip[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, username);
    await page.goto('/school/surveys');
    const form = page.getByTestId(`generate-${group}`);
    await form.getByLabel(/数量/).fill(String(count));
    await form.getByRole('button', { name: '生成并打印' }).click();
    await page.waitForURL(/\/school\/surveys\/print\//);
    const slips = page.locator('article.slip');
    await expect(slips).toHaveCount(count);
    const list = await slips.evaluateAll((els) => els.map((e) => ({ code: e.getAttribute('data-code') ?? '', url: e.querySelector('.slip-url')?.textContent ?? '' })));
    for (const s of list) printOf.set(s.code, new URL(page.url()).pathname);
    return list;
  } finally {
    await context.close();
  }
}

test('a parent answers on a phone with the URL from the slip; the code cannot be used twice', async ({ page, browser }) => {
  const [slip] = await printedSlips(browser, 'dongcheng.dc09', 'parents', 2);
  await page.goto(slip!.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2026年度校务公开满意度调查（家长卷）');
  await expect(page.getByText('东城区第一中学')).toBeVisible();
  const questions = page.locator('fieldset');
  await expect(questions).toHaveCount(6);
  await expect(questions.first().getByRole('radio')).toHaveCount(5);
  for (const label of ['1 非常不满意', '2 不满意', '3 一般', '4 满意', '5 非常满意']) {
    await expect(questions.first().getByRole('radio', { name: label })).toBeVisible();
  }

  // An unanswered question is named, and what was chosen stays chosen.
  await questions.nth(0).getByText('非常满意', { exact: true }).click();
  await page.getByLabel(/意见和建议/).fill('希望收费明细也发到家长群。');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '还有题目没有作答' })).toBeVisible();
  await expect(questions.nth(1)).toContainText('请选择一项。');
  // Issue 14: the respondent is taken to the first unanswered question, its first choice focused.
  await expect(questions.nth(1)).toBeInViewport();
  await expect(questions.nth(1).getByRole('radio').first()).toBeFocused();
  await expect(questions.nth(0).getByRole('radio', { name: '5 非常满意' })).toBeChecked();
  await expect(page.getByLabel(/意见和建议/)).toHaveValue('希望收费明细也发到家长群。');

  for (let i = 1; i < 6; i++) await questions.nth(i).getByText('满意', { exact: true }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: '提交成功，感谢您的参与！' })).toBeVisible();

  // Reuse is refused, on reload and on a second phone.
  await page.goto(slip!.url);
  await expect(page.getByRole('heading', { name: '该问卷码已使用' })).toBeVisible();
  await expect(page.locator('fieldset')).toHaveCount(0);

  // A reprint of the sheet marks the used code so it is not handed out again (issue 14).
  const context = await browser.newContext();
  const coordinator = await context.newPage();
  try {
    await signIn(coordinator, 'dongcheng.dc09');
    await coordinator.goto(printOf.get(slip!.code)!);
    await expect(coordinator.locator(`article.slip[data-code="${slip!.code}"]`)).toHaveAttribute('data-used', 'true');
    await expect(coordinator.locator(`article.slip[data-code="${slip!.code}"]`)).toContainText('已使用');
    await expect(coordinator.locator('article.slip[data-used]')).toHaveCount(1);
    await expect(coordinator.getByTestId('used-count')).toContainText('其中 1 个问卷码已被使用');
  } finally {
    await context.close();
  }
});

test('a teacher types the code from the slip at /s (case and hyphens do not matter)', async ({ page, browser }) => {
  const [slip] = await printedSlips(browser, 'dongcheng.dc10', 'teachers', 1);
  await page.goto('/s');
  await expect(page.getByRole('heading', { name: '输入问卷码' })).toBeVisible();
  const typed = slip!.code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-');
  await page.getByLabel('问卷码').fill(typed);
  await page.getByRole('button', { name: '开始答卷' }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${slip!.code}$`));
  await expect(page.locator('fieldset')).toHaveCount(5);
});

test('unknown and closed codes get a clear message', async ({ page, browser }) => {
  await page.goto('/s/ZZZZ-ZZZZ-ZZZZ');
  await expect(page.getByRole('heading', { name: '找不到该问卷码' })).toBeVisible();
  await expect(page.getByLabel('问卷码')).toBeVisible();

  // A code of last year's survey (closed on 2025-12-15), from the school's own print sheet.
  const context = await browser.newContext();
  const coordinator = await context.newPage();
  await signIn(coordinator, 'dongcheng.dc11');
  await coordinator.goto('/school/surveys?year=2025');
  await coordinator.getByTestId('batches').getByRole('link', { name: '打印' }).first().click();
  const url = await coordinator.locator('.slip-url').first().textContent();
  await context.close();
  await page.goto(url!);
  await expect(page.getByRole('heading', { name: '问卷已结束' })).toBeVisible();
  await expect(page.getByText('2025-12-15')).toBeVisible();
});
