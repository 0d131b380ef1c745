import { describe, expect, it } from 'vitest';
import { indicatorById } from '../../../core/indicators/catalogue';
import { emptySums, figuresOf, numeratorOf, registerOf, trendOf, type MonthlySums } from './figures';

const sums = (over: Partial<MonthlySums>): MonthlySums => ({ ...emptySums(), ...over });
const months = (xs: Record<number, number>) => Array.from({ length: 12 }, (_, i) => xs[i + 1] ?? 0);

describe('figures', () => {
  const k1 = indicatorById('k2-k1')!;
  const s = sums({ regNew: months({ 1: 10, 2: 4, 6: 2 }), numNew: months({ 1: 3, 2: 5, 3: 1 }), served: months({ 1: 3, 2: 5, 3: 1, 4: 0 }) });

  it('adds first services and register entries through the month (year to date)', () => {
    expect(numeratorOf(k1, s, 2, 'ytd')).toBe(8);
    expect(numeratorOf(k1, s, 3, 'month')).toBe(1);
    expect(registerOf(s, 5)).toBe(14);
  });

  it('divides by the annual estimate against the prorated target, and by the register', () => {
    // Through March: 9 of an annual 60 = 15 %; target 100 % × 3/12 = 25 %; 15/25 = 60 % of the target to date → red.
    const f = figuresOf(k1, s, 3, 'ytd', 60, null, null);
    expect(f).toMatchObject({ numerator: 9, denominatorEstimated: 60, denominatorRegister: 14, coverageEstimated: 15, targetToDate: 25, colour: 'red' });
    expect(f.coverageRegister).toBeCloseTo(64.3, 1);
    // Through February: 8 of an annual 48 = 16.7 %, the target to date 100 % × 2/12 → green.
    expect(figuresOf(k1, s, 2, 'ytd', 48, null, null).colour).toBe('green');
    // A month alone divides by a twelfth of the annual estimate: March 1 of 60/12 = 20 % of a 100 % target → red.
    expect(figuresOf(k1, s, 3, 'month', 60, null, null)).toMatchObject({ numerator: 1, denominatorEstimated: 5, coverageEstimated: 20, colour: 'red' });
  });

  it('colours by the register when no estimate is known, and never for "lower is better"', () => {
    expect(figuresOf(k1, s, 2, 'ytd', null, null, null)).toMatchObject({ coverageEstimated: null, colour: 'red' });
    const stunting = indicatorById('k2-stunting')!;
    expect(figuresOf(stunting, s, 3, 'ytd', null, null, null).colour).toBeNull();
  });

  it('divides a ratio by the other indicator’s numerator (SKDN D/S)', () => {
    const ds = indicatorById('k2-skdn-ds')!;
    const d = sums({ served: months({ 3: 8 }), numNew: months({ 1: 8 }) });
    const sTotal = sums({ served: months({ 3: 10 }), numNew: months({ 1: 10 }) });
    const sDef = indicatorById(ds.ratioOf!)!;
    expect(figuresOf(ds, d, 3, 'month', null, sTotal, sDef)).toMatchObject({ numerator: 8, denominatorRegister: 10, coverageRegister: 80 });
  });

  it('counts occurrences for visit indicators and says whether the month rose', () => {
    const v = indicatorById('visit-posyandu')!;
    const c = sums({ occurrences: months({ 1: 4, 2: 6, 3: 2 }), numNew: months({ 1: 3 }) });
    expect(numeratorOf(v, c, 3, 'ytd')).toBe(12);
    expect(figuresOf(v, c, 2, 'month', null, null, null)).toMatchObject({ numerator: 6, coverageEstimated: null, colour: null });
    expect(trendOf(v, c, 2)).toBe('up');
    expect(trendOf(v, c, 3)).toBe('down');
    expect(trendOf(v, c, 1)).toBeNull();
  });
});
