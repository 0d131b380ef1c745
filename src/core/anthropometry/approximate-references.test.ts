import { describe, expect, it } from 'vitest';
import { approximateGrowthReferences } from './approximate-references';
import type { GrowthTableName } from './growth-tables';
import { lmsValueAt, lmsZ } from './lms';
import { exactReferences } from './test-support/who-data';
import { computeZScores } from './zscores';

/**
 * The jsgrowup fallback against WHO's exact daily tables: for every day (or
 * 0.1 cm) and both sexes, the measurement at z = −3, −2, 0, +2, +3 of the
 * exact table is scored with the fallback's L, M, S; the largest |Δz| per age
 * band is the fallback's error. Measured (2026-11): weight-for-age 0.141 in
 * days 0–7 and 0.015 in days 8–365; every other table < 0.006; 0.001 after
 * the first year; weight-for-length/height 0.0006.
 */
const exact = exactReferences();
const approx = approximateGrowthReferences();
const Z = [-3, -2, 0, 2, 3];

function worstError(table: GrowthTableName, from: number, to: number, step = 1): number {
  let worst = 0;
  for (let i = 0; from + i * step <= to + 1e-9; i++) {
    const x = Math.round((from + i * step) * 10) / 10;
    for (const sex of ['M', 'F'] as const) {
      const e = exact.lms(table, sex, x)!;
      const a = approx.lms(table, sex, x)!;
      for (const z of Z) worst = Math.max(worst, Math.abs(lmsZ(lmsValueAt(z, e), a) - z));
    }
  }
  return worst;
}

describe('approximate (jsgrowup) references: error against the daily tables', () => {
  it.each(['weianthro', 'lenanthro', 'bmianthro', 'hcanthro'] as const)('%s stays within bounds by age band', (table) => {
    const firstWeek = worstError(table, 0, 7);
    const infancy = worstError(table, 8, 365);
    const later = worstError(table, 366, 1826);
    expect(firstWeek).toBeLessThan(0.15);
    expect(infancy).toBeLessThan(0.02);
    expect(later).toBeLessThan(0.002);
  });

  it('weight-for-age is the worst in the first week (≈ 0.14 z) and close to the daily table after it', () => {
    expect(worstError('weianthro', 0, 7)).toBeGreaterThan(0.1);
    expect(worstError('weianthro', 8, 365)).toBeGreaterThan(0.01);
  });

  it('weight-for-length and weight-for-height are within 0.001 z', () => {
    expect(worstError('wflanthro', 45, 110, 0.1)).toBeLessThan(0.001);
    expect(worstError('wfhanthro', 65, 120, 0.1)).toBeLessThan(0.001);
  });

  it('switches from length to height curves at day 731 like the daily table', () => {
    for (const sex of ['M', 'F'] as const) {
      expect(approx.lms('lenanthro', sex, 730)!.m).toBeCloseTo(exact.lms('lenanthro', sex, 730)!.m, 2);
      expect(approx.lms('lenanthro', sex, 731)!.m).toBeCloseTo(exact.lms('lenanthro', sex, 731)!.m, 2);
    }
  });
});

describe('results from the fallback are marked approximate', () => {
  it('marks each z-score and the whole result', () => {
    const r = computeZScores({ sex: 'F', age: { days: 400 }, weightKg: 9, lengthHeightCm: 75, measure: 'l', muacCm: 14 }, approx);
    expect(r.indices.wei).toMatchObject({ status: 'ok', approximate: true });
    expect(r.indices.wfl).toMatchObject({ status: 'ok', approximate: true });
    expect(r.approximate).toBe(true);
    // No MUAC table in the fallback: a clear status, not a crash.
    expect(r.indices.ac).toMatchObject({ status: 'reference_missing', z: null, table: 'acanthro' });
    const fromExact = computeZScores({ sex: 'F', age: { days: 400 }, weightKg: 9 }, exact);
    expect(fromExact.indices.wei.approximate).toBe(false);
    expect(Math.abs(fromExact.indices.wei.z! - r.indices.wei.z!)).toBeLessThanOrEqual(0.01);
  });

  it('says the 5–19 year reference is not installed', () => {
    const r = computeZScores({ sex: 'M', age: { months: 100 }, weightKg: 25, lengthHeightCm: 128 }, approx);
    for (const i of ['wei', 'len', 'bmi'] as const) expect(r.indices[i]).toMatchObject({ status: 'reference_missing', reference: 'WHO2007', z: null });
    expect(r.indices.wei.table).toBe('wfawho2007');
  });
});
