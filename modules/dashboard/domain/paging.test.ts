import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pageOf } from './paging';

describe('pageOf', () => {
  it('cuts the rows into pages and clamps the page asked for', () => {
    expect(pageOf(300, 100, null)).toEqual({ page: 1, pages: 3, from: 0, to: 100 });
    expect(pageOf(300, 100, 3)).toEqual({ page: 3, pages: 3, from: 200, to: 300 });
    expect(pageOf(301, 100, 4)).toEqual({ page: 4, pages: 4, from: 300, to: 301 });
    expect(pageOf(301, 100, 9)).toEqual({ page: 4, pages: 4, from: 300, to: 301 });
    expect(pageOf(24, 100, 0)).toEqual({ page: 1, pages: 1, from: 0, to: 24 });
    expect(pageOf(0, 100, 2)).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
    expect(pageOf(50, 100, 1.5)).toEqual({ page: 1, pages: 1, from: 0, to: 50 });
    expect(() => pageOf(10, 0, 1)).toThrow(RangeError);
  });

  it('every row is on exactly one page', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 200 }), (rows, size) => {
        const first = pageOf(rows, size, 1);
        let seen = 0;
        for (let p = 1; p <= first.pages; p++) {
          const pg = pageOf(rows, size, p);
          expect(pg.from).toBe(seen);
          expect(pg.to - pg.from).toBeLessThanOrEqual(size);
          seen = pg.to;
        }
        expect(seen).toBe(rows);
      }),
    );
  });
});
