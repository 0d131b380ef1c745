/**
 * Property: whatever histories the real write paths record (visits with
 * measurements, diagnoses, pregnancies and ANC, corrections, moves, status
 * changes), `rebuildIndicators` from events gives exactly the rows and
 * counters the live refresh kept. Also the year rollover and the CLI's
 * district-only rebuild.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn, type IsoDate } from '../../../core/time/dates';
import { area, setting } from '../../db/schema';
import { rows } from '../../db/sql';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { computedYear, ensureIndicatorYear, rebuildIndicators } from './indicators.rebuild';
import { loadIndicatorPeople, refreshIndicators } from './indicators.store';

let t: TestApp;
let dinkes: Client;
let today: IsoDate;

beforeAll(async () => {
  t = await createTestApp();
  today = todayIn('Asia/Jakarta');
  dinkes = await t.login('dinkes');
  await t.database.db.insert(area).values([
    { code: DUSUN.dusun, parentCode: CODES.mekarSari, level: 'dusun', name: 'Dusun I', kabCode: '74.02' },
    { code: DUSUN.rw, parentCode: DUSUN.dusun, level: 'rw', name: 'RW 004', kabCode: '74.02' },
    { code: DUSUN.rt, parentCode: DUSUN.rw, level: 'rt', name: 'RT 002', kabCode: '74.02' },
  ]);
  // The fixture's people were inserted directly: their rows are computed once, as the seeds do.
  await rebuildIndicators(t.database.db, { today });
});
afterAll(async () => {
  await t?.close();
});

/** A dusun with an RW and RT under it, beside the fixture's RW/RT: every ancestor level gets counters. */
const DUSUN = { dusun: `${CODES.mekarSari}.DSN01`, rw: `${CODES.mekarSari}.DSN01.RW004`, rt: `${CODES.mekarSari}.DSN01.RW004.RT002` };
const PLACES = [CODES.rw1rt1, CODES.rw2rt1, CODES.tongaunaRw1, CODES.mekarSari, CODES.unaaha, DUSUN.rt, DUSUN.dusun] as const;

type Step =
  | { kind: 'visit'; daysAgo: number; place: 'posyandu' | 'pustu' | 'puskesmas' | 'home'; events: EventPlan[] }
  | { kind: 'correct'; daysAgo: number; code: string }
  | { kind: 'move'; to: number }
  | { kind: 'status'; status: 'deceased' | 'moved' | 'alive' };
type EventPlan = { type: 'weight'; kg: number } | { type: 'bp'; sys: number; dia: number } | { type: 'dx'; code: string } | { type: 'anc'; slot: string };

const DX = ['I10', 'E11', 'J06', 'A09', 'K29'] as const;
const eventPlan: fc.Arbitrary<EventPlan> = fc.oneof(
  fc.record({ type: fc.constant('weight' as const), kg: fc.integer({ min: 30, max: 300 }).map((x) => x / 10) }),
  fc.record({ type: fc.constant('bp' as const), sys: fc.integer({ min: 100, max: 190 }), dia: fc.integer({ min: 60, max: 95 }) }),
  fc.record({ type: fc.constant('dx' as const), code: fc.constantFrom(...DX) }),
  fc.record({ type: fc.constant('anc' as const), slot: fc.constantFrom('K1', 'K2', 'K3', 'K4') }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('visit' as const), daysAgo: fc.integer({ min: 0, max: 500 }), place: fc.constantFrom('posyandu', 'pustu', 'puskesmas', 'home') as fc.Arbitrary<'posyandu'>, events: fc.array(eventPlan, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), daysAgo: fc.integer({ min: 0, max: 200 }), code: fc.constantFrom(...DX) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), to: fc.integer({ min: 0, max: PLACES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('deceased', 'moved', 'alive') as fc.Arbitrary<'deceased'> }) },
);
const personPlan = fc.record({
  sex: fc.constantFrom('M', 'F') as fc.Arbitrary<'M' | 'F'>,
  ageDays: fc.oneof(fc.integer({ min: 20, max: 1800 }), fc.integer({ min: 5000, max: 30000 })),
  home: fc.integer({ min: 0, max: PLACES.length - 1 }),
  pregnant: fc.boolean(),
  steps: fc.array(step, { minLength: 1, maxLength: 6 }),
});

function eventOf(e: EventPlan): Record<string, unknown> {
  const id = randomUUID();
  switch (e.type) {
    case 'weight': return { id, kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: e.kg, unit: 'kg' };
    case 'bp': return { id, kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: e.sys, diastolic: e.dia } };
    case 'dx': return { id, kind: 'diagnosis', system: 'icd10', code: e.code };
    case 'anc': return { id, kind: 'service', system: 'service', code: e.slot, value: { provider: 'midwife' } };
  }
}

/**
 * Posts a visit, confirming warnings; a refused one (a plan the checks reject) is simply not recorded. Visits at a
 * Posyandu, Pustu or Puskesmas name the fixture's facility (every other one in upper case, as some clients send
 * ids), so the by-place counters are kept live too.
 */
let posted = 0;
async function post(personId: string, on: IsoDate, place: string, events: Array<Record<string, unknown>>): Promise<Array<{ id: string; code: string }>> {
  const f = t.fx.facilities;
  const facilityId = place === 'posyandu' ? f.posyandu1 : place === 'pustu' ? f.pustu : place === 'puskesmas' ? f.puskesmas : undefined;
  const id = randomUUID();
  const upper = posted++ % 2 === 1;
  const body = {
    id: upper ? id.toUpperCase() : id, personId, occurredOn: on, placeKind: place, events,
    ...(facilityId ? { facilityId: upper ? facilityId.toUpperCase() : facilityId } : {}),
  };
  let r = await dinkes.post('/api/visits', body);
  if (r.statusCode === 409 && r.json().error === 'needs_confirmation') r = await dinkes.post('/api/visits', { ...body, confirm: r.json().warnings.map((w: { code: string }) => w.code) });
  return r.statusCode === 201 ? (r.json().events as Array<{ id: string; code: string }>) : [];
}

type PersonPlan = typeof personPlan extends fc.Arbitrary<infer T> ? T : never;

async function play(plan: PersonPlan, serial: number): Promise<number> {
  const birth = addDays(today, -plan.ageDays);
  const home = PLACES[plan.home]!;
  // Registered through POST /api/people, the real write path.
  const body = { name: `Uji Sifat ${serial}`, sex: plan.sex, birthDate: birth, areaCode: home };
  let created = await dinkes.post('/api/people', body);
  if (created.statusCode === 409 && created.json().error === 'needs_confirmation') {
    created = await dinkes.post('/api/people', { ...body, confirm: created.json().warnings.map((w: { code: string }) => w.code) });
  }
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().person.id as string;
  let recorded = 0;
  const diagnoses: Array<{ id: string; on: IsoDate }> = [];
  const adultWoman = plan.sex === 'F' && plan.ageDays > 16 * 365 && plan.ageDays < 45 * 365;
  if (plan.pregnant && adultWoman) {
    const lmp = addDays(today, -150);
    recorded += (await post(id, addDays(lmp, 60), 'pustu', [{ id: randomUUID(), kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp, gravida: 1, parity: 0 } }])).length;
  }
  for (const s of plan.steps) {
    if (s.kind === 'visit') {
      const on = addDays(today, -Math.min(s.daysAgo, plan.ageDays - 1));
      const events = s.events.filter((e) => e.type !== 'anc' || (plan.pregnant && adultWoman)).map(eventOf);
      if (!events.length) continue;
      const out = await post(id, on, s.place, events);
      recorded += out.length;
      for (const e of out) if (DX.includes(e.code as (typeof DX)[number])) diagnoses.push({ id: e.id, on });
    } else if (s.kind === 'correct') {
      const target = diagnoses.shift();
      if (!target) continue;
      const on = target.on;
      recorded += (await post(id, on, 'pustu', [{ id: randomUUID(), kind: 'diagnosis', system: 'icd10', code: s.code, supersedesId: target.id }])).length;
    } else if (s.kind === 'move') {
      await dinkes.post(`/api/people/${id}/move`, { areaCode: PLACES[s.to]!, date: today });
    } else {
      await dinkes.post(`/api/people/${id}/status`, s.status === 'alive' ? { status: 'alive' } : { status: s.status, date: today });
    }
  }
  return recorded;
}

async function snapshot() {
  return {
    rows: await rows(t.database.db, sql`select person_id, indicator, year, kab_code, area_code, sex, age_band, register_month, numerator_month, months_served, counts, facility_id
      from person_indicator order by person_id, indicator, year`),
    counters: await rows(t.database.db, sql`select area_code, indicator, year, month, sex, age_band, kab_code, level, reg_new, num_new, served, occurrences
      from indicator_counter order by area_code, indicator, year, month, sex, age_band`),
    facilities: await rows(t.database.db, sql`select facility_id, indicator, year, month, sex, age_band, kab_code, num_new, served, occurrences
      from indicator_facility_counter order by facility_id, indicator, year, month, sex, age_band`),
  };
}

describe('rebuild = live', () => {
  it('holds for random histories recorded through the real write paths', async () => {
    let serial = 0;
    let recorded = 0;
    await fc.assert(fc.asyncProperty(fc.array(personPlan, { minLength: 2, maxLength: 6 }), async (plans) => {
      for (const p of plans) recorded += await play(p, ++serial);
      const live = await snapshot();
      await rebuildIndicators(t.database.db, { today, batchSize: 3 });
      const rebuilt = await snapshot();
      expect(rebuilt.rows).toEqual(live.rows);
      expect(rebuilt.counters).toEqual(live.counters);
      expect(rebuilt.facilities).toEqual(live.facilities);
    }), { numRuns: 4, seed: 20261123, endOnFailure: true });
    // The property was tested on something: events were recorded and rows and counters exist.
    expect(recorded).toBeGreaterThan(10);
    const s = await snapshot();
    expect(s.rows.length).toBeGreaterThan(10);
    expect(new Set(s.counters.map((c) => (c as { level: string }).level))).toEqual(new Set(['regency', 'district', 'village', 'dusun', 'rw', 'rt']));
  });

  it('refreshes from what a caller already holds as from the database (nothing left to write)', async () => {
    const [someone] = await rows<{ person_id: string }>(t.database.db, sql`select person_id from event group by person_id order by count(*) desc limit 1`);
    const [loaded] = await loadIndicatorPeople(t.database.db, [someone!.person_id]);
    const r = await t.database.db.transaction((tx) => refreshIndicators(tx, { person: loaded!.person, events: loaded!.events, visits: loaded!.visits }, today));
    expect(r).toEqual({ people: 1, rowsChanged: 0, countersChanged: 0 });
    // Without its events the same person loses their served rows: the known input is what is evaluated.
    const before = await snapshot();
    let changed = 0;
    await t.database.db.transaction(async (tx) => {
      changed = (await refreshIndicators(tx, { person: loaded!.person, events: [], visits: [] }, today)).rowsChanged;
      tx.rollback();
    }).catch(() => undefined);
    expect(changed).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it('rebuilds one district only, leaving the other as it was', async () => {
    const other = await rows(t.database.db, sql`select * from indicator_counter where kab_code = '61.71' order by area_code, indicator, year, month, sex, age_band`);
    const live = await snapshot();
    const r = await rebuildIndicators(t.database.db, { today, kab: '74.02' });
    expect(r.people).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(live);
    expect(await rows(t.database.db, sql`select * from indicator_counter where kab_code = '61.71' order by area_code, indicator, year, month, sex, age_band`)).toEqual(other);
  });

  it('computes a new year for everyone once the year turns, and only then', async () => {
    expect(await computedYear(t.database.db)).toBe(Number(today.slice(0, 4)));
    expect((await ensureIndicatorYear(t.database.db, today)).computed).toBe(false);
    // Pretend the rows were last computed a year ago: the rollover evaluates everyone again, as live would.
    await t.database.db.update(setting).set({ value: Number(today.slice(0, 4)) - 1 }).where(sql`key = 'indicators:year'`);
    await t.database.db.execute(sql`delete from indicator_counter where year = ${Number(today.slice(0, 4))}`);
    await t.database.db.execute(sql`delete from indicator_facility_counter where year = ${Number(today.slice(0, 4))}`);
    await t.database.db.execute(sql`delete from person_indicator where year = ${Number(today.slice(0, 4))}`);
    const r = await ensureIndicatorYear(t.database.db, today, { batchSize: 4 });
    expect(r.computed).toBe(true);
    expect(r.people).toBeGreaterThan(5);
    const rolled = await snapshot();
    await rebuildIndicators(t.database.db, { today });
    expect(await snapshot()).toEqual(rolled);
    expect(await computedYear(t.database.db)).toBe(Number(today.slice(0, 4)));
  });
});
