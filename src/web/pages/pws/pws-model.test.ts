import { describe, expect, it } from 'vitest';
import { coverageBar, isPeriod, mainCoverage, monthName, periodLabel, trendArrow } from './pws-model';

const fig = (e: number | null, r: number | null) => ({
  numerator: 1, denominatorEstimated: null, denominatorRegister: null, coverageEstimated: e, coverageRegister: r, target: 100, targetToDate: 25, colour: null,
});

describe('periods', () => {
  it('names months in Indonesian first and labels year-to-date spans', () => {
    expect(monthName('id', 8)).toBe('Agustus');
    expect(monthName('en', 8)).toBe('August');
    expect(periodLabel('id', '2026-03', 'ytd')).toBe('Januari–Maret 2026');
    expect(periodLabel('id', '2026-03', 'month')).toBe('Maret 2026');
    expect(periodLabel('id', '2026-01', 'ytd')).toBe('Januari 2026');
    expect(isPeriod('2026-12')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-1')).toBe(false);
  });
});

describe('mainCoverage', () => {
  it('prefers the estimated target group, then the register', () => {
    expect(mainCoverage(fig(40, 90))).toEqual({ value: 40, basis: 'estimated' });
    expect(mainCoverage(fig(null, 90))).toEqual({ value: 90, basis: 'register' });
    expect(mainCoverage(fig(null, null))).toEqual({ value: null, basis: null });
  });
});

describe('coverageBar', () => {
  it('draws coverage and the prorated target on a 0–100 % bar, wider when over 100 %', () => {
    expect(coverageBar(20, 25)).toEqual({ fill: 20, marker: 25 });
    expect(coverageBar(150, 100)).toEqual({ fill: 100, marker: 66.7 });
    expect(coverageBar(null, null)).toEqual({ fill: 0, marker: null });
  });
});

describe('trendArrow', () => {
  it('shows the change on last month', () => {
    expect([trendArrow('up'), trendArrow('down'), trendArrow('flat'), trendArrow(null)]).toEqual(['▲', '▼', '▬', '']);
  });
});
