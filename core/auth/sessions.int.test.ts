// Issue 13, "Sessions", on PGlite and PostgreSQL (SUNLIGHT_TEST_DB): a session cookie made the way
// next-auth makes it at sign-in, resolved by the real getScope() and next-auth's own session
// endpoint. Signing out, changing one's password, an admin's password reset and disabling the user
// end every session at once; a session ends 7 days after sign-in however active; a temporary
// password opens neither the read API nor the XLSX exports through the cookie path.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import type { NextAuthOptions } from 'next-auth';
import { harness, mocks } from '@/app/_testing/harness';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

vi.mock('server-only', () => mocks.serverOnly());
vi.mock('next/cache', () => mocks.nextCache());
vi.mock('next/navigation', () => mocks.nextNavigation());
vi.mock('next/headers', () => mocks.nextHeaders());
vi.mock('next-intl/server', () => mocks.nextIntlServer());
// getScope() reads the session cookie through next/headers' cookies(): the test's cookies.

const SECRET = 'sessions-int-test-secret-0123456789abcdef';

// next-auth's request handler behind /api/auth/* (not in its package exports).
interface InternalResponse {
  body?: unknown;
  cookies?: { name: string; value: string }[];
}
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as {
  AuthHandler: (params: { options: NextAuthOptions; req: Record<string, unknown> }) => Promise<InternalResponse>;
};
const COOKIE = 'next-auth.session-token';

async function sessionEndpoint(options: NextAuthOptions) {
  return AuthHandler({
    options: { ...options, secret: SECRET, providers: [] },
    req: { action: 'session', method: 'GET', cookies: Object.fromEntries(harness.cookies), headers: {} },
  });
}

let demo: SeededDemo;
let session: typeof import('./session');
let options: typeof import('./options');
let signIn: typeof import('./sign-in');
let account: typeof import('@/modules/org/data/account');
let admin: typeof import('@/modules/org/data/users-admin');
let tokens: typeof import('./tokens');

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_URL;
  demo = await seededDemo();
  session = await import('./session');
  options = await import('./options');
  signIn = await import('./sign-in');
  account = await import('@/modules/org/data/account');
  admin = await import('@/modules/org/data/users-admin');
  tokens = await import('./tokens');
});

afterAll(() => demo?.cleanup());

beforeEach(() => harness.cookies.clear());

/** Signs in as next-auth does: credentials check, then the jwt callback's token, encrypted into the cookie. */
async function cookieOf(username: string, password = 'Sunlight-2026', sat?: number): Promise<string> {
  const result = await signIn.checkCredentials(username, password, '192.0.2.10');
  if (!result.ok) throw new Error(`sign-in of ${username}: ${result.reason}`);
  const jwt = options.authOptions.callbacks!.jwt!;
  const token = await jwt({
    token: { name: result.displayName, sub: result.userId },
    user: { id: result.userId, name: result.displayName, sessionVersion: result.sessionVersion } as never,
    account: null,
  });
  return encode({ token: sat === undefined ? token : { ...token, sat }, secret: SECRET });
}

/** The caller a request with this cookie resolves to. */
async function scopeWith(cookie: string) {
  harness.cookies.clear();
  harness.cookies.set(COOKIE, cookie);
  return session.getScope();
}

/** The signed-in user behind the cookie, even one who must still change the password (only the password page accepts that). */
async function userWith(cookie: string) {
  harness.cookies.clear();
  harness.cookies.set(COOKIE, cookie);
  return session.currentUser();
}

/** next-auth's /api/auth/session with this cookie: the body, and whether it handed a token back. */
async function endpointWith(cookie: string) {
  harness.cookies.clear();
  harness.cookies.set(COOKIE, cookie);
  const r = await sessionEndpoint(options.authOptions);
  const reissued = (r.cookies ?? []).some((c) => c.name === COOKIE && c.value !== '');
  return { body: r.body as Record<string, unknown>, reissued };
}

async function signOutWith(cookie: string) {
  const { decode } = await import('next-auth/jwt');
  const token = await decode({ token: cookie, secret: SECRET });
  await options.authOptions.events!.signOut!({ token: token!, session: null as never });
}

describe('ending sessions', () => {
  it('a session resolves to its user until they sign out; then every copy of the cookie is dead', async () => {
    const cookie = await cookieOf('dongcheng.dc03');
    const other = await cookieOf('dongcheng.dc03'); // the same user in another browser
    expect((await scopeWith(cookie))?.username).toBe('dongcheng.dc03');
    expect((await endpointWith(cookie)).body).toHaveProperty('uid');
    await signOutWith(cookie);
    expect(await scopeWith(cookie)).toBeNull();
    expect(await scopeWith(other)).toBeNull();
    const after = await endpointWith(cookie);
    expect(after.body).toEqual({});
    expect(after.reissued, '/api/auth/session must not renew a revoked cookie').toBe(false);
    // Signing in again gives a working session.
    expect((await scopeWith(await cookieOf('dongcheng.dc03')))?.username).toBe('dongcheng.dc03');
  });

  it('changing one’s own password ends every earlier session', async () => {
    const cookie = await cookieOf('dongcheng.dc04');
    const scope = (await scopeWith(cookie))!;
    const r = await account.changeOwnPassword(scope, 'Sunlight-2026', 'Sunlight-int-2026');
    expect(r.status).toBe('changed');
    expect(await scopeWith(cookie)).toBeNull();
    expect((await endpointWith(cookie)).body).toEqual({});
    // A session made after the change (as the action renews the changer's own) works.
    expect((await scopeWith(await cookieOf('dongcheng.dc04', 'Sunlight-int-2026')))?.username).toBe('dongcheng.dc04');
  });

  it('an admin’s password reset ends the user’s sessions and revokes their API tokens', async () => {
    const cookie = await cookieOf('dongcheng.eval');
    const evaluator = (await scopeWith(cookie))!;
    const { token } = await tokens.createToken(evaluator, 'made with a stolen cookie');
    expect(await tokens.scopeFromToken(token)).not.toBeNull();
    await admin.resetUserPassword(await scopeOf('dongcheng.admin'), evaluator.userId);
    expect(await scopeWith(cookie)).toBeNull();
    expect((await endpointWith(cookie)).body).toEqual({});
    expect(await tokens.scopeFromToken(token)).toBeNull();
  });

  it('disabling a user ends their sessions; enabling them again does not revive the old ones', async () => {
    const cookie = await cookieOf('dongcheng.dc12');
    const target = (await scopeWith(cookie))!;
    const by = await scopeOf('dongcheng.admin');
    await admin.setUserDisabled(by, target.userId, true);
    expect(await scopeWith(cookie)).toBeNull();
    await admin.setUserDisabled(by, target.userId, false);
    expect(await scopeWith(cookie)).toBeNull();
    expect((await endpointWith(cookie)).body).toEqual({});
    expect((await scopeWith(await cookieOf('dongcheng.dc12')))?.username).toBe('dongcheng.dc12');
  });

  it('a session ends seven days after sign-in, however active it was', async () => {
    const { now } = await import('@/core/env');
    const day = 24 * 60 * 60 * 1000;
    expect((await scopeWith(await cookieOf('dongcheng.dc05', 'Sunlight-2026', now().getTime() - 6 * day)))?.username).toBe('dongcheng.dc05');
    const old = await cookieOf('dongcheng.dc05', 'Sunlight-2026', now().getTime() - 7 * day - 60_000);
    expect(await scopeWith(old)).toBeNull();
    expect((await endpointWith(old)).body).toEqual({});
  });

  it('a cookie from before session versions (no version in it) is not accepted', async () => {
    const u = await scopeOf('dongcheng.dc07');
    const legacy = await encode({ token: { sub: u.userId, uid: u.userId }, secret: SECRET });
    expect(await scopeWith(legacy)).toBeNull();
    expect((await endpointWith(legacy)).body).toEqual({});
  });
});

describe('a temporary password opens nothing but the password page', () => {
  it('the read API and the XLSX exports refuse the cookie of a user who must change the password', async () => {
    const xsAdmin = await scopeOf('xishan.admin');
    const target = await scopeOf('xishan.eval.z1');
    const { password } = await admin.resetUserPassword(xsAdmin, target.userId);
    const cookie = await cookieOf('xishan.eval.z1', password);
    // A valid session with a pending password change: known to the password page, no caller anywhere else.
    expect((await userWith(cookie))?.mustChangePassword).toBe(true);
    expect(await scopeWith(cookie)).toBeNull();
    const api = await import('@/app/api/v1/checklist/route');
    const res = await api.GET(new Request('http://127.0.0.1/api/v1/checklist?year=2026'));
    expect(res.status).toBe(403);
    const metrics = await import('@/app/api/v1/metrics/schools/route');
    expect((await metrics.GET(new Request('http://127.0.0.1/api/v1/metrics/schools?year=2026&quarter=3'))).status).toBe(403);
    const schools = await import('@/app/(evaluator)/review/export/schools/route');
    expect((await schools.GET(new Request('http://127.0.0.1/review/export/schools?year=2026&quarter=3'))).status).toBe(403);
    const matrix = await import('@/app/(evaluator)/review/export/matrix/route');
    expect((await matrix.GET(new Request('http://127.0.0.1/review/export/matrix?year=2026'))).status).toBe(403);
    // The same user's evaluator colleague with a current password still gets the data.
    harness.cookies.set(COOKIE, await cookieOf('xishan.eval'));
    expect((await api.GET(new Request('http://127.0.0.1/api/v1/checklist?year=2026'))).status).toBe(200);
    expect((await schools.GET(new Request('http://127.0.0.1/review/export/schools?year=2026&quarter=3'))).status).toBe(200);
  });
});
