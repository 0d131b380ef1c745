/**
 * Deterministic people and histories for tests and the benchmark: a seeded
 * generator (no Math.random), so a failing property or a benchmark run can be
 * reproduced exactly.
 */
import type { PersonFacts } from '../lifecycle/person';
import { addOffset, dayFromIso, isoFromDay } from '../protocol/offset';
import type { ScheduleEvent } from './event';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/** A 20-month-old with a realistic Buku KIA history (~40 events), evaluated at 20 months. */
export function toddler20Months(birthDate = '2024-03-10'): { person: PersonFacts; events: ScheduleEvent[]; on: string } {
  const b = dayFromIso(birthDate);
  const m = (months: number, days = 0) => addOffset(b, { months, days });
  let k = 0;
  const ev = (system: string, code: string, day: number, extra: Partial<ScheduleEvent> = {}): ScheduleEvent =>
    ({ id: `t${++k}`, system, code, date: isoFromDay(day), ...extra });
  const events: ScheduleEvent[] = [
    ev('antigen', 'HB0', b),
    ev('service', 'KN', b + 1), ev('service', 'KN', b + 5), ev('service', 'KN', b + 14),
    ev('service', 'shk', b + 2),
    ev('antigen', 'BCG', m(0, 20)), ev('antigen', 'OPV', m(0, 20)),
    ev('antigen', 'DPT-HB-Hib', m(2, 3)), ev('antigen', 'OPV', m(2, 3)), ev('antigen', 'RV', m(2, 3)), ev('antigen', 'PCV', m(2, 3)),
    ev('antigen', 'DPT-HB-Hib', m(3, 10)), ev('antigen', 'OPV', m(3, 10)), ev('antigen', 'RV', m(3, 10)), ev('antigen', 'PCV', m(3, 10)),
    ev('antigen', 'DPT-HB-Hib', m(4, 20)), ev('antigen', 'OPV', m(4, 20)), ev('antigen', 'RV', m(4, 20)), ev('antigen', 'IPV', m(4, 20)),
    ev('antigen', 'MR', m(9, 5)), ev('antigen', 'IPV', m(9, 5)), ev('antigen', 'PCV', m(12, 8)),
    ev('service', 'pkat', m(6, 5)), ev('service', 'vitamin-a', m(6, 5)),
    ev('questionnaire', 'kpsp', m(3, 2)), ev('questionnaire', 'kpsp', m(6, 5)), ev('questionnaire', 'kpsp', m(9, 5)), ev('questionnaire', 'kpsp', m(12, 8)),
  ];
  for (let i = 1; i <= 19; i++) if (i !== 7 && i !== 15) events.push(ev('loinc', '29463-7', m(i, 2), { valueNum: 3.3 + i * 0.45 }));
  return { person: { sex: 'M', birthDate }, events, on: isoFromDay(m(20)) };
}

const CHILD_CODES: Array<[string, string]> = [
  ['antigen', 'HB0'], ['antigen', 'BCG'], ['antigen', 'OPV'], ['antigen', 'DPT-HB-Hib'], ['antigen', 'RV'], ['antigen', 'PCV'],
  ['antigen', 'IPV'], ['antigen', 'MR'], ['antigen', 'JE'], ['loinc', '29463-7'], ['loinc', '8306-3'], ['service', 'vitamin-a'],
  ['service', 'deworming'], ['questionnaire', 'kpsp'], ['service', 'KN'], ['service', 'pkat'], ['questionnaire', 'tb-symptoms'],
];
const ADULT_CODES: Array<[string, string]> = [
  ['loinc', '85354-9'], ['loinc', '29463-7'], ['loinc', '8280-0'], ['loinc', '41653-7'], ['questionnaire', 'srq-20'], ['questionnaire', 'puma'],
  ['service', 'vision'], ['service', 'hearing'], ['service', 'iva'], ['service', 'sadanis'], ['questionnaire', 'skilas'], ['questionnaire', 'adl-barthel'],
  ['questionnaire', 'smoking'], ['questionnaire', 'tb-symptoms'], ['icd-10', 'I10'], ['icd-10', 'E11.9'], ['service', 'lab-lipid'], ['service', 'ecg'],
];
const PREG_CODES: Array<[string, string]> = [
  ['service', 'anc'], ['service', 'usg'], ['service', 'dental'], ['loinc', '718-7'], ['service', 'lab-hiv'], ['service', 'lab-syphilis'],
  ['service', 'lab-hbsag'], ['loinc', '56072-2'], ['antigen', 'Td'], ['questionnaire', 'tetanus-status'], ['service', 'KF'], ['service', 'delivery'],
];

export interface RandomCase {
  person: PersonFacts;
  events: ScheduleEvent[];
  on: string;
}

/** A random person (any age) with a random history up to `on`; deterministic per seed. */
export function randomCase(seed: number, maxEvents = 40): RandomCase {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const onDay = dayFromIso('2026-06-15') - Math.floor(r() * 2000);
  const kind = r();
  const ageDays = kind < 0.45 ? Math.floor(r() * 6 * 365) : kind < 0.6 ? Math.floor((6 + r() * 12) * 365) : Math.floor((15 + r() * 70) * 365);
  const birth = onDay - ageDays;
  const sex = r() < 0.5 ? 'M' : 'F';
  const person: PersonFacts = { sex, birthDate: isoFromDay(birth) };
  const codes = [...(ageDays < 6 * 365 ? CHILD_CODES : ADULT_CODES)];
  if (sex === 'F' && ageDays > 16 * 365 && ageDays < 45 * 365 && r() < 0.5) {
    const start = onDay - Math.floor(r() * 400);
    const delivered = r() < 0.4 ? start + 250 + Math.floor(r() * 50) : null;
    person.pregnancies = [{ id: `p${seed}`, hpht: isoFromDay(start), ...(delivered !== null && delivered <= onDay ? { deliveredOn: isoFromDay(delivered) } : {}) }];
    codes.push(...PREG_CODES);
    if (r() < 0.3) person.conditions = [{ kind: 'pus', from: isoFromDay(start - 400) }];
  }
  if (ageDays > 15 * 365 && r() < 0.1) (person.conditions ??= []).push({ kind: 'tb-contact', from: isoFromDay(onDay - Math.floor(r() * 200)) });
  const events: ScheduleEvent[] = [];
  const count = Math.floor(r() * maxEvents);
  const span = Math.min(ageDays, 3 * 365);
  for (let i = 0; i < count; i++) {
    const [sys, code] = pick(codes);
    const extra: Partial<ScheduleEvent> = {};
    if (code === '29463-7') extra.valueNum = 3 + r() * 70;
    if (code === '85354-9') extra.value = { systolic: 100 + Math.floor(r() * 80), diastolic: 60 + Math.floor(r() * 40) };
    if (code === '8280-0') extra.valueNum = 60 + r() * 50;
    if (code === 'tetanus-status') extra.valueNum = Math.floor(r() * 6);
    if (code === 'anc' && r() < 0.3) extra.provider = 'doctor';
    if (code === 'delivery') extra.place = pick(['puskesmas', 'home', 'other'] as const);
    events.push({ id: `s${seed}-${i}`, system: sys, code, date: isoFromDay(onDay - Math.floor(r() * (span + 1))), ...extra });
  }
  return { person, events, on: isoFromDay(onDay) };
}

/** One line per entry — compact enough to assert a whole schedule in a test. */
export function rows(entries: ReadonlyArray<import('./types').ScheduleEntry>): string[] {
  return entries.map((e) => {
    const w = e.window;
    const by = e.satisfiedBy ? ` by ${e.satisfiedBy.eventId}${e.satisfiedBy.onTime ? '' : ' late'}` : '';
    const extra = [e.variant, e.reason].filter(Boolean).join(' ');
    return `${e.key} ${e.status} ${w.earliest}/${w.due}/${w.latest}${by}${extra ? ` ${extra}` : ''}`;
  });
}
