// Page objects for the screens several specs drive: where a screen's fields and buttons are, and
// the steps every journey through it takes, in one place. Each is bound to one Page; the checks a
// step always makes (e.g. "the event is listed under its item") are inside the step.
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './auth';

/** /login: the sign-in form. */
export class LoginPage {
  readonly form: Locator;
  readonly username: Locator;
  readonly password: Locator;
  /** The form's error message. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form:has(input[name="password"])');
    this.username = page.locator('input[name="username"]');
    this.password = page.locator('input[name="password"]');
    this.error = page.locator('form p[role="alert"]');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
  }

  /** The UI journey: opens the form, fills it and submits (where it leads is the caller's check). */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.goto();
    await this.username.fill(username);
    await this.password.fill(password);
    await this.form.locator('button[type="submit"]').click();
  }
}

/** /account/password: a user sets a new password (first sign-in, or after a reset). */
export class PasswordPage {
  constructor(readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.waitForURL('**/account/password');
  }

  async change(current: string, next: string, confirm = next): Promise<void> {
    await this.page.locator('input[name="current"]').fill(current);
    await this.page.locator('input[name="next"]').fill(next);
    await this.page.locator('input[name="confirm"]').fill(confirm);
    await this.page.getByRole('button', { name: '保存' }).click();
  }

  async expectChanged(): Promise<void> {
    await expect(this.page.getByText('密码已修改。')).toBeVisible();
  }
}

/** /admin/users: a district admin's user list and the new-user form. */
export class AdminUsersPage {
  /** The new-user form (open it with openNewUserForm()). */
  readonly form: Locator;
  /** The one-time password shown after a create or a reset. */
  readonly temporaryPassword: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form:has(input[name="username"])');
    this.temporaryPassword = page.getByTestId('temporary-password');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/users');
  }

  row(username: string): Locator {
    return this.page.locator(`tr[data-username="${username}"]`);
  }

  async openNewUserForm(): Promise<void> {
    await this.goto();
    await this.page.getByText('新建用户').click();
  }

  async submitNewUser(): Promise<void> {
    await this.form.getByRole('button', { name: '创建用户并生成临时密码' }).click();
  }

  /** Creates a user through the form and returns the one-time password shown. */
  async create(user: { username: string; name: string; role: string }): Promise<string> {
    await this.openNewUserForm();
    await this.form.locator('input[name="username"]').fill(user.username);
    await this.form.locator('input[name="displayName"]').fill(user.name);
    await this.form.locator('select[name="role"]').selectOption({ label: user.role });
    await this.submitNewUser();
    return (await this.temporaryPassword.textContent())!;
  }
}

/** /account/tokens: a reader's API tokens. */
export class TokensPage {
  constructor(readonly page: Page) {}

  /** Generates a token named `name` and returns it (shown once). */
  async create(name: string): Promise<string> {
    await this.page.goto('/account/tokens');
    await this.page.getByLabel('令牌名称').fill(name);
    await this.page.getByRole('button', { name: '生成令牌' }).click();
    return (await this.page.getByTestId('new-token').textContent())!.trim();
  }

  row(name: string): Locator {
    return this.page.locator(`tr[data-token="${name}"]`);
  }
}

/** /review: an evaluator's (or leader's) list of schools and their quarter reports. */
export class ReviewQueue {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('tr[data-school]');
  }

  /** The per-quarter queue (/review itself is the evaluator's work queue across quarters, issue 14). */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/review/quarters${query}`);
  }

  row(school: string): Locator {
    return this.page.locator(`tr[data-school="${school}"]`);
  }

  /** The school codes listed, in order. */
  async schools(): Promise<(string | null)[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-school')));
  }

  /** The link to the report of `school` (the first listed school's without one). */
  async reportHref(school?: string): Promise<string | null> {
    return (school ? this.row(school) : this.rows).locator('a[href^="/review/reports/"]').first().getAttribute('href');
  }
}

export interface DisclosureInput {
  date: string;
  channels?: string[];
  audience?: 'internal' | 'external' | 'both';
  summary: string;
  files?: { name: string; mimeType: string; buffer: Buffer }[];
}

/** A coordinator's new/edit disclosure page (/school/disclosures/…): the form and its evidence. */
export class DisclosureForm {
  readonly form: Locator;
  readonly summary: Locator;
  readonly evidence: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('disclosure-form');
    this.summary = this.form.locator('#summary');
    this.evidence = page.getByTestId('evidence');
  }

  /** Fills the form, uploads evidence, saves; returns the disclosure id. */
  async fillAndSave(input: DisclosureInput): Promise<string> {
    const { form, page } = this;
    await form.locator('#disclosedOn').fill(input.date);
    for (const c of input.channels ?? []) await form.locator(`input[name="channels"][value="${c}"]`).check();
    if (input.audience) await form.locator(`input[name="audience"][value="${input.audience}"]`).check();
    await this.summary.fill(input.summary);
    if (input.files?.length) {
      const before = await this.evidence.getByTestId('evidence-item').count();
      await this.evidence.getByTestId('evidence-file').setInputFiles(input.files);
      await expect(this.evidence.getByTestId('evidence-item')).toHaveCount(before + input.files.length);
    }
    await form.getByRole('button', { name: /保存公开记录|保存修改/ }).click();
    await page.waitForURL(/\/school\/disclosures\/[0-9a-f-]{36}/);
    return page.url().match(/disclosures\/([0-9a-f-]{36})/)![1]!;
  }

  /** On an existing disclosure: saves the changes made to the form. */
  async saveChanges(): Promise<void> {
    await this.form.getByRole('button', { name: '保存修改' }).click();
  }
}

/** /school/events: declared events and "no such matter this quarter". */
export class EventsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/school/events');
  }

  item(code: string): Locator {
    return this.page.getByTestId(`event-item-${code}`);
  }

  /** Declares one event and waits until it is listed under its item. */
  async declare(item: string, date: string, title: string): Promise<void> {
    const form = this.page.getByTestId('event-form');
    await form.locator('#ev-item').selectOption(item);
    await form.locator('#ev-date').fill(date);
    await form.locator('#ev-title').fill(title);
    await form.getByRole('button', { name: '申报事项' }).click();
    await expect(this.item(item).getByTestId('declared-event').filter({ hasText: title })).toBeVisible();
  }

  /** States "no such matter this quarter" for an item. */
  async stateNoMatter(item: string, reason: string): Promise<void> {
    const card = this.item(item);
    await card.getByText('本季度无此类事项？点此声明').click();
    await card.locator('textarea[name="reason"]').fill(reason);
    await card.getByRole('button', { name: '声明本季度无此类事项' }).click();
    await expect(card.getByTestId('no-matter')).toContainText(reason);
  }
}

/** /school/report: the coordinator's quarterly report. */
export class SchoolReportPage {
  constructor(readonly page: Page) {}

  async goto(quarter?: string): Promise<void> {
    await this.page.goto(quarter ? `/school/report?q=${quarter}` : '/school/report');
  }

  /** Confirms the gaps if asked and submits; waits for the locked state. */
  async submit(resubmit = false): Promise<void> {
    const { page } = this;
    const form = page.getByTestId('submit-form');
    const confirm = form.locator('input[name="confirmGaps"]');
    if (await confirm.count()) await confirm.check();
    await form.getByRole('button', { name: resubmit ? '重新提交季度报告' : '提交季度报告' }).click();
    await expect(page.getByTestId('report-state')).toContainText('已提交');
    await expect(page.getByTestId('entry-locked')).toContainText('已提交');
    await expect(page.getByTestId('submit-form')).toHaveCount(0);
  }
}
