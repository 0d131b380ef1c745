import { describe, expect, it } from 'vitest';
import { cubicSpline } from './cubic-spline';

describe('cubicSpline (not-a-knot)', () => {
  it('reproduces a cubic exactly on uneven knots, between and at them', () => {
    const f = (x: number) => 0.5 * x ** 3 - 2 * x ** 2 + x - 7;
    const xs = [0, 0.7, 2, 3.1, 5, 8];
    const s = cubicSpline(xs, xs.map(f));
    for (const x of [0, 0.3, 1.5, 2, 4.2, 7.9, 8]) expect(s(x)).toBeCloseTo(f(x), 9);
  });

  it('draws straight lines through fewer than 4 knots', () => {
    const s = cubicSpline([0, 7, 14], [1, 8, 8]);
    expect(s(3.5)).toBeCloseTo(4.5, 12);
    expect(s(10.5)).toBeCloseTo(8, 12);
  });

  it('refuses knots that do not increase', () => {
    expect(() => cubicSpline([0, 1, 1, 2], [0, 1, 2, 3])).toThrow(/increase/);
    expect(() => cubicSpline([0], [0])).toThrow();
  });
});
