import { afterEach, describe, expect, it } from 'vitest';
import { now, resetEnvForTests } from './env';

describe('the app clock (SUNLIGHT_NOW)', () => {
  afterEach(() => {
    delete process.env.SUNLIGHT_NOW;
    resetEnvForTests();
  });

  it('starts at SUNLIGHT_NOW and runs, strictly increasing', () => {
    process.env.SUNLIGHT_NOW = '2026-11-23T10:00:00+08:00';
    resetEnvForTests();
    const start = Date.parse('2026-11-23T10:00:00+08:00');
    const stamps = Array.from({ length: 50 }, () => now().getTime());
    expect(stamps[0]).toBeGreaterThanOrEqual(start);
    expect(stamps.at(-1)! - start).toBeLessThan(60_000);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1]!);
  });

  it('reads a bare date as noon in Asia/Shanghai', () => {
    process.env.SUNLIGHT_NOW = '2027-01-05';
    resetEnvForTests();
    const t = now().getTime() - Date.parse('2027-01-05T12:00:00+08:00');
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThan(60_000);
  });

  it('is the wall clock without it', () => {
    resetEnvForTests();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
