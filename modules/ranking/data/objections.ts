// Objections lodged during a 公示 (DESIGN §6) and the evaluators' answers. An answer is given
// once and kept (audited); a final result needs every objection of the year answered.
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rankingObjections, rankingSnapshots, users } from '@/db/schema';
import { now } from '@/core/env';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import { requireWholeDistrict } from './guard';
import { type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';

export interface ObjectionRow {
  id: string;
  /** The number given to the objector (2026-003). */
  reference: string | null;
  version: number;
  text: string;
  contact: string | null;
  submittedAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** Every objection of the year's versions, oldest first. */
export async function objectionsOfYear(tx: Tx, districtId: string, year: number): Promise<ObjectionRow[]> {
  return tx
    .select({
      id: rankingObjections.id,
      reference: rankingObjections.reference,
      version: rankingSnapshots.version,
      text: rankingObjections.text,
      contact: rankingObjections.contact,
      submittedAt: rankingObjections.submittedAt,
      answer: rankingObjections.answer,
      answeredBy: users.displayName,
      answeredAt: rankingObjections.answeredAt,
    })
    .from(rankingObjections)
    .innerJoin(rankingSnapshots, and(eq(rankingSnapshots.id, rankingObjections.snapshotId), eq(rankingSnapshots.districtId, districtId)))
    .leftJoin(users, eq(users.id, rankingObjections.answeredBy))
    .where(and(eq(rankingObjections.districtId, districtId), eq(rankingSnapshots.year, year)))
    .orderBy(asc(rankingObjections.submittedAt), asc(rankingObjections.id));
}

/** Unanswered objections of any version of the year (decision: none may be left behind by a reopening). */
export async function unansweredCount(tx: Tx, districtId: string, year: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(rankingObjections)
    .innerJoin(rankingSnapshots, and(eq(rankingSnapshots.id, rankingObjections.snapshotId), eq(rankingSnapshots.districtId, districtId)))
    .where(and(eq(rankingObjections.districtId, districtId), eq(rankingSnapshots.year, year), isNull(rankingObjections.answer)));
  return Number(row?.n ?? 0);
}

/** Evaluators (whole district): answer an objection once. Already answered ⇒ conflict. */
export async function answerObjection(scope: Scope, objectionId: string, answer: string): Promise<void> {
  await inDistrict(scope, ['evaluator'], async (tx, s) => {
    requireWholeDistrict(s);
    if (!isUuid(objectionId)) notFound();
    const [before] = await tx
      .select()
      .from(rankingObjections)
      .where(and(eq(rankingObjections.id, objectionId), eq(rankingObjections.districtId, s.districtId)));
    if (!before) notFound();
    const answeredAt = now();
    const [after] = await tx
      .update(rankingObjections)
      .set({ answer, answeredBy: s.userId, answeredAt })
      .where(and(eq(rankingObjections.id, objectionId), eq(rankingObjections.districtId, s.districtId), isNull(rankingObjections.answer)))
      .returning();
    if (!after) throw new AppError('conflict', 'alreadyAnswered');
    await audit(tx, s, {
      entity: 'ranking_objection',
      entityId: objectionId,
      action: 'answer',
      before: { answer: null },
      after: { answer, answeredAt: answeredAt.toISOString() },
    });
  });
}
