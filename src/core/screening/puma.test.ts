import { describe, expect, it } from 'vitest';
import { scorePuma, type PumaInput } from './puma';
import { band, issues } from './scored.testing';

describe('PUMA', () => {
  const base: PumaInput = { sex: 'F', ageYears: 45, packYears: 0, dyspnoea: false, sputum: false, cough: false, priorSpirometry: false };
  it('scores sex, age, pack-years and symptoms', () => {
    const s = (i: Partial<PumaInput>) => { const r = scorePuma({ ...base, ...i }); return r.ok ? r.result.score : NaN; };
    expect(s({})).toBe(0);
    expect(s({ sex: 'M' })).toBe(1);
    expect(s({ ageYears: 49 })).toBe(0);
    expect(s({ ageYears: 50 })).toBe(1);
    expect(s({ ageYears: 59 })).toBe(1);
    expect(s({ ageYears: 60 })).toBe(2);
    expect(s({ packYears: 19.9 })).toBe(0);
    expect(s({ packYears: 20 })).toBe(1);
    expect(s({ packYears: 30 })).toBe(1);
    expect(s({ packYears: 30.5 })).toBe(2);
    expect(s({ dyspnoea: true, sputum: true, cough: true, priorSpirometry: true })).toBe(4);
  });
  it('is high risk from 6', () => {
    // M(1) + 60(2) + 20 py(1) + 1 symptom = 5; + a second symptom = 6
    expect(band(scorePuma({ ...base, sex: 'M', ageYears: 60, packYears: 20, cough: true }))).toBe('low');
    expect(band(scorePuma({ ...base, sex: 'M', ageYears: 60, packYears: 20, cough: true, sputum: true }))).toBe('high');
  });
  it('is for 40 years and over', () => {
    expect(issues(scorePuma({ ...base, ageYears: 39 }))[0]).toMatchObject({ code: 'screening_age', field: 'ageYears' });
    expect(scorePuma({ ...base, ageYears: 40 }).ok).toBe(true);
  });
});
