import { describe, expect, it } from 'vitest';
import { gradeZeroYear } from '../../core/lifecycle/school-grade';
import { dayFromIso } from '../../core/protocol/offset';
import { DEFAULT_SETTINGS } from '../../core/protocol/settings';
import { personFactsFromEvents, scheduleEventsOf } from '../../core/records/facts';
import type { RecordEvent } from '../../core/records/types';
import { checkVisit } from '../../core/records/visit';
import { computeSchedule } from '../../core/schedule/engine';
import { addDays } from '../../core/time/dates';
import { deliveryPlan, ServicePlanner, type GeneratedEvent, type HealthProfile, type ServicePerson } from './histories-services';
import { Random } from './random';

const today = '2026-11-23';
const planner = new ServicePlanner({ today, settings: DEFAULT_SETTINGS });
const NORMAL: HealthProfile = { hypertensive: false, sbp: 115, dbp: 74, glucose: 105 };
const HYPERTENSIVE: HealthProfile = { hypertensive: true, sbp: 155, dbp: 96, glucose: 105 };

const record = (g: GeneratedEvent): RecordEvent => ({
  id: g.input.id, codeSystem: g.input.system, code: g.input.code, occurredOn: g.on, valueNum: g.input.valueNum ?? null, value: g.input.value ?? null, placeKind: g.place,
});

/** Checks generated events as POST /api/visits does, one visit per day and place; throws on a refused event. */
function checkAll(p: ServicePerson, generated: readonly GeneratedEvent[]): void {
  const byVisit = new Map<string, GeneratedEvent[]>();
  for (const g of generated) byVisit.set(`${g.on}|${g.place}`, [...(byVisit.get(`${g.on}|${g.place}`) ?? []), g]);
  for (const [k, gs] of [...byVisit].sort()) {
    const r = checkVisit({ person: p, occurredOn: gs[0]!.on, events: gs.map((g) => g.input), history: [], refs: null });
    if (r.issues.length) throw new Error(`${p.id} ${k}: ${JSON.stringify(r.issues)}`);
  }
}

describe('deliveryPlan', () => {
  it('is the same for the mother and the baby and puts KFn and KNn on the same day and place', () => {
    let facility = 0;
    let kf1 = 0;
    let kfAll = 0;
    const N = 2000;
    for (let i = 0; i < N; i++) {
      const a = deliveryPlan(7, `m${i}`, '2026-03-01');
      expect(deliveryPlan(7, `m${i}`, '2026-03-01')).toEqual(a);
      if (a.value.place === 'facility') facility++;
      if (a.kf[0]) kf1++;
      if (a.kf.every(Boolean)) kfAll++;
      a.kn.forEach((kn, j) => { if (kn && a.kf[j]) expect(a.kf[j]).toEqual(kn); });
      expect(a.kf.map((v) => v?.day ?? 0).every((d, j, all) => j === 0 || !a.kf[j] || !a.kf[j - 1] || d > all[j - 1]!)).toBe(true);
    }
    expect(facility / N).toBeGreaterThan(0.84);
    expect(facility / N).toBeLessThan(0.92);
    expect(kf1 / N).toBeGreaterThan(0.8);
    // KF lengkap is neither rare nor universal.
    expect(kfAll / N).toBeGreaterThan(0.25);
    expect(kfAll / N).toBeLessThan(0.6);
  });
});

describe('ServicePlanner.prelude', () => {
  const mother: ServicePerson = { id: 'm1', sex: 'F', birthDate: '1995-04-04', babies: [{ sex: 'M', birthDate: '2026-08-10' }, { sex: 'F', birthDate: '2023-01-05' }] };

  it('registers the pregnancy in TM1 and records the delivery of a recent birth only, as the visit API takes them', () => {
    let registered = 0;
    for (let seed = 0; seed < 200; seed++) {
      const out = planner.prelude({ ...mother, id: `m${seed}` }, seed, new Random(seed, 'ids'));
      const delivery = out.filter((g) => g.input.kind === 'delivery');
      expect(delivery.map((g) => g.on)).toEqual(['2026-08-10']);
      expect(delivery[0]!.input.value).toMatchObject({ outcome: 'live-birth', births: [{ sex: 'M' }] });
      const reg = out.find((g) => g.input.kind === 'condition');
      if (reg) {
        registered++;
        const lmp = (reg.input.value as { lmp: string }).lmp;
        const gestDays = (Date.parse('2026-08-10') - Date.parse(lmp)) / 86_400_000;
        expect(gestDays).toBeGreaterThanOrEqual(35 * 7);
        expect(gestDays).toBeLessThanOrEqual(43 * 7);
        expect(reg.on > lmp && reg.on <= addDays(lmp, 12 * 7)).toBe(true);
      }
      checkAll({ ...mother, id: `m${seed}` }, out);
    }
    expect(registered).toBeGreaterThan(180);
  });

  it('lets the schedule engine open KF1–KF4 from the delivery, and decides them from the delivery plan', () => {
    const out = planner.prelude(mother, 3, new Random(3, 'ids'));
    const events = out.map(record);
    const schedule = computeSchedule({
      person: personFactsFromEvents(mother, events), events: scheduleEventsOf(events), on: today, settings: DEFAULT_SETTINGS,
      options: { from: addDays(today, -730), horizonDays: 0 },
    });
    const kf = schedule.entries.filter((e) => e.item.startsWith('pnc.kf'));
    expect(kf.map((e) => e.item).sort()).toEqual(['pnc.kf1', 'pnc.kf2', 'pnc.kf3', 'pnc.kf4']);
    const plan = deliveryPlan(3, 'm1', '2026-08-10');
    for (const e of kf) {
      expect(planner.wants(e.item, mother)).toBe(true);
      const when = planner.decide(e, mother, 3);
      const n = Number(e.item.slice(-1));
      if (!plan.kf[n - 1]) expect(when).toBeNull();
      else {
        expect(when!.on >= e.window.earliest && when!.on <= e.window.latest).toBe(true);
        expect(when!.on).toBe(addDays('2026-08-10', plan.kf[n - 1]!.day));
      }
    }
    // The baby's KN follows the same plan (keyed by the mother).
    const baby: ServicePerson = { id: 'b1', sex: 'M', birthDate: '2026-08-10', motherId: 'm1' };
    const babySchedule = computeSchedule({ person: { sex: 'M', birthDate: baby.birthDate }, events: [], on: today, settings: DEFAULT_SETTINGS, options: { from: baby.birthDate, horizonDays: 0 } });
    for (const e of babySchedule.entries.filter((x) => x.item.startsWith('nn.kn'))) {
      const n = Number(e.item.slice(-1));
      const when = planner.decide(e, baby, 3);
      expect(when ? when.on : null).toBe(plan.kn[n - 1] ? addDays('2026-08-10', plan.kn[n - 1]!.day) : null);
    }
  });
});

describe('ServicePlanner.unscheduled', () => {
  const people = (n: number, birthDate: (i: number) => string, sex: (i: number) => 'M' | 'F' = (i) => (i % 2 ? 'M' : 'F')): ServicePerson[] =>
    Array.from({ length: n }, (_, i) => ({ id: `p${i}`, sex: sex(i), birthDate: birthDate(i) }));

  it('gives sick visits at the Puskesmas and Pustu with a realistic spread of diagnoses, all accepted by the visit checks', () => {
    const dx = new Map<string, number>();
    let visits = 0;
    const adults = people(600, (i) => `${1950 + (i % 50)}-06-15`);
    for (const p of adults) {
      const out = planner.unscheduled(p, NORMAL, 60, new Random('u', p.id), new Random('u-ids', p.id));
      checkAll(p, out);
      for (const g of out) {
        expect(g.on < today).toBe(true);
        if (g.input.kind === 'diagnosis') {
          expect(['puskesmas', 'pustu', 'home']).toContain(g.place);
          dx.set(g.input.code.slice(0, 3), (dx.get(g.input.code.slice(0, 3)) ?? 0) + 1);
        }
      }
      visits += new Set(out.filter((g) => g.input.kind === 'diagnosis').map((g) => `${g.on}|${g.place}`)).size;
    }
    // 0.3–0.7 recorded sick visits a person-year, since 1 January of last year (≈ 23 months).
    expect(visits / adults.length).toBeGreaterThan(0.6);
    expect(visits / adults.length).toBeLessThan(1.5);
    const ranked = [...dx].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked[0]).toBe('J06');
    expect(ranked.slice(0, 10)).toEqual(expect.arrayContaining(['K30', 'M79']));
    // Without a hypertensive or diabetic profile nobody is given I10 or E11.
    expect(dx.has('I10')).toBe(false);
    expect(dx.has('E11')).toBe(false);
  });

  it('diagnoses hypertension only with a hypertensive BP measured at the same visit', () => {
    let diagnosed = 0;
    for (const p of people(200, () => '1960-02-02')) {
      const out = planner.unscheduled(p, HYPERTENSIVE, 70, new Random('h', p.id), new Random('h-ids', p.id));
      checkAll(p, out);
      const i10 = out.filter((g) => g.input.code === 'I10');
      if (i10.length) diagnosed++;
      for (const d of i10) {
        const bp = out.find((g) => g.on === d.on && g.place === d.place && g.input.code === '85354-9');
        expect(bp).toBeDefined();
        expect((bp!.input.value as { systolic: number }).systolic).toBeGreaterThanOrEqual(120);
      }
    }
    expect(diagnosed / 200).toBeGreaterThan(0.4);
    expect(diagnosed / 200).toBeLessThan(0.7);
  });

  it('gives schoolgirls in grades 7–12 monthly TTD and pupils a school health check, at school', () => {
    let girlsWithTtd = 0;
    let checks = 0;
    const girls = people(200, (i) => `${2008 + (i % 8)}-03-03`, () => 'F');
    for (const p of girls) {
      const out = planner.unscheduled(p, NORMAL, 45, new Random('s', p.id), new Random('s-ids', p.id));
      checkAll(p, out);
      const g0 = gradeZeroYear({ sex: p.sex, birthDate: p.birthDate }, dayFromIso(p.birthDate), DEFAULT_SETTINGS);
      const ttd = out.filter((g) => g.input.code === 'ttd');
      if (ttd.length) girlsWithTtd++;
      for (const g of ttd) {
        const [y, m] = g.on.split('-').map(Number) as [number, number];
        const grade = (m >= DEFAULT_SETTINGS.school.schoolYearStartMonth ? y : y - 1) - g0;
        expect(grade).toBeGreaterThanOrEqual(7);
        expect(grade).toBeLessThanOrEqual(12);
        expect(g.place).toBe('school');
      }
      checks += out.filter((g) => g.input.code === 'school-screening' && g.place === 'school').length;
    }
    expect(girlsWithTtd / girls.length).toBeGreaterThan(0.5);
    expect(girlsWithTtd / girls.length).toBeLessThan(0.95);
    expect(checks).toBeGreaterThan(girls.length);
    // Nobody past grade 12 or before school gets them.
    const adult = planner.unscheduled({ id: 'x', sex: 'F', birthDate: '1990-01-01' }, NORMAL, 55, new Random('x'), new Random('x-ids'));
    expect(adult.some((g) => g.input.code === 'ttd' || g.input.code === 'school-screening')).toBe(false);
  });
});

describe('ServicePlanner.tbFollowUp', () => {
  it('examines presumptive cases (TB or ruled out) and investigates the contacts of TB cases at home', () => {
    let tb = 0;
    let ruledOut = 0;
    let investigated = 0;
    for (let i = 0; i < 400; i++) {
      const rng = new Random('tb', i);
      const screen: GeneratedEvent = {
        on: '2026-03-01', place: 'puskesmas',
        input: { id: `s${i}`, kind: 'screening', system: 'questionnaire', code: 'tb-symptoms', value: { answers: { coughWeeks: 3, feverWeeks: 0, feverRecurrent: false, weightFaltering: false, lethargy: false, extrapulmonarySigns: false, closeContact: false } } },
      };
      const out = planner.tbFollowUp([screen], rng, new Random('tb-ids', i));
      checkAll({ id: `t${i}`, sex: 'M', birthDate: '1980-01-01' }, [screen, ...out]);
      for (const g of out) expect(g.on > screen.on).toBe(true);
      if (out.some((g) => g.input.code === 'A15.0')) {
        tb++;
        const ci = out.find((g) => g.input.code === 'tb-contact-investigation');
        if (ci) {
          investigated++;
          expect(ci.place).toBe('home');
        }
      }
      if (out.some((g) => g.input.code === 'Z03.0')) ruledOut++;
    }
    expect(tb).toBeGreaterThan(20);
    expect(ruledOut).toBeGreaterThan(tb);
    expect(investigated).toBeGreaterThan(tb / 2);
    // A screening without symptoms has no work-up.
    const none = planner.tbFollowUp([{ on: '2026-03-01', place: 'posyandu', input: { id: 'n', kind: 'screening', system: 'questionnaire', code: 'tb-symptoms', value: { answers: { coughWeeks: 0 } } } }], new Random('n'), new Random('n2'));
    expect(none).toEqual([]);
  });
});
