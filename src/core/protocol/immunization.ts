/**
 * Routine immunization — KMK Tabel 7–8 (infants and baduta), Tabel 17 (BIAS,
 * school), §IV.A.1 (tetanus status of WUS to T5); reference-data.md §2.
 *
 * Each dose: earliest = the recommended age (the KMK gives no lower minimum
 * age) or, when later, the minimum interval after the previous dose; due =
 * the last day of the recommended age month (or period, 18–23 months);
 * latest = the catch-up upper age, a district setting.
 */
import type { Antigen } from '../codes/concepts';
import { kmk, src, t } from './build';
import type { CatchUpAntigen, ProtocolSettings } from './settings';
import type { Offset, ProtocolItem, Source } from './types';

/** "1 month after the previous dose of the same antigen" — KMK Tabel 7 (OPV, DPT-HB-Hib, RV, PCV). */
export const SAME_ANTIGEN_MIN_INTERVAL: Offset = { months: 1 };
/** PCV3 ≥ 8 weeks after PCV2 — KMK Tabel 7. */
export const PCV3_AFTER_PCV2: Offset = { weeks: 8 };
/** DPT-HB-Hib 4 ≥ 12 months after DPT-HB-Hib 3 — KMK Tabel 8. */
export const DPT4_AFTER_DPT3: Offset = { months: 12 };
/** MR2 ≥ 6 months after MR1 — KMK Tabel 8. */
export const MR2_AFTER_MR1: Offset = { months: 6 };

interface DoseRow {
  antigen: CatchUpAntigen;
  dose: number;
  /** Recommended age: from (inclusive) and before (exclusive). */
  from: Offset;
  before: Offset;
  after?: Offset;
  source: Source;
  note?: string;
}

const T7 = kmk('Tabel 7');
const T8 = kmk('Tabel 8 (imunisasi lanjutan baduta)');
const M = (months: number): Offset => ({ months });

/** KMK Tabel 7–8, one row per dose. */
const SCHEDULE: DoseRow[] = [
  { antigen: 'BCG', dose: 1, from: {}, before: M(1), source: T7 },
  { antigen: 'OPV', dose: 1, from: {}, before: M(1), source: T7 },
  { antigen: 'DPT-HB-Hib', dose: 1, from: M(2), before: M(3), source: T7 },
  { antigen: 'OPV', dose: 2, from: M(2), before: M(3), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7 },
  { antigen: 'RV', dose: 1, from: M(2), before: M(3), source: T7 },
  { antigen: 'PCV', dose: 1, from: M(2), before: M(3), source: T7 },
  { antigen: 'DPT-HB-Hib', dose: 2, from: M(3), before: M(4), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7 },
  { antigen: 'OPV', dose: 3, from: M(3), before: M(4), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7 },
  { antigen: 'RV', dose: 2, from: M(3), before: M(4), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7 },
  { antigen: 'PCV', dose: 2, from: M(3), before: M(4), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7 },
  { antigen: 'DPT-HB-Hib', dose: 3, from: M(4), before: M(5), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7 },
  { antigen: 'OPV', dose: 4, from: M(4), before: M(5), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7 },
  { antigen: 'RV', dose: 3, from: M(4), before: M(5), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7, note: 'Jumlah dosis RV tergantung produk (3 dosis menurut tabel program).' },
  { antigen: 'IPV', dose: 1, from: M(4), before: M(5), source: T7 },
  { antigen: 'MR', dose: 1, from: M(9), before: M(10), source: T7 },
  { antigen: 'IPV', dose: 2, from: M(9), before: M(10), after: SAME_ANTIGEN_MIN_INTERVAL, source: T7, note: 'KMK tidak memberi interval IPV; dipakai interval minimal antigen yang sama.' },
  { antigen: 'JE', dose: 1, from: M(10), before: M(11), source: T7 },
  { antigen: 'PCV', dose: 3, from: M(12), before: M(13), after: PCV3_AFTER_PCV2, source: T8 },
  { antigen: 'DPT-HB-Hib', dose: 4, from: M(18), before: M(24), after: DPT4_AFTER_DPT3, source: T8 },
  { antigen: 'MR', dose: 2, from: M(18), before: M(24), after: MR2_AFTER_MR1, source: T8 },
];

const SINGLE_DOSE = new Set<Antigen>(['BCG', 'JE']);

export const doseItemId = (antigen: Antigen, dose: number): string =>
  `imm.${antigen.toLowerCase()}${SINGLE_DOSE.has(antigen) ? '' : `-${dose}`}`;

const doseLabel = (antigen: Antigen, dose: number): string => (SINGLE_DOSE.has(antigen) ? antigen : `${antigen} ${dose}`);

const minusDay = (o: Offset): Offset => ({ ...o, days: (o.days ?? 0) - 1 });

function infantDose(r: DoseRow, s: ProtocolSettings): ProtocolItem {
  const label = doseLabel(r.antigen, r.dose);
  return {
    id: doseItemId(r.antigen, r.dose),
    programme: 'immunization',
    stage: r.from.months !== undefined && r.from.months >= 12 ? 'baduta' : 'bayi',
    label: t(`Imunisasi ${label}`, `${label} immunization`),
    who: t('Bayi dan baduta', 'Infants and under-twos'),
    where: ['posyandu', 'pustu', 'puskesmas'],
    by: ['midwife', 'nurse', 'doctor'],
    timing: {
      kind: 'dose', antigen: r.antigen, dose: r.dose,
      earliest: r.from, due: minusDay(r.before), latest: { months: s.immunization.catchUpBeforeMonths[r.antigen], days: -1 },
      ...(r.after ? { after: { dose: r.dose - 1, minInterval: r.after } } : {}),
    },
    match: [{ concepts: [r.antigen] }],
    sources: [r.source],
    settings: [`immunization.catchUpBeforeMonths.${r.antigen}`, ...(r.antigen === 'JE' ? ['immunization.jeEndemic'] : [])],
    ...(r.antigen === 'JE' ? { gate: 'immunization.jeEndemic' } : {}),
    ...(r.note ? { note: t(r.note, r.note) } : {}),
  };
}

/** BIAS (Bulan Imunisasi Anak Sekolah) — KMK Tabel 17. Months: August = 8, November = 11. */
const AUG = 8;
const NOV = 11;
const BIAS: Array<{ id: string; name: string; antigen: Antigen; grade: number; month: number; girls?: boolean }> = [
  { id: 'bias.mr', name: 'MR', antigen: 'MR', grade: 1, month: AUG },
  { id: 'bias.dt', name: 'DT', antigen: 'DT', grade: 1, month: NOV },
  { id: 'bias.td-2', name: 'Td', antigen: 'Td', grade: 2, month: NOV },
  { id: 'bias.td-5', name: 'Td', antigen: 'Td', grade: 5, month: NOV },
  { id: 'bias.hpv-1', name: 'HPV 1', antigen: 'HPV', grade: 5, month: AUG, girls: true },
  { id: 'bias.hpv-2', name: 'HPV 2', antigen: 'HPV', grade: 6, month: AUG, girls: true },
];

const TD_DOSES = 5; // T1–T5, KMK §IV.A.1.a ("target T5")

export function immunizationItems(s: ProtocolSettings): ProtocolItem[] {
  const hb0: ProtocolItem = {
    id: 'imm.hb0', programme: 'immunization', stage: 'neonatus',
    label: t('Imunisasi Hepatitis B 0 (HB0)', 'Hepatitis B birth dose (HB0)'),
    who: t('Bayi baru lahir', 'Newborns'), where: ['puskesmas', 'other', 'home'], by: ['midwife', 'doctor', 'nurse'],
    timing: { kind: 'dose', antigen: 'HB0', dose: 1, earliest: {}, due: {}, latest: { days: s.immunization.hb0LateUntilDay } },
    match: [{ concepts: ['HB0'] }],
    sources: [kmk('Tabel 7: HB0'), src('REFDATA', '§2')],
    settings: ['immunization.hb0LateUntilDay'],
    note: t('KMK Tabel 7: kurang dari 24 jam. Pada resolusi tanggal dibaca sebagai hari lahir; sesudahnya terlambat.', 'KMK Tabel 7: within 24 hours. At date resolution this reads as the birth date; later doses are late.'),
  };
  const td = s.tetanus;
  const tdAfter: Offset[] = [{ weeks: td.t1ToT2Weeks }, { months: td.t2ToT3Months }, { years: td.t3ToT4Years }, { years: td.t4ToT5Years }];
  const tdItems = Array.from({ length: TD_DOSES }, (_, i): ProtocolItem => {
    const dose = i + 1;
    return {
      id: `imm.td-${dose}`, programme: 'immunization', stage: 'wus',
      label: t(`Imunisasi Td (status T${dose})`, `Td immunization (T${dose} status)`),
      who: t('Wanita usia subur', 'Women of reproductive age'),
      where: ['puskesmas', 'pustu', 'posyandu'], by: ['midwife', 'nurse', 'doctor'],
      timing: {
        kind: 'dose', antigen: 'Td', dose, earliest: { years: s.wus.ageFrom }, due: { years: s.wus.ageFrom }, latest: { years: s.wus.ageTo, days: -1 },
        ...(dose > 1 ? { after: { dose: dose - 1, minInterval: tdAfter[dose - 2]! } } : {}),
        credit: 'tetanus-status',
      },
      eligibility: { sex: 'F', conditions: ['pregnant', 'catin', 'pus'] },
      match: [{ concepts: ['Td'] }],
      sources: [kmk('§IV.A.1.a dan Tabel 28: skrining status T sampai target'), src('REFDATA', '§2 interval T [verify]', true)],
      settings: ['wus.ageFrom', 'wus.ageTo', ...(dose > 1 ? [['tetanus.t1ToT2Weeks', 'tetanus.t2ToT3Months', 'tetanus.t3ToT4Years', 'tetanus.t4ToT5Years'][dose - 2]!] : [])],
      note: t('Skrining status T (nilai = jumlah dosis yang sudah dimiliki) memenuhi dosis sampai nilai itu.', 'A T-status screening (value = doses already had) meets the doses up to that value.'),
    };
  });
  const bias = BIAS.map((b): ProtocolItem => ({
    id: b.id, programme: 'immunization', stage: 'usia-sekolah',
    label: t(`BIAS ${b.name} kelas ${b.grade}`, `School immunization ${b.name}, grade ${b.grade}`),
    who: t(`Murid kelas ${b.grade}`, `Grade ${b.grade} pupils`),
    where: ['school'], by: ['nurse', 'midwife'],
    timing: { kind: 'school-grade', grades: [b.grade], month: b.month },
    ...(b.girls ? { eligibility: { sex: 'F' as const } } : {}),
    match: [{ concepts: [b.antigen] }],
    sources: [kmk('Tabel 17 (BIAS)')],
    settings: ['school.grade1Age', 'school.schoolYearStartMonth'],
  }));
  return [hb0, ...SCHEDULE.map((r) => infantDose(r, s)), ...tdItems, ...bias];
}
