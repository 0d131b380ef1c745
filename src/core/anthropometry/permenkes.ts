import type { AnthroResult } from './zscores';

/**
 * Nutritional status categories of Permenkes No. 2 Tahun 2020 (Standar
 * Antropometri Anak), with the boundary convention of reference-data.md §1:
 * "a SD sd b SD" is inclusive at both ends for the middle bands, strict at the
 * extremes. Each band lists its upper bound; a z-score falls in the first
 * band whose bound it does not exceed. The z-score classified is the one WHO
 * anthro reports (2 decimals), so the label always agrees with the number shown.
 *
 * SATUSEHAT interpretation codes (http://terminology.kemkes.go.id/CodeSystem/clinical-term):
 * BB/U OI000007–OI000010 and PB/U-TB/U OI000011–OI000014 are confirmed
 * ("Lampiran Terminologi Gizi Tumbang Prioritas", 2023-10-13); OI000001–OI000006
 * for BB/PB-BB/TB come from the draft IDCore code system (yy-dto/IDCore,
 * CodeSystem-KemkesClinicalTerm.fsh) and are indicative. No code is known
 * for IMT/U; fhir-satusehat.md §4.2.
 */
export type PermenkesIndex = 'bbu' | 'pbu' | 'bbpb' | 'imtu';

export const SATUSEHAT_CLINICAL_TERM_SYSTEM = 'http://terminology.kemkes.go.id/CodeSystem/clinical-term';

export interface PermenkesBand {
  code: string;
  /** Indonesian label as in the regulation. */
  id: string;
  en: string;
  /** Upper bound of the band; null for the top band. */
  upTo: { z: number; inclusive: boolean } | null;
  satusehat?: string;
}

export interface PermenkesCategory extends Omit<PermenkesBand, 'upTo'> {
  index: PermenkesIndex;
  /** Age group whose table was used. */
  ageGroup: '0-60mo' | '5-18y';
  /** Set by bilateral pitting oedema rather than by a z-score. */
  byOedema: boolean;
}

const below = (z: number) => ({ z, inclusive: false });
const upTo = (z: number) => ({ z, inclusive: true });

export const PERMENKES_BANDS = {
  /** BB/U, 0–60 months. */
  bbu: [
    { code: 'severely_underweight', id: 'Berat badan sangat kurang', en: 'Severely underweight', upTo: below(-3), satusehat: 'OI000007' },
    { code: 'underweight', id: 'Berat badan kurang', en: 'Underweight', upTo: below(-2), satusehat: 'OI000008' },
    { code: 'normal_weight', id: 'Berat badan normal', en: 'Normal weight', upTo: upTo(1), satusehat: 'OI000009' },
    { code: 'risk_of_overweight', id: 'Risiko berat badan lebih', en: 'Risk of overweight', upTo: null, satusehat: 'OI000010' },
  ],
  /** PB/U or TB/U, 0–60 months. */
  pbu: [
    { code: 'severely_stunted', id: 'Sangat pendek', en: 'Severely stunted', upTo: below(-3), satusehat: 'OI000011' },
    { code: 'stunted', id: 'Pendek', en: 'Stunted', upTo: below(-2), satusehat: 'OI000012' },
    { code: 'normal_height', id: 'Normal', en: 'Normal', upTo: upTo(3), satusehat: 'OI000013' },
    { code: 'tall', id: 'Tinggi', en: 'Tall', upTo: null, satusehat: 'OI000014' },
  ],
  /** BB/PB or BB/TB, 0–60 months. */
  bbpb: [
    { code: 'severely_wasted', id: 'Gizi buruk', en: 'Severely wasted', upTo: below(-3), satusehat: 'OI000001' },
    { code: 'wasted', id: 'Gizi kurang', en: 'Wasted', upTo: below(-2), satusehat: 'OI000002' },
    { code: 'normal', id: 'Gizi baik', en: 'Normal', upTo: upTo(1), satusehat: 'OI000003' },
    { code: 'possible_risk_of_overweight', id: 'Berisiko gizi lebih', en: 'Possible risk of overweight', upTo: upTo(2), satusehat: 'OI000004' },
    { code: 'overweight', id: 'Gizi lebih', en: 'Overweight', upTo: upTo(3), satusehat: 'OI000005' },
    { code: 'obese', id: 'Obesitas', en: 'Obese', upTo: null, satusehat: 'OI000006' },
  ],
  /** IMT/U 5–18 years. */
  imtu5to18: [
    { code: 'severely_thin', id: 'Gizi buruk', en: 'Severely thinness', upTo: below(-3) },
    { code: 'thin', id: 'Gizi kurang', en: 'Thinness', upTo: below(-2) },
    { code: 'normal', id: 'Gizi baik', en: 'Normal', upTo: upTo(1) },
    { code: 'overweight', id: 'Gizi lebih', en: 'Overweight', upTo: upTo(2) },
    { code: 'obese', id: 'Obesitas', en: 'Obese', upTo: null },
  ],
} satisfies Record<string, PermenkesBand[]>;

/** The band a z-score falls in. */
export function bandFor(bands: readonly PermenkesBand[], z: number): PermenkesBand {
  for (const b of bands) {
    if (b.upTo === null || z < b.upTo.z || (b.upTo.inclusive && z === b.upTo.z)) return b;
  }
  throw new Error('band list must end with an open band');
}

/** IMT/U 0–60 months uses the same 6 categories as BB/PB-BB/TB, without a known SATUSEHAT code. */
const IMTU_UNDER5: PermenkesBand[] = PERMENKES_BANDS.bbpb.map(({ satusehat: _unknown, ...b }) => b);

export type PermenkesCategories = Partial<Record<PermenkesIndex, PermenkesCategory>>;

/**
 * Permenkes categories for a z-score result. Under oedema the weight-based
 * indices have no z-score and take their lowest band (as WHO anthro counts
 * oedema below −3 SD in prevalence; bilateral pitting oedema defines gizi
 * buruk, reference-data.md §1 "MUAC").
 */
export function classifyPermenkes(result: AnthroResult): PermenkesCategories {
  const out: PermenkesCategories = {};
  const put = (index: PermenkesIndex, bands: readonly PermenkesBand[], z: number | null, status: string, ageGroup: PermenkesCategory['ageGroup']) => {
    const byOedema = status === 'oedema';
    if (z === null && !byOedema) return;
    const { upTo: _bound, ...band } = byOedema ? bands[0]! : bandFor(bands, z!);
    out[index] = { ...band, index, ageGroup, byOedema };
  };
  const { wei, len, wfl, bmi } = result.indices;
  if (wei.reference === 'WHO2006') put('bbu', PERMENKES_BANDS.bbu, wei.z, wei.status, '0-60mo');
  if (len.reference === 'WHO2006') put('pbu', PERMENKES_BANDS.pbu, len.z, len.status, '0-60mo');
  if (wfl.reference === 'WHO2006') put('bbpb', PERMENKES_BANDS.bbpb, wfl.z, wfl.status, '0-60mo');
  if (bmi.reference === 'WHO2006') put('imtu', IMTU_UNDER5, bmi.z, bmi.status, '0-60mo');
  if (bmi.reference === 'WHO2007') put('imtu', PERMENKES_BANDS.imtu5to18, bmi.z, bmi.status, '5-18y');
  return out;
}
