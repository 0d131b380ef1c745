/**
 * ADL / AKS — modified Barthel index, total 0–20 — KMK Tabel 29; ilp-domain.md §5.6.
 * Per-item maxima are the standard modified Barthel (Collin & Wade); the notes
 * give only the item list and the total (⚠ general knowledge).
 */
import { kmk, src, t } from '../build';
import type { BandDef, CutoffTable } from './band';

export const ADL_ITEMS = {
  bowel: 2, bladder: 2, grooming: 1, toilet: 2, feeding: 2, transfer: 3, mobility: 3, dressing: 2, stairs: 2, bathing: 1,
} as const;
export type AdlItem = keyof typeof ADL_ITEMS;
export const ADL_MAX = Object.values(ADL_ITEMS).reduce((a, b) => a + b, 0);

export type AdlBand = 'independent' | 'mild' | 'moderate' | 'severe' | 'total';

const POSY_REFER = 'Posyandu: rujuk ke Pustu/Puskesmas.';
const POSY_REFER_EN = 'Posyandu: refer to Pustu/Puskesmas.';

/** Lower bound of each band (inclusive), highest first. */
export const ADL_BANDS: Array<BandDef<AdlBand> & { from: number; grade: 'A' | 'B' | 'C' }> = [
  { band: 'independent', from: ADL_MAX, grade: 'A', label: t('Mandiri (A)', 'Independent (A)'), followUp: t('Kegiatan Posyandu lansia.', 'Elderly Posyandu activities.') },
  { band: 'mild', from: 12, grade: 'B', label: t('Ketergantungan ringan (B)', 'Mild dependence (B)'), followUp: t(`${POSY_REFER} Pustu/Puskesmas: program ruang aktivitas lansia.`, `${POSY_REFER_EN} Pustu/Puskesmas: elderly activity programme.`) },
  { band: 'moderate', from: 9, grade: 'B', label: t('Ketergantungan sedang (B)', 'Moderate dependence (B)'), followUp: t(`${POSY_REFER} Pustu/Puskesmas: perawatan di rumah (pendamping) atau RS.`, `${POSY_REFER_EN} Pustu/Puskesmas: home care (caregiver) or hospital.`) },
  { band: 'severe', from: 5, grade: 'C', label: t('Ketergantungan berat (C)', 'Severe dependence (C)'), followUp: t(`${POSY_REFER} Pustu/Puskesmas: perawatan di rumah (pendamping) atau RS.`, `${POSY_REFER_EN} Pustu/Puskesmas: home care (caregiver) or hospital.`) },
  { band: 'total', from: 0, grade: 'C', label: t('Ketergantungan total (C)', 'Total dependence (C)'), followUp: t(`${POSY_REFER} Pustu/Puskesmas: perawatan di rumah (pendamping) atau RS.`, `${POSY_REFER_EN} Pustu/Puskesmas: home care (caregiver) or hospital.`) },
];

export const ADL_SOURCES = [kmk('Tabel 29 (ADL/AKS, indeks Barthel modifikasi)'), src('GENERAL-KNOWLEDGE', 'nilai maksimum per butir Barthel modifikasi', true)];

export const ADL_TABLE: CutoffTable = {
  id: 'adl', label: t('ADL / AKS (Barthel)', 'ADL (Barthel)'),
  rows: ADL_BANDS.map((b, i) => {
    const to = i === 0 ? ADL_MAX : ADL_BANDS[i - 1]!.from - 1;
    const range = b.from === to ? `${to}` : `${b.from}–${to}`;
    return t(`${range} → ${b.label.id}`, `${range} → ${b.label.en}`);
  }),
  sources: ADL_SOURCES,
};
