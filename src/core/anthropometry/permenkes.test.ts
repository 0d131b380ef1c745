import { describe, expect, it } from 'vitest';
import { bandFor, classifyPermenkes, PERMENKES_BANDS } from './permenkes';
import { flatReferences } from './test-support/flat-references';
import { computeZScores, type AnthroInput } from './zscores';

const code = (bands: (typeof PERMENKES_BANDS)[keyof typeof PERMENKES_BANDS], z: number) => bandFor(bands, z).code;

describe('Permenkes 2/2020 cut-offs, both sides of each', () => {
  it('BB/U: < −3 | −3 ≤ z < −2 | −2 ≤ z ≤ +1 | > +1', () => {
    const b = PERMENKES_BANDS.bbu;
    expect([-3.01, -3, -2.01, -2, 1, 1.01].map((z) => code(b, z))).toEqual([
      'severely_underweight',
      'underweight',
      'underweight',
      'normal_weight',
      'normal_weight',
      'risk_of_overweight',
    ]);
  });

  it('PB/U-TB/U: < −3 | −3 ≤ z < −2 | −2 ≤ z ≤ +3 | > +3', () => {
    const b = PERMENKES_BANDS.pbu;
    expect([-3.01, -3, -2.01, -2, 3, 3.01].map((z) => code(b, z))).toEqual(['severely_stunted', 'stunted', 'stunted', 'normal_height', 'normal_height', 'tall']);
  });

  it('BB/PB-BB/TB: < −3 | −3 ≤ z < −2 | −2 ≤ z ≤ +1 | +1 < z ≤ +2 | +2 < z ≤ +3 | > +3', () => {
    const b = PERMENKES_BANDS.bbpb;
    expect([-3.01, -3, -2.01, -2, 1, 1.01, 2, 2.01, 3, 3.01].map((z) => code(b, z))).toEqual([
      'severely_wasted',
      'wasted',
      'wasted',
      'normal',
      'normal',
      'possible_risk_of_overweight',
      'possible_risk_of_overweight',
      'overweight',
      'overweight',
      'obese',
    ]);
  });

  it('IMT/U 5–18 y: < −3 | −3 ≤ z < −2 | −2 ≤ z ≤ +1 | +1 < z ≤ +2 | > +2', () => {
    const b = PERMENKES_BANDS.imtu5to18;
    expect([-3.01, -3, -2.01, -2, 1, 1.01, 2, 2.01].map((z) => code(b, z))).toEqual(['severely_thin', 'thin', 'thin', 'normal', 'normal', 'overweight', 'overweight', 'obese']);
  });

  it('carries the Indonesian label, the English one and the SATUSEHAT code where known', () => {
    expect(bandFor(PERMENKES_BANDS.bbu, -3.5)).toMatchObject({ id: 'Berat badan sangat kurang', en: 'Severely underweight', satusehat: 'OI000007' });
    expect(bandFor(PERMENKES_BANDS.pbu, -2.5)).toMatchObject({ id: 'Pendek', satusehat: 'OI000012' });
    expect(bandFor(PERMENKES_BANDS.bbpb, 3.5)).toMatchObject({ id: 'Obesitas', satusehat: 'OI000006' });
    expect(bandFor(PERMENKES_BANDS.imtu5to18, 1.5)).toMatchObject({ id: 'Gizi lebih', en: 'Overweight' });
  });
});

describe('classifyPermenkes on z-score results (z = y − 10 on flat references)', () => {
  const flat = flatReferences();
  const classify = (input: Partial<AnthroInput>) => classifyPermenkes(computeZScores({ sex: 'F', age: { days: 400 }, ...input }, flat));

  it('classifies each index of a balita, IMT/U with the balita bands', () => {
    const c = classify({ weightKg: 7.5, lengthHeightCm: 100, measure: 'l' }); // z = −2.5 for BB/U, BB/PB, IMT/U; PB/U z = 90
    expect(c.bbu).toMatchObject({ code: 'underweight', ageGroup: '0-60mo', byOedema: false });
    expect(c.bbpb).toMatchObject({ code: 'wasted', id: 'Gizi kurang' });
    expect(c.imtu).toMatchObject({ code: 'wasted', id: 'Gizi kurang', ageGroup: '0-60mo' });
    expect(c.imtu?.satusehat).toBeUndefined();
    expect(c.pbu).toMatchObject({ code: 'tall' });
  });

  it('uses the 5–18 year bands for IMT/U from 60 months, and no BB/U, PB/U or BB/PB category', () => {
    const c = classify({ age: { months: 100 }, weightKg: 11.5, lengthHeightCm: 100 }); // BMI 11.5 → z +1.5
    expect(c.imtu).toMatchObject({ code: 'overweight', id: 'Gizi lebih', ageGroup: '5-18y' });
    expect(c.bbu).toBeUndefined();
    expect(c.pbu).toBeUndefined();
    expect(c.bbpb).toBeUndefined();
  });

  it('classifies the reported (rounded) z-score', () => {
    expect(classify({ weightKg: 6.996 }).bbu?.code).toBe('underweight'); // z −3.004 → −3.00
    expect(classify({ weightKg: 6.994 }).bbu?.code).toBe('severely_underweight'); // z −3.006 → −3.01
  });

  it('puts oedema in the lowest weight-based band (gizi buruk)', () => {
    const c = classify({ weightKg: 12, lengthHeightCm: 100, measure: 'l', oedema: true });
    expect(c.bbpb).toMatchObject({ code: 'severely_wasted', id: 'Gizi buruk', byOedema: true });
    expect(c.bbu).toMatchObject({ code: 'severely_underweight', byOedema: true });
    expect(c.imtu).toMatchObject({ code: 'severely_wasted', byOedema: true });
    expect(c.pbu?.byOedema).toBe(false);
  });

  it('has no category without a z-score', () => {
    expect(classify({})).toEqual({});
  });
});
