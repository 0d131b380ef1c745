import { describe, expect, it } from 'vitest';
import { flatReferences } from '../anthropometry/test-support/flat-references';
import { SYSTEM } from '../codes/systems';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import type { RecordInputEvent } from '../record/events';
import { isKohortMonth, kohortDates, kohortRegister, type KohortKind, type KohortPerson, type KohortPersonInput } from '.';

const refs = flatReferences();
let seq = 0;
const ev = (date: string, system: string, code: string, valueNum: number | null = null, value: Record<string, unknown> | null = null, id = `e${++seq}`): RecordInputEvent =>
  ({ id, codeSystem: system, code, occurredOn: date, valueNum, value });
const weight = (date: string, kg: number) => ev(date, SYSTEM.loinc, '29463-7', kg);
const svc = (date: string, code: string, value: Record<string, unknown> | null = null, id?: string) => ev(date, SYSTEM.service, code, null, value, id);

const person = (id: string, birthDate: string, extra: Partial<KohortPerson> = {}): KohortPerson => ({
  id, name: `Orang ${id}`, nik: null, sex: 'F', birthDate, areaCode: '74.03.01.2001', status: 'alive', statusDate: null, ...extra,
});
const item = (p: KohortPerson, events: RecordInputEvent[] = []): KohortPersonInput => ({ person: p, events });

const register = (kind: KohortKind, month: string, people: KohortPersonInput[], today = '2026-01-15') =>
  kohortRegister({ kind, month, today, people, settings: DEFAULT_SETTINGS, refs });
const ids = (kind: KohortKind, month: string, people: KohortPersonInput[], today?: string) => register(kind, month, people, today).rows.map((r) => r.personId);

describe('month validation and dates', () => {
  it('accepts YYYY-MM only', () => {
    expect(isKohortMonth('2025-08')).toBe(true);
    for (const bad of ['2025-13', '2025-00', '2025-8', '25-08', '2025-08-01', '', 202508, null]) expect(isKohortMonth(bad)).toBe(false);
  });

  it('reads a past month to its last day (leap February) and the running month to today', () => {
    expect(kohortDates('2024-02', '2024-03-10')).toEqual({ monthStart: '2024-02-01', monthEnd: '2024-02-29', on: '2024-02-29' });
    expect(kohortDates('2024-03', '2024-03-10')).toEqual({ monthStart: '2024-03-01', monthEnd: '2024-03-31', on: '2024-03-10' });
  });
});

describe('who is on which register (age at the month end)', () => {
  it('a baby turning 12 months during the month moves from kohort bayi to kohort balita that month', () => {
    const b = [item(person('a', '2024-05-15'))];
    expect(ids('bayi', '2025-04', b)).toEqual(['a']);
    expect(ids('balita', '2025-04', b)).toEqual([]);
    expect(ids('bayi', '2025-05', b)).toEqual([]);
    expect(ids('balita', '2025-05', b)).toEqual(['a']);
    expect(register('balita', '2025-05', b).rows[0]!.cells.umur_bulan).toBe(12);
  });

  it('a first birthday on the last day of the month already counts; one day later does not', () => {
    expect(ids('balita', '2025-05', [item(person('a', '2024-05-31'))])).toEqual(['a']);
    expect(ids('bayi', '2025-05', [item(person('b', '2024-06-01'))])).toEqual(['b']);
  });

  it('a child reaching 60 months leaves the kohort balita in that month', () => {
    const c = [item(person('c', '2020-06-15'))];
    expect(ids('balita', '2025-05', c)).toEqual(['c']);
    expect(register('balita', '2025-05', c).rows[0]!.cells.umur_bulan).toBe(59);
    expect(ids('balita', '2025-06', c)).toEqual([]);
  });

  it('a baby born after the register date is not listed yet in the running month', () => {
    expect(ids('bayi', '2026-01', [item(person('n', '2026-01-20'))], '2026-01-15')).toEqual([]);
    expect(ids('bayi', '2026-01', [item(person('n', '2026-01-10'))], '2026-01-15')).toEqual(['n']);
  });

  it('lansia from 60 years (AGE_STAGES lansia) by the month end', () => {
    const l = [item(person('l', '1965-05-31'))];
    expect(ids('lansia', '2025-04', l)).toEqual([]);
    expect(ids('lansia', '2025-05', l)).toEqual(['l']);
    expect(register('lansia', '2025-05', l).rows[0]!.cells.umur).toBe(60);
  });

  it('someone who died before the month is gone; during the month they stay with a note', () => {
    const d = [item(person('d', '2025-01-10', { status: 'deceased', statusDate: '2025-05-10' }))];
    expect(ids('bayi', '2025-06', d)).toEqual([]);
    expect(register('bayi', '2025-05', d).rows[0]!.cells.keterangan).toBe('Meninggal 2025-05-10');
  });

  it('numbers the rows by address, then birth date', () => {
    const people = [
      item(person('x', '2025-03-01', { areaCode: '74.03.01.2001.RW002.RT001' })),
      item(person('y', '2025-02-01', { areaCode: '74.03.01.2001.RW001.RT003' })),
      item(person('z', '2025-01-01', { areaCode: '74.03.01.2001.RW002.RT001' })),
    ];
    const r = register('bayi', '2025-06', people);
    expect(r.rows.map((x) => [x.cells.no, x.personId, x.cells.alamat])).toEqual([
      [1, 'y', 'RT 003 / RW 001'], [2, 'z', 'RT 001 / RW 002'], [3, 'x', 'RT 001 / RW 002'],
    ]);
  });
});

describe('kohort ibu', () => {
  const mother = person('m', '1995-03-12', { name: 'Siti', nik: '7403015203950001', headName: 'Ahmad' });
  const pregnancy = ev('2024-09-01', SYSTEM.icd10, 'Z34', null, { lmp: '2024-06-24', gravida: 2, parity: 1 }, 'preg1');
  const delivered = (on: string) => [
    pregnancy,
    svc('2024-09-01', 'anc', { provider: 'doctor' }),
    ev('2024-09-01', SYSTEM.loinc, '718-7', 10.2),
    ev('2024-09-01', SYSTEM.loinc, '56072-2', 22.5),
    svc('2024-11-20', 'anc', { provider: 'midwife' }),
    ev('2025-02-10', SYSTEM.loinc, '718-7', 11.6),
    svc(on, 'delivery', { pregnancyId: 'preg1', place: 'facility', attendant: 'midwife', outcome: 'live-birth' }),
    svc(on, 'KF1'),
  ];

  it('keeps a delivered mother to day 42 of nifas, then she leaves the register', () => {
    // Delivered 2025-03-19: day 42 is 2025-04-30.
    const m = [item(mother, delivered('2025-03-19'))];
    expect(ids('ibu', '2025-04', m)).toEqual(['m']);
    expect(ids('ibu', '2025-05', m)).toEqual([]);
    // Day 42 on the first day of May keeps her in May.
    expect(ids('ibu', '2025-05', [item(mother, delivered('2025-03-20'))])).toEqual(['m']);
  });

  it('is not on the register before her HPHT, and a man never is', () => {
    expect(ids('ibu', '2024-05', [item(mother, delivered('2025-03-19'))])).toEqual([]);
    expect(ids('ibu', '2024-10', [item({ ...mother, sex: 'M' }, delivered('2025-03-19'))])).toEqual([]);
  });

  it('fills the columns from the events: G/P, HPHT/HPL, K1–K2 with the doctor contact, KEK, Hb, delivery, KF1', () => {
    const r = register('ibu', '2025-04', [item(mother, delivered('2025-03-19'))]);
    expect(r.rows).toHaveLength(1);
    const c = r.rows[0]!.cells;
    expect(r.rows[0]!.pregnancyId).toBe('preg1');
    expect(c).toMatchObject({
      no: 1, nama: 'Siti', nik: '7403015203950001', umur: 29, kepala_keluarga: 'Ahmad', gp: 'G2 P1',
      hpht: '2024-06-24', hpl: '2025-03-31', k1: '2024-09-01', k2: '2024-11-20', k3: null,
      dokter_usg_k1: null, lila: 22.5, hb: 10.2, hb_akhir: 11.6,
      tgl_persalinan: '2025-03-19', tempat_persalinan: 'Fasilitas kesehatan', penolong: 'Bidan', hasil: 'Lahir hidup',
      kf1: '2025-03-19', kf2: null, keterangan: 'Bersalin/nifas',
    });
    // LiLA 22.5 cm is under the KEK cut-off of 23.5 cm; the mark carries the band for colouring.
    expect(String(c.kek)).toMatch(/KEK/);
    expect(r.rows[0]!.marks.kek).toBe('kek');
    // Delivered at 38 weeks.
    expect(c.usia_kehamilan).toBe(38);
    expect(r.columns.map((x) => x.key).slice(0, 3)).toEqual(['no', 'nama', 'nik']);
  });

  it('an ongoing pregnancy shows the gestational age on the register date and "Hamil"', () => {
    const r = register('ibu', '2024-10', [item(mother, delivered('2025-03-19'))]);
    expect(r.rows[0]!.cells).toMatchObject({ usia_kehamilan: 18, tgl_persalinan: null, kf1: null, hb_akhir: null, keterangan: 'Hamil' });
  });
});

describe('kohort bayi and balita columns', () => {
  it('bayi: birth weight in grams, doses and KN by date, weighings of each month of the year with N/T', () => {
    const birth = '2025-01-10';
    const r = register('bayi', '2025-04', [item(person('b', birth, { sex: 'M', motherName: 'Siti' }), [
      weight(birth, 3.2),
      ev(birth, SYSTEM.antigen, 'HB0', null, { dose: 1 }),
      svc('2025-01-12', 'KN1'),
      ev('2025-02-10', SYSTEM.antigen, 'BCG', null, { dose: 1 }),
      weight('2025-02-10', 4.2),
      weight('2025-03-10', 5.1),
      weight('2025-04-10', 5.1),
    ])]);
    const c = r.rows[0]!.cells;
    expect(c).toMatchObject({
      nama: 'Orang b', jk: 'L', nama_ibu: 'Siti', bb_lahir: 3200, 'imm.hb0': '2025-01-10', 'imm.bcg': '2025-02-10', kn1: '2025-01-12', kn2: null,
      bb_01: 3.2, bb_02: 4.2, nt_02: 'N', bb_03: 5.1, nt_03: 'N', bb_04: 5.1, nt_04: 'T', idl: 'Belum',
    });
    // No column for the months after the register's month.
    expect(r.columns.some((x) => x.key === 'bb_05')).toBe(false);
    expect(r.columns.find((x) => x.key === 'bb_04')!.label).toBe('BB Apr (kg)');
    expect(r.rows[0]!.marks).toMatchObject({ idl: 'incomplete' });
  });

  it('balita: vitamin A in February and August of the register year, absent weighing as empty', () => {
    const birth = '2023-01-05';
    const r = register('balita', '2025-09', [item(person('k', birth), [
      svc('2025-02-12', 'vitamin-a', { variant: 'merah' }),
      weight('2025-08-12', 11.8),
    ])]);
    const c = r.rows[0]!.cells;
    expect(c).toMatchObject({ umur_bulan: 32, vit_a_feb: '2025-02-12', vit_a_agu: null, bb_08: 11.8, bb_09: null, nt_09: null, tgl_ukur: '2025-08-12' });
    expect(r.columns.filter((x) => /^bb_\d\d$/.test(x.key))).toHaveLength(9);
  });

  it('events after the register date are not on the month', () => {
    const r = register('bayi', '2025-03', [item(person('b', '2025-01-10'), [weight('2025-04-02', 5)])]);
    expect(r.rows[0]!.cells.tgl_ukur).toBeNull();
  });
});

describe('kohort lansia columns', () => {
  it('latest BP with its class, glucose with measure and device, SKILAS and ADL with their results', () => {
    const result = (score: number, band: string, label: string) => ({ answers: {}, result: { score, band, label: { id: label, en: label }, followUp: { id: '-', en: '-' } } });
    const r = register('lansia', '2025-06', [item(person('l', '1950-02-01', { sex: 'M' }), [
      ev('2025-01-10', SYSTEM.loinc, '85354-9', null, { systolic: 120, diastolic: 80 }),
      ev('2025-05-10', SYSTEM.loinc, '85354-9', null, { systolic: 150, diastolic: 95 }),
      ev('2025-05-10', SYSTEM.loinc, '1558-6', 130),
      weight('2025-05-10', 60),
      ev('2025-05-10', SYSTEM.loinc, '8302-2', 160),
      ev('2025-05-10', SYSTEM.questionnaire, 'skilas', 1, result(1, 'positive', 'Ada penurunan')),
      ev('2025-05-10', SYSTEM.questionnaire, 'adl-barthel', 20, result(20, 'independent', 'Mandiri')),
    ])]);
    const c = r.rows[0]!.cells;
    expect(c).toMatchObject({
      // Fasting 130 mg/dL is in the diabetes class (≥ 126); IMT 23.4 is overweight by the core's cut-offs.
      umur: 75, jk: 'L', td: '150/95', tgl_td: '2025-05-10', gula: 130, gula_jenis: 'GDP (laboratorium)', bb: 60, tb: 160, imt: 23.4,
      tgl_skilas: '2025-05-10', skilas: 'Ada penurunan', adl_skor: 20, adl: 'Mandiri',
    });
    expect(String(c.td_kelas)).toMatch(/[Hh]ipertensi/);
    expect(r.rows[0]!.marks).toEqual({ imt_kelas: 'overweight', td_kelas: 'ht-1', gula_kelas: 'diabetes', skilas: 'positive', adl: 'independent' });
    expect(c.gula_kelas).not.toBeNull();
  });
});
