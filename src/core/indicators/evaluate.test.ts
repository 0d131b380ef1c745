/**
 * Indicator evaluation on the fixture district (fixture.ts) with values
 * worked out by hand from each person's history — the reasoning is beside
 * each person — plus the boundaries: 60 months, 15 and 60 years, 31 Dec /
 * 1 Jan, a correction, a death and a move.
 */
import { describe, expect, it } from 'vitest';
import { approximateGrowthReferences } from '../anthropometry';
import { DEFAULT_SETTINGS, type ProtocolSettings } from '../protocol/settings';
import { INDICATORS, isMorbidityId } from './catalogue';
import { ageBandAt, evaluatePerson, evaluationYears, servedMonths, type EvaluateEnv } from './evaluate';
import { FIXTURE_DISTRICT, FIXTURE_YEARS, fixtureInput, fixtureInputs } from './fixture';
import type { IndicatorEvent, IndicatorInput, IndicatorVisit, PersonIndicatorRow } from './types';

const env: EvaluateEnv = { settings: DEFAULT_SETTINGS, refs: approximateGrowthReferences() };
const YEARS = [...FIXTURE_YEARS];

/** A row as the tests state it: months as lists, occurrences per month. */
interface Expect {
  id: string;
  year: number;
  reg: number | null;
  num: number | null;
  months: number[];
  counts?: Record<number, number>;
}

const months = (bits: number) => Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => bits & (1 << (m - 1)));
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function shape(r: PersonIndicatorRow): Expect {
  const out: Expect = { id: r.indicator, year: r.year, reg: r.registerMonth, num: r.numeratorMonth, months: months(r.monthsServed) };
  if (r.counts) out.counts = Object.fromEntries(r.counts.flatMap((c, i) => (c ? [[i + 1, c]] : [])));
  return out;
}
const sortKey = (e: Expect) => `${e.id}|${e.year}`;
const sorted = (list: Expect[]) => [...list].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

// Compact expectation builders.
/** In the register from `reg`, never served. */
const reg = (id: string, year: number, r: number): Expect => ({ id, year, reg: r, num: null, months: [] });
/** Register and numerator (served in the listed months; default the numerator month). */
const got = (id: string, year: number, r: number | null, n: number, ms: number[] = [n]): Expect => ({ id, year, reg: r, num: n, months: ms });
/** Visits at a place kind: counts per month. */
const visits = (place: string, year: number, counts: Record<number, number>): Expect => {
  const ms = Object.keys(counts).map(Number).sort((a, b) => a - b);
  return { id: `visit-${place}`, year, reg: null, num: ms[0]!, months: ms, counts };
};
/** Adult registers present every year for a 15–59-year-old with no screening. */
const adult = (year: number): Expect[] => [reg('spm-06-usia-produktif', year, 1), reg('k3-ptm-skrining', year, 1)];

const HAMIL = 'spm-01-ibu-hamil';
const BERSALIN = 'spm-02-ibu-bersalin';
const BBL = 'spm-03-bayi-baru-lahir';
const BALITA = 'spm-04-balita';
const DIKDAS = 'spm-05-usia-pendidikan-dasar';
const PRODUKTIF = 'spm-06-usia-produktif';
const LANSIA = 'spm-07-usia-lanjut';
const HT = 'spm-08-hipertensi';
const DM = 'spm-09-diabetes';
const ODGJ = 'spm-10-odgj-berat';
const TB = 'spm-11-terduga-tb';
const HIV = 'spm-12-risiko-hiv';
const PTM = 'k3-ptm-skrining';
const SKILAS = 'k3-lansia-skilas';
/** The six growth-status rows of a balita measured with weight and length in a month (no category met). */
const measured = (year: number, m: number, only?: 'weight'): Expect[] => only === 'weight'
  ? [reg('k2-bb-kurang', year, m)]
  : [reg('k2-bb-kurang', year, m), reg('k2-gizi-kurang', year, m), reg('k2-gizi-buruk', year, m), reg('k2-stunting', year, m)];
/** D and D/S; N and N/D; T — in the listed months. */
const skdn = (year: number, d: number[], n: number[], t: number[]): Expect[] => [
  ...(d.length ? [got('k2-skdn-d', year, null, d[0]!, d), got('k2-skdn-ds', year, null, d[0]!, d)] : []),
  ...(n.length ? [got('k2-skdn-n', year, null, n[0]!, n), got('k2-skdn-nd', year, null, n[0]!, n)] : []),
  ...(t.length ? [got('k2-skdn-t', year, null, t[0]!, t)] : []),
];
/** S: in the register from `from`, one bit per month the child is a balita. */
const s = (year: number, from: number, to = 12): Expect => got('k2-skdn-s', year, from, from, range(from, to));

const EXPECTED: Record<string, Expect[]> = {
  // Ani, LMP 2025-12-01: pregnant from December 2025 (register 2025-12 and 2026-01 until K1).
  // K1 2026-01-10 (doctor + USG, TM1); TM2 (day 85–168 = 23 Feb–17 May): 20 Mar, 1 May; TM3 (from 18 May):
  // 20 Jun (doctor + USG), 20 Jul, 20 Aug → K6 and SPM 1 complete on 20 Aug. HIV test at K1.
  // Delivery 5 Sep at the Puskesmas by a midwife; KF on days 1, 5, 15, 35 → KF lengkap 10 Oct.
  m1: [
    reg('k2-k1', 2025, 12), got('k2-k1', 2026, 1, 1),
    reg('k2-k6', 2025, 12), got('k2-k6', 2026, 1, 8),
    reg(HAMIL, 2025, 12), got(HAMIL, 2026, 1, 8),
    reg(HIV, 2025, 12), got(HIV, 2026, 1, 1),
    got(BERSALIN, 2026, 9, 9), got('k2-persalinan-faskes', 2026, 9, 9), got('k2-kf-lengkap', 2026, 9, 10),
    ...adult(2025), ...adult(2026),
    visits('puskesmas', 2026, { 1: 1, 6: 1, 9: 2 }), visits('pustu', 2026, { 3: 1, 5: 1, 7: 1, 8: 1, 9: 1, 10: 1 }), visits('rumah', 2026, { 9: 1 }),
  ],
  // Citra, LMP 2026-01-05: K1 10 Feb; TM2 10 Apr, 15 May; TM3 (from 23 Jun) 1 Jul, 1 Aug only → no K6.
  // Home delivery 10 Oct (not in a facility); KF1 only. No HIV test.
  m2: [
    got('k2-k1', 2026, 1, 2), reg('k2-k6', 2026, 1), reg(HAMIL, 2026, 1), reg(HIV, 2026, 1),
    reg(BERSALIN, 2026, 10), reg('k2-persalinan-faskes', 2026, 10), reg('k2-kf-lengkap', 2026, 10),
    ...adult(2025), ...adult(2026),
    visits('puskesmas', 2026, { 2: 1, 7: 1 }), visits('pustu', 2026, { 4: 1, 5: 1, 8: 1 }), visits('rumah', 2026, { 9: 1, 10: 2 }),
  ],
  // Dewi, LMP 2026-02-01: K1 1 Mar (doctor); TM2 (27 Apr–19 Jul) 5 May, 20 Jun; TM3 1 Aug, 1 Sep, 1 Oct → K6 in
  // October, but no doctor in TM3 → no SPM 1. HIV tested at K1. No delivery: bersalin register at HPL (8 Nov).
  m3: [
    got('k2-k1', 2026, 2, 3), got('k2-k6', 2026, 2, 10), reg(HAMIL, 2026, 2), got(HIV, 2026, 2, 3),
    reg(BERSALIN, 2026, 11), reg('k2-persalinan-faskes', 2026, 11),
    ...adult(2025), ...adult(2026),
    visits('puskesmas', 2026, { 3: 1 }), visits('pustu', 2026, { 5: 1, 6: 1, 8: 1, 9: 1, 10: 1 }),
  ],
  // Eka: delivery 15 Mar 2026 at 39 weeks → pregnant from 15 Jun 2025. Hospital delivery (facility, attendant
  // "other": not SPM 2). KF days 1, 5, 17, then day 56 (KF4 window 29–42 missed). Hospital visits are not counted.
  m4: [
    reg('k2-k1', 2025, 6), reg('k2-k1', 2026, 1), reg('k2-k6', 2025, 6), reg('k2-k6', 2026, 1),
    reg(HAMIL, 2025, 6), reg(HAMIL, 2026, 1), reg(HIV, 2025, 6), reg(HIV, 2026, 1),
    reg(BERSALIN, 2026, 3), got('k2-persalinan-faskes', 2026, 3, 3), reg('k2-kf-lengkap', 2026, 3),
    ...adult(2025), ...adult(2026),
    visits('pustu', 2026, { 3: 1, 4: 1, 5: 1 }),
  ],
  // Fitri, LMP 2025-12-20: K1 1 Feb 2026; miscarriage 10 Mar (O03) — no delivery, so not in the bersalin register.
  m5: [
    reg('k2-k1', 2025, 12), got('k2-k1', 2026, 1, 2), reg('k2-k6', 2025, 12), reg('k2-k6', 2026, 1),
    reg(HAMIL, 2025, 12), reg(HAMIL, 2026, 1), reg(HIV, 2025, 12), reg(HIV, 2026, 1),
    got('dx:O03', 2026, null, 3),
    ...adult(2025), ...adult(2026),
    visits('puskesmas', 2026, { 3: 1 }), visits('pustu', 2026, { 2: 1 }),
  ],
  // Aisyah, born 5 Sep 2026: KN on days 1, 5, 15 → KN lengkap 20 Sep. Weighed Sep (B), Oct (+900 g ≥ KBM 800 at
  // 1 month: N), Nov (+900 g ≥ KBM 900 at 2 months: N); length at birth. SPM balita: 4 months in the register →
  // 3 weighings and 1 length needed → met in November. All z-scores normal.
  b1: [
    got(BBL, 2026, 9, 9), got('k2-kn-lengkap', 2026, 9, 9), reg('k2-idl', 2026, 9),
    s(2026, 9), got(BALITA, 2026, 9, 11), ...skdn(2026, [9, 10, 11], [10, 11], []), ...measured(2026, 9),
    visits('puskesmas', 2026, { 9: 2 }), visits('rumah', 2026, { 9: 1 }), visits('pustu', 2026, { 9: 1 }), visits('posyandu', 2026, { 10: 1, 11: 1 }),
  ],
  // Bayu, born 10 Oct 2026 at home: only KN1.
  b2: [reg(BBL, 2026, 10), reg('k2-kn-lengkap', 2026, 10), reg('k2-idl', 2026, 10), s(2026, 10), reg(BALITA, 2026, 10), visits('rumah', 2026, { 10: 1 })],
  // Nur, born 15 Mar 2026: nothing recorded.
  b3: [reg(BBL, 2026, 3), reg('k2-kn-lengkap', 2026, 3), reg('k2-idl', 2026, 3), s(2026, 3), reg(BALITA, 2026, 3)],
  // Rafi, born 15 Jun 2025: the IDL doses in their windows, MR1 at 9 months on 20 Mar 2026 completes IDL. Baduta
  // register from 12 months (Jun 2026). Weighings 2026: Jan B, Feb +100 g < KBM 400 (7 months) T, Mar +500 g ≥ 300
  // (9 months) N, May O (no April weighing). 4 weighings < 8 → no SPM balita.
  b4: [
    reg(BBL, 2025, 6), reg('k2-kn-lengkap', 2025, 6), reg('k2-idl', 2025, 6), s(2025, 6), reg(BALITA, 2025, 6),
    visits('puskesmas', 2025, { 6: 1 }), visits('posyandu', 2025, { 6: 1, 8: 1, 9: 1, 10: 1 }),
    got('k2-idl', 2026, 1, 3), reg('k2-baduta-lengkap', 2026, 6), s(2026, 1), reg(BALITA, 2026, 1),
    ...skdn(2026, [1, 2, 3, 5], [3], [2]), reg('k2-bb-kurang', 2026, 1), reg('k2-gizi-kurang', 2026, 2), reg('k2-gizi-buruk', 2026, 2), reg('k2-stunting', 2026, 2),
    visits('posyandu', 2026, { 1: 1, 2: 1, 5: 1 }), visits('puskesmas', 2026, { 3: 1 }),
  ],
  // Sari, born 1 Mar 2024: IDL complete 3 Dec 2024 (before the evaluated years: no IDL row). Baduta register from
  // 1 Mar 2025; PCV3 5 Mar, DPT-HB-Hib 4 and MR2 2 Sep 2025 complete it. Feb 2026: 78 cm at 23 months, PB/U −2.5
  // (stunted), weight normal; first weighing (B).
  b5: [
    got('k2-baduta-lengkap', 2025, 3, 9), s(2025, 1), reg(BALITA, 2025, 1), visits('posyandu', 2025, { 3: 1, 9: 1 }),
    s(2026, 1), reg(BALITA, 2026, 1), ...skdn(2026, [2], [], []),
    reg('k2-bb-kurang', 2026, 2), reg('k2-gizi-kurang', 2026, 2), reg('k2-gizi-buruk', 2026, 2), got('k2-stunting', 2026, 2, 2),
    visits('posyandu', 2026, { 2: 1 }),
  ],
  // Wawan, born 20 May 2023 (baduta register Jan–May 2025, no boosters recorded). Jul 2026: BB/TB −3.2 (gizi buruk),
  // BB/U −2.8; Aug: BB/TB −2.4 (gizi kurang), BB/U −2.4, +600 g ≥ KBM 200 → N.
  b6: [
    reg('k2-baduta-lengkap', 2025, 1), s(2025, 1), reg(BALITA, 2025, 1),
    s(2026, 1), reg(BALITA, 2026, 1), ...skdn(2026, [7, 8], [8], []),
    got('k2-gizi-buruk', 2026, 7, 7), got('k2-gizi-kurang', 2026, 7, 8), got('k2-bb-kurang', 2026, 7, 7, [7, 8]), reg('k2-stunting', 2026, 7),
    visits('posyandu', 2026, { 7: 1, 8: 1 }),
  ],
  // Putri turns 60 months on 15 Apr 2026: balita Jan–Apr. Weighed 10 Mar (B), 14 Apr (+100 g < 200: T); the
  // weighing on 15 Apr is not a balita weighing (it would have made April N). Visits count both April days.
  b7: [
    s(2025, 1), reg(BALITA, 2025, 1),
    s(2026, 1, 4), reg(BALITA, 2026, 1), ...skdn(2026, [3, 4], [], [4]), ...measured(2026, 3),
    visits('posyandu', 2026, { 3: 1, 4: 2 }),
  ],
  // Adi (grade 3–4 from age): school health check Aug 2026.
  s1: [reg(DIKDAS, 2025, 1), got(DIKDAS, 2026, 1, 8)],
  // Nia (grade 6 to Jun 2025, 7 from Jul 2025): TTD register from Jul 2025; screened Aug 2025; TTD Jan, Feb 2026; 15 on 9 Sep 2026.
  s2: [
    got(DIKDAS, 2025, 1, 8), reg(DIKDAS, 2026, 1), reg('k2-ttd-remaja-putri', 2025, 7), got('k2-ttd-remaja-putri', 2026, 1, 1, [1, 2]),
    reg(PRODUKTIF, 2026, 9), reg(PTM, 2026, 9),
  ],
  // Rina: grade 12 recorded in school year 2025/26 (grade 11 before Jul 2025): TTD register both years, TTD Mar 2026.
  s3: [reg('k2-ttd-remaja-putri', 2025, 1), got('k2-ttd-remaja-putri', 2026, 1, 3), ...adult(2025), ...adult(2026)],
  // Joko: BP alone in Nov 2025 (PTM screened, not SPM usia produktif); BP and weight Apr 2026.
  a1: [
    got(PTM, 2025, 1, 11), reg(PRODUKTIF, 2025, 1), got(PTM, 2026, 1, 4), got(PRODUKTIF, 2026, 1, 4),
    visits('posyandu', 2025, { 11: 1 }), visits('posyandu', 2026, { 4: 1 }),
  ],
  // Sri: 160/100 on 5 Feb 2026 (grade 2) → hypertension register; BP again Mar and Sep. 60 on 17 Aug 2026 → lansia
  // register from August; SKILAS with BP 1 Sep.
  a2: [
    ...adult(2025), got(PRODUKTIF, 2026, 1, 2), got(PTM, 2026, 1, 2, [2, 3, 9]), got(HT, 2026, 2, 2, [2, 3, 9]),
    got(LANSIA, 2026, 8, 9), got(SKILAS, 2026, 8, 9),
    visits('posyandu', 2026, { 2: 1, 9: 1 }), visits('pustu', 2026, { 3: 1 }),
  ],
  // Hasan (70): I10 diagnosed 10 Jun 2025 and followed Jan, Feb, May 2026; E11 with glucose 250 on 15 Feb 2026,
  // glucose again May; SKILAS with BP in May 2026 (none in 2025).
  a3: [
    got('dx:I10', 2025, null, 6), got(HT, 2025, 6, 6), got('k3-hipertensi-dilayani', 2025, 6, 6), got(PTM, 2025, 1, 6),
    reg(LANSIA, 2025, 1), reg(SKILAS, 2025, 1), visits('puskesmas', 2025, { 6: 1 }),
    got('dx:I10', 2026, null, 1), got('dx:E11', 2026, null, 2),
    got(HT, 2026, 1, 1, [1, 2, 5]), got('k3-hipertensi-dilayani', 2026, 1, 1, [1, 2, 5]),
    got(DM, 2026, 2, 2, [2, 5]), got('k3-diabetes-dilayani', 2026, 2, 2, [2, 5]),
    got(PTM, 2026, 1, 1, [1, 2, 5]), got(LANSIA, 2026, 1, 5), got(SKILAS, 2026, 1, 5),
    visits('puskesmas', 2026, { 1: 1, 2: 1 }), visits('posyandu', 2026, { 5: 1 }),
  ],
  // Made: fasting laboratory glucose 140 (≥ 126: diabetes class) on 7 Jul 2026, no diagnosis.
  a4: [...adult(2025), ...adult(2026), got(DM, 2026, 7, 7), visits('puskesmas', 2026, { 7: 1 })],
  // Tono: cough 3 weeks on 3 Mar → terduga; A15 on 20 Mar concludes it; HIV test 25 Mar; contacts investigated 2 Apr.
  a5: [
    ...adult(2025), ...adult(2026),
    got('k4-tb-skrining', 2026, null, 3), got('k4-tb-terduga', 2026, null, 3), got(TB, 2026, 3, 3), got('k4-tb-ik', 2026, 3, 4),
    got(HIV, 2026, 3, 3), got('dx:A15', 2026, null, 3),
    visits('posyandu', 2026, { 3: 1 }), visits('puskesmas', 2026, { 3: 2 }), visits('rumah', 2026, { 4: 1 }),
  ],
  // Yuni: terduga on 20 Dec 2025, ruled out (Z03.0) on 10 Jan 2026 → register both years, numerator January 2026.
  a6: [
    ...adult(2025), ...adult(2026),
    got('k4-tb-skrining', 2025, null, 12), got('k4-tb-terduga', 2025, null, 12), reg(TB, 2025, 12), visits('posyandu', 2025, { 12: 1 }),
    got(TB, 2026, 1, 1), got('dx:Z03', 2026, null, 1), got('k4-tb-skrining', 2026, null, 10),
    visits('puskesmas', 2026, { 1: 1 }), visits('posyandu', 2026, { 10: 1 }),
  ],
  // Rudi: F20 diagnosed Sep 2025, seen with it Feb and Jun 2026.
  a7: [
    ...adult(2025), ...adult(2026),
    got(ODGJ, 2025, 9, 9), got('dx:F20', 2025, null, 9), visits('puskesmas', 2025, { 9: 1 }),
    got(ODGJ, 2026, 1, 2, [2, 6]), got('dx:F20', 2026, null, 2, [2, 6]), visits('puskesmas', 2026, { 2: 1 }), visits('pustu', 2026, { 6: 1 }),
  ],
  // Lina: gonorrhoea (A54) and an HIV test on 5 May 2026.
  a8: [...adult(2025), ...adult(2026), got(HIV, 2026, 5, 5), got('dx:A54', 2026, null, 5), visits('puskesmas', 2026, { 5: 1 })],
  // Umar (85) screened Nov 2025, died 15 Dec 2025: no 2026 rows.
  a9: [got(LANSIA, 2025, 1, 11), got(SKILAS, 2025, 1, 11), got(PTM, 2025, 1, 11), visits('posyandu', 2025, { 11: 1 })],
  // Siti moved away 15 Dec 2025: her February 2026 visit is not counted here.
  a10: adult(2025),
  // Andi turns 15 on 1 Jul 2026: grade 7–9 both years; the BP of 30 Jun is not an adult screening.
  a11: [reg(DIKDAS, 2025, 1), reg(DIKDAS, 2026, 1), got(PTM, 2026, 7, 7), got(PRODUKTIF, 2026, 7, 7), visits('posyandu', 2026, { 6: 1, 7: 1 })],
  // Wati turns 60 on 1 Jan 2026: BP and weight on 31 Dec 2025 (usia produktif 2025), BP on 1 Jan 2026 (lansia, no SKILAS).
  a12: [
    got(PRODUKTIF, 2025, 1, 12), got(PTM, 2025, 1, 12), visits('posyandu', 2025, { 12: 1 }),
    reg(LANSIA, 2026, 1), reg(SKILAS, 2026, 1), got(PTM, 2026, 1, 1), visits('posyandu', 2026, { 1: 1 }),
  ],
  // Fajar: 170/105 corrected to 125/80 the same day → screened, not hypertensive.
  a13: [...adult(2025), reg(PRODUKTIF, 2026, 1), got(PTM, 2026, 1, 6), visits('posyandu', 2026, { 6: 1 })],
};

const byId = new Map(FIXTURE_DISTRICT.people.map((p) => [p.id, p]));
const rowsOf = (id: string, years = YEARS, e: EvaluateEnv = env) => evaluatePerson(fixtureInput(byId.get(id)!), years, e);

describe('fixture district: every person, every indicator, by hand', () => {
  it('has an expectation for every fixture person', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(FIXTURE_DISTRICT.people.map((p) => p.id).sort());
  });

  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`${id}: ${byId.get(id)?.name}`, () => {
      expect(sorted(rowsOf(id).map(shape))).toEqual(sorted(expected));
    });
  }

  it('produces every catalogue indicator at least once, and morbidity rows', () => {
    const produced = new Set(fixtureInputs().flatMap((i) => evaluatePerson(i, YEARS, env)).map((r) => r.indicator));
    const missing = INDICATORS.map((d) => d.id).filter((id) => !produced.has(id));
    expect(missing).toEqual([]);
    expect([...produced].filter(isMorbidityId).sort()).toEqual(['dx:A15', 'dx:A54', 'dx:E11', 'dx:F20', 'dx:I10', 'dx:O03', 'dx:Z03']);
  });

  it('totals of 2026 for the SPM (register / numerator), summed from the people above', () => {
    const rows = fixtureInputs().flatMap((i) => evaluatePerson(i, [2026], env));
    const total = (id: string) => ({
      reg: rows.filter((r) => r.indicator === id && r.registerMonth !== null).length,
      num: rows.filter((r) => r.indicator === id && r.numeratorMonth !== null).length,
    });
    // Ibu hamil: m1–m5 in the register; only Ani met the standard.
    expect(total(HAMIL)).toEqual({ reg: 5, num: 1 });
    // Bersalin: Ani, Citra, Dewi (HPL), Eka; Fitri miscarried. Only Ani in a facility with a health worker.
    expect(total(BERSALIN)).toEqual({ reg: 4, num: 1 });
    expect(total('k2-persalinan-faskes')).toEqual({ reg: 4, num: 2 });
    // Newborns of 2026: Aisyah, Bayu, Nur; Aisyah complete.
    expect(total(BBL)).toEqual({ reg: 3, num: 1 });
    // Balita 2026: Aisyah, Bayu, Nur, Rafi, Sari, Wawan, Putri; Aisyah met the prorated standard.
    expect(total(BALITA)).toEqual({ reg: 7, num: 1 });
    // Grades 1–9: Adi, Nia, Andi; Adi screened.
    expect(total(DIKDAS)).toEqual({ reg: 3, num: 1 });
    // 15–59 in 2026: m1–m5, Nia (from Sep), Rina, Joko, Sri, Made, Tono, Yuni, Rudi, Lina, Andi (from Jul), Fajar = 16; Joko, Sri, Andi screened.
    expect(total(PRODUKTIF)).toEqual({ reg: 16, num: 3 });
    // ≥ 60 in 2026: Sri (from Aug), Hasan, Wati; Sri and Hasan screened.
    expect(total(LANSIA)).toEqual({ reg: 3, num: 2 });
    expect(total(HT)).toEqual({ reg: 2, num: 2 });
    expect(total(DM)).toEqual({ reg: 2, num: 2 });
    expect(total(ODGJ)).toEqual({ reg: 1, num: 1 });
    expect(total(TB)).toEqual({ reg: 2, num: 2 });
    // HIV risk 2026: pregnancies m1–m5, Tono (TB), Lina (STI); tested: Ani, Dewi, Tono, Lina.
    expect(total(HIV)).toEqual({ reg: 7, num: 4 });
  });
});

describe('fixture details: age band and the place that served', () => {
  const row = (person: string, id: string, year: number) => rowsOf(person).find((r) => r.indicator === id && r.year === year)!;

  it('age band at the row\'s first month', () => {
    expect(row('a2', LANSIA, 2026).ageBand).toBe('45-59'); // register from August: 59 on 1 Aug 2026
    expect(row('a12', PTM, 2025).ageBand).toBe('45-59');
    expect(row('a12', PTM, 2026).ageBand).toBe('60+');
    expect(row('b4', 'k2-idl', 2026).ageBand).toBe('0');
    expect(row('b5', 'k2-skdn-s', 2026).ageBand).toBe('1-4');
    expect(row('s1', DIKDAS, 2026).ageBand).toBe('5-14');
    expect(row('a11', 'visit-posyandu', 2026).ageBand).toBe('5-14'); // first visit at 14
  });

  it('facility of the first qualifying service', () => {
    expect(row('m1', HAMIL, 2026).facilityId).toBe('fx-pustu'); // the 6th contact completed the standard
    expect(row('m1', 'k2-k1', 2026).facilityId).toBe('fx-pkm');
    expect(row('m4', 'k2-persalinan-faskes', 2026).facilityId).toBe('fx-rs');
    expect(row('a5', 'k4-tb-ik', 2026).facilityId).toBe('fx-pustu'); // home visit by the Pustu
    expect(row('m2', HAMIL, 2026).facilityId).toBeNull();
  });

  it('sex is copied to every row', () => {
    expect(new Set(rowsOf('a3').map((r) => r.sex))).toEqual(new Set(['M']));
  });
});

describe('boundaries', () => {
  const base = (over: Partial<IndicatorInput['person']> = {}): IndicatorInput['person'] =>
    ({ id: 'x', sex: 'F', birthDate: '2021-04-15', status: 'alive', statusDate: null, ...over });
  let seq = 0;
  const weight = (date: string, kg: number) => ({ id: `w${++seq}`, codeSystem: 'loinc', code: '29463-7', occurredOn: date, valueNum: kg });

  it('a child is a balita until the day before 60 months', () => {
    const input: IndicatorInput = { person: base(), events: [weight('2026-03-14', 17.0), weight('2026-04-14', 17.3)], visits: [] };
    const d = evaluatePerson(input, [2026], env).find((r) => r.indicator === 'k2-skdn-d')!;
    expect(months(d.monthsServed)).toEqual([3, 4]);
    const late: IndicatorInput = { person: base(), events: [weight('2026-03-14', 17.0), weight('2026-04-15', 17.3)], visits: [] };
    expect(months(evaluatePerson(late, [2026], env).find((r) => r.indicator === 'k2-skdn-d')!.monthsServed)).toEqual([3]);
    expect(months(evaluatePerson(late, [2026], env).find((r) => r.indicator === 'k2-skdn-s')!.monthsServed)).toEqual([1, 2, 3, 4]);
  });

  it('a child born on 31 December is in that year\'s registers only from December', () => {
    const rows = evaluatePerson({ person: base({ birthDate: '2025-12-31' }), events: [], visits: [] }, [2025, 2026], env);
    const bbl = rows.filter((r) => r.indicator === BBL).map((r) => [r.year, r.registerMonth]);
    // Neonatal days 0–28 run to 28 Jan 2026: both years.
    expect(bbl).toEqual([[2025, 12], [2026, 1]]);
  });

  it('15 and 60 years open and close the usia produktif register', () => {
    const at15 = evaluatePerson({ person: base({ birthDate: '2011-01-01' }), events: [], visits: [] }, [2025, 2026], env);
    expect(at15.filter((r) => r.indicator === PRODUKTIF).map((r) => [r.year, r.registerMonth])).toEqual([[2026, 1]]);
    const at60 = evaluatePerson({ person: base({ birthDate: '1966-12-31' }), events: [], visits: [] }, [2026, 2027], env);
    expect(at60.filter((r) => r.indicator === PRODUKTIF).map((r) => [r.year, r.registerMonth])).toEqual([[2026, 1]]);
    expect(at60.filter((r) => r.indicator === LANSIA).map((r) => [r.year, r.registerMonth])).toEqual([[2026, 12], [2027, 1]]);
  });

  it('a service on 31 December counts in that year, on 1 January in the next', () => {
    const bp = (id: string, date: string) => ({ id, codeSystem: 'loinc', code: '85354-9', occurredOn: date, value: { systolic: 120, diastolic: 80 } });
    const rows = evaluatePerson({ person: base({ birthDate: '1980-01-01' }), events: [bp('a', '2025-12-31'), bp('b', '2026-01-01')], visits: [] }, [2025, 2026], env);
    expect(rows.filter((r) => r.indicator === PTM).map((r) => [r.year, r.numeratorMonth])).toEqual([[2025, 12], [2026, 1]]);
  });

  it('a correction that supersedes an event changes the count', () => {
    const fajar = fixtureInput(byId.get('a13')!);
    const withoutFix: IndicatorInput = { ...fajar, events: fajar.events.filter((e) => e.id !== 'a13-bp-fix') };
    const ht = (input: IndicatorInput) => evaluatePerson(input, [2026], env).find((r) => r.indicator === HT);
    expect(ht(withoutFix)).toMatchObject({ registerMonth: 6, numeratorMonth: 6 });
    expect(ht(fajar)).toBeUndefined();
  });

  it('death and moving close the registers at the status date', () => {
    const died = evaluatePerson({ person: base({ birthDate: '1950-05-05', sex: 'M', status: 'deceased', statusDate: '2026-03-31' }), events: [], visits: [] }, [2026], env);
    expect(died.filter((r) => r.indicator === LANSIA).map((r) => r.registerMonth)).toEqual([1]);
    const diedBefore = evaluatePerson({ person: base({ birthDate: '1950-05-05', status: 'deceased', statusDate: '2025-12-31' }), events: [], visits: [] }, [2026], env);
    expect(diedBefore).toEqual([]);
  });
});

describe('evaluation properties', () => {
  it('is deterministic and independent of the order of years and events', () => {
    for (const input of fixtureInputs()) {
      const a = evaluatePerson(input, [2025, 2026], env);
      const b = evaluatePerson({ ...input, events: [...input.events].reverse(), visits: [...input.visits].reverse() }, [2026, 2025], env);
      const key = (r: PersonIndicatorRow) => `${r.indicator}|${r.year}`;
      expect([...b].sort((x, y) => (key(x) < key(y) ? -1 : 1))).toEqual([...a].sort((x, y) => (key(x) < key(y) ? -1 : 1)));
    }
  });

  it('a year evaluated alone equals its rows in a two-year evaluation', () => {
    for (const input of fixtureInputs()) {
      const both = evaluatePerson(input, [2025, 2026], env).filter((r) => r.year === 2026);
      expect(evaluatePerson(input, [2026], env)).toEqual(both);
    }
  });

  it('nothing for no years; register rows only for a person without events', () => {
    expect(evaluatePerson(fixtureInput(byId.get('m1')!), [], env)).toEqual([]);
    const rows = evaluatePerson({ person: { id: 'n', sex: 'M', birthDate: '1990-01-01', status: 'alive', statusDate: null }, events: [], visits: [] }, [2026], env);
    expect(rows.map((r) => [r.indicator, r.registerMonth, r.numeratorMonth]).sort()).toEqual([[PTM, 1, null], [PRODUKTIF, 1, null]].sort());
  });

  it('follows the district settings: IDL without MR1 is complete at the 4-month doses', () => {
    const settings: ProtocolSettings = {
      ...DEFAULT_SETTINGS,
      immunization: { ...DEFAULT_SETTINGS.immunization, idlItems: DEFAULT_SETTINGS.immunization.idlItems.filter((i) => i !== 'imm.mr-1') },
    };
    const rows = rowsOf('b4', YEARS, { ...env, settings });
    expect(rows.filter((r) => r.indicator === 'k2-idl').map((r) => [r.year, r.registerMonth, r.numeratorMonth])).toEqual([[2025, 6, 10]]);
  });
});

describe('ageBandAt', () => {
  it('completed years on the date', () => {
    expect(ageBandAt('2026-03-01', '2026-03-01')).toBe('0');
    expect(ageBandAt('2025-03-01', '2026-02-28')).toBe('0');
    expect(ageBandAt('2025-03-01', '2026-03-01')).toBe('1-4');
    expect(ageBandAt('2021-03-01', '2026-03-01')).toBe('5-14');
    expect(ageBandAt('2011-07-01', '2026-06-30')).toBe('5-14');
    expect(ageBandAt('2011-07-01', '2026-07-01')).toBe('15-44');
    expect(ageBandAt('1981-07-01', '2026-07-01')).toBe('45-59');
    expect(ageBandAt('1966-01-01', '2025-12-31')).toBe('45-59');
    expect(ageBandAt('1966-01-01', '2026-01-01')).toBe('60+');
    expect(ageBandAt('2026-05-01', '2026-03-01')).toBe('0'); // not yet born on the date
    expect(() => ageBandAt('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

describe('random histories keep the row invariants', () => {
  // A small deterministic generator (mulberry32) over the codes the evaluator reads.
  function rng(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const CODES: Array<[string, string, Record<string, unknown> | null, number | null, string]> = [
    ['loinc', '29463-7', null, 9, 'measurement'], ['loinc', '8306-3', null, 70, 'measurement'], ['loinc', '85354-9', { systolic: 150, diastolic: 95 }, null, 'measurement'],
    ['loinc', '2345-7', null, 230, 'measurement'], ['service', 'anc', { provider: 'doctor' }, null, 'service'], ['service', 'anc', { provider: 'midwife' }, null, 'service'],
    ['service', 'usg', {}, null, 'service'], ['service', 'KF', {}, null, 'service'], ['service', 'KN', {}, null, 'service'], ['service', 'lab-hiv', {}, null, 'service'],
    ['service', 'ttd', {}, 1, 'service'], ['service', 'school-screening', {}, null, 'service'], ['service', 'tb-contact-investigation', {}, null, 'service'],
    ['antigen', 'OPV', { dose: 1 }, null, 'immunization'], ['antigen', 'MR', { dose: 1 }, null, 'immunization'], ['icd10', 'I10', null, null, 'diagnosis'],
    ['icd10', 'A15.0', null, null, 'diagnosis'], ['icd10', 'F20.0', null, null, 'diagnosis'], ['icd10', 'J06.9', null, null, 'diagnosis'],
    ['questionnaire', 'tb-symptoms', { answers: {}, result: { band: 'terduga' } }, 1, 'screening'], ['questionnaire', 'skilas', { answers: {}, result: { band: 'normal' } }, 0, 'screening'],
  ];
  const PLACES = ['posyandu', 'pustu', 'puskesmas', 'home', 'school', 'other'];
  const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const DAY_2024 = 19723; // 2024-01-01

  it('for 400 random people', () => {
    const next = rng(20261123);
    for (let i = 0; i < 400; i++) {
      const birth = iso(DAY_2024 - Math.floor(next() * 80 * 365));
      const events: IndicatorEvent[] = [];
      const visitRows: IndicatorVisit[] = [];
      const n = Math.floor(next() * 25);
      const female = next() < 0.5;
      if (female && next() < 0.4) events.push({ id: `r${i}-preg`, codeSystem: 'icd10', code: 'Z34', kind: 'condition', occurredOn: iso(DAY_2024 + 200), value: { lmp: iso(DAY_2024 + 150) } });
      for (let k = 0; k < n; k++) {
        const [system, code, value, valueNum, kind] = CODES[Math.floor(next() * CODES.length)]!;
        const day = DAY_2024 + Math.floor(next() * 1000);
        const place = PLACES[Math.floor(next() * PLACES.length)]!;
        if (iso(day) < birth) continue;
        events.push({ id: `r${i}-${k}`, codeSystem: system, code, kind, occurredOn: iso(day), value, valueNum, placeKind: place, facilityId: `f${k % 3}` });
        visitRows.push({ id: `r${i}-v${k}`, occurredOn: iso(day), placeKind: place, facilityId: `f${k % 3}` });
      }
      if (events.length > 2 && next() < 0.2) events.push({ ...events[0]!, id: `r${i}-fix`, supersedesId: events[0]!.id, valueNum: 1 });
      const person = { id: `r${i}`, sex: (female ? 'F' : 'M') as 'M' | 'F', birthDate: birth, status: next() < 0.05 ? 'deceased' : 'alive', statusDate: iso(DAY_2024 + 700) };
      const input: IndicatorInput = { person: { ...person, statusDate: person.status === 'alive' ? null : person.statusDate }, events, visits: visitRows };
      const rows = evaluatePerson(input, [2025, 2026], env);
      expect(evaluatePerson(input, [2025, 2026], env)).toEqual(rows);
      const seen = new Set<string>();
      for (const r of rows) {
        const key = `${r.indicator}|${r.year}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
        expect([2025, 2026]).toContain(r.year);
        for (const m of [r.registerMonth, r.numeratorMonth]) if (m !== null) expect(m >= 1 && m <= 12).toBe(true);
        expect(r.registerMonth !== null || r.numeratorMonth !== null || r.monthsServed !== 0, key).toBe(true);
        if (r.numeratorMonth !== null) expect(r.monthsServed & (1 << (r.numeratorMonth - 1)), key).not.toBe(0);
        if (r.monthsServed) expect(r.numeratorMonth, key).toBe(months(r.monthsServed)[0]);
        const def = INDICATORS.find((d) => d.id === r.indicator);
        if (def?.kind === 'coverage' && r.numeratorMonth !== null) {
          // Served people are in the register of the same year, entered no later than served.
          expect(r.registerMonth, key).not.toBeNull();
          expect(r.registerMonth!, key).toBeLessThanOrEqual(r.numeratorMonth);
        }
        if (def?.countsOccurrences) expect(r.counts!.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
        else expect(r.counts).toBeNull();
        if (!def) expect(isMorbidityId(r.indicator), r.indicator).toBe(true);
      }
    }
  });
});

describe('helpers', () => {
  it('evaluation years: the current and the previous', () => {
    expect(evaluationYears('2026-11-23')).toEqual([2025, 2026]);
    expect(evaluationYears('2027-01-01')).toEqual([2026, 2027]);
    expect(() => evaluationYears('2026-13-01')).toThrow(RangeError);
  });
  it('served months from the bit set', () => {
    expect(servedMonths(0)).toEqual([]);
    expect(servedMonths(0b100000000101)).toEqual([1, 3, 12]);
  });
});
