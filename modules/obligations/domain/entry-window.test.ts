import { describe, expect, it } from 'vitest';
import { disclosureEntryBlock, entryBlock, lockedSince } from './entry-window';

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

describe('disclosureEntryBlock (§3: an approved report locks what was reviewed)', () => {
  const q4 = { year: 2026, quarter: 4 as const };
  it('issue 14: November canteen accounts (due 10 December) can still be recorded in an approved quarter', () => {
    const block = entryBlock('approved', q4, '2026-12-06', 45);
    expect(block).toBe('approved');
    expect(disclosureEntryBlock(block, '2026-12-10', '2026-12-06')).toBeNull();
    expect(disclosureEntryBlock(block, '2026-12-10', '2026-12-10')).toBeNull(); // the deadline day itself
    expect(disclosureEntryBlock(block, '2026-12-10', '2026-12-11')).toBe('approved'); // past its deadline: locked
    expect(disclosureEntryBlock(block, '2026-11-10', '2026-12-06')).toBe('approved'); // reviewed obligations stay locked
  });
  it('the same while the report is with the evaluator; a reviewed disclosure is never reopened', () => {
    expect(disclosureEntryBlock('submitted', '2027-01-10', '2027-01-05')).toBeNull();
    expect(disclosureEntryBlock('approved', '2027-01-10', '2027-01-05', false)).toBe('approved');
  });
  it('open quarters stay open and closed ones closed', () => {
    expect(disclosureEntryBlock(null, '2026-01-10', '2026-12-06')).toBeNull();
    expect(disclosureEntryBlock('closed', '2027-01-10', '2027-01-05')).toBe('closed');
  });
  it('the lock begins at the approval, or at the last submission', () => {
    const at = (s: string) => new Date(s);
    expect(lockedSince({ state: 'approved', lastSubmittedAt: at('2027-01-03T10:00:00Z'), approvedAt: at('2027-01-05T10:00:00Z') })).toEqual(at('2027-01-05T10:00:00Z'));
    expect(lockedSince({ state: 'submitted', lastSubmittedAt: at('2027-01-03T10:00:00Z'), approvedAt: null })).toEqual(at('2027-01-03T10:00:00Z'));
    expect(lockedSince({ state: 'returned', lastSubmittedAt: at('2027-01-03T10:00:00Z'), approvedAt: null })).toBeNull();
    expect(lockedSince(null)).toBeNull();
  });
});
