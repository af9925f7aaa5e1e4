// Findings (整改, DESIGN §5), evaluator side: raise one against a school (optionally an item),
// read the school's rectification responses, close or reopen; the district list of open
// findings, overdue first. The coordinator's response side writes `rectifications`.
import { now } from '@/core/env';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { isFindingOverdue } from '@/modules/reports/domain/finding-overdue';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, evidenceFiles, findings, rectifications, schools, users, type FindingStatus } from '@/db/schema';
import type { FindingSeverity, LocalDate, Quarter } from '@/core/domain/types';
import type { FindingStatusInput, RaiseFindingInput, ReturnRectificationInput } from '@/modules/reports/validation/findings';
import { answeredLate, findingStage, type FindingStage } from '@/modules/reports/domain/finding-stage';
import { localDateOf } from '@/core/domain/dates';
import { audit } from '@/core/audit';
import { versionForQuarter } from '@/modules/checklist/data/versions';
import { inDistrict, thisQuarter, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { schoolInScope, schoolScopeFilter, schoolsInScope } from '@/modules/org/data/schools';
import { coversSchool, type DistrictScope, type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';
import { refreshFindings } from '@/modules/facts/data/refresh';

export type FindingListFilter = 'open' | 'closed' | 'all';

export interface FindingRow {
  id: string;
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  itemCode: string | null;
  year: number;
  severity: FindingSeverity;
  title: string;
  dueOn: string;
  status: FindingStatus;
  raisedAt: Date;
  stage: FindingStage;
  overdue: boolean;
  answeredLate: boolean;
}

const raiser = alias(users, 'raiser');
const judge = alias(users, 'judge');

/** The days each finding was answered on, oldest first. */
async function answersOf(tx: Tx, districtId: string, findingIds: string[]): Promise<Map<string, { on: LocalDate }[]>> {
  const out = new Map<string, { on: LocalDate }[]>();
  if (findingIds.length === 0) return out;
  const rows = await tx
    .select({ findingId: rectifications.findingId, at: rectifications.submittedAt })
    .from(rectifications)
    .where(and(eq(rectifications.districtId, districtId), inArray(rectifications.findingId, findingIds)))
    .orderBy(asc(rectifications.submittedAt));
  for (const r of rows) out.set(r.findingId, [...(out.get(r.findingId) ?? []), { on: localDateOf(r.at) }]);
  return out;
}

export interface FindingListOptions {
  filter?: FindingListFilter;
  schoolId?: string | null;
  /** Findings filed under this year (findings.year), as the leader's tile counts them. */
  year?: number | null;
}

/**
 * The findings a list shows: the caller's schools, the statuses of the filter ("open" = not closed:
 * open, or answered and waiting for the evaluator), optionally one school or one year. The leader's
 * open-findings tile counts with the same condition, so it matches the list it links to.
 */
function listCondition(s: DistrictScope, opts: FindingListOptions) {
  const filter = opts.filter ?? 'open';
  const statuses: FindingStatus[] = filter === 'open' ? ['open', 'responded'] : filter === 'closed' ? ['closed'] : ['open', 'responded', 'closed'];
  return and(
    eq(findings.districtId, s.districtId),
    schoolScopeFilter(s),
    inArray(findings.status, statuses),
    opts.schoolId && isUuid(opts.schoolId) ? eq(findings.schoolId, opts.schoolId) : undefined,
    opts.year ? eq(findings.year, opts.year) : undefined,
  );
}

/** How many findings the list with these options shows (the leader's tile, §4: one number per figure). */
export async function countFindingsTx(tx: Tx, s: DistrictScope, opts: FindingListOptions): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(findings).innerJoin(schools, eq(schools.id, findings.schoolId)).where(listCondition(s, opts));
  return Number(row?.n ?? 0);
}

/** Evaluators and leaders: findings of the schools in scope; open ones overdue first. */
export async function findingsList(scope: Scope, opts: FindingListOptions = {}): Promise<FindingRow[]> {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
    const rows = await tx
      .select({ f: findings, code: schools.code, name: schools.name })
      .from(findings)
      .innerJoin(schools, eq(schools.id, findings.schoolId))
      .where(listCondition(s, opts))
      .orderBy(asc(findings.dueOn), desc(findings.raisedAt));
    const day = today();
    const answers = await answersOf(
      tx,
      s.districtId,
      rows.map((r) => r.f.id),
    );
    const list = rows.map(({ f, code, name }) => {
      const facts = { status: f.status, dueOn: f.dueOn, responses: answers.get(f.id) ?? [] };
      return {
        id: f.id,
        schoolId: f.schoolId,
        schoolCode: code,
        schoolName: name,
        itemCode: f.itemCode,
        year: f.year,
        severity: f.severity,
        title: f.title,
        dueOn: f.dueOn,
        status: f.status,
        raisedAt: f.raisedAt,
        stage: findingStage(facts),
        overdue: isFindingOverdue(facts, day),
        answeredLate: answeredLate(facts),
      };
    });
    // Overdue first (stable: by due date within each group).
    return [...list.filter((r) => r.overdue), ...list.filter((r) => !r.overdue)];
  });
}

/** One finding with the school's responses, their evidence and the status history. */
export async function findingDetail(scope: Scope, findingId: string) {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
    if (!isUuid(findingId)) notFound();
    const [row] = await tx
      .select({ f: findings, school: schools, raisedBy: raiser.displayName })
      .from(findings)
      .innerJoin(schools, eq(schools.id, findings.schoolId))
      .leftJoin(raiser, eq(raiser.id, findings.raisedBy))
      .where(and(eq(findings.id, findingId), eq(findings.districtId, s.districtId)));
    if (!row || !coversSchool(s, row.school)) notFound();
    const responses = await tx
      .select({
        id: rectifications.id,
        response: rectifications.response,
        at: rectifications.submittedAt,
        by: users.displayName,
        verdict: rectifications.verdict,
        verdictReason: rectifications.verdictReason,
        verdictAt: rectifications.verdictAt,
        verdictBy: judge.displayName,
      })
      .from(rectifications)
      .leftJoin(users, eq(users.id, rectifications.submittedBy))
      .leftJoin(judge, eq(judge.id, rectifications.verdictBy))
      .where(and(eq(rectifications.districtId, s.districtId), eq(rectifications.findingId, row.f.id)))
      .orderBy(asc(rectifications.submittedAt));
    const evidence = responses.length
      ? await tx
          .select({ id: evidenceFiles.id, ownerId: evidenceFiles.ownerId, kind: evidenceFiles.kind, fileName: evidenceFiles.fileName, mimeType: evidenceFiles.mimeType, url: evidenceFiles.url })
          .from(evidenceFiles)
          .where(
            and(
              eq(evidenceFiles.districtId, s.districtId),
              eq(evidenceFiles.ownerType, 'rectification'),
              inArray(
                evidenceFiles.ownerId,
                responses.map((r) => r.id),
              ),
            ),
          )
      : [];
    const history = await tx
      .select({ at: auditLog.at, action: auditLog.action, after: auditLog.after, by: users.displayName })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.districtId, s.districtId), eq(auditLog.entity, 'finding'), eq(auditLog.entityId, row.f.id)))
      // Stamps tie under a frozen clock (SUNLIGHT_NOW): the audit log's serial id keeps the order of events.
      .orderBy(asc(auditLog.at), asc(auditLog.id));
    const facts = { status: row.f.status, dueOn: row.f.dueOn, responses: responses.map((r) => ({ on: localDateOf(r.at) })) };
    return {
      finding: row.f,
      school: row.school,
      raisedBy: row.raisedBy,
      stage: findingStage(facts),
      overdue: isFindingOverdue(facts, today()),
      answeredLate: answeredLate(facts),
      responses: responses.map((r) => ({ ...r, evidence: evidence.filter((e) => e.ownerId === r.id) })),
      history: history.map((h) => ({ at: h.at, action: h.action, by: h.by, note: noteOf(h.after) })),
      today: today(),
      canAct: s.role === 'evaluator',
    };
  });
}

function noteOf(after: unknown): string | null {
  if (after && typeof after === 'object') {
    if ('note' in after && typeof after.note === 'string' && after.note) return after.note;
    if ('reason' in after && typeof after.reason === 'string' && after.reason) return after.reason;
  }
  return null;
}

/** A finding of a school in the evaluator's scope (404 otherwise), locked for the change when asked. */
async function findingInScope(tx: Tx, s: DistrictScope, findingId: string, opts: { lock?: boolean } = {}) {
  if (!isUuid(findingId)) notFound();
  const q = tx
    .select({ f: findings, school: schools })
    .from(findings)
    .innerJoin(schools, eq(schools.id, findings.schoolId))
    .where(and(eq(findings.id, findingId), eq(findings.districtId, s.districtId)));
  const [row] = opts.lock ? await q.for('update', { of: findings }) : await q;
  if (!row || !coversSchool(s, row.school)) notFound();
  return row;
}

/**
 * Evaluators: the school's latest answer does not rectify the problem (整改不到位, §5). The answer
 * keeps the verdict and its reason, and the finding opens again with a new due date for a new
 * answer. Only an answered finding can be sent back.
 */
export async function returnRectification(scope: Scope, input: ReturnRectificationInput): Promise<void> {
  await inDistrict(scope, ['evaluator'], async (tx, s) => {
    const row = await findingInScope(tx, s, input.findingId, { lock: true });
    if (row.f.status !== 'responded') throw new AppError('conflict', 'wrongState');
    if (input.dueOn <= today()) throw new AppError('badRequest', 'evaluatorFindings.dueInFuture', { field: 'dueOn' });
    const [latest] = await tx
      .select()
      .from(rectifications)
      .where(and(eq(rectifications.districtId, s.districtId), eq(rectifications.findingId, row.f.id)))
      .orderBy(desc(rectifications.submittedAt))
      .limit(1);
    if (!latest) throw new AppError('conflict', 'wrongState');
    const at = now();
    await tx
      .update(rectifications)
      .set({ verdict: 'insufficient', verdictReason: input.reason, verdictAt: at, verdictBy: s.userId })
      .where(and(eq(rectifications.id, latest.id), eq(rectifications.districtId, s.districtId)));
    await tx
      .update(findings)
      .set({ status: 'open', dueOn: input.dueOn })
      .where(and(eq(findings.id, row.f.id), eq(findings.districtId, s.districtId)));
    await refreshFindings(tx, s.districtId, row.f.schoolId, row.f.year);
    await audit(tx, s, { entity: 'rectification', entityId: latest.id, action: 'insufficient', before: { verdict: latest.verdict }, after: { verdict: 'insufficient', reason: input.reason } });
    await audit(tx, s, {
      entity: 'finding',
      entityId: row.f.id,
      action: 'insufficient',
      before: { status: row.f.status, dueOn: row.f.dueOn },
      after: { status: 'open', dueOn: input.dueOn, reason: input.reason },
    });
  });
}

/** Evaluators: raise a finding against a school in scope; the item code must be on the year's list. */
export async function raiseFinding(scope: Scope, input: RaiseFindingInput): Promise<string> {
  return inDistrict(scope, ['evaluator'], async (tx, s) => {
    const school = await schoolInScope(tx, s, input.schoolId);
    const q = thisQuarter();
    if (input.itemCode) {
      const version = await versionForQuarter(tx, s.districtId, q.year, q.quarter as Quarter);
      if (!version?.items.some((i) => i.code === input.itemCode)) throw new AppError('badRequest', 'validation.invalid', { field: 'itemCode' });
    }
    const [row] = await tx
      .insert(findings)
      .values({
        districtId: s.districtId,
        schoolId: school.id,
        itemCode: input.itemCode,
        year: q.year,
        severity: input.severity,
        title: input.title,
        description: input.description,
        dueOn: input.dueOn,
        raisedBy: s.userId,
      })
      .returning({ id: findings.id });
    await refreshFindings(tx, s.districtId, school.id, q.year);
    await audit(tx, s, { entity: 'finding', entityId: row!.id, action: 'raise', before: null, after: { ...input, year: q.year } });
    return row!.id;
  });
}

/** Evaluators: close (after the rectification) or reopen (with a note) a finding. */
export async function setFindingStatus(scope: Scope, input: FindingStatusInput): Promise<void> {
  await inDistrict(scope, ['evaluator'], async (tx, s) => {
    const row = await findingInScope(tx, s, input.findingId);
    const closing = input.action === 'close';
    if (closing === (row.f.status === 'closed')) throw new AppError('conflict', 'wrongState');
    const at = now();
    // Reopened: the school has to respond again, so it is open (its earlier answers stay listed).
    const status: FindingStatus = closing ? 'closed' : 'open';
    await tx
      .update(findings)
      .set({ status, closedAt: closing ? at : null, closedBy: closing ? s.userId : null })
      .where(and(eq(findings.id, row.f.id), eq(findings.districtId, s.districtId)));
    await refreshFindings(tx, s.districtId, row.f.schoolId, row.f.year);
    await audit(tx, s, { entity: 'finding', entityId: row.f.id, action: input.action, before: { status: row.f.status }, after: { status, note: input.note || null } });
  });
}

/** Evaluators: what the "raise a finding" form offers — schools in scope and this year's items. */
export async function findingFormOptions(scope: Scope) {
  return inDistrict(scope, ['evaluator'], async (tx, s) => {
    const q = thisQuarter();
    const [list, version] = await Promise.all([schoolsInScope(tx, s), versionForQuarter(tx, s.districtId, q.year, q.quarter as Quarter)]);
    return {
      schools: list.map((x) => ({ id: x.id, code: x.code, name: x.name })),
      items: (version?.items ?? []).map((i) => ({ code: i.code, name: i.name })),
    };
  });
}
