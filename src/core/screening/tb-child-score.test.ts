import { describe, expect, it } from 'vitest';
import { scoreTbChild, type TbChildInput } from './tb-child-score';
import { band } from './scored.testing';

describe('child TB score', () => {
  const base: TbChildInput = { ageYears: 3, contact: 'unclear', tuberculin: 'negative', nutrition: 'normal', fever: false, cough: false, lymphNodes: false, boneJoint: false, xray: false };
  it('diagnoses clinical TB from 6', () => {
    // contact BTA+ (3) + tuberculin+ (3) = 6
    const r = scoreTbChild({ ...base, contact: 'smearPositive', tuberculin: 'positive' });
    expect(r.ok && r.result.score).toBe(6);
    expect(band(r)).toBe('clinical-tb');
    // fever, cough, lymph, bone, xray = 5, no exposure → observe
    expect(band(scoreTbChild({ ...base, fever: true, cough: true, lymphNodes: true, boneJoint: true, xray: true }))).toBe('observe');
    // + severe malnutrition (2) = 7
    expect(band(scoreTbChild({ ...base, fever: true, cough: true, lymphNodes: true, boneJoint: true, xray: true, nutrition: 'severe' }))).toBe('clinical-tb');
  });
  it('below 6: exposure with other signs is clinical TB, without is latent', () => {
    expect(band(scoreTbChild({ ...base, tuberculin: 'positive' }))).toBe('latent-tb');
    expect(band(scoreTbChild({ ...base, contact: 'reported' }))).toBe('latent-tb');
    expect(band(scoreTbChild({ ...base, contact: 'reported', fever: true }))).toBe('clinical-tb');
    expect(band(scoreTbChild({ ...base, fever: true }))).toBe('observe');
  });
  it('flags a balita scoring 5 with doubtful signs for hospital referral', () => {
    const five = { ...base, contact: 'smearPositive' as const, fever: true, cough: true, doubtfulSigns: true };
    const r = scoreTbChild(five);
    expect(r.ok && r.result.score).toBe(5);
    expect(r.ok && r.result.details?.referHospital).toBe(true);
    const older = scoreTbChild({ ...five, ageYears: 5 });
    expect(older.ok && older.result.details?.referHospital).toBe(false);
    const four = scoreTbChild({ ...five, cough: false });
    expect(four.ok && four.result.details?.referHospital).toBe(false);
  });
});
