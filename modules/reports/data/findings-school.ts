// Coordinator: findings (整改) raised against their school and the school's rectification
// responses with evidence (DESIGN §5). A response sets the finding to 'responded'; the evaluator
// closes or re-opens it.
import { isFindingOverdue } from '@/modules/reports/domain/finding-overdue';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { findings, rectifications, type FindingStatus } from '@/db/schema';
import type { FindingSeverity, LocalDate } from '@/core/domain/types';
import { localDateOf } from '@/core/domain/dates';
import { now } from '@/core/env';
import type { RectificationInput } from '@/modules/reports/validation/findings-school';
import { audit } from '@/core/audit';
import { inDistrict, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { ownSchool } from '@/modules/obligations/data/entry';
import { deleteDraftTx, loadDraftTx, type StoredDraft } from '@/core/forms/drafts';
import { evidenceOf, type EvidenceView } from '@/modules/disclosures/data/evidence';
import { type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';
import { refreshFindings } from '@/modules/facts/data/refresh';
import { findingStage, type FindingStage } from '@/modules/reports/domain/finding-stage';

export const rectificationFormKey = (findingId: string) => `rectification:${findingId}`;

export interface SchoolFinding {
  id: string;
  itemCode: string | null;
  year: number;
  severity: FindingSeverity;
  title: string;
  description: string;
  dueOn: LocalDate;
  status: FindingStatus;
  raisedAt: Date;
  closedAt: Date | null;
  stage: FindingStage;
  overdue: boolean;
  /** Each answer; `insufficient`: the evaluator sent it back as 整改不到位, with the reason. */
  responses: { id: string; response: string; submittedAt: Date; late: boolean; evidence: EvidenceView[]; insufficient: { reason: string; at: Date } | null }[];
  /** Open for a response: the id the next response will get (evidence uploads use it), and its draft. */
  form: { rectificationId: string; evidence: EvidenceView[]; draft: StoredDraft | null } | null;
}

export async function schoolFindings(scope: Scope): Promise<SchoolFinding[]> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const day = today();
    const rows = await tx
      .select()
      .from(findings)
      .where(and(eq(findings.districtId, s.districtId), eq(findings.schoolId, school.id)))
      .orderBy(desc(findings.raisedAt));
    const ids = rows.map((f) => f.id);
    const responses = ids.length
      ? await tx
          .select()
          .from(rectifications)
          .where(and(eq(rectifications.districtId, s.districtId), inArray(rectifications.findingId, ids)))
          .orderBy(asc(rectifications.submittedAt))
      : [];
    const drafts = new Map<string, StoredDraft | null>();
    for (const f of rows) if (f.status !== 'closed') drafts.set(f.id, await loadDraftTx(tx, s, rectificationFormKey(f.id)));
    // A pending response keeps the id chosen when its form was first used (kept in the draft).
    const pendingId = new Map<string, string>();
    for (const [fid, d] of drafts)
      pendingId.set(
        fid,
        typeof d?.values.rectificationId === 'string' && isUuid(d.values.rectificationId) && !responses.some((r) => r.id === d.values.rectificationId) ? d.values.rectificationId : randomUUID(),
      );
    const evidence = await evidenceOf(tx, s.districtId, school.id, 'rectification', [...responses.map((r) => r.id), ...pendingId.values()]);
    return rows.map((f) => ({
      id: f.id,
      itemCode: f.itemCode,
      year: f.year,
      severity: f.severity,
      title: f.title,
      description: f.description,
      dueOn: f.dueOn,
      status: f.status,
      raisedAt: f.raisedAt,
      closedAt: f.closedAt,
      stage: findingStage({ status: f.status, dueOn: f.dueOn, responses: responses.filter((r) => r.findingId === f.id).map((r) => ({ on: localDateOf(r.submittedAt) })) }),
      overdue: isFindingOverdue(f, day),
      responses: responses
        .filter((r) => r.findingId === f.id)
        .map((r) => ({
          id: r.id,
          response: r.response,
          submittedAt: r.submittedAt,
          late: localDateOf(r.submittedAt) > f.dueOn,
          evidence: evidence.get(r.id) ?? [],
          insufficient: r.verdict === 'insufficient' && r.verdictAt ? { reason: r.verdictReason ?? '', at: r.verdictAt } : null,
        })),
      form: f.status === 'closed' ? null : { rectificationId: pendingId.get(f.id)!, evidence: evidence.get(pendingId.get(f.id)!) ?? [], draft: drafts.get(f.id) ?? null },
    }));
  });
}

/**
 * Coordinator: sends a rectification response (with the evidence already uploaded under its id).
 * Decision: a response after the due date is accepted and shown as late — refusing it would leave
 * the finding (possibly a 一票否决, §6) without any way to be resolved.
 */
export async function respondToFinding(scope: Scope, input: RectificationInput): Promise<{ late: boolean }> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    if (!isUuid(input.findingId) || !isUuid(input.rectificationId)) notFound();
    const where = and(eq(findings.id, input.findingId), eq(findings.districtId, s.districtId), eq(findings.schoolId, school.id));
    const [finding] = await tx.select().from(findings).where(where).for('update');
    if (!finding) notFound();
    if (finding.status === 'closed') throw new AppError('conflict');
    const at = now();
    const [row] = await tx
      .insert(rectifications)
      .values({ id: input.rectificationId, districtId: s.districtId, findingId: finding.id, response: input.response, submittedBy: s.userId, submittedAt: at })
      .onConflictDoNothing()
      .returning();
    if (!row) notFound();
    await tx.update(findings).set({ status: 'responded' }).where(where);
    await refreshFindings(tx, s.districtId, school.id, finding.year);
    const late = localDateOf(at) > finding.dueOn;
    await audit(tx, s, { entity: 'rectification', entityId: row.id, action: 'create', after: { findingId: finding.id, response: input.response, late } });
    await audit(tx, s, { entity: 'finding', entityId: finding.id, action: 'respond', before: { status: finding.status }, after: { status: 'responded' } });
    await deleteDraftTx(tx, s, rectificationFormKey(finding.id));
    return { late };
  });
}
