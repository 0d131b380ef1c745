import { describe, expect, it } from 'vitest';
import { scoreSkilas, type SkilasInput } from './skilas';
import { band, issues } from './scored.testing';

describe('SKILAS', () => {
  const ok: SkilasInput = {
    cognitive: { recallFailed: false, orientationFailed: false },
    mobility: { chairStandSeconds: 10 },
    malnutrition: { weightLoss: false, appetiteLoss: false, lilaCm: 25 },
    vision: { eyeProblem: false, fingerCountFailed: false },
    hearing: { whisperFailed: false },
    depression: { sad: false, littleInterest: false },
  };
  it('refers when any domain has a ticked item', () => {
    expect(band(scoreSkilas(ok))).toBe('normal');
    const r = scoreSkilas({ ...ok, depression: { sad: true, littleInterest: false } });
    expect(band(r)).toBe('refer');
    expect(r.ok && r.result.details?.domains).toEqual(['depression']);
  });
  it('ticks mobility over 14 seconds or when unable, malnutrition under 21 cm LiLA', () => {
    expect(band(scoreSkilas({ ...ok, mobility: { chairStandSeconds: 14 } }))).toBe('normal');
    expect(band(scoreSkilas({ ...ok, mobility: { chairStandSeconds: 14.5 } }))).toBe('refer');
    expect(band(scoreSkilas({ ...ok, mobility: { chairStandSeconds: null } }))).toBe('refer');
    expect(band(scoreSkilas({ ...ok, malnutrition: { ...ok.malnutrition, lilaCm: 21 } }))).toBe('normal');
    const r = scoreSkilas({ ...ok, malnutrition: { ...ok.malnutrition, lilaCm: 20.9 } });
    expect(r.ok && r.result.details?.domains).toEqual(['malnutrition']);
  });
  it('reports missing domains', () => {
    const { hearing: _h, ...rest } = ok;
    expect(issues(scoreSkilas(rest as SkilasInput))[0]).toMatchObject({ code: 'required', field: 'hearing' });
  });
});
