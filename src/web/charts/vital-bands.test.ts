import { describe, expect, it } from 'vitest';
import { ADULT_BP, ADULT_HT_FROM } from '../../core/protocol/cutoffs/blood-pressure';
import { GLUCOSE_CUTS } from '../../core/protocol/cutoffs/glucose';
import { classifyBp } from '../../core/screening/blood-pressure';
import { ADL_BANDS } from '../../core/protocol/cutoffs/adl';
import { CHILD_BP, TEEN_BP, ISOLATED_SYSTOLIC } from '../../core/protocol/cutoffs/blood-pressure';
import { GLUCOSE_BANDS } from '../../core/protocol/cutoffs/glucose';
import { IMT_BANDS } from '../../core/protocol/cutoffs/imt';
import { KEK_BANDS } from '../../core/protocol/cutoffs/kek';
import { PUMA_BANDS } from '../../core/protocol/cutoffs/puma';
import { SRQ20_BANDS } from '../../core/protocol/cutoffs/srq20';
import { TB_CHILD_BANDS, TB_SYMPTOM_BANDS } from '../../core/protocol/cutoffs/tb';
import { bpBands, classTone, CLASS_TONE, glucoseBands } from './vital-bands';

describe('vital-sign bands', () => {
  it('gives adults one systolic band per KMK Tabel 22 class, touching end to end, and the diastolic threshold', () => {
    const { bands, lines } = bpBands(40);
    expect(bands).toHaveLength(ADULT_BP.length);
    expect(bands[0]!.from).toBeNull();
    expect(bands[bands.length - 1]!.to).toBeNull();
    for (let i = 1; i < bands.length; i++) expect(bands[i]!.from).toBe(bands[i - 1]!.to);
    expect(lines).toEqual([{ value: ADULT_HT_FROM.dia, label: expect.anything() }]);
  });

  it('colours a reading the same as the band its systolic value lies in, when systolic decides the class', () => {
    const { bands } = bpBands(50);
    for (const sys of [110, 125, 135, 150, 170, 190]) {
      const r = classifyBp({ systolic: sys, diastolic: 60, ageYears: 50, sex: 'F' });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const band = bands.find((b) => (b.from === null || sys >= b.from) && (b.to === null || sys < b.to))!;
      // Isolated systolic hypertension is its own class, coloured like grade 1.
      expect(classTone(r.result.band)).toBe(r.result.band === 'isolated-systolic' ? 'warn' : band.tone);
    }
  });

  it('has teen bands from 13 years and none for younger children', () => {
    expect(bpBands(14).bands.length).toBeGreaterThan(0);
    expect(bpBands(9)).toEqual({ bands: [], lines: [] });
  });

  it('leaves no gap in glucose bands: the range the tables do not class is its own band', () => {
    const random = glucoseBands('glucometer', 'random');
    const cut = GLUCOSE_CUTS.glucometer.random!;
    expect(random.map((b) => [b.from, b.to])).toEqual([[null, cut.normalBelow], [cut.normalBelow, cut.prediabetesFrom], [cut.prediabetesFrom, cut.diabetesFrom], [cut.diabetesFrom, null]]);
    // Fasting: normal ends where prediabetes starts, so no indeterminate band.
    expect(glucoseBands('lab', 'fasting')).toHaveLength(3);
    expect(glucoseBands('glucometer', 'hba1c')).toEqual([]);
  });
});

describe('class tones', () => {
  it('colours every class of the cut-off tables explicitly', () => {
    const all = [
      ...ADULT_BP, ISOLATED_SYSTOLIC, ...TEEN_BP, ...Object.values(CHILD_BP), ...Object.values(GLUCOSE_BANDS), ...ADL_BANDS, ...IMT_BANDS,
      ...Object.values(KEK_BANDS), ...Object.values(PUMA_BANDS), ...Object.values(SRQ20_BANDS), ...Object.values(TB_SYMPTOM_BANDS), ...Object.values(TB_CHILD_BANDS),
    ].map((b) => b.band);
    expect(all.filter((b) => !(b in CLASS_TONE))).toEqual([]);
    expect(classTone('normal')).toBe('good');
    expect(classTone('something-new')).toBe('warn');
    expect(classTone(null)).toBeNull();
  });
});
