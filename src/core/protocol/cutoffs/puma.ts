/** PUMA (COPD risk) — KMK Tabel 19; ilp-domain.md §5.5. */
import { kmk, t } from '../build';
import type { BandDef, CutoffTable } from './band';

/** Points: male sex; age bands; pack-year bands; each yes to dyspnoea, sputum, cough, prior spirometry. */
export const PUMA_POINTS = {
  male: 1,
  /** [age from (inclusive), points], ascending. PUMA starts at 40. */
  age: [[40, 0], [50, 1], [60, 2]] as Array<[number, number]>,
  /** Pack-years: < 20 → 0; 20–30 → 1; > 30 → 2. */
  packYears: { midFrom: 20, midTo: 30, low: 0, mid: 1, high: 2 },
  symptom: 1,
} as const;
export const PUMA_MIN_AGE = PUMA_POINTS.age[0]![0];
export const PUMA_HIGH_FROM = 6;

export type PumaBand = 'low' | 'high';
export const PUMA_BANDS: Record<PumaBand, BandDef<PumaBand>> = {
  low: { band: 'low', label: t('Risiko rendah', 'Low risk'), followUp: t('Edukasi dan konseling berhenti merokok.', 'Education and smoking-cessation counselling.') },
  high: { band: 'high', label: t('Risiko tinggi PPOK', 'High COPD risk'), followUp: t('Upaya berhenti merokok (UBM), spirometri bila tersedia, rujuk FKRTL.', 'Smoking cessation, spirometry if available, refer to hospital.') },
};
export const PUMA_SOURCE = kmk('Tabel 19 (PUMA)');
export const PUMA_TABLE: CutoffTable = {
  id: 'puma', label: t('PUMA', 'PUMA'),
  rows: [t(`skor < ${PUMA_HIGH_FROM} → risiko rendah`, `score < ${PUMA_HIGH_FROM} → low risk`), t(`skor ≥ ${PUMA_HIGH_FROM} → risiko tinggi`, `score ≥ ${PUMA_HIGH_FROM} → high risk`)],
  sources: [PUMA_SOURCE],
};
