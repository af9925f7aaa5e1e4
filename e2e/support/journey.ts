// The journeys' watch (issue 14): every page a journey opens — in the test's own page and in every
// browser context it creates (asUser …) — must log no console error and no uncaught exception, and
// must pass axe with no serious or critical violation. A journey imports `test` and `expect` from
// here instead of @playwright/test; nothing else changes in the spec.
//
// How: each page's console and page errors are recorded with the page's address. Each document a
// page shows (a full load, or a client-side navigation of the App Router) is analysed by axe once
// per context and address, while the journey goes on. A context is not closed before its pages'
// analyses end; an analysis cut short by the journey navigating away is repeated at the end in a
// fresh context with the same cookies. At the end of the test, everything found fails it, listed.
//
// A journey that provokes an error on purpose (a 404 page, a refused upload) declares it:
// `journey.allowConsole(/status of 404/)`.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const axeQueue = new WeakMap<Page, Promise<unknown>>();

/**
 * Runs axe on the page after any analysis already running there: axe refuses a second run on a page
 * while one is going ("Axe is already running"), and the watch analyses every page on its own. Specs
 * that check a page themselves call this too: `await runAxe(page, (b) => b.include('main'))`.
 */
export function runAxe(page: Page, configure: (builder: AxeBuilder) => AxeBuilder = (b) => b): ReturnType<AxeBuilder['analyze']> {
  const before = axeQueue.get(page) ?? Promise.resolve();
  const run = before.then(() => configure(new AxeBuilder({ page })).analyze());
  axeQueue.set(
    page,
    run.catch(() => undefined),
  );
  return run;
}

/** Documents that are not pages of the app (downloads, files, the API) are not analysed. */
const NOT_A_PAGE = /\/(?:api|files)\/|\/(?:docx|export)(?:\/|\?|$)|\/export\/|\.(?:xlsx|csv|png|pdf|docx)(?:\?|$)|^about:|^data:|^blob:|^chrome-error:/;

export class Journey {
  private readonly problems: string[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly checked = new WeakMap<BrowserContext, Set<string>>();
  private readonly pending = new WeakMap<BrowserContext, Set<Promise<void>>>();
  private readonly retry: { url: string; state: StorageState; viewport: { width: number; height: number } | null }[] = [];
  private readonly contexts = new Set<BrowserContext>();
  /** Addresses analysed, for the report. */
  readonly analysed: string[] = [];

  constructor(private readonly browser: Browser) {}

  /** What has been found so far. */
  found(): readonly string[] {
    return this.problems;
  }

  /** An error this journey provokes on purpose. */
  allowConsole(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  watchContext(context: BrowserContext): void {
    if (this.contexts.has(context)) return;
    this.contexts.add(context);
    this.checked.set(context, new Set());
    this.pending.set(context, new Set());
    for (const p of context.pages()) this.watchPage(p);
    context.on('page', (p) => this.watchPage(p));
    // Let the analyses of its pages end before a context is closed.
    const close = context.close.bind(context);
    context.close = async (options) => {
      await this.settle(context);
      return close(options);
    };
  }

  private watchPage(page: Page): void {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      if (this.allowed.some((a) => a.test(text))) return;
      const where = m.location()?.url ? ` (${m.location().url})` : '';
      this.problems.push(`console error on ${page.url()}: ${text}${where}`);
    });
    page.on('pageerror', (e) => {
      if (this.allowed.some((a) => a.test(e.message))) return;
      this.problems.push(`uncaught exception on ${page.url()}: ${e.message}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      this.schedule(page);
    });
  }

  private schedule(page: Page): void {
    const context = page.context();
    const url = page.url();
    if (NOT_A_PAGE.test(url)) return;
    const key = url.replace(/#.*$/, '');
    const seen = this.checked.get(context);
    if (!seen || seen.has(key)) return;
    seen.add(key);
    const run: Promise<void> = this.analyse(page, key).finally(() => this.pending.get(context)?.delete(run));
    this.pending.get(context)!.add(run);
  }

  private async analyse(page: Page, url: string): Promise<void> {
    try {
      await page.waitForLoadState('load');
      // A client-side navigation renders after the address changes: let it paint.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      // …and its metadata: the App Router sets the new <title> a moment after the new content. A page
      // that never gets one is still reported, by axe's document-title rule, after this wait.
      await page.waitForFunction(() => document.contentType !== 'text/html' || document.title !== '', null, { timeout: 2000 }).catch(() => undefined);
      if (page.url().replace(/#.*$/, '') !== url) throw new Error('navigated away');
      const html = await page.evaluate(() => document.contentType === 'text/html');
      if (!html) return;
      this.record(url, await runAxe(page));
    } catch {
      // The journey moved on (or closed the page) mid-analysis: look again at the end.
      if (page.isClosed()) return;
      try {
        this.retry.push({ url, state: await page.context().storageState(), viewport: page.viewportSize() });
      } catch {
        /* the context is gone with its page */
      }
    }
  }

  private record(url: string, result: Awaited<ReturnType<AxeBuilder['analyze']>>): void {
    this.analysed.push(url);
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      const nodes = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ');
      this.problems.push(`axe ${v.impact} ${v.id} on ${url} (${v.nodes.length}): ${v.help} — ${nodes}`);
    }
  }

  private async settle(context: BrowserContext): Promise<void> {
    const set = this.pending.get(context);
    while (set && set.size) await Promise.allSettled([...set]);
  }

  /** Waits for every analysis, repeats the interrupted ones, and fails with everything found. */
  async finish(): Promise<void> {
    for (const c of this.contexts) await this.settle(c);
    for (const r of this.retry) {
      if (this.analysed.includes(r.url)) continue;
      const context = await this.browser.newContext({ storageState: r.state, ...(r.viewport ? { viewport: r.viewport } : {}) });
      try {
        const page = await context.newPage();
        await page.goto(r.url);
        this.record(r.url, await runAxe(page));
      } finally {
        await context.close();
      }
    }
    expect(this.problems, `pages visited: ${this.analysed.length}`).toEqual([]);
  }
}

export const test = base.extend<{ journey: Journey }>({
  journey: [
    async ({ browser, context }, provide) => {
      const journey = new Journey(browser);
      journey.watchContext(context);
      // Contexts the journey opens itself (another user in another browser) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const c = await newContext(options);
        journey.watchContext(c);
        return c;
      };
      try {
        await provide(journey);
      } finally {
        browser.newContext = newContext;
      }
      await journey.finish();
    },
    { auto: true },
  ],
});

export { expect };
