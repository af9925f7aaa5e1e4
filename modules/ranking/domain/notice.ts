// The 先进单位 workflow rules (DESIGN.md §6): draft (live) → 公示 (a frozen snapshot on a public
// page for `noticeWorkingDays` working days, objections welcome) → final (objections answered,
// a leader approves; immutable). Changing a published or final result means reopening, which
// supersedes the snapshot and publishes a new version. Pure: the data layer supplies the facts.
import { addWorkingDays } from '@/core/domain/working-days';
import type { LocalDate } from '@/core/domain/types';

/** Where the ranking of a year stands; 'draft' = nothing published (the live computation). */
export type RankingState = 'draft' | 'notice' | 'final';
export type SnapshotState = 'notice' | 'final' | 'superseded';

export interface NoticePeriod {
  /** First day of the 公示: the first working day after publication. */
  startsOn: LocalDate;
  /** Last day (inclusive) on which objections are taken: the n-th working day after publication. */
  endsOn: LocalDate;
}

/**
 * §6: the notice runs `workingDays` working days (weekends and the district's holidays skipped)
 * after the day it is published (see addWorkingDays: the publication day itself never counts).
 * Published Monday 2026-11-23 with 5 days ⇒ 2026-11-24 … 2026-11-30.
 */
export function noticePeriod(publishedOn: LocalDate, workingDays: number, holidays: readonly LocalDate[] = []): NoticePeriod {
  const endsOn = addWorkingDays(publishedOn, workingDays, holidays);
  const startsOn = workingDays === 0 ? publishedOn : addWorkingDays(publishedOn, 1, holidays);
  return { startsOn, endsOn };
}

interface SnapshotFacts {
  state: SnapshotState;
  noticeEndsOn: LocalDate;
}

/**
 * Objections are taken from publication through the last day of the period (decision: also on
 * the day of publication and on non-working days inside the period — anyone reading the notice
 * may object at once).
 */
export function takesObjections(s: SnapshotFacts, today: LocalDate): boolean {
  return s.state === 'notice' && today <= s.noticeEndsOn;
}

export type PublishBlock = 'alreadyPublished' | 'yearNotOver';

/**
 * Publishing needs no active (notice or final) snapshot for the year, and the year to be over
 * (decision: a ranking of a year in progress would freeze figures that are still moving; the
 * report-approval gate would make every school ineligible anyway).
 */
export function publishBlock(active: { state: SnapshotState } | null, year: number, today: LocalDate): PublishBlock | null {
  if (active && active.state !== 'superseded') return 'alreadyPublished';
  if (today <= `${year}-12-31`) return 'yearNotOver';
  return null;
}

export type ApproveBlock = 'notInNotice' | 'noticeRunning' | 'objectionsOpen';

/** §6: final once the notice period is over and every objection has been answered. */
export function approveBlock(s: SnapshotFacts, today: LocalDate, unansweredObjections: number): ApproveBlock | null {
  if (s.state !== 'notice') return 'notInNotice';
  if (today <= s.noticeEndsOn) return 'noticeRunning';
  if (unansweredObjections > 0) return 'objectionsOpen';
  return null;
}

export type ReopenBlock = 'notActive' | 'reasonRequired';

/** A notice or a final result may be reopened, always with a reason (it is audited). */
export function reopenBlock(s: { state: SnapshotState }, reason: string | null | undefined): ReopenBlock | null {
  if (s.state === 'superseded') return 'notActive';
  if (!reason || reason.trim() === '') return 'reasonRequired';
  return null;
}

/** The state a year's ranking is in, from its active snapshot (null = none published). */
export function rankingState(active: { state: SnapshotState } | null): RankingState {
  if (!active || active.state === 'superseded') return 'draft';
  return active.state;
}
