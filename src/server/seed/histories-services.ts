/**
 * The services of a generated history beyond the routine schedule
 * (histories-plan.ts), so every PWS/SPM indicator of the demo has numbers:
 * past pregnancies ending in the deliveries of the babies on the register,
 * KF1–KF4 and KN1–KN3, the ANC laboratory triple (HIV, syphilis, HBsAg), TTD
 * in pregnancy and for schoolgirls, school health checks, TB symptom
 * screening with the work-up of presumptive cases and the contact
 * investigation of TB cases, sick visits at the Puskesmas and Pustu with
 * ICD-10 diagnoses, hypertension and diabetes follow-up consistent with the
 * person's measured values, ODGJ berat with follow-up (home visits), and the
 * weight and waist at adult BP checks (SPM usia produktif).
 *
 * The schedule engine opens what it can: a delivery added before the
 * planner's rounds makes the engine open the KF windows, a baby's age opens
 * the KN windows, and the planner asks `decide` here for those entries. The
 * postnatal visits of a delivery are drawn once from a stream keyed by the
 * mother and the birth date, so the mother's KFn and her baby's KNn fall on
 * the same day at the same place. Weekly TTD and school health checks are
 * drawn per month / school year from the protocol's grade rule
 * (core/lifecycle/school-grade), not one engine window per week, which keeps
 * the seed fast.
 *
 * Rates are SIKLUS choices for synthetic data (no survey figures in the
 * reference notes; ⚠ general knowledge where a national figure is recalled):
 * - deliveries of babies born in the last 700 days: 88 % in a facility (of
 *   them 50 % Puskesmas, 38 % hospital/clinic, 12 % Pustu), 11 % at home,
 *   1 % on the way (⚠ Riskesdas 2018 recalled ≈ 80 % facility births);
 *   attendant doctor or midwife in facilities, midwife (60 %) or a
 *   traditional attendant ("other") at home; the pregnancy was registered in
 *   TM1 for 95 % of them (then ANC follows the engine);
 * - postnatal: KF1/KN1 in 93/95 %, KF2/KN2 (home visit) 85/88 %, KF3/KN3
 *   85/86 %, KF4 78 %, times a per-family engagement of 0.85–1;
 * - ANC: HIV 88 %, syphilis 80 %, HBsAg 82 % at K1; TTD at 90 % of contacts;
 *   TB symptoms asked at 50 % of contacts;
 * - adult BP checks: weight 85 %, waist 25 %, TB symptoms 20 %;
 * - sick visits recorded per person-year: under-5 0.8, 5–14 0.35, 15–44
 *   0.3, 45–59 0.45, 60+ 0.7 (about half the outpatient use, which keeps
 *   the seed fast); 60 % at the Puskesmas, 40 % at the Pustu; adults get a
 *   BP (50 %) and weight (25 %), 30 % are asked the TB symptoms;
 *   presumptive (cough ≥ 2 weeks) in 6 % of adults and 3 % of children
 *   screened with a respiratory diagnosis (J), 1.5 % / 0.5 % with another,
 *   2 % at adult checks, 1 % at ANC; 85 % of presumptive cases are examined within 3–21 days, 15 %
 *   of those have TB (A15.0), the rest are ruled out (Z03.0); TB cases have
 *   monthly visits for six months, an HIV test (75 %) and a contact
 *   investigation at home (80 %, within the district's days);
 * - hypertensive profiles are diagnosed (I10) in 55 %, diabetic glucose
 *   profiles (≥ 180 mg/dL, 30+) in 50 %, then controlled at the Pustu or
 *   Puskesmas in a quarter of the months with a BP / glucose measured; 60 % stop
 *   coming after 1–10 months (lost to follow-up);
 * - ODGJ berat in 0.25 % of people 15+ (schizophrenia F20), seen in 60 %
 *   of the months after diagnosis, half at home; 30 % lost after 1–12 months;
 * - home visits to 20 % of elders of 70+, about quarterly, with a BP;
 * - schoolgirls in grades 7–12: 80 % take part, a month's 4 tablets
 *   recorded in 30–80 % of the school months (July is the holiday);
 * - school health check (penjaringan in grades 1, 7, 10, berkala otherwise)
 *   for 70 % of pupils in a school year, in August–October.
 */
import type { Concept } from '../../core/codes/concepts';
import { codesFor } from '../../core/codes/registry';
import { evaluationYears } from '../../core/indicators/evaluate';
import { indicatorRules } from '../../core/indicators/rules';
import { gradeZeroYear } from '../../core/lifecycle/school-grade';
import { dayFromIso } from '../../core/protocol/offset';
import type { ProtocolSettings } from '../../core/protocol/settings';
import type { EventInput } from '../../core/records/types';
import type { ScheduleEntry } from '../../core/schedule/types';
import { addDays, ageInDays, completedYears, daysInMonth, parts, type IsoDate } from '../../core/time/dates';
import { Random } from './random';
import { PREGNANCY_CODE } from './register-writer';

/** Where a generated visit took place (the visit table's place kinds). */
export type ServicePlace = 'posyandu' | 'pustu' | 'puskesmas' | 'home' | 'school' | 'other';

export interface GeneratedEvent {
  on: IsoDate;
  place: ServicePlace;
  input: EventInput;
}

/** A baby on the register, for the mother's delivery. */
export interface RegisteredBirth {
  sex: 'M' | 'F';
  birthDate: IsoDate;
}

export interface ServicePerson {
  id: string;
  sex: 'M' | 'F';
  birthDate: IsoDate;
  motherId?: string | null;
  /** The person's babies on the register (any age; only recent ones get a delivery). */
  babies?: readonly RegisteredBirth[];
}

/** What this module reads of the planner's per-person profile (histories-plan.ts). */
export interface HealthProfile {
  hypertensive: boolean;
  sbp: number;
  dbp: number;
  glucose: number;
}

/** Babies born this many days back get their delivery, KF and KN recorded. */
export const DELIVERY_HISTORY_DAYS = 700;
/**
 * Unscheduled services (sick visits, follow-ups, TTD, school checks) start on
 * 1 January of the year before today's: the years the indicators evaluate
 * (core/indicators evaluationYears), nothing older, which keeps the seed fast.
 */
function serviceHistoryFrom(today: IsoDate): IsoDate {
  return `${evaluationYears(today)[0]}-01-01`;
}

const KF_ITEMS = ['pnc.kf1', 'pnc.kf2', 'pnc.kf3', 'pnc.kf4'];
const KN_ITEMS = ['nn.kn1', 'nn.kn2', 'nn.kn3'];
const POSTNATAL_ITEMS = new Set([...KF_ITEMS, ...KN_ITEMS]);

function code(concept: Concept): { system: string; code: string } {
  const c = codesFor(concept)[0];
  if (!c) throw new Error(`no code for ${concept}`);
  return { system: c.system, code: c.code };
}
const ICD10 = 'icd10';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** A delivery's place as the visit API takes it, and where its visit is filed. */
interface DeliveryPlan {
  value: { place: 'facility' | 'home' | 'on-the-way'; facilityKind?: 'puskesmas' | 'pustu' | 'other'; attendant: 'doctor' | 'midwife' | 'other' };
  visitPlace: ServicePlace;
  gestationWeeks: number;
  /** Postnatal visit n (1-based, KF1–KF4 / KN1–KN3): day after birth and place, or null when missed. */
  kf: Array<{ day: number; place: ServicePlace } | null>;
  kn: Array<{ day: number; place: ServicePlace } | null>;
}

/**
 * The delivery of a birth and its postnatal visits, the same for the mother
 * and the baby (both draw from the seed, the mother and the birth date).
 */
export function deliveryPlan(seed: string | number, motherKey: string, birthDate: IsoDate): DeliveryPlan {
  const rng = new Random(seed, 'delivery', motherKey, birthDate);
  const r = rng.next();
  let value: DeliveryPlan['value'];
  let visitPlace: ServicePlace;
  if (r < 0.88) {
    const f = rng.next();
    const facilityKind = f < 0.5 ? 'puskesmas' : f < 0.88 ? 'other' : 'pustu';
    const attendant = facilityKind === 'other' ? (rng.chance(0.6) ? 'doctor' : 'midwife') : facilityKind === 'puskesmas' ? (rng.chance(0.15) ? 'doctor' : 'midwife') : 'midwife';
    value = { place: 'facility', facilityKind, attendant };
    visitPlace = facilityKind;
  } else {
    value = { place: r < 0.99 ? 'home' : 'on-the-way', attendant: rng.chance(0.6) ? 'midwife' : 'other' };
    visitPlace = 'home';
  }
  const gestationWeeks = clamp(Math.round(rng.normal(39, 1.3)), 35, 42);
  const engaged = 0.85 + rng.next() * 0.15;
  // KF1/KN1 where she delivered (home births: the midwife comes home); KF2/KN2 a home visit; later ones at the Pustu or home.
  const first = visitPlace === 'pustu' ? 'pustu' : visitPlace;
  const windows: Array<[number, number, ServicePlace, number, number]> = [
    [0, 1, first, 0.93, 0.95], [3, 7, 'home', 0.85, 0.88], [8, 28, rng.chance(0.6) ? 'pustu' : 'home', 0.85, 0.86], [29, 42, 'pustu', 0.78, 0],
  ];
  const kf: DeliveryPlan['kf'] = [];
  const kn: DeliveryPlan['kn'] = [];
  for (const [lo, hi, place, pKf, pKn] of windows) {
    const day = rng.int(lo, hi);
    const u = rng.next();
    kf.push(u < pKf * engaged ? { day, place } : null);
    if (pKn > 0) kn.push(u < pKn * engaged ? { day, place } : null);
  }
  return { value, visitPlace, gestationWeeks, kf, kn };
}

export interface ServiceContext {
  today: IsoDate;
  settings: ProtocolSettings;
}

export class ServicePlanner {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Events the engine must see before its rounds: for each recent birth on
   * the register, the pregnancy registration (in TM1, for 95 %) and the
   * delivery. The registration makes the planner follow the ANC contacts
   * of that pregnancy; the delivery opens the KF windows.
   */
  prelude(p: ServicePerson, seed: string | number, ids: Random): GeneratedEvent[] {
    if (p.sex !== 'F' || !p.babies?.length) return [];
    const { today } = this.ctx;
    const out: GeneratedEvent[] = [];
    const byDate = new Map<IsoDate, RegisteredBirth[]>();
    for (const b of p.babies) {
      if (b.birthDate >= today || daysBetween(b.birthDate, today) > DELIVERY_HISTORY_DAYS) continue;
      byDate.set(b.birthDate, [...(byDate.get(b.birthDate) ?? []), b]);
    }
    for (const [birthDate, babies] of [...byDate].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const plan = deliveryPlan(seed, p.id, birthDate);
      const rng = new Random(seed, 'pregnancy', p.id, birthDate);
      const lmp = addDays(birthDate, -(plan.gestationWeeks * 7 + rng.int(0, 6)));
      const registered = addDays(lmp, rng.int(6 * 7, 12 * 7));
      if (lmp > p.birthDate && registered < birthDate && rng.chance(0.95)) {
        out.push({ on: registered, place: 'pustu', input: { id: ids.uuid(), kind: 'condition', system: PREGNANCY_CODE.system, code: PREGNANCY_CODE.code, value: { lmp } } });
      }
      const births = babies.map((b) => ({ sex: b.sex, birthWeightGrams: Math.round(clamp(rng.normal(3100, 420), 1800, 4600)) }));
      out.push({
        on: birthDate, place: plan.visitPlace,
        input: { id: ids.uuid(), kind: 'delivery', ...code('delivery'), value: { ...plan.value, outcome: 'live-birth', gestationalAgeWeeks: plan.gestationWeeks, births } },
      });
    }
    return out;
  }

  /** Engine items this module decides for the person. */
  wants(item: string, p: ServicePerson): boolean {
    if (item.startsWith('pnc.kf')) return p.sex === 'F' && !!p.babies?.length;
    if (item.startsWith('nn.kn')) return ageInDays(p.birthDate, this.ctx.today) <= DELIVERY_HISTORY_DAYS + 60;
    return false;
  }

  /** When and where a postnatal window's visit took place (the delivery's plan), or null; undefined = not this module's item. */
  decide(e: ScheduleEntry, p: ServicePerson, seed: string | number): { on: IsoDate; place: ServicePlace } | null | undefined {
    if (!POSTNATAL_ITEMS.has(e.item)) return undefined;
    const kf = e.item.startsWith('pnc.kf');
    const n = Number(e.item.slice(kf ? 'pnc.kf'.length : 'nn.kn'.length));
    // The window's earliest day is the birth (KF: days after the delivery; KN: days of age) plus the window start.
    const birth = kf ? this.birthOfWindow(e, p) : p.birthDate;
    if (!birth) return null;
    const plan = deliveryPlan(seed, kf ? p.id : p.motherId ?? `baby:${p.id}`, birth);
    const v = (kf ? plan.kf : plan.kn)[n - 1];
    if (!v) return null;
    const on = addDays(birth, v.day);
    if (on < e.window.earliest || on > e.window.latest) return null;
    return { on, place: v.place };
  }

  /** The birth a KF window belongs to: the recent birth on or before the window's start. */
  private birthOfWindow(e: ScheduleEntry, p: ServicePerson): IsoDate | null {
    let best: IsoDate | null = null;
    for (const b of p.babies ?? []) if (b.birthDate <= e.window.earliest && (!best || b.birthDate > best)) best = b.birthDate;
    return best;
  }

  eventsFor(e: ScheduleEntry, ids: Random): EventInput[] | undefined {
    if (e.item.startsWith('pnc.kf')) return [{ id: ids.uuid(), kind: 'service', ...code('kf'), value: { provider: 'midwife' } }];
    if (e.item.startsWith('nn.kn')) return [{ id: ids.uuid(), kind: 'service', ...code('kn'), value: { provider: 'midwife' } }];
    return undefined;
  }

  /** What else happens at an ANC contact (n = 1–6): the K1 laboratory triple, TTD, TB symptoms. */
  ancExtras(n: number, rng: Random, ids: Random): EventInput[] {
    const out: EventInput[] = [];
    if (n === 1) {
      if (rng.chance(0.88)) out.push(service('lab-hiv', ids, rng.chance(0.995) ? 'non-reaktif' : 'reaktif'));
      if (rng.chance(0.8)) out.push(service('lab-syphilis', ids, rng.chance(0.99) ? 'non-reaktif' : 'reaktif'));
      if (rng.chance(0.82)) out.push(service('lab-hbsag', ids, rng.chance(0.97) ? 'non-reaktif' : 'reaktif'));
    }
    if (rng.chance(0.9)) out.push({ id: ids.uuid(), kind: 'service', ...code('ttd'), valueNum: 30 });
    if (rng.chance(0.5)) out.push(tbScreening(rng, ids, 0.01));
    return out;
  }

  /** What else is measured at an adult's BP check: weight and waist (SPM usia produktif), TB symptoms. */
  adultCheckExtras(p: ServicePerson, rng: Random, ids: Random, weightKg: number, anthropometry: boolean): EventInput[] {
    const out: EventInput[] = [];
    // (Depth 'deep' of histories-plan.ts measures weight, height and waist itself.)
    if (anthropometry && rng.chance(0.85)) out.push({ id: ids.uuid(), kind: 'measurement', ...code('weight'), valueNum: round1(weightKg + rng.normal(0, 0.8)) });
    if (anthropometry && rng.chance(0.25)) out.push({ id: ids.uuid(), kind: 'measurement', ...code('waist'), valueNum: round1(clamp(weightKg * 1.15 + (p.sex === 'F' ? 8 : 4) + rng.normal(0, 4), 55, 140)) });
    if (rng.chance(0.2)) out.push(tbScreening(rng, ids, 0.02));
    return out;
  }

  /**
   * Services outside the schedule, since 1 January of last year: sick visits with
   * diagnoses, hypertension / diabetes control, ODGJ berat follow-up, TTD for
   * schoolgirls, school health checks. `weightKg` is the adult's usual weight.
   */
  unscheduled(p: ServicePerson, prof: HealthProfile, weightKg: number, rng: Random, ids: Random): GeneratedEvent[] {
    const { today } = this.ctx;
    const from = maxDate(serviceHistoryFrom(today), p.birthDate);
    const out: GeneratedEvent[] = [];
    const years = completedYears(p.birthDate, today);
    const add = (on: IsoDate, place: ServicePlace, inputs: EventInput[]) => {
      if (on >= today || on < p.birthDate) return;
      for (const input of inputs) out.push({ on, place, input });
    };
    const bp = (): EventInput => {
      const sys = Math.round(clamp(prof.sbp + rng.normal(0, 6), 90, 200));
      const dia = Math.round(clamp(prof.dbp + rng.normal(0, 4), 55, Math.min(120, sys - 25)));
      return { id: ids.uuid(), kind: 'measurement', ...code('bp'), value: { systolic: sys, diastolic: dia } };
    };
    const glucose = (): EventInput => ({ id: ids.uuid(), kind: 'measurement', ...code('glucose-capillary'), valueNum: Math.round(clamp(prof.glucose + rng.normal(0, 15), 70, 400)), value: { device: 'glucometer' } });
    const weight = (): EventInput => ({ id: ids.uuid(), kind: 'measurement', ...code('weight'), valueNum: round1(weightKg + rng.normal(0, 0.8)) });
    const span = daysBetween(from, today);
    if (span <= 0) return out;

    // Sick visits: a Poisson count over the window at the age's yearly rate.
    const rate = years < 5 ? 0.8 : years < 15 ? 0.35 : years < 45 ? 0.3 : years < 60 ? 0.45 : 0.7;
    const adult = years >= 15;
    for (let k = poisson(rng, (rate * span) / 365); k > 0; k--) {
      const on = addDays(from, rng.int(0, span - 1));
      const ageOn = completedYears(p.birthDate, on);
      const place: ServicePlace = rng.chance(0.6) ? 'puskesmas' : 'pustu';
      const dx = diagnosisFor(rng, ageOn, p.sex);
      const inputs: EventInput[] = [{ id: ids.uuid(), kind: 'diagnosis', system: ICD10, code: dx }];
      if (ageOn >= 15 && rng.chance(0.5)) inputs.push(bp());
      if (ageOn >= 15 && rng.chance(0.25)) inputs.push(weight());
      if (rng.chance(0.3)) inputs.push(tbScreening(rng, ids, dx.startsWith('J') ? (ageOn >= 15 ? 0.06 : 0.03) : ageOn >= 15 ? 0.015 : 0.005));
      // A sexually transmitted infection is offered an HIV test the same day.
      if (dx.startsWith('A5') || dx.startsWith('A6')) if (rng.chance(0.7)) inputs.push(service('lab-hiv', ids, 'non-reaktif'));
      add(on, place, inputs);
    }

    // Hypertension and diabetes under control: diagnosed once, then measured in about half of the months.
    const htKnown = adult && prof.hypertensive && rng.chance(0.55);
    const dmKnown = years >= 30 && prof.glucose >= 180 && rng.chance(0.5);
    if (htKnown || dmKnown) {
      const start = addDays(from, rng.int(0, Math.max(0, span - 30)));
      const place: ServicePlace = rng.chance(0.5) ? 'pustu' : 'puskesmas';
      const until = rng.chance(0.6) ? minDate(today, addDays(start, rng.int(30, 300))) : today;
      for (let on = start, first = true; on < until; on = addDays(on, rng.int(25, 35)), first = false) {
        if (!first && !rng.chance(0.25)) continue;
        const inputs: EventInput[] = [];
        if (htKnown) inputs.push({ id: ids.uuid(), kind: 'diagnosis', system: ICD10, code: 'I10' }, bp());
        if (dmKnown) inputs.push({ id: ids.uuid(), kind: 'diagnosis', system: ICD10, code: 'E11.9' }, glucose());
        add(on, first ? 'puskesmas' : place, inputs);
      }
    }

    // ODGJ berat: diagnosed at the Puskesmas, then seen at home or at the Puskesmas.
    if (adult && rng.chance(0.0025)) {
      const dx = rng.pick(['F20.0', 'F20.0', 'F20.0', 'F20.3', 'F20.9']);
      const start = addDays(from, rng.int(0, Math.max(0, span - 30)));
      const until = rng.chance(0.3) ? minDate(today, addDays(start, rng.int(30, 365))) : today;
      for (let on = start, first = true; on < until; on = addDays(on, rng.int(25, 35)), first = false) {
        if (!first && !rng.chance(0.6)) continue;
        add(on, first || rng.chance(0.5) ? 'puskesmas' : 'home', [{ id: ids.uuid(), kind: 'diagnosis', system: ICD10, code: dx }]);
      }
    }

    // Elders of 70+ who no longer come to the Posyandu: the kader or bidan visits at home with a BP cuff.
    if (years >= 70 && rng.chance(0.2)) {
      for (let on = addDays(from, rng.int(0, 90)); on < today; on = addDays(on, rng.int(80, 100))) {
        if (rng.chance(0.75)) add(on, 'home', [bp(), { id: ids.uuid(), kind: 'note', ...code('note'), value: { text: 'Kunjungan rumah lansia: pemeriksaan tekanan darah' } }]);
      }
    }

    this.school(p, rng, ids, from, add);
    return out;
  }

  /** School health checks per school year and monthly TTD for girls in grades 7–12 (the protocol's grade rule). */
  private school(p: ServicePerson, rng: Random, ids: Random, from: IsoDate, add: (on: IsoDate, place: ServicePlace, inputs: EventInput[]) => void): void {
    const s = this.ctx.settings;
    const g0 = gradeZeroYear({ sex: p.sex, birthDate: p.birthDate }, dayFromIso(p.birthDate), s);
    const startMonth = s.school.schoolYearStartMonth;
    const { year: y0 } = parts(from);
    const { year: y1 } = parts(this.ctx.today);
    const gradeIn = (year: number, month: number) => (month >= startMonth ? year : year - 1) - g0;
    if (y1 - g0 < 0 || y0 - 1 - g0 > 12) return;
    // Health check once per school year, a month or three after it starts.
    for (let y = y0 - 1; y <= y1; y++) {
      const g = y - g0;
      if (g < 1 || g > 12 || !rng.chance(0.7)) continue;
      const m = ((startMonth + rng.int(1, 3) - 1) % 12) + 1;
      const year = m < startMonth ? y + 1 : y;
      const on = dateOf(year, m, rng.int(3, 26));
      if (on < from) continue;
      add(on, 'school', [service('school-screening', ids, rng.chance(0.85) ? 'normal' : 'perlu tindak lanjut')]);
    }
    if (p.sex !== 'F') return;
    const [ttdLo, ttdHi] = ttdGrades(s);
    if (!rng.chance(0.8)) return;
    const share = 0.3 + rng.next() * 0.5;
    for (let y = y0, m = parts(from).month; y < y1 || (y === y1 && m <= parts(this.ctx.today).month); m === 12 ? (y++, (m = 1)) : m++) {
      const g = gradeIn(y, m);
      if (g < ttdLo || g > ttdHi || m === startMonth || !rng.chance(share)) continue;
      const on = dateOf(y, m, rng.int(3, 26));
      if (on >= from) add(on, 'school', [{ id: ids.uuid(), kind: 'service', ...code('ttd'), valueNum: 4 }]);
    }
  }

  /**
   * The work-up of presumptive TB cases among the screenings generated so
   * far: examined at the Puskesmas (TB or ruled out), and for a TB case
   * monthly visits, an HIV test and the contact investigation at home.
   */
  tbFollowUp(generated: readonly GeneratedEvent[], rng: Random, ids: Random): GeneratedEvent[] {
    const { today } = this.ctx;
    const out: GeneratedEvent[] = [];
    let caseOpen = false;
    const screenings = generated.filter((g) => g.input.code === TB_SYMPTOMS.code && isTerduga(g.input)).sort((a, b) => (a.on < b.on ? -1 : 1));
    for (const s of screenings) {
      if (caseOpen || !rng.chance(0.85)) continue;
      const examined = addDays(s.on, rng.int(3, 21));
      if (examined >= today) continue;
      if (!rng.chance(0.15)) {
        out.push({ on: examined, place: 'puskesmas', input: { id: ids.uuid(), kind: 'diagnosis', system: ICD10, code: 'Z03.0' } });
        continue;
      }
      caseOpen = true;
      const push = (on: IsoDate, place: ServicePlace, input: EventInput) => { if (on < today) out.push({ on, place, input }); };
      for (let m = 0; m < 6; m++) push(addDays(examined, m * 30), 'puskesmas', { id: ids.uuid(), kind: 'diagnosis', system: ICD10, code: 'A15.0' });
      if (rng.chance(0.75)) push(addDays(examined, rng.int(0, 14)), 'puskesmas', service('lab-hiv', ids, 'non-reaktif'));
      const within = this.ctx.settings.tb.contactInvestigationWithinDays;
      if (rng.chance(0.8)) push(addDays(examined, rng.int(1, Math.max(1, within))), 'home', service('tb-contact-investigation', ids));
    }
    return out;
  }
}

const TB_SYMPTOMS = code('tb-symptoms');
const NO_TB_SIGNS = { coughWeeks: 0, feverWeeks: 0, feverRecurrent: false, weightFaltering: false, lethargy: false, extrapulmonarySigns: false, closeContact: false };

function tbScreening(rng: Random, ids: Random, pTerduga: number): EventInput {
  const answers = rng.chance(pTerduga) ? { ...NO_TB_SIGNS, coughWeeks: rng.int(2, 8), weightFaltering: rng.chance(0.4) } : NO_TB_SIGNS;
  return { id: ids.uuid(), kind: 'screening', ...TB_SYMPTOMS, value: { answers } };
}

function isTerduga(input: EventInput): boolean {
  const answers = (input.value as { answers?: { coughWeeks?: number } } | null | undefined)?.answers;
  return (answers?.coughWeeks ?? 0) >= 2;
}

function service(concept: Concept, ids: Random, result?: string): EventInput {
  return { id: ids.uuid(), kind: 'service', ...code(concept), value: result ? { result } : {} };
}

/** Grades of the protocol item school.ttd (KMK §IV.A.3: girls in SMP/SMA), as the indicator reads them. */
function ttdGrades(s: ProtocolSettings): [number, number] {
  return indicatorRules(s).ttdGrades;
}

const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
const dateOf = (y: number, m: number, d: number): IsoDate => `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(y, m))).padStart(2, '0')}`;

function poisson(rng: Random, mean: number): number {
  // Knuth's method; the means here are small (≤ 3).
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/**
 * Common primary-care diagnoses (ICD-10 WHO 2010) by age: a SIKLUS mix for
 * the morbidity top-10 — acute respiratory infections lead at every age,
 * diarrhoea and fever in children, dyspepsia, myalgia, back pain and
 * headache in adults. Hypertension and diabetes come from the control
 * visits above (consistent with the measured values), not from this mix.
 */
// Sixteen categories in all (each category is a row set in the indicator counters, so the list stays short).
const DX_CHILD: Array<[string, number]> = [['J06.9', 32], ['J00', 12], ['A09', 15], ['R50.9', 11], ['L30.9', 6], ['B86', 5], ['K04.7', 6], ['H10.9', 5], ['J02.9', 8]];
const DX_ADULT: Array<[string, number]> = [
  ['J06.9', 22], ['J00', 6], ['K30', 10], ['K29.7', 6], ['M79.1', 11], ['M54.5', 8], ['R51', 6], ['L30.9', 5], ['A09', 5], ['K04.7', 5],
  ['J02.9', 4], ['N39.0', 3], ['H10.9', 2], ['A54.9', 0.5],
];
const DX_OLD: Array<[string, number]> = [['J06.9', 18], ['M79.1', 18], ['K30', 9], ['R51', 6], ['M54.5', 9], ['L30.9', 4], ['A09', 4], ['H10.9', 3], ['N39.0', 3], ['K04.7', 3], ['J00', 4]];

function diagnosisFor(rng: Random, age: number, sex: 'M' | 'F'): string {
  const list = age < 15 ? DX_CHILD : age < 60 ? DX_ADULT : DX_OLD;
  // STIs only in the sexually active ages; urinary infections more in women.
  const weights = list.map(([c, w]) => (c.startsWith('A5') || c.startsWith('A6') ? (age >= 15 && age < 50 ? w : 0) : c === 'N39.0' && sex === 'F' ? w * 2 : w));
  return list[rng.weighted(weights)]![0];
}

/** The usual adult weight of a person (kg), for the weights recorded at checks. */
export function usualWeightKg(rng: Random, sex: 'M' | 'F'): number {
  return round1(clamp(rng.normal(sex === 'F' ? 56 : 63, 10), 38, 120));
}
