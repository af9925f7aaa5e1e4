// Shared by the coordinator journeys (desktop and phone): real image files built from base64
// constants, a disguised HTML file, and page steps used by both specs.
import { expect, type Browser, type Page } from '@playwright/test';
import { signIn } from './support/auth';

/** 16×12 images drawn on a canvas in Chromium and encoded by it: real, decodable files. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAYAAABr5z2BAAAAQklEQVR4AdyQIQ4AIAwDm2l4EgIejoAn8QDwFUNsyZItOTHTXiqrl2tBYDz/gDYPNFjY34Abfn9Ggz0qNHiT+A0eAAAA//+/OWzvAAAABklEQVQDAPkiOPmlO1aOAAAAAElFTkSuQmCC';
const JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAUG/8QAIhAAAQEIAgMAAAAAAAAAAAAAEQECAwQFEhMUFQAGB1KR/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAhEQABAgQHAAAAAAAAAAAAAAATABIDBCKBERQhUVKx0f/aAAwDAQACEQMRAD8As+JulS7uG12b6LdYtqjHbZZNVZJZX1Tjyz0qXdP1WsfRb3Ku15DbLQpoADKey8xctm0xldzWR8XB3BXjvmndQIIVCCv3iZTaYzS3s4+LjLZoyHzTykggqoIT5wkWEBjat7+KgAmM0V9HG2Heq//Z';

export const pngFile = (name = '公开栏照片.png') => ({ name, mimeType: 'image/png', buffer: Buffer.from(PNG_BASE64, 'base64') });
export const jpegFile = (name = '公示栏.jpg') => ({ name, mimeType: 'image/jpeg', buffer: Buffer.from(JPEG_BASE64, 'base64') });
/** An HTML page renamed to .png, with the type the browser would claim for that name. */
export const disguisedHtml = (name = '公开栏照片.png') => ({ name, mimeType: 'image/png', buffer: Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>') });

export async function asUser<T>(browser: Browser, username: string, fn: (page: Page) => Promise<T>, options: Parameters<Browser['newContext']>[0] = {}): Promise<T> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  try {
    await signIn(page, username);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** Every <img> inside `scope` has really been decoded by the browser (not a broken image). */
export async function expectImagesLoaded(page: Page, selector: string): Promise<void> {
  const imgs = page.locator(selector);
  await expect(imgs.first()).toBeVisible();
  await expect.poll(async () => imgs.evaluateAll((els) => els.every((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0))).toBe(true);
}

export interface DisclosureInput {
  date: string;
  channels?: string[];
  audience?: 'internal' | 'external' | 'both';
  summary: string;
  files?: { name: string; mimeType: string; buffer: Buffer }[];
}

/** On a new/edit disclosure page: fills the form, uploads evidence, saves; returns the disclosure id. */
export async function fillAndSaveDisclosure(page: Page, input: DisclosureInput): Promise<string> {
  const form = page.getByTestId('disclosure-form');
  await form.locator('#disclosedOn').fill(input.date);
  for (const c of input.channels ?? []) await form.locator(`input[name="channels"][value="${c}"]`).check();
  if (input.audience) await form.locator(`input[name="audience"][value="${input.audience}"]`).check();
  await form.locator('#summary').fill(input.summary);
  if (input.files?.length) {
    const evidence = page.getByTestId('evidence');
    const before = await evidence.getByTestId('evidence-item').count();
    await evidence.getByTestId('evidence-file').setInputFiles(input.files);
    await expect(evidence.getByTestId('evidence-item')).toHaveCount(before + input.files.length);
  }
  await form.getByRole('button', { name: /保存公开记录|保存修改/ }).click();
  await page.waitForURL(/\/school\/disclosures\/[0-9a-f-]{36}/);
  return page.url().match(/disclosures\/([0-9a-f-]{36})/)![1];
}

/** On /school/events: declares one event and waits until it is listed under its item. */
export async function declareEvent(page: Page, item: string, date: string, title: string): Promise<void> {
  const form = page.getByTestId('event-form');
  await form.locator('#ev-item').selectOption(item);
  await form.locator('#ev-date').fill(date);
  await form.locator('#ev-title').fill(title);
  await form.getByRole('button', { name: '申报事项' }).click();
  await expect(page.getByTestId(`event-item-${item}`).getByTestId('declared-event').filter({ hasText: title })).toBeVisible();
}

/** On /school/events: states "no such matter this quarter" for an item. */
export async function stateNoMatter(page: Page, item: string, reason: string): Promise<void> {
  const card = page.getByTestId(`event-item-${item}`);
  await card.getByText('本季度无此类事项？点此声明').click();
  await card.locator('textarea[name="reason"]').fill(reason);
  await card.getByRole('button', { name: '声明本季度无此类事项' }).click();
  await expect(card.getByTestId('no-matter')).toContainText(reason);
}

/** On /school/report: confirms the gaps if asked and submits; waits for the locked state. */
export async function submitReport(page: Page, resubmit = false): Promise<void> {
  const form = page.getByTestId('submit-form');
  const confirm = form.locator('input[name="confirmGaps"]');
  if (await confirm.count()) await confirm.check();
  await form.getByRole('button', { name: resubmit ? '重新提交季度报告' : '提交季度报告' }).click();
  await expect(page.getByTestId('report-state')).toContainText('已提交');
  await expect(page.getByTestId('entry-locked')).toContainText('已提交');
  await expect(page.getByTestId('submit-form')).toHaveCount(0);
}
