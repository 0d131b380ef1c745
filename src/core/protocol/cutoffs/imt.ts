/**
 * Adult BMI (IMT), Asia-Pacific classes (WHO 2000) — KMK Tabel 20 as corrected
 * in ilp-domain.md §5.5 (the KMK misprints obese I as 23–29.9); central
 * obesity by waist.
 */
import { kmk, t } from '../build';
import type { BandDef, CutoffTable } from './band';

export type ImtBand = 'underweight' | 'normal' | 'overweight' | 'obese-1' | 'obese-2';
const OBESITY_FU = t('Edukasi dan evaluasi ulang setelah 3 bulan; bila tidak membaik rujuk ke FKTP.', 'Education and re-evaluation after 3 months; if not improved refer to the FKTP.');

/** Ascending; `from` = lower bound (kg/m², inclusive). */
export const IMT_BANDS: Array<BandDef<ImtBand> & { from: number }> = [
  { band: 'underweight', from: 0, label: t('Berat badan kurang', 'Underweight'), followUp: t('Edukasi gizi; rujuk bila ada penyakit penyerta.', 'Nutrition education; refer if there is an underlying illness.') },
  { band: 'normal', from: 18.5, label: t('Normal', 'Normal'), followUp: t('Edukasi.', 'Education.') },
  { band: 'overweight', from: 23, label: t('Berat badan lebih (berisiko)', 'Overweight (at risk)'), followUp: t('Edukasi gaya hidup sehat.', 'Healthy-lifestyle education.') },
  { band: 'obese-1', from: 25, label: t('Obesitas I', 'Obese I'), followUp: OBESITY_FU },
  { band: 'obese-2', from: 30, label: t('Obesitas II', 'Obese II'), followUp: OBESITY_FU },
];
/** BMI from which a person counts as obese (a diabetes-screening risk factor). */
export const IMT_OBESE_FROM = IMT_BANDS.find((b) => b.band === 'obese-1')!.from;
export const IMT_FROM_AGE = 18;

/** Central obesity: waist above these (cm). */
export const CENTRAL_OBESITY_WAIST_OVER = { M: 90, F: 80 } as const;
export const IMT_SOURCE = kmk('Tabel 20 (IMT Asia-Pasifik) dan lingkar perut');

export const IMT_TABLE: CutoffTable = {
  id: 'imt', label: t('IMT dewasa dan obesitas sentral', 'Adult BMI and central obesity'),
  rows: [
    ...IMT_BANDS.map((b, i) => {
      const next = IMT_BANDS[i + 1];
      const range = next ? (b.from === 0 ? `< ${next.from}` : `${b.from}–<${next.from}`) : `≥ ${b.from}`;
      return t(`${range} kg/m² → ${b.label.id}`, `${range} kg/m² → ${b.label.en}`);
    }),
    t(`lingkar perut > ${CENTRAL_OBESITY_WAIST_OVER.M} cm (L), > ${CENTRAL_OBESITY_WAIST_OVER.F} cm (P) → obesitas sentral`, `waist > ${CENTRAL_OBESITY_WAIST_OVER.M} cm (men), > ${CENTRAL_OBESITY_WAIST_OVER.F} cm (women) → central obesity`),
  ],
  sources: [IMT_SOURCE],
};
