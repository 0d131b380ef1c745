/**
 * Blood-pressure classes.
 * Adults (≥ 18): KMK Tabel 22 — the higher of the systolic and diastolic
 * class wins; systolic ≥ grade-1 with diastolic below grade-1 is isolated
 * systolic hypertension.
 * Children/adolescents: KMK Tabel 14 (simplified AAP 2017) — full classes
 * from 13 years; below 13 only the screening thresholds for the ages the
 * notes give (7, 10, 12). Other child ages could not be sourced.
 */
import { kmk, t } from '../build';
import type { BandDef, CutoffTable } from './band';

export type AdultBpBand = 'optimal' | 'normal' | 'high-normal' | 'ht-1' | 'ht-2' | 'ht-3' | 'isolated-systolic';

const EDU = t('Edukasi.', 'Education.');
const MONITOR = t('Edukasi dan pemantauan bulanan di Posyandu/Pustu; rujuk ke Puskesmas bila ada tanda hipertensi, jadwal kontrol, atau tidak terkendali.', 'Education and monthly monitoring at Posyandu/Pustu; refer to the Puskesmas with signs of hypertension, when due for control, or when uncontrolled.');

/** Ascending; `sys`/`dia` = lower bound (mmHg) of the class on that axis. */
export const ADULT_BP: Array<BandDef<AdultBpBand> & { sys: number; dia: number }> = [
  { band: 'optimal', sys: 0, dia: 0, label: t('Optimal', 'Optimal'), followUp: EDU },
  { band: 'normal', sys: 120, dia: 80, label: t('Normal', 'Normal'), followUp: EDU },
  { band: 'high-normal', sys: 130, dia: 85, label: t('Normal tinggi', 'High normal'), followUp: MONITOR },
  { band: 'ht-1', sys: 140, dia: 90, label: t('Hipertensi derajat 1', 'Grade 1 hypertension'), followUp: MONITOR },
  { band: 'ht-2', sys: 160, dia: 100, label: t('Hipertensi derajat 2', 'Grade 2 hypertension'), followUp: MONITOR },
  { band: 'ht-3', sys: 180, dia: 110, label: t('Hipertensi derajat 3', 'Grade 3 hypertension'), followUp: MONITOR },
];
export const ISOLATED_SYSTOLIC: BandDef<'isolated-systolic'> = {
  band: 'isolated-systolic', label: t('Hipertensi sistolik terisolasi', 'Isolated systolic hypertension'), followUp: MONITOR,
};
/** Class at which the BP counts as hypertension (grade 1). */
export const ADULT_HT_FROM = ADULT_BP.find((b) => b.band === 'ht-1')!;
export const ADULT_BP_FROM_AGE = 18;
export const ADULT_BP_SOURCE = kmk('Tabel 22');

export type TeenBpBand = 'normal' | 'elevated' | 'stage-1' | 'stage-2';
const REFER_FKTP = t('Posyandu/Pustu: rujuk ke FKTP; Puskesmas: rujuk ke dokter spesialis anak/FKRTL.', 'Posyandu/Pustu: refer to the FKTP; Puskesmas: refer to a paediatrician/hospital.');
/** ≥ 13 years; `dia` null = no diastolic criterion for this class (elevated needs diastolic < 80). */
export const TEEN_BP: Array<BandDef<TeenBpBand> & { sys: number; dia: number | null }> = [
  { band: 'normal', sys: 0, dia: 0, label: t('Normal', 'Normal'), followUp: EDU },
  { band: 'elevated', sys: 120, dia: null, label: t('Meningkat', 'Elevated'), followUp: t('Pemantauan bulanan.', 'Monthly monitoring.') },
  { band: 'stage-1', sys: 130, dia: 80, label: t('Hipertensi tahap 1', 'Stage 1 hypertension'), followUp: REFER_FKTP },
  { band: 'stage-2', sys: 140, dia: 90, label: t('Hipertensi tahap 2', 'Stage 2 hypertension'), followUp: REFER_FKTP },
];
export const TEEN_BP_FROM_AGE = 13;

/** Screening thresholds (mmHg, systolic/diastolic) for younger children, by completed years and sex. */
export const CHILD_BP_THRESHOLDS: Record<number, { M: [number, number]; F: [number, number] }> = {
  7: { M: [106, 68], F: [106, 68] },
  10: { M: [108, 72], F: [109, 72] },
  12: { M: [113, 75], F: [114, 75] },
};
export type ChildBpBand = 'below-threshold' | 'at-or-above-threshold' | 'not-classified';
export const CHILD_BP: Record<ChildBpBand, BandDef<ChildBpBand>> = {
  'below-threshold': { band: 'below-threshold', label: t('Di bawah ambang', 'Below threshold'), followUp: EDU },
  'at-or-above-threshold': { band: 'at-or-above-threshold', label: t('Sama/di atas ambang: perlu evaluasi lanjut', 'At or above threshold: needs evaluation'), followUp: REFER_FKTP },
  'not-classified': { band: 'not-classified', label: t('Tidak dapat diklasifikasi: ambang umur ini belum tersedia', 'Not classified: no threshold sourced for this age'), followUp: t('Ukur ulang dan konsultasikan ke tenaga kesehatan.', 'Re-measure and consult a health worker.') },
};
export const CHILD_BP_SOURCE = kmk('Tabel 14 (AAP 2017 disederhanakan)');

export const BP_TABLES: CutoffTable[] = [
  {
    id: 'bp-adult', label: t('Tekanan darah dewasa', 'Adult blood pressure'),
    rows: [
      ...ADULT_BP.map((b, i) => {
        const next = ADULT_BP[i + 1];
        const range = next ? `${b.sys}–${next.sys - 1} / ${b.dia}–${next.dia - 1}` : `≥ ${b.sys} / ≥ ${b.dia}`;
        return t(`${range} mmHg → ${b.label.id}`, `${range} mmHg → ${b.label.en}`);
      }),
      t(`sistolik ≥ ${ADULT_HT_FROM.sys} dan diastolik < ${ADULT_HT_FROM.dia} → ${ISOLATED_SYSTOLIC.label.id}`, `systolic ≥ ${ADULT_HT_FROM.sys} and diastolic < ${ADULT_HT_FROM.dia} → ${ISOLATED_SYSTOLIC.label.en}`),
    ],
    sources: [ADULT_BP_SOURCE],
  },
  {
    id: 'bp-child', label: t('Tekanan darah anak dan remaja', 'Child and adolescent blood pressure'),
    rows: [
      ...TEEN_BP.map((b) => t(`≥ ${TEEN_BP_FROM_AGE} th: sistolik ≥ ${b.sys}${b.dia === null ? '' : ` atau diastolik ≥ ${b.dia}`} → ${b.label.id}`, `≥ ${TEEN_BP_FROM_AGE} y: systolic ≥ ${b.sys}${b.dia === null ? '' : ` or diastolic ≥ ${b.dia}`} → ${b.label.en}`)),
      ...Object.entries(CHILD_BP_THRESHOLDS).map(([age, v]) => t(`${age} th: ambang L ${v.M.join('/')}, P ${v.F.join('/')}`, `${age} y: threshold boys ${v.M.join('/')}, girls ${v.F.join('/')}`)),
      t('umur lain di bawah 13 tahun: tidak bersumber', 'other ages below 13: not sourced'),
    ],
    sources: [CHILD_BP_SOURCE],
  },
];
