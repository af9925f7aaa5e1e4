import JSZip from 'jszip';
import Papa from 'papaparse';
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type PlaywrightWorkerArgs } from './support/fixtures';
import { DISTRICTS } from '../seed/org';
import { seedId } from '../seed/ids';
import { pngFile } from './support/files';
import { signInApi } from './support/auth';
import { TokensPage } from './support/pages';
import { appRoutes, matchesPattern, routeKey } from './support/routes';

// Issue 8, "Security and isolation": the isolation matrix for pages and route handlers (server
// actions are covered elsewhere). District A = 东城区 (dongcheng) attacks district B = 西山县
// (xishan): every page and route handler of the app, found on disk at test time, must have a
// case below (a new route without a case fails the first test). Each case requests B's resources
// — B's real ids in path parameters and query strings — as every role of A (district admin,
// evaluator, zone evaluator, leader, coordinator dc01), as a stranger, for /api/v1 also with A's
// Bearer tokens, and for school-owned resources as the coordinator of another school of A
// (dc02 against dc01). Every expected answer is written out per case and role; whatever the
// answer, its body must not contain B's identifying strings (district, zone and staff names;
// school names all start with the district name). Positive controls prove each target id is
// real and that the same string check does find B's names when B's own users ask.
//
// "No change in the database" is checked through the app, since the database file belongs to the
// running server: every change the app makes writes the audit log in the same transaction, so the
// full audit log of A and of B (the admins' CSV export) is read before the probes and after them,
// together with B's data as B's evaluator reads it through the read API. B's side must be
// byte-for-byte the same; A's side may differ only by the one write a case states it expects.

type Actor = 'admin' | 'eval' | 'evalZ1' | 'leader' | 'dc01' | 'dc02' | 'anon' | 'evalToken' | 'evalZ1Token' | 'leaderToken';
type Owner = 'xsAdmin' | 'xsEval' | 'xs01' | 'platform';

/** The roles of A every case must state an answer for. */
const BASE: readonly Actor[] = ['admin', 'eval', 'evalZ1', 'leader', 'dc01', 'anon'];
const TOKENS: readonly Actor[] = ['evalToken', 'evalZ1Token', 'leaderToken'];

const USERS: Record<Exclude<Actor, 'anon' | 'evalToken' | 'evalZ1Token' | 'leaderToken'> | Owner, string> = {
  admin: 'dongcheng.admin',
  eval: 'dongcheng.eval',
  evalZ1: 'dongcheng.eval.z1',
  leader: 'dongcheng.leader',
  dc01: 'dongcheng.dc01',
  dc02: 'dongcheng.dc02',
  xsAdmin: 'xishan.admin',
  xsEval: 'xishan.eval',
  xs01: 'xishan.xs01',
  platform: 'platform',
};

const HOME: Partial<Record<Actor, string>> = { admin: '/admin', eval: '/review', evalZ1: '/review', leader: '/overview', dc01: '/school', dc02: '/school' };

/**
 * The expected answer of one request:
 * - a status number (the body is still searched for B's strings);
 * - 'shell': 200, a page rendered for the signed-in A user (their name in the header) with A's data only;
 * - 'login': a redirect to the sign-in page; 'home': a redirect to the actor's own home page.
 */
type Outcome = number | 'shell' | 'login' | 'home';

interface Reply {
  status: number;
  location: string | null;
  contentType: string;
  /** Text of the body; an XLSX or DOCX is unzipped and its XML parts concatenated. */
  text: string;
}

interface Probe {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  data?: Buffer | string | Record<string, unknown>;
  /** A JSON body built per actor at send time (e.g. with the actor's own CSRF token). */
  body?: (actor: Actor) => Promise<Record<string, unknown>>;
  multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>;
  /** What each actor gets. */
  as: Partial<Record<Actor, Outcome>>;
  /** Strings that must never be in the body; B's identifying strings unless stated. */
  forbid?: string[];
  /** Further checks of an answer. */
  check?: (r: Reply, actor: Actor) => void | Promise<void>;
}

interface Case {
  /** `page /pattern` or `route /pattern`, as in support/routes.ts. */
  key: string;
  /** What is attacked, or why the route is public. */
  why: string;
  /** School-owned resources: also attacked by the coordinator of another school of A (dc02). */
  school?: boolean;
  probes: (w: World) => Probe[];
}

interface Ids {
  district: string;
  school: string; // xs03
  schoolXs01: string;
  user: string; // xishan.eval
  zone: string; // chengguan
  report: string; // xs01 2026-Q3
  finding: string;
  disclosure: string; // an internal Q4 2026 disclosure of xs01
  batch: string; // xs01 2026 parents
  file: string; // evidence of that disclosure
  code: string; // a survey code of xs01
  template: string;
  dc01Report: string;
  dc01Disclosure: string;
  dc01Batch: string;
  dc01File: string;
}

interface AuditRow {
  line: string;
  actor: string;
  entity: string;
  action: string;
  after: string;
}

interface Snapshot {
  auditA: AuditRow[];
  auditB: AuditRow[];
  b: Record<string, string>;
}

interface World {
  baseURL: string;
  ctx: Record<Actor, APIRequestContext>;
  owner: Record<Owner, APIRequestContext>;
  tokens: Partial<Record<Actor, string>>;
  names: Partial<Record<Actor, string>>;
  ids: Ids;
  forbidB: string[];
  forbidDc01: string[];
  /** B's names a public page of xs01 may not show (everything but the school and its district). */
  forbidBPublic: string[];
  xs01InternalItems: string[];
  before: Snapshot;
  /** Writes in A that a case expects (checked against A's audit log at the end). */
  expectedAWrites: { entity: string; action: string; actor: string; ownerId: string }[];
}

// ---------------------------------------------------------------------------------------------
// B's identifying strings, from the seed's own organisation data.

const [DONGCHENG, XISHAN] = [DISTRICTS.find((d) => d.code === 'dongcheng')!, DISTRICTS.find((d) => d.code === 'xishan')!];
const B_STAFF = Object.values(XISHAN.people);
const B_STRINGS = [XISHAN.name, ...XISHAN.zones.map((z) => z.name), ...B_STAFF, `${XISHAN.code}.`];
const DC01_NAME = DONGCHENG.schools.find((s) => s.code === 'dc01')!.name;
const XS01_NAME = XISHAN.schools.find((s) => s.code === 'xs01')!.name;

// ---------------------------------------------------------------------------------------------
// Outcome helpers: every case states the answer of every role explicitly.

/** `allowed` get `yes`, the other roles of A `no`, the stranger `anon`. */
function gate(allowed: readonly Actor[], yes: Outcome, no: Outcome, anon: Outcome): Partial<Record<Actor, Outcome>> {
  const out: Partial<Record<Actor, Outcome>> = { anon };
  for (const a of BASE) if (a !== 'anon') out[a] = allowed.includes(a) ? yes : no;
  return out;
}
const allRoles = (o: Outcome, anon: Outcome) => gate([], o, o, anon);
const ADMIN: readonly Actor[] = ['admin'];
const READERS: readonly Actor[] = ['eval', 'evalZ1', 'leader'];
const COORD: readonly Actor[] = ['dc01'];

// ---------------------------------------------------------------------------------------------
// Requests

async function decode(res: APIResponse): Promise<Reply> {
  const headers = res.headers();
  const contentType = headers['content-type'] ?? '';
  const body = await res.body();
  let text: string;
  if (/spreadsheetml|wordprocessingml/.test(contentType) && body.length > 0) {
    const zip = await JSZip.loadAsync(body);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.async('string')),
    );
    text = parts.join('\n');
  } else {
    text = body.toString('utf8');
  }
  return { status: res.status(), location: headers.location ?? null, contentType, text };
}

async function send(w: World, actor: Actor, p: Probe): Promise<Reply> {
  const ctx = w.ctx[actor];
  const headers = { ...(p.headers ?? {}) };
  const token = w.tokens[actor];
  if (token) headers.authorization = `Bearer ${token}`;
  const opts = { headers, maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 } as const;
  const res = p.method === 'POST' ? await ctx.post(p.path, { ...opts, ...(p.multipart ? { multipart: p.multipart } : { data: p.body ? await p.body(actor) : p.data }) }) : await ctx.get(p.path, opts);
  return decode(res);
}

function pathOnly(location: string): string {
  return new URL(location, 'http://x').pathname;
}

async function verify(w: World, c: Case, p: Probe, actor: Actor, expected: Outcome): Promise<void> {
  const r = await send(w, actor, p);
  const where = `${c.key} · ${p.method ?? 'GET'} ${p.path} as ${actor}`;
  if (expected === 'login') {
    expect([302, 303, 307, 308], `${where}: a redirect to sign in (got ${r.status})`).toContain(r.status);
    expect(pathOnly(r.location ?? ''), where).toBe('/login');
  } else if (expected === 'home') {
    expect([302, 303, 307, 308], `${where}: a redirect home (got ${r.status})`).toContain(r.status);
    expect(pathOnly(r.location ?? ''), where).toBe(HOME[actor]);
  } else if (expected === 'shell') {
    expect(r.status, `${where}: status`).toBe(200);
    expect(r.contentType, where).toContain('text/html');
    expect(r.text, `${where}: rendered for ${USERS[actor as keyof typeof USERS]}`).toContain(w.names[actor]!);
  } else {
    expect(r.status, `${where}: status`).toBe(expected);
  }
  // A string the request itself carries (e.g. an id in the path, echoed by the sign-in redirect's
  // callback URL) is the caller's own input, not a leak.
  const sent = decodeURIComponent(p.path);
  for (const s of p.forbid ?? w.forbidB) if (!sent.includes(s)) expect(r.text.includes(s), `${where}: the answer contains “${s}”`).toBe(false);
  // No stack traces or internal error text, whatever the status.
  expect(r.text, where).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  if (p.check) await p.check(r, actor);
}

/** Runs tasks with a small concurrency (one app server on a 2-core machine). */
async function pool<T>(items: readonly T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const errors: unknown[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
        try {
          await fn(t);
        } catch (e) {
          errors.push(e);
        }
      }
    }),
  );
  if (errors.length) throw errors[0];
}

// ---------------------------------------------------------------------------------------------
// Shared payloads and checks

const csv = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') });
const IMPORT_HEADERS = { 'x-sunlight-import': '1' };

/** Import files that point at B: B's school codes, zone names, user names. */
const IMPORT_FILES = {
  schools: csv('schools.csv', ['学校代码,学校名称,类型,片区', `e2eiso1,冒名学校,小学,${XISHAN.zones[0]!.name.slice(0, 2)}`, `e2eiso2,冒名学校二,初中,${XISHAN.zones[1]!.code}`]),
  users: csv('users.csv', [
    '用户名,姓名,角色,学校代码,片区',
    'dongcheng.e2eiso1,冒名联络员,联络员,xs01,',
    `dongcheng.e2eiso2,冒名督导,督导评估人员,,${XISHAN.zones[0]!.code}`,
    'xishan.eval,冒名督导,督导评估人员,,',
  ]),
  holidays: csv('holidays.csv', ['日期,名称,区县', '2026-02-30,不存在的日子,xishan']),
};

/** An import report may quote the file's own cells (here B's user name the attacker typed); nothing else of B. */
const IMPORT_FORBID = B_STRINGS.filter((s) => s !== `${XISHAN.code}.`);

/** NDJSON lines of an import answer. */
const ndjson = (r: Reply) =>
  r.text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Every school code in a JSON answer belongs to A. */
function onlyACodes(r: Reply): void {
  const codes = [...r.text.matchAll(/"(?:code|school)":"([^"]+)"/g)].map((m) => m[1]!);
  for (const c of codes) expect(c.startsWith('xs'), `B school code ${c} in ${r.text.slice(0, 200)}`).toBe(false);
}

// ---------------------------------------------------------------------------------------------
// The matrix: one case per page and route handler.

const CASES: Case[] = [
  // ---- district admin ----
  {
    key: 'page /admin',
    why: 'A’s settings; B’s district id in the query changes nothing',
    probes: (w) => [{ path: `/admin?year=2026&district=${w.ids.district}`, as: gate(ADMIN, 'shell', 404, 'login') }],
  },
  {
    key: 'page /admin/audit',
    why: 'audit filter by B’s user id: only A’s entries (none for that actor)',
    probes: (w) => [
      { path: `/admin/audit?actor=${w.ids.user}`, as: gate(ADMIN, 'shell', 404, 'login'), check: (r) => expect(r.text).not.toContain('data-entity=') },
      { path: `/admin/audit?entity=school&district=${w.ids.district}`, as: gate(ADMIN, 'shell', 404, 'login') },
    ],
  },
  {
    key: 'route /admin/audit/export',
    why: 'CSV of the audit log filtered by B’s user id: no B rows',
    probes: (w) => [
      {
        path: `/admin/audit/export?actor=${w.ids.user}`,
        as: gate(ADMIN, 200, 404, 'login'),
        check: (r, a) => {
          if (a === 'admin') expect(Papa.parse(r.text.replace(/^\uFEFF/, '').trim()).data).toHaveLength(1); // the header row only
        },
      },
      { path: `/admin/audit/export?entity=user&district=${w.ids.district}`, as: gate(ADMIN, 200, 404, 'login') },
    ],
  },
  {
    key: 'page /admin/checklist',
    why: 'A’s checklist; B’s district id in the query changes nothing',
    probes: (w) => [{ path: `/admin/checklist?year=2026&version=1&district=${w.ids.district}`, as: gate(ADMIN, 'shell', 404, 'login') }],
  },
  {
    key: 'route /admin/checklist/export',
    why: 'A’s checklist file; B’s district id in the query changes nothing',
    probes: (w) => [{ path: `/admin/checklist/export?year=2026&version=1&format=json&district=${w.ids.district}`, as: gate(ADMIN, 200, 404, 'login') }],
  },
  {
    key: 'page /admin/checklist/item',
    why: 'an item of A’s checklist; B’s district id in the query changes nothing',
    probes: (w) => [{ path: `/admin/checklist/item?year=2026&code=M01&district=${w.ids.district}`, as: gate(ADMIN, 'shell', 404, 'login') }],
  },
  {
    key: 'page /admin/holidays',
    why: 'A’s holidays; B’s district id in the query changes nothing',
    probes: (w) => [{ path: `/admin/holidays?year=2026&district=${w.ids.district}`, as: gate(ADMIN, 'shell', 404, 'login') }],
  },
  {
    key: 'route /admin/import/[kind]',
    why: 'imports naming B’s schools, zones and users: every row refused, nothing written (preview and commit); other roles 403',
    probes: () =>
      (['schools', 'users', 'holidays'] as const).flatMap((kind): Probe[] => [
        {
          method: 'POST',
          path: `/admin/import/${kind}?step=preview`,
          headers: IMPORT_HEADERS,
          multipart: { file: IMPORT_FILES[kind] },
          as: gate(ADMIN, 200, 403, 'login'),
          forbid: IMPORT_FORBID,
          check: (r, a) => {
            if (a !== 'admin') return;
            const [preview] = ndjson(r);
            expect(preview).toMatchObject({ type: 'preview', valid: 0 });
            expect((preview!.issues as unknown[]).length).toBeGreaterThan(0);
          },
        },
        {
          method: 'POST',
          path: `/admin/import/${kind}?step=commit`,
          headers: IMPORT_HEADERS,
          multipart: { file: IMPORT_FILES[kind] },
          as: gate(ADMIN, 200, 403, 'login'),
          forbid: IMPORT_FORBID,
          check: (r, a) => {
            if (a !== 'admin') return;
            expect(ndjson(r).at(-1)).toMatchObject({ type: 'result', status: 'invalid' });
          },
        },
      ]),
  },
  {
    key: 'route /admin/import/[kind]/template',
    why: 'import templates list A’s zones and schools only',
    probes: (w) => (['schools', 'users', 'holidays'] as const).map((kind) => ({ path: `/admin/import/${kind}/template?format=xlsx&district=${w.ids.district}`, as: gate(ADMIN, 200, 404, 'login') })),
  },
  {
    key: 'page /admin/reminders',
    why: 'A’s reminder settings, channels and delivery log; B’s district id in the query changes nothing',
    probes: (w) => [{ path: `/admin/reminders?district=${w.ids.district}`, as: gate(ADMIN, 'shell', 404, 'login') }],
  },
  {
    key: 'page /admin/schools',
    why: 'school list filtered by B’s zone id and B’s code prefix: no rows',
    probes: (w) => [
      { path: `/admin/schools?zone=${w.ids.zone}`, as: gate(ADMIN, 'shell', 404, 'login'), check: (r) => expect(r.text).not.toContain('data-school=') },
      { path: '/admin/schools?q=xs0', as: gate(ADMIN, 'shell', 404, 'login'), check: (r) => expect(r.text).not.toContain('data-school=') },
    ],
  },
  {
    key: 'page /admin/schools/[id]',
    why: 'B’s school by id',
    probes: (w) => [{ path: `/admin/schools/${w.ids.school}`, as: allRoles(404, 'login') }],
  },
  {
    key: 'page /admin/surveys',
    why: 'A’s surveys; B’s ids in the query change nothing',
    probes: (w) => [{ path: `/admin/surveys?year=2026&school=${w.ids.schoolXs01}&district=${w.ids.district}`, as: gate(ADMIN, 'shell', 404, 'login') }],
  },
  {
    key: 'page /admin/surveys/print/[batchId]',
    why: 'B’s survey code batch (the codes are bearer capabilities)',
    school: true,
    probes: (w) => [
      { path: `/admin/surveys/print/${w.ids.batch}`, as: allRoles(404, 'login'), check: (r) => expect(r.text).not.toContain('data-code=') },
      { path: `/admin/surveys/print/${w.ids.dc01Batch}`, as: { dc02: 404 }, forbid: w.forbidDc01 },
    ],
  },
  {
    key: 'page /admin/users',
    why: 'A’s users only; B’s ids in the query change nothing',
    probes: (w) => [{ path: `/admin/users?district=${w.ids.district}&zone=${w.ids.zone}`, as: gate(ADMIN, 'shell', 404, 'login') }],
  },
  {
    key: 'page /admin/users/[id]',
    why: 'B’s user by id',
    probes: (w) => [{ path: `/admin/users/${w.ids.user}`, as: allRoles(404, 'login') }],
  },
  {
    key: 'page /admin/zones',
    why: 'A’s zones only',
    probes: (w) => [{ path: `/admin/zones?district=${w.ids.district}`, as: gate(ADMIN, 'shell', 404, 'login') }],
  },
  {
    key: 'page /admin/zones/[id]',
    why: 'B’s zone by id',
    probes: (w) => [{ path: `/admin/zones/${w.ids.zone}`, as: allRoles(404, 'login') }],
  },

  // ---- coordinator ----
  {
    key: 'page /school',
    why: 'the coordinator’s own school, whatever school id the query names',
    probes: (w) => [{ path: `/school?q=2026-Q4&school=${w.ids.schoolXs01}`, as: gate(COORD, 'shell', 404, 'login') }],
  },
  {
    key: 'page /school/disclosures/[id]',
    why: 'B’s disclosure by id; dc01’s disclosure as dc02',
    school: true,
    probes: (w) => [
      { path: `/school/disclosures/${w.ids.disclosure}`, as: allRoles(404, 'login') },
      { path: `/school/disclosures/${w.ids.dc01Disclosure}`, as: { dc02: 404 }, forbid: w.forbidDc01 },
    ],
  },
  {
    key: 'page /school/disclosures/new',
    why: 'a new disclosure is always for the coordinator’s own school; B’s ids in the query change nothing',
    probes: (w) => [{ path: `/school/disclosures/new?item=M01&period=2026-11&school=${w.ids.schoolXs01}&id=${w.ids.disclosure}`, as: gate(COORD, 'shell', 404, 'login') }],
  },
  {
    key: 'route /school/evidence',
    why: 'uploads against B’s disclosure and, as dc02, against dc01’s. An id not found in the caller’s own district is indistinguishable from the id of a form not saved yet (by design, ids cannot be probed): the file is stored for the uploader’s own school and never reaches B — B’s disclosure keeps its evidence, B’s audit log is unchanged, and the end-of-run check expects exactly this one write in A',
    school: true,
    probes: (w) => {
      const upload = (ownerId: string): Pick<Probe, 'method' | 'path' | 'headers' | 'data'> => ({
        method: 'POST',
        path: `/school/evidence?ownerType=disclosure&ownerId=${ownerId}&name=${encodeURIComponent('公开栏照片.png')}`,
        headers: { origin: w.baseURL, 'content-type': 'image/png' },
        data: pngFile().buffer,
      });
      return [
        {
          ...upload(w.ids.disclosure),
          as: { admin: 403, eval: 403, evalZ1: 403, leader: 403, dc01: 201, anon: 'login' },
          check: async (r, a) => {
            if (a !== 'dc01') return;
            w.expectedAWrites.push({ entity: 'evidence', action: 'create', actor: USERS.dc01, ownerId: w.ids.disclosure });
            const id = (JSON.parse(r.text) as { evidence: { id: string } }).evidence.id;
            // Stored for dc01’s own school: dc01 may open it, B’s coordinator may not.
            expect((await w.ctx.dc01.get(`/files/${id}`)).status()).toBe(200);
            expect((await w.owner.xs01.get(`/files/${id}`)).status()).toBe(404);
          },
        },
        { ...upload(w.ids.dc01Disclosure), as: { dc02: 404 }, forbid: w.forbidDc01 },
      ];
    },
  },
  {
    key: 'page /school/events',
    why: 'the coordinator’s own school, whatever school id the query names',
    probes: (w) => [{ path: `/school/events?q=2026-Q4&school=${w.ids.schoolXs01}`, as: gate(COORD, 'shell', 404, 'login') }],
  },
  {
    key: 'page /school/findings',
    why: 'the coordinator’s own findings; B’s finding id in the query changes nothing',
    probes: (w) => [{ path: `/school/findings?finding=${w.ids.finding}`, as: gate(COORD, 'shell', 404, 'login') }],
  },
  {
    key: 'page /school/history',
    why: 'the coordinator’s own history',
    probes: (w) => [{ path: `/school/history?school=${w.ids.schoolXs01}`, as: gate(COORD, 'shell', 404, 'login') }],
  },
  {
    key: 'page /school/report',
    why: 'the coordinator’s own report; B’s report id in the query changes nothing',
    probes: (w) => [{ path: `/school/report?q=2026-Q3&report=${w.ids.report}`, as: gate(COORD, 'shell', 404, 'login') }],
  },
  {
    key: 'page /school/surveys',
    why: 'the coordinator’s own batches',
    probes: (w) => [{ path: `/school/surveys?year=2026&school=${w.ids.schoolXs01}`, as: gate(COORD, 'shell', 404, 'login') }],
  },
  {
    key: 'page /school/surveys/print/[batchId]',
    why: 'B’s code batch; dc01’s batch as dc02',
    school: true,
    probes: (w) => [
      { path: `/school/surveys/print/${w.ids.batch}`, as: allRoles(404, 'login'), check: (r) => expect(r.text).not.toContain('data-code=') },
      { path: `/school/surveys/print/${w.ids.dc01Batch}`, as: { dc02: 404 }, forbid: w.forbidDc01, check: (r) => expect(r.text).not.toContain('data-code=') },
    ],
  },

  {
    key: 'page /school/summary',
    why: 'the annual summary of the coordinator’s own school, whatever school id the query names; dc02 sees its own school’s, nothing of dc01',
    school: true,
    probes: (w) => [
      { path: `/school/summary?year=2025&school=${w.ids.schoolXs01}`, as: gate(COORD, 'shell', 404, 'login') },
      { path: `/school/summary?year=2025&school=${w.ids.school}`, as: { dc02: 'shell' }, forbid: w.forbidDc01 },
    ],
  },
  {
    key: 'page /school/summary/print',
    why: 'the print page of the coordinator’s own summary; B’s school id in the query changes nothing',
    school: true,
    probes: (w) => [
      { path: `/school/summary/print?year=2025&school=${w.ids.schoolXs01}`, as: gate(COORD, 200, 404, 'login'), check: (r, a) => void (a === 'dc01' && expect(r.text).toContain(DC01_NAME)) },
      { path: '/school/summary/print?year=2025', as: { dc02: 200 }, forbid: w.forbidDc01 },
    ],
  },
  {
    key: 'route /school/summary/docx',
    why: 'the Word file of the coordinator’s own summary (its XML searched for B’s and, as dc02, dc01’s names); other roles 403',
    school: true,
    probes: () => [
      { path: '/school/summary/docx?year=2025', as: gate(COORD, 200, 403, 'login'), check: (r, a) => void (a === 'dc01' && expect(r.text).toContain(DC01_NAME)) },
      { path: '/school/summary/docx?year=2025', as: { dc02: 200 }, forbid: [DC01_NAME] },
    ],
  },

  // ---- evaluator / leader ----
  {
    key: 'page /review',
    why: 'the work queue across quarters: A’s schools only, whatever ids the query names',
    probes: (w) => [{ path: `/review?show=review&school=${w.ids.schoolXs01}&finding=${w.ids.finding}`, as: gate(READERS, 'shell', 404, 'login') }],
  },
  {
    key: 'page /review/quarters',
    why: 'the quarterly review queue filtered by B’s zone id: A’s figures only',
    probes: (w) => [{ path: `/review/quarters?year=2026&quarter=3&zone=${w.ids.zone}&school=${w.ids.schoolXs01}`, as: gate(READERS, 'shell', 404, 'login') }],
  },
  {
    key: 'route /review/export/matrix',
    why: 'the coverage matrix XLSX filtered by B’s zone id: no B rows',
    probes: (w) => [{ path: `/review/export/matrix?year=2026&quarter=3&zone=${w.ids.zone}`, as: gate(READERS, 200, 403, 'login') }],
  },
  {
    key: 'route /review/export/schools',
    why: 'the school table XLSX filtered by B’s zone id: no B rows',
    probes: (w) => [{ path: `/review/export/schools?year=2026&quarter=3&zone=${w.ids.zone}`, as: gate(READERS, 200, 403, 'login') }],
  },
  {
    key: 'page /review/findings',
    why: 'A’s findings only; B’s ids in the query change nothing',
    probes: (w) => [{ path: `/review/findings?status=all&school=${w.ids.schoolXs01}&finding=${w.ids.finding}`, as: gate(READERS, 'shell', 404, 'login') }],
  },
  {
    key: 'page /review/findings/[id]',
    why: 'B’s finding by id',
    probes: (w) => [{ path: `/review/findings/${w.ids.finding}`, as: allRoles(404, 'login') }],
  },
  {
    key: 'page /review/matrix',
    why: 'the matrix with B’s zone id, and a cell of B’s school opened by id: “not found” in the cell, A’s rows only',
    probes: (w) => [
      {
        path: `/review/matrix?year=2026&quarter=3&zone=${w.ids.zone}&school=${w.ids.schoolXs01}&item=M01`,
        as: gate(READERS, 'shell', 404, 'login'),
        check: (r) => expect(r.text).not.toContain('data-testid="cell-detail"'),
      },
    ],
  },
  {
    key: 'page /review/ranking',
    why: 'A’s ranking; B’s zone id in the query changes nothing',
    probes: (w) => [{ path: `/review/ranking?year=2025&zone=${w.ids.zone}&view=live`, as: gate(READERS, 'shell', 404, 'login') }],
  },
  {
    key: 'route /review/ranking/export',
    why: 'A’s ranking XLSX; B’s zone id in the query changes nothing',
    probes: (w) => [{ path: `/review/ranking/export?year=2025&view=live&zone=${w.ids.zone}`, as: gate(READERS, 200, 404, 'login') }],
  },
  {
    key: 'page /review/reports/[id]',
    why: 'B’s quarterly report by id; dc01’s report as dc02',
    school: true,
    probes: (w) => [
      { path: `/review/reports/${w.ids.report}`, as: allRoles(404, 'login') },
      { path: `/review/reports/${w.ids.dc01Report}`, as: { dc02: 404 }, forbid: w.forbidDc01 },
    ],
  },
  {
    key: 'page /review/schools/[id]',
    why: 'B’s school profile by id',
    probes: (w) => [{ path: `/review/schools/${w.ids.schoolXs01}`, as: allRoles(404, 'login') }],
  },
  {
    key: 'page /review/schools/[id]/summary',
    why: 'the annual summary of B’s school by id',
    probes: (w) => [{ path: `/review/schools/${w.ids.schoolXs01}/summary?year=2025`, as: allRoles(404, 'login') }],
  },
  {
    key: 'page /review/schools/[id]/summary/print',
    why: 'the print page of B’s school’s summary by id',
    probes: (w) => [{ path: `/review/schools/${w.ids.schoolXs01}/summary/print?year=2025`, as: allRoles(404, 'login') }],
  },
  {
    key: 'route /review/schools/[id]/summary/docx',
    why: 'the Word file of B’s school’s summary by id: 404 for readers, 403 for other roles',
    probes: (w) => [{ path: `/review/schools/${w.ids.schoolXs01}/summary/docx?year=2025`, as: { admin: 403, eval: 404, evalZ1: 404, leader: 404, dc01: 403, anon: 'login' } }],
  },
  {
    key: 'page /review/documents',
    why: 'A’s 通报 and annual report; B’s district id in the query changes nothing; a zone evaluator gets a notice, not district figures',
    probes: (w) => [
      { path: `/review/documents?doc=quarterly&q=2026-3&district=${w.ids.district}`, as: gate(READERS, 'shell', 404, 'login') },
      {
        path: `/review/documents?doc=annual&year=2025&district=${w.ids.district}`,
        as: gate(READERS, 'shell', 404, 'login'),
        check: (r, a) => {
          if (a === 'evalZ1') expect(r.text).toContain('data-testid="zone-only"');
          if (a === 'eval' || a === 'leader') expect(r.text).toContain('data-testid="document"');
        },
      },
    ],
  },
  {
    key: 'page /review/documents/quarterly/print',
    why: 'A’s 通报 on A4; zone evaluators and other roles 404; B’s district id changes nothing',
    probes: (w) => [{ path: `/review/documents/quarterly/print?year=2026&quarter=3&district=${w.ids.district}`, as: { admin: 404, eval: 200, evalZ1: 404, leader: 200, dc01: 404, anon: 'login' } }],
  },
  {
    key: 'page /review/documents/annual/print',
    why: 'A’s annual report on A4; zone evaluators and other roles 404; B’s district id changes nothing',
    probes: (w) => [{ path: `/review/documents/annual/print?year=2025&district=${w.ids.district}`, as: { admin: 404, eval: 200, evalZ1: 404, leader: 200, dc01: 404, anon: 'login' } }],
  },
  {
    key: 'route /review/documents/quarterly/docx',
    why: 'A’s 通报 as a Word file; zone evaluators and other roles 403; a parameter naming B is refused (400)',
    probes: (w) => [
      { path: '/review/documents/quarterly/docx?year=2026&quarter=3', as: { admin: 403, eval: 200, evalZ1: 403, leader: 200, dc01: 403, anon: 'login' } },
      { path: `/review/documents/quarterly/docx?year=2026&quarter=3&district=${w.ids.district}`, as: { eval: 400, leader: 400 } },
    ],
  },
  {
    key: 'route /review/documents/annual/docx',
    why: 'A’s annual report as a Word file; zone evaluators and other roles 403',
    probes: () => [{ path: '/review/documents/annual/docx?year=2025', as: { admin: 403, eval: 200, evalZ1: 403, leader: 200, dc01: 403, anon: 'login' } }],
  },
  {
    key: 'page /review/surveys',
    why: 'survey results of B’s school by code: not found; with B’s zone id: A’s results only',
    probes: (w) => [
      { path: '/review/surveys?year=2025&school=xs01', as: allRoles(404, 'login') },
      { path: `/review/surveys?year=2025&zone=${w.ids.zone}`, as: gate(READERS, 'shell', 404, 'login') },
    ],
  },
  {
    key: 'route /review/surveys/export',
    why: 'A’s survey results XLSX; a school parameter is refused (400), not used',
    probes: () => [
      { path: '/review/surveys/export?year=2025', as: gate(READERS, 200, 404, 'login') },
      { path: '/review/surveys/export?year=2025&school=xs01', as: gate(READERS, 400, 400, 'login') },
    ],
  },
  {
    key: 'page /overview',
    why: 'the leader’s dashboard of A; B’s ids in the query change nothing',
    probes: (w) => [{ path: `/overview?year=2025&zone=${w.ids.zone}&district=${w.ids.district}`, as: gate(['leader'], 'shell', 404, 'login') }],
  },

  // ---- platform (no district role may enter) ----
  {
    key: 'page /platform',
    why: 'platform administration: no district role',
    probes: (w) => [{ path: `/platform?district=${w.ids.district}`, as: allRoles(404, 'login') }],
  },
  {
    key: 'page /platform/ranking',
    why: 'the province ranking (every district): platform admins only',
    probes: () => [{ path: '/platform/ranking?year=2025&district=xishan', as: allRoles(404, 'login') }],
  },
  {
    key: 'route /api/v1/province/rankings',
    why: 'the province ranking as JSON: platform admins only (no district role, no district token)',
    probes: () => [{ path: '/api/v1/province/rankings?year=2025&district=xishan', as: { ...allRoles(403, 401), evalToken: 401, evalZ1Token: 401, leaderToken: 401 } }],
  },
  {
    key: 'page /platform/templates',
    why: 'platform templates: no district role',
    probes: () => [{ path: '/platform/templates', as: allRoles(404, 'login') }],
  },
  {
    key: 'page /platform/templates/[id]',
    why: 'a platform template by id: no district role',
    probes: (w) => [{ path: `/platform/templates/${w.ids.template}`, as: allRoles(404, 'login') }],
  },
  {
    key: 'route /platform/templates/[id]/export',
    why: 'a platform template file: no district role',
    probes: (w) => [{ path: `/platform/templates/${w.ids.template}/export?format=json`, as: allRoles(404, 'login') }],
  },
  {
    key: 'page /platform/templates/[id]/item',
    why: 'a platform template item: no district role',
    probes: (w) => [{ path: `/platform/templates/${w.ids.template}/item?code=M01`, as: allRoles(404, 'login') }],
  },

  // ---- account ----
  {
    key: 'page /account/password',
    why: 'the signed-in user’s own account; B’s user id in the query changes nothing',
    probes: (w) => [{ path: `/account/password?user=${w.ids.user}`, as: allRoles('shell', 'login') }],
  },
  {
    key: 'page /account/notifications',
    why: 'the signed-in user’s own reminder channels; B’s user id in the query changes nothing',
    probes: (w) => [{ path: `/account/notifications?user=${w.ids.user}`, as: allRoles('shell', 'login') }],
  },
  {
    key: 'page /inbox',
    why: 'the signed-in user’s own messages; B’s user id in the query changes nothing',
    probes: (w) => [{ path: `/inbox?user=${w.ids.user}&page=1`, as: allRoles('shell', 'login') }],
  },
  {
    key: 'page /account/tokens',
    why: 'the signed-in reader’s own tokens; B’s user id in the query changes nothing',
    probes: (w) => [{ path: `/account/tokens?user=${w.ids.user}`, as: gate(READERS, 'shell', 404, 'login') }],
  },
  {
    key: 'route /api/auth/[...nextauth]',
    why: 'sign-in endpoints (public by nature): the session names only its own user; a session update (POST) carrying B’s user id does not change whose session it is',
    probes: (w) => {
      const ownSession = (r: Reply, a: Actor) => {
        if (a === 'anon') return expect(r.text.trim()).toBe('{}');
        expect(JSON.parse(r.text).user?.name).toBe(w.names[a]);
        expect(r.text).not.toContain(w.ids.user);
      };
      return [
        { path: '/api/auth/session', as: allRoles(200, 200), check: ownSession },
        {
          method: 'POST',
          path: '/api/auth/session',
          headers: { 'content-type': 'application/json' },
          body: async (a) => {
            const { csrfToken } = (await (await w.ctx[a].get('/api/auth/csrf')).json()) as { csrfToken: string };
            return { csrfToken, data: { uid: w.ids.user, user: { name: XISHAN.people.eval } } };
          },
          as: allRoles(200, 200),
          forbid: w.forbidB.filter((s) => s !== XISHAN.people.eval),
          check: async (_r, a) => {
            // Whatever the POST answered, the session is still the caller's own.
            const again = await w.ctx[a].get('/api/auth/session');
            ownSession(await decode(again), a);
          },
        },
      ];
    },
  },

  // ---- read API: session and Bearer token ----
  {
    key: 'route /api/v1/checklist',
    why: 'A’s checklist; extra parameters naming B are refused (400)',
    probes: () => [
      { path: '/api/v1/checklist?year=2026', as: { ...gate(READERS, 200, 403, 401), evalToken: 200, evalZ1Token: 200, leaderToken: 200 } },
      { path: '/api/v1/checklist?year=2026&district=xishan', as: { ...gate(READERS, 400, 400, 401), evalToken: 400, evalZ1Token: 400, leaderToken: 400 } },
    ],
  },
  {
    key: 'route /api/v1/disclosures',
    why: 'disclosures of B’s school by code: 404',
    probes: () => [{ path: '/api/v1/disclosures?year=2026&quarter=4&school=xs01', as: { ...gate(READERS, 404, 403, 401), evalToken: 404, evalZ1Token: 404, leaderToken: 404 } }],
  },
  {
    key: 'route /api/v1/events',
    why: 'events of B’s school by code: 404',
    probes: () => [{ path: '/api/v1/events?year=2026&school=xs01', as: { ...gate(READERS, 404, 403, 401), evalToken: 404, evalZ1Token: 404, leaderToken: 404 } }],
  },
  {
    key: 'route /api/v1/metrics/schools',
    why: 'school metrics: A’s schools only',
    probes: () => [{ path: '/api/v1/metrics/schools?year=2026&quarter=3', as: { ...gate(READERS, 200, 403, 401), evalToken: 200, evalZ1Token: 200, leaderToken: 200 }, check: onlyACodes }],
  },
  {
    key: 'route /api/v1/rankings',
    why: 'the ranking: A’s schools only',
    probes: () => [{ path: '/api/v1/rankings?year=2025', as: { ...gate(READERS, 200, 403, 401), evalToken: 200, evalZ1Token: 200, leaderToken: 200 }, check: onlyACodes }],
  },
  {
    key: 'route /api/v1/surveys/results',
    why: 'survey results of B’s school by code: 404',
    probes: () => [
      { path: '/api/v1/surveys/results?year=2025&school=xs01', as: { ...gate(READERS, 404, 403, 401), evalToken: 404, evalZ1Token: 404, leaderToken: 404 } },
      { path: '/api/v1/surveys/results?year=2025', as: { ...gate(READERS, 200, 403, 401), evalToken: 200, evalZ1Token: 200, leaderToken: 200 }, check: onlyACodes },
    ],
  },

  // ---- evidence files ----
  {
    key: 'route /files/[id]',
    why: 'B’s evidence file (of an internal disclosure, so not public) by id; dc01’s file as dc02',
    school: true,
    probes: (w) => [
      { path: `/files/${w.ids.file}`, as: allRoles(404, 'login') },
      { path: `/files/${w.ids.file}?download=1`, as: allRoles(404, 'login') },
      { path: `/files/${w.ids.dc01File}`, as: { dc02: 404 }, forbid: w.forbidDc01 },
    ],
  },

  // ---- public pages: no login by design ----
  {
    key: 'page /',
    why: 'the entry: a redirect to the caller’s own home (or to sign in), whatever the query names',
    probes: (w) => [{ path: `/?district=${XISHAN.code}&school=${w.ids.schoolXs01}`, as: { ...allRoles('home', 'login') } }],
  },
  {
    key: 'page /login',
    why: 'public sign-in form; a signed-in user is sent home, never to a callback URL naming B’s resources',
    probes: (w) => [{ path: `/login?callbackUrl=${encodeURIComponent(`/admin/users/${w.ids.user}`)}`, as: allRoles('home', 200) }],
  },
  {
    key: 'route /api/health',
    why: 'public liveness probe: status and database kind only',
    probes: () => [{ path: '/api/health', as: allRoles(200, 200), check: (r) => expect(Object.keys(JSON.parse(r.text)).sort()).toEqual(['db', 'status']) }],
  },
  {
    key: 'page /notice/[district]/[year]',
    why: 'public 公示 of a published ranking only; B has published nothing, so its draft ranking is never shown (404 for everyone); B’s school code under A’s district code is not found either',
    probes: () => [
      { path: `/notice/${XISHAN.code}/2025`, as: allRoles(404, 404) },
      { path: `/notice/${XISHAN.code}/2026`, as: allRoles(404, 404) },
    ],
  },
  {
    key: 'page /notice/[district]/[year]/print',
    why: 'the printable 公示: same rule as the notice page',
    probes: () => [{ path: `/notice/${XISHAN.code}/2025/print`, as: allRoles(404, 404) }],
  },
  {
    key: 'page /p/[district]',
    why: 'the public index of a district’s schools (issue 14): B’s school names and zones are public by design and the same for everyone; never B’s staff or accounts, never a school of A — not even searched for by name',
    probes: () => [
      {
        path: `/p/${XISHAN.code}`,
        as: allRoles(200, 200),
        forbid: [...B_STAFF, `${XISHAN.code}.`, DC01_NAME],
        check: (r) => {
          expect(r.text).toContain(XS01_NAME);
          expect(r.text).not.toMatch(/data-school="dc\d/);
        },
      },
      { path: `/p/${XISHAN.code}?q=${encodeURIComponent(DC01_NAME)}`, as: allRoles(200, 200), forbid: [...B_STAFF, `${XISHAN.code}.`], check: (r) => expect(r.text).not.toContain('data-school=') },
      { path: '/p/no-such-district', as: allRoles(404, 404) },
    ],
  },
  {
    key: 'page /p/[district]/[school]',
    why: 'public disclosures of a school for parents: B’s page is public by design and the same for everyone (signed in as A or not), showing only external/both disclosures — never an internal item, never the evidence of an internal disclosure, never other B schools or staff; B’s school under A’s district code is not found',
    probes: (w) => {
      let anonItems: string[] | null = null;
      const items = (r: Reply) => [...r.text.matchAll(/data-testid="public-disclosure" data-item="([^"]+)"/g)].map((m) => m[1]!);
      return [
        {
          path: `/p/${XISHAN.code}/xs01`,
          as: allRoles(200, 200),
          forbid: w.forbidBPublic,
          check: async (r) => {
            expect(r.text).toContain(XS01_NAME);
            expect(r.text).not.toContain(w.ids.file);
            const shown = items(r);
            expect(shown.length).toBeGreaterThan(0);
            for (const code of w.xs01InternalItems) expect(shown, `internal item ${code} on the public page`).not.toContain(code);
            anonItems ??= items(await decode(await w.ctx.anon.get(`/p/${XISHAN.code}/xs01`)));
            expect(shown).toEqual(anonItems);
          },
        },
        { path: `/p/${DONGCHENG.code}/xs01`, as: allRoles(404, 404) },
      ];
    },
  },
  {
    key: 'route /p/[district]/[school]/files/[id]',
    why: 'public evidence of public disclosures only: B’s file of an internal disclosure is not found for anyone, under B’s or A’s codes',
    probes: (w) => [
      { path: `/p/${XISHAN.code}/xs01/files/${w.ids.file}`, as: allRoles(404, 404) },
      { path: `/p/${DONGCHENG.code}/dc01/files/${w.ids.file}`, as: allRoles(404, 404) },
    ],
  },
  {
    key: 'page /s',
    why: 'public code entry: a code is only forwarded to its own survey page',
    probes: (w) => [{ path: `/s?code=${w.ids.code}`, as: allRoles(307, 307), check: (r) => expect(pathOnly(r.location ?? '')).toBe(`/s/${w.ids.code}`) }],
  },
  {
    key: 'page /s/[code]',
    why: 'public survey form: a printed code is a bearer capability for one school’s questionnaire (its name shows by design); nothing else of B — no other schools, zones or staff',
    probes: (w) => [{ path: `/s/${w.ids.code}`, as: allRoles(200, 200), forbid: w.forbidBPublic, check: (r) => expect(r.text).toContain(XS01_NAME) }],
  },
];

// ---------------------------------------------------------------------------------------------
// Set-up: sign in once per user, find B’s ids (seed ids are deterministic; the others come from
// B’s own users through the app), upload one evidence file for B and one for dc01, create A’s
// API tokens, and read the "before" snapshot.

async function signedIn(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, username?: string): Promise<APIRequestContext> {
  const ctx = await playwright.request.newContext({ baseURL });
  if (username) await signInApi(ctx, username);
  return ctx;
}

async function json<T>(ctx: APIRequestContext, path: string): Promise<T> {
  const res = await ctx.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

interface ApiDisclosure {
  id: string;
  school: string;
  item: string;
  audience: string;
  status: string;
}

async function pickDisclosure(ctx: APIRequestContext, school: string): Promise<ApiDisclosure> {
  const { disclosures } = await json<{ disclosures: ApiDisclosure[] }>(ctx, `/api/v1/disclosures?year=2026&quarter=4&school=${school}`);
  const pick = disclosures.find((d) => d.audience === 'internal' && d.status === 'accepted');
  expect(pick, `an internal Q4 2026 disclosure of ${school}`).toBeTruthy();
  return pick!;
}

async function uploadEvidence(ctx: APIRequestContext, baseURL: string, ownerId: string): Promise<string> {
  const res = await ctx.post(`/school/evidence?ownerType=disclosure&ownerId=${ownerId}&name=${encodeURIComponent('内部材料.png')}`, {
    headers: { origin: baseURL, 'content-type': 'image/png' },
    data: pngFile().buffer,
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { evidence: { id: string } }).evidence.id;
}

async function createToken(browser: Browser, ctx: APIRequestContext, name: string): Promise<string> {
  const context = await browser.newContext({ storageState: await ctx.storageState() });
  try {
    return await new TokensPage(await context.newPage()).create(name);
  } finally {
    await context.close();
  }
}

function auditRows(csvText: string): AuditRow[] {
  const rows = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, '').trim()).data.slice(1);
  return rows.map((r) => ({ line: JSON.stringify(r), actor: r[1] ?? '', entity: r[4] ?? '', action: r[6] ?? '', after: r[8] ?? '' }));
}

async function text(ctx: APIRequestContext, path: string): Promise<string> {
  const res = await ctx.get(path);
  expect(res.status(), path).toBe(200);
  return res.text();
}

async function snapshot(w: Pick<World, 'ctx' | 'owner' | 'ids'>): Promise<Snapshot> {
  const b: Record<string, string> = {};
  for (const path of [
    '/api/v1/disclosures?year=2026',
    '/api/v1/events?year=2026',
    '/api/v1/metrics/schools?year=2026&quarter=4',
    '/api/v1/checklist?year=2026',
    '/api/v1/rankings?year=2025',
    '/api/v1/surveys/results?year=2026',
  ])
    b[path] = await text(w.owner.xsEval, path);
  const page = await text(w.owner.xs01, `/school/disclosures/${w.ids.disclosure}`);
  b['evidence of B’s disclosure'] = String(page.split('data-testid="evidence-item"').length - 1);
  return {
    auditA: auditRows(await text(w.ctx.admin, '/admin/audit/export')),
    auditB: auditRows(await text(w.owner.xsAdmin, '/admin/audit/export')),
    b,
  };
}

let world: World | null = null;

test.describe('isolation matrix', () => {
  test('every page and route handler has a case, every case a route, every exported method a probe', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const keys = new Set(routes.map(routeKey));
    const cased = new Map(CASES.map((c) => [c.key, c]));
    const missing = [...keys].filter((k) => !cased.has(k));
    const stale = [...cased.keys()].filter((k) => !keys.has(k));
    expect(missing, 'routes without a case in e2e/isolation-matrix.spec.ts').toEqual([]);
    expect(stale, 'cases that match no page.tsx/route.ts').toEqual([]);
    expect(CASES.length, 'one case per route').toBe(cased.size);
    // Probes need ids, so methods are compared on a dummy world: the shape does not depend on values.
    const ids = new Proxy({}, { get: () => '00000000-0000-5000-8000-000000000000' }) as Ids;
    const dummy = { baseURL: 'http://127.0.0.1', ids, forbidB: [], forbidDc01: [], forbidBPublic: [], xs01InternalItems: [] } as unknown as World;
    for (const r of routes) {
      const c = cased.get(routeKey(r))!;
      const probed = new Set(c.probes(dummy).map((p) => p.method ?? 'GET'));
      expect([...probed].sort(), `${r.file} exports ${r.methods.join(', ')}`).toEqual([...r.methods].sort());
    }
  });

  test.describe('district A attacks district B', () => {
    test.beforeAll(async ({ playwright, browser }, info) => {
      info.setTimeout(180_000);
      const baseURL = info.project.use.baseURL!;
      const ctx = {} as Record<Actor, APIRequestContext>;
      const owner = {} as Record<Owner, APIRequestContext>;
      const names: Partial<Record<Actor, string>> = {};
      for (const a of ['admin', 'eval', 'evalZ1', 'leader', 'dc01', 'dc02'] as const) {
        ctx[a] = await signedIn(playwright, baseURL, USERS[a]);
        names[a] = (await json<{ user: { name: string } }>(ctx[a], '/api/auth/session')).user.name;
      }
      ctx.anon = await signedIn(playwright, baseURL);
      for (const t of TOKENS) ctx[t] = ctx.anon;
      for (const o of ['xsAdmin', 'xsEval', 'xs01', 'platform'] as const) owner[o] = await signedIn(playwright, baseURL, USERS[o]);

      const bDisclosure = await pickDisclosure(owner.xsEval, 'xs01');
      const dc01Disclosure = await pickDisclosure(ctx.eval, 'dc01');
      const batch = seedId(`batch/xishan/xs01/2026/parents`);
      const print = await text(owner.xs01, `/school/surveys/print/${batch}`);
      const code = /data-code="([A-Z0-9]+)"/.exec(print)?.[1];
      expect(code, 'a survey code on B’s print sheet').toBeTruthy();
      const ids: Ids = {
        district: seedId('district/xishan'),
        school: seedId('school/xishan/xs03'),
        schoolXs01: seedId('school/xishan/xs01'),
        user: seedId('user/xishan.eval'),
        zone: seedId(`zone/xishan/${XISHAN.zones[0]!.code}`),
        report: seedId('report/xishan/xs01/2026-Q3'),
        finding: seedId('finding/xishan/0'),
        disclosure: bDisclosure.id,
        batch,
        file: await uploadEvidence(owner.xs01, baseURL, bDisclosure.id),
        code: code!,
        template: seedId('template/default'),
        dc01Report: seedId('report/dongcheng/dc01/2026-Q3'),
        dc01Disclosure: dc01Disclosure.id,
        dc01Batch: seedId('batch/dongcheng/dc01/2026/parents'),
        dc01File: await uploadEvidence(ctx.dc01, baseURL, dc01Disclosure.id),
      };
      const tokens: Partial<Record<Actor, string>> = {
        evalToken: await createToken(browser, ctx.eval, 'e2e 隔离矩阵'),
        evalZ1Token: await createToken(browser, ctx.evalZ1, 'e2e 隔离矩阵'),
        leaderToken: await createToken(browser, ctx.leader, 'e2e 隔离矩阵'),
      };
      const { disclosures: xs01Year } = await json<{ disclosures: ApiDisclosure[] }>(owner.xsEval, '/api/v1/disclosures?year=2026&school=xs01');
      const internal = new Set(xs01Year.filter((d) => d.audience === 'internal').map((d) => d.item));
      for (const d of xs01Year) if (d.audience !== 'internal') internal.delete(d.item);
      const others = XISHAN.schools.filter((s) => s.code !== 'xs01').map((s) => s.name);
      const partial = { ctx, owner, ids };
      world = {
        baseURL,
        ...partial,
        tokens,
        names,
        // Besides the names: the ids of the evidence files, which a leaked disclosure page would list.
        forbidB: [...B_STRINGS, ids.file],
        forbidDc01: [DC01_NAME, ids.dc01File],
        forbidBPublic: [...others, ...XISHAN.zones.map((z) => z.name), ...B_STAFF, `${XISHAN.code}.`],
        xs01InternalItems: [...internal],
        before: await snapshot(partial),
        expectedAWrites: [],
      };
    });

    test.afterAll(async () => {
      if (!world) return;
      for (const c of new Set([...Object.values(world.ctx), ...Object.values(world.owner)])) await c.dispose();
      world = null;
    });

    test('positive controls: every target is real, and B’s names are found when B’s own users ask', async () => {
      const w = world!;
      const controls: [APIRequestContext, string, string][] = [
        [w.owner.xsAdmin, `/admin/schools/${w.ids.school}`, XISHAN.schools.find((s) => s.code === 'xs03')!.name],
        [w.owner.xsAdmin, `/admin/users/${w.ids.user}`, XISHAN.people.eval],
        [w.owner.xsAdmin, `/admin/zones/${w.ids.zone}`, XISHAN.zones[0]!.name],
        [w.owner.xsAdmin, `/admin/surveys/print/${w.ids.batch}`, XS01_NAME],
        [w.owner.xsAdmin, `/admin/audit/export?actor=${w.ids.user}&entity=user`, ''],
        [w.owner.xsEval, `/review/reports/${w.ids.report}`, XS01_NAME],
        [w.owner.xsEval, `/review/findings/${w.ids.finding}`, XISHAN.name],
        [w.owner.xsEval, `/review/schools/${w.ids.schoolXs01}`, XS01_NAME],
        [w.owner.xsEval, `/review/schools/${w.ids.schoolXs01}/summary?year=2025`, XS01_NAME],
        [w.owner.xsEval, `/review/matrix?year=2026&quarter=3&zone=${w.ids.zone}&school=${w.ids.schoolXs01}&item=M01`, 'data-testid="cell-detail"'],
        [w.owner.xsEval, `/review/quarters?year=2026&quarter=3&zone=${w.ids.zone}`, XS01_NAME],
        [w.owner.xsEval, '/review/export/schools?year=2026&quarter=3', XS01_NAME],
        [w.owner.xsEval, '/review/surveys?year=2025&school=xs01', XS01_NAME],
        [w.owner.xsEval, '/api/v1/disclosures?year=2026&quarter=4&school=xs01', w.ids.disclosure],
        [w.owner.xs01, `/school/disclosures/${w.ids.disclosure}`, 'data-testid="evidence-item"'],
        [w.owner.xs01, `/school/surveys/print/${w.ids.batch}`, XS01_NAME],
        [w.owner.xs01, `/files/${w.ids.file}`, ''],
        [w.owner.platform, `/platform/templates/${w.ids.template}`, ''],
        [w.ctx.dc01, `/school/disclosures/${w.ids.dc01Disclosure}`, 'data-testid="evidence-item"'],
        [w.ctx.dc01, `/review/reports/${w.ids.dc01Report}`, DC01_NAME],
        [w.ctx.dc01, `/school/surveys/print/${w.ids.dc01Batch}`, DC01_NAME],
        [w.ctx.dc01, `/files/${w.ids.dc01File}`, ''],
      ];
      for (const [ctx, path, needle] of controls) {
        const r = await decode(await ctx.get(path, { maxRedirects: 0 }));
        expect(r.status, path).toBe(200);
        if (needle) expect(r.text, path).toContain(needle);
      }
    });

    for (const c of CASES) {
      test(`${c.key}`, async () => {
        const w = world!;
        const probes = c.probes(w);
        const route = c.key.split(' ')[1]!;
        const actors = new Set(probes.flatMap((p) => Object.keys(p.as)));
        const required = [...BASE, ...(c.school ? ['dc02' as const] : []), ...(route.startsWith('/api/v1/') ? TOKENS : [])];
        expect(
          required.filter((a) => !actors.has(a)),
          `${c.key}: roles without a stated answer`,
        ).toEqual([]);
        for (const p of probes) expect(matchesPattern(route, p.path.split('?')[0]!), `${p.path} is an instance of ${route}`).toBe(true);
        const tasks = probes.flatMap((p) => (Object.entries(p.as) as [Actor, Outcome][]).map(([actor, outcome]) => ({ p, actor, outcome })));
        await pool(tasks, 3, ({ p, actor, outcome }) => verify(w, c, p, actor, outcome));
      });
    }

    test('nothing changed in the database: B’s audit log and data as before; A’s audit log only with the writes cases expect', async () => {
      const w = world!;
      const after = await snapshot(w);
      expect(after.b).toEqual(w.before.b);
      expect(after.auditB.length, 'B’s audit log entries').toBe(w.before.auditB.length);
      expect(after.auditB.map((r) => r.line)).toEqual(w.before.auditB.map((r) => r.line));
      // The CSV is newest first: A’s old entries are untouched, the new ones are exactly the expected writes.
      const added = after.auditA.slice(0, after.auditA.length - w.before.auditA.length);
      expect(after.auditA.slice(added.length).map((r) => r.line)).toEqual(w.before.auditA.map((r) => r.line));
      expect(added.map((r) => ({ entity: r.entity, action: r.action, actor: r.actor, ownerId: (JSON.parse(r.after || '{}') as { ownerId?: string }).ownerId })).reverse()).toEqual(w.expectedAWrites);
    });
  });
});
