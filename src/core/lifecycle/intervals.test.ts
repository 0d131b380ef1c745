import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contains, intersect, normalise, union } from './intervals';

const setArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 15 })), { maxLength: 5 })
  .map((l) => normalise(l.map(([a, n]) => [a, a + n] as const)));

describe('day-interval sets', () => {
  it('merge touching and overlapping intervals', () => {
    expect(normalise([[5, 8], [1, 3], [4, 4], [10, 12]])).toEqual([[1, 8], [10, 12]]);
  });
  it('union and intersection agree with day membership', () => {
    fc.assert(fc.property(setArb, setArb, fc.integer({ min: -2, max: 80 }), (a, b, d) => {
      expect(contains(union(a, b), d)).toBe(contains(a, d) || contains(b, d));
      expect(contains(intersect(a, b), d)).toBe(contains(a, d) && contains(b, d));
    }));
  });
});
