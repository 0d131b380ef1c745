import { describe, expect, it } from 'vitest';
import { classifyBp } from './blood-pressure';
import { band, issues } from './scored.testing';

describe('blood pressure', () => {
  const adult = (systolic: number, diastolic: number) => band(classifyBp({ systolic, diastolic, ageYears: 40, sex: 'M' }));
  it('classes adults at every edge of Tabel 22', () => {
    expect(adult(119, 79)).toBe('optimal');
    expect(adult(120, 79)).toBe('normal');
    expect(adult(119, 80)).toBe('normal');
    expect(adult(129, 84)).toBe('normal');
    expect(adult(130, 84)).toBe('high-normal');
    expect(adult(129, 85)).toBe('high-normal');
    expect(adult(139, 89)).toBe('high-normal');
    expect(adult(140, 90)).toBe('ht-1');
    expect(adult(139, 90)).toBe('ht-1');
    expect(adult(159, 99)).toBe('ht-1');
    expect(adult(160, 99)).toBe('ht-2');
    expect(adult(159, 100)).toBe('ht-2');
    expect(adult(179, 109)).toBe('ht-2');
    expect(adult(180, 109)).toBe('ht-3');
    expect(adult(179, 110)).toBe('ht-3');
  });
  it('recognises isolated systolic hypertension', () => {
    expect(adult(140, 89)).toBe('isolated-systolic');
    const r = classifyBp({ systolic: 165, diastolic: 85, ageYears: 70, sex: 'F' });
    expect(r.ok && r.result.details?.systolicGrade).toBe('ht-2');
  });
  it('uses adult classes from 18 and AAP classes from 13', () => {
    expect(band(classifyBp({ systolic: 125, diastolic: 75, ageYears: 17, sex: 'F' }))).toBe('elevated');
    expect(band(classifyBp({ systolic: 125, diastolic: 75, ageYears: 18, sex: 'F' }))).toBe('normal');
    const teen = (s: number, d: number) => band(classifyBp({ systolic: s, diastolic: d, ageYears: 13, sex: 'M' }));
    expect(teen(119, 79)).toBe('normal');
    expect(teen(120, 79)).toBe('elevated');
    expect(teen(129, 79)).toBe('elevated');
    expect(teen(130, 79)).toBe('stage-1');
    expect(teen(119, 80)).toBe('stage-1');
    expect(teen(139, 89)).toBe('stage-1');
    expect(teen(140, 70)).toBe('stage-2');
    expect(teen(110, 90)).toBe('stage-2');
  });
  it('uses only the sourced child thresholds below 13', () => {
    const child = (age: number, sex: 'M' | 'F', s: number, d: number) => band(classifyBp({ systolic: s, diastolic: d, ageYears: age, sex }));
    expect(child(7, 'M', 105, 67)).toBe('below-threshold');
    expect(child(7, 'M', 106, 60)).toBe('at-or-above-threshold');
    expect(child(7, 'F', 100, 68)).toBe('at-or-above-threshold');
    expect(child(10, 'M', 108, 60)).toBe('at-or-above-threshold');
    expect(child(10, 'F', 108, 60)).toBe('below-threshold');
    expect(child(12, 'F', 113, 74)).toBe('below-threshold');
    expect(child(12, 'F', 114, 74)).toBe('at-or-above-threshold');
    expect(child(12, 'M', 100, 75)).toBe('at-or-above-threshold');
    expect(child(8, 'M', 150, 100)).toBe('not-classified');
    expect(child(11, 'F', 90, 60)).toBe('not-classified');
  });
  it('validates readings', () => {
    expect(issues(classifyBp({ systolic: 80, diastolic: 90, ageYears: 30, sex: 'F' }))[0]).toMatchObject({ code: 'bp_diastolic_not_below_systolic' });
    expect(issues(classifyBp({ systolic: 400, diastolic: 90, ageYears: 30, sex: 'F' }))[0]).toMatchObject({ code: 'out_of_range', field: 'systolic' });
  });
});
