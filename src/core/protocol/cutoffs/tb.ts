/**
 * TB screening results and the child TB score — KMK §IV.A.2 (Tabel 11),
 * Formulir 1; ilp-domain.md §5.3. ⚠ The transcription of Tabel 11 lost the
 * "<" signs ("=6"); the "below 6" reading is the consistent one and must be
 * verified against the signed PDF / Juknis TBC anak.
 */
import { kmk, src, t } from '../build';
import type { BandDef, CutoffTable } from './band';

export type TbSymptomBand = 'bukan-terduga' | 'kontak-erat' | 'terduga';
export const TB_SYMPTOM_BANDS: Record<TbSymptomBand, BandDef<TbSymptomBand>> = {
  'bukan-terduga': { band: 'bukan-terduga', label: t('Bukan terduga TBC', 'Not presumptive TB'), followUp: t('Edukasi PHBS; skrining lagi pada kunjungan berikutnya.', 'Healthy-living education; screen again next visit.') },
  'kontak-erat': { band: 'kontak-erat', label: t('Kontak erat', 'Close contact'), followUp: t('Rujuk ke Puskesmas untuk uji tuberkulin dan kelayakan TPT.', 'Refer to the Puskesmas for a tuberculin test and TPT eligibility.') },
  terduga: { band: 'terduga', label: t('Terduga TBC', 'Presumptive TB'), followUp: t('Dahak 2× di Pustu, TCM di Puskesmas (mikroskopis bila TCM tak terjangkau); tanpa dahak pada anak: sistem skoring.', 'Two sputum samples at the Pustu, GeneXpert at the Puskesmas (microscopy if unavailable); children without sputum: scoring system.') },
};
/** Symptom durations: cough ≥ 2 weeks; fever > 2 weeks (or recurrent); weight faltering over 2 months. */
export const TB_SYMPTOM_WEEKS = { coughFrom: 2, feverOver: 2 } as const;
export const TB_SYMPTOM_SOURCE = kmk('§IV.A.2 dan Formulir 1: skrining gejala TBC');

/** Child TB score items (KMK Tabel 11): points per answer. */
export const TB_CHILD_SCORE = {
  contact: { unclear: 0, reported: 2, smearPositive: 3 },
  tuberculin: { negative: 0, positive: 3 },
  nutrition: { normal: 0, under: 1, severe: 2 },
  fever: 1,
  cough: 1,
  lymphNodes: 1,
  boneJoint: 1,
  xray: 1,
} as const;
/** Score from which clinical TB is diagnosed; a balita scoring exactly `balitaReferAt` with doubtful signs goes to hospital. */
export const TB_CHILD_CLINICAL_FROM = 6;
export const TB_CHILD_BALITA_REFER_AT = 5;

export type TbChildBand = 'clinical-tb' | 'latent-tb' | 'observe';
export const TB_CHILD_BANDS: Record<TbChildBand, BandDef<TbChildBand>> = {
  'clinical-tb': { band: 'clinical-tb', label: t('TBC klinis', 'Clinical TB'), followUp: t('Mulai OAT.', 'Start TB treatment (OAT).') },
  'latent-tb': { band: 'latent-tb', label: t('Infeksi TBC laten', 'Latent TB infection'), followUp: t('Berikan TPT.', 'Give TB preventive therapy (TPT).') },
  observe: { band: 'observe', label: t('Observasi', 'Observe'), followUp: t('Observasi 2–4 minggu; evaluasi ulang/rujuk bila menetap.', 'Observe 2–4 weeks; re-evaluate or refer if persistent.') },
};
export const TB_CHILD_SOURCES = [kmk('Tabel 11 (skoring TBC anak)'), src('KMK', 'tanda "<" hilang pada transkripsi; dibaca "di bawah 6"', true)];

export const TB_TABLES: CutoffTable[] = [
  {
    id: 'tb-symptoms', label: t('Skrining gejala TBC', 'TB symptom screening'),
    rows: [t('ada gejala → terduga TBC', 'any symptom → presumptive TB'), t('tanpa gejala, kontak erat → kontak erat', 'no symptom, close contact → close contact'), t('lainnya → bukan terduga', 'otherwise → not presumptive')],
    sources: [TB_SYMPTOM_SOURCE],
  },
  {
    id: 'tb-child-score', label: t('Skoring TBC anak', 'Child TB score'),
    rows: [
      t(`skor ≥ ${TB_CHILD_CLINICAL_FROM} → TBC klinis`, `score ≥ ${TB_CHILD_CLINICAL_FROM} → clinical TB`),
      t(`skor < ${TB_CHILD_CLINICAL_FROM}, tuberkulin positif atau kontak erat, dengan gejala lain → TBC klinis`, `score < ${TB_CHILD_CLINICAL_FROM}, tuberculin positive or close contact, with other signs → clinical TB`),
      t(`skor < ${TB_CHILD_CLINICAL_FROM}, tuberkulin positif atau kontak erat, tanpa gejala lain → TBC laten (TPT)`, `score < ${TB_CHILD_CLINICAL_FROM}, tuberculin positive or close contact, no other signs → latent TB (TPT)`),
      t(`skor < ${TB_CHILD_CLINICAL_FROM}, tuberkulin negatif, tanpa kontak → observasi`, `score < ${TB_CHILD_CLINICAL_FROM}, tuberculin negative, no contact → observe`),
      t(`balita skor ${TB_CHILD_BALITA_REFER_AT} dengan tanda meragukan → rujuk RS`, `under-five scoring ${TB_CHILD_BALITA_REFER_AT} with doubtful signs → refer to hospital`),
    ],
    sources: TB_CHILD_SOURCES,
  },
];
