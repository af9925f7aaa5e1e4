// Issue 13, "Guessing", on PGlite and PostgreSQL (SUNLIGHT_TEST_DB): the per-account limit checks
// and counts in one step (5 guesses per 15 minutes are verified, never a 6th, however many arrive
// at once), and wrong current passwords on the change-password form count against the same limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;
let signIn: typeof import('./sign-in');
let account: typeof import('@/modules/org/data/account');
let schema: typeof import('@/db/schema');
let password: typeof import('./password');

beforeAll(async () => {
  demo = await seededDemo();
  signIn = await import('./sign-in');
  account = await import('@/modules/org/data/account');
  schema = await import('@/db/schema');
  password = await import('./password');
});

afterAll(() => demo?.cleanup());

const RIGHT = 'Sunlight-2026';

async function passwordIs(username: string, plain: string): Promise<boolean> {
  const [u] = await demo.client.withSystem((db) => db.select({ hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.username, username)));
  return password.verifyPassword(u!.hash, plain);
}

describe('per-account sign-in limit', () => {
  it('verifies exactly 5 wrong guesses; the 6th and the right password are refused', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await signIn.checkCredentials('xishan.leader', `wrong-${i}`, `198.51.100.${i}`);
      outcomes.push(r.ok ? 'ok' : r.reason);
    }
    expect(outcomes).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'throttled']);
    expect(await signIn.checkCredentials('xishan.leader', RIGHT, '198.51.100.9')).toEqual({ ok: false, reason: 'throttled' });
    // Another account is not affected.
    expect((await signIn.checkCredentials('xishan.admin', RIGHT, '198.51.100.9')).ok).toBe(true);
  });

  it('checks at most 5 of 30 concurrent guesses', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn.checkCredentials('xishan.xs02', `wrong-${i}`, `198.51.100.${100 + i}`)));
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(checked).toBe(5);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(25);
  });

  it('a right password before the limit clears the account’s failures', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn.checkCredentials('xishan.xs03', `wrong-${i}`, '198.51.100.200')).ok).toBe(false);
    expect((await signIn.checkCredentials('xishan.xs03', RIGHT, '198.51.100.200')).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect(await signIn.checkCredentials('xishan.xs03', `wrong-${i}`, '198.51.100.200')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('successful sign-ins do not use up the per-address limit (a bureau behind one NAT address)', async () => {
    const { limit } = signIn.ADDRESS_RULE;
    for (let i = 0; i < limit + 5; i++) expect((await signIn.checkCredentials('xishan.xs04', RIGHT, '198.51.100.250')).ok, `sign-in ${i + 1}`).toBe(true);
  });
});

describe('change-password form', () => {
  it('20 wrong current passwords, then the right one: refused, and the password is unchanged', async () => {
    const scope = await scopeOf('xishan.xs05');
    const outcomes = new Set<string>();
    for (let i = 0; i < 20; i++) outcomes.add((await account.changeOwnPassword(scope, `guess-${i}`, 'Attacker-pass-2026')).status);
    expect(outcomes).toEqual(new Set(['wrongPassword', 'throttled']));
    expect((await account.changeOwnPassword(scope, RIGHT, 'Attacker-pass-2026')).status).toBe('throttled');
    expect(await passwordIs('xishan.xs05', RIGHT)).toBe(true);
    // The account is blocked for sign-in too: it is the same limit.
    expect(await signIn.checkCredentials('xishan.xs05', RIGHT, '198.51.100.77')).toEqual({ ok: false, reason: 'throttled' });
  });

  it('wrong sign-ins and wrong current passwords add up to one limit of 5', async () => {
    const scope = await scopeOf('xishan.xs06');
    for (let i = 0; i < 3; i++) expect((await signIn.checkCredentials('xishan.xs06', `wrong-${i}`, '198.51.100.78')).ok).toBe(false);
    expect((await account.changeOwnPassword(scope, 'guess-a', 'Another-pass-2026')).status).toBe('wrongPassword');
    expect((await account.changeOwnPassword(scope, 'guess-b', 'Another-pass-2026')).status).toBe('wrongPassword');
    expect((await account.changeOwnPassword(scope, RIGHT, 'Another-pass-2026')).status).toBe('throttled');
    expect(await signIn.checkCredentials('xishan.xs06', RIGHT, '198.51.100.78')).toEqual({ ok: false, reason: 'throttled' });
  });

  it('the right current password changes it, and forgives earlier wrong guesses', async () => {
    const scope = await scopeOf('xishan.xs07');
    expect((await account.changeOwnPassword(scope, 'guess', 'Changed-pass-2026')).status).toBe('wrongPassword');
    expect((await account.changeOwnPassword(scope, RIGHT, 'Changed-pass-2026')).status).toBe('changed');
    expect(await passwordIs('xishan.xs07', 'Changed-pass-2026')).toBe(true);
  });
});
