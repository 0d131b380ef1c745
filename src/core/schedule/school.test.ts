/**
 * School-age children and adolescents (KMK §IV.A.3, Tabel 17): UKS/M
 * screening by grade, Hb for girls in grades 7 and 10, weekly TTD for girls
 * in grades 7–12, yearly screenings below the adult screening age, BIAS.
 * Grades follow age on 1 July (grade 1 at 7 years) unless a grade is recorded.
 */
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../lifecycle/person';
import { resolveSettings } from '../protocol/settings-validate';
import { computeSchedule } from './engine';
import type { ScheduleEvent } from './event';
import { rows } from './fixtures.testing';

const view = (p: PersonFacts, events: ScheduleEvent[], on: string, prefixes: string[], settings?: unknown) =>
  rows(computeSchedule({ person: p, events, on, ...(settings ? { settings: resolveSettings(settings).settings } : {}) })
    .entries.filter((e) => prefixes.some((x) => e.key.startsWith(x))));

describe('an adolescent girl in grade 7', () => {
  // Born 2012-03-15: 13 on 1 July 2025 → grade 7 in SY2025 (grade 5 in SY2023, 6 in SY2024).
  const girl: PersonFacts = { sex: 'F', birthDate: '2012-03-15' };
  it('has entry screening, Hb, weekly TTD, yearly screenings and the missed BIAS doses of grades 5–6', () => {
    expect(view(girl, [
      { id: 'ttd1', system: 'service', code: 'ttd', date: '2025-09-02' },
      { id: 'ttd2', system: 'service', code: 'ttd', date: '2025-09-09' },
      { id: 'scr', system: 'service', code: 'school-screening', date: '2025-08-20' },
      { id: 'bp', system: 'loinc', code: '85354-9', date: '2025-08-20', value: { systolic: 110, diastolic: 70 } },
    ], '2025-09-15', ['school.', 'bias.'])).toEqual([
      'school.obesity@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'school.bp@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'school.vision@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'school.hearing@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'school.mental@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'school.smoking@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'bias.td-5@SY2023 missed 2023-07-01/2023-11-30/2024-06-30',
      'bias.hpv-1@SY2023 missed 2023-07-01/2023-08-31/2024-06-30',
      'school.berkala@SY2023 missed 2023-07-01/2024-06-30/2024-06-30',
      'school.obesity@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'school.bp@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'school.vision@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'school.hearing@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'school.mental@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'school.smoking@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'bias.hpv-2@SY2024 missed 2024-07-01/2024-08-31/2025-06-30',
      'school.berkala@SY2024 missed 2024-07-01/2025-06-30/2025-06-30',
      'school.obesity@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'school.bp@2025 done 2025-01-01/2025-12-31/2025-12-31 by bp',
      'school.vision@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'school.hearing@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'school.mental@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'school.smoking@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'school.penjaringan@SY2025 done 2025-07-01/2026-06-30/2026-06-30 by scr',
      'school.hb-girls@SY2025 due 2025-07-01/2026-06-30/2026-06-30',
      'school.ttd@W2025-06-30 missed 2025-07-01/2025-07-06/2025-07-06',
      'school.ttd@W2025-07-07 missed 2025-07-07/2025-07-13/2025-07-13',
      'school.ttd@W2025-07-14 missed 2025-07-14/2025-07-20/2025-07-20',
      'school.ttd@W2025-07-21 missed 2025-07-21/2025-07-27/2025-07-27',
      'school.ttd@W2025-07-28 missed 2025-07-28/2025-08-03/2025-08-03',
      'school.ttd@W2025-08-04 missed 2025-08-04/2025-08-10/2025-08-10',
      'school.ttd@W2025-08-11 missed 2025-08-11/2025-08-17/2025-08-17',
      'school.ttd@W2025-08-18 missed 2025-08-18/2025-08-24/2025-08-24',
      'school.ttd@W2025-08-25 missed 2025-08-25/2025-08-31/2025-08-31',
      'school.ttd@W2025-09-01 done 2025-09-01/2025-09-07/2025-09-07 by ttd1',
      'school.ttd@W2025-09-08 done 2025-09-08/2025-09-14/2025-09-14 by ttd2',
      'school.ttd@W2025-09-15 due 2025-09-15/2025-09-21/2025-09-21',
      'school.ttd@W2025-09-22 upcoming 2025-09-22/2025-09-28/2025-09-28',
      'school.obesity@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.bp@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.vision@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.hearing@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.mental@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.smoking@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.berkala@SY2026 upcoming 2026-07-01/2027-06-30/2027-06-30',
    ]);
  });
  it('gets Hb again in grade 10, not in grade 8', () => {
    expect(view(girl, [], '2026-09-15', ['school.hb'])).toEqual(['school.hb-girls@SY2025 missed 2025-07-01/2026-06-30/2026-06-30']);
    expect(view(girl, [], '2028-09-15', ['school.hb'])).toEqual(['school.hb-girls@SY2028 due 2028-07-01/2029-06-30/2029-06-30']);
  });
  it('TTD starts with grade 7: none in grade 6', () => {
    expect(view(girl, [], '2025-06-30', ['school.ttd'])).toEqual(['school.ttd@W2025-06-30 upcoming 2025-07-01/2025-07-06/2025-07-06']);
    expect(view({ ...girl, sex: 'M' }, [], '2025-09-15', ['school.ttd', 'school.hb'])).toEqual([]);
  });
});

describe('a boy in grade 1', () => {
  it('has entry screening, BIAS MR (done) and DT, and yearly screenings from 6 years', () => {
    expect(view({ sex: 'M', birthDate: '2018-01-20' }, [
      { id: 'mr', system: 'antigen', code: 'MR', date: '2025-08-05' },
      { id: 'w', system: 'loinc', code: '29463-7', date: '2025-08-05', valueNum: 21 },
      { id: 'h', system: 'loinc', code: '8302-2', date: '2025-08-05', valueNum: 118 },
    ], '2025-10-01', ['school.', 'bias.', 'tb.'])).toEqual([
      'school.obesity@2024 missed 2024-01-20/2024-12-31/2024-12-31',
      'school.bp@2024 missed 2024-01-20/2024-12-31/2024-12-31',
      'school.vision@2024 missed 2024-01-20/2024-12-31/2024-12-31',
      'school.hearing@2024 missed 2024-01-20/2024-12-31/2024-12-31',
      'school.mental@2024 missed 2024-01-20/2024-12-31/2024-12-31',
      'school.obesity@2025 done 2025-01-01/2025-12-31/2025-12-31 by h',
      'school.bp@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'school.vision@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'school.hearing@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'school.mental@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'bias.mr@SY2025 done 2025-07-01/2025-08-31/2026-06-30 by mr',
      'bias.dt@SY2025 due 2025-07-01/2025-11-30/2026-06-30',
      'school.penjaringan@SY2025 due 2025-07-01/2026-06-30/2026-06-30',
      // Every contact of a child calls for TB symptom screening.
      'tb.screen-contact@C2025-08-05 missed 2025-08-05/2025-08-05/2025-08-05',
      'school.obesity@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.bp@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.vision@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.hearing@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'school.mental@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'bias.td-2@SY2026 upcoming 2026-07-01/2026-11-30/2027-06-30',
      'school.berkala@SY2026 upcoming 2026-07-01/2027-06-30/2027-06-30',
    ]);
  });
});

describe('grade derivation', () => {
  it('uses the age on the first day of the school year (both sides of the cut-off)', () => {
    // 7 on 1 July 2025 → grade 1; born a day later → still 6 → not yet in school.
    expect(view({ sex: 'M', birthDate: '2018-07-01' }, [], '2025-09-01', ['school.penjaringan'])).toEqual(['school.penjaringan@SY2025 due 2025-07-01/2026-06-30/2026-06-30']);
    expect(view({ sex: 'M', birthDate: '2018-07-02' }, [], '2025-09-01', ['school.penjaringan'])).toEqual(['school.penjaringan@SY2026 upcoming 2026-07-01/2027-06-30/2027-06-30']);
  });
  it('follows the district grade-1 age and school-year start', () => {
    expect(view({ sex: 'M', birthDate: '2019-03-01' }, [], '2025-09-01', ['school.penjaringan'], { school: { grade1Age: 6 } }))
      .toEqual(['school.penjaringan@SY2025 due 2025-07-01/2026-06-30/2026-06-30']);
    // Year starting in January: 7 on 1 January 2025 → grade 1 in SY2025.
    expect(view({ sex: 'M', birthDate: '2017-12-15' }, [], '2025-09-01', ['school.penjaringan'], { school: { schoolYearStartMonth: 1 } }))
      .toEqual(['school.penjaringan@SY2025 due 2025-01-01/2025-12-31/2025-12-31']);
  });
  it('a recorded grade wins and carries across school years', () => {
    const p: PersonFacts = { sex: 'F', birthDate: '2011-05-01', schoolGrade: { grade: 6, on: '2025-03-01' } }; // SY2024 grade 6 → SY2025 grade 7
    expect(view(p, [], '2025-09-01', ['school.penjaringan', 'school.hb'])).toEqual([
      'school.penjaringan@SY2025 due 2025-07-01/2026-06-30/2026-06-30',
      'school.hb-girls@SY2025 due 2025-07-01/2026-06-30/2026-06-30',
    ]);
  });
});
