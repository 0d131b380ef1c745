/**
 * Life-cycle stages (siklus hidup) and their bounds — ilp-domain.md §3.
 * Stages overlap (remaja inside usia sekolah; adult screenings from 15), so a
 * person is in every stage whose rule holds on a date. Age bounds: `from`
 * inclusive, `to` exclusive.
 */
import type { Offset, Source, StageId, Text } from './types';

export interface AgeStage {
  id: StageId;
  label: Text;
  basis: 'age';
  from: Offset;
  /** Exclusive; undefined = no upper bound. */
  to?: Offset;
  sources: Source[];
}

export interface ConditionStage {
  id: StageId;
  label: Text;
  basis: 'pregnancy' | 'delivery' | 'postpartum' | 'condition';
  rule: Text;
  sources: Source[];
}

const KMK = (clause: string): Source => ({ key: 'KMK', clause });

/** Postpartum (nifas) lasts to day 42 after delivery — KMK §IV.A.1.e (KF4 ends day 42). */
export const NIFAS_LAST_DAY = 42;

export const AGE_STAGES: readonly AgeStage[] = [
  { id: 'neonatus', label: { id: 'Bayi baru lahir (neonatus)', en: 'Newborn' }, basis: 'age', from: {}, to: { days: 29 }, sources: [KMK('§IV.A.2: neonatus')] },
  { id: 'bayi', label: { id: 'Bayi', en: 'Infant' }, basis: 'age', from: {}, to: { months: 12 }, sources: [KMK('§IV.A.2: bayi')] },
  { id: 'baduta', label: { id: 'Baduta', en: 'Under two' }, basis: 'age', from: {}, to: { months: 24 }, sources: [KMK('Tabel 8: baduta')] },
  { id: 'balita', label: { id: 'Balita', en: 'Under five' }, basis: 'age', from: {}, to: { months: 60 }, sources: [KMK('§IV.A.2: balita')] },
  { id: 'prasekolah', label: { id: 'Anak prasekolah', en: 'Preschool child' }, basis: 'age', from: { years: 5 }, to: { years: 7 }, sources: [KMK('§IV.A.2: anak prasekolah'), { key: 'PKG', clause: 'balita dan prasekolah' }] },
  { id: 'usia-sekolah', label: { id: 'Anak usia sekolah', en: 'School-age child' }, basis: 'age', from: { years: 6 }, to: { years: 18 }, sources: [KMK('§IV.A.3: anak usia sekolah; batas atas eksklusif karena usia dewasa mulai di sana')] },
  { id: 'remaja', label: { id: 'Remaja', en: 'Adolescent' }, basis: 'age', from: { years: 10 }, to: { years: 18 }, sources: [KMK('§IV.A.3: remaja')] },
  { id: 'usia-produktif', label: { id: 'Usia produktif', en: 'Productive age' }, basis: 'age', from: { years: 15 }, to: { years: 60 }, sources: [{ key: 'SPM', clause: '§6.2 no. 6 (batas umur dari SPM, bukan KMK)', unconfirmed: true }] },
  { id: 'dewasa', label: { id: 'Usia dewasa', en: 'Adult' }, basis: 'age', from: { years: 18 }, to: { years: 60 }, sources: [KMK('Bab V: usia dewasa')] },
  { id: 'lansia', label: { id: 'Lanjut usia (lansia)', en: 'Elderly' }, basis: 'age', from: { years: 60 }, sources: [KMK('Bab V: lansia')] },
];

export const CONDITION_STAGES: readonly ConditionStage[] = [
  { id: 'hamil', label: { id: 'Ibu hamil', en: 'Pregnant' }, basis: 'pregnancy', rule: { id: 'sejak HPHT sampai persalinan/akhir kehamilan', en: 'from LMP until delivery or end of pregnancy' }, sources: [KMK('§IV.A.1.a')] },
  { id: 'bersalin', label: { id: 'Ibu bersalin', en: 'Delivering' }, basis: 'delivery', rule: { id: 'pada hari persalinan', en: 'on the day of delivery' }, sources: [KMK('§IV.A.1')] },
  { id: 'nifas', label: { id: 'Ibu nifas', en: 'Postpartum' }, basis: 'postpartum', rule: { id: `hari 0–${NIFAS_LAST_DAY} setelah persalinan`, en: `days 0–${NIFAS_LAST_DAY} after delivery` }, sources: [KMK('§IV.A.1.e: KF1–KF4')] },
  { id: 'catin', label: { id: 'Calon pengantin (catin)', en: 'Bride/groom-to-be' }, basis: 'condition', rule: { id: 'terdaftar sebagai catin sampai menikah', en: 'registered as catin until the marriage' }, sources: [KMK('§V.C.2')] },
  { id: 'pus', label: { id: 'Pasangan usia subur (PUS)', en: 'Couple of reproductive age' }, basis: 'condition', rule: { id: 'terdaftar sebagai PUS', en: 'registered as PUS' }, sources: [KMK('§V.C.2')] },
];

/** Wanita usia subur: women within the district's WUS ages (settings wus.ageFrom / wus.ageTo, ⚠). */
export const WUS_STAGE = {
  id: 'wus' as const,
  label: { id: 'Wanita usia subur (WUS)', en: 'Woman of reproductive age' },
  sources: [{ key: 'GENERAL-KNOWLEDGE' as const, clause: 'batas umur WUS', unconfirmed: true }],
};
