import { describe, expect, it } from 'vitest';
import { classifyMuac, DEFAULT_MUAC_SETTINGS } from './muac';

describe('LiLA bands, 6–59 months', () => {
  it('splits at 11.5 and 12.5 cm', () => {
    expect([11.49, 11.5, 12.49, 12.5].map((cm) => classifyMuac(cm, 24)?.code)).toEqual(['severe', 'moderate', 'moderate', 'normal']);
    expect(classifyMuac(11, 24)).toMatchObject({ colour: 'merah', satusehat: 'OV000249' });
    expect(classifyMuac(12, 24)).toMatchObject({ colour: 'kuning', satusehat: 'OV000250' });
    expect(classifyMuac(13, 24)).toMatchObject({ colour: 'hijau', satusehat: 'OV000251' });
  });

  it('applies from 6 months to below 60 months', () => {
    expect([5.99, 6, 59.99, 60].map((m) => classifyMuac(11, m)?.code ?? null)).toEqual([null, 'severe', 'severe', null]);
    expect(classifyMuac(11, null)).toBeNull();
    expect(classifyMuac(null, 24)).toBeNull();
  });

  it('takes other cut-offs as a setting', () => {
    expect(classifyMuac(12.4, 24, { ...DEFAULT_MUAC_SETTINGS, moderateBelowCm: 12.4 })?.code).toBe('normal');
  });
});
