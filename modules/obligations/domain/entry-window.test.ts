import { describe, expect, it } from 'vitest';
import { entryBlock } from './entry-window';

const q3 = { year: 2026, quarter: 3 as const }; // ends 2026-09-30, closes 2026-11-14 (45 days)

describe('entryBlock (§3 close date, §5 report states)', () => {
  it('a draft (or not yet created) report is open through the close date, closed after it', () => {
    expect(entryBlock('draft', q3, '2026-11-14', 45)).toBeNull();
    expect(entryBlock(null, q3, '2026-11-14', 45)).toBeNull();
    expect(entryBlock('draft', q3, '2026-11-15', 45)).toBe('closed');
    expect(entryBlock(null, q3, '2026-11-23', 45)).toBe('closed');
  });

  it('uses the district’s closeDays', () => {
    expect(entryBlock('draft', q3, '2026-11-23', 60)).toBeNull();
    expect(entryBlock('draft', q3, '2026-10-16', 15)).toBe('closed');
  });

  it('submitted and approved reports are locked whatever the date', () => {
    expect(entryBlock('submitted', q3, '2026-10-01', 45)).toBe('submitted');
    expect(entryBlock('approved', q3, '2026-10-01', 45)).toBe('approved');
  });

  it('a returned report stays editable after the close date (the evaluator reopened it)', () => {
    expect(entryBlock('returned', q3, '2026-11-23', 45)).toBeNull();
    expect(entryBlock('returned', q3, '2027-03-01', 45)).toBeNull();
  });
});
