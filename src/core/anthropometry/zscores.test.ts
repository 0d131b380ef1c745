import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { lmsZ, lmsZRestricted } from './lms';
import { flatReferences } from './test-support/flat-references';
import { exactReferences, IGROWUP_SURVEY, readText } from './test-support/who-data';
import type { AnthroIndex } from './who-rules';
import { computeZScores, type AnthroInput, type Measure } from './zscores';

const exact = exactReferences();
const flat = flatReferences();

/**
 * WHO's igrowup example survey with its published z-scores, as shipped by
 * jsgrowup (testdata/survey_z_st.csv). Inputs: GENDER (1/2), agemons, WEIGHT
 * (kg), HEIGHT (cm), measure (l/h/empty), oedema (y/n), HEAD, MUAC (cm), TRI,
 * SUB (mm). Outputs: _ZWEI … _ZSS and flags _FWEI … _FSS; _agedays and
 * _CLENHEI are intermediate values. (survey_z_rc.csv has the same first four
 * z-scores.)
 */
describe('WHO igrowup survey, reproduced with the exact daily tables', () => {
  const records = parseCsv(readText(IGROWUP_SURVEY));
  const head = records[0]!.cells;
  const rows = records.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r.cells[i] ?? ''])));
  const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
  const columns: [AnthroIndex, string][] = [['wei', 'WEI'], ['len', 'LEN'], ['wfl', 'WFL'], ['bmi', 'BMI'], ['hc', 'HC'], ['ac', 'AC'], ['ts', 'TS'], ['ss', 'SS']];

  const compared = rows.flatMap((c) => {
    const input: AnthroInput = {
      sex: c.GENDER === '1' ? 'M' : 'F',
      age: c.agemons === '' ? null : { months: Number(c.agemons) },
      weightKg: num(c.WEIGHT),
      lengthHeightCm: num(c.HEIGHT),
      measure: (c.measure || null) as Measure | null,
      oedema: c.oedema === 'y',
      headCm: num(c.HEAD),
      muacCm: num(c.MUAC),
      tricepsMm: num(c.TRI),
      subscapularMm: num(c.SUB),
    };
    const result = computeZScores(input, exact);
    return columns.map(([index, col]) => ({ id: c.id!, months: Number(c.agemons), index, expected: num(c[`_Z${col}`]), expectedFlag: num(c[`_F${col}`]), got: result.indices[index], agedays: Number(c._agedays), ours: result.ageDays }));
  });

  it('uses the same age in days as igrowup (months × 30.4375, rounded)', () => {
    for (const c of compared) expect(c.ours).toBe(c.agedays);
  });

  it('matches 3,290 of 3,318 published z-scores to ±0.01; the other 28 are the 4 children aged ≥ 60 months', () => {
    const published = compared.filter((c) => c.expected !== null);
    expect(published).toHaveLength(3318);
    const match = published.filter((c) => c.got.z !== null && Math.abs(c.got.z - c.expected!) <= 0.01 + 1e-9);
    const miss = published.filter((c) => !match.includes(c));
    expect(match).toHaveLength(3290);
    expect(miss).toHaveLength(28);
    // igrowup scored 60.2–60.8 months with tables to day 1856; current anthro
    // scores only age < 60 months and WHO's tables stop at day 1826.
    expect([...new Set(miss.map((m) => m.id))].sort()).toEqual(['343', '4', '44', '95']);
    for (const m of miss) expect(m.months).toBeGreaterThanOrEqual(60);
    // Nothing is computed where igrowup has no value either.
    expect(compared.filter((c) => c.expected === null && c.got.z !== null)).toEqual([]);
  });

  it('scores those 4 children with the WHO 2007 reference instead (close to igrowup at the seam)', () => {
    const seam = compared.filter((c) => c.months >= 60 && c.expected !== null);
    for (const c of seam) {
      if (c.index === 'wei' || c.index === 'len' || c.index === 'bmi') {
        expect(c.got).toMatchObject({ status: 'ok', reference: 'WHO2007' });
        expect(Math.abs(c.got.z! - c.expected!)).toBeLessThan(0.15);
      } else {
        expect(c.got).toMatchObject({ status: 'age_out_of_range', z: null });
      }
    }
  });

  it('matches every published flag where both have a z-score', () => {
    const flagged = compared.filter((c) => c.expectedFlag !== null && c.got.flag !== null);
    expect(flagged.length).toBe(3302);
    for (const c of flagged) expect({ id: c.id, index: c.index, flag: c.got.flag }).toEqual({ id: c.id, index: c.index, flag: c.expectedFlag === 1 });
  });
});

describe('length/height: the 0.7 cm adjustment and the switch at 731 days', () => {
  // lenanthro, boys: day 730 (L) M 87.8018 S 0.03479; day 731 (H) M 87.1303 S 0.03508; L = 1.
  const z730 = (cm: number) => (cm / 87.8018 - 1) / 0.03479;
  const z731 = (cm: number) => (cm / 87.1303 - 1) / 0.03508;
  const len = (days: number, measure: Measure | null, cm = 87.8) => computeZScores({ sex: 'M', age: { days }, lengthHeightCm: cm, measure }, exact);

  it('adds 0.7 cm to a standing height before day 731', () => {
    expect(len(730, 'l')).toMatchObject({ clenhei: 87.8 });
    expect(len(730, 'l').indices.len.zExact).toBeCloseTo(z730(87.8), 10);
    expect(len(730, 'h').clenhei).toBeCloseTo(88.5, 10);
    expect(len(730, 'h').indices.len.zExact).toBeCloseTo(z730(88.5), 10);
  });

  it('subtracts 0.7 cm from a lying length from day 731, and uses the height curve', () => {
    expect(len(731, 'h')).toMatchObject({ clenhei: 87.8 });
    expect(len(731, 'h').indices.len.zExact).toBeCloseTo(z731(87.8), 10);
    expect(len(731, 'l').clenhei).toBeCloseTo(87.1, 10);
    expect(len(731, 'l').indices.len.zExact).toBeCloseTo(z731(87.1), 10);
  });

  it('leaves an unknown position as measured (it follows age)', () => {
    expect(len(730, null).clenhei).toBe(87.8);
    expect(len(731, null).clenhei).toBe(87.8);
  });

  it('converts months to days as anthro does: 24 months is day 731 (730.5 rounds up)', () => {
    expect(computeZScores({ sex: 'M', age: { months: 24 }, lengthHeightCm: 87.8, measure: 'l' }, exact)).toMatchObject({ ageDays: 731, clenhei: 87.1 });
    expect(computeZScores({ sex: 'M', age: { months: 23.99 }, lengthHeightCm: 87.8, measure: 'l' }, exact)).toMatchObject({ ageDays: 730, clenhei: 87.8 });
  });

  it('switches weight-for-length to weight-for-height at day 731', () => {
    const wfl = (days: number) => computeZScores({ sex: 'F', age: { days }, weightKg: 11, lengthHeightCm: 85, measure: 'h' }, exact).indices.wfl;
    expect(wfl(730)).toMatchObject({ status: 'ok', table: 'wflanthro' });
    expect(wfl(731)).toMatchObject({ status: 'ok', table: 'wfhanthro' });
  });

  it('ignores and flags a standing height before 9 months (anthro c9mo_flag)', () => {
    const young = computeZScores({ sex: 'F', age: { months: 8.99 }, lengthHeightCm: 70, measure: 'h' }, exact);
    expect(young).toMatchObject({ positionImplausible: true, measure: null, clenhei: 70 });
    const nine = computeZScores({ sex: 'F', age: { months: 9 }, lengthHeightCm: 70, measure: 'h' }, exact);
    expect(nine).toMatchObject({ positionImplausible: false, measure: 'h' });
    expect(nine.clenhei).toBeCloseTo(70.7, 10);
  });

  it('without age picks the table by position, else by the 87 cm rule', () => {
    const noAge = (cm: number, measure: Measure | null) => computeZScores({ sex: 'M', weightKg: 12, lengthHeightCm: cm, measure }, exact).indices.wfl.table;
    expect(noAge(86.9, null)).toBe('wflanthro');
    expect(noAge(87, null)).toBe('wfhanthro');
    expect(noAge(90, 'l')).toBe('wflanthro');
    expect(noAge(80, 'h')).toBe('wfhanthro');
    const r = computeZScores({ sex: 'M', weightKg: 12, lengthHeightCm: 90 }, exact);
    expect(r.indices.wfl.status).toBe('ok');
    expect(r.indices.wei.status).toBe('no_age');
  });
});

describe('oedema', () => {
  it('leaves the weight-based z-scores out and computes the rest (anthro)', () => {
    const r = computeZScores({ sex: 'M', age: { days: 500 }, weightKg: 9, lengthHeightCm: 78, measure: 'l', oedema: true, headCm: 46, muacCm: 13 }, exact);
    for (const i of ['wei', 'wfl', 'bmi'] as const) expect(r.indices[i]).toMatchObject({ status: 'oedema', z: null, flag: null });
    for (const i of ['len', 'hc', 'ac'] as const) expect(r.indices[i].status).toBe('ok');
    const without = computeZScores({ sex: 'M', age: { days: 500 }, weightKg: 9, lengthHeightCm: 78, measure: 'l' }, exact);
    for (const i of ['wei', 'wfl', 'bmi'] as const) expect(without.indices[i].status).toBe('ok');
  });

  it('also for 5–19 years (anthroplus)', () => {
    const r = computeZScores({ sex: 'F', age: { months: 100 }, weightKg: 25, lengthHeightCm: 128, oedema: true }, exact);
    expect(r.indices.wei.status).toBe('oedema');
    expect(r.indices.bmi.status).toBe('oedema');
    expect(r.indices.len.status).toBe('ok');
  });
});

describe('restricted LMS in the engine', () => {
  it('applies to weight-for-age (a value far above +3 computed both ways differs)', () => {
    // weianthro boys day 365: L 0.0645, M 9.646, S 0.10925
    const row = { l: 0.0645, m: 9.646, s: 0.10925 };
    const r = computeZScores({ sex: 'M', age: { days: 365 }, weightKg: 16 }, exact).indices.wei;
    expect(r.zExact).toBeCloseTo(lmsZRestricted(16, row), 10);
    expect(r.z).toBe(4.96);
    expect(Math.round(lmsZ(16, row) * 100) / 100).toBe(4.71);
  });

  it('does not apply to length/height (plain LMS, as anthro)', () => {
    const r = computeZScores({ sex: 'M', age: { days: 730 }, lengthHeightCm: 105, measure: 'l' }, exact).indices.len;
    expect(r.zExact).toBeCloseTo((105 / 87.8018 - 1) / 0.03479, 10);
    expect(r.z).toBeGreaterThan(3);
  });
});

describe('implausibility flags at their limits (z = y − 10 on flat references)', () => {
  const at = (input: Partial<AnthroInput>) => computeZScores({ sex: 'F', age: { days: 400 }, ...input }, flat).indices;

  it('weight-for-age: z < −6 or z > 5', () => {
    expect(at({ weightKg: 15 }).wei).toMatchObject({ z: 5, flag: false });
    expect(at({ weightKg: 15.01 }).wei).toMatchObject({ z: 5.01, flag: true });
    expect(at({ weightKg: 4 }).wei).toMatchObject({ z: -6, flag: false });
    expect(at({ weightKg: 3.99 }).wei).toMatchObject({ z: -6.01, flag: true });
  });

  it('flags the rounded z-score, as anthro does', () => {
    expect(at({ weightKg: 15.004 }).wei).toMatchObject({ z: 5, flag: false });
  });

  it('length/height-for-age: |z| > 6', () => {
    expect(at({ lengthHeightCm: 16, measure: 'l' }).len).toMatchObject({ z: 6, flag: false });
    expect(at({ lengthHeightCm: 16.01, measure: 'l' }).len).toMatchObject({ z: 6.01, flag: true });
    expect(at({ lengthHeightCm: 4, measure: 'l' }).len).toMatchObject({ z: -6, flag: false });
    expect(at({ lengthHeightCm: 3.99, measure: 'l' }).len).toMatchObject({ z: -6.01, flag: true });
  });

  it.each([
    ['hc', 'headCm'],
    ['ac', 'muacCm'],
  ] as const)('%s: |z| > 5', (index, field) => {
    expect(at({ [field]: 15 })[index]).toMatchObject({ z: 5, flag: false });
    expect(at({ [field]: 15.01 })[index]).toMatchObject({ z: 5.01, flag: true });
    expect(at({ [field]: 5 })[index]).toMatchObject({ z: -5, flag: false });
    expect(at({ [field]: 4.99 })[index]).toMatchObject({ z: -5.01, flag: true });
  });

  it('weight-for-length and BMI-for-age: |z| > 5', () => {
    // 100 cm lying at day 400 is out of WHO's plausible range but fine on flat tables: BMI = weight.
    expect(at({ weightKg: 15, lengthHeightCm: 100, measure: 'l' })).toMatchObject({ wfl: { z: 5, flag: false }, bmi: { z: 5, flag: false } });
    expect(at({ weightKg: 15.01, lengthHeightCm: 100, measure: 'l' })).toMatchObject({ wfl: { z: 5.01, flag: true }, bmi: { z: 5.01, flag: true } });
    expect(at({ weightKg: 5, lengthHeightCm: 100, measure: 'l' })).toMatchObject({ wfl: { z: -5, flag: false }, bmi: { z: -5, flag: false } });
    expect(at({ weightKg: 4.99, lengthHeightCm: 100, measure: 'l' })).toMatchObject({ wfl: { z: -5.01, flag: true }, bmi: { z: -5.01, flag: true } });
  });
});

describe('age and length limits of each table', () => {
  const r = (input: Partial<AnthroInput>) => computeZScores({ sex: 'M', ...input }, exact).indices;

  it('scores 0–5 years with the 2006 standards below 60 months and the 2007 reference from 60', () => {
    expect(r({ age: { days: 1826 }, weightKg: 18 }).wei).toMatchObject({ status: 'ok', reference: 'WHO2006', table: 'weianthro' });
    expect(r({ age: { days: 1827 }, weightKg: 18 }).wei).toMatchObject({ status: 'ok', reference: 'WHO2007', table: 'wfawho2007' });
    expect(r({ age: { months: 59.99 }, weightKg: 18 }).wei.reference).toBe('WHO2006');
    expect(r({ age: { months: 60 }, weightKg: 18 }).wei.reference).toBe('WHO2007');
    expect(r({ age: { days: 0 }, weightKg: 3.3 }).wei.status).toBe('ok');
  });

  it('has no 2006-only index from 60 months', () => {
    const at60 = r({ age: { months: 60 }, weightKg: 18, lengthHeightCm: 110, headCm: 50, muacCm: 16 });
    expect(at60.wfl.status).toBe('age_out_of_range');
    expect(at60.hc.status).toBe('age_out_of_range');
    expect(at60.ac.status).toBe('age_out_of_range');
  });

  it('scores arm circumference from day 91', () => {
    expect(r({ age: { days: 90 }, muacCm: 13 }).ac.status).toBe('age_out_of_range');
    expect(r({ age: { days: 91 }, muacCm: 13 }).ac.status).toBe('ok');
  });

  it('scores weight-for-length 45–110 cm and weight-for-height 65–120 cm', () => {
    const wfl = (days: number, cm: number) => r({ age: { days }, weightKg: 10, lengthHeightCm: cm, measure: days < 731 ? 'l' : 'h' }).wfl.status;
    expect([wfl(100, 44.9), wfl(100, 45), wfl(100, 110), wfl(100, 110.1)]).toEqual(['length_out_of_range', 'ok', 'ok', 'length_out_of_range']);
    expect([wfl(800, 64.9), wfl(800, 65), wfl(800, 120), wfl(800, 120.1)]).toEqual(['length_out_of_range', 'ok', 'ok', 'length_out_of_range']);
  });

  it('scores the 2007 reference to 228 months (weight-for-age to 120)', () => {
    expect(r({ age: { months: 228 }, lengthHeightCm: 176, weightKg: 70 })).toMatchObject({ len: { status: 'ok' }, bmi: { status: 'ok' }, wei: { status: 'age_out_of_range' } });
    expect(r({ age: { months: 228.01 }, lengthHeightCm: 176, weightKg: 70 })).toMatchObject({ len: { status: 'age_out_of_range' }, bmi: { status: 'age_out_of_range' } });
    expect(r({ age: { months: 120 }, weightKg: 31 }).wei.status).toBe('ok');
    expect(r({ age: { months: 120.01 }, weightKg: 31 }).wei.status).toBe('age_out_of_range');
  });

  it('refuses a negative age', () => {
    expect(() => computeZScores({ sex: 'M', age: { days: -1 } }, exact)).toThrow(RangeError);
  });

  it('treats a missing or non-positive measurement as not measured', () => {
    expect(r({ age: { days: 100 }, weightKg: 0 }).wei.status).toBe('no_measurement');
    expect(r({ age: { days: 100 } }).wei.status).toBe('no_measurement');
  });
});

describe('5–19 years: the WHO 2007 reference, as anthroplus', () => {
  it('height-for-age at an exact month, from the table row', () => {
    // hfawho2007 girls 150 months: L 1, M 154.0041, S 0.04483
    const r = computeZScores({ sex: 'F', age: { months: 150 }, lengthHeightCm: 160 }, exact).indices.len;
    expect(r.zExact).toBeCloseTo((160 / 154.0041 - 1) / 0.04483, 10);
    expect(r.z).toBe(0.87);
  });

  it('interpolates L, M, S between whole months', () => {
    // girls 150 mo: M 154.0041 S 0.04483; 151 mo: M 154.4290 S 0.04476; halfway at 150.5
    const m = (154.0041 + 154.429) / 2;
    const s = (0.04483 + 0.04476) / 2;
    const r = computeZScores({ sex: 'F', age: { months: 150.5 }, lengthHeightCm: 160 }, exact).indices.len;
    expect(r.zExact).toBeCloseTo((160 / m - 1) / s, 10);
    expect(r.z).toBe(0.84);
  });

  it('weight-for-age with the restricted rule, between months', () => {
    // wfawho2007 boys 96 mo: L −0.5482 M 25.4163 S 0.14344; 97 mo: L −0.5564 M 25.6332 S 0.14407
    const lms = { l: -0.5482 + 0.5 * (-0.5564 + 0.5482), m: 25.4163 + 0.5 * (25.6332 - 25.4163), s: 0.14344 + 0.5 * (0.14407 - 0.14344) };
    for (const kg of [27, 60]) {
      const r = computeZScores({ sex: 'M', age: { months: 96.5 }, weightKg: kg }, exact).indices.wei;
      expect(r.zExact).toBeCloseTo(lmsZRestricted(kg, lms), 10);
    }
  });

  it('BMI-for-age uses the height as measured (no lying/standing adjustment)', () => {
    // bfawho2007 boys 100 mo: L −1.5252 M 15.8344 S 0.09693
    const r = computeZScores({ sex: 'M', age: { months: 100 }, weightKg: 26, lengthHeightCm: 128, measure: 'l' }, exact);
    expect(r.cbmi).toBeCloseTo(26 / 1.28 ** 2, 10);
    expect(r.indices.bmi.zExact).toBeCloseTo(lmsZRestricted(26 / 1.28 ** 2, { l: -1.5252, m: 15.8344, s: 0.09693 }), 10);
    expect(r.indices.len.zExact).toBeCloseTo(lmsZ(128, exact.lms('hfawho2007', 'M', 100)!), 10);
  });

  it('converts age in days to months by 30.4375 days', () => {
    const r = computeZScores({ sex: 'F', age: { days: 4565.625 }, lengthHeightCm: 160 }, exact);
    expect(r.ageMonths).toBe(150);
    expect(r.ageDays).toBe(4566);
    expect(r.indices.len.z).toBe(0.87);
  });
});
