// Reminders and 催办 end to end (issue 16): the district admin sets up e-mail (a local SMTP sink)
// and a signed DingTalk robot (a local receiver that checks the signature), three coordinators
// give their e-mail addresses, an evaluator sends 催办 from the matrix to their three schools,
// and each coordinator finds it in the inbox; the sink received the three mails and the receiver
// the three robot messages.
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { runAxe } from './support/journey';
import { DISTRICTS } from '../seed/org';
import { signIn } from './support/auth';
import { startRobotReceiver, startSmtpSink } from './support/sinks';

const SECRET = 'SEC' + '0f1e2d3c4b5a69788796a5b4c3d2e1f0'.repeat(2);
const SCHOOLS = ['dc07', 'dc11', 'dc19'];
const EVALUATOR = DISTRICTS.find((d) => d.code === 'dongcheng')!.people.eval;

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let robot: Awaited<ReturnType<typeof startRobotReceiver>>;

test.beforeAll(async () => {
  smtp = await startSmtpSink();
  robot = await startRobotReceiver(SECRET);
});
test.afterAll(async () => {
  await smtp?.close();
  await robot?.close();
});

async function as(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, username);
  return page;
}

async function noSeriousA11y(page: Page) {
  const r = await runAxe(page);
  expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('催办 from the matrix reaches three schools in the inbox, by e-mail and by the DingTalk robot', async ({ browser }, info) => {
  test.setTimeout(180_000);
  // 1. The district admin sets up the channels.
  const admin = await as(browser, 'dongcheng.admin');
  await admin.goto('/admin/reminders');
  await expect(admin.getByRole('heading', { name: '提醒与催办', level: 1 })).toBeVisible();
  const smtpForm = admin.getByTestId('smtp');
  await smtpForm.getByLabel('SMTP 服务器').fill('127.0.0.1');
  await smtpForm.getByLabel('端口').fill(String(smtp.port));
  await smtpForm.getByLabel('加密方式').selectOption('none');
  await smtpForm.getByLabel('发件人地址').fill('bad address');
  await smtpForm.getByRole('button', { name: '保存' }).click();
  // Bad input: a clear message beside the field, nothing typed is lost.
  await expect(smtpForm.getByText('请输入有效的电子邮箱地址。')).toBeVisible();
  await expect(smtpForm.getByLabel('SMTP 服务器')).toHaveValue('127.0.0.1');
  await smtpForm.getByLabel('发件人地址').fill('noreply@dongcheng.example.cn');
  await smtpForm.getByRole('button', { name: '保存' }).click();
  await expect(smtpForm.getByRole('status')).toHaveText('已保存。');

  const testMail = admin.getByTestId('test-email');
  await testMail.getByLabel('测试收件地址').fill('admin@dongcheng.example.cn');
  await testMail.getByRole('button', { name: '发送测试邮件' }).click();
  await expect(testMail.getByRole('status')).toHaveText('测试消息已发送。');
  expect(smtp.mails.map((m) => m.subject)).toEqual(['阳光校务测试消息']);

  const add = admin.getByTestId('add-robot');
  await add.getByLabel('类型').selectOption('dingtalk');
  await add.getByLabel('名称').fill('东城区督导群');
  await add.getByLabel('Webhook 地址').fill(`http://127.0.0.1:${robot.port}/robot/send?access_token=e2etoken0001`);
  await add.getByLabel(/加签密钥/).fill(SECRET);
  await add.getByRole('button', { name: '添加机器人' }).click();
  const row = admin.locator('[data-robot="东城区督导群"]');
  await expect(row).toContainText('已加签');
  // The token and the secret are never shown again.
  await admin.reload();
  expect(await admin.content()).not.toContain('e2etoken0001');
  expect(await admin.content()).not.toContain(SECRET);
  await expect(row).toContainText('…0001');
  await admin.screenshot({ path: info.outputPath('admin-reminders.png'), fullPage: true });
  await noSeriousA11y(admin);

  // 2. Three coordinators give their e-mail address.
  for (const code of SCHOOLS) {
    const p = await as(browser, `dongcheng.${code}`);
    await p.goto('/account/notifications');
    await p.getByLabel('电子邮箱').fill(`${code}@school.example.cn`);
    await p.getByRole('button', { name: '保存设置' }).click();
    await expect(p.getByRole('status')).toHaveText('已保存。');
    if (code === SCHOOLS[0]) await noSeriousA11y(p);
    await p.context().close();
  }

  // 3. The evaluator sends 催办 from the matrix to the three schools in one click.
  const ev = await as(browser, 'dongcheng.eval');
  await ev.goto('/review/matrix?year=2026&quarter=4');
  for (const code of SCHOOLS) await ev.locator(`tr[data-school="${code}"] input[name="schoolId"]`).check();
  await ev.getByRole('button', { name: '催办所选学校' }).click();
  await expect(ev.getByTestId('urge-result')).toHaveText('已向 3 所学校发送催办。');
  // The ticks are cleared once sent; ticking them again and sending: nothing more goes out
  // (once per school and day).
  for (const code of SCHOOLS) await expect(ev.locator(`tr[data-school="${code}"] input[name="schoolId"]`)).not.toBeChecked();
  await ev.getByRole('button', { name: '催办所选学校' }).click();
  await expect(ev.getByTestId('urge-matrix').getByRole('alert')).toHaveText('请先勾选学校。');
  for (const code of SCHOOLS) await ev.locator(`tr[data-school="${code}"] input[name="schoolId"]`).check();
  await ev.getByRole('button', { name: '催办所选学校' }).click();
  await expect(ev.getByTestId('urge-result')).toHaveText('3 所学校今天已催办过。');
  await ev.screenshot({ path: info.outputPath('matrix-urge.png') });
  await noSeriousA11y(ev);

  // 4. Each coordinator sees it: unread count in the header, the message in the inbox.
  for (const code of SCHOOLS) {
    const p = await as(browser, `dongcheng.${code}`);
    await p.goto('/school');
    await expect(p.getByTestId('inbox-count')).toBeVisible();
    await expect(p.getByTestId('urge-banner')).toBeVisible();
    await p.getByTestId('inbox-link').click();
    const msg = p.locator('[data-kind="urge"]');
    await expect(msg).toHaveCount(1);
    await expect(msg.getByRole('heading')).toContainText('催办：');
    await expect(msg).toContainText(`${EVALUATOR} 发送`);
    const first = msg.locator('ul li a').first();
    await expect(first).toHaveAttribute('href', /^\/school\/(disclosures\/new\?item=|report\?q=|findings)/);
    await msg.getByRole('button', { name: '标为已读' }).click();
    await expect(p.locator('[data-kind="urge"][data-read="yes"]')).toHaveCount(1);
    if (code === SCHOOLS[1]) {
      await p.screenshot({ path: info.outputPath('inbox.png'), fullPage: true });
      await noSeriousA11y(p);
    }
    await p.goto('/school/history');
    await expect(p.getByTestId('urge-history')).toContainText(`${EVALUATOR} 催办`);
    await p.context().close();
  }

  // 5. What left Sunlight: three mails, three signed robot messages.
  await expect.poll(() => smtp.mails.filter((m) => m.subject.startsWith('催办')).length, { timeout: 30_000 }).toBe(3);
  expect(
    smtp.mails
      .filter((m) => m.subject.startsWith('催办'))
      .flatMap((m) => m.to)
      .sort(),
  ).toEqual(SCHOOLS.map((c) => `${c}@school.example.cn`));
  // (Other messages of the day may reach the group too; the 催办 are counted.)
  const urges = () => robot.posts.filter((p) => p.body.markdown?.title?.startsWith('催办'));
  await expect.poll(() => urges().length, { timeout: 30_000 }).toBe(3);
  expect(robot.posts.every((p) => p.signatureValid)).toBe(true);
  expect(urges().every((p) => p.body.msgtype === 'markdown' && p.body.markdown?.text?.includes('### 催办'))).toBe(true);
  expect(
    urges()
      .map((p) => /催办：(\S+)（/.exec(p.body.markdown!.title!)?.[1])
      .filter(Boolean),
  ).toHaveLength(3);

  // 6. The admin's delivery log shows them sent.
  await admin.goto('/admin/reminders');
  await expect(admin.locator('[data-testid="delivery-log"] tr[data-status="sent"]', { hasText: '催办' })).toHaveCount(6);
  await admin.screenshot({ path: info.outputPath('admin-log.png'), fullPage: true });
});
