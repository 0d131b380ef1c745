/**
 * The fixture district for the indicator tests (issue 5): a few dozen
 * residents of one desa (Tongauna, Kecamatan Tongauna, Kabupaten Konawe)
 * with known histories over 2025–2026, chosen so every indicator of the
 * catalogue has people in and out of its numerator and register, with the
 * boundaries that matter (the day a child turns 60 months, 15 and 60 years,
 * 31 December / 1 January, a correction, a death and a move).
 *
 * Events are written as the visit API takes them (kind, system, code,
 * valueNum, value; EventInput in core/records/types.ts), grouped by visit,
 * so the server can load the same district through the real API. A baby
 * born of a recorded delivery is listed as its own person with
 * `bornOfDelivery` (the delivery event id) and the birth's name: a loader
 * links the person the delivery registers instead of creating a second one.
 * `fixtureInputs()` turns the district into what evaluatePerson reads, as
 * the server would store it: each event checked and normalised by the visit
 * API's validator (it throws on an event the API would refuse),
 * questionnaires scored, a delivery's place kind from its value, every
 * event carrying its visit's place and facility.
 * Expected values: evaluate.test.ts.
 */
import type { PlaceKind } from '../protocol/types';
import { scoreAnswers } from '../records/screening';
import type { EventInput, EventKind } from '../records/types';
import { checkEvent, deliveryPlaceKind } from '../records/validate';
import type { IsoDate } from '../time/dates';
import type { IndicatorEvent, IndicatorInput, IndicatorVisit } from './types';

export interface FixtureEvent {
  id: string;
  kind: EventKind;
  system: string;
  code: string;
  valueNum?: number | null;
  value?: Record<string, unknown> | null;
  unit?: string | null;
  supersedesId?: string | null;
}

export interface FixtureVisit {
  id: string;
  occurredOn: IsoDate;
  placeKind: PlaceKind;
  facilityId: string;
  events: FixtureEvent[];
}

export interface FixturePerson {
  id: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: IsoDate;
  status: 'alive' | 'deceased' | 'moved';
  statusDate: IsoDate | null;
  /** Domicile under the desa: RW and RT. */
  rw: string;
  rt: string;
  motherId?: string;
  /** The delivery event that registered this baby (its `births[]` entry has the same name). */
  bornOfDelivery?: string;
  visits: FixtureVisit[];
}

/** Facilities of the fixture: the Puskesmas, the desa's Pustu and Posyandu, a hospital. */
export const FIXTURE_FACILITIES = {
  puskesmas: { id: 'fx-pkm', kind: 'puskesmas', name: 'Puskesmas Tongauna' },
  pustu: { id: 'fx-pustu', kind: 'pustu', name: 'Pustu Tongauna' },
  posyandu: { id: 'fx-posyandu', kind: 'posyandu', name: 'Posyandu Anggrek' },
  hospital: { id: 'fx-rs', kind: 'hospital', name: 'RSUD Konawe' },
} as const;

/** Who serves at each visit place: home visits by the Pustu, school health by the Puskesmas (UKS/M), `other` at the hospital. */
const FACILITY_OF: Record<PlaceKind, string> = {
  puskesmas: FIXTURE_FACILITIES.puskesmas.id, pustu: FIXTURE_FACILITIES.pustu.id, posyandu: FIXTURE_FACILITIES.posyandu.id,
  home: FIXTURE_FACILITIES.pustu.id, school: FIXTURE_FACILITIES.puskesmas.id, other: FIXTURE_FACILITIES.hospital.id,
};

type Ev = Omit<FixtureEvent, 'id'> & { id?: string };

// Event constructors in the API's shape (the same codes the field app sends).
const w = (kg: number): Ev => ({ kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: kg, unit: 'kg' });
const len = (cm: number, position: 'l' | 'h'): Ev => ({ kind: 'measurement', system: 'loinc', code: position === 'l' ? '8306-3' : '8302-2', valueNum: cm, unit: 'cm', value: { position } });
const bp = (systolic: number, diastolic: number, id?: string, supersedesId?: string): Ev => ({
  kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic, diastolic }, ...(id ? { id } : {}), ...(supersedesId ? { supersedesId } : {}),
});
const glucose = (code: string, mgDl: number): Ev => ({ kind: 'measurement', system: 'loinc', code, valueNum: mgDl, unit: 'mg/dL' });
const vac = (code: string, dose: number): Ev => ({ kind: 'immunization', system: 'antigen', code, value: { dose } });
const anc = (provider: 'doctor' | 'midwife'): Ev => ({ kind: 'service', system: 'service', code: 'anc', value: { provider } });
const svc = (code: string, value: Record<string, unknown> = {}, valueNum?: number): Ev => ({ kind: 'service', system: 'service', code, value, ...(valueNum !== undefined ? { valueNum } : {}) });
const dx = (code: string): Ev => ({ kind: 'diagnosis', system: 'icd10', code });
const pregnancy = (lmp: IsoDate): Ev => ({ kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp } });
const delivery = (id: string, value: Record<string, unknown>): Ev => ({ id, kind: 'delivery', system: 'service', code: 'delivery', value });
const questionnaire = (code: string, answers: Record<string, unknown>): Ev => ({ kind: 'screening', system: 'questionnaire', code, value: { answers } });

const SKILAS_OK = {
  cognitive: { recallFailed: false, orientationFailed: false }, mobility: { chairStandSeconds: 11 },
  malnutrition: { weightLoss: false, appetiteLoss: false }, vision: { eyeProblem: false, fingerCountFailed: false },
  hearing: { whisperFailed: false }, depression: { sad: false, littleInterest: false },
};
const SKILAS_REFER = { ...SKILAS_OK, vision: { eyeProblem: true, fingerCountFailed: false } };
const NO_TB_SIGNS = { coughWeeks: 0, feverWeeks: 0, feverRecurrent: false, weightFaltering: false, lethargy: false, extrapulmonarySigns: false, closeContact: false };
const skilas = (answers = SKILAS_OK) => questionnaire('skilas', answers);
const tbScreen = (signs: Partial<typeof NO_TB_SIGNS> = {}) => questionnaire('tb-symptoms', { ...NO_TB_SIGNS, ...signs });

/** A person with visits; event ids are `<person>-e<n>` unless given. */
function person(p: Omit<FixturePerson, 'visits' | 'status' | 'statusDate' | 'rw' | 'rt'> & Partial<Pick<FixturePerson, 'status' | 'statusDate' | 'rw' | 'rt'>>, visits: Array<[IsoDate, PlaceKind, Ev[]]>): FixturePerson {
  let n = 0;
  return {
    status: 'alive', statusDate: null, rw: '001', rt: '001', ...p,
    visits: visits.map(([occurredOn, placeKind, events], i) => ({
      id: `${p.id}-v${i + 1}`, occurredOn, placeKind, facilityId: FACILITY_OF[placeKind],
      events: events.map((e) => ({ ...e, id: e.id ?? `${p.id}-e${++n}` })),
    })),
  };
}

/** The evaluated years and the fixture's "today". */
export const FIXTURE_YEARS = [2025, 2026] as const;
export const FIXTURE_TODAY: IsoDate = '2026-11-23';

const PEOPLE: FixturePerson[] = [
  // ── Pregnancies ───────────────────────────────────────────────────────────
  // Ani: six contacts 1-2-3 with the doctor and USG at K1 and K5, HIV test; facility delivery, KF1–KF4 in their windows.
  person({ id: 'm1', name: 'Ani Lestari', sex: 'F', birthDate: '1996-05-10' }, [
    ['2026-01-10', 'puskesmas', [pregnancy('2025-12-01'), anc('doctor'), svc('usg'), svc('lab-hiv', { result: 'non-reaktif' })]],
    ['2026-03-20', 'pustu', [anc('midwife')]],
    ['2026-05-01', 'pustu', [anc('midwife')]],
    ['2026-06-20', 'puskesmas', [anc('doctor'), svc('usg')]],
    ['2026-07-20', 'pustu', [anc('midwife')]],
    ['2026-08-20', 'pustu', [anc('midwife')]],
    ['2026-09-05', 'puskesmas', [delivery('m1-delivery', { place: 'facility', facilityKind: 'puskesmas', attendant: 'midwife', outcome: 'live-birth', births: [{ sex: 'F', name: 'Aisyah' }] })]],
    ['2026-09-06', 'puskesmas', [svc('KF')]],
    ['2026-09-10', 'home', [svc('KF')]],
    ['2026-09-20', 'pustu', [svc('KF')]],
    ['2026-10-10', 'pustu', [svc('KF')]],
  ]),
  // Citra: five contacts (two in TM3), home delivery, only KF1; a home visit with a note.
  person({ id: 'm2', name: 'Citra Dewi', sex: 'F', birthDate: '1990-02-14', rt: '002' }, [
    ['2026-02-10', 'puskesmas', [pregnancy('2026-01-05'), anc('doctor'), svc('usg')]],
    ['2026-04-10', 'pustu', [anc('midwife')]],
    ['2026-05-15', 'pustu', [anc('midwife')]],
    ['2026-07-01', 'puskesmas', [anc('doctor'), svc('usg')]],
    ['2026-08-01', 'pustu', [anc('midwife')]],
    ['2026-09-15', 'home', [{ kind: 'note', system: 'service', code: 'note', value: { text: 'Kunjungan rumah: persiapan persalinan' } }]],
    ['2026-10-10', 'home', [delivery('m2-delivery', { place: 'home', attendant: 'midwife', outcome: 'live-birth', births: [{ sex: 'M', name: 'Bayu' }] })]],
    ['2026-10-11', 'home', [svc('KF')]],
  ]),
  // Dewi: six contacts 1-2-3 but no doctor in TM3; HIV tested at K1; no delivery recorded (HPL 2026-11-08).
  person({ id: 'm3', name: 'Dewi Sartika', sex: 'F', birthDate: '1998-07-07' }, [
    ['2026-03-01', 'puskesmas', [pregnancy('2026-02-01'), anc('doctor'), svc('usg'), svc('lab-hiv')]],
    ['2026-05-05', 'pustu', [anc('midwife')]],
    ['2026-06-20', 'pustu', [anc('midwife')]],
    ['2026-08-01', 'pustu', [anc('midwife')]],
    ['2026-09-01', 'pustu', [anc('midwife')]],
    ['2026-10-01', 'pustu', [anc('midwife')]],
  ]),
  // Eka: no ANC recorded; delivered at the hospital at 39 weeks (attendant "other"); KF4 late.
  person({ id: 'm4', name: 'Eka Putri', sex: 'F', birthDate: '1985-11-20', rw: '002' }, [
    ['2026-03-15', 'other', [delivery('m4-delivery', { place: 'facility', facilityKind: 'other', attendant: 'other', outcome: 'live-birth', gestationalAgeWeeks: 39, births: [{ sex: 'F', name: 'Nur' }] })]],
    ['2026-03-16', 'other', [svc('KF')]],
    ['2026-03-20', 'pustu', [svc('KF')]],
    ['2026-04-01', 'pustu', [svc('KF')]],
    ['2026-05-10', 'pustu', [svc('KF')]],
  ]),
  // Fitri: registered, one contact, then a miscarriage (no delivery in the bersalin register).
  person({ id: 'm5', name: 'Fitri Handayani', sex: 'F', birthDate: '2000-01-01', rw: '002' }, [
    ['2026-02-01', 'pustu', [pregnancy('2025-12-20'), anc('midwife')]],
    ['2026-03-10', 'puskesmas', [delivery('m5-delivery', { place: 'facility', facilityKind: 'puskesmas', attendant: 'doctor', outcome: 'abortion' }), dx('O03.9')]],
  ]),

  // ── Babies and balita ─────────────────────────────────────────────────────
  // Aisyah (Ani's baby): KN1–KN3 in their windows, weighed monthly and gaining.
  person({ id: 'b1', name: 'Aisyah', sex: 'F', birthDate: '2026-09-05', motherId: 'm1', bornOfDelivery: 'm1-delivery' }, [
    ['2026-09-05', 'puskesmas', [vac('HB0', 1), w(3.1), len(49, 'l')]],
    ['2026-09-06', 'puskesmas', [svc('KN')]],
    ['2026-09-10', 'home', [svc('KN')]],
    ['2026-09-20', 'pustu', [svc('KN'), vac('BCG', 1), vac('OPV', 1)]],
    ['2026-10-10', 'posyandu', [w(4.0)]],
    ['2026-11-10', 'posyandu', [w(4.9)]],
  ]),
  // Bayu (Citra's baby): only KN1.
  person({ id: 'b2', name: 'Bayu', sex: 'M', birthDate: '2026-10-10', motherId: 'm2', rt: '002', bornOfDelivery: 'm2-delivery' }, [
    ['2026-10-11', 'home', [svc('KN')]],
  ]),
  // Nur (Eka's baby): nothing recorded after birth.
  person({ id: 'b3', name: 'Nur', sex: 'F', birthDate: '2026-03-15', motherId: 'm4', rw: '002', bornOfDelivery: 'm4-delivery' }, []),
  // Rafi: basic immunization completed with MR1 at 9 months (2026-03-20); weighings B, T, N, O.
  person({ id: 'b4', name: 'Rafi Saputra', sex: 'M', birthDate: '2025-06-15' }, [
    ['2025-06-15', 'puskesmas', [vac('HB0', 1)]],
    ['2025-06-20', 'posyandu', [vac('BCG', 1), vac('OPV', 1)]],
    ['2025-08-15', 'posyandu', [vac('DPT-HB-Hib', 1), vac('OPV', 2)]],
    ['2025-09-15', 'posyandu', [vac('DPT-HB-Hib', 2), vac('OPV', 3)]],
    ['2025-10-15', 'posyandu', [vac('DPT-HB-Hib', 3), vac('OPV', 4), vac('IPV', 1)]],
    ['2026-01-10', 'posyandu', [w(8.0)]],
    ['2026-02-10', 'posyandu', [w(8.1), len(70, 'l')]],
    ['2026-03-20', 'puskesmas', [vac('MR', 1), w(8.6)]],
    ['2026-05-10', 'posyandu', [w(9.0)]],
  ]),
  // Sari: basic immunization complete in 2024, baduta boosters complete 2025-09-02; stunted at 23 months.
  person({ id: 'b5', name: 'Sari Wulandari', sex: 'F', birthDate: '2024-03-01', rt: '002' }, [
    ['2024-03-01', 'puskesmas', [vac('HB0', 1)]],
    ['2024-03-15', 'posyandu', [vac('BCG', 1), vac('OPV', 1)]],
    ['2024-05-02', 'posyandu', [vac('DPT-HB-Hib', 1), vac('OPV', 2), vac('PCV', 1)]],
    ['2024-06-03', 'posyandu', [vac('DPT-HB-Hib', 2), vac('OPV', 3), vac('PCV', 2)]],
    ['2024-07-03', 'posyandu', [vac('DPT-HB-Hib', 3), vac('OPV', 4), vac('IPV', 1)]],
    ['2024-12-02', 'posyandu', [vac('MR', 1)]],
    ['2025-03-05', 'posyandu', [vac('PCV', 3)]],
    ['2025-09-02', 'posyandu', [vac('DPT-HB-Hib', 4), vac('MR', 2)]],
    ['2026-02-10', 'posyandu', [w(10.0), len(78, 'l')]],
  ]),
  // Wawan: severely wasted and underweight in July, wasted and underweight in August (gaining).
  person({ id: 'b6', name: 'Wawan', sex: 'M', birthDate: '2023-05-20', rw: '002' }, [
    ['2026-07-10', 'posyandu', [w(10.4), len(92, 'h')]],
    ['2026-08-10', 'posyandu', [w(11.0), len(92.5, 'h')]],
  ]),
  // Putri: turns 60 months on 2026-04-15; the weighing that day is no longer a balita weighing.
  person({ id: 'b7', name: 'Putri Amelia', sex: 'F', birthDate: '2021-04-15' }, [
    ['2026-03-10', 'posyandu', [w(17.0), len(108, 'h')]],
    ['2026-04-14', 'posyandu', [w(17.1)]],
    ['2026-04-15', 'posyandu', [w(17.5)]],
  ]),

  // ── School age and adolescents ────────────────────────────────────────────
  // Adi: grade 3–4 (from age), school health check in August 2026.
  person({ id: 's1', name: 'Adi Nugroho', sex: 'M', birthDate: '2016-03-03' }, [
    ['2026-08-15', 'school', [svc('school-screening', { result: 'normal' })]],
  ]),
  // Nia: grade 6 → 7 in July 2025 (TTD from then), screened August 2025, TTD in January and February 2026; 15 on 2026-09-09.
  person({ id: 's2', name: 'Nia Ramadhani', sex: 'F', birthDate: '2011-09-09' }, [
    ['2025-08-10', 'school', [svc('school-screening', { result: 'normal' })]],
    ['2026-01-12', 'school', [svc('ttd', {}, 1)]],
    ['2026-01-19', 'school', [svc('ttd', {}, 1)]],
    ['2026-02-02', 'school', [svc('ttd', {}, 1)]],
  ]),
  // Rina: recorded in grade 12 (school year 2025/26), TTD in March 2026; out of school from July 2026.
  person({ id: 's3', name: 'Rina Marlina', sex: 'F', birthDate: '2008-01-20', rt: '002' }, [
    ['2025-08-01', 'school', [{ kind: 'service', system: 'service', code: 'school-grade', valueNum: 12 }]],
    ['2026-03-01', 'school', [svc('ttd', {}, 1)]],
  ]),

  // ── Adults and elderly ────────────────────────────────────────────────────
  // Joko: BP only in 2025; BP and weight in April 2026.
  person({ id: 'a1', name: 'Joko Susilo', sex: 'M', birthDate: '1980-06-01' }, [
    ['2025-11-10', 'posyandu', [bp(120, 78)]],
    ['2026-04-10', 'posyandu', [bp(122, 80), w(70)]],
  ]),
  // Sri: hypertensive by measurement at 59 (no diagnosis), turns 60 on 2026-08-17, SKILAS with BP in September.
  person({ id: 'a2', name: 'Sri Wahyuni', sex: 'F', birthDate: '1966-08-17', rt: '002' }, [
    ['2026-02-05', 'posyandu', [bp(160, 100), w(60)]],
    ['2026-03-05', 'pustu', [bp(150, 95)]],
    ['2026-09-01', 'posyandu', [skilas(), bp(135, 85)]],
  ]),
  // Hasan: hypertension diagnosed 2025-06-10 and followed; diabetes diagnosed 2026-02-15; SKILAS in May 2026.
  person({ id: 'a3', name: 'Hasan Basri', sex: 'M', birthDate: '1955-01-10' }, [
    ['2025-06-10', 'puskesmas', [dx('I10'), bp(150, 95)]],
    ['2026-01-15', 'puskesmas', [dx('I10'), bp(145, 90)]],
    ['2026-02-15', 'puskesmas', [dx('E11.9'), glucose('2345-7', 250), bp(140, 90)]],
    ['2026-05-15', 'posyandu', [bp(138, 88), skilas(SKILAS_REFER), glucose('41653-7', 180)]],
  ]),
  // Made: diabetes found by a fasting laboratory glucose (no diagnosis recorded).
  person({ id: 'a4', name: 'Made Wirawan', sex: 'M', birthDate: '1970-12-12', rw: '002' }, [
    ['2026-07-07', 'puskesmas', [glucose('1558-6', 140)]],
  ]),
  // Tono: presumptive TB in March, TB confirmed, HIV tested, contacts investigated at home.
  person({ id: 'a5', name: 'Tono Hartono', sex: 'M', birthDate: '1988-04-04', rw: '002' }, [
    ['2026-03-03', 'posyandu', [tbScreen({ coughWeeks: 3 })]],
    ['2026-03-20', 'puskesmas', [dx('A15.0')]],
    ['2026-03-25', 'puskesmas', [svc('lab-hiv')]],
    ['2026-04-02', 'home', [svc('tb-contact-investigation')]],
  ]),
  // Yuni: presumptive TB on 2025-12-20, ruled out (Z03.0) on 2026-01-10; screened negative in October.
  person({ id: 'a6', name: 'Yuni Kartika', sex: 'F', birthDate: '1975-05-05' }, [
    ['2025-12-20', 'posyandu', [tbScreen({ feverWeeks: 3 })]],
    ['2026-01-10', 'puskesmas', [dx('Z03.0')]],
    ['2026-10-01', 'posyandu', [tbScreen()]],
  ]),
  // Rudi: schizophrenia diagnosed 2025-09-01, seen again in February and June 2026.
  person({ id: 'a7', name: 'Rudi Hermawan', sex: 'M', birthDate: '1992-02-02' }, [
    ['2025-09-01', 'puskesmas', [dx('F20.0')]],
    ['2026-02-01', 'puskesmas', [dx('F20.0')]],
    ['2026-06-01', 'pustu', [dx('F20.0')]],
  ]),
  // Lina: an STI diagnosis and an HIV test the same day.
  person({ id: 'a8', name: 'Lina Marlina', sex: 'F', birthDate: '1994-10-10', rw: '002' }, [
    ['2026-05-05', 'puskesmas', [dx('A54.9'), svc('lab-hiv')]],
  ]),
  // Umar: screened in November 2025, died 2025-12-15.
  person({ id: 'a9', name: 'Umar Said', sex: 'M', birthDate: '1940-03-03', status: 'deceased', statusDate: '2025-12-15' }, [
    ['2025-11-10', 'posyandu', [skilas(), bp(130, 80)]],
  ]),
  // Siti: moved away 2025-12-15; a later visit elsewhere is not this desa's.
  person({ id: 'a10', name: 'Siti Aminah', sex: 'F', birthDate: '2000-06-06', status: 'moved', statusDate: '2025-12-15' }, [
    ['2026-02-01', 'posyandu', [bp(120, 80)]],
  ]),
  // Andi: turns 15 on 2026-07-01 — the BP the day before is not an adult screening, the one on the birthday is.
  person({ id: 'a11', name: 'Andi Saputra', sex: 'M', birthDate: '2011-07-01' }, [
    ['2026-06-30', 'posyandu', [bp(110, 70)]],
    ['2026-07-01', 'posyandu', [bp(112, 72), w(50)]],
  ]),
  // Wati: turns 60 on 2026-01-01 — screened at 59 on 31 December, BP at 60 on 1 January.
  person({ id: 'a12', name: 'Wati Sulastri', sex: 'F', birthDate: '1966-01-01' }, [
    ['2025-12-31', 'posyandu', [bp(118, 76), w(55)]],
    ['2026-01-01', 'posyandu', [bp(120, 80)]],
  ]),
  // Fajar: a BP typed as 170/105 and corrected the same day to 125/80.
  person({ id: 'a13', name: 'Fajar Ramadhan', sex: 'M', birthDate: '1985-08-08' }, [
    ['2026-06-01', 'posyandu', [bp(170, 105, 'a13-bp-typo'), bp(125, 80, 'a13-bp-fix', 'a13-bp-typo')]],
  ]),
];

export interface FixtureDistrict {
  kabCode: string;
  kecamatanCode: string;
  desaCode: string;
  desaName: string;
  facilities: typeof FIXTURE_FACILITIES;
  years: readonly number[];
  today: IsoDate;
  people: readonly FixturePerson[];
}

export const FIXTURE_DISTRICT: FixtureDistrict = {
  kabCode: '74.02',
  kecamatanCode: '74.02.15',
  desaCode: '74.02.15.1001',
  desaName: 'Tongauna',
  facilities: FIXTURE_FACILITIES,
  years: FIXTURE_YEARS,
  today: FIXTURE_TODAY,
  people: PEOPLE,
};

/**
 * An event as the server stores it: checked and normalised by the visit
 * API's own validator (canonical system, units, values), questionnaires
 * scored. A fixture event the API would refuse is a bug in the fixture.
 */
function stored(e: FixtureEvent, p: FixturePerson, on: IsoDate): { system: string; code: string; value: Record<string, unknown> | null; valueNum: number | null } {
  const input: EventInput = { id: e.id, kind: e.kind, system: e.system, code: e.code, valueNum: e.valueNum ?? null, value: e.value ?? null, unit: e.unit ?? null, supersedesId: e.supersedesId ?? null };
  const { event, issues } = checkEvent(input, 0, { person: { sex: p.sex, birthDate: p.birthDate }, occurredOn: on });
  if (!event || issues.length) throw new Error(`fixture event ${e.id} of ${p.id}: ${JSON.stringify(issues)}`);
  const answers = event.value?.answers;
  if (event.concept && answers !== undefined) {
    const { result } = scoreAnswers(event.concept, answers, { sex: p.sex, birthDate: p.birthDate, on }, 'value.answers');
    if (!result) throw new Error(`fixture questionnaire ${e.id} of ${p.id} does not score`);
    return { system: event.system, code: event.code, value: { ...event.value, result }, valueNum: result.score ?? null };
  }
  return { system: event.system, code: event.code, value: event.value, valueNum: event.valueNum };
}

/** One fixture person as evaluatePerson reads them. */
export function fixtureInput(p: FixturePerson): IndicatorInput {
  const events: IndicatorEvent[] = [];
  const visits: IndicatorVisit[] = [];
  for (const v of p.visits) {
    visits.push({ id: v.id, occurredOn: v.occurredOn, placeKind: v.placeKind, facilityId: v.facilityId });
    for (const e of v.events) {
      const { system, code, value, valueNum } = stored(e, p, v.occurredOn);
      events.push({
        id: e.id, codeSystem: system, code, occurredOn: v.occurredOn, valueNum, value, kind: e.kind,
        supersedesId: e.supersedesId ?? null,
        // The server stores a delivery under the place its value names (records.service.ts).
        placeKind: e.kind === 'delivery' ? deliveryPlaceKind(value) ?? v.placeKind : v.placeKind,
        facilityId: v.facilityId, visitId: v.id,
      });
    }
  }
  return { person: { id: p.id, sex: p.sex, birthDate: p.birthDate, status: p.status, statusDate: p.statusDate }, events, visits };
}

export function fixtureInputs(district: FixtureDistrict = FIXTURE_DISTRICT): IndicatorInput[] {
  return district.people.map(fixtureInput);
}
