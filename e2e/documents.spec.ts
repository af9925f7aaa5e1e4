import fs from 'node:fs';
import { runAxe } from './support/journey';
import JSZip from 'jszip';
import { type Download, type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signIn } from './support/auth';

// Issue 17: documents written from the data. A coordinator edits a paragraph of the school's
// annual summary and downloads the DOCX (the paragraph is in it, and survives a reload); an
// evaluator sets the 文号 of the quarter's 通报 and a leader downloads it; the print pages render at
// A4 without overflow (the browser's PDF: its page count, and no table wider than the text block);
// the screens pass axe. Demo "today" is 2026-11-23.

/** The words of a downloaded DOCX (runs of word/document.xml, entities decoded). */
async function docxText(download: Download): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('\n')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

async function download(page: Page): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
  return d;
}

test.describe('school annual summary', () => {
  test('a coordinator writes the leading group, it survives a reload and is in the Word file', async ({ page }) => {
    await signIn(page, 'dongcheng.dc03');
    await page.goto('/school');
    await page.getByTestId('summary-link').getByRole('link').click();
    await expect(page).toHaveURL(/\/school\/summary$/);
    await page.goto('/school/summary?year=2025');
    await expect(page.getByRole('heading', { level: 1, name: /2025年度校务公开工作总结/ })).toBeVisible();
    // The generated figures are there; the leading group is still a reminder.
    await expect(page.locator('[data-source="placeholder"][data-field="leadership"]')).toBeVisible();

    // Bad input: too long. A clear message, and nothing typed is lost.
    const leadership = page.getByLabel('组织领导（领导小组、监督小组）');
    const tooLong = '校'.repeat(2050);
    await leadership.fill(tooLong);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('#field-leadership-error')).toHaveText('内容过长。');
    await expect(leadership).toHaveValue(tooLong);

    const text = '学校成立了以校长为组长、工会主席为副组长的校务公开领导小组，下设监督小组。';
    await leadership.fill(text);
    await page.getByRole('textbox', { name: '下一步打算' }).fill('明年把校务公开栏搬到校门口，并开通家长留言。');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('editor-status')).toContainText('已保存（第 1 版）');
    await expect(page.locator('[data-source="narrative"][data-field="leadership"]')).toHaveText(text);

    await page.reload();
    await expect(page.getByLabel('组织领导（领导小组、监督小组）')).toHaveValue(text);
    await expect(page.locator('[data-source="narrative"][data-field="leadership"]')).toHaveText(text);

    const file = await download(page);
    expect(file.suggestedFilename()).toMatch(/2025年度校务公开工作总结\.docx$/);
    const words = await docxText(file);
    expect(words).toContain(text);
    expect(words).toContain('明年把校务公开栏搬到校门口，并开通家长留言。');
    expect(words).toContain('一、组织领导与制度建设');
  });

  test('an evaluator reads the school’s summary from its profile', async ({ page }) => {
    await signIn(page, 'dongcheng.eval');
    await page.goto('/review');
    await page.locator('a[href^="/review/schools/"]').first().click();
    await page.getByTestId('summary-2025').click();
    await expect(page.getByRole('heading', { level: 1, name: /年度校务公开工作总结 · 2025/ })).toBeVisible();
    await expect(page.getByTestId('document')).toContainText('七、下一步打算');
    await expect(page.getByTestId('narrative-editor')).toHaveCount(0);
  });
});

test.describe('district documents', () => {
  test('an evaluator sets the 文号 of the quarter’s 通报 and a leader downloads it', async ({ browser }) => {
    const evaluator = await browser.newPage();
    await signIn(evaluator, 'dongcheng.eval');
    await evaluator.goto('/review/documents');
    await expect(evaluator.getByRole('heading', { level: 1, name: '关于2026年第三季度全区中小学校务公开工作情况的通报' })).toBeVisible();
    await evaluator.getByLabel('成文日期').fill('2026-11-25');
    await evaluator.getByLabel('文号', { exact: true }).fill('东教督〔2026〕31号');
    await evaluator.getByRole('button', { name: '保存' }).click();
    await expect(evaluator.getByTestId('editor-status')).toContainText('已保存');
    await expect(evaluator.getByTestId('doc-number')).toHaveText('东教督〔2026〕31号');
    await evaluator.close();

    const page = await browser.newPage();
    await signIn(page, 'dongcheng.leader');
    await page.goto('/overview');
    await page.getByTestId('documents-link').click();
    await expect(page).toHaveURL(/\/review\/documents$/);
    // Leaders read: no editor.
    await expect(page.getByTestId('narrative-editor')).toHaveCount(0);
    const words = await docxText(await download(page));
    expect(words).toContain('东教督〔2026〕31号');
    expect(words).toContain('关于2026年第三季度全区中小学校务公开工作情况的通报');
    expect(words).toContain('2026年11月25日');
    expect(words).toContain('二、表扬的学校');
    await page.close();
  });

  test('a zone evaluator is told the documents are district-wide', async ({ page }) => {
    await signIn(page, 'dongcheng.eval.z1');
    await page.goto('/review/documents');
    await expect(page.getByTestId('zone-only')).toBeVisible();
    await expect(page.getByTestId('document')).toHaveCount(0);
  });
});

// A4 less the 公文 margins (28 mm + 26 mm) at 96 px per inch: the width the text block prints at.
const TEXT_BLOCK_PX = Math.floor(((210 - 28 - 26) / 25.4) * 96);

const PRINT_PAGES: [string, string, number, number][] = [
  ['dongcheng.dc01', '/school/summary/print?year=2025', 2, 14],
  ['dongcheng.leader', '/review/documents/quarterly/print?year=2026&quarter=3', 2, 14],
  ['dongcheng.leader', '/review/documents/annual/print?year=2025', 2, 10],
];

for (const [user, path, minPages, maxPages] of PRINT_PAGES) {
  test(`prints at A4 without overflow: ${path}`, async ({ page }) => {
    await signIn(page, user);
    await page.setViewportSize({ width: TEXT_BLOCK_PX, height: 1000 });
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('document')).toBeVisible();
    const tables = page.getByTestId('doc-table');
    expect(await tables.count()).toBeGreaterThan(0);
    // No table is clipped or wider than the text block; nothing runs past the page.
    const widths = await page.evaluate(() => {
      const doc = document.querySelector('[data-testid="document"]')!;
      const right = doc.getBoundingClientRect().right;
      return {
        doc: { scroll: doc.scrollWidth, client: doc.clientWidth },
        page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
        tables: [...document.querySelectorAll<HTMLTableElement>('[data-testid="doc-table"]')].map((t) => ({
          scroll: t.scrollWidth,
          client: t.clientWidth,
          overRight: t.getBoundingClientRect().right - right,
        })),
      };
    });
    expect(widths.doc.scroll).toBeLessThanOrEqual(widths.doc.client);
    expect(widths.page.scroll).toBeLessThanOrEqual(widths.page.client);
    for (const t of widths.tables) {
      expect(t.scroll).toBeLessThanOrEqual(t.client);
      expect(t.overRight).toBeLessThanOrEqual(0.5);
    }
    // The browser's own A4 PDF: a sensible number of pages (the CSS @page sets A4 and the margins).
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(minPages);
    expect(pages).toBeLessThanOrEqual(maxPages);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    // A4 in points: 595.28 × 841.89.
    expect(Math.round(Number(box![1]))).toBe(595);
    expect(Math.round(Number(box![2]))).toBe(842);
  });
}

test('the documents screens pass axe', async ({ page }) => {
  const check = async (path: string) => {
    await page.goto(path);
    await expect(page.getByTestId('document')).toBeVisible();
    const { violations } = await runAxe(page);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  };
  await signIn(page, 'dongcheng.dc01');
  for (const p of ['/school/summary?year=2025', '/school/summary/print?year=2025']) await check(p);
  await page.context().clearCookies();
  await signIn(page, 'dongcheng.eval');
  for (const p of ['/review/documents', '/review/documents?doc=annual&year=2025', '/review/documents/quarterly/print?year=2026&quarter=3']) await check(p);
});

test('two tabs: the later save is refused with the other texts, and the user chooses', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, 'dongcheng.dc04');
  const second = await context.newPage();
  for (const p of [first, second]) await p.goto('/school/summary?year=2025');
  await first.getByRole('textbox', { name: '制度建设' }).fill('第一个标签页写的制度建设。');
  await first.getByRole('button', { name: '保存' }).click();
  await expect(first.getByTestId('editor-status')).toContainText('已保存（第 1 版）');

  await second.getByRole('textbox', { name: '制度建设' }).fill('第二个标签页写的制度建设。');
  await second.getByRole('button', { name: '保存' }).click();
  const conflict = second.getByTestId('texts-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('第一个标签页写的制度建设。');
  // Nothing was overwritten; what the second tab typed is still there.
  await expect(second.getByRole('textbox', { name: '制度建设' })).toHaveValue('第二个标签页写的制度建设。');
  await conflict.getByRole('button', { name: '保留我的修改' }).click();
  await second.getByRole('button', { name: '保存' }).click();
  await expect(second.getByTestId('editor-status')).toContainText('已保存（第 2 版）');
  await first.reload();
  await expect(first.getByRole('textbox', { name: '制度建设' })).toHaveValue('第二个标签页写的制度建设。');
  await context.close();
});
