import { runAxe } from './support/journey';
import { expect, test } from './support/fixtures';
import { signIn } from './support/auth';

// The administration screens have no serious or critical accessibility violations (axe-core),
// with their collapsible forms opened.

const DISTRICT_ADMIN = ['/admin', '/admin/zones', '/admin/schools', '/admin/users', '/admin/checklist?year=2026', '/admin/checklist/item?year=2026&code=M01', '/admin/holidays', '/admin/audit'];
const PLATFORM = ['/platform', '/platform/templates'];

async function check(page: import('@playwright/test').Page, path: string): Promise<void> {
  await page.goto(path);
  for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
  const { violations } = await runAxe(page, (b) => b.include('main'));
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path}: ${v.id} (${v.nodes.length})`);
  expect(bad).toEqual([]);
}

test('district admin screens pass axe', async ({ page }) => {
  await signIn(page, 'dongcheng.admin');
  for (const path of DISTRICT_ADMIN) await check(page, path);
});

test('platform admin screens pass axe', async ({ page }) => {
  await signIn(page, 'platform');
  for (const path of PLATFORM) await check(page, path);
});
