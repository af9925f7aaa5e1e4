// Fuzzing (issue 8), on PGlite and PostgreSQL (SUNLIGHT_TEST_DB): every server action and every
// route handler gets random and hostile input (huge strings, wrong types, unicode, SQL and HTML
// fragments, negative/NaN numbers, far dates, other districts' ids) from its legitimate user.
// Properties: never an unexpected error (a 5xx / a logged failure), and a refused request
// changes no row (row-level change log, see harness.ts). FUZZ_RUNS raises the runs per target.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { seededDemo, type SeededDemo } from '@/seed/testing';
import { form, harness, mocks, type AnyFn, type Target } from './harness';
import { ACTION_CASES, type ActionCase } from './action-cases';
import { ROUTE_CASES } from './route-cases';

vi.mock('server-only', () => mocks.serverOnly());
vi.mock('next/cache', () => mocks.nextCache());
vi.mock('next/navigation', () => mocks.nextNavigation());
vi.mock('next/headers', () => mocks.nextHeaders());
vi.mock('@/core/auth/session', () => mocks.session());
vi.mock('next-intl/server', () => mocks.nextIntlServer());

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let demo: SeededDemo;
let client: typeof import('@/db/client');
let h: typeof import('./harness');
let actions: Map<string, AnyFn>;
let routes: Map<string, AnyFn>;
let A: Target; // the fuzzing users' own district (dongcheng, school dc01)
let B: Target;

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  h = await import('./harness');
  A = await h.resolveTarget('a', 'dongcheng', 'dc01');
  B = await h.resolveTarget('b', 'xishan', 'xs01');
  await h.installChangeLog(client);
  actions = await h.loadActions();
  routes = await h.loadRouteHandlers();
});

afterAll(() => demo?.cleanup());

// --- hostile values ------------------------------------------------------------------------

const HOSTILE = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE schools; --",
  '") UNION SELECT password_hash FROM users --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'http://127.0.0.1:5432/',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '\ud800',
  '😀'.repeat(50),
  '東城區 学校公开',
  '-1',
  '0',
  '-0',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '9007199254740993',
  '0x1F',
  '3.5',
  '20.000001',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '{"__proto__":{"admin":true}}',
  '__proto__',
  'constructor',
  '0000-00-00',
  '2026-02-30',
  '9999-12-31',
  '-271821-04-20',
  '275760-09-13',
  '1970-01-01',
  '2026-13-01',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '長'.repeat(300),
];

const ids = (t: Target) => [
  t.districtId,
  t.schoolId,
  t.zoneId,
  t.userId,
  t.disclosureId,
  t.reportId,
  t.eventId,
  t.noMatterId,
  t.findingId,
  t.rejectionId,
  t.evidenceId,
  t.surveyId,
  t.batchId,
  t.snapshotId,
  t.objectionId,
  t.tokenId,
  t.templateId,
];

function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...ids(A), ...ids(B)) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), '表'.repeat(70_000)) },
  );
}

/** The legitimate payload's fields, some replaced by hostile values, some dropped, some added. */
function hostileForm(base: FormData): fc.Arbitrary<FormData> {
  const keys = [...new Set([...base.keys()])];
  return fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.oneof(hostileString(), fc.constant(null))), { maxLength: keys.length + 2 }),
      fc.dictionary(hostileString(), hostileString(), { maxKeys: 2 }),
      fc.boolean(),
    )
    .map(([edits, extra, repeat]) => {
      const out = new FormData();
      const replaced = new Map(edits);
      for (const [k, v] of base.entries()) {
        if (!replaced.has(k)) out.append(k, v);
        else if (replaced.get(k) !== null) out.append(k, replaced.get(k)!);
        if (repeat && replaced.has(k) && replaced.get(k) !== null) out.append(k, replaced.get(k)!);
      }
      for (const [k, v] of Object.entries(extra)) out.append(k, v);
      return out;
    });
}

function argsFor(c: ActionCase): fc.Arbitrary<unknown[]> {
  const s = hostileString();
  const idle = fc.constant({ status: 'idle' });
  switch (c.fuzzArgs) {
    case 'draft':
      return fc.tuple(s, fc.dictionary(s, fc.oneof(s, fc.array(s, { maxLength: 3 })), { maxKeys: 4 }), fc.oneof(fc.integer(), fc.double(), fc.constant(Date.now())));
    case 'discardDraft':
      return fc.tuple(s);
    case 'evidenceLink':
      return fc.tuple(fc.oneof(fc.constantFrom('disclosure', 'rectification'), s), s, fc.oneof(s, fc.webUrl()));
    case 'evidenceRemove':
      return fc.tuple(s);
    case 'evidencePending':
      return fc.tuple(fc.oneof(fc.constantFrom('disclosure', 'rectification'), s), s);
    case 'objection':
      return fc.tuple(
        idle,
        fc.record({ district: fc.oneof(fc.constantFrom('dongcheng', 'xishan'), s), year: fc.oneof(fc.constantFrom('2024', '2025'), s), text: s, contact: s }).map((v) => form(v)),
      );
    case 'locale':
      return fc.tuple(fc.record({ locale: fc.oneof(fc.constantFrom('zh', 'en'), s) }).map((v) => form(v)));
    default: {
      const first = c.attacks(A)[0];
      const base = first?.[1] instanceof FormData ? first[1] : new FormData();
      return fc.tuple(idle, hostileForm(base));
    }
  }
}

/** Readable arguments for failure messages (fast-check prints a FormData as [object FormData]). */
function show(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) => (v instanceof FormData ? Object.fromEntries([...v.entries()].map(([k, x]) => [k, typeof x === 'string' ? x.slice(0, 60) : '<file>'])) : v)).slice(
    0,
    600,
  );
}

async function runChecked(key: string, call: () => Promise<unknown>, errors: ReturnType<typeof vi.spyOn>): Promise<void> {
  errors.mockClear();
  const mark = await h.changeMark(client);
  let outcome: Awaited<ReturnType<typeof h.outcomeOf>>;
  try {
    outcome = await h.outcomeOf(call);
  } catch (e) {
    throw new Error(`${key}: unexpected exception ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  expect(
    errors.mock.calls.map((c: unknown[]) => c.map(String).join(' ').slice(0, 300)),
    `${key}: logged an unexpected failure`,
  ).toEqual([]);
  if (outcome.kind === 'refused') expect(await h.changesSince(client, mark), `${key}: refused (${outcome.detail}) but wrote rows`).toEqual([]);
  if (outcome.detail.startsWith('HTTP 5')) throw new Error(`${key}: ${outcome.detail}`);
}

describe('fuzzing server actions', () => {
  for (const [key, c] of Object.entries(ACTION_CASES)) {
    it(key, async () => {
      const fn = actions.get(key);
      expect(fn, `${key} is exported`).toBeTypeOf('function');
      await h.restoreDemoUsers(client);
      harness.scope = c.fuzzAs ? await h.scopeOf(c.fuzzAs) : null;
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        await fc.assert(
          fc.asyncProperty(argsFor(c), async (args) => runChecked(`${key} ${show(args)}`, () => fn!(...args), errors)),
          { numRuns: RUNS, endOnFailure: true },
        );
        // Wrong types where a form is expected: a client can send any serialisable argument.
        for (const odd of [undefined, null, 'text', 42, {}, [], { get: 'x' }]) await runChecked(`${key}(${JSON.stringify(odd)})`, () => fn!({ status: 'idle' }, odd), errors);
      } finally {
        errors.mockRestore();
        harness.scope = null;
      }
    });
  }
});

describe('fuzzing route handlers', () => {
  it('has a case for every route handler', () => {
    const found = [...routes.keys()].sort();
    const listed = Object.keys(ROUTE_CASES).sort();
    expect(
      found.filter((k) => !listed.includes(k)),
      'route handlers without a case in app/_testing/route-cases.ts',
    ).toEqual([]);
    expect(
      listed.filter((k) => !found.includes(k)),
      'cases for route handlers that no longer exist',
    ).toEqual([]);
  });

  for (const [key, rc] of Object.entries(ROUTE_CASES)) {
    it.skipIf(!!rc.skipReason)(key, async () => {
      const fn = routes.get(key)!;
      await h.restoreDemoUsers(client);
      harness.scope = rc.fuzzAs ? await h.scopeOf(rc.fuzzAs) : null;
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const s = hostileString();
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.dictionary(rc.query.length ? fc.oneof(fc.constantFrom(...rc.query), s) : s, s, { maxKeys: rc.query.length + 1 }),
            fc.tuple(...rc.params.map(() => s)),
            fc.option(fc.constantFrom('Bearer ', 'Bearer x', 'Basic YTpi', `Bearer ${'a'.repeat(5000)}`, 'Bearer sl_00000000000000000000000000000000')),
            fc.option(fc.tuple(fc.dictionary(s, s, { maxKeys: 3 }), fc.uint8Array({ maxLength: 2048 }))),
            async (query, paramValues, auth, body) => {
              const url = new URL(`http://127.0.0.1${rc.path}`);
              for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
              const headers = new Headers();
              if (auth) headers.set('authorization', auth);
              let init: RequestInit = { method: rc.method, headers };
              if (rc.method === 'POST') {
                const fdBody = new FormData();
                if (body) {
                  for (const [k, v] of Object.entries(body[0])) fdBody.append(k, v);
                  fdBody.append('file', new Blob([body[1]]), 'upload.xlsx');
                }
                init = { ...init, body: fdBody };
              }
              const params = Object.fromEntries(rc.params.map((p, i) => [p, paramValues[i]!]));
              await runChecked(`${key} ${url.search}`, () => fn(new Request(url, init), { params: Promise.resolve(params) }), errors);
            },
          ),
          { numRuns: RUNS, endOnFailure: true },
        );
      } finally {
        errors.mockRestore();
        harness.scope = null;
      }
    });
  }

  it('sign-in (the credentials check behind /api/auth) never fails on hostile input', async () => {
    const { checkCredentials } = await import('@/core/auth/sign-in');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await fc.assert(
        fc.asyncProperty(hostileString(), hostileString(), hostileString(), async (u, p, addr) => {
          const r = (await checkCredentials(u, p, addr)) as { ok?: boolean };
          expect(r.ok === true ? u : null, 'a hostile sign-in succeeded').toBeNull();
        }),
        { numRuns: RUNS * 2, endOnFailure: true },
      );
      expect(errors.mock.calls).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });
});

// Issue 13, "Malformed input": what made the app answer 500 before Next.js or next-auth reached
// our code. Also over HTTP against the production build: e2e/malformed-urls.spec.ts.
describe('fuzzing malformed input', () => {
  const BROKEN = fc.oneof(
    fc.constantFrom("ABC%'", '%E0%A4%A', '%', '%C0%AE%C0%AE', '%ED%A0%80', '%ZZ', '%%32%65'),
    fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('%', '%E0', '%E0%A4', '%FF', '%C0%AE')).map(([a, b]) => `${encodeURIComponent(a)}${b}`),
  );

  it('a path that is not valid percent-encoded UTF-8 is a 400 from the proxy, on every route', async () => {
    const { default: proxy } = await import('@/proxy');
    const { NextRequest } = await import('next/server');
    // Every route handler with a dynamic segment, and the dynamic pages reported by the pen test.
    const patterns = [...routes.keys()]
      .map((k) =>
        k
          .replace(/^app/, '')
          .replace(/\/route\.ts#.*$/, '')
          .replace(/\/\([^)]+\)/g, ''),
      )
      .filter((p) => p.includes('['));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/s/[code]', '/p/[district]/[school]', '/notice/[district]/[year]', ...patterns), BROKEN, async (pattern, bad) => {
        const path = pattern.replace(/\[[^\]]+\]/g, bad);
        const res = (await proxy(new NextRequest(`http://127.0.0.1${path}`), {} as never)) as Response;
        expect(res.status, path).toBe(400);
      }),
      { numRuns: RUNS * 4 },
    );
    for (const reported of ["/s/ABC%'", '/p/%E0%A4%A/dc01']) expect(((await proxy(new NextRequest(`http://127.0.0.1${reported}`), {} as never)) as Response).status, reported).toBe(400);
  });

  /** A cookie travels percent-encoded; a lone surrogate cannot be (no browser could send it). */
  const encodable = (v: string) => {
    try {
      encodeURIComponent(v);
      return true;
    } catch {
      return false;
    }
  };

  it('next-auth’s endpoints answer 400 to a callback URL that is not a path or an http(s) URL, in the query or the cookie', async () => {
    const { isAcceptableCallbackUrl } = await import('@/core/auth/callback-url');
    const get = routes.get('app/api/auth/[...nextauth]/route.ts#GET')!;
    const post = routes.get('app/api/auth/[...nextauth]/route.ts#POST')!;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await fc.assert(
        fc.asyncProperty(
          fc
            .oneof(fc.constantFrom('javascript:alert(1)', 'javascript://%0aalert(1)', 'data:text/html,x', 'vbscript:x', 'http://[::1', '%E0%A4%A'), hostileString())
            .filter((v) => v !== '' && !isAcceptableCallbackUrl(v) && encodable(v)),
          fc.constantFrom('signin', 'signout', 'session', 'csrf', 'providers', 'callback'),
          fc.boolean(),
          async (cb, action, inCookie) => {
            const url = new URL(`http://127.0.0.1/api/auth/${action}`);
            const headers = new Headers();
            if (inCookie) headers.set('cookie', `next-auth.callback-url=${encodeURIComponent(cb)}`);
            else url.searchParams.set('callbackUrl', cb);
            const ctx = { params: Promise.resolve({ nextauth: action.split('/') }) };
            for (const fn of [get, post]) {
              const res = (await fn(new Request(url, { method: fn === get ? 'GET' : 'POST', headers }), ctx)) as Response;
              expect(res.status, `${action} ${cb}`).toBe(400);
              if (inCookie) expect(res.headers.get('set-cookie') ?? '').toMatch(/next-auth\.callback-url=;.*Max-Age=0/);
            }
          },
        ),
        { numRuns: RUNS * 4 },
      );
      // A GET on the sign-in callback (POST only) is a 405, where next-auth would answer 500.
      const res = (await get(new Request('http://127.0.0.1/api/auth/callback/credentials'), { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) })) as Response;
      expect(res.status).toBe(405);
      expect(errors.mock.calls).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });
});
