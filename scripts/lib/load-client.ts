// HTTP client of the deadline-day load test (scripts/load.ts): what a coordinator's browser sends,
// replayed with Node's fetch — the app's credentials sign-in (csrf, callback: core/auth/LoginForm.tsx),
// the report page, and the submit form's server action (multipart body as React's encodeReply
// writes it, with the Next-Action header). Every request is timed; nothing here knows the app's code.
import { performance } from 'node:perf_hooks';

export type Step = 'signIn' | 'page' | 'submit' | 'read' | 'api' | 'other';

export interface Sample {
  step: Step;
  /** Index of the app instance that answered (0 = A, 1 = B). */
  instance: number;
  ms: number;
  status: number;
}

export interface Failure {
  who: string;
  step: Step;
  instance: number;
  detail: string;
}

export class LoadError extends Error {
  constructor(
    readonly step: Step,
    readonly instance: number,
    message: string,
  ) {
    super(message);
  }
}

const REQUEST_TIMEOUT_MS = Number(process.env.LOAD_REQUEST_TIMEOUT_MS ?? 60_000);

/** Cookies by name (one host: the two instances differ only by port, like behind one balancer). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface Instance {
  index: number;
  base: string;
}

/** One user's browser: a cookie jar and timed requests that read the whole body. */
export class Browser {
  readonly jar = new CookieJar();
  constructor(
    readonly who: string,
    private readonly samples: Sample[],
  ) {}

  async request(inst: Instance, step: Step, path: string, init: RequestInit = {}): Promise<{ res: Response; body: string; ms: number }> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header();
    if (cookie) headers.set('cookie', cookie);
    headers.set('user-agent', 'sunlight-load/1');
    const t0 = performance.now();
    let res: Response;
    let body: string;
    try {
      res = await fetch(inst.base + path, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      body = await res.text();
    } catch (e) {
      const ms = performance.now() - t0;
      this.samples.push({ step, instance: inst.index, ms, status: 0 });
      throw new LoadError(step, inst.index, `${init.method ?? 'GET'} ${path}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} after ${Math.round(ms)} ms`);
    }
    const ms = performance.now() - t0;
    this.samples.push({ step, instance: inst.index, ms, status: res.status });
    this.jar.store(res);
    if (res.status >= 400) throw new LoadError(step, inst.index, `${init.method ?? 'GET'} ${path}: HTTP ${res.status} ${body.slice(0, 200).replace(/\s+/g, ' ')}`);
    return { res, body, ms };
  }

  /**
   * The sign-in of app/login (core/auth/LoginForm.tsx): GET csrf (sets the csrf cookie), POST the
   * callback (sets the session cookie). `csrfOn` may be another instance than `inst` (the csrf
   * token is signed with the shared secret). Returns the time of the whole flow.
   */
  async signIn(inst: Instance, csrfOn: Instance, username: string, password: string): Promise<number> {
    const t0 = performance.now();
    const csrf = await this.request(csrfOn, 'other', '/api/auth/csrf');
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken?: string };
    if (!csrfToken) throw new LoadError('signIn', csrfOn.index, 'no csrfToken from /api/auth/csrf');
    const form = new URLSearchParams({ username, password, csrfToken, callbackUrl: `${inst.base}/`, json: 'true' });
    const cb = await this.request(inst, 'signIn', '/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: inst.base },
      body: form,
    });
    let url = '';
    try {
      url = (JSON.parse(cb.body) as { url?: string }).url ?? '';
    } catch {
      throw new LoadError('signIn', inst.index, `callback answered HTTP ${cb.res.status} without JSON`);
    }
    const error = url ? new URL(url).searchParams.get('error') : 'no url';
    if (error) throw new LoadError('signIn', inst.index, `sign-in refused: ${error}`);
    if (![...['next-auth.session-token', '__Secure-next-auth.session-token']].some((n) => this.jar.has(n))) {
      throw new LoadError('signIn', inst.index, 'no session cookie after sign-in');
    }
    return performance.now() - t0;
  }
}

/** The submit form as rendered on /school/report. */
export interface SubmitFormData {
  actionId: string;
  /** The form's named inputs in document order, as `new FormData(form)` sees them (checkboxes unchecked). */
  fields: [string, string][];
  /** The unmet-obligations confirmation checkbox is shown (the coordinator ticks it). */
  confirmGaps: boolean;
  year: number;
  quarter: number;
  version: number;
}

const attr = (tag: string, name: string): string | null => {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? decodeEntities(m[1]!) : null;
};

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Finds the submit form (data-testid="submit-form") in the page's HTML and reads its inputs and its
 * server action id. React renders a server function used as a form action with hidden inputs for
 * progressive enhancement: `$ACTION_ID_<id>`, or `$ACTION_REF_n` + `$ACTION_n:0` = {"id":…,"bound":…}.
 */
export function parseSubmitForm(html: string): SubmitFormData | null {
  const start = html.search(/<form[^>]*data-testid="submit-form"/);
  if (start < 0) return null;
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end < 0 ? undefined : end);
  const fields: [string, string][] = [];
  let actionId: string | null = null;
  let confirmGaps = false;
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = (attr(tag, 'type') ?? 'text').toLowerCase();
    const value = attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '');
    const idMatch = name.match(/^\$ACTION_ID_(.+)$/);
    if (idMatch) actionId = idMatch[1]!;
    if (/^\$ACTION_\d+:0$/.test(name)) {
      try {
        actionId = (JSON.parse(value) as { id?: string }).id ?? actionId;
      } catch {
        /* not the bound-args JSON */
      }
    }
    if (type === 'checkbox') {
      if (name === 'confirmGaps') confirmGaps = true;
      if (!/\schecked(=|\s|>|\/)/.test(tag)) continue;
    }
    fields.push([name, value]);
  }
  if (!actionId) return null;
  const num = (n: string) => Number(fields.find(([k]) => k === n)?.[1]);
  return { actionId, fields, confirmGaps, year: num('year'), quarter: num('quarter'), version: num('version') };
}

/**
 * The body React's client sends for `useActionState(submitReportAction)` on submit (captured from
 * Chromium, see docs/LOAD.md): the action's arguments [previous state, FormData] through
 * encodeReply — every entry of `new FormData(form)` (the hidden `$ACTION_*` inputs of the
 * server-rendered form included) under the prefix "_1_", and field "0" holding the argument list
 * with "$K1" pointing at them.
 */
export function actionBody(form: SubmitFormData, extra: [string, string][], prevState: unknown = { status: 'idle' }): FormData {
  const fd = new FormData();
  for (const [k, v] of [...form.fields, ...extra]) fd.append(`_1_${k}`, v);
  fd.append('0', JSON.stringify([prevState, '$K1']));
  return fd;
}

/**
 * The Next-Router-State-Tree header Chromium sends with a server action from a page reached by a
 * full page load, e.g. for /school/report:
 * ["",{"children":["(coordinator)",{"children":["school",{"children":["report",{"children":["__PAGE__",{},null,null,0]},null,null,0]},null,null,0]},null,null,0]},null,null,16]
 */
export function routerStateTree(segments: string[], searchParams: Record<string, string> = {}): string {
  // A page reached with a query string is keyed `__PAGE__?{"q":"2026-Q3"}` (Next's PAGE_SEGMENT_KEY + the search params as JSON).
  const page = Object.keys(searchParams).length ? `__PAGE__?${JSON.stringify(searchParams)}` : '__PAGE__';
  let node: unknown = [page, {}, null, null, 0];
  for (const seg of [...segments].reverse()) node = [seg, { children: node }, null, null, 0];
  return encodeURIComponent(JSON.stringify(['', { children: node }, null, null, 16]));
}

/**
 * Reads the action's result from the RSC response (text/x-component, rows `<id>:<json>`): the root
 * row 0 is {"a":"$@<id>",…} and row <id> holds the value the action returned. (With revalidatePath
 * the response also carries the re-rendered page.)
 */
export function actionResult(body: string): { status?: string; [k: string]: unknown } | null {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const m = line.match(/^([0-9a-f]+):(.*)$/);
    if (m && !rows.has(m[1]!)) rows.set(m[1]!, m[2]!);
  }
  try {
    const root = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    let a = root?.a;
    if (typeof a === 'string' && a.startsWith('$@')) a = JSON.parse(rows.get(a.slice(2)) ?? 'null');
    return a && typeof a === 'object' ? (a as { status?: string }) : null;
  } catch {
    return null;
  }
}

/** Quantile of an ascending list (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}
