// Concurrent edits of one report (issue 8, Reliability): no lost update. Runs on PGlite (one
// connection: "concurrent" means 50 transactions queued and interleaved) and on PostgreSQL (a pool of
// SUNLIGHT_DB_POOL=10 connections: truly concurrent, READ COMMITTED). What really happens to one
// report at once:
//
// - the coordinator edits one disclosure from many tabs: with the version they loaded exactly one
//   wins and the others get a conflict with the winner's values; retrying on top of what they were
//   shown, every write lands once, in a chain (version +1 each, audit before = previous after);
// - the evaluator scores the five rubric dimensions and comments (last writer wins, whole rows only,
//   one audit entry per save, each "before" the previous "after");
// - submit / return / approve / reopen of the same report: from a given state exactly one wins;
// - scores, comments and disclosure edits racing an approval or a submission never slip in after it.
//
// Every writer's intent is distinguishable in every field, so a row mixing two writers is caught.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AUDIENCES, CHANNELS, type Channel } from '@/core/domain/types';
import { reportOf, scopeOf, seededWorld, sys, type World } from './coordinator.int.testutil';
import { atClock } from '@/seed/testing';

const N = 50;
/** Writers that retry on conflict: attempts grow with the square of their number, so fewer. */
const RETRY_WRITERS = 12;
/** A working day after Q4 2026 ended, when its reports may be submitted. */
const Q4_2026_ENDED = '2027-01-05T10:00:00+08:00';
const onPostgres = process.env.SUNLIGHT_TEST_DB === 'postgres';

let w: World;
let d: typeof import('@/modules/disclosures/data/disclosures');
let rep: typeof import('./school-report');
let review: typeof import('./review-actions');

beforeAll(async () => {
  w = await seededWorld();
  d = await import('@/modules/disclosures/data/disclosures');
  rep = await import('./school-report');
  review = await import('./review-actions');
  if (onPostgres) {
    // Open every pooled connection now, so that the bursts below really run side by side instead
    // of being spread out by connection set-up.
    const pool = Number(process.env.SUNLIGHT_DB_POOL ?? 10);
    await Promise.all(Array.from({ length: pool }, () => w.client.withSystem((db) => db.execute(sql`select pg_sleep(0.05)`))));
  }
});
afterAll(async () => w?.cleanup());

// --- helpers ------------------------------------------------------------------------------------

/** Starts every call at once (none awaited before the last is started) and waits for all. */
function burst<T>(calls: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(calls.map((c) => Promise.resolve().then(c)));
}

const fulfilled = <T>(rs: PromiseSettledResult<T>[]) => rs.flatMap((r, i) => (r.status === 'fulfilled' ? [{ i, value: r.value }] : []));
const rejected = <T>(rs: PromiseSettledResult<T>[]) => rs.flatMap((r, i) => (r.status === 'rejected' ? [{ i, reason: r.reason as unknown }] : []));

/** The audit trail of one record, in insertion order (audit_log.id is a sequence). */
async function trail(entity: string, entityId: string) {
  const a = w.schema.auditLog;
  return sys(w, (db) =>
    db
      .select()
      .from(a)
      .where(and(eq(a.entity, entity), eq(a.entityId, entityId)))
      .orderBy(asc(a.id)),
  );
}

async function transitionsOf(reportId: string) {
  const t = w.schema.reportTransitions;
  return sys(w, (db) => db.select().from(t).where(eq(t.reportId, reportId)));
}

async function evaluationOf(reportId: string) {
  const e = w.schema.evaluations;
  const [row] = await sys(w, (db) => db.select().from(e).where(eq(e.reportId, reportId)));
  return row ?? null;
}

async function report(school: string, year: number, quarter: number) {
  const r = await reportOf(w, school, year, quarter);
  if (!r) throw new Error(`no report ${school} ${year}Q${quarter}`);
  return r;
}

/** A non-empty subset of the channels that differs for every writer index below 255. */
function channelsOf(i: number): Channel[] {
  const mask = (i % 255) + 1;
  return CHANNELS.filter((_, b) => mask & (1 << b));
}

type Values = ReturnType<typeof import('@/modules/disclosures/data/disclosures').valuesOf>;

/** Writer i's intent for a disclosure: summary, channels and audience all tell who wrote them. */
function editIntent(base: Values, tag: string, i: number): Values {
  return { ...base, summary: `${tag} 第${i}位编辑：公开内容已核对并更新。`, channels: channelsOf(i), audience: AUDIENCES[i % AUDIENCES.length]! };
}

function writerOfSummary(summary: string, tag: string): number {
  const m = new RegExp(`^${tag} 第(\\d+)位编辑`).exec(summary);
  if (!m) throw new Error(`summary written by nobody: ${summary}`);
  return Number(m[1]);
}

const SCORE_FIELDS = ['attention', 'content', 'form', 'procedure', 'rules', 'comment'] as const;
type Score = { attention: number; content: number; form: number; procedure: number; rules: number; comment: string };

/** Writer i's rubric (0–20 each): the (attention, content) pair alone is unique for i < 63. */
function scoreIntent(i: number): Score {
  return {
    attention: i % 21,
    content: Math.floor(i / 21) * 5 + (i % 3),
    form: 20 - (i % 21),
    procedure: (i * 13) % 21,
    rules: (i * 17 + 5) % 21,
    comment: `评分意见 第${i}位：材料齐全，程序规范。`,
  };
}
const pickScore = (row: Record<string, unknown> | null | undefined): Score | null => (row ? (Object.fromEntries(SCORE_FIELDS.map((k) => [k, row[k]])) as Score) : null);

/** A coordinator's live disclosure of a quarter (not the procurement item, whose fields differ). */
async function someDisclosure(schoolCode: string, year: number, quarter: number) {
  const x = w.schema.disclosures;
  const s = w.schema.schools;
  const [row] = await sys(w, (db) =>
    db
      .select({ d: x })
      .from(x)
      .innerJoin(s, eq(s.id, x.schoolId))
      .where(and(eq(s.code, schoolCode), eq(x.year, year), eq(x.quarter, quarter), isNull(x.deletedAt)))
      .orderBy(asc(x.itemCode), asc(x.periodKey)),
  );
  if (!row || row.d.itemCode === 'B02') throw new Error(`no plain disclosure for ${schoolCode}`);
  return row.d;
}

type Scope = Awaited<ReturnType<typeof scopeOf>>;

/** A tab that, on conflict, takes the version it was shown and saves its own values again. */
async function editUntilSaved(scope: Scope, id: string, version: number, values: Values) {
  let v = version;
  for (let attempt = 1; attempt <= 10 * RETRY_WRITERS; attempt++) {
    const r = await d.updateDisclosure(scope, { id, version: v, values });
    if (r.ok) return { version: r.version, attempts: attempt };
    if (r.kind !== 'conflict') throw new Error(`unexpected result ${JSON.stringify(r)}`);
    v = r.currentVersion;
  }
  throw new Error('no save after many attempts');
}

/** The audit chain of a disclosure's updates: consecutive versions, each before = previous after. */
function expectUpdateChain(entries: Awaited<ReturnType<typeof trail>>, fromVersion: number) {
  let prev: Record<string, unknown> | null = null;
  entries.forEach((e, k) => {
    const before = e.before as Record<string, unknown>;
    const after = e.after as Record<string, unknown>;
    expect(e.action).toBe('update');
    expect(before.version).toBe(fromVersion + k);
    expect(after.version).toBe(fromVersion + k + 1);
    if (prev) expect(before).toEqual(prev);
    prev = after;
  });
}

// --- the coordinator edits one disclosure of the report ------------------------------------------

describe('the coordinator edits one disclosure of a report from many tabs (dc05, Q4 2026 draft)', () => {
  it(`${N} saves with the version they loaded: exactly one wins, the others see its values`, async () => {
    const dc05 = await scopeOf(w, 'dongcheng.dc05');
    const target = await someDisclosure('dc05', 2026, 4);
    const base = d.valuesOf(target);
    const trailBefore = await trail('disclosure', target.id);
    const intents = Array.from({ length: N }, (_, i) => editIntent(base, 'A', i));

    const results = await burst(intents.map((values) => () => d.updateDisclosure(dc05, { id: target.id, version: target.version, values })));

    expect(rejected(results)).toEqual([]);
    const outcomes = fulfilled(results);
    const wins = outcomes.filter((o) => o.value.ok);
    expect(wins).toHaveLength(1);
    const winner = wins[0]!.i;
    const row = (await sys(w, (db) => db.select().from(w.schema.disclosures).where(eq(w.schema.disclosures.id, target.id))))[0]!;
    // The row is exactly the winner's intent, nothing of anyone else's.
    expect(d.valuesOf(row)).toEqual(intents[winner]);
    expect(row.version).toBe(target.version + 1);
    for (const o of outcomes.filter((x) => !x.value.ok)) {
      expect(o.value).toEqual({ ok: false, kind: 'conflict', current: intents[winner], currentVersion: target.version + 1 });
    }
    const added = (await trail('disclosure', target.id)).slice(trailBefore.length);
    expect(added).toHaveLength(1);
    expectUpdateChain(added, target.version);
    expect(added[0]!.after).toMatchObject({ ...intents[winner], version: target.version + 1 });
  });

  it(`${RETRY_WRITERS} tabs that retry on top of what they were shown: every write lands once, in a chain`, async () => {
    const dc05 = await scopeOf(w, 'dongcheng.dc05');
    const target = await someDisclosure('dc05', 2026, 4);
    const base = d.valuesOf(target);
    const trailBefore = await trail('disclosure', target.id);
    const intents = Array.from({ length: RETRY_WRITERS }, (_, i) => editIntent(base, 'B', i));

    const results = await burst(intents.map((values) => () => editUntilSaved(dc05, target.id, target.version, values)));

    expect(rejected(results)).toEqual([]);
    const versions = fulfilled(results).map((o) => o.value.version);
    // Each save got its own version: serialized, none lost, none twice.
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: RETRY_WRITERS }, (_, k) => target.version + 1 + k));
    const added = (await trail('disclosure', target.id)).slice(trailBefore.length);
    expect(added).toHaveLength(RETRY_WRITERS);
    expectUpdateChain(added, target.version);
    expect(added.map((e) => writerOfSummary((e.after as Values).summary, 'B')).sort((a, b) => a - b)).toEqual(intents.map((_, i) => i));
    const row = (await sys(w, (db) => db.select().from(w.schema.disclosures).where(eq(w.schema.disclosures.id, target.id))))[0]!;
    expect(row.version).toBe(target.version + RETRY_WRITERS);
    const last = added.at(-1)!.after as Values & { version: number };
    expect(d.valuesOf(row)).toEqual(intents[writerOfSummary(last.summary, 'B')]);
    // The writer whose save got the last version is the one the row shows.
    expect(fulfilled(results).find((o) => o.value.version === row.version)!.i).toBe(writerOfSummary(row.summary, 'B'));
  });
});

// --- the evaluator scores and comments ------------------------------------------------------------

describe('the evaluator scores the five rubric dimensions and comments', () => {
  it(`${N} score saves at once on one report (dc04, Q3 2026 submitted): whole rows, one audit entry each, chained`, async () => {
    const ev = await scopeOf(w, 'dongcheng.eval');
    const r = await report('dc04', 2026, 3);
    expect(r.state).toBe('submitted');
    expect(await evaluationOf(r.id)).toBeNull();
    const intents = Array.from({ length: N }, (_, i) => scoreIntent(i));

    const results = await burst(intents.map((s) => () => review.saveEvaluation(ev, { reportId: r.id, ...s })));

    expect(rejected(results)).toEqual([]);
    const row = await evaluationOf(r.id);
    const final = pickScore(row)!;
    const winner = intents.findIndex((s) => s.comment === final.comment);
    expect(winner).toBeGreaterThanOrEqual(0);
    expect(final).toEqual(intents[winner]); // no dimension from another writer
    expect(row!.evaluatorId).toBe(ev.userId);

    const entries = await trail('evaluation', r.id);
    expect(entries).toHaveLength(N); // one per successful save
    expect(entries.map((e) => e.action)).toEqual(['create', ...Array<string>(N - 1).fill('update')]);
    expect(entries[0]!.before).toBeNull();
    for (let k = 1; k < N; k++) expect(pickScore(entries[k]!.before as Record<string, unknown>)).toEqual(entries[k - 1]!.after);
    expect(entries.at(-1)!.after).toEqual(final);
    // Every writer's save is in the log exactly once.
    expect(entries.map((e) => (e.after as Score).comment).sort()).toEqual(intents.map((s) => s.comment).sort());
    // Scoring does not move the report's own version (it is not a report transition).
    expect((await report('dc04', 2026, 3)).version).toBe(r.version);
  });

  it('scores and item comments racing an approval (dc08): nothing lands on the report after it is approved', async () => {
    const ev = await scopeOf(w, 'dongcheng.eval');
    const r = await report('dc08', 2026, 3);
    expect(r.state).toBe('submitted');
    await review.saveEvaluation(ev, { reportId: r.id, ...scoreIntent(60) });
    const evalBefore = (await trail('evaluation', r.id)).length;
    const comments0 = await commentsOf(r.id);

    const calls: (() => Promise<unknown>)[] = [];
    for (let i = 0; i < N - 1; i++) {
      if (i % 5 === 4) calls.push(() => review.addItemComment(ev, { reportId: r.id, itemCode: 'M01', periodKey: null, comment: `第${i}条意见` }));
      else calls.push(() => review.saveEvaluation(ev, { reportId: r.id, ...scoreIntent(i) }));
    }
    calls.splice(12, 0, () => review.transitionReport(ev, { reportId: r.id, action: 'approve', reason: '', version: r.version }));
    const results = await burst(calls);

    expect(results[12]!.status).toBe('fulfilled'); // nothing else moves the version: the approval succeeds
    for (const x of rejected(results)) expect(x.reason).toMatchObject({ code: 'conflict', message: 'locked' });
    const after = await report('dc08', 2026, 3);
    expect(after).toMatchObject({ state: 'approved', version: r.version + 1 });
    const approval = (await trail('quarterly_report', r.id)).filter((e) => e.action === 'approve');
    expect(approval).toHaveLength(1);
    const approvedAt = approval[0]!.id;

    const scores = (await trail('evaluation', r.id)).slice(evalBefore);
    const newComments = (await commentsOf(r.id)).slice(comments0.length);
    const commentAudit = newComments.length
      ? await sys(w, (db) =>
          db
            .select()
            .from(w.schema.auditLog)
            .where(
              and(
                eq(w.schema.auditLog.entity, 'report_item_comment'),
                inArray(
                  w.schema.auditLog.entityId,
                  newComments.map((c) => c.id),
                ),
              ),
            ),
        )
      : [];
    // Every save that succeeded is logged once, and every one of them came before the approval.
    const okScores = fulfilled(results).filter((o) => o.i !== 12 && typeof o.value !== 'string').length;
    expect(scores).toHaveLength(okScores);
    expect(newComments).toHaveLength(commentAudit.length);
    expect(fulfilled(results).filter((o) => typeof o.value === 'string')).toHaveLength(newComments.length);
    for (const e of [...scores, ...commentAudit]) expect(e.id).toBeLessThan(approvedAt);
    // The approved score is the last one saved.
    const final = pickScore(await evaluationOf(r.id));
    expect(final).toEqual(scores.length ? scores.at(-1)!.after : scoreIntent(60));
  });

  it(`${N} rejections of one disclosure at once (dc20, Q3 2026 submitted): exactly one is recorded`, async () => {
    const ev = await scopeOf(w, 'dongcheng.eval');
    expect((await report('dc20', 2026, 3)).state).toBe('submitted');
    const target = await someDisclosure('dc20', 2026, 3);
    const results = await burst(Array.from({ length: N }, (_, i) => () => review.rejectDisclosure(ev, { disclosureId: target.id, reason: `第${i}位：公开内容不完整` })));
    const ok = fulfilled(results);
    expect(ok).toHaveLength(1);
    for (const x of rejected(results)) expect(x.reason).toMatchObject({ code: 'conflict', message: 'alreadyRejected' });
    const rj = w.schema.disclosureRejections;
    const rows = await sys(w, (db) => db.select().from(rj).where(eq(rj.disclosureId, target.id)));
    expect(rows.map((x) => x.id)).toEqual([ok[0]!.value]);
    expect(rows[0]!.reason).toBe(`第${ok[0]!.i}位：公开内容不完整`);
    expect((await trail('disclosure', target.id)).filter((e) => e.action === 'reject')).toHaveLength(1);

    // And N withdrawals of that one rejection at once: exactly one takes effect.
    const withdrawals = await burst(Array.from({ length: N }, () => () => review.withdrawRejection(ev, ok[0]!.value)));
    expect(fulfilled(withdrawals)).toHaveLength(1);
    for (const x of rejected(withdrawals)) expect(x.reason).toMatchObject({ code: 'notFound' });
    expect((await trail('disclosure', target.id)).filter((e) => e.action === 'withdrawRejection')).toHaveLength(1);
  });

  it(`${N} challenges of one "no such matter" statement at once: one audit entry each, chained`, async () => {
    const ev = await scopeOf(w, 'dongcheng.eval');
    const nm = w.schema.noMatterStatements;
    const [st] = await sys(w, (db) =>
      db
        .select({ id: nm.id })
        .from(nm)
        .where(and(eq(nm.districtId, ev.districtId!), isNull(nm.deletedAt)))
        .limit(1),
    );
    const results = await burst(Array.from({ length: N }, (_, i) => () => review.challengeNoMatter(ev, { statementId: st!.id, note: `质疑${i}` })));
    expect(fulfilled(results)).toHaveLength(N);
    const entries = (await trail('no_matter_statement', st!.id)).filter((e) => e.action === 'challenge');
    expect(entries).toHaveLength(N);
    const notes = entries.map((e) => [(e.before as { challengeNote: string | null }).challengeNote, (e.after as { challengeNote: string }).challengeNote]);
    for (let k = 1; k < notes.length; k++) expect(notes[k]![0], `entry ${k}'s "before" is entry ${k - 1}'s "after"`).toBe(notes[k - 1]![1]);
    const [final] = await sys(w, (db) => db.select({ note: nm.challengeNote }).from(nm).where(eq(nm.id, st!.id)));
    expect(final!.note).toBe(notes.at(-1)![1]);
  });

  it.skipIf(!onPostgres)('PostgreSQL: a score save held up mid-transaction cannot change the score of a report approved meanwhile (dc16)', async () => {
    // Deterministic interleaving: an outside transaction holds the evaluation row, so the save
    // stalls after reading the report; an approval then runs. Without a lock on the report row the
    // approval commits first and the save lands on an approved (locked) report afterwards.
    const ev = await scopeOf(w, 'dongcheng.eval');
    const r = await report('dc16', 2026, 3);
    expect(r.state).toBe('submitted');
    await review.saveEvaluation(ev, { reportId: r.id, ...scoreIntent(1) });
    const { default: postgres } = await import('postgres');
    const outside = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
    try {
      let release!: () => void;
      const gate = new Promise<void>((res) => (release = res));
      let holding!: () => void;
      const held = new Promise<void>((res) => (holding = res));
      const holder = outside.begin(async (tx) => {
        await tx`select id from evaluations where report_id = ${r.id} for update`;
        holding();
        await gate;
      });
      await held;
      const save = review.saveEvaluation(ev, { reportId: r.id, ...scoreIntent(2) });
      save.catch(() => undefined);
      await waitForLockWaiters(outside, 1);
      const approve = review.transitionReport(ev, { reportId: r.id, action: 'approve', reason: '', version: r.version });
      approve.catch(() => undefined);
      // Either the approval is already through (the race) or it waits for the save: give it the chance.
      await Promise.race([
        approve.then(
          () => undefined,
          () => undefined,
        ),
        waitForLockWaiters(outside, 2),
      ]);
      release();
      await holder;
      const [saved, approved] = await Promise.allSettled([save, approve]);
      expect(approved.status).toBe('fulfilled');
      const entries = await trail('quarterly_report', r.id);
      const approval = entries.find((e) => e.action === 'approve')!;
      const scores = await trail('evaluation', r.id);
      // Whatever the save's fate, no score entry comes after the approval, and the score kept is the last logged.
      for (const e of scores) expect(e.id).toBeLessThan(approval.id);
      expect(pickScore(await evaluationOf(r.id))).toEqual(scores.at(-1)!.after);
      if (saved.status === 'rejected') expect(saved.reason).toMatchObject({ code: 'conflict', message: 'locked' });
    } finally {
      await outside.end({ timeout: 5 });
    }
  });
});

async function commentsOf(reportId: string) {
  const c = w.schema.reportItemComments;
  const rows = await sys(w, (db) => db.select().from(c).where(eq(c.reportId, reportId)));
  // created_at is the transaction's start; the audit id orders them, but the count is what matters here.
  return rows;
}

/** Waits (bounded) until at least `n` sessions of the app wait for a lock in this database. */
async function waitForLockWaiters(sql: import('postgres').Sql, n: number): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'sunlight' and wait_event_type = 'Lock'`;
    if (row!.n >= n) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${n} lock waiter(s), have ${row!.n}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

// --- report transitions -----------------------------------------------------------------------------

describe('submit / return / approve / reopen of the same report: exactly one transition wins from a state', () => {
  /** Runs a burst of transition attempts from the report's current state; returns the one winner. */
  async function race(school: string, calls: { label: string; run: (version: number) => Promise<unknown> }[]) {
    const before = await report(school, 2026, 3);
    const t0 = (await transitionsOf(before.id)).length;
    const a0 = (await trail('quarterly_report', before.id)).length;
    const results = await burst(calls.map((c) => () => c.run(before.version)));
    // A submit refused by the version check answers { ok: false }, the evaluator's transitions throw 409.
    const wins = results.flatMap((r, i) => (r.status === 'fulfilled' && (r.value === undefined || (r.value as { ok: boolean }).ok) ? [calls[i]!.label] : []));
    for (const x of rejected(results)) expect(x.reason).toMatchObject({ code: 'conflict' });
    for (const x of fulfilled(results)) if (x.value !== undefined && !(x.value as { ok: boolean }).ok) expect(['conflict', 'wrongState']).toContain((x.value as { kind: string }).kind);
    expect(wins).toHaveLength(1);
    const after = await report(school, 2026, 3);
    expect(after.version).toBe(before.version + 1);
    const newTransitions = (await transitionsOf(before.id)).slice(t0);
    expect(newTransitions).toHaveLength(1);
    expect(newTransitions[0]!.fromState).toBe(before.state);
    const newAudit = (await trail('quarterly_report', before.id)).slice(a0);
    expect(newAudit).toHaveLength(1);
    expect(newAudit[0]!.after).toMatchObject({ state: after.state, version: after.version });
    return { winner: wins[0]!, before, after };
  }

  it(`${N} at once from each state of dc12's Q3 report: submitted → (return | approve), approved → reopen, returned → resubmit`, async () => {
    const ev = await scopeOf(w, 'dongcheng.eval');
    const dc12 = await scopeOf(w, 'dongcheng.dc12');
    const r = await report('dc12', 2026, 3);
    expect(r.state).toBe('submitted');
    await review.saveEvaluation(ev, { reportId: r.id, ...scoreIntent(7) });
    const submit = (version: number) => rep.submitQuarterReport(dc12, { year: 2026, quarter: 3, version, confirmGaps: true });

    // From submitted: returns and approvals of two evaluators' tabs, and the coordinator submitting again.
    const fromSubmitted = Array.from({ length: N }, (_, i) =>
      i % 10 === 9
        ? { label: 'submit', run: submit }
        : i % 2 === 0
          ? { label: 'return', run: (version: number) => review.transitionReport(ev, { reportId: r.id, action: 'return', reason: `第${i}位：请补充`, version }) }
          : { label: 'approve', run: (version: number) => review.transitionReport(ev, { reportId: r.id, action: 'approve', reason: '', version }) },
    );
    const first = await race('dc12', fromSubmitted);
    expect(['return', 'approve']).toContain(first.winner);
    expect(first.after.state).toBe(first.winner === 'return' ? 'returned' : 'approved');

    if (first.after.state === 'approved') {
      const reopen = Array.from({ length: N }, (_, i) => ({
        label: 'reopen',
        run: (version: number) => review.transitionReport(ev, { reportId: r.id, action: 'reopen', reason: `第${i}位：需更正`, version }),
      }));
      expect((await race('dc12', reopen)).after.state).toBe('returned');
    }

    // From returned: the coordinator resubmits from many tabs while evaluators try to approve or return.
    const fromReturned = Array.from({ length: N }, (_, i) =>
      i % 5 === 4 ? { label: 'approve', run: (version: number) => review.transitionReport(ev, { reportId: r.id, action: 'approve', reason: '', version }) } : { label: 'submit', run: submit },
    );
    const again = await race('dc12', fromReturned);
    expect(again.winner).toBe('submit');
    expect(again.after).toMatchObject({ state: 'submitted', submittedAt: r.submittedAt }); // the first submission time is kept
  });

  it(`${N} first submissions of a draft at once (dc07, Q4 2026; tabs that saw no report and tabs that saw the draft)`, () =>
    // A report may be submitted once its quarter has ended (§3): the clock is moved past Q4 2026.
    atClock(Q4_2026_ENDED, async () => {
      const dc07 = await scopeOf(w, 'dongcheng.dc07');
      const before = (await reportOf(w, 'dc07', 2026, 4))!;
      expect(before).toMatchObject({ state: 'draft', version: 1 });
      const results = await burst(Array.from({ length: N }, (_, i) => () => rep.submitQuarterReport(dc07, { year: 2026, quarter: 4, version: i % 2, confirmGaps: true })));
      expect(rejected(results)).toEqual([]);
      const values = fulfilled(results).map((o) => o.value);
      expect(values.filter((v) => v.ok)).toHaveLength(1);
      for (const v of values.filter((x) => !x.ok)) expect(v).toEqual({ ok: false, kind: 'conflict' });
      const after = (await reportOf(w, 'dc07', 2026, 4))!;
      expect(after).toMatchObject({ state: 'submitted', version: 2 });
      expect(after.gapsAtSubmit).not.toBeNull();
      expect((await transitionsOf(after.id)).map((t) => [t.fromState, t.toState])).toEqual([['draft', 'submitted']]);
      const entries = await trail('quarterly_report', after.id);
      expect(entries.filter((e) => e.action === 'submit')).toHaveLength(1);
      expect(entries.at(-1)!.after).toMatchObject({ state: 'submitted', version: 2, gapsAtSubmit: after.gapsAtSubmit });
    }));

  it('disclosure edits racing the submission of their report (dc06, Q4 2026): no edit lands after the submission', () =>
    // A report may be submitted once its quarter has ended (§3): the clock is moved past Q4 2026.
    atClock(Q4_2026_ENDED, async () => {
      const dc06 = await scopeOf(w, 'dongcheng.dc06');
      const target = await someDisclosure('dc06', 2026, 4);
      const base = d.valuesOf(target);
      const r = (await reportOf(w, 'dc06', 2026, 4))!;
      const trailBefore = await trail('disclosure', target.id);
      const intents = Array.from({ length: RETRY_WRITERS }, (_, i) => editIntent(base, 'C', i));
      const calls: (() => Promise<unknown>)[] = intents.map((values) => () => editUntilSaved(dc06, target.id, target.version, values));
      calls.splice(RETRY_WRITERS / 2, 0, () => rep.submitQuarterReport(dc06, { year: 2026, quarter: 4, version: r.version, confirmGaps: true }));
      const results = await burst(calls);

      expect(results[RETRY_WRITERS / 2]).toMatchObject({ status: 'fulfilled', value: { ok: true } });
      // Edits refused because the report was submitted meanwhile are refused cleanly (entries locked).
      for (const x of rejected(results)) expect(x.reason).toMatchObject({ code: 'locked', message: 'entryLocked:submitted', detail: 'submitted' });
      const submitted = (await trail('quarterly_report', r.id)).find((e) => e.action === 'submit')!;
      const edits = (await trail('disclosure', target.id)).slice(trailBefore.length);
      expect(edits).toHaveLength(fulfilled(results).length - 1);
      expectUpdateChain(edits, target.version);
      for (const e of edits) expect(e.id).toBeLessThan(submitted.id);
      const row = (await sys(w, (db) => db.select().from(w.schema.disclosures).where(eq(w.schema.disclosures.id, target.id))))[0]!;
      expect(row.version).toBe(target.version + edits.length);
      expect(d.valuesOf(row)).toEqual(edits.length ? intents[writerOfSummary(row.summary, 'C')] : base);
      expect(await reportOf(w, 'dc06', 2026, 4)).toMatchObject({ state: 'submitted', version: r.version + 1 });
    }));
});
