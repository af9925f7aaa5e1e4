// Isolation matrix for server actions (issue 8), on PGlite and PostgreSQL (SUNLIGHT_TEST_DB).
// Every server action found on disk is called directly — the real action, data layer and
// database — as every role of district A (东城区) aimed at district B's (西山县) records, and as
// the coordinator of another school of A aimed at school dc01's records. Each attempt must leave
// the target's rows untouched; attempts with no "ownWrite" reason must be refused and write
// nothing at all (a row-level change log proves it). A new action without an entry in
// action-cases.ts makes this test fail.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seededDemo, type SeededDemo } from '@/seed/testing';
import { harness, mocks, type AnyFn, type Target } from './harness';
import { ACTION_CASES } from './action-cases';

vi.mock('server-only', () => mocks.serverOnly());
vi.mock('next/cache', () => mocks.nextCache());
vi.mock('next/navigation', () => mocks.nextNavigation());
vi.mock('next/headers', () => mocks.nextHeaders());
vi.mock('@/core/auth/session', () => mocks.session());
vi.mock('next-intl/server', () => mocks.nextIntlServer());

let demo: SeededDemo;
let client: typeof import('@/db/client');
let h: typeof import('./harness');
let actions: Map<string, AnyFn>;
let B: Target; // district B (xishan), school xs01
let S: Target; // district A (dongcheng), school dc01 — attacked by dc02's coordinator

const A_ROLES = ['dongcheng.admin', 'dongcheng.eval', 'dongcheng.eval.z1', 'dongcheng.leader', 'dongcheng.dc01'];
const OTHER_SCHOOL_COORDINATOR = 'dongcheng.dc02';

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  h = await import('./harness');
  B = await h.resolveTarget('b', 'xishan', 'xs01');
  S = await h.resolveTarget('s', 'dongcheng', 'dc01');
  await h.installChangeLog(client);
  actions = await h.loadActions();
});

afterAll(() => demo?.cleanup());

describe('server action isolation matrix', () => {
  it('has a case for every server action, and no case for an action that does not exist', () => {
    const found = [...actions.keys()].sort();
    const listed = Object.keys(ACTION_CASES).sort();
    expect(
      found.filter((k) => !listed.includes(k)),
      'actions without a case in app/_testing/action-cases.ts',
    ).toEqual([]);
    expect(
      listed.filter((k) => !found.includes(k)),
      'cases for actions that no longer exist',
    ).toEqual([]);
    expect(found.length).toBeGreaterThan(50);
  });

  const attackers: [string, 'B' | 'S'][] = [...A_ROLES.map((u) => [u, 'B'] as [string, 'B']), [OTHER_SCHOOL_COORDINATOR, 'S']];

  for (const [key, c] of Object.entries(ACTION_CASES)) {
    it.skipIf(!!c.publicReason)(`${key}${c.ownWrite ? ' (own records only)' : ''}`, async () => {
      const fn = actions.get(key);
      expect(fn, `${key} is exported`).toBeTypeOf('function');
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        for (const [username, which] of attackers) {
          const target = which === 'B' ? B : S;
          harness.scope = await h.scopeOf(username);
          for (const args of c.attacks(target)) {
            const mark = await h.changeMark(client);
            const outcome = await h.outcomeOf(() => fn!(...args));
            const changes = await h.changesSince(client, mark);
            const where = `${key} as ${username} on ${target.label === 'b' ? 'district B' : 'school dc01'}`;
            const touched = changes.filter((ch) => (which === 'B' ? ch.district_id === target.districtId : ch.school_id === target.schoolId));
            expect(touched, `${where}: rows of the target changed`).toEqual([]);
            if (!c.ownWrite) {
              expect(outcome.kind, `${where}: not refused (${outcome.detail})`).not.toBe('succeeded');
              expect(changes, `${where}: a refused request wrote rows`).toEqual([]);
            }
          }
        }
        expect(errors.mock.calls, 'an action failed with an unexpected error').toEqual([]);
      } finally {
        errors.mockRestore();
        harness.scope = null;
      }
    });
  }

  it('the owners still reach their own records (the targets were real)', async () => {
    // Sanity: the same kind of call by the owner succeeds, so the refusals above were about scope.
    harness.scope = await h.scopeOf('xishan.admin');
    const toggle = actions.get('modules/org/actions/settings.ts#toggleUserAction')!;
    const mark = await h.changeMark(client);
    const outcome = await h.outcomeOf(() => toggle({ status: 'idle' }, h.form({ userId: B.userId, disabled: 'false' })));
    expect(outcome).toEqual({ kind: 'succeeded', detail: 'saved' });
    expect((await h.changesSince(client, mark)).some((c) => c.tbl === 'users' && c.district_id === B.districtId)).toBe(true);
    harness.scope = null;
  });
});
