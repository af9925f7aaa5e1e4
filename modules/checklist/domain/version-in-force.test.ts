import { describe, expect, it } from 'vitest';
import { versionInForce } from './version-in-force';

describe('versionInForce (§2)', () => {
  const v1 = { version: 1, effectiveFromQuarter: 1 };
  const v2 = { version: 2, effectiveFromQuarter: 3 };
  const v3 = { version: 3, effectiveFromQuarter: 3 };
  it('takes the latest version effective from the quarter or earlier', () => {
    expect(versionInForce([v1, v2, v3], 1)).toBe(v1);
    expect(versionInForce([v1, v2, v3], 2)).toBe(v1);
    expect(versionInForce([v3, v1, v2], 3)).toBe(v3);
    expect(versionInForce([v1, v2], 4)).toBe(v2);
  });
  it('is null before the first version takes effect', () => {
    expect(versionInForce([v2], 2)).toBeNull();
    expect(versionInForce([], 1)).toBeNull();
  });
});
