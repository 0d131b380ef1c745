import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, ageInDays, completedMonths, completedYears, fromDayNumber, isIsoDate, todayIn, toDayNumber,
} from './dates';

describe('dates', () => {
  it('validates ISO dates including leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });
  it('round-trips day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2026-11-23'))).toBe('2026-11-23');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(() => toDayNumber('2024-02-30')).toThrow();
  });
  it('adds calendar months clamping to month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
  it('counts completed months (bulan penuh) and years', () => {
    expect(completedMonths('2024-01-15', '2024-09-25')).toBe(8); // 8 months 10 days
    expect(completedMonths('2024-01-15', '2024-11-14')).toBe(9); // 9 months 30 days
    expect(completedMonths('2024-01-15', '2024-11-15')).toBe(10);
    expect(completedMonths('2024-01-31', '2024-02-29')).toBe(1); // month-end birthday
    expect(completedMonths('2024-01-31', '2024-02-28')).toBe(0);
    expect(completedYears('2000-02-29', '2001-02-28')).toBe(1);
    expect(completedYears('2000-06-10', '2018-06-09')).toBe(17);
    expect(completedYears('2000-06-10', '2018-06-10')).toBe(18);
    expect(ageInDays('2024-01-01', '2024-01-01')).toBe(0);
  });
  it('gives today in an Indonesian time zone', () => {
    // 2026-11-22 17:30 UTC is already 23 Nov in WIT (UTC+9) but not in WIB (UTC+7).
    const t = new Date(Date.UTC(2026, 10, 22, 17, 30));
    expect(todayIn('Asia/Jakarta', t)).toBe('2026-11-23'); // 00:30 WIB
    expect(todayIn('UTC', t)).toBe('2026-11-22');
  });
});
