import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS, retryDelaySeconds } from './retry';

describe('retries', () => {
  it('back off exponentially, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 12].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 960, 3600]);
  });
  it('dead-letter after the last attempt', () => {
    const t = new Date('2026-11-23T02:00:00Z');
    expect(afterFailure(1, t)).toEqual(new Date('2026-11-23T02:00:30Z'));
    expect(afterFailure(MAX_ATTEMPTS - 1, t)).toBeInstanceOf(Date);
    expect(afterFailure(MAX_ATTEMPTS, t)).toBe('dead');
  });
});
