// When may a district's checklist of a year be edited, and where does the edit go? (DESIGN §2,
// issue 7). Pure: the data layer supplies the versions and the quarters with submitted reports.
//
// - A version is frozen once `frozen_at` is set (the year's first report was submitted), or —
//   in case the submit action did not set it — once any report of a quarter the version applies
//   to (its effective quarter or later) has been submitted.
// - An unfrozen latest version is edited in place.
// - An edit of a frozen version makes version n+1 (items copied) that applies from the quarter
//   after today, so figures of earlier quarters never change. In Q4 there is no later quarter in
//   the year; the new version then applies from Q4 itself (decision: otherwise a correction made in
//   November could never take effect), provided no Q4 report has been submitted yet.
// - A new version never applies to a quarter that already has a submitted report, and past years
//   stay frozen (§2).
import type { Quarter, QuarterRef } from '@/core/domain/types';

export interface VersionFacts {
  id: string;
  version: number;
  effectiveFromQuarter: number;
  frozenAt: Date | null;
}

export type EditPlan<V extends VersionFacts = VersionFacts> =
  | { kind: 'noVersion' }
  | { kind: 'inPlace'; version: V }
  | { kind: 'newVersion'; from: V; version: number; effectiveFromQuarter: Quarter }
  | { kind: 'refused'; reason: 'pastYear' }
  | { kind: 'refused'; reason: 'quarterReported'; quarter: Quarter };

export function isVersionFrozen(v: VersionFacts, submittedQuarters: ReadonlySet<number>): boolean {
  if (v.frozenAt !== null) return true;
  for (const q of submittedQuarters) if (q >= v.effectiveFromQuarter) return true;
  return false;
}

export function latestVersion<V extends VersionFacts>(versions: readonly V[]): V | null {
  return versions.reduce<V | null>((m, v) => (m === null || v.version > m.version ? v : m), null);
}

export function editPlan<V extends VersionFacts>(versions: readonly V[], year: number, today: QuarterRef, submittedQuarters: ReadonlySet<number>): EditPlan<V> {
  const latest = latestVersion(versions);
  if (!latest) return { kind: 'noVersion' };
  if (year < today.year) return { kind: 'refused', reason: 'pastYear' };
  if (!isVersionFrozen(latest, submittedQuarters)) return { kind: 'inPlace', version: latest };
  const from: Quarter = year > today.year ? 1 : (Math.min(today.quarter + 1, 4) as Quarter);
  for (const q of submittedQuarters) if (q >= from) return { kind: 'refused', reason: 'quarterReported', quarter: from };
  return { kind: 'newVersion', from: latest, version: latest.version + 1, effectiveFromQuarter: from };
}
