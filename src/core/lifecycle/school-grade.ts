/**
 * School grade in a school year: the recorded grade carried forward/back one
 * grade per school year, or — when none is recorded — derived from age at the
 * start of the school year with the district's grade-1 age (KMK §IV.A.3: grades
 * 1, 2, 5 ≈ ages 7, 8, 11).
 */
import { civilFromDay, completedMonthsAt, dayFromCivil, dayFromIso } from '../protocol/offset';
import type { ProtocolSettings } from '../protocol/settings';
import type { PersonFacts } from './person';

export const FIRST_GRADE = 1;
export const LAST_GRADE = 12;

/** The calendar year in which the school year containing `day` started. */
export function schoolYearOf(day: number, startMonth: number): number {
  const [y, m] = civilFromDay(day);
  return m >= startMonth ? y : y - 1;
}

export function schoolYearBounds(year: number, startMonth: number): [number, number] {
  return [dayFromCivil(year, startMonth, 1), dayFromCivil(year + 1, startMonth, 1) - 1];
}


/**
 * The school year in which the person is in "grade 0": grade g is then in
 * school year gradeZeroYear + g. Closed form of gradeInSchoolYear (one grade
 * per school year either way), so the engine needs no per-year loop.
 */
export function gradeZeroYear(person: PersonFacts, birthDay: number, s: ProtocolSettings): number {
  const startMonth = s.school.schoolYearStartMonth;
  const rec = person.schoolGrade;
  const recDay = rec ? dayFromIso(rec.on) : NaN;
  if (rec && !Number.isNaN(recDay)) return schoolYearOf(recDay, startMonth) - rec.grade;
  const [by, bm, bd] = civilFromDay(birthDay);
  // Completed years at the school-year start (the 1st of startMonth): one less if the birthday comes later in that year.
  const notYet = bm > startMonth || (bm === startMonth && bd > 1) ? 1 : 0;
  return by + notYet + s.school.grade1Age - FIRST_GRADE;
}

/** Grade (1–12) in the school year starting in `year`, or null when not in school by this rule. */
export function gradeInSchoolYear(person: PersonFacts, birthDay: number, year: number, s: ProtocolSettings): number | null {
  const startMonth = s.school.schoolYearStartMonth;
  let grade: number;
  const rec = person.schoolGrade;
  const recDay = rec ? dayFromIso(rec.on) : NaN;
  if (rec && !Number.isNaN(recDay)) {
    grade = rec.grade + (year - schoolYearOf(recDay, startMonth));
  } else {
    const age = Math.floor(completedMonthsAt(birthDay, schoolYearBounds(year, startMonth)[0]) / 12);
    grade = age - s.school.grade1Age + FIRST_GRADE;
  }
  return grade >= FIRST_GRADE && grade <= LAST_GRADE ? grade : null;
}
