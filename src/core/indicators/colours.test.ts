import { describe, expect, it } from 'vitest';
import { colourOf, DEFAULT_THRESHOLDS, proratedTarget, pwsStatus, trendOf, validateThresholds } from './colours';

describe('prorated target (PWS: annual × month / 12)', () => {
  it('year to date and one month', () => {
    expect(proratedTarget(100, 6, 'ytd')).toBe(50);
    expect(proratedTarget(100, 12, 'ytd')).toBe(100);
    expect(proratedTarget(176, 3, 'ytd')).toBe(44); // a desa's 176 pregnant women by March
    expect(proratedTarget(120, 7, 'month')).toBe(10);
    expect(() => proratedTarget(100, 0, 'ytd')).toThrow(RangeError);
    expect(() => proratedTarget(100, 13, 'month')).toThrow(RangeError);
  });
});

describe('traffic lights (ilp-domain.md §4.4 default: green ≥ 100 %, yellow 80–< 100 %, red < 80 % of target)', () => {
  it('by share of the prorated target', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ green: 100, yellow: 80 });
    expect(colourOf(50, 50)).toBe('green');
    expect(colourOf(60, 50)).toBe('green');
    expect(colourOf(40, 50)).toBe('yellow'); // exactly 80 %
    expect(colourOf(39.9, 50)).toBe('red');
    expect(colourOf(0, 50)).toBe('red');
  });
  it('no light without a figure, a target, or for lower-is-better indicators', () => {
    expect(colourOf(null, 50)).toBeNull();
    expect(colourOf(50, null)).toBeNull();
    expect(colourOf(50, 0)).toBeNull();
    expect(colourOf(10, 50, DEFAULT_THRESHOLDS, 'lower')).toBeNull();
  });
  it('district thresholds', () => {
    expect(colourOf(45, 50, { green: 90, yellow: 70 })).toBe('green');
    expect(validateThresholds({ green: 95 })).toEqual({ thresholds: { green: 95, yellow: 80 }, issues: [] });
    expect(validateThresholds({ green: 70, yellow: 80 }).issues).toEqual([{ field: 'yellow', message: 'Ambang kuning harus lebih rendah dari ambang hijau.' }]);
    expect(validateThresholds({ green: 'x' }).issues[0]!.field).toBe('green');
    expect(validateThresholds({ green: 'x' }).thresholds).toEqual(DEFAULT_THRESHOLDS);
  });
});

describe('PWS status matrix and trend', () => {
  it('baik / kurang / cukup / jelek', () => {
    expect(pwsStatus(12, 10, 9)).toBe('baik');
    expect(pwsStatus(12, 10, 13)).toBe('kurang');
    expect(pwsStatus(8, 10, 6)).toBe('cukup');
    expect(pwsStatus(8, 10, 9)).toBe('jelek');
    expect(pwsStatus(10, 10, 10)).toBe('baik'); // at target, unchanged: not falling
    expect(pwsStatus(0, 10, 0)).toBe('jelek'); // below target and unchanged: not improving
    expect(pwsStatus(8, 10, null)).toBeNull();
  });
  it('trend', () => {
    expect(trendOf(5, 4)).toBe('up');
    expect(trendOf(4, 5)).toBe('down');
    expect(trendOf(4, 4)).toBe('flat');
    expect(trendOf(null, 4)).toBeNull();
  });
});
