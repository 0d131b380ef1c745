/**
 * Adults and elderly (KMK Tabel 19, 28, 29): yearly PTM screenings from 15,
 * diabetes from 40 or with risk factors, lipids/ECG for HT/DM over 40,
 * SADANIS/IVA every 3 years, colorectal from 50, SKILAS/ADL from 60, catin and PUS.
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
const bp = (id: string, date: string, systolic: number, diastolic: number): ScheduleEvent =>
  ({ id, system: 'loinc', code: '85354-9', date, value: { systolic, diastolic } });

describe('a young man turning 15', () => {
  it('moves from the school-age yearly items to the adult ones on his birthday', () => {
    expect(view({ sex: 'M', birthDate: '2010-05-20' }, [], '2025-06-01', ['adult.', 'school.obesity', 'school.bp'])).toEqual([
      'school.obesity@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'school.bp@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'school.obesity@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'school.bp@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'school.obesity@2025 missed 2025-01-01/2025-05-19/2025-05-19',
      'school.bp@2025 missed 2025-01-01/2025-05-19/2025-05-19',
      'adult.obesity@2025 due 2025-05-20/2025-12-31/2025-12-31',
      'adult.bp@2025 due 2025-05-20/2025-12-31/2025-12-31',
      'adult.mental@2025 due 2025-05-20/2025-12-31/2025-12-31',
      'adult.vision@2025 due 2025-05-20/2025-12-31/2025-12-31',
      'adult.hearing@2025 due 2025-05-20/2025-12-31/2025-12-31',
      'adult.smoking@2025 due 2025-05-20/2025-12-31/2025-12-31',
      'adult.obesity@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.bp@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.mental@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.vision@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.hearing@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.smoking@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
    ]);
  });
});

describe('a woman of 30 in a PUS couple, one earlier delivery', () => {
  const woman: PersonFacts = {
    sex: 'F', birthDate: '1995-03-10', conditions: [{ kind: 'pus', from: '2019-02-01' }],
    pregnancies: [{ id: 'g0', hpht: '2020-01-01', deliveredOn: '2020-10-01', outcome: 'live-birth' }],
  };
  it('has the yearly items, layak hamil, Td status, SADANIS 3 years after the last and IVA from 31', () => {
    expect(view(woman, [
      { id: 'iv', system: 'service', code: 'iva', date: '2024-04-01' },
      { id: 'sd', system: 'service', code: 'sadanis', date: '2023-02-01' },
      { id: 'lh', system: 'questionnaire', code: 'layak-hamil', date: '2025-02-03' },
    ], '2025-06-01', ['adult.', 'imm.td'])).toEqual([
      'imm.td-1 overdue 2019-02-01/2019-02-01/2045-03-09', // owed from the PUS registration
      'adult.obesity@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'adult.bp@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'adult.mental@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'adult.vision@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'adult.hearing@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'adult.smoking@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'adult.layak-hamil@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'adult.obesity@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.bp@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.mental@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.vision@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.hearing@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.smoking@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.layak-hamil@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.obesity@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.bp@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.mental@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.vision@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.hearing@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.smoking@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.layak-hamil@2025 done 2025-01-01/2025-12-31/2025-12-31 by lh',
      'imm.td-2 upcoming 2025-06-29/2025-06-29/2045-03-09',
      'imm.td-3 upcoming 2025-12-29/2025-12-29/2045-03-09',
      'adult.obesity@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.bp@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.mental@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.vision@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.hearing@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.smoking@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.layak-hamil@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      // SADANIS done 2023-02-01: the next window opens three years later.
      'adult.sadanis@2026-02-01 upcoming 2026-02-01/2029-01-31/2029-01-31',
      // Cervix screening from the 31st birthday (> 30 years).
      'adult.iva@2026-03-10 upcoming 2026-03-10/2029-03-09/2029-03-09',
    ]);
  });
  it('SADANIS follows the district interval (⚠ KMK text 3 years vs Tabel 19 yearly)', () => {
    expect(view(woman, [{ id: 'sd', system: 'service', code: 'sadanis', date: '2023-02-01' }], '2025-06-01', ['adult.sadanis'], { adult: { sadanisEveryYears: 1 } }))
      .toEqual([
        'adult.sadanis@2024-02-01 missed 2024-02-01/2025-01-31/2025-01-31',
        'adult.sadanis@2025-02-01 due 2025-02-01/2026-01-31/2026-01-31',
        'adult.sadanis@2026-02-01 upcoming 2026-02-01/2027-01-31/2027-01-31',
      ]);
  });
  it('IVA is not listed for a woman never pregnant and not in a PUS couple', () => {
    expect(view({ sex: 'F', birthDate: '1985-03-10' }, [], '2025-06-01', ['adult.iva'])).toEqual([]);
    expect(view({ sex: 'F', birthDate: '1985-03-10', conditions: [{ kind: 'pus', from: '2010-01-01' }] }, [], '2025-06-01', ['adult.iva']))
      .toEqual(['adult.iva@2022-03-10 missed 2022-03-10/2025-03-09/2025-03-09', 'adult.iva@2025-03-10 due 2025-03-10/2028-03-09/2028-03-09']);
  });
  it('drops gated items when the district switches them off', () => {
    expect(view(woman, [], '2025-06-01', ['adult.hearing@2025', 'adult.smoking@2025'], { adult: { hearingScreening: false } })).toEqual([
      'adult.hearing@2025 not_applicable 2025-01-01/2025-12-31/2025-12-31 setting:adult.hearingScreening',
      'adult.smoking@2025 due 2025-01-01/2025-12-31/2025-12-31',
    ]);
  });
});

describe('a man of 40 with hypertension', () => {
  it('gets glucose from the diagnosis (risk factor) and for age, COPD and cataract from 40, lipids/ECG from 41', () => {
    expect(view({ sex: 'M', birthDate: '1985-04-02' }, [
      { id: 'dx', system: 'icd-10', code: 'I10', date: '2024-03-05' }, bp('bp', '2025-05-05', 150, 95),
      { id: 'g', system: 'loinc', code: '41653-7', date: '2025-05-05', valueNum: 130 },
    ], '2025-06-01', ['adult.']).filter((r) => !r.includes('@2023'))).toEqual([
      'adult.obesity@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.bp@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.mental@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.vision@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.hearing@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.smoking@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.glucose@2024 missed 2024-03-05/2024-12-31/2024-12-31',
      'adult.obesity@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.bp@2025 done 2025-01-01/2025-12-31/2025-12-31 by bp',
      'adult.glucose@2025 done 2025-01-01/2025-12-31/2025-12-31 by g',
      'adult.mental@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.vision@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.hearing@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.smoking@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.copd@2025 due 2025-04-02/2025-12-31/2025-12-31',
      'adult.cataract@2025 due 2025-04-02/2025-12-31/2025-12-31',
      'adult.obesity@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.bp@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.glucose@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.mental@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.copd@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.vision@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.cataract@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.hearing@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.smoking@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'adult.lipid@2026 upcoming 2026-04-02/2026-12-31/2026-12-31',
      'adult.ecg@2026 upcoming 2026-04-02/2026-12-31/2026-12-31',
    ]);
  });
});

describe('age edges of "> N years" items', () => {
  const ht = (birthDate: string): PersonFacts => ({ sex: 'F', birthDate, conditions: [{ kind: 'hypertension', from: '2020-01-01' }, { kind: 'pus', from: '2010-01-01' }] });
  it('lipids for hypertension from the 41st birthday, IVA from the 31st, SADANIS from the 16th', () => {
    expect(view(ht('1984-07-01'), [], '2025-06-30', ['adult.lipid'])).toEqual(['adult.lipid@2025 upcoming 2025-07-01/2025-12-31/2025-12-31']);
    expect(view(ht('1984-07-01'), [], '2025-07-01', ['adult.lipid'])[0]).toBe('adult.lipid@2025 due 2025-07-01/2025-12-31/2025-12-31');
    expect(view(ht('1994-07-01'), [], '2025-06-30', ['adult.iva'])).toEqual(['adult.iva@2025-07-01 upcoming 2025-07-01/2028-06-30/2028-06-30']);
    expect(view({ sex: 'F', birthDate: '2009-07-01' }, [], '2025-07-01', ['adult.sadanis'])).toEqual(['adult.sadanis@2025-07-01 due 2025-07-01/2028-06-30/2028-06-30']);
    expect(view({ sex: 'F', birthDate: '2009-07-02' }, [], '2025-07-01', ['adult.sadanis'])).toEqual(['adult.sadanis@2025-07-02 upcoming 2025-07-02/2028-07-01/2028-07-01']);
  });
});

describe('diabetes screening for 15–<40 with risk factors', () => {
  const man: PersonFacts = { sex: 'M', birthDate: '1995-02-01' };
  const glucose = (events: ScheduleEvent[], on = '2025-06-01') => view(man, events, on, ['adult.glucose']);
  it('a BP of 140/90 is a risk factor, 139/89 is not', () => {
    expect(glucose([bp('b', '2025-03-10', 139, 89)])).toEqual([]);
    expect(glucose([bp('b', '2025-03-10', 140, 80)])).toEqual(['adult.glucose@2025 due 2025-03-10/2025-12-31/2025-12-31', 'adult.glucose@2026 upcoming 2026-01-01/2026-12-31/2026-12-31']);
    expect(glucose([bp('b', '2025-03-10', 130, 90)])[0]).toBe('adult.glucose@2025 due 2025-03-10/2025-12-31/2025-12-31');
  });
  it('central obesity: waist over 90 cm for men', () => {
    const waist = (v: number): ScheduleEvent => ({ id: 'w', system: 'loinc', code: '8280-0', date: '2025-04-01', valueNum: v });
    expect(glucose([waist(90)])).toEqual([]);
    expect(glucose([waist(91)])[0]).toBe('adult.glucose@2025 due 2025-04-01/2025-12-31/2025-12-31');
  });
  it('obesity: BMI from weight and the latest height, from 25', () => {
    const h: ScheduleEvent = { id: 'h', system: 'loinc', code: '8302-2', date: '2024-01-10', valueNum: 170 };
    const w = (kg: number): ScheduleEvent => ({ id: 'w', system: 'loinc', code: '29463-7', date: '2025-04-01', valueNum: kg });
    expect(glucose([h, w(72)])).toEqual([]); // 24.9
    expect(glucose([h, w(72.3)])[0]).toBe('adult.glucose@2025 due 2025-04-01/2025-12-31/2025-12-31'); // 25.0
  });
  it('a later normal reading does not take the person out of the target group', () => {
    expect(glucose([
      { id: 's', system: 'loinc', code: '8480-6', date: '2024-06-10', valueNum: 145 },
      { id: 'd', system: 'loinc', code: '8462-4', date: '2024-06-10', valueNum: 88 },
      bp('n', '2025-03-10', 118, 76),
    ])).toEqual([
      'adult.glucose@2024 missed 2024-06-10/2024-12-31/2024-12-31',
      'adult.glucose@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.glucose@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
    ]);
  });
});

describe('a woman of 62', () => {
  it('has SKILAS and ADL yearly from 60, colorectal from 50 and SADANIS every 3 years', () => {
    expect(view({ sex: 'F', birthDate: '1963-01-15' }, [{ id: 'sk', system: 'questionnaire', code: 'skilas', date: '2025-03-01' }], '2025-06-01',
      ['elderly.', 'adult.colorectal', 'adult.sadanis', 'adult.iva'])).toEqual([
      'adult.sadanis@2021-01-15 missed 2021-01-15/2024-01-14/2024-01-14',
      'adult.colorectal@2023 missed 2023-01-01/2023-12-31/2023-12-31',
      'elderly.skilas@2023 missed 2023-01-15/2023-12-31/2023-12-31',
      'elderly.adl@2023 missed 2023-01-15/2023-12-31/2023-12-31',
      'adult.colorectal@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'elderly.skilas@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'elderly.adl@2024 missed 2024-01-01/2024-12-31/2024-12-31',
      'adult.sadanis@2024-01-15 due 2024-01-15/2027-01-14/2027-01-14',
      'adult.colorectal@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'elderly.skilas@2025 done 2025-01-01/2025-12-31/2025-12-31 by sk',
      'elderly.adl@2025 due 2025-01-01/2025-12-31/2025-12-31',
      'adult.colorectal@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'elderly.skilas@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
      'elderly.adl@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
    ]);
  });
  it('elderly items start on the 60th birthday, not the day before', () => {
    expect(view({ sex: 'M', birthDate: '1965-06-10' }, [], '2025-06-09', ['elderly.skilas'])).toEqual(['elderly.skilas@2025 upcoming 2025-06-10/2025-12-31/2025-12-31']);
    expect(view({ sex: 'M', birthDate: '1965-06-10' }, [], '2025-06-10', ['elderly.skilas'])).toEqual([
      'elderly.skilas@2025 due 2025-06-10/2025-12-31/2025-12-31', 'elderly.skilas@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
    ]);
  });
  it('colorectal starts at 50 and not at 49', () => {
    expect(view({ sex: 'M', birthDate: '1975-09-01' }, [], '2025-08-31', ['adult.colorectal'])).toEqual(['adult.colorectal@2025 upcoming 2025-09-01/2025-12-31/2025-12-31']);
  });
});

describe('catin', () => {
  const catin = (to?: string): PersonFacts => ({ sex: 'F', birthDate: '2000-02-01', conditions: [{ kind: 'catin', from: '2025-05-01', ...(to ? { to } : {}) }] });
  it('is due from registration until the marriage, then closes', () => {
    expect(view(catin(), [], '2025-06-01', ['adult.catin'])).toEqual(['adult.catin@2025-05-01 due 2025-05-01/2025-06-01/2025-06-01']);
    expect(view(catin('2025-07-15'), [], '2025-08-01', ['adult.catin'])).toEqual(['adult.catin@2025-05-01 missed 2025-05-01/2025-07-15/2025-07-15']);
    expect(view(catin('2025-07-15'), [{ id: 'c', system: 'service', code: 'catin', date: '2025-07-15' }], '2025-08-01', ['adult.catin']))
      .toEqual(['adult.catin@2025-05-01 done 2025-05-01/2025-07-15/2025-07-15 by c']);
  });
});
