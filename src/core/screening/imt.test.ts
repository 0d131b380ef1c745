import { describe, expect, it } from 'vitest';
import { classifyImt, classifyWaist } from './imt';
import { band, issues } from './scored.testing';

describe('IMT and waist', () => {
  // height 100 cm makes BMI = weight
  const imt = (w: number) => band(classifyImt({ weightKg: w, heightCm: 100, ageYears: 30 }));
  it('classes at each Asia-Pacific edge', () => {
    expect(imt(18.4)).toBe('underweight');
    expect(imt(18.5)).toBe('normal');
    expect(imt(22.9)).toBe('normal');
    expect(imt(23)).toBe('overweight');
    expect(imt(24.9)).toBe('overweight');
    expect(imt(25)).toBe('obese-1');
    expect(imt(29.9)).toBe('obese-1');
    expect(imt(30)).toBe('obese-2');
  });
  it('is for adults only', () => {
    expect(issues(classifyImt({ weightKg: 50, heightCm: 160, ageYears: 17 }))[0]).toMatchObject({ code: 'screening_age' });
  });
  it('flags central obesity above 90 cm (men) and 80 cm (women)', () => {
    expect(band(classifyWaist({ waistCm: 90, sex: 'M' }))).toBe('normal');
    expect(band(classifyWaist({ waistCm: 90.5, sex: 'M' }))).toBe('central-obesity');
    expect(band(classifyWaist({ waistCm: 80, sex: 'F' }))).toBe('normal');
    expect(band(classifyWaist({ waistCm: 81, sex: 'F' }))).toBe('central-obesity');
  });
});
