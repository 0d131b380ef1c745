import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, completedMonths, fromDayNumber, isIsoDate, toDayNumber } from '../time/dates';
import { addMonthsToDay, addOffset, civilFromDay, completedMonthsAt, dayFromCivil, dayFromIso, isoFromDay, offsetMaxDays, offsetMinDays, addOffsetToCivil } from './offset';

const dayArb = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') });

describe('day-number calendar', () => {
  it('agrees with time/dates.ts on ISO conversion', () => {
    fc.assert(fc.property(dayArb, (d) => {
      expect(isoFromDay(d)).toBe(fromDayNumber(d));
      expect(dayFromIso(isoFromDay(d))).toBe(d);
      const [y, m, dd] = civilFromDay(d);
      expect(dayFromCivil(y, m, dd)).toBe(d);
    }));
  });
  it('agrees with time/dates.ts addMonths (month-end clamping)', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: -240, max: 240 }), (d, n) => {
      expect(isoFromDay(addMonthsToDay(d, n))).toBe(addMonths(fromDayNumber(d), n));
    }));
  });
  it('agrees with time/dates.ts completedMonths', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 40_000 }), (b, n) => {
      expect(completedMonthsAt(b, b + n)).toBe(completedMonths(fromDayNumber(b), fromDayNumber(b + n)));
    }));
  });
  it('adds years and months before weeks and days', () => {
    const d = toDayNumber('2024-01-31');
    expect(isoFromDay(addOffset(d, { months: 1, days: -1 }))).toBe('2024-02-28');
    expect(isoFromDay(addOffset(d, { years: 1, months: 1 }))).toBe('2025-02-28');
    expect(isoFromDay(addOffset(d, { weeks: 8 }))).toBe('2024-03-27');
  });
  it('rejects malformed and impossible dates', () => {
    for (const s of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-01', '20240101xx', 'abcd-ef-gh']) {
      expect(Number.isNaN(dayFromIso(s)), s).toBe(true);
      expect(isIsoDate(s)).toBe(false);
    }
    expect(dayFromIso('2024-02-29')).toBe(toDayNumber('2024-02-29'));
  });
});

describe('offset bounds', () => {
  it('bracket the real length for any start day', () => {
    const offsets = [{ months: 2 }, { months: 3, days: -1 }, { years: 5, days: -1 }, { weeks: 8 }, { years: 15 }, { months: -1 }, {}];
    fc.assert(fc.property(dayArb, fc.constantFrom(...offsets), (d, o) => {
      const len = addOffset(d, o) - d;
      expect(len).toBeLessThanOrEqual(offsetMaxDays(o));
      expect(len).toBeGreaterThanOrEqual(offsetMinDays(o));
    }));
  });
});

describe('addOffsetToCivil', () => {
  it('equals addOffset from the same day', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: -30, max: 240 }), fc.integer({ min: -40, max: 40 }), (d, months, days) => {
      const [y, m, dd] = civilFromDay(d);
      expect(addOffsetToCivil(y, m, dd, { months, days })).toBe(addOffset(d, { months, days }));
    }));
  });
});
