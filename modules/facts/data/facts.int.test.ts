// The fact store is right (issue 15): random sequences of the app's own writes (fast-check) — a
// disclosure recorded, edited or deleted, a rejection and its withdrawal, an event declared or
// removed, "no such matter", a report submitted, scored, returned or approved, a survey answered,
// a finding raised, answered, closed or reopened, a holiday, next year's checklist — and after each
// sequence the incrementally maintained store equals a rebuild from the raw rows (checkAll). While
// a change of many facts is being recomputed, readers get the same figures as afterwards (never
// stale ones). On PGlite and (SUNLIGHT_TEST_DB=postgres) PostgreSQL. FACTS_RUNS=… for a longer run.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';
import type { Scope } from '@/core/scope';
import type { Quarter } from '@/core/domain/types';

let demo: SeededDemo;
let schema: typeof import('@/db/schema');
let rebuild: typeof import('./rebuild');
let jobs: typeof import('./jobs');
let results: typeof import('@/modules/obligations/data/results');
let table: typeof import('@/modules/dashboard/data/school-table');
let disclosures: typeof import('@/modules/disclosures/data/disclosures');
let events: typeof import('@/modules/obligations/data/events');
let review: typeof import('@/modules/reports/data/review-actions');
let schoolReport: typeof import('@/modules/reports/data/school-report');
let findings: typeof import('@/modules/reports/data/findings');
let schoolFindings: typeof import('@/modules/reports/data/findings-school');
let surveys: typeof import('@/modules/surveys/data/public');
let holidays: typeof import('@/modules/org/data/settings-admin');
let checklist: typeof import('@/modules/checklist/data/admin');

const RUNS = Number(process.env.FACTS_RUNS ?? 12);
const Y = 2026;
const Q4: Quarter = 4;
const COORDINATORS = ['dc01', 'dc03', 'dc08', 'dc11', 'dc17', 'dc21'];

beforeAll(async () => {
  demo = await seededDemo();
  schema = await import('@/db/schema');
  rebuild = await import('./rebuild');
  jobs = await import('./jobs');
  results = await import('@/modules/obligations/data/results');
  table = await import('@/modules/dashboard/data/school-table');
  disclosures = await import('@/modules/disclosures/data/disclosures');
  events = await import('@/modules/obligations/data/events');
  review = await import('@/modules/reports/data/review-actions');
  schoolReport = await import('@/modules/reports/data/school-report');
  findings = await import('@/modules/reports/data/findings');
  schoolFindings = await import('@/modules/reports/data/findings-school');
  surveys = await import('@/modules/surveys/data/public');
  holidays = await import('@/modules/org/data/settings-admin');
  checklist = await import('@/modules/checklist/data/admin');
}, 240_000);

afterAll(() => demo?.cleanup());

const sys = <T>(fn: (tx: import('@/db/client').Tx) => Promise<T>) => demo.client.withDistrict('*', fn);

/** Picks the k-th element (modulo the length), or null from an empty list. */
const pick = <T>(list: readonly T[], k: number): T | null => (list.length ? list[k % list.length]! : null);

/** Writes refused by the rules (a closed quarter, a wrong state, a bad date …) change nothing: that is part of the game. */
async function attempt(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!['notFound', 'conflict', 'locked', 'badRequest', 'forbidden'].includes(code ?? '')) throw e;
  }
}

type Command =
  | { kind: 'disclose'; who: number; ob: number; day: number }
  | { kind: 'editDisclosure'; who: number; pick: number; day: number }
  | { kind: 'deleteDisclosure'; who: number; pick: number }
  | { kind: 'reject'; pick: number }
  | { kind: 'withdrawRejection'; pick: number }
  | { kind: 'declareEvent'; who: number; item: number; day: number }
  | { kind: 'deleteEvent'; who: number; pick: number }
  | { kind: 'noMatter'; who: number; item: number }
  | { kind: 'withdrawNoMatter'; who: number; pick: number }
  | { kind: 'submit'; who: number }
  | { kind: 'score'; pick: number; points: number }
  | { kind: 'transition'; pick: number; approve: boolean }
  | { kind: 'answerSurvey'; pick: number; overall: number }
  | { kind: 'raiseFinding'; who: number; severity: number }
  | { kind: 'findingStatus'; pick: number; close: boolean }
  | { kind: 'respondFinding'; who: number; pick: number }
  | { kind: 'holiday'; day: number }
  | { kind: 'nextYearChecklist' };

const n = fc.nat({ max: 1000 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('disclose' as const), who: n, ob: n, day: fc.nat({ max: 60 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('editDisclosure' as const), who: n, pick: n, day: fc.nat({ max: 60 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteDisclosure' as const), who: n, pick: n }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reject' as const), pick: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdrawRejection' as const), pick: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('declareEvent' as const), who: n, item: n, day: fc.nat({ max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteEvent' as const), who: n, pick: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('noMatter' as const), who: n, item: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdrawNoMatter' as const), who: n, pick: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('submit' as const), who: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('score' as const), pick: n, points: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transition' as const), pick: n, approve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('answerSurvey' as const), pick: n, overall: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raiseFinding' as const), who: n, severity: fc.nat({ max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('findingStatus' as const), pick: n, close: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('respondFinding' as const), who: n, pick: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('holiday' as const), day: fc.nat({ max: 700 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'nextYearChecklist' as const }) },
);

const addDays = (d: string, k: number) => new Date(Date.parse(`${d}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);
const TODAY = '2026-11-23';

async function coordinator(who: number): Promise<{ scope: Scope; schoolId: string }> {
  const scope = await scopeOf(`dongcheng.${COORDINATORS[who % COORDINATORS.length]}`);
  return { scope, schoolId: scope.schoolId! };
}

async function ownDisclosures(schoolId: string) {
  return sys((tx) =>
    tx
      .select()
      .from(schema.disclosures)
      .where(and(eq(schema.disclosures.schoolId, schoolId), eq(schema.disclosures.year, Y), eq(schema.disclosures.quarter, Q4), isNull(schema.disclosures.deletedAt)))
      .orderBy(schema.disclosures.id),
  );
}

const summary = (over: Partial<Record<string, unknown>> = {}) => ({ channels: ['noticeBoard'], audience: 'internal', summary: '随机生成的公开记录', ...over });

async function run(cmd: Command, s: { evaluator: Scope; admin: Scope; districtId: string }): Promise<void> {
  switch (cmd.kind) {
    case 'disclose': {
      const { scope, schoolId } = await coordinator(cmd.who);
      const obligations = await sys(async (tx) => (await results.quarterResults(tx, s.districtId, [schoolId], Y, Q4, TODAY)).bySchool.get(schoolId) ?? []);
      const ob = pick(obligations, cmd.ob);
      if (!ob) return;
      const from = ob.obligation.windowStart ?? '2026-09-01';
      const day = addDays(from, cmd.day) > TODAY ? TODAY : addDays(from, cmd.day);
      await attempt(() => disclosures.createDisclosure(scope, { id: randomUUID(), itemCode: ob.obligation.itemCode, periodKey: ob.obligation.periodKey, values: summary({ disclosedOn: day }) }));
      return;
    }
    case 'editDisclosure': {
      const { scope, schoolId } = await coordinator(cmd.who);
      const d = pick(await ownDisclosures(schoolId), cmd.pick);
      if (!d) return;
      const day = addDays('2026-10-01', cmd.day) > TODAY ? TODAY : addDays('2026-10-01', cmd.day);
      await attempt(() => disclosures.updateDisclosure(scope, { id: d.id, version: d.version, values: summary({ disclosedOn: day }) }));
      return;
    }
    case 'deleteDisclosure': {
      const { scope, schoolId } = await coordinator(cmd.who);
      const d = pick(await ownDisclosures(schoolId), cmd.pick);
      if (d) await attempt(() => disclosures.deleteDisclosure(scope, { id: d.id, version: d.version }));
      return;
    }
    case 'reject': {
      const all = await sys((tx) =>
        tx
          .select({ id: schema.disclosures.id })
          .from(schema.disclosures)
          .where(and(eq(schema.disclosures.districtId, s.districtId), eq(schema.disclosures.year, Y), eq(schema.disclosures.quarter, Q4), isNull(schema.disclosures.deletedAt)))
          .orderBy(schema.disclosures.id),
      );
      const d = pick(all, cmd.pick);
      if (d) await attempt(() => review.rejectDisclosure(s.evaluator, { disclosureId: d.id, reason: '内容不完整' }));
      return;
    }
    case 'withdrawRejection': {
      const active = await sys((tx) =>
        tx
          .select({ id: schema.disclosureRejections.id })
          .from(schema.disclosureRejections)
          .where(and(eq(schema.disclosureRejections.districtId, s.districtId), isNull(schema.disclosureRejections.withdrawnAt)))
          .orderBy(schema.disclosureRejections.id),
      );
      const r = pick(active, cmd.pick);
      if (r) await attempt(() => review.withdrawRejection(s.evaluator, r.id));
      return;
    }
    case 'declareEvent': {
      const { scope } = await coordinator(cmd.who);
      const code = pick(['G04', 'F03', 'M05', 'P01', 'P02', 'P05', 'A01', 'B01', 'B02', 'S03'], cmd.item)!;
      await attempt(() => events.declareEvent(scope, { itemCode: code, eventDate: addDays('2026-10-01', cmd.day), title: `随机事项 ${cmd.day}` }));
      return;
    }
    case 'deleteEvent': {
      const { scope, schoolId } = await coordinator(cmd.who);
      const list = await sys((tx) =>
        tx
          .select({ id: schema.declaredEvents.id })
          .from(schema.declaredEvents)
          .where(and(eq(schema.declaredEvents.schoolId, schoolId), eq(schema.declaredEvents.year, Y), isNull(schema.declaredEvents.deletedAt)))
          .orderBy(schema.declaredEvents.id),
      );
      const e = pick(list, cmd.pick);
      if (e) await attempt(() => events.deleteEvent(scope, e.id));
      return;
    }
    case 'noMatter': {
      const { scope } = await coordinator(cmd.who);
      const code = pick(['G04', 'M05', 'P02', 'B01', 'S03'], cmd.item)!;
      await attempt(() => events.stateNoMatter(scope, { itemCode: code, year: Y, quarter: Q4, reason: '本季度无此事项' }));
      return;
    }
    case 'withdrawNoMatter': {
      const { scope, schoolId } = await coordinator(cmd.who);
      const list = await sys((tx) =>
        tx
          .select({ id: schema.noMatterStatements.id })
          .from(schema.noMatterStatements)
          .where(and(eq(schema.noMatterStatements.schoolId, schoolId), isNull(schema.noMatterStatements.deletedAt)))
          .orderBy(schema.noMatterStatements.id),
      );
      const st = pick(list, cmd.pick);
      if (st) await attempt(() => events.withdrawNoMatter(scope, st.id));
      return;
    }
    case 'submit': {
      const { scope, schoolId } = await coordinator(cmd.who);
      const [rep] = await sys((tx) =>
        tx
          .select()
          .from(schema.quarterlyReports)
          .where(and(eq(schema.quarterlyReports.schoolId, schoolId), eq(schema.quarterlyReports.year, Y), eq(schema.quarterlyReports.quarter, Q4))),
      );
      await attempt(() => schoolReport.submitQuarterReport(scope, { year: Y, quarter: Q4, version: rep?.version ?? 0, confirmGaps: true }));
      return;
    }
    case 'score':
    case 'transition': {
      const reports = await sys((tx) =>
        tx
          .select()
          .from(schema.quarterlyReports)
          .where(
            and(
              eq(schema.quarterlyReports.districtId, s.districtId),
              // A score is saved on a report under review; a transition also reopens an approved one.
              cmd.kind === 'score' ? sql`${schema.quarterlyReports.state} in ('submitted', 'returned')` : sql`${schema.quarterlyReports.state} in ('submitted', 'returned', 'approved')`,
            ),
          )
          .orderBy(schema.quarterlyReports.id),
      );
      const rep = pick(reports, cmd.pick);
      if (!rep) return;
      if (cmd.kind === 'score') {
        const p = cmd.points;
        await attempt(() => review.saveEvaluation(s.evaluator, { reportId: rep.id, attention: p, content: 20 - p, form: p, procedure: 10, rules: 15, comment: '' }));
      } else {
        const action = rep.state === 'approved' ? 'reopen' : cmd.approve ? 'approve' : 'return';
        await attempt(() => review.transitionReport(s.evaluator, { reportId: rep.id, action, reason: action === 'approve' ? '' : '请补充', version: rep.version }));
      }
      return;
    }
    case 'answerSurvey': {
      const codes = await sys((tx) =>
        tx
          .select({ code: schema.surveyCodes.code })
          .from(schema.surveyCodes)
          .innerJoin(schema.surveys, eq(schema.surveys.id, schema.surveyCodes.surveyId))
          .where(and(eq(schema.surveyCodes.districtId, s.districtId), isNull(schema.surveyCodes.usedOn), sql`${schema.surveys.opensOn} <= ${TODAY} and ${schema.surveys.closesOn} >= ${TODAY}`))
          .orderBy(schema.surveyCodes.code)
          .limit(200),
      );
      const c = pick(codes, cmd.pick);
      if (!c) return;
      const look = await surveys.lookupCode(c.code);
      if (look.state !== 'open') return;
      const values: Record<string, string> = {};
      look.questions.forEach((q, i) => {
        if (q.kind === 'likert') values[`q_${q.id}`] = String(q.isOverall ? cmd.overall : ((cmd.overall + i) % 5) + 1);
      });
      await surveys.submitResponse(c.code, values);
      return;
    }
    case 'raiseFinding': {
      const { schoolId } = await coordinator(cmd.who);
      const severity = (['minor', 'serious', 'veto'] as const)[cmd.severity]!;
      await attempt(() => findings.raiseFinding(s.evaluator, { schoolId, severity, itemCode: null, dueOn: '2026-12-31', title: '随机整改', description: '' }));
      return;
    }
    case 'findingStatus':
    case 'respondFinding': {
      const list = await sys((tx) =>
        tx
          .select()
          .from(schema.findings)
          .where(and(eq(schema.findings.districtId, s.districtId)))
          .orderBy(schema.findings.id),
      );
      const f = pick(list, cmd.pick);
      if (!f) return;
      if (cmd.kind === 'findingStatus') {
        await attempt(() => findings.setFindingStatus(s.evaluator, { findingId: f.id, action: cmd.close ? 'close' : 'reopen', note: cmd.close ? '' : '请重新整改' }));
      } else {
        const [u] = await sys((tx) =>
          tx
            .select({ username: schema.users.username })
            .from(schema.users)
            .where(and(eq(schema.users.schoolId, f.schoolId), eq(schema.users.role, 'coordinator'))),
        );
        const scope = u ? await scopeOf(u.username) : null;
        if (scope) await attempt(() => schoolFindings.respondToFinding(scope, { findingId: f.id, rectificationId: randomUUID(), response: '已整改' }));
      }
      return;
    }
    case 'holiday': {
      await attempt(() => holidays.saveHoliday(s.admin, { day: addDays('2025-06-01', cmd.day), name: '调休' }));
      return;
    }
    case 'nextYearChecklist': {
      await attempt(() => checklist.startChecklist(s.admin, 2027, { kind: 'previousYear' }));
      return;
    }
  }
}

/** The figures of every district-year the tests look at: the school table of each quarter and year. */
async function figures(s: Scope): Promise<string> {
  const out: unknown[] = [];
  for (const year of [2025, 2026, 2027]) {
    for (const quarter of [null, 1, 2, 3, 4] as (Quarter | null)[]) {
      const t = await table.schoolTable(s, { year, quarter });
      out.push(t.rows.map((r) => [r.code, r.tally, r.reportState, r.reportOnTime, r.evaluatorScore]));
    }
  }
  return JSON.stringify(out);
}

describe('the incrementally maintained store equals a rebuild from the raw rows', () => {
  it('the seeded store is right', async () => {
    expect(await rebuild.checkAll()).toEqual([]);
  }, 240_000);

  it("every school table reads, per quarter and year (past, in progress, future), the domain's §4 tally of the raw rows (only obligations already due)", async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    const { computePeriodResults } = await import('./compute');
    const { tally } = await import('@/modules/obligations/domain/metrics');
    const { today } = await import('@/core/context');
    let inProgress = 0;
    for (const year of [2025, 2026]) {
      const raw = await demo.client.withDistrict(evaluator.districtId!, async (tx) => {
        const ids = (await tx.select({ id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.districtId, evaluator.districtId!))).map((x) => x.id);
        return computePeriodResults(tx, evaluator.districtId!, ids, year, [1, 2, 3, 4], today());
      });
      for (const quarter of [null, 1, 2, 3, 4] as (Quarter | null)[]) {
        const t = await table.schoolTable(evaluator, { year, quarter });
        for (const row of t.rows) {
          const own = raw.bySchool.get(row.schoolId)!.filter((r) => quarter === null || r.obligation.quarter === quarter);
          const expected = tally(own);
          expect(row.tally.notYetDue, `${row.code} ${year} Q${quarter}`).toBe(expected.notYetDue);
          expect([row.tally.obligations, row.tally.met, row.tally.onTime], `${row.code} ${year} Q${quarter}`).toEqual([expected.obligations, expected.met, expected.onTime]);
          for (const k of ['weightTotal', 'weightMet', 'weightOnTime'] as const) expect(row.tally[k]).toBeCloseTo(expected[k], 9);
          if (expected.notYetDue > 0) inProgress++;
        }
      }
    }
    // The demo's "today" (2026-11-23) is inside Q4 2026: some obligations are not yet due.
    expect(inProgress).toBeGreaterThan(0);
  }, 240_000);

  it(`after each of ${RUNS} random sequences of writes`, async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    const admin = await scopeOf('dongcheng.admin');
    const ctx = { evaluator, admin, districtId: evaluator.districtId! };
    // Every write is audited, except survey answers (anonymous by design): those are counted.
    const audited = async () =>
      (await sys((tx) => tx.execute(sql`select (select count(*) from audit_log) + (select count(*) from survey_responses) as n`))) as unknown as { n: number }[] | { rows: { n: number }[] };
    const count = async () => {
      const r = await audited();
      return Number((Array.isArray(r) ? r : r.rows)[0]!.n);
    };
    const before = await count();
    const effective = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (cmds) => {
        for (const cmd of cmds) {
          const was = await count();
          await run(cmd, ctx);
          if ((await count()) > was) effective.set(cmd.kind, (effective.get(cmd.kind) ?? 0) + 1);
        }
        // Changes of many facts (a holiday, next year's checklist) are being recomputed: readers
        // of the district get the figures the recompute will store, never the stale ones.
        const pending = await sys((tx) => tx.select().from(schema.factStatus).where(eq(schema.factStatus.state, 'recomputing')));
        const during = pending.length ? await figures(evaluator) : null;
        for (const p of pending) await jobs.recomputeDistrictYear({ districtId: p.districtId, year: p.year });
        if (during !== null) expect(during).toEqual(await figures(evaluator));
        const diffs = await rebuild.checkAll();
        expect(diffs).toEqual([]);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The sequences did write (refused writes change nothing and prove little).
    console.log('writes that took effect, by kind:', JSON.stringify(Object.fromEntries(effective)));
    expect(await count()).toBeGreaterThan(before + RUNS);
  }, 1_800_000);
});
