// One quarterly report as the evaluator reviews it (DESIGN §3–§5): every obligation with the
// school's disclosures, evidence, rejections, flags and comments; "no such matter" statements;
// the score and the transitions. Evaluators act on it; leaders and the school's coordinator read.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { declaredEvents, disclosureRejections, disclosures, evaluations, evidenceFiles, noMatterStatements, reportItemComments, users } from '@/db/schema';
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { reportDueDate } from '@/core/domain/periods';
import { disclosureFlags, type DisclosureFlag } from '@/modules/reports/domain/review-flags';
import { rubricTotal } from '@/modules/reports/domain/scores';
import type { Audience, Channel, ChecklistItem, ObligationResult, Quarter } from '@/core/domain/types';
import { inDistrict, today } from '@/core/context';
import { quarterResults } from '@/modules/obligations/data/results';
import { reportInScope, transitionsOf } from './reports';
import { loadSettings } from '@/modules/org/data/settings';
import type { Scope } from '@/core/scope';

export interface EvidenceView {
  id: string;
  kind: 'file' | 'link';
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  url: string | null;
}

export interface DisclosureView {
  id: string;
  disclosedOn: string;
  plannedOn: string | null;
  channels: Channel[];
  audience: Audience;
  summary: string;
  procurementAmount: number | null;
  procurementMethod: string | null;
  flags: DisclosureFlag[];
  /** A standing rejection; `revisedAt`: the school changed the disclosure since (已修改待复核). */
  rejection: { id: string; reason: string; by: string | null; at: Date; revisedAt: Date | null } | null;
  evidence: EvidenceView[];
}

export interface CommentView {
  id: string;
  comment: string;
  author: string | null;
  at: Date;
}

export interface ObligationView {
  result: ObligationResult;
  item: ChecklistItem | undefined;
  eventTitle: string | null;
  disclosures: DisclosureView[];
  comments: CommentView[];
}

async function loadDetails(tx: Tx, districtId: string, schoolId: string, year: number, quarter: Quarter) {
  const rows = await tx
    .select({ d: disclosures, rej: disclosureRejections, rejBy: users.displayName })
    .from(disclosures)
    .leftJoin(disclosureRejections, and(eq(disclosureRejections.disclosureId, disclosures.id), isNull(disclosureRejections.withdrawnAt)))
    .leftJoin(users, eq(users.id, disclosureRejections.rejectedBy))
    .where(and(eq(disclosures.districtId, districtId), eq(disclosures.schoolId, schoolId), eq(disclosures.year, year), eq(disclosures.quarter, quarter), isNull(disclosures.deletedAt)))
    .orderBy(asc(disclosures.disclosedOn), asc(disclosures.createdAt));
  const ids = rows.map((r) => r.d.id);
  const evidence = ids.length
    ? await tx
        .select({
          id: evidenceFiles.id,
          ownerId: evidenceFiles.ownerId,
          kind: evidenceFiles.kind,
          fileName: evidenceFiles.fileName,
          mimeType: evidenceFiles.mimeType,
          size: evidenceFiles.size,
          url: evidenceFiles.url,
        })
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.districtId, districtId), eq(evidenceFiles.ownerType, 'disclosure'), inArray(evidenceFiles.ownerId, ids), isNull(evidenceFiles.deletedAt)))
        .orderBy(asc(evidenceFiles.createdAt))
    : [];
  return { rows, evidence };
}

/** The report with everything the review needs (evaluators, leaders, the school's coordinator). */
export async function reportReview(scope: Scope, reportId: string) {
  return inDistrict(scope, ['evaluator', 'leader', 'coordinator'], async (tx, s) => {
    const { report, school } = await reportInScope(tx, s, reportId);
    const q = report.quarter as Quarter;
    const day = today();
    const [qr, settings, details, comments, statements, events, [evaluation], transitions] = await Promise.all([
      quarterResults(tx, s.districtId, [school.id], report.year, q, day),
      loadSettings(tx, s.districtId, report.year),
      loadDetails(tx, s.districtId, school.id, report.year, q),
      tx
        .select({
          id: reportItemComments.id,
          itemCode: reportItemComments.itemCode,
          periodKey: reportItemComments.periodKey,
          comment: reportItemComments.comment,
          author: users.displayName,
          at: reportItemComments.createdAt,
        })
        .from(reportItemComments)
        .leftJoin(users, eq(users.id, reportItemComments.authorId))
        .where(and(eq(reportItemComments.districtId, s.districtId), eq(reportItemComments.reportId, report.id)))
        .orderBy(asc(reportItemComments.createdAt)),
      tx
        .select({ st: noMatterStatements, by: users.displayName })
        .from(noMatterStatements)
        .leftJoin(users, eq(users.id, noMatterStatements.challengedBy))
        .where(
          and(
            eq(noMatterStatements.districtId, s.districtId),
            eq(noMatterStatements.schoolId, school.id),
            eq(noMatterStatements.year, report.year),
            eq(noMatterStatements.quarter, q),
            isNull(noMatterStatements.deletedAt),
          ),
        )
        .orderBy(asc(noMatterStatements.itemCode)),
      tx
        .select({ id: declaredEvents.id, title: declaredEvents.title, eventDate: declaredEvents.eventDate })
        .from(declaredEvents)
        .where(and(eq(declaredEvents.districtId, s.districtId), eq(declaredEvents.schoolId, school.id), eq(declaredEvents.year, report.year))),
      tx
        .select()
        .from(evaluations)
        .where(and(eq(evaluations.districtId, s.districtId), eq(evaluations.reportId, report.id))),
      transitionsOf(tx, report.id),
    ]);
    const results = qr.bySchool.get(school.id) ?? [];
    const itemsById = new Map(qr.items.map((i) => [i.id, i]));
    const itemsByCode = new Map(qr.items.map((i) => [i.code, i]));
    const eventTitle = new Map(events.map((e) => [e.id, e.title]));
    const eventsById = new Map(events.map((e) => [e.id, { title: e.title, eventDate: e.eventDate }]));
    const evidenceBy = new Map<string, EvidenceView[]>();
    for (const e of details.evidence) evidenceBy.set(e.ownerId, [...(evidenceBy.get(e.ownerId) ?? []), { ...e, kind: e.kind }]);

    const obligations: ObligationView[] = results.map((r) => {
      const ob = r.obligation;
      const mine = details.rows.filter((x) => x.d.itemCode === ob.itemCode && x.d.periodKey === ob.periodKey);
      return {
        result: r,
        item: itemsById.get(ob.itemId),
        eventTitle: ob.eventId ? (eventTitle.get(ob.eventId) ?? null) : null,
        disclosures: mine.map(({ d, rej, rejBy }) => ({
          id: d.id,
          disclosedOn: d.disclosedOn,
          plannedOn: d.plannedOn,
          channels: d.channels,
          audience: d.audience,
          summary: d.summary,
          procurementAmount: d.procurementAmount,
          procurementMethod: d.procurementMethod,
          flags: disclosureFlags(ob, d, report),
          rejection: rej ? { id: rej.id, reason: rej.reason, by: rejBy, at: rej.rejectedAt, revisedAt: rej.revisedAt } : null,
          evidence: evidenceBy.get(d.id) ?? [],
        })),
        comments: comments.filter((c) => c.itemCode === ob.itemCode && (c.periodKey === null || c.periodKey === ob.periodKey)),
      };
    });
    const flagged = obligations.flatMap((o) => o.disclosures.flatMap((d) => d.flags));
    const t = tally(results);
    return {
      report,
      school,
      today: day,
      reportDue: reportDueDate({ year: report.year, quarter: q }, settings.reportDueDays),
      obligations,
      figures: { tally: t, coverage: coverage(t), timeliness: timeliness(t) },
      flagCounts: {
        late: flagged.filter((f) => f === 'late').length,
        procurement: flagged.filter((f) => f === 'procurement').length,
        timingBefore: flagged.filter((f) => f === 'timingBefore').length,
        afterLock: flagged.filter((f) => f === 'afterApproval' || f === 'afterSubmission').length,
        noMatter: statements.length,
      },
      /** Comments on items without an obligation in the quarter (kept visible, not lost). */
      otherComments: comments.filter((c) => !results.some((r) => r.obligation.itemCode === c.itemCode)).map((c) => ({ ...c, itemName: itemsByCode.get(c.itemCode)?.name ?? '' })),
      /** Mandatory obligations unmet at submission, with the item's name and the event (for readable periods). */
      gapsAtSubmit: (report.gapsAtSubmit ?? []).map((g) => ({ ...g, itemName: itemsByCode.get(g.itemCode)?.name ?? '', event: eventsById.get(g.periodKey) ?? null })),
      noMatter: statements.map(({ st, by }) => ({
        id: st.id,
        itemCode: st.itemCode,
        itemName: itemsByCode.get(st.itemCode)?.name ?? st.itemCode,
        reason: st.reason,
        createdAt: st.createdAt,
        challenge: st.challengedAt ? { at: st.challengedAt, by, note: st.challengeNote ?? '' } : null,
      })),
      evaluation: evaluation ? { ...evaluation, total: rubricTotal(evaluation) } : null,
      transitions,
      /** Evaluators act; leaders and coordinators only read (DESIGN §1). */
      canAct: s.role === 'evaluator',
    };
  });
}
