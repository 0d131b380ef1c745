import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../protocol/offset';
import { gestationalAgeOn, hplOf, pregnancyOn, pregnancyStartDay, resolvePregnancy, trimesterOfDay } from './pregnancy';
import { validatePregnancy } from './person';

const HPHT = '2025-01-06';

describe('pregnancy episode', () => {
  it('computes gestational age in weeks and days from HPHT', () => {
    expect(gestationalAgeOn({ id: 'g', hpht: HPHT }, '2025-01-06')).toEqual({ weeks: 0, days: 0, totalDays: 0 });
    expect(gestationalAgeOn({ id: 'g', hpht: HPHT }, '2025-03-20')).toEqual({ weeks: 10, days: 3, totalDays: 73 });
    expect(gestationalAgeOn({ id: 'g', hpht: HPHT }, '2025-01-05')).toBeNull();
  });
  it('gives HPL by Naegele (HPHT + 9 months + 7 days)', () => {
    expect(hplOf({ id: 'g', hpht: HPHT })).toBe('2025-10-13');
    expect(hplOf({ id: 'g', hpht: '2024-05-25' })).toBe('2025-03-04');
  });
  it('assigns trimesters at 12w0d/12w1d and 24w0d/24w1d', () => {
    expect(trimesterOfDay(84)).toBe(1);
    expect(trimesterOfDay(85)).toBe(2);
    expect(trimesterOfDay(168)).toBe(2);
    expect(trimesterOfDay(169)).toBe(3);
    expect(pregnancyOn({ id: 'g', hpht: HPHT }, '2025-03-31')?.trimester).toBe(1);
    expect(pregnancyOn({ id: 'g', hpht: HPHT }, '2025-04-01')?.trimester).toBe(2);
  });
  it('registers by gestational age when HPHT is unknown', () => {
    const p = { id: 'g', gestationalAge: { weeks: 10, days: 3, on: '2025-03-20' } };
    expect(pregnancyStartDay(p)).toBe(dayFromIso(HPHT));
    expect(pregnancyOn(p, '2025-03-20')).toMatchObject({ hpht: HPHT, hpl: '2025-10-13', state: 'ongoing', trimester: 1 });
  });
  it('closes with the delivery, an end date, or at 44 weeks', () => {
    const d = pregnancyOn({ id: 'g', hpht: HPHT, deliveredOn: '2025-10-10', outcome: 'live-birth' }, '2025-10-20');
    expect(d).toMatchObject({ state: 'delivered', endedOn: '2025-10-10', postpartumDay: 10 });
    expect(pregnancyOn({ id: 'g', hpht: HPHT, endedOn: '2025-03-01', outcome: 'abortion' }, '2025-03-05')).toMatchObject({ state: 'ended', endedOn: '2025-03-01' });
    // 44w0d = 2025-11-10
    expect(pregnancyOn({ id: 'g', hpht: HPHT }, '2025-11-09')).toMatchObject({ state: 'ongoing', gestationalAge: { weeks: 43, days: 6 } });
    expect(pregnancyOn({ id: 'g', hpht: HPHT }, '2025-11-10')).toMatchObject({ state: 'expired', endedOn: '2025-11-10' });
    // A delivery recorded after 44 weeks does not reopen it.
    expect(resolvePregnancy({ id: 'g', hpht: HPHT, deliveredOn: '2025-11-20' }, dayFromIso('2025-11-25'))?.end).toBe('expired');
  });
  it('knows only the facts dated by the evaluation day', () => {
    expect(pregnancyOn({ id: 'g', hpht: HPHT, deliveredOn: '2025-10-10' }, '2025-10-01')?.state).toBe('ongoing');
  });
  it('validates its facts', () => {
    expect(validatePregnancy({ id: 'g' })).toEqual([{ code: 'pregnancy_start_missing', field: 'pregnancy' }]);
    expect(validatePregnancy({ id: 'g', gestationalAge: { weeks: 45, on: '2025-03-20' } })[0]).toMatchObject({ code: 'gestational_age_range' });
    expect(validatePregnancy({ id: 'g', gestationalAge: { weeks: 10, days: 7, on: '2025-03-20' } })[0]).toMatchObject({ code: 'gestational_age_range' });
    expect(validatePregnancy({ id: 'g', hpht: '2025-02-30' })[0]).toMatchObject({ code: 'invalid_date', field: 'pregnancy.hpht' });
    expect(pregnancyOn({ id: 'g' }, '2025-03-01')).toBeNull();
  });
});
