import { describe, expect, it } from 'vitest';
import { interpolateLms, lmsValueAt, lmsZ, lmsZRestricted, roundZ, type Lms } from './lms';

// weianthro.txt, boys, day 365 (WHO Child Growth Standards).
const WEIGHT_BOYS_365: Lms = { l: 0.0645, m: 9.646, s: 0.10925 };

describe('LMS z-scores', () => {
  it('gives 0 at the median and inverts lmsValueAt', () => {
    expect(lmsZ(WEIGHT_BOYS_365.m, WEIGHT_BOYS_365)).toBe(0);
    for (const z of [-4, -2.5, -1, 0.3, 2, 3.7]) expect(lmsZ(lmsValueAt(z, WEIGHT_BOYS_365), WEIGHT_BOYS_365)).toBeCloseTo(z, 12);
  });

  it('uses the log form when L = 0', () => {
    const lms = { l: 0, m: 20, s: 0.1 };
    expect(lmsZ(20 * Math.exp(0.2), lms)).toBeCloseTo(2, 12);
    expect(lmsValueAt(-1, lms)).toBeCloseTo(20 * Math.exp(-0.1), 12);
  });

  it('computes a hand-checked value', () => {
    // ((8 / 9.646)^0.0645 − 1) / (0.0645 × 0.10925), computed by hand
    expect(lmsZ(8, WEIGHT_BOYS_365)).toBeCloseTo(-1.7023, 4);
  });
});

describe("WHO's restricted rule beyond ±3 SD", () => {
  it('matches the plain formula inside ±3 SD', () => {
    for (const z of [-3, -2.99, 0, 2.99, 3]) {
      const y = lmsValueAt(z, WEIGHT_BOYS_365);
      expect(lmsZRestricted(y, WEIGHT_BOYS_365)).toBeCloseTo(lmsZ(y, WEIGHT_BOYS_365), 12);
    }
  });

  it('differs far above +3: the tail is extended with the 2–3 SD distance', () => {
    const y = 16; // kg at 1 year: far above +3 SD (13.34 kg)
    const plain = lmsZ(y, WEIGHT_BOYS_365);
    const restricted = lmsZRestricted(y, WEIGHT_BOYS_365);
    const sd3 = lmsValueAt(3, WEIGHT_BOYS_365);
    const sd2 = lmsValueAt(2, WEIGHT_BOYS_365);
    expect(restricted).toBeCloseTo(3 + (y - sd3) / (sd3 - sd2), 12);
    expect(plain).toBeCloseTo(4.708, 3);
    expect(restricted).toBeCloseTo(4.958, 3);
    expect(restricted - plain).toBeGreaterThan(0.2);
  });

  it('differs far below −3 as well', () => {
    const y = 5.5;
    const sd3neg = lmsValueAt(-3, WEIGHT_BOYS_365);
    const sd2neg = lmsValueAt(-2, WEIGHT_BOYS_365);
    expect(lmsZRestricted(y, WEIGHT_BOYS_365)).toBeCloseTo(-3 + (y - sd3neg) / (sd2neg - sd3neg), 12);
    expect(lmsZ(y, WEIGHT_BOYS_365)).toBeCloseTo(-5.050, 3);
    expect(lmsZRestricted(y, WEIGHT_BOYS_365)).toBeCloseTo(-4.750, 3);
  });

  it('changes nothing for a symmetric (L = 1) curve', () => {
    const lms = { l: 1, m: 10, s: 0.1 };
    expect(lmsZRestricted(16, lms)).toBeCloseTo(lmsZ(16, lms), 12);
  });
});

describe('helpers', () => {
  it('interpolates L, M and S linearly', () => {
    expect(interpolateLms({ l: 1, m: 10, s: 0.1 }, { l: 0, m: 20, s: 0.2 }, 0.25)).toEqual({ l: 0.75, m: 12.5, s: 0.125 });
  });

  it('rounds z-scores to 2 decimals symmetrically, without −0', () => {
    expect(roundZ(1.234)).toBe(1.23);
    expect(roundZ(-1.236)).toBe(-1.24);
    expect(roundZ(2.675)).toBe(-roundZ(-2.675));
    expect(Object.is(roundZ(-0.001), 0)).toBe(true);
  });
});
