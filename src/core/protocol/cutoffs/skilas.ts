/** SKILAS (Skrining Lansia Sederhana) — KMK Formulir 5; ilp-domain.md §5.6. */
import { kmk, t } from '../build';
import type { CutoffTable } from './band';

/** Chair stand: 5 rises without arms within 14 seconds, else the mobility domain is ticked. */
export const SKILAS_CHAIR_STAND = { rises: 5, maxSeconds: 14 } as const;
/** Malnutrition domain: LiLA below 21 cm; weight loss over 3 kg in 3 months. */
export const SKILAS_LILA_BELOW_CM = 21;
export const SKILAS_WEIGHT_LOSS = { overKg: 3, months: 3 } as const;
/** Cognitive domain: recall of 3 words. */
export const SKILAS_RECALL_WORDS = 3;

export const SKILAS_DOMAINS = ['cognitive', 'mobility', 'malnutrition', 'vision', 'hearing', 'depression'] as const;
export type SkilasDomain = (typeof SKILAS_DOMAINS)[number];

export const SKILAS_DOMAIN_LABELS: Record<SkilasDomain, { id: string; en: string }> = {
  cognitive: t('Penurunan kognitif', 'Cognitive decline'),
  mobility: t('Keterbatasan mobilisasi', 'Limited mobility'),
  malnutrition: t('Malnutrisi', 'Malnutrition'),
  vision: t('Gangguan penglihatan', 'Visual impairment'),
  hearing: t('Gangguan pendengaran', 'Hearing impairment'),
  depression: t('Gejala depresi', 'Depressive symptoms'),
};
export const SKILAS_SOURCE = kmk('Formulir 5 (SKILAS)');
export const SKILAS_TABLE: CutoffTable = {
  id: 'skilas', label: t('SKILAS', 'SKILAS'),
  rows: [
    t(`kognitif: gagal mengingat ${SKILAS_RECALL_WORDS} kata atau orientasi`, `cognitive: cannot recall ${SKILAS_RECALL_WORDS} words, or disoriented`),
    t(`mobilisasi: ${SKILAS_CHAIR_STAND.rises}× berdiri dari kursi lebih dari ${SKILAS_CHAIR_STAND.maxSeconds} detik`, `mobility: ${SKILAS_CHAIR_STAND.rises} chair stands take more than ${SKILAS_CHAIR_STAND.maxSeconds} s`),
    t(`malnutrisi: BB turun > ${SKILAS_WEIGHT_LOSS.overKg} kg dalam ${SKILAS_WEIGHT_LOSS.months} bulan, nafsu makan turun, atau LiLA < ${SKILAS_LILA_BELOW_CM} cm`, `malnutrition: weight loss > ${SKILAS_WEIGHT_LOSS.overKg} kg in ${SKILAS_WEIGHT_LOSS.months} months, poor appetite, or MUAC < ${SKILAS_LILA_BELOW_CM} cm`),
    t('satu butir atau lebih ditandai pada domain mana pun → pemeriksaan lanjut oleh nakes', 'any ticked item in any domain → further assessment by a health worker'),
  ],
  sources: [SKILAS_SOURCE],
};
