// What the evaluator is warned about on one disclosure (DESIGN §2, §3, §5).
import type { LocalDate, Obligation, ReportState } from '@/core/domain/types';
import { lockedSince } from '@/modules/obligations/domain/entry-window';

export const DISCLOSURE_FLAGS = ['late', 'procurement', 'timingBefore', 'afterApproval', 'afterSubmission'] as const;
export type DisclosureFlag = (typeof DISCLOSURE_FLAGS)[number];

/**
 * - `late`: dated after the obligation's deadline (§3);
 * - `timingBefore`: a 事前 item (`timing: before`) disclosed on or after the event date — the
 *   matter was carried out before the school made it public (§3: strictly before);
 * - `procurement`: §2 rule, B02 of 3000元 or more by a method other than 集体采购/公开招标
 *   (stored on the disclosure as procurement_flag when it was recorded);
 * - `afterApproval` / `afterSubmission`: §3, recorded after the report was approved (or, while it
 *   waits for review, after it was submitted) — an obligation whose deadline had not passed yet,
 *   so not part of what was reviewed.
 */
export function disclosureFlags(
  ob: Pick<Obligation, 'deadline' | 'timingBefore' | 'eventDate'>,
  d: { disclosedOn: LocalDate; procurementFlag: boolean; createdAt?: Date },
  report?: { state: ReportState; lastSubmittedAt: Date | null; approvedAt: Date | null },
): DisclosureFlag[] {
  const flags: DisclosureFlag[] = [];
  const beforeBroken = ob.timingBefore && ob.eventDate !== null && d.disclosedOn >= ob.eventDate;
  if (beforeBroken) flags.push('timingBefore');
  else if (d.disclosedOn > ob.deadline) flags.push('late');
  if (d.procurementFlag) flags.push('procurement');
  const since = report ? lockedSince(report) : null;
  if (since && d.createdAt && d.createdAt > since) flags.push(report!.state === 'approved' ? 'afterApproval' : 'afterSubmission');
  return flags;
}
