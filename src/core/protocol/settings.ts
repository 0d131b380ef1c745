/**
 * District settings: the facts a kabupaten/kota may change without editing
 * code (JE endemicity, a local window, and every fact the notes mark ⚠ /
 * [verify] / UNCONFIRMED). A plain JSON-serialisable object; the server stores
 * one per kabupaten. `validateSettings()` (settings-validate.ts) merges a
 * partial object over these defaults and reports bad paths as Issues.
 */
import type { Offset, Source, Text } from './types';

/** Antigens whose catch-up (imunisasi kejar) upper age is a setting. */
export const CATCH_UP_ANTIGENS = ['BCG', 'OPV', 'DPT-HB-Hib', 'IPV', 'RV', 'PCV', 'MR', 'JE'] as const;
export type CatchUpAntigen = (typeof CATCH_UP_ANTIGENS)[number];

/** A district's change to one item's window (see windowOverrides). */
export interface WindowOverride {
  earliest?: Offset;
  due?: Offset;
  latest?: Offset;
  /** For gestation / postpartum windows, in days. */
  fromDay?: number;
  dueDay?: number;
  toDay?: number;
}

export interface ProtocolSettings {
  immunization: {
    jeEndemic: boolean;
    hb0LateUntilDay: number;
    catchUpBeforeMonths: Record<CatchUpAntigen, number>;
    idlItems: string[];
    idlBeforeMonths: number;
    badutaItems: string[];
    badutaBeforeMonths: number;
  };
  tetanus: {
    t1ToT2Weeks: number;
    t2ToT3Months: number;
    t3ToT4Years: number;
    t4ToT5Years: number;
  };
  wus: { ageFrom: number; ageTo: number };
  pregnancy: { malariaHighEndemic: boolean };
  growth: { dewormingFromMonths: number; kpspAgesMonths: number[] };
  school: { grade1Age: number; schoolYearStartMonth: number };
  adult: { sadanisEveryYears: number; hearingScreening: boolean; smokingScreening: boolean };
  tb: { contactInvestigationWithinDays: number; contactScreeningWithinDays: number; riskGroupMonthly: boolean };
  /** Item id → changed window. Applies to age, dose, condition-onset, gestation and postpartum timings. */
  windowOverrides: Record<string, WindowOverride>;
}

export const DEFAULT_SETTINGS: ProtocolSettings = {
  immunization: {
    jeEndemic: false,
    hb0LateUntilDay: 7,
    catchUpBeforeMonths: { BCG: 12, OPV: 60, 'DPT-HB-Hib': 60, IPV: 60, RV: 24, PCV: 24, MR: 60, JE: 60 },
    idlItems: [
      'imm.hb0', 'imm.bcg', 'imm.opv-1', 'imm.opv-2', 'imm.opv-3', 'imm.opv-4',
      'imm.dpt-hb-hib-1', 'imm.dpt-hb-hib-2', 'imm.dpt-hb-hib-3', 'imm.ipv-1', 'imm.mr-1',
    ],
    idlBeforeMonths: 12,
    badutaItems: ['imm.pcv-3', 'imm.dpt-hb-hib-4', 'imm.mr-2'],
    badutaBeforeMonths: 24,
  },
  tetanus: { t1ToT2Weeks: 4, t2ToT3Months: 6, t3ToT4Years: 1, t4ToT5Years: 1 },
  wus: { ageFrom: 15, ageTo: 50 },
  pregnancy: { malariaHighEndemic: false },
  growth: { dewormingFromMonths: 12, kpspAgesMonths: [3, 6, 9, 12, 15, 18, 21, 24, 30, 36, 42, 48, 54, 60, 66, 72] },
  school: { grade1Age: 7, schoolYearStartMonth: 7 },
  adult: { sadanisEveryYears: 3, hearingScreening: true, smokingScreening: true },
  tb: { contactInvestigationWithinDays: 14, contactScreeningWithinDays: 14, riskGroupMonthly: true },
  windowOverrides: {},
};

export interface SettingInfo {
  label: Text;
  sources: Source[];
  /** Why it is a setting, in a sentence. */
  note: Text;
}

const GK = (clause: string): Source => ({ key: 'GENERAL-KNOWLEDGE', clause, unconfirmed: true });

/** Every setting path with its source: printed by `siklus protocol` and the web page. */
export const SETTING_INFO: Record<string, SettingInfo> = {
  'immunization.jeEndemic': {
    label: { id: 'Daerah endemis JE', en: 'JE-endemic district' },
    sources: [{ key: 'KMK', clause: 'Tabel 7: JE hanya daerah endemis' }, { key: 'REFDATA', clause: '§2 (JE [verify] umur dan daerah)', unconfirmed: true }],
    note: { id: 'Fakta daerah; bawaan: tidak endemis.', en: 'A district fact; default: not endemic.' },
  },
  'immunization.hb0LateUntilDay': {
    label: { id: 'HB0 terlambat masih diberikan sampai hari ke-', en: 'Late HB0 still given up to day' },
    sources: [GK('Kemenkes melaporkan HB0 tepat waktu dan HB0 terlambat pada minggu pertama')],
    note: { id: 'Catatan hanya memberi <24 jam; batas kejar tidak bersumber.', en: 'The notes give only < 24 h; the catch-up limit is unsourced.' },
  },
  'immunization.catchUpBeforeMonths': {
    label: { id: 'Batas umur imunisasi kejar (bulan, eksklusif)', en: 'Catch-up upper age (months, exclusive)' },
    sources: [GK('BIAN 2022 (imunisasi kejar balita); posisi WHO untuk RV/PCV; BCG tanpa uji tuberkulin pada bayi')],
    note: { id: 'KMK Tabel 7 hanya memberi umur anjuran dan interval minimal; batas atas kejar ditetapkan daerah.', en: 'KMK Tabel 7 gives recommended ages and minimum intervals only; catch-up upper ages are district settings.' },
  },
  'immunization.idlItems': {
    label: { id: 'Antigen yang dihitung IDL', en: 'Antigens counted for IDL' },
    sources: [{ key: 'REFDATA', clause: '§2: daftar IDL historis [verify] apakah PCV/RV dihitung', unconfirmed: true }],
    note: { id: 'PCV dan RV belum dihitung sampai indikator terbaru dikonfirmasi.', en: 'PCV and RV are not counted until the current indicator is confirmed.' },
  },
  'immunization.idlBeforeMonths': {
    label: { id: 'IDL dinilai sebelum umur (bulan)', en: 'IDL assessed before age (months)' },
    sources: [{ key: 'REFDATA', clause: '§2: umur indikator IDL' }],
    note: { id: 'Batas umur indikator.', en: 'Indicator age limit.' },
  },
  'immunization.badutaItems': {
    label: { id: 'Antigen imunisasi baduta lengkap', en: 'Antigens for baduta-complete' },
    sources: [{ key: 'KMK', clause: 'Tabel 8 (imunisasi lanjutan baduta)' }, { key: 'REFDATA', clause: '§2: IRL menambah dosis lanjutan [verify]', unconfirmed: true }],
    note: { id: 'Definisi indikator perlu konfirmasi.', en: 'The indicator definition needs confirmation.' },
  },
  'immunization.badutaBeforeMonths': {
    label: { id: 'Baduta lengkap dinilai sebelum umur (bulan)', en: 'Baduta-complete assessed before age (months)' },
    sources: [{ key: 'KMK', clause: 'Tabel 8: baduta' }],
    note: { id: 'Batas umur baduta.', en: 'Baduta age limit.' },
  },
  'tetanus.t1ToT2Weeks': { label: { id: 'Interval T1→T2 (minggu)', en: 'T1→T2 interval (weeks)' }, sources: [{ key: 'REFDATA', clause: '§2 status T WUS [verify]', unconfirmed: true }], note: { id: 'Perlu dicek dengan Buku KIA terbaru.', en: 'Check against the current Buku KIA.' } },
  'tetanus.t2ToT3Months': { label: { id: 'Interval T2→T3 (bulan)', en: 'T2→T3 interval (months)' }, sources: [{ key: 'REFDATA', clause: '§2 status T WUS [verify]', unconfirmed: true }], note: { id: 'Perlu dicek dengan Buku KIA terbaru.', en: 'Check against the current Buku KIA.' } },
  'tetanus.t3ToT4Years': { label: { id: 'Interval T3→T4 (tahun)', en: 'T3→T4 interval (years)' }, sources: [{ key: 'REFDATA', clause: '§2 status T WUS [verify]', unconfirmed: true }], note: { id: 'Perlu dicek dengan Buku KIA terbaru.', en: 'Check against the current Buku KIA.' } },
  'tetanus.t4ToT5Years': { label: { id: 'Interval T4→T5 (tahun)', en: 'T4→T5 interval (years)' }, sources: [{ key: 'REFDATA', clause: '§2 status T WUS [verify]', unconfirmed: true }], note: { id: 'Perlu dicek dengan Buku KIA terbaru.', en: 'Check against the current Buku KIA.' } },
  'wus.ageFrom': { label: { id: 'WUS mulai umur (tahun)', en: 'WUS from age (years)' }, sources: [GK('batas umur WUS')], note: { id: 'Batas WUS tidak ada di catatan.', en: 'WUS bounds are not in the notes.' } },
  'wus.ageTo': { label: { id: 'WUS sampai sebelum umur (tahun)', en: 'WUS until before age (years)' }, sources: [GK('batas umur WUS')], note: { id: 'Batas WUS tidak ada di catatan.', en: 'WUS bounds are not in the notes.' } },
  'pregnancy.malariaHighEndemic': {
    label: { id: 'Daerah endemis tinggi malaria (API > 5)', en: 'High malaria endemicity (API > 5)' },
    sources: [{ key: 'KMK', clause: '§IV.A.1.a: tes malaria pada ANC pertama di daerah endemis tinggi' }],
    note: { id: 'Fakta daerah; bawaan: tidak.', en: 'A district fact; default: no.' },
  },
  'growth.dewormingFromMonths': {
    label: { id: 'Obat cacing balita mulai umur (bulan)', en: 'Deworming from age (months)' },
    sources: [{ key: 'KMK', clause: '§IV.A.2.g: obat cacing balita' }, GK('biasanya mulai umur satu tahun')],
    note: { id: 'KMK hanya menyebut balita.', en: 'The KMK says only "balita".' },
  },
  'growth.kpspAgesMonths': {
    label: { id: 'Umur KPSP (bulan)', en: 'KPSP ages (months)' },
    sources: [GK('Pedoman SDIDTK: jadwal KPSP')],
    note: { id: 'KMK hanya menyebut SDIDTK/KPSP.', en: 'The KMK only names SDIDTK/KPSP.' },
  },
  'school.grade1Age': {
    label: { id: 'Umur masuk kelas 1 (tahun, pada awal tahun ajaran)', en: 'Age in grade 1 (years, at school-year start)' },
    sources: [{ key: 'KMK', clause: '§IV.A.3 UKS/M: kelas BIAS disebut bersama umurnya' }],
    note: { id: 'Dipakai bila kelas tidak dicatat; kelas yang dicatat selalu menang.', en: 'Used when no grade is recorded; a recorded grade always wins.' },
  },
  'school.schoolYearStartMonth': {
    label: { id: 'Bulan awal tahun ajaran', en: 'School-year start month' },
    sources: [GK('awal tahun ajaran nasional')],
    note: { id: 'Tidak ada di catatan.', en: 'Not in the notes.' },
  },
  'adult.sadanisEveryYears': {
    label: { id: 'SADANIS setiap (tahun)', en: 'SADANIS every (years)' },
    sources: [{ key: 'KMK', clause: 'teks §V dan judul Tabel 19 memberi frekuensi SADANIS yang berbeda', unconfirmed: true }],
    note: { id: 'KMK tidak konsisten; bawaan mengikuti teks.', en: 'The KMK is inconsistent; the default follows the text.' },
  },
  'adult.hearingScreening': {
    label: { id: 'Skrining pendengaran dewasa tahunan', en: 'Yearly adult hearing screening' },
    sources: [{ key: 'PKG', clause: 'pemeriksaan telinga pada PKG dewasa/lansia', unconfirmed: true }],
    note: { id: 'Tabel 19 tidak memuat pendengaran dewasa.', en: 'Tabel 19 does not list adult hearing.' },
  },
  'adult.smokingScreening': {
    label: { id: 'Skrining merokok dewasa tahunan', en: 'Yearly adult smoking screening' },
    sources: [{ key: 'SPM', clause: '§6.2 no. 6 (Permenkes 4/2019): merokok', unconfirmed: true }],
    note: { id: 'Dari standar SPM lama.', en: 'From the previous SPM standard.' },
  },
  'tb.contactInvestigationWithinDays': {
    label: { id: 'Investigasi kontak dalam (hari) sejak diagnosis indeks', en: 'Contact investigation within (days) of index diagnosis' },
    sources: [GK('Juknis investigasi kontak')],
    note: { id: 'KMK Formulir 1 tidak memberi tenggat.', en: 'KMK Formulir 1 gives no deadline.' },
  },
  'tb.contactScreeningWithinDays': {
    label: { id: 'Skrining kontak dalam (hari) sejak teridentifikasi', en: 'Contact screening within (days) of identification' },
    sources: [GK('Juknis investigasi kontak')],
    note: { id: 'KMK tidak memberi tenggat.', en: 'The KMK gives no deadline.' },
  },
  'tb.riskGroupMonthly': {
    label: { id: 'Skrining gejala TBC bulanan untuk kelompok risiko', en: 'Monthly TB symptom screening for risk groups' },
    sources: [{ key: 'KMK', clause: 'Tabel 19: TB — kelompok risiko, idealnya setiap bulan' }],
    note: { id: '"Idealnya" — daerah dapat menonaktifkan.', en: '"Ideally" — a district may switch it off.' },
  },
  windowOverrides: {
    label: { id: 'Perubahan jendela waktu lokal', en: 'Local window changes' },
    sources: [{ key: 'SIKLUS', clause: 'kebijakan daerah' }],
    note: { id: 'Kosong secara bawaan.', en: 'Empty by default.' },
  },
};
