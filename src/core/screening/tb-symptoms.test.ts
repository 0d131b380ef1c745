import { describe, expect, it } from 'vitest';
import { screenTbSymptoms, type TbSymptomInput } from './tb-symptoms';
import { band } from './scored.testing';

describe('TB symptoms', () => {
  const none: TbSymptomInput = { coughWeeks: 0, feverWeeks: 0, feverRecurrent: false, weightFaltering: false, lethargy: false, extrapulmonarySigns: false, closeContact: false };
  it('is terduga with any symptom, kontak erat with contact only, else bukan terduga', () => {
    expect(band(screenTbSymptoms(none))).toBe('bukan-terduga');
    expect(band(screenTbSymptoms({ ...none, closeContact: true }))).toBe('kontak-erat');
    expect(band(screenTbSymptoms({ ...none, closeContact: true, lethargy: true }))).toBe('terduga');
  });
  it('counts cough from 2 weeks and fever over 2 weeks', () => {
    expect(band(screenTbSymptoms({ ...none, coughWeeks: 1.9 }))).toBe('bukan-terduga');
    expect(band(screenTbSymptoms({ ...none, coughWeeks: 2 }))).toBe('terduga');
    expect(band(screenTbSymptoms({ ...none, feverWeeks: 2 }))).toBe('bukan-terduga');
    expect(band(screenTbSymptoms({ ...none, feverWeeks: 2.1 }))).toBe('terduga');
    expect(band(screenTbSymptoms({ ...none, feverRecurrent: true }))).toBe('terduga');
  });
});
