import { expect, test } from './support/fixtures';
import { signIn } from './support/auth';
import { disguisedHtml, expectImagesLoaded, pngFile } from './support/files';
import { DisclosureForm, EventsPage, SchoolReportPage } from './support/pages';

// Issue 3, desktop: a school coordinator's quarter (demo today 2026-11-23; Q4 2026 is open, Q3
// closed on 2026-11-14; a report can be submitted from the day after its quarter ends, §3). Schools:
// dc22 the full quarter, dc19 submits its 2025 Q3 draft (a quarter long over, with gaps), dc18 a returned Q3 report, dc23 drafts,
// disguised files and two tabs, dc25 (victim) and dc13 (attacker).

const EXTERNAL = '公开11月食堂伙食费收支清单：收入13.2万元，支出12.9万元，每生每日伙食成本11.6元。';
const INTERNAL = '公开11月学校财务收支情况：公用经费支出48.6万元（仅限校内）。';

test.describe.serial('a coordinator does the quarter’s disclosure work and submits the report', () => {
  let externalId = '';

  test('records an external disclosure with a photo and an internal one', async ({ page }) => {
    await signIn(page, 'dongcheng.dc22');
    await page.goto('/school');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('本季度公开事项 · 2026年第4季度');
    await expect(page.getByTestId('coverage')).toHaveText(/\d+\.\d%/);

    const m03 = page.locator('tr[data-item="M03"][data-period="2026-11"]');
    await expect(m03).toContainText('未到期');
    await m03.getByRole('link', { name: '记录公开' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('记录公开：M03 食堂伙食费收支清单');
    externalId = await new DisclosureForm(page).fillAndSave({ date: '2026-11-20', channels: ['parents'], audience: 'external', summary: EXTERNAL, files: [pngFile()] });
    await expect(page.getByTestId('saved')).toContainText('公开记录已保存');
    await expectImagesLoaded(page, '[data-testid="evidence-item"] img');

    await page.goto('/school/disclosures/new?item=M01&period=2026-11');
    await new DisclosureForm(page).fillAndSave({ date: '2026-11-21', audience: 'internal', summary: INTERNAL });

    await page.goto('/school');
    await expect(m03).toContainText('按时公开');
    await expect(m03.getByTestId('disclosure-link')).toContainText('2026-11-20');
    // The evidence count beside an SVG paper-clip (issue 14: no emoji), named for screen readers.
    await expect(m03.getByTestId('disclosure-link')).toContainText('佐证材料数1');
  });

  test('declares an event, discloses it, and states “no such matter” for another item', async ({ page }) => {
    await signIn(page, 'dongcheng.dc22');
    await page.goto('/school/events');
    await new EventsPage(page).declare('P02', '2026-11-16', '2026年下半年教师公开招聘');
    const row = page.getByTestId('event-item-P02').getByTestId('declared-event').filter({ hasText: '2026年下半年教师公开招聘' });
    await row.getByRole('link', { name: '记录公开' }).click();
    await expect(page.getByTestId('obligation')).toContainText('2026年下半年教师公开招聘');
    await new DisclosureForm(page).fillAndSave({ date: '2026-11-17', audience: 'both', summary: '公开2026年下半年教师公开招聘岗位、条件、程序及拟聘人员名单，公示期7天。' });

    await page.goto('/school/events');
    await expect(row).toContainText('按时公开');
    await new EventsPage(page).stateNoMatter('M05', '本季度学校未接受任何捐赠。');
    await page.goto('/school');
    await expect(page.locator('tr[data-item="P02"]')).toContainText('按时公开');
  });

  test('a parent sees the external disclosure with its photo, and not the internal one', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto('/p/dongcheng/dc22');
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(/\/p\/dongcheng\/dc22/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('校务公开');
    const item = page.getByTestId('public-disclosure').filter({ hasText: EXTERNAL });
    await expect(item).toBeVisible();
    await expectImagesLoaded(page, '[data-testid="public-disclosure"] img');
    await expect(page.getByText(INTERNAL)).toHaveCount(0);
    // The internal file is not served without a login; the external one is, with safe headers.
    const src = await item.locator('img').first().getAttribute('src');
    const file = await page.request.get(src!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    expect(file.headers()['x-content-type-options']).toBe('nosniff');
    expect(file.headers()['content-disposition']).toMatch(/^inline; filename="[^"]+\.png"; filename\*=UTF-8''/);
    await context.close();
    expect(externalId).toMatch(/[0-9a-f-]{36}/);
  });

  test('§3: the quarter in progress cannot be submitted yet — the report page says from which day', async ({ page }) => {
    await signIn(page, 'dongcheng.dc22');
    await page.goto('/school/report');
    await expect(page.getByTestId('report-state')).toContainText('未提交');
    await expect(page.getByTestId('report-opens-on')).toContainText('2027-01-01');
    // What is still missing is listed all the same, to be done in time.
    await expect(page.getByTestId('gaps').locator('li').first()).toBeVisible();
    // §4: the rate counts only what is already due, and the page says so beside it and in the gaps.
    await expect(page.getByTestId('coverage-basis')).toContainText('未到期，不计入');
    await expect(page.getByTestId('gaps-intro')).toContainText('未到期');
    await expect(page.getByTestId('submit-form')).toHaveCount(0);
    await page.goto('/school');
    await expect(page.getByTestId('entry-locked')).toHaveCount(0);
    expect(externalId).toMatch(/[0-9a-f-]{36}/);
  });
});

test('a quarter that has ended is submitted after confirming the gaps; the quarter is then locked', async ({ page }) => {
  await signIn(page, 'dongcheng.dc19');
  await page.goto('/school/report?q=2025-Q3');
  await expect(page.getByTestId('report-state')).toContainText('未提交');
  await expect(page.getByTestId('report-opens-on')).toHaveCount(0);
  await expect(page.getByTestId('gaps').locator('li').first()).toBeVisible();
  const submit = page.getByTestId('submit-form').getByRole('button', { name: '提交季度报告' });
  await expect(submit).toBeDisabled();
  await new SchoolReportPage(page).submit();
  // Due on 2025-10-15: late.
  await expect(page.getByTestId('report-timeliness')).toHaveText('逾期提交');

  await page.goto('/school?q=2025-Q3');
  await expect(page.getByTestId('entry-locked')).toContainText('已提交');
  await expect(page.getByRole('link', { name: '记录公开' })).toHaveCount(0);
  await page.getByTestId('disclosure-link').first().click();
  await expect(page.getByTestId('disclosure-summary')).toBeVisible();
  await expect(page.getByTestId('disclosure-form')).toHaveCount(0);
  await page.goto('/school/history');
  await expect(page.locator('tr[data-quarter="2025-Q3"]')).toContainText('已提交');
});

test('a returned report shows the evaluator’s comments, reopens the quarter and is resubmitted', async ({ page }) => {
  await signIn(page, 'dongcheng.dc18');
  await page.goto('/school/report?q=2026-Q3');
  await expect(page.getByTestId('report-state')).toContainText('已退回');
  const returned = page.getByTestId('returned');
  await expect(returned).toContainText('退回理由');
  await expect(returned.getByTestId('item-comments')).toContainText('伙食费收支清单缺少食材采购明细');
  const firstSubmitted = await page.getByTestId('report-status').locator('dd').nth(2).innerText();

  // Q3 closed on 2026-11-14, but the evaluator's return reopened it.
  await page.goto('/school?q=2026-Q3');
  await expect(page.getByTestId('entry-locked')).toHaveCount(0);
  await page.locator('tr[data-item="M03"][data-period="2026-08"]').getByTestId('disclosure-link').first().click();
  const form = page.getByTestId('disclosure-form');
  await form.locator('#summary').fill('公开8月食堂伙食费收支清单（已补充食材采购明细和每生每日成本9.8元）。');
  // §3 still applies: a date after the close date is refused with the reason, beside the field.
  await form.locator('#disclosedOn').fill('2026-11-20');
  await form.getByRole('button', { name: '保存修改' }).click();
  await expect(form.locator('#disclosedOn-error')).toHaveText('公开日期不能晚于本季度关账日 2026-11-14。');
  await expect(form.locator('#summary')).toHaveValue(/已补充食材采购明细/);
  await form.locator('#disclosedOn').fill('2026-09-06');
  await form.getByRole('button', { name: '保存修改' }).click();
  await expect(form.getByText('修改已保存。')).toBeVisible();
  await page
    .getByTestId('evidence')
    .getByTestId('evidence-file')
    .setInputFiles([pngFile('8月伙食费明细.png')]);
  await expect(page.getByTestId('evidence').getByTestId('evidence-item')).toHaveCount(1);

  await page.goto('/school/report?q=2026-Q3');
  await new SchoolReportPage(page).submit(true);
  await expect(page.getByTestId('report-status').locator('dd').nth(2)).toHaveText(firstSubmitted);
  await expect(page.getByTestId('report-status')).toContainText('最近一次提交');
});

test('a disguised file is refused with a Chinese message, in the browser and by the server', async ({ page }) => {
  await signIn(page, 'dongcheng.dc23');
  await page.goto('/school/disclosures/new?item=M03&period=2026-11');
  const evidence = page.getByTestId('evidence');
  await evidence.getByTestId('evidence-file').setInputFiles([disguisedHtml()]);
  await expect(evidence.getByTestId('evidence-errors')).toHaveText('“公开栏照片.png”不是图片或 PDF：文件内容是网页（HTML），出于安全原因不能上传。请上传 JPG、PNG、WebP 照片或 PDF 文件。');
  await expect(evidence.getByTestId('evidence-item')).toHaveCount(0);
  // Skipping the browser's check changes nothing: the server reads the bytes too.
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/school/evidence?ownerType=disclosure&ownerId=3f2504e0-4f89-41d3-9a0c-0305e82c3301&name=photo.png', {
    headers: { origin, 'content-type': 'image/png' },
    data: disguisedHtml().buffer,
  });
  expect(res.status()).toBe(415);
  expect(await res.json()).toEqual({ error: 'html' });
  // Without the page's origin (a cross-site form), uploads are refused outright.
  const cross = await page.request.post('/school/evidence?ownerType=disclosure&ownerId=3f2504e0-4f89-41d3-9a0c-0305e82c3301&name=a.png', {
    headers: { origin: 'https://evil.example' },
    data: pngFile().buffer,
  });
  expect(cross.status()).toBe(403);
});

test('nothing typed is lost: a reload restores the draft', async ({ page }) => {
  await signIn(page, 'dongcheng.dc23');
  await page.goto('/school/disclosures/new?item=G03&period=2026-H2');
  // Typing into the server-rendered form before React has taken it over is not what this test is about.
  await expect(page.getByTestId('disclosure-form')).toHaveAttribute('data-draft-ready', 'true');
  const summary = page.getByTestId('disclosure-form').locator('#summary');
  await summary.fill('下学期工作总结（草稿，尚未保存）');
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('disclosure-form').locator('#summary')).toHaveValue('下学期工作总结（草稿，尚未保存）');
  await page.getByTestId('draft-restored').getByRole('button', { name: '放弃这些输入' }).click();
  await expect(page.getByTestId('disclosure-form').locator('#summary')).toHaveValue('');
});

test('two tabs editing one disclosure: the second save shows the other version and overwrites nothing', async ({ asUser }) => {
  await asUser('dongcheng.dc23', async (page) => {
    await page.goto('/school/disclosures/new?item=M01&period=2026-10');
    const id = await new DisclosureForm(page).fillAndSave({ date: '2026-11-05', audience: 'internal', summary: '10月财务收支（第一版）' });
    const tabB = await page.context().newPage();
    await tabB.goto(`/school/disclosures/${id}`);
    await page.goto(`/school/disclosures/${id}`);
    await page.getByTestId('disclosure-form').locator('#summary').fill('10月财务收支（A 窗口修改）');
    await page.getByTestId('disclosure-form').getByRole('button', { name: '保存修改' }).click();
    await expect(page.getByText('修改已保存。')).toBeVisible();

    const formB = tabB.getByTestId('disclosure-form');
    await formB.locator('#summary').fill('10月财务收支（B 窗口修改）');
    await formB.getByRole('button', { name: '保存修改' }).click();
    await expect(tabB.getByTestId('conflict')).toContainText('这条记录已在别处被修改');
    await expect(tabB.getByTestId('conflict-summary')).toHaveText('10月财务收支（A 窗口修改）');
    await expect(formB.locator('#summary')).toHaveValue('10月财务收支（B 窗口修改）');
    await tabB.getByRole('button', { name: '采用对方的版本' }).click();
    await expect(formB.locator('#summary')).toHaveValue('10月财务收支（A 窗口修改）');
    await formB.locator('#summary').fill('10月财务收支（A 窗口修改，B 补充经手人）');
    await formB.getByRole('button', { name: '保存修改' }).click();
    await expect(tabB.getByText('修改已保存。')).toBeVisible();
    return id;
  }).then((id) =>
    // What is stored is B's deliberate change on top of A's (seen from a fresh browser).
    asUser('dongcheng.dc23', async (page) => {
      await page.goto(`/school/disclosures/${id}`);
      await expect(page.getByTestId('disclosure-form').locator('#summary')).toHaveValue('10月财务收支（A 窗口修改，B 补充经手人）');
      await expect(page.getByTestId('draft-restored')).toHaveCount(0);
    }),
  );
});

test('another school’s disclosure id in the action payload is refused and nothing changes', async ({ journey, asUser }) => {
  journey.allowConsole(/the server responded with a status of 404/);
  const victim = await asUser('dongcheng.dc25', async (page) => {
    await page.goto('/school/disclosures/new?item=M03&period=2026-10');
    const id = await new DisclosureForm(page).fillAndSave({ date: '2026-11-06', audience: 'external', summary: '东湖中学10月伙食费收支清单' });
    return { id, summary: '东湖中学10月伙食费收支清单' };
  });
  await asUser('dongcheng.dc13', async (page) => {
    expect((await page.goto(`/school/disclosures/${victim.id}`))?.status()).toBe(404);
    await page.goto('/school/disclosures/new?item=M03&period=2026-10');
    const own = await new DisclosureForm(page).fillAndSave({ date: '2026-11-06', audience: 'external', summary: '本校10月伙食费收支清单' });
    await page.goto(`/school/disclosures/${own}`);
    const form = page.getByTestId('disclosure-form');
    await form.locator('#summary').fill('篡改后的内容');
    // Last step before sending: the record id in the payload becomes the victim's.
    await form.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), victim.id);
    await form.getByRole('button', { name: '保存修改' }).click();
    await expect(page.getByTestId('form-refused')).toHaveText('找不到该记录，或您无权访问。');
  });
  await asUser('dongcheng.dc25', async (page) => {
    await page.goto(`/school/disclosures/${victim.id}`);
    await expect(page.getByTestId('disclosure-form').locator('#summary')).toHaveValue(victim.summary);
  });
});

test('responds to a finding with text and evidence; the finding becomes “responded”', async ({ page }) => {
  await signIn(page, 'dongcheng.dc17');
  await page.goto('/school/findings');
  const finding = page.getByTestId('finding').filter({ hasText: '本年度未按规定召开教职工代表大会' });
  await expect(finding).toHaveAttribute('data-status', 'open');
  await finding.getByTestId('evidence-file').setInputFiles([pngFile('教代会会议照片.png')]);
  await expect(finding.getByTestId('evidence-item')).toHaveCount(1);
  await finding.locator('textarea').fill('已于2026年3月召开第五届教代会第三次会议，审议通过绩效工资分配方案，会议决议已在校务公开栏公开。');
  await finding.getByRole('button', { name: '提交整改反馈' }).click();
  await expect(finding).toHaveAttribute('data-status', 'responded');
  await expect(finding).toContainText('已反馈，待评估人员确认');
  await page.reload();
  const after = page.getByTestId('finding').filter({ hasText: '本年度未按规定召开教职工代表大会' });
  await expect(after).toHaveAttribute('data-status', 'responded');
  await expect(after.getByTestId('rectification')).toContainText('第五届教代会第三次会议');
  await expectImagesLoaded(page, '[data-testid="rectification"] img');
});

test('evidence files are served with the detected type and a sandboxing content security policy', async ({ asUser }) => {
  await asUser('dongcheng.dc26', async (page) => {
    await page.goto('/school/disclosures/new?item=M03&period=2026-11');
    await new DisclosureForm(page).fillAndSave({ date: '2026-11-21', audience: 'external', summary: '城北高中11月伙食费收支清单', files: [pngFile('公开栏"照片";.html')] });
    const signedIn = await page.getByTestId('evidence-item').locator('img').getAttribute('src');
    await page.goto('/p/dongcheng/dc26');
    const anonymous = await page.getByTestId('public-disclosure').filter({ hasText: '城北高中11月伙食费收支清单' }).locator('img').getAttribute('src');
    for (const src of [signedIn!, anonymous!]) {
      const res = await page.request.get(src);
      const h = res.headers();
      expect(res.status()).toBe(200);
      expect(h['content-type']).toBe('image/png');
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['content-security-policy']).toBe("default-src 'none'; sandbox");
      // The name the user gave is kept readable but can no longer claim another type or inject markup.
      expect(h['content-disposition']).toBe(`inline; filename="evidence.png"; filename*=UTF-8''%E5%85%AC%E5%BC%80%E6%A0%8F%E7%85%A7%E7%89%87.png`);
    }
  });
});
