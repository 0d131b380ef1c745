import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GROWTH_MONITORING,
  growthReferralReasons,
  hasConsecutiveT,
  judgeWeighing,
  judgeWeighings,
  kbmFor,
} from './growth-monitoring';
import { flatReferences } from './test-support/flat-references';
import { computeZScores } from './zscores';

const BIRTH = '2025-01-10';

describe('KBM (minimum weight gain) by age', () => {
  it('follows the default table at its steps', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 60, 61].map((m) => kbmFor(m))).toEqual([null, 800, 900, 800, 600, 500, 400, 400, 300, 300, 200, 200, 200, null]);
  });
});

describe('judging a weighing: N, T, O, B', () => {
  it('B for the first weighing', () => {
    expect(judgeWeighing(BIRTH, { date: '2025-03-12', weightKg: 5 }, undefined).code).toBe('B');
  });

  it('N when the gain reaches KBM exactly, T one gram below', () => {
    // 2025-04-12: 3 completed months → KBM 800 g
    const prev = { date: '2025-03-12', weightKg: 5.2 };
    expect(judgeWeighing(BIRTH, { date: '2025-04-12', weightKg: 6.0 }, prev)).toMatchObject({ code: 'N', gainGrams: 800, kbmGrams: 800, ageMonths: 3 });
    expect(judgeWeighing(BIRTH, { date: '2025-04-12', weightKg: 5.999 }, prev)).toMatchObject({ code: 'T', gainGrams: 799 });
  });

  it('T for no gain or a loss', () => {
    const prev = { date: '2026-01-15', weightKg: 10 };
    expect(judgeWeighing(BIRTH, { date: '2026-02-15', weightKg: 10 }, prev).code).toBe('T');
    expect(judgeWeighing(BIRTH, { date: '2026-02-15', weightKg: 9.8 }, prev)).toMatchObject({ code: 'T', gainGrams: -200 });
  });

  it('uses completed months for the KBM age', () => {
    // 2025-07-09 is 5 months 29 days: KBM of 5 months (500 g), not 6 (400 g)
    const r = judgeWeighing(BIRTH, { date: '2025-07-09', weightKg: 7.45 }, { date: '2025-06-10', weightKg: 7.0 });
    expect(r).toMatchObject({ ageMonths: 5, kbmGrams: 500, code: 'T' });
    expect(judgeWeighing(BIRTH, { date: '2025-07-10', weightKg: 7.45 }, { date: '2025-06-10', weightKg: 7.0 })).toMatchObject({ ageMonths: 6, kbmGrams: 400, code: 'N' });
  });

  it('O when the previous weighing was not last month', () => {
    expect(judgeWeighing(BIRTH, { date: '2025-06-10', weightKg: 7 }, { date: '2025-04-28', weightKg: 6 }).code).toBe('O');
    expect(judgeWeighing(BIRTH, { date: '2026-01-05', weightKg: 9 }, { date: '2025-12-28', weightKg: 8.5 }).code).toBe('N');
  });

  it('gives no code when no KBM is defined for the age', () => {
    expect(judgeWeighing(BIRTH, { date: '2025-02-05', weightKg: 3.9 }, { date: '2025-01-11', weightKg: 3.2 })).toMatchObject({ code: null, ageMonths: 0, gainGrams: 700 });
  });
});

describe('a series of weighings and the 2T referral', () => {
  it('counts one weighing per month (the last) and finds 2T', () => {
    const outcomes = judgeWeighings(BIRTH, [
      { date: '2025-10-12', weightKg: 8.0 },
      { date: '2025-11-12', weightKg: 8.1 }, // +100 < 300 → T
      { date: '2025-12-02', weightKg: 8.0 },
      { date: '2025-12-20', weightKg: 8.2 }, // re-weighed: +100 → T
    ]);
    expect(outcomes.map((o) => o.code)).toEqual(['B', 'T', 'T']);
    expect(hasConsecutiveT(outcomes)).toBe(true);
    expect(growthReferralReasons({ outcomes })).toEqual(['2T']);
  });

  it('has no 2T after a missed month or with one T', () => {
    const gap = judgeWeighings(BIRTH, [
      { date: '2025-09-12', weightKg: 8.0 },
      { date: '2025-10-12', weightKg: 8.0 },
      { date: '2025-12-12', weightKg: 8.0 },
      { date: '2026-01-12', weightKg: 8.0 },
    ]);
    expect(gap.map((o) => o.code)).toEqual(['B', 'T', 'O', 'T']);
    expect(hasConsecutiveT(gap)).toBe(false);
    expect(hasConsecutiveT(gap.slice(0, 2))).toBe(false);
    expect(hasConsecutiveT(gap.slice(0, 2), { ...DEFAULT_GROWTH_MONITORING, consecutiveTForReferral: 1 })).toBe(true);
  });
});

describe('growth referral reasons from z-scores (z = y − 10 on flat references)', () => {
  const flat = flatReferences();
  const anthro = (weightKg: number, oedema = false) => computeZScores({ sex: 'M', age: { days: 300 }, weightKg, lengthHeightCm: 70, measure: 'l', oedema }, flat);

  it('BB/U below −3 and BB/PB below −2, at the edges', () => {
    expect(growthReferralReasons({ anthro: anthro(7) })).toEqual(['wasted']); // z −3: BB/U not below −3; BB/PB below −2
    expect(growthReferralReasons({ anthro: anthro(6.99) })).toEqual(['severely_underweight', 'wasted']);
    expect(growthReferralReasons({ anthro: anthro(8) })).toEqual([]); // z −2
    expect(growthReferralReasons({ anthro: anthro(7.99) })).toEqual(['wasted']);
  });

  it('oedema', () => {
    expect(growthReferralReasons({ anthro: anthro(10, true) })).toEqual(['oedema']);
  });
});
