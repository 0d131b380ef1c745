/**
 * Live indicators through the real write paths: a visit shows on the
 * dashboard at once, a correction takes its numerator back, a move shifts
 * the counts between desa; the API's scope (403, audited), validation and
 * the drill-down list (audited).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateSasaran } from '../../../core/indicators/sasaran';
import { addDays, todayIn, type IsoDate } from '../../../core/time/dates';
import { area } from '../../db/schema';
import { rows } from '../../db/sql';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { rebuildIndicators } from './indicators.rebuild';

let t: TestApp;
let kader: Client;
let bidan: Client;
let dinkes: Client;
let today: IsoDate;
const month = () => today.slice(0, 7);

type Ev = Record<string, unknown>;
const weight = (kg: number): Ev => ({ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: kg, unit: 'kg' });
const dx = (code: string, extra: Ev = {}): Ev => ({ id: randomUUID(), kind: 'diagnosis', system: 'icd10', code, ...extra });

async function visit(c: Client, personId: string, events: Ev[], placeKind = 'posyandu', facilityId?: string, on: IsoDate = today) {
  const body = { id: randomUUID(), personId, occurredOn: on, placeKind, ...(facilityId ? { facilityId } : {}), events };
  let r = await c.post('/api/visits', body);
  if (r.statusCode === 409 && r.json().error === 'needs_confirmation') r = await c.post('/api/visits', { ...body, confirm: r.json().warnings.map((w: { code: string }) => w.code) });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function dashboard(c: Client, query: string) {
  const r = await c.get(`/api/indicators?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { area: { code: string; codes: string[] }; indicators: Array<{ id: string; numerator: number; denominatorRegister: number | null; coverageRegister: number | null; colour: string | null }> };
}

const figure = (d: Awaited<ReturnType<typeof dashboard>>, id: string) => d.indicators.find((i) => i.id === id);

async function counterSum(area: string, indicator: string, col: 'num_new' | 'occurrences' | 'reg_new' | 'served'): Promise<number> {
  const r = await rows<{ n: number | null }>(t.database.db, sql`select sum(${sql.raw(col)})::int as n from indicator_counter where area_code = ${area} and indicator = ${indicator} and year = ${Number(today.slice(0, 4))}`);
  return r[0]?.n ?? 0;
}

beforeAll(async () => {
  t = await createTestApp();
  today = todayIn('Asia/Jakarta');
  kader = await t.login('kader');
  bidan = await t.login('bidan');
  dinkes = await t.login('dinkes');
  // The fixture's people were inserted directly: their rows are computed once, as the seeds do.
  await rebuildIndicators(t.database.db, { today });
});
afterAll(async () => {
  await t?.close();
});

describe('live counters', () => {
  it('shows a Posyandu visit on the dashboard right after POST /api/visits', async () => {
    const before = figure(await dashboard(bidan, `area=${CODES.mekarSari}&group=utama`), 'visit-posyandu')!;
    await visit(kader, t.fx.people.rw1Child, [weight(11.4)], 'posyandu', t.fx.facilities.posyandu1);
    const after = figure(await dashboard(bidan, `area=${CODES.mekarSari}&group=utama`), 'visit-posyandu')!;
    expect(after.numerator).toBe(before.numerator + 1);
    // Every ancestor level holds the visit, down to the RT.
    for (const code of [CODES.kab, CODES.kec, CODES.mekarSari, CODES.rw1, CODES.rw1rt1]) expect(await counterSum(code, 'visit-posyandu', 'occurrences')).toBe(1);
    expect(await counterSum(CODES.rw2, 'visit-posyandu', 'occurrences')).toBe(0);
    // The by-place view files it under the Posyandu.
    const fac = await rows<{ n: number }>(t.database.db, sql`select sum(occurrences)::int as n from indicator_facility_counter where facility_id = ${t.fx.facilities.posyandu1} and indicator = 'visit-posyandu'`);
    expect(fac[0]!.n).toBe(1);
    const byPlace = figure(await dashboard(bidan, `facility=${t.fx.facilities.posyandu1}&group=utama&view=facility`), 'visit-posyandu')!;
    expect(byPlace.numerator).toBe(1);
  });

  it('takes a numerator back when a correction undoes the diagnosis', async () => {
    const year = Number(today.slice(0, 4));
    const first = await visit(bidan, t.fx.people.rw2Adult, [dx('I10')], 'pustu', t.fx.facilities.pustu);
    const i10 = first.events[0].id as string;
    expect(await counterSum(CODES.mekarSari, 'dx:I10', 'num_new')).toBe(1);
    const morbidity = await bidan.get(`/api/indicators/morbidity?area=${CODES.mekarSari}`);
    expect(morbidity.statusCode).toBe(200);
    expect(morbidity.json().categories).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'I10', people: 1 })]));
    // The diagnosis was wrong: corrected to an acute upper respiratory infection.
    await visit(bidan, t.fx.people.rw2Adult, [dx('J06', { supersedesId: i10 })], 'pustu', t.fx.facilities.pustu);
    expect(await counterSum(CODES.mekarSari, 'dx:I10', 'num_new')).toBe(0);
    expect(await counterSum(CODES.mekarSari, 'dx:J06', 'num_new')).toBe(1);
    // No counter row is left at zero (a rebuild would not have it).
    const zero = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from indicator_counter where indicator = 'dx:I10' and year = ${year}`);
    expect(zero[0]!.n).toBe(0);
  });

  it('moves the counts to the new desa when a person moves', async () => {
    const before = await counterSum(CODES.tongauna, 'dx:J06', 'num_new');
    const p = await bidan.get(`/api/people/${t.fx.people.rw2Adult}`);
    expect(p.statusCode).toBe(200);
    const r = await dinkes.post(`/api/people/${t.fx.people.rw2Adult}/move`, { areaCode: CODES.tongaunaRw1, date: today, reason: 'pindah rumah' });
    expect(r.statusCode, r.body).toBeLessThan(300);
    expect(await counterSum(CODES.mekarSari, 'dx:J06', 'num_new')).toBe(0);
    expect(await counterSum(CODES.tongauna, 'dx:J06', 'num_new')).toBe(before + 1);
    expect(await counterSum(CODES.tongaunaRw1, 'dx:J06', 'num_new')).toBe(before + 1);
    // The kecamatan holds them before and after.
    expect(await counterSum(CODES.kec, 'dx:J06', 'num_new')).toBe(1);
  });

  it('counts concurrent visits in one desa once each, without deadlocks on the shared counter rows', async () => {
    const before = await counterSum(CODES.kab, 'dx:K29', 'num_new');
    const people = [t.fx.people.rw1Mother, t.fx.people.rw1Child, t.fx.people.tongaunaAdult];
    const bp = () => ({ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: 128, diastolic: 82 } });
    await Promise.all(people.flatMap((id) => [
      visit(dinkes, id, [dx('K29'), bp()], 'pustu', t.fx.facilities.pustu),
      visit(dinkes, id, [dx('A09'), weight(30)], 'puskesmas', t.fx.facilities.puskesmas),
    ]));
    expect(await counterSum(CODES.kab, 'dx:K29', 'num_new')).toBe(before + 3);
    expect(await counterSum(CODES.kec, 'dx:A09', 'num_new')).toBe(3);
  });

  it('drops the rows of a person whose registration is ended by death only as the evaluator says, and the rebuild agrees with live', async () => {
    const r = await dinkes.post(`/api/people/${t.fx.people.tongaunaAdult}/status`, { status: 'deceased', date: addDays(today, -1) });
    expect(r.statusCode, r.body).toBeLessThan(300);
    const snapshot = async () => ({
      rows: await rows(t.database.db, sql`select person_id, indicator, year, kab_code, area_code, sex, age_band, register_month, numerator_month, months_served, counts, facility_id
        from person_indicator order by person_id, indicator, year`),
      counters: await rows(t.database.db, sql`select * from indicator_counter order by area_code, indicator, year, month, sex, age_band`),
      facilities: await rows(t.database.db, sql`select * from indicator_facility_counter order by facility_id, indicator, year, month, sex, age_band`),
    });
    const live = await snapshot();
    expect(live.rows.length).toBeGreaterThan(0);
    await rebuildIndicators(t.database.db, { today });
    expect(await snapshot()).toEqual(live);
  });
});

describe('API', () => {
  it('refuses a place outside the scope with 403 and audits the denial', async () => {
    const r = await kader.get(`/api/indicators?area=${CODES.rw2}`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toBe('forbidden');
    const audit = await rows<{ action: string; entity_type: string }>(t.database.db, sql`select action, entity_type from audit_log where entity_id = ${CODES.rw2} and action = 'denied' order by id desc limit 1`);
    expect(audit[0]).toEqual({ action: 'denied', entity_type: 'indicators' });
    expect((await kader.get(`/api/indicators/visit-posyandu/people?area=${CODES.tongauna}`)).statusCode).toBe(403);
    expect((await kader.get(`/api/sasaran?area=${CODES.tongauna}`)).statusCode).toBe(403);
    const pontianak = await dinkes.get(`/api/indicators?area=${CODES.siantanHulu}`);
    expect(pontianak.statusCode).toBe(403);
  });

  it('cuts a wider place to the scope: a kader asking for the desa gets their RW', async () => {
    const d = await dashboard(kader, `area=${CODES.mekarSari}&group=utama`);
    expect(d.area.codes).toEqual([CODES.rw1]);
    expect(figure(d, 'visit-posyandu')!.numerator).toBe(1);
  });

  it('answers bad input with 400 and Indonesian messages per field', async () => {
    const bad = await bidan.get(`/api/indicators?area=${CODES.mekarSari}&period=2025-13&mode=week`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'validation_error', fields: { period: expect.stringContaining('TTTT-BB'), mode: expect.stringContaining('Pilihan') } });
    const future = await bidan.get(`/api/indicators?area=${CODES.mekarSari}&period=2999-01`);
    expect(future.statusCode).toBe(400);
    expect(future.json().fields.period).toBeTruthy();
    expect((await bidan.get(`/api/indicators/tidak-ada/trend?area=${CODES.mekarSari}`)).statusCode).toBe(404);
    const notDesa = await dinkes.get(`/api/sasaran?area=${CODES.kec}`);
    expect(notDesa.statusCode).toBe(400);
    expect(notDesa.json().fields.area).toContain('desa/kelurahan');
  });

  it('ranks the child areas, gives a trend per month and lists the people behind a number (audited)', async () => {
    const areas = await dinkes.get(`/api/indicators/visit-posyandu/areas?area=${CODES.mekarSari}`);
    expect(areas.statusCode, areas.body).toBe(200);
    expect(areas.json().areas.map((a: { code: string; numerator: number; rank: number }) => [a.code, a.numerator, a.rank])).toEqual([[CODES.rw1, 1, 1], [CODES.rw2, 0, 2]]);
    const trend = await bidan.get(`/api/indicators/visit-posyandu/trend?area=${CODES.mekarSari}`);
    expect(trend.statusCode).toBe(200);
    const months = trend.json().months as Array<{ month: number; ytd: { numerator: number }; inMonth: { numerator: number } }>;
    expect(months).toHaveLength(Number(today.slice(5, 7)));
    expect(months[months.length - 1]!.ytd.numerator).toBe(1);
    const people = await bidan.get(`/api/indicators/visit-posyandu/people?area=${CODES.mekarSari}&which=served&period=${month()}`);
    expect(people.statusCode, people.body).toBe(200);
    expect(people.json().people).toEqual([expect.objectContaining({ id: t.fx.people.rw1Child, name: 'Andi Saputra', rw: '001', nik: expect.stringMatching(/^\d{6}\*{6}\d{4}$/) })]);
    const audit = await rows<{ action: string; details: { total: number } }>(t.database.db, sql`select action, details from audit_log where entity_type = 'indicator_people' order by id desc limit 1`);
    expect(audit[0]).toMatchObject({ action: 'list', details: { total: 1 } });
  });

  it('sums a province over its kabupaten/kota (counters start at the kabupaten)', async () => {
    const admin = await t.login('admin');
    const province = await dashboard(admin, `area=74&group=utama`);
    const kab = await dashboard(admin, `area=${CODES.kab}&group=utama`);
    expect(figure(province, 'visit-posyandu')!.numerator).toBe(1);
    expect(province.indicators.map((i) => [i.id, i.numerator])).toEqual(kab.indicators.map((i) => [i.id, i.numerator]));
    expect((await admin.get('/api/indicators/visit-posyandu/people?area=74&which=served')).json().total).toBe(1);
  });

  it('documents every indicators route in the OpenAPI document', async () => {
    const doc = (await bidan.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags: string[] }>> };
    for (const [path, method] of [['/api/indicators', 'get'], ['/api/indicators/morbidity', 'get'], ['/api/indicators/{id}/areas', 'get'], ['/api/indicators/{id}/trend', 'get'],
      ['/api/indicators/{id}/people', 'get'], ['/api/sasaran', 'get'], ['/api/sasaran', 'put']] as const) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['indicators']);
    }
  });

  it('lets Dinkes override a desa target group, and nobody else', async () => {
    const year = Number(today.slice(0, 4));
    const put = await dinkes.put('/api/sasaran', { area: CODES.mekarSari, year, values: { balita: 120 } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().groups.find((g: { group: string }) => g.group === 'balita')).toMatchObject({ override: 120, value: 120 });
    expect((await bidan.put('/api/sasaran', { area: CODES.mekarSari, year, values: { balita: 5 } })).statusCode).toBe(403);
    const bad = await dinkes.put('/api/sasaran', { area: CODES.mekarSari, year, values: { balita: -1 } });
    expect(bad.statusCode).toBe(400);
    const d = await dashboard(dinkes, `area=${CODES.mekarSari}&group=spm&period=${month()}`);
    const balita = d.indicators.find((i) => i.id === 'spm-04-balita') as unknown as { denominatorEstimated: number };
    expect(balita.denominatorEstimated).toBe(120);
    // Without an override the estimate comes from the desa population and the default rates (core/indicators/sasaran.ts).
    await t.database.db.update(area).set({ population: 5000 }).where(eq(area.code, CODES.tongauna));
    const g = await dinkes.get(`/api/sasaran?area=${CODES.tongauna}&year=${year}`);
    expect(g.json().groups.find((x: { group: string }) => x.group === 'balita')).toMatchObject({ estimated: estimateSasaran(5000).balita, override: null, value: estimateSasaran(5000).balita });
    // The kecamatan sums its desa: Mekar Sari's override and Tongauna's estimate.
    const kec = await dashboard(dinkes, `area=${CODES.kec}&group=spm&period=${month()}`);
    expect((kec.indicators.find((i) => i.id === 'spm-04-balita') as unknown as { denominatorEstimated: number }).denominatorEstimated).toBe(120 + estimateSasaran(5000).balita);
  });
});
