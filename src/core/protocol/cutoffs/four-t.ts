/** 4T pregnancy risk (terlalu muda, tua, dekat, banyak) — KMK Bab IV (kader tasks); ilp-domain.md §4.2. */
import { kmk, t } from '../build';
import type { CutoffTable } from './band';

/** Too young: age below 20; too old: above 35 (years, completed). */
export const FOUR_T_AGE = { youngBelow: 20, oldOver: 35 } as const;
/** Too close: less than 2 years since the last delivery. */
export const FOUR_T_INTERVAL_YEARS = 2;
/** Too many: more than 3 children. */
export const FOUR_T_CHILDREN_OVER = 3;

export type FourTFlag = 'too-young' | 'too-old' | 'too-close' | 'too-many';
export const FOUR_T_LABELS: Record<FourTFlag, { id: string; en: string }> = {
  'too-young': t('Terlalu muda', 'Too young'),
  'too-old': t('Terlalu tua', 'Too old'),
  'too-close': t('Terlalu dekat jarak kehamilan', 'Too close a spacing'),
  'too-many': t('Terlalu banyak anak', 'Too many children'),
};
export const FOUR_T_SOURCE = kmk('Bab IV: deteksi risiko tinggi 4T oleh kader');
export const FOUR_T_TABLE: CutoffTable = {
  id: 'four-t', label: t('Risiko 4T', '4T risk'),
  rows: [
    t(`umur < ${FOUR_T_AGE.youngBelow} th → terlalu muda`, `age < ${FOUR_T_AGE.youngBelow} → too young`),
    t(`umur > ${FOUR_T_AGE.oldOver} th → terlalu tua`, `age > ${FOUR_T_AGE.oldOver} → too old`),
    t(`< ${FOUR_T_INTERVAL_YEARS} th sejak persalinan terakhir → terlalu dekat`, `< ${FOUR_T_INTERVAL_YEARS} years since the last delivery → too close`),
    t(`> ${FOUR_T_CHILDREN_OVER} anak → terlalu banyak`, `> ${FOUR_T_CHILDREN_OVER} children → too many`),
  ],
  sources: [FOUR_T_SOURCE],
};
