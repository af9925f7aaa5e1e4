// Eligibility gates for the annual 先进单位 evaluation (DESIGN.md §6).
import { obligationKey } from '@/modules/obligations/domain/obligations';
import { halfKey, QUARTERS } from '@/core/domain/periods';
import type { ChecklistItem, FindingSeverity, LocalDate, ObligationResult, Quarter, ReportState } from '@/core/domain/types';

/** Stable reason codes (the UI translates them), in the order they are reported. */
export const INELIGIBILITY_REASONS = ['reportsNotApproved', 'congressNotMet', 'vetoUnresolved', 'noValidSatisfaction'] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export const CONGRESS_TAG = 'congress';

export interface FindingFact {
  severity: FindingSeverity;
  /** Closed by the evaluator after rectification. */
  resolved: boolean;
  raisedOn: LocalDate;
}

/** §6 gate 1: all four quarterly reports of the year are approved. */
export function allReportsApproved(reports: readonly { quarter: Quarter; state: ReportState }[]): boolean {
  const approved = new Set(reports.filter((r) => r.state === 'approved').map((r) => r.quarter));
  return QUARTERS.every((q) => approved.has(q));
}

/**
 * §6 gate 2: both `congress`-tagged semiannual obligations (H1 and H2 of `year`) are met.
 * `results` should be the school's results for the year. Every semiannual item tagged `congress`
 * counts; an absent result counts as not met. Decision: if the district's checklist has no such
 * item, the gate does not apply (passes).
 */
export function congressMet(items: readonly ChecklistItem[], results: readonly ObligationResult[], year: number): boolean {
  const metKeys = new Set(results.filter((r) => r.met).map((r) => obligationKey(r.obligation.itemId, r.obligation.periodKey)));
  const met = (itemId: string, half: 1 | 2) => metKeys.has(obligationKey(itemId, halfKey(year, half)));
  return items.filter((i) => i.frequency === 'semiannual' && i.tags.includes(CONGRESS_TAG)).every((i) => met(i.id, 1) && met(i.id, 2));
}

/** §6 gate 3: some 一票否决 (veto) finding raised in `year` is still unresolved. */
export function hasUnresolvedVeto(findings: readonly FindingFact[], year: number): boolean {
  const prefix = `${year}-`;
  return findings.some((f) => f.severity === 'veto' && !f.resolved && f.raisedOn.startsWith(prefix));
}

export interface EligibilityFacts {
  year: number;
  reports: readonly { quarter: Quarter; state: ReportState }[];
  /** Gate 2, as congressMet decided it on the school's year (kept in the fact store). */
  congress: boolean;
  findings: readonly FindingFact[];
  /** Combined satisfaction (null = no valid survey group), see satisfaction.ts. */
  satisfaction: number | null;
}

/** §6: all reasons a school is not eligible; empty = eligible. */
export function eligibilityReasons(f: EligibilityFacts): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (!allReportsApproved(f.reports)) reasons.push('reportsNotApproved');
  if (!f.congress) reasons.push('congressNotMet');
  if (hasUnresolvedVeto(f.findings, f.year)) reasons.push('vetoUnresolved');
  if (f.satisfaction === null) reasons.push('noValidSatisfaction');
  return reasons;
}
