import { describe, expect, it } from 'vitest';
import { addressLimit } from './sign-in';

describe('sign-in address limit', () => {
  it('defaults to 50 failures per address and can be raised for shared addresses', () => {
    expect(addressLimit(undefined)).toBe(50);
    expect(addressLimit('2000')).toBe(2000);
  });
  it('ignores nonsense and values that would disable or trivialise the limit', () => {
    for (const v of ['', 'x', '0', '5', '-1', '1.5', '1000000']) expect(addressLimit(v)).toBe(50);
  });
});
