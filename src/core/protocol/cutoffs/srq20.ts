/** SRQ-20 — KMK Tabel 26; ilp-domain.md §5.5. 20 yes/no items, 1 point each. */
import { kmk, t } from '../build';
import type { BandDef, CutoffTable } from './band';

export const SRQ20_ITEMS = 20;
/** Score from which the result is abnormal. */
export const SRQ20_ABNORMAL_FROM = 6;
/** Item 17 (suicidal thoughts): "yes" makes any score abnormal. */
export const SRQ20_SUICIDE_ITEM = 17;
export const SRQ20_SOURCE = kmk('Tabel 26 (SRQ-20)');

export const SRQ20_BANDS: Record<'normal' | 'abnormal', BandDef<'normal' | 'abnormal'>> = {
  normal: { band: 'normal', label: t('Normal', 'Normal'), followUp: t('Edukasi (KAP).', 'Education (interpersonal communication).') },
  abnormal: {
    band: 'abnormal',
    label: t('Abnormal: kemungkinan masalah kesehatan jiwa', 'Abnormal: possible mental-health problem'),
    followUp: t('KAP/pencegahan dan wawancara psikiatrik oleh dokter atau psikolog klinis; rujuk RS/RSJ bila perlu.', 'Counselling/prevention and a psychiatric interview by a doctor or clinical psychologist; refer to hospital if needed.'),
  },
};

export const SRQ20_TABLE: CutoffTable = {
  id: 'srq20', label: t('SRQ-20', 'SRQ-20'),
  rows: [
    t(`skor < ${SRQ20_ABNORMAL_FROM} dan butir ${SRQ20_SUICIDE_ITEM} = tidak → normal`, `score < ${SRQ20_ABNORMAL_FROM} and item ${SRQ20_SUICIDE_ITEM} = no → normal`),
    t(`skor ≥ ${SRQ20_ABNORMAL_FROM} atau butir ${SRQ20_SUICIDE_ITEM} = ya → abnormal`, `score ≥ ${SRQ20_ABNORMAL_FROM} or item ${SRQ20_SUICIDE_ITEM} = yes → abnormal`),
  ],
  sources: [SRQ20_SOURCE],
};
