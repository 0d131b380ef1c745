import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromIso, isoFromDay } from '../protocol/offset';
import { resolveSettings } from '../protocol/settings-validate';
import { gradeInSchoolYear, gradeZeroYear, schoolYearBounds, schoolYearOf } from './school-grade';

describe('school grade', () => {
  it('closed form (gradeZeroYear) agrees with the age rule and a recorded grade, for any start month and grade-1 age', () => {
    fc.assert(fc.property(
      fc.integer({ min: dayFromIso('1990-01-01'), max: dayFromIso('2030-12-31') }),
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 5, max: 9 }), fc.integer({ min: 1990, max: 2050 }),
      fc.option(fc.record({ grade: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: 0, max: 4000 }) }), { nil: undefined }),
      (birth, startMonth, grade1Age, year, rec) => {
        const s = resolveSettings({ school: { schoolYearStartMonth: startMonth, grade1Age } }).settings;
        const person = { sex: 'F' as const, birthDate: isoFromDay(birth), ...(rec ? { schoolGrade: { grade: rec.grade, on: isoFromDay(birth + 2000 + rec.back) } } : {}) };
        const g = year - gradeZeroYear(person, birth, s);
        expect(gradeInSchoolYear(person, birth, year, s)).toBe(g >= 1 && g <= 12 ? g : null);
      },
    ));
  });
  it('knows the school year of a day and its bounds', () => {
    expect(schoolYearOf(dayFromIso('2025-06-30'), 7)).toBe(2024);
    expect(schoolYearOf(dayFromIso('2025-07-01'), 7)).toBe(2025);
    expect(schoolYearBounds(2025, 7).map(isoFromDay)).toEqual(['2025-07-01', '2026-06-30']);
  });
});
