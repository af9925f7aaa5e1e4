import { describe, expect, it } from 'vitest';
import { editPlan, isVersionFrozen, type VersionFacts } from './edit-policy';

const v1: VersionFacts = { id: 'v1', version: 1, effectiveFromQuarter: 1, frozenAt: null };
const frozenV1: VersionFacts = { ...v1, frozenAt: new Date('2026-04-03T02:00:00Z') };
const q = (year: number, quarter: 1 | 2 | 3 | 4) => ({ year, quarter });

describe('checklist edit policy (§2, issue 7)', () => {
  it('edits an unfrozen version in place', () => {
    expect(editPlan([v1], 2026, q(2026, 1), new Set())).toEqual({ kind: 'inPlace', version: v1 });
    expect(editPlan([v1], 2027, q(2026, 4), new Set())).toEqual({ kind: 'inPlace', version: v1 });
  });

  it('treats a version as frozen when frozen_at is set or a report of its quarters was submitted', () => {
    expect(isVersionFrozen(frozenV1, new Set())).toBe(true);
    expect(isVersionFrozen(v1, new Set([1]))).toBe(true);
    const v2 = { id: 'v2', version: 2, effectiveFromQuarter: 3, frozenAt: null };
    expect(isVersionFrozen(v2, new Set([1, 2]))).toBe(false);
    expect(isVersionFrozen(v2, new Set([3]))).toBe(true);
  });

  it('makes version n+1 from the quarter after today when the latest is frozen', () => {
    expect(editPlan([frozenV1], 2026, q(2026, 2), new Set([1]))).toEqual({ kind: 'newVersion', from: frozenV1, version: 2, effectiveFromQuarter: 3 });
    expect(editPlan([v1], 2026, q(2026, 1), new Set([1]))).toMatchObject({ kind: 'newVersion', version: 2, effectiveFromQuarter: 2 });
  });

  it('in Q4 applies the new version from Q4, unless a Q4 report was already submitted', () => {
    expect(editPlan([frozenV1], 2026, q(2026, 4), new Set([1, 2, 3]))).toMatchObject({ kind: 'newVersion', effectiveFromQuarter: 4 });
    expect(editPlan([frozenV1], 2026, q(2026, 4), new Set([1, 2, 3, 4]))).toEqual({ kind: 'refused', reason: 'quarterReported', quarter: 4 });
  });

  it('edits the not-yet-frozen newer version in place instead of piling up versions', () => {
    const v2 = { id: 'v2', version: 2, effectiveFromQuarter: 4, frozenAt: null };
    expect(editPlan([frozenV1, v2], 2026, q(2026, 4), new Set([1, 2, 3]))).toEqual({ kind: 'inPlace', version: v2 });
  });

  it('keeps past years frozen and needs a version to edit', () => {
    expect(editPlan([v1], 2025, q(2026, 4), new Set())).toEqual({ kind: 'refused', reason: 'pastYear' });
    expect(editPlan([], 2026, q(2026, 4), new Set())).toEqual({ kind: 'noVersion' });
  });
});
