/**
 * LiLA (mid-upper arm circumference) bands for children 6–59 months: below
 * 11.5 cm is severe acute malnutrition, 11.5 to below 12.5 cm moderate
 * (Kemenkes guideline on preventing and managing gizi buruk in balita,
 * 2019/2020, following WHO/UNICEF; reference-data.md §1 "MUAC"). The notes
 * mark the edition [verify], so the cut-offs are a setting with these defaults.
 *
 * SATUSEHAT codes from the draft IDCore clinical-term list (indicative):
 * OV000249 "LiLA < 11,5 cm", OV000250 "LiLA 11,5 cm - 12,5 cm", OV000251 "LiLA ≥ 12,5 cm".
 */
export interface MuacSettings {
  /** Below this (cm): severe (red). */
  severeBelowCm: number;
  /** Below this (cm), at or above severe: moderate (yellow). */
  moderateBelowCm: number;
  /** The bands apply from this age in months (inclusive)… */
  fromMonths: number;
  /** …to below this age in months. */
  belowMonths: number;
}

export const DEFAULT_MUAC_SETTINGS: MuacSettings = {
  severeBelowCm: 11.5,
  moderateBelowCm: 12.5,
  fromMonths: 6,
  belowMonths: 60,
};

export interface MuacBand {
  code: 'severe' | 'moderate' | 'normal';
  /** MUAC tape colour. */
  colour: 'merah' | 'kuning' | 'hijau';
  id: string;
  en: string;
  satusehat: string;
}

const BANDS: Record<MuacBand['code'], MuacBand> = {
  severe: { code: 'severe', colour: 'merah', id: 'Gizi buruk (LiLA merah)', en: 'Severe acute malnutrition (red)', satusehat: 'OV000249' },
  moderate: { code: 'moderate', colour: 'kuning', id: 'Gizi kurang (LiLA kuning)', en: 'Moderate acute malnutrition (yellow)', satusehat: 'OV000250' },
  normal: { code: 'normal', colour: 'hijau', id: 'Normal (LiLA hijau)', en: 'Normal (green)', satusehat: 'OV000251' },
};

/** The LiLA band, or null outside 6–59 months or without a measurement. */
export function classifyMuac(muacCm: number | null | undefined, ageMonths: number | null, settings: MuacSettings = DEFAULT_MUAC_SETTINGS): MuacBand | null {
  if (typeof muacCm !== 'number' || !(muacCm > 0) || ageMonths === null) return null;
  if (ageMonths < settings.fromMonths || ageMonths >= settings.belowMonths) return null;
  if (muacCm < settings.severeBelowCm) return BANDS.severe;
  if (muacCm < settings.moderateBelowCm) return BANDS.moderate;
  return BANDS.normal;
}
