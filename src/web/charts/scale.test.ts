import { describe, expect, it } from 'vitest';
import { bandPath, linear, linePath, niceDomain, niceStep, spreadLabels, ticks } from './scale';

describe('chart scales', () => {
  it('maps and inverts a linear scale, including a flipped pixel range', () => {
    const y = linear([0, 20], [300, 0]);
    expect(y(0)).toBe(300);
    expect(y(20)).toBe(0);
    expect(y(5)).toBe(225);
    expect(y.invert(150)).toBe(10);
  });

  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(24, 8)).toBe(5);
    expect(niceStep(24, 12)).toBe(2);
    expect(niceStep(1.3, 6)).toBe(0.5);
    expect(niceStep(1.2, 6)).toBe(0.2);
    expect(niceStep(180, 6)).toBe(50);
  });

  it('makes ticks without floating-point dust and widens domains to whole steps', () => {
    expect(ticks(0, 1, 0.2)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(2.1, 9.9, 2)).toEqual([4, 6, 8]);
    expect(niceDomain(2.3, 13.8, 6)).toEqual({ domain: [2, 14], step: 2 });
    expect(niceDomain(5, 5, 4).domain[0]).toBeLessThan(5);
  });

  it('draws lines that break at missing values, and closed bands', () => {
    expect(linePath([[0, 0], [10, 5], null, [20, 5], [30, 0]])).toBe('M0.0,0.0L10.0,5.0M20.0,5.0L30.0,0.0');
    expect(bandPath([0, 10], [1, 2], [5, 6])).toBe('M0.0,1.0L10.0,2.0L10.0,6.0L0.0,5.0Z');
  });

  it('moves labels apart only as much as they overlap, keeping their order', () => {
    expect(spreadLabels([10, 50, 100], 12)).toEqual([10, 50, 100]);
    // Two 4 px apart: spread 12 px around their middle.
    expect(spreadLabels([100, 104], 12)).toEqual([96, 108]);
    // Any order in, same order out.
    expect(spreadLabels([104, 100], 12)).toEqual([108, 96]);
    // A pushed pair that now reaches a third joins it.
    const out = spreadLabels([100, 104, 115], 12);
    expect(out[1]! - out[0]!).toBeCloseTo(12);
    expect(out[2]! - out[1]!).toBeCloseTo(12);
    expect((out[0]! + out[1]! + out[2]!) / 3).toBeCloseTo((100 + 104 + 115) / 3);
  });
});
