/**
 * Blood glucose classes — glucometer (KMK Tabel 23) and laboratory (Tabel 24).
 * Values between the "normal" bound and the prediabetes bound fall in no class
 * of the tables (e.g. random 100–139 mg/dL): they are reported as
 * indeterminate, not guessed.
 */
import { kmk, t } from '../build';
import type { BandDef, CutoffTable } from './band';

export type GlucoseDevice = 'glucometer' | 'lab';
export type GlucoseMeasure = 'random' | 'fasting' | 'ogtt-2h' | 'hba1c';
export type GlucoseBand = 'normal' | 'indeterminate' | 'prediabetes' | 'diabetes' | 'diabetes-unconfirmed';

interface Cut {
  normalBelow: number;
  prediabetesFrom: number;
  diabetesFrom: number;
  unit: 'mg/dL' | '%';
  /** Diabetes needs classic symptoms (GDS by glucometer). */
  needsSymptoms?: boolean;
}

export const GLUCOSE_CUTS: Record<GlucoseDevice, Partial<Record<GlucoseMeasure, Cut>>> = {
  glucometer: {
    random: { normalBelow: 100, prediabetesFrom: 140, diabetesFrom: 200, unit: 'mg/dL', needsSymptoms: true },
    fasting: { normalBelow: 100, prediabetesFrom: 100, diabetesFrom: 126, unit: 'mg/dL' },
  },
  lab: {
    random: { normalBelow: 100, prediabetesFrom: 140, diabetesFrom: 200, unit: 'mg/dL' },
    fasting: { normalBelow: 100, prediabetesFrom: 100, diabetesFrom: 126, unit: 'mg/dL' },
    'ogtt-2h': { normalBelow: 140, prediabetesFrom: 140, diabetesFrom: 200, unit: 'mg/dL' },
    hba1c: { normalBelow: 5.7, prediabetesFrom: 5.7, diabetesFrom: 6.5, unit: '%' },
  },
};

export const GLUCOSE_BANDS: Record<GlucoseBand, BandDef<GlucoseBand>> = {
  normal: { band: 'normal', label: t('Normal', 'Normal'), followUp: t('Edukasi; skrining ulang sesuai jadwal.', 'Education; screen again as scheduled.') },
  indeterminate: { band: 'indeterminate', label: t('Belum dapat ditentukan', 'Indeterminate'), followUp: t('Nilai di luar kelas tabel; periksa gula darah puasa atau ulangi.', 'Value outside the table classes; check fasting glucose or repeat.') },
  prediabetes: { band: 'prediabetes', label: t('Prediabetes', 'Prediabetes'), followUp: t('Perubahan gaya hidup dan pemantauan setiap 3 bulan.', 'Lifestyle change and monitoring every 3 months.') },
  diabetes: { band: 'diabetes', label: t('Diabetes', 'Diabetes'), followUp: t('Rujuk ke dokter Puskesmas untuk diagnosis dan tata laksana.', 'Refer to the Puskesmas doctor for diagnosis and management.') },
  'diabetes-unconfirmed': { band: 'diabetes-unconfirmed', label: t('Hiperglikemia tanpa gejala klasik', 'Hyperglycaemia without classic symptoms'), followUp: t('Konfirmasi dengan gula darah puasa/laboratorium di Puskesmas.', 'Confirm with fasting/laboratory glucose at the Puskesmas.') },
};

export const GLUCOSE_SOURCES = { glucometer: kmk('Tabel 23 (glukometer)'), lab: kmk('Tabel 24 (laboratorium)') } as const;

export const GLUCOSE_TABLES: CutoffTable[] = (['glucometer', 'lab'] as const).map((device) => ({
  id: `glucose-${device}`,
  label: device === 'glucometer' ? t('Gula darah (glukometer)', 'Blood glucose (glucometer)') : t('Gula darah (laboratorium)', 'Blood glucose (laboratory)'),
  rows: Object.entries(GLUCOSE_CUTS[device]).map(([m, c]) => t(
    `${m}: normal < ${c.normalBelow}; prediabetes ${c.prediabetesFrom}–<${c.diabetesFrom}; diabetes ≥ ${c.diabetesFrom}${c.needsSymptoms ? ' (dengan gejala klasik)' : ''} ${c.unit}`,
    `${m}: normal < ${c.normalBelow}; prediabetes ${c.prediabetesFrom}–<${c.diabetesFrom}; diabetes ≥ ${c.diabetesFrom}${c.needsSymptoms ? ' (with classic symptoms)' : ''} ${c.unit}`,
  )),
  sources: [GLUCOSE_SOURCES[device]],
}));
