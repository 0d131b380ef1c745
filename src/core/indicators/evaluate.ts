/**
 * Per-person indicator evaluation (docs/indicators.md "Counting rules"):
 * a person's events and visits → one row per indicator and calendar year
 * where the person is in the by-name register or was served. Pure and
 * deterministic: the server runs it in the visit's transaction and over the
 * whole district in a rebuild, so the work per person is proportional to
 * their own events (nothing is tabulated per call; the protocol-derived rules
 * are built once per settings object in rules.ts).
 *
 * Common rules:
 * - superseded events are dropped (activeEvents);
 * - a deceased or moved person (status date) is in no register after that
 *   date, and later events are ignored;
 * - a register "span" (age band, pregnancy, nifas, newborn days, an index
 *   case…) puts the person in the register of every evaluated year it
 *   overlaps, in the month it starts or January;
 * - a numerator counts in the year and month it was achieved.
 */
import type { Concept } from '../codes/concepts';
import { recognise } from '../codes/registry';
import { canonicalSystem, SYSTEM } from '../codes/systems';
import { DEFAULT_GROWTH_MONITORING, judgeWeighings, type GrowthMonitoringSettings } from '../anthropometry/growth-monitoring';
import type { GrowthReferences } from '../anthropometry/growth-references';
import type { PersonFacts } from '../lifecycle/person';
import { resolvePregnancy } from '../lifecycle/pregnancy';
import { gradeZeroYear } from '../lifecycle/school-grade';
import { addOffset, civilFromDay, completedMonthsAt, dayFromCivil, dayFromIso, daysInMonth, isoFromDay } from '../protocol/offset';
import { NAEGELE } from '../protocol/pregnancy';
import type { ProtocolSettings } from '../protocol/settings';
import { NIFAS_LAST_DAY } from '../protocol/stages';
import { readEvents, type ReadEvent } from '../record/events';
import { growthPoints } from '../record/growth';
import { vitalsView } from '../record/vitals';
import { activeEvents, personFactsFromEvents } from '../records/facts';
import { deliveryPlaceKind } from '../records/validate';
import { immunizationCoverage } from '../schedule/coverage';
import { eventFromRow, type EventRow } from '../schedule/event';
import { indexEvents, type EventIndex } from '../schedule/event-index';
import { distinctDays, firstInGroup, matchAll } from '../schedule/match';
import type { IsoDate } from '../time/dates';
import { morbidityIndicatorId, VISIT_INDICATOR_PLACES } from './catalogue';
import {
  BASIC_EDUCATION_GRADES, COMPETENT_ATTENDANTS, DIABETES_GLUCOSE_BAND, HYPERTENSIVE_BP_BANDS, ICD10_BLOCKS, indicatorRules,
  SPM_BALITA, type IndicatorRules,
} from './rules';
import type { AgeBand, IndicatorEvent, IndicatorInput, PersonIndicatorRow } from './types';

export interface EvaluateEnv {
  settings: ProtocolSettings;
  refs: GrowthReferences;
  /** KMS weighing judgement settings (KBM table); default the national defaults. */
  growthMonitoring?: GrowthMonitoringSettings;
}

const ID = {
  spmHamil: 'spm-01-ibu-hamil', spmBersalin: 'spm-02-ibu-bersalin', spmBbl: 'spm-03-bayi-baru-lahir', spmBalita: 'spm-04-balita',
  spmDikdas: 'spm-05-usia-pendidikan-dasar', spmProduktif: 'spm-06-usia-produktif', spmLansia: 'spm-07-usia-lanjut',
  spmHt: 'spm-08-hipertensi', spmDm: 'spm-09-diabetes', spmOdgj: 'spm-10-odgj-berat', spmTb: 'spm-11-terduga-tb', spmHiv: 'spm-12-risiko-hiv',
  k1: 'k2-k1', k6: 'k2-k6', faskes: 'k2-persalinan-faskes', kf: 'k2-kf-lengkap', kn: 'k2-kn-lengkap', idl: 'k2-idl', baduta: 'k2-baduta-lengkap',
  s: 'k2-skdn-s', d: 'k2-skdn-d', n: 'k2-skdn-n', t: 'k2-skdn-t', ds: 'k2-skdn-ds', nd: 'k2-skdn-nd',
  giziKurang: 'k2-gizi-kurang', giziBuruk: 'k2-gizi-buruk', bbKurang: 'k2-bb-kurang', stunting: 'k2-stunting', ttd: 'k2-ttd-remaja-putri',
  ptm: 'k3-ptm-skrining', htServed: 'k3-hipertensi-dilayani', dmServed: 'k3-diabetes-dilayani', skilas: 'k3-lansia-skilas',
  tbScreen: 'k4-tb-skrining', tbTerduga: 'k4-tb-terduga', tbIk: 'k4-tb-ik',
} as const;

/** The years the live counters keep: the current one and the one before (docs/indicators.md). */
export function evaluationYears(today: IsoDate): number[] {
  const day = dayFromIso(today);
  if (Number.isNaN(day)) throw new RangeError(`invalid date: ${today}`);
  const y = yearOf(day);
  return [y - 1, y];
}

/** The months (1–12) set in a row's `monthsServed`. */
export function servedMonths(bits: number): number[] {
  const out: number[] = [];
  for (let m = 1; m <= 12; m++) if (bits & (1 << (m - 1))) out.push(m);
  return out;
}

/** Age in completed years on a date → dashboard age band (types.ts AGE_BANDS). */
export function ageBandAt(birthDate: IsoDate, isoDate: IsoDate): AgeBand {
  const b = dayFromIso(birthDate);
  const d = dayFromIso(isoDate);
  if (Number.isNaN(b) || Number.isNaN(d)) throw new RangeError(`invalid date: ${Number.isNaN(b) ? birthDate : isoDate}`);
  return bandOfYears(d < b ? 0 : Math.floor(completedMonthsAt(b, d) / 12));
}

function bandOfYears(y: number): AgeBand {
  if (y < 1) return '0';
  if (y < 5) return '1-4';
  if (y < 15) return '5-14';
  if (y < 45) return '15-44';
  if (y < 60) return '45-59';
  return '60+';
}

/** An event in force, dated. */
interface Ev {
  e: IndicatorEvent;
  day: number;
  year: number;
  month: number;
  concept: Concept | null;
  icd: string | null;
}

interface Acc {
  row: PersonIndicatorRow;
  /** Day of the numerator service (earliest wins; picks its facility). */
  numDay: number;
}

const monthOf = (day: number): number => civilFromDay(day)[1];
const yearOf = (day: number): number => civilFromDay(day)[0];

/** The rows of one person, created on first touch. */
class Rows {
  /** One map per evaluated year (no string keys built per touch). */
  private readonly byYear = new Map<number, Map<string, Acc>>();
  constructor(private readonly sex: 'M' | 'F', readonly years: ReadonlySet<number>) {
    for (const y of years) this.byYear.set(y, new Map());
  }

  private acc(id: string, year: number): Acc | null {
    const map = this.byYear.get(year);
    if (!map) return null;
    let a = map.get(id);
    if (!a) {
      a = {
        row: { indicator: id, year, sex: this.sex, ageBand: '0', registerMonth: null, numeratorMonth: null, monthsServed: 0, counts: null, facilityId: null },
        numDay: Infinity,
      };
      map.set(id, a);
    }
    return a;
  }

  register(id: string, year: number, month: number): void {
    const a = this.acc(id, year);
    if (a && (a.row.registerMonth === null || month < a.row.registerMonth)) a.row.registerMonth = month;
  }

  /** A qualifying service on `day`: sets the month's bit; the earliest is the numerator. */
  served(id: string, day: number, facilityId: string | null | undefined): void {
    const [year, month] = civilFromDay(day);
    const a = this.acc(id, year);
    if (!a) return;
    a.row.monthsServed |= 1 << (month - 1);
    if (day < a.numDay) {
      a.numDay = day;
      a.row.numeratorMonth = month;
      a.row.facilityId = facilityId ?? null;
    }
  }

  count(id: string, day: number, facilityId: string | null | undefined): void {
    this.served(id, day, facilityId);
    const [year, month] = civilFromDay(day);
    const a = this.acc(id, year);
    if (!a) return;
    (a.row.counts ??= new Array<number>(12).fill(0))[month - 1]! += 1;
  }

  /** In the register in every evaluated year the inclusive day span overlaps. */
  span(id: string, from: number, to: number): void {
    if (!(from <= to)) return;
    const y0 = yearOf(from);
    const y1 = to === Infinity ? Infinity : yearOf(to);
    for (const y of this.years) {
      if (y < y0 || y > y1) continue;
      this.register(id, y, y === y0 ? monthOf(from) : 1);
    }
  }

  finish(birthDay: number): PersonIndicatorRow[] {
    const out: PersonIndicatorRow[] = [];
    for (const map of this.byYear.values()) for (const { row } of map.values()) {
      const first = row.registerMonth ?? row.numeratorMonth ?? (row.monthsServed ? 31 - Math.clz32(row.monthsServed & -row.monthsServed) + 1 : 1);
      const day = dayFromCivil(row.year, first, 1);
      row.ageBand = bandOfYears(day < birthDay ? 0 : Math.floor(completedMonthsAt(birthDay, day) / 12));
      out.push(row);
    }
    return out;
  }
}

const ICD10 = SYSTEM.icd10;
const ICD_CATEGORY = /^[A-Z][0-9]{2}/;

const inBlock = (cat: string, [lo, hi]: readonly [string, string]): boolean => cat >= lo && cat <= hi;

const resultBand = (v: unknown): string | null => {
  if (typeof v !== 'object' || v === null) return null;
  const r = (v as Record<string, unknown>).result;
  if (typeof r !== 'object' || r === null) return null;
  const b = (r as Record<string, unknown>).band;
  return typeof b === 'string' ? b : null;
};

/** Everything the domain sections share for one person. */
class Person {
  readonly birthDay: number;
  readonly exitDay: number;
  readonly evs: Ev[];
  private factsMemo: PersonFacts | undefined;
  private idxMemo: EventIndex | undefined;
  private readMemo: ReadEvent[] | undefined;
  private facilityMemo: Map<string, string | null> | undefined;

  constructor(readonly input: IndicatorInput, readonly rules: IndicatorRules, readonly horizonDay: number) {
    const p = input.person;
    this.birthDay = dayFromIso(p.birthDate);
    const status = p.status !== 'alive' && p.statusDate ? dayFromIso(p.statusDate) : NaN;
    this.exitDay = Number.isNaN(status) ? Infinity : status;
    const evs: Ev[] = [];
    for (const e of activeEvents(input.events)) {
      const day = dayFromIso(e.occurredOn);
      if (Number.isNaN(day) || day > this.exitDay || day < this.birthDay) continue;
      const [year, month] = civilFromDay(day);
      const isIcd = canonicalSystem(e.codeSystem) === ICD10;
      const icd = isIcd ? e.code.trim().toUpperCase() : null;
      evs.push({ e, day, year, month, concept: recognise(e.codeSystem, e.code)?.concept ?? null, icd });
    }
    evs.sort((a, b) => a.day - b.day || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
    this.evs = evs;
  }

  get active(): IndicatorEvent[] {
    return this.evs.map((x) => x.e);
  }

  facts(): PersonFacts {
    return (this.factsMemo ??= personFactsFromEvents({ sex: this.input.person.sex, birthDate: this.input.person.birthDate }, this.active));
  }

  /** The engine's event index (provider, place, dose), for protocol match groups. */
  index(): EventIndex {
    return (this.idxMemo ??= indexEvents(this.evs.map((x) => eventFromRow(rowOf(x.e))), this.horizonDay));
  }

  read(): ReadEvent[] {
    return (this.readMemo ??= readEvents(this.active));
  }

  facility(eventId: string): string | null {
    this.facilityMemo ??= new Map(this.evs.map((x) => [x.e.id, x.e.facilityId ?? null]));
    return this.facilityMemo.get(eventId) ?? null;
  }

  /** Inclusive end of a span capped at the person's exit. */
  cap(to: number): number {
    return Math.min(to, this.exitDay);
  }

  ageDay(o: Parameters<typeof addOffset>[1]): number {
    return addOffset(this.birthDay, o);
  }

  has(pred: (x: Ev) => boolean): boolean {
    for (const x of this.evs) if (pred(x)) return true;
    return false;
  }
}

/** A delivery stored without its place kind reads it from the delivery value, as the server stores it. */
function rowOf(e: IndicatorEvent): EventRow {
  if (e.placeKind == null && recognise(e.codeSystem, e.code)?.concept === 'delivery') {
    const v = typeof e.value === 'object' && e.value !== null ? (e.value as Record<string, unknown>) : null;
    return { ...e, placeKind: deliveryPlaceKind(v) };
  }
  return e;
}

export function evaluatePerson(input: IndicatorInput, years: readonly number[], env: EvaluateEnv): PersonIndicatorRow[] {
  if (years.length === 0) return [];
  const rules = indicatorRules(env.settings);
  const yearSet = new Set(years);
  const maxYear = Math.max(...years);
  const horizonDay = dayFromCivil(maxYear, 12, 31);
  const p = new Person(input, rules, horizonDay);
  if (Number.isNaN(p.birthDay)) return [];
  const rows = new Rows(input.person.sex, yearSet);

  visits(p, rows);
  morbidity(p, rows);
  ageRegisters(p, rows);
  children(p, rows, env);
  school(p, rows);
  if (input.person.sex === 'F' && p.has((x) => x.concept === 'pregnancy' || x.concept === 'delivery')) pregnancies(p, rows);
  newborn(p, rows);
  chronic(p, rows);
  tb(p, rows);
  hiv(p, rows);
  return rows.finish(p.birthDay);
}

const VISIT_ID_OF_PLACE: ReadonlyMap<string, string> = new Map(Object.entries(VISIT_INDICATOR_PLACES).map(([id, place]) => [place, id]));

function visits(p: Person, rows: Rows): void {
  for (const v of p.input.visits) {
    const id = VISIT_ID_OF_PLACE.get(v.placeKind);
    if (!id) continue;
    const day = dayFromIso(v.occurredOn);
    if (Number.isNaN(day) || day > p.exitDay) continue;
    rows.count(id, day, v.facilityId);
  }
}

/** People per ICD-10 category of a diagnosis (Dashboard Utama morbidity, LB1). */
function morbidity(p: Person, rows: Rows): void {
  for (const x of p.evs) {
    if (!x.icd || !ICD_CATEGORY.test(x.icd)) continue;
    const kind = x.e.kind;
    // A registration (Z34 pregnancy, a recorded condition) is a fact, not a diagnosis made at a visit.
    if (kind ? kind !== 'diagnosis' : x.concept === 'pregnancy') continue;
    rows.served(morbidityIndicatorId(x.icd), x.day, x.e.facilityId);
  }
}

/** Registers by age, and the yearly screenings counted in them. */
function ageRegisters(p: Person, rows: Rows): void {
  const r = p.rules;
  const prod = r.stage('usia-produktif');
  const lansia = r.stage('lansia');
  const from15 = p.ageDay(r.adultScreeningFrom);
  const prodFrom = p.ageDay(prod.from);
  const prodTo = p.cap(prod.to ? p.ageDay(prod.to) - 1 : Infinity);
  const lansiaFrom = p.ageDay(lansia.from);
  rows.span(ID.spmProduktif, prodFrom, prodTo);
  rows.span(ID.ptm, from15, p.exitDay);
  rows.span(ID.spmLansia, lansiaFrom, p.exitDay);
  rows.span(ID.skilas, lansiaFrom, p.exitDay);
  if (p.evs.length === 0) return;

  // Per year: first BP and first anthropometry (usia produktif), first SKILAS and BP (lansia).
  const firstBp = new Map<number, Ev>();
  const firstAnthro = new Map<number, Ev>();
  const firstBpOld = new Map<number, Ev>();
  const firstSkilas = new Map<number, Ev>();
  for (const x of p.evs) {
    if (!x.concept) continue;
    const isBp = r.bpConcepts.has(x.concept);
    if (isBp && x.day >= from15) rows.served(ID.ptm, x.day, x.e.facilityId);
    if (x.day >= prodFrom && x.day <= prodTo) {
      if (isBp && !firstBp.has(x.year)) firstBp.set(x.year, x);
      if (r.anthropometryConcepts.has(x.concept) && !firstAnthro.has(x.year)) firstAnthro.set(x.year, x);
    }
    if (x.day >= lansiaFrom) {
      if (isBp && !firstBpOld.has(x.year)) firstBpOld.set(x.year, x);
      if (r.skilasConcepts.has(x.concept)) {
        rows.served(ID.skilas, x.day, x.e.facilityId);
        if (!firstSkilas.has(x.year)) firstSkilas.set(x.year, x);
      }
    }
  }
  both(rows, ID.spmProduktif, firstBp, firstAnthro);
  both(rows, ID.spmLansia, firstBpOld, firstSkilas);
}

/** Numerator in the month the later of two first-in-year services happened. */
function both(rows: Rows, id: string, a: Map<number, Ev>, b: Map<number, Ev>): void {
  for (const [year, x] of a) {
    const y = b.get(year);
    if (!y) continue;
    const last = x.day >= y.day ? x : y;
    rows.served(id, last.day, last.e.facilityId);
  }
}

const STUNTED = new Set(['stunted', 'severely_stunted']);
const UNDERWEIGHT = new Set(['underweight', 'severely_underweight']);

/** Balita: SKDN, SPM balita, nutrition status; bayi/baduta: IDL and baduta lengkap. */
function children(p: Person, rows: Rows, env: EvaluateEnv): void {
  const r = p.rules;
  const balita = r.stage('balita');
  const bFrom = p.birthDay;
  const bTo = p.cap(p.ageDay(balita.to!) - 1);
  if (bTo < bFrom) return;
  const firstYear = yearOf(bFrom);
  const lastYear = yearOf(bTo);
  let any = false;
  for (const y of rows.years) if (y >= firstYear && y <= lastYear) any = true;
  if (!any) return;

  rows.span(ID.spmBalita, bFrom, bTo);
  rows.span(ID.s, bFrom, bTo);
  // S per month: every month of the year in which the child is a balita.
  for (let y = firstYear; y <= lastYear; y++) {
    const m0 = y === firstYear ? monthOf(bFrom) : 1;
    const m1 = y === lastYear ? monthOf(bTo) : 12;
    for (let m = m0; m <= m1; m++) rows.served(ID.s, dayFromCivil(y, m, 1) < bFrom ? bFrom : dayFromCivil(y, m, 1), null);
  }
  immunization(p, rows, env.settings);

  const inBalita = p.evs.filter((x) => x.day <= bTo && x.concept !== null);
  if (inBalita.length === 0) return;
  // Monthly weighings judged N/T/O/B against the KBM (core/anthropometry).
  const weighings = inBalita.filter((x) => r.weighingConcepts.has(x.concept!) && typeof x.e.valueNum === 'number' && x.e.valueNum > 0);
  const outcomes = judgeWeighings(p.input.person.birthDate, weighings.map((x) => ({ date: x.e.occurredOn, weightKg: x.e.valueNum! })), env.growthMonitoring ?? DEFAULT_GROWTH_MONITORING);
  const facilityOn = new Map(weighings.map((x) => [x.e.occurredOn, x.e.facilityId ?? null]));
  const weighedMonths = new Map<number, number[]>();
  for (const o of outcomes) {
    const day = dayFromIso(o.date);
    const fac = facilityOn.get(o.date);
    rows.served(ID.d, day, fac);
    rows.served(ID.ds, day, fac);
    if (o.code === 'N') {
      rows.served(ID.n, day, fac);
      rows.served(ID.nd, day, fac);
    } else if (o.code === 'T') rows.served(ID.t, day, fac);
    const [y, m] = civilFromDay(day);
    (weighedMonths.get(y) ?? weighedMonths.set(y, []).get(y)!).push(m);
  }
  spmBalita(p, rows, weighedMonths, inBalita, bFrom, bTo, weighings);

  // Nutrition status (Permenkes 2/2020 via record/growth, the person page's own computation), for the
  // measuring days of the evaluated years only: z-scores are the costly part of a child's evaluation.
  const measuredInYears = (x: Ev) => x.day <= bTo && rows.years.has(x.year) && (r.weighingConcepts.has(x.concept!) || r.lengthConcepts.has(x.concept!));
  if (!inBalita.some(measuredInYears)) return;
  const balitaRead = p.read().filter((x) => {
    const day = dayFromIso(x.e.occurredOn);
    return day <= bTo && rows.years.has(yearOf(day));
  });
  for (const pt of growthPoints(p.input.person, balitaRead, env.refs)) {
    const day = dayFromIso(pt.date);
    const c = pt.categories;
    const [year, month] = civilFromDay(day);
    const fac = p.evs.find((x) => x.day === day && x.e.facilityId)?.e.facilityId ?? null;
    if (c.pbu && c.pbu.ageGroup === '0-60mo') {
      rows.register(ID.stunting, year, month);
      if (STUNTED.has(c.pbu.code)) rows.served(ID.stunting, day, fac);
    }
    if (c.bbpb && c.bbpb.ageGroup === '0-60mo') {
      rows.register(ID.giziKurang, year, month);
      rows.register(ID.giziBuruk, year, month);
      if (c.bbpb.code === 'wasted') rows.served(ID.giziKurang, day, fac);
      if (c.bbpb.code === 'severely_wasted') rows.served(ID.giziBuruk, day, fac);
    }
    if (c.bbu && c.bbu.ageGroup === '0-60mo') {
      rows.register(ID.bbKurang, year, month);
      if (UNDERWEIGHT.has(c.bbu.code)) rows.served(ID.bbKurang, day, fac);
    }
  }
}

/**
 * SPM balita: distinct months weighed ≥ 8 and measured ≥ 2 in the year,
 * prorated (rounded up) by the months the child is a balita that year.
 */
function spmBalita(p: Person, rows: Rows, weighed: Map<number, number[]>, inBalita: Ev[], bFrom: number, bTo: number, weighings: Ev[]): void {
  const measured = new Map<number, Set<number>>();
  for (const x of inBalita) {
    if (!p.rules.lengthConcepts.has(x.concept!) || !(typeof x.e.valueNum === 'number' && x.e.valueNum > 0)) continue;
    (measured.get(x.year) ?? measured.set(x.year, new Set()).get(x.year)!).add(x.month);
  }
  for (const [year, months] of weighed) {
    const m0 = year === yearOf(bFrom) ? monthOf(bFrom) : 1;
    const m1 = year === yearOf(bTo) ? monthOf(bTo) : 12;
    const inRegister = m1 - m0 + 1;
    const needW = Math.ceil((SPM_BALITA.weighingMonths * inRegister) / 12);
    const needL = Math.ceil((SPM_BALITA.lengthMonths * inRegister) / 12);
    const lengths = measured.get(year) ?? new Set<number>();
    let w = 0;
    let l = 0;
    for (let m = 1; m <= 12; m++) {
      if (months.includes(m)) w++;
      if (lengths.has(m)) l++;
      if (w >= needW && l >= needL) {
        const day = dayFromCivil(year, m, 1);
        const ev = weighings.find((x) => x.year === year && x.month === m) ?? inBalita.find((x) => x.year === year && x.month === m);
        rows.served(ID.spmBalita, Math.max(day, bFrom), ev?.e.facilityId);
        break;
      }
    }
  }
}

/** IDL and imunisasi baduta lengkap from the schedule engine's coverage (schedule/coverage.ts). */
function immunization(p: Person, rows: Rows, settings: ProtocolSettings): void {
  const im = settings.immunization;
  const idlEnd = p.ageDay({ months: im.idlBeforeMonths });
  const badutaEnd = p.ageDay({ months: im.badutaBeforeMonths });
  const idlTo = p.cap(idlEnd - 1);
  const badutaTo = p.cap(badutaEnd - 1);
  // The schedule engine is the costly part: run it only when a list can be complete, i.e. the child has at
  // least as many doses of each antigen as the list asks (one event per dose) — a necessary condition.
  const doses = new Map<string, number>();
  for (const x of p.evs) if (x.concept !== null && isAntigen(x.concept) && x.day < badutaEnd) doses.set(x.concept, (doses.get(x.concept) ?? 0) + 1);
  const possible = (need: ReadonlyMap<string, number>) => [...need].every(([antigen, n]) => (doses.get(antigen) ?? 0) >= n);
  if (!possible(p.rules.idlDoses) && !possible(p.rules.badutaDoses)) {
    rows.span(ID.idl, p.birthDay, idlTo);
    rows.span(ID.baduta, idlEnd, badutaTo);
    return;
  }
  const on = Math.min(p.horizonDay, p.exitDay, badutaEnd - 1);
  const engine = p.evs.map((x) => eventFromRow(rowOf(x.e)));
  const cov = immunizationCoverage(p.facts(), engine, isoFromDay(on), settings);
  const done = (s: typeof cov.idl) => {
    if (!s.onTime || !s.completedOn) return null;
    const day = dayFromIso(s.completedOn);
    const ev = p.evs.find((x) => x.day === day && x.concept !== null && isAntigen(x.concept));
    return { day, id: ev?.e.id ?? '' };
  };
  achieve(p, rows, ID.idl, p.birthDay, idlTo, done(cov.idl));
  achieve(p, rows, ID.baduta, idlEnd, badutaTo, done(cov.baduta));
}

const ANTIGEN_CONCEPTS: ReadonlySet<string> = new Set(['HB0', 'BCG', 'OPV', 'IPV', 'DPT-HB-Hib', 'RV', 'PCV', 'MR', 'JE']);
const isAntigen = (c: Concept): boolean => ANTIGEN_CONCEPTS.has(c);

/** Usia pendidikan dasar (grades 1–9) and TTD for girls in grades 7–12, by school grade per month. */
function school(p: Person, rows: Rows): void {
  const s = p.rules.settings;
  // Grades 1–12 are reached from about the grade-1 age; a recorded grade may shift them by a few years either way.
  const birthYear = yearOf(p.birthDay);
  let schoolAge = false;
  for (const y of rows.years) if (y - birthYear >= s.school.grade1Age - 4 && y - birthYear <= s.school.grade1Age + 16) schoolAge = true;
  if (!schoolAge) return;
  const startMonth = s.school.schoolYearStartMonth;
  const g0 = gradeZeroYear(p.facts(), p.birthDay, s);
  const [ttdLo, ttdHi] = p.rules.ttdGrades;
  const girl = p.input.person.sex === 'F';
  const gradeIn = (year: number, month: number) => (month >= startMonth ? year : year - 1) - g0;
  for (const y of rows.years) {
    // Quick reject: grades 1–12 span 13 school years.
    if (y - g0 < 0 || y - g0 > 13) continue;
    for (let m = 1; m <= 12; m++) {
      const first = dayFromCivil(y, m, 1);
      if (first > p.exitDay) break;
      if (dayFromCivil(y, m, daysInMonth(y, m)) < p.birthDay) continue;
      const g = gradeIn(y, m);
      if (g >= BASIC_EDUCATION_GRADES[0] && g <= BASIC_EDUCATION_GRADES[1]) rows.register(ID.spmDikdas, y, m);
      if (girl && g >= ttdLo && g <= ttdHi) rows.register(ID.ttd, y, m);
    }
  }
  for (const x of p.evs) {
    if (!x.concept) continue;
    const g = gradeIn(x.year, x.month);
    if (p.rules.schoolScreeningConcepts.has(x.concept) && g >= BASIC_EDUCATION_GRADES[0] && g <= BASIC_EDUCATION_GRADES[1]) rows.served(ID.spmDikdas, x.day, x.e.facilityId);
    if (girl && p.rules.ttdConcepts.has(x.concept) && g >= ttdLo && g <= ttdHi) rows.served(ID.ttd, x.day, x.e.facilityId);
  }
}

/** Ibu hamil (K1, K6, SPM 1), ibu bersalin (facility delivery, SPM 2) and nifas (KF lengkap). */
function pregnancies(p: Person, rows: Rows): void {
  const r = p.rules;
  const onDay = Math.min(p.horizonDay, p.exitDay);
  for (const preg of p.facts().pregnancies ?? []) {
    const rp = resolvePregnancy(preg, onDay);
    if (!rp) continue;
    const start = rp.startDay;
    const last = p.cap(rp.endDay - 1);
    const idx = p.index();
    const k1 = firstInGroup(r.ancContact[0]!, idx, start, last);
    // The 1-2-3 pattern: each trimester's slot group needs its count of distinct contact days.
    let pattern: { day: number; id: string } | null = { day: -Infinity, id: '' };
    for (const g of r.ancSlots) {
      const lo = start + g.fromDay;
      const hi = g.toDay === undefined ? last : Math.min(start + g.toDay, last);
      const days = distinctDays(g.groups[0]!, idx, lo, hi);
      if (days.length < g.count) {
        pattern = null;
        break;
      }
      const d = days[g.count - 1]!;
      if (d.day >= pattern.day) pattern = { day: d.day, id: d.id };
    }
    let all: { day: number; id: string } | null = pattern;
    for (const w of r.doctorUsg) {
      if (!all) break;
      const hi = w.toDay === undefined ? last : Math.min(start + w.toDay, last);
      const sat = matchAll(w.groups, idx, start + w.fromDay, hi);
      all = sat ? (sat.event.day > all.day ? { day: sat.event.day, id: sat.event.id } : all) : null;
    }
    achieve(p, rows, ID.k1, start, last, k1 ? { day: k1.day, id: k1.id } : null);
    achieve(p, rows, ID.k6, start, last, pattern);
    achieve(p, rows, ID.spmHamil, start, last, all);

    // Ibu bersalin: the delivery, or the HPL of a pregnancy with no delivery recorded; an ended (abortus) one is not a delivery.
    const d = rp.deliveryDay;
    const regDay = d ?? (rp.end === 'ended' ? null : addOffset(start, NAEGELE));
    if (regDay !== null && regDay <= p.exitDay) {
      rows.span(ID.spmBersalin, regDay, regDay);
      rows.span(ID.faskes, regDay, regDay);
    }
    if (d === null) continue;
    const sat = matchAll(r.facilityDelivery.groups, idx, d, d);
    if (sat) {
      rows.served(ID.faskes, d, p.facility(sat.event.id));
      const v = sat.event.value;
      const attendant = typeof v === 'object' && v !== null ? (v as Record<string, unknown>).attendant : undefined;
      if (typeof attendant === 'string' && COMPETENT_ATTENDANTS.has(attendant)) rows.served(ID.spmBersalin, d, p.facility(sat.event.id));
    }
    achieve(p, rows, ID.kf, d, p.cap(d + NIFAS_LAST_DAY), allWindows(r.kf, idx, d));
  }
}

/**
 * A once-per-episode achievement (K6 of a pregnancy, KF lengkap, IDL): the
 * person is in the register from the episode's start until it is achieved,
 * so an episode completed in December is not an open case in January.
 */
function achieve(p: Person, rows: Rows, id: string, from: number, to: number, done: { day: number; id: string } | null): void {
  rows.span(id, from, done ? Math.min(to, done.day) : to);
  if (done && done.day <= to) rows.served(id, done.day, p.facility(done.id));
}

/** Every window met (days relative to `base`): the day and event that completed the last one. */
function allWindows(ws: ReadonlyArray<{ fromDay: number; toDay: number; groups: ReturnType<typeof indicatorRules>['kf'][number]['groups'] }>, idx: EventIndex, base: number): { day: number; id: string } | null {
  let out = { day: -Infinity, id: '' };
  for (const w of ws) {
    const sat = matchAll(w.groups, idx, base + w.fromDay, base + w.toDay);
    if (!sat) return null;
    if (sat.event.day >= out.day) out = { day: sat.event.day, id: sat.event.id };
  }
  return ws.length ? out : null;
}

/** Bayi baru lahir: the neonatal days (0–28) and KN1–KN3 (SPM 3, KN lengkap). */
function newborn(p: Person, rows: Rows): void {
  const neo = p.rules.stage('neonatus');
  const to = p.cap(p.ageDay(neo.to!) - 1);
  if (!rows.years.has(yearOf(p.birthDay)) && !rows.years.has(yearOf(to))) return;
  const done = p.has((x) => x.concept === 'kn') ? allWindows(p.rules.kn, p.index(), p.birthDay) : null;
  achieve(p, rows, ID.spmBbl, p.birthDay, to, done);
  achieve(p, rows, ID.kn, p.birthDay, to, done);
}

/** Hypertension, diabetes (SPM 8–9, klaster 3 served) and ODGJ berat (SPM 10). */
function chronic(p: Person, rows: Rows): void {
  const r = p.rules;
  let htDx = Infinity;
  let dmDx = Infinity;
  let odgj = Infinity;
  let needVitals = false;
  for (const x of p.evs) {
    if (x.concept === 'hypertension') htDx = Math.min(htDx, x.day);
    else if (x.concept === 'diabetes') dmDx = Math.min(dmDx, x.day);
    else if (x.concept === 'bp' || (x.concept !== null && r.glucoseConcepts.has(x.concept))) needVitals = true;
    if (x.icd && inBlock(x.icd.slice(0, 3), ICD10_BLOCKS.odgjBerat)) odgj = Math.min(odgj, x.day);
  }
  let htBp = Infinity;
  let dmGlucose = Infinity;
  if (needVitals) {
    const v = vitalsView(p.input.person, p.read());
    for (const b of v.bp) if (b.class && HYPERTENSIVE_BP_BANDS.has(b.class.band)) { htBp = Math.min(htBp, dayFromIso(b.date)); break; }
    for (const g of v.glucose) if (g.class?.band === DIABETES_GLUCOSE_BAND) { dmGlucose = Math.min(dmGlucose, dayFromIso(g.date)); break; }
  }
  const from15 = p.ageDay(r.adultScreeningFrom);
  const spmHt = Math.max(Math.min(htDx, htBp), from15);
  const spmDm = Math.max(Math.min(dmDx, dmGlucose), from15);
  if (spmHt !== Infinity) rows.span(ID.spmHt, spmHt, p.exitDay);
  if (htDx !== Infinity) rows.span(ID.htServed, htDx, p.exitDay);
  if (spmDm !== Infinity) rows.span(ID.spmDm, spmDm, p.exitDay);
  if (dmDx !== Infinity) rows.span(ID.dmServed, dmDx, p.exitDay);
  if (odgj !== Infinity) rows.span(ID.spmOdgj, odgj, p.exitDay);
  if (spmHt === Infinity && spmDm === Infinity && htDx === Infinity && dmDx === Infinity && odgj === Infinity) return;
  for (const x of p.evs) {
    if (x.concept && r.bpConcepts.has(x.concept)) {
      if (x.day >= spmHt) rows.served(ID.spmHt, x.day, x.e.facilityId);
      if (x.day >= htDx) rows.served(ID.htServed, x.day, x.e.facilityId);
    }
    if (x.concept && r.glucoseConcepts.has(x.concept)) {
      if (x.day >= spmDm) rows.served(ID.spmDm, x.day, x.e.facilityId);
      if (x.day >= dmDx) rows.served(ID.dmServed, x.day, x.e.facilityId);
    }
    if (x.icd && x.day >= odgj && inBlock(x.icd.slice(0, 3), ICD10_BLOCKS.odgjBerat)) rows.served(ID.spmOdgj, x.day, x.e.facilityId);
  }
}

const yearEnd = (day: number): number => dayFromCivil(yearOf(day), 12, 31);

/** TB screening, presumptive TB (SPM 11) and contact investigation of index cases. */
function tb(p: Person, rows: Rows): void {
  const r = p.rules;
  let episodeEnd = -Infinity;
  let firstTb: Ev | null = null;
  for (let i = 0; i < p.evs.length; i++) {
    const x = p.evs[i]!;
    if (x.concept === 'tb' && !firstTb) firstTb = x;
    if (!x.concept || !r.tbScreeningConcepts.has(x.concept)) continue;
    rows.served(ID.tbScreen, x.day, x.e.facilityId);
    if (resultBand(x.e.value) !== 'terduga') continue;
    rows.served(ID.tbTerduga, x.day, x.e.facilityId);
    if (x.day <= episodeEnd) continue;
    // A presumptive case stays in the register until its examination concludes, or to the end of that year.
    let conclusion: Ev | null = null;
    for (let j = i; j < p.evs.length; j++) {
      const y = p.evs[j]!;
      if (y.concept === 'tb' || y.concept === 'tb-child-score' || (y.icd !== null && y.icd.startsWith(ICD10_BLOCKS.tbRuledOut))) {
        conclusion = y;
        break;
      }
    }
    episodeEnd = conclusion ? conclusion.day : yearEnd(x.day);
    rows.span(ID.spmTb, x.day, p.cap(episodeEnd));
    if (conclusion) rows.served(ID.spmTb, conclusion.day, conclusion.e.facilityId);
  }
  if (!firstTb) return;
  // One index episode per person: from the first TB diagnosis to its contact investigation (or that year's end).
  const ik = p.evs.find((x) => x.day >= firstTb!.day && x.concept !== null && r.contactInvestigationConcepts.has(x.concept));
  rows.span(ID.tbIk, firstTb.day, p.cap(ik ? ik.day : yearEnd(firstTb.day)));
  if (ik) rows.served(ID.tbIk, ik.day, ik.e.facilityId);
}

/** SPM 12: pregnant women, TB and STI patients tested for HIV during their risk period. */
function hiv(p: Person, rows: Rows): void {
  const spans: Array<[number, number]> = [];
  const onDay = Math.min(p.horizonDay, p.exitDay);
  if (p.input.person.sex === 'F' && p.has((x) => x.concept === 'pregnancy' || x.concept === 'delivery')) {
    for (const preg of p.facts().pregnancies ?? []) {
      const rp = resolvePregnancy(preg, onDay);
      if (rp) spans.push([rp.startDay, p.cap(rp.endDay - 1)]);
    }
  }
  let tbFirst = Infinity;
  let tbLast = -Infinity;
  for (const x of p.evs) {
    if (x.concept === 'tb') {
      tbFirst = Math.min(tbFirst, x.day);
      tbLast = Math.max(tbLast, x.day);
    }
    if (x.icd && inBlock(x.icd.slice(0, 3), ICD10_BLOCKS.sti)) spans.push([x.day, p.cap(yearEnd(x.day))]);
  }
  // A TB patient is at risk from diagnosis through the last TB record, at least to that year's end.
  if (tbFirst !== Infinity) spans.push([tbFirst, p.cap(Math.max(tbLast, yearEnd(tbFirst)))]);
  if (spans.length === 0) return;
  // Each risk period is open until its first HIV test.
  for (const [a, b] of spans) {
    const test = p.evs.find((x) => x.concept === 'lab-hiv' && x.day >= a && x.day <= b);
    achieve(p, rows, ID.spmHiv, a, b, test ? { day: test.day, id: test.e.id } : null);
  }
}
