// Evaluator score for quarterly reports (DESIGN.md §4).
import { roundTo2 } from '@/modules/obligations/domain/metrics';
import { RUBRIC_DIMENSIONS } from '@/core/domain/types';
import type { ReportState, Rubric, RubricDimension } from '@/core/domain/types';

/** §4: five dimensions, 0–20 points each (思想重视, 内容翔实, 形式规范, 程序严密, 制度健全). */
export const RUBRIC_MAX_PER_DIMENSION = 20;

/** Dimensions whose value is not a finite number within 0–20 (fractional points are allowed). */
export function rubricIssues(r: Rubric): RubricDimension[] {
  return RUBRIC_DIMENSIONS.filter((d) => {
    const v = r[d];
    return typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > RUBRIC_MAX_PER_DIMENSION;
  });
}

/** §4: the report's score (0–100) = sum of the five dimensions. Throws RangeError if invalid. */
export function rubricTotal(r: Rubric): number {
  const bad = rubricIssues(r);
  if (bad.length > 0) throw new RangeError(`Rubric out of range: ${bad.join(', ')}`);
  return roundTo2(RUBRIC_DIMENSIONS.reduce((s, d) => s + r[d], 0));
}

/**
 * §4, §6 decision: a quarterly report's evaluator score counts once the report is approved (a
 * score saved while reviewing, or kept through a reopening, is not yet the report's score). Every
 * screen, export and the ranking take the score from here.
 */
export function approvedScore(state: ReportState, rubric: Rubric | null): number | null {
  return state === 'approved' && rubric ? rubricTotal(rubric) : null;
}

/** §4: year score = mean of the scored quarters (null entries are unscored), exact; null if none. */
export function yearScore(scores: readonly (number | null)[]): number | null {
  const scored = scores.filter((s): s is number => s !== null);
  for (const s of scored) {
    if (!Number.isFinite(s) || s < 0 || s > 100) throw new RangeError(`Score out of range: ${s}`);
  }
  if (scored.length === 0) return null;
  return scored.reduce((a, b) => a + b, 0) / scored.length;
}
