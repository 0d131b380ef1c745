/**
 * The fixture district (core/indicators/fixture.ts, hand-computed in
 * evaluate.test.ts) loaded through the real write path — people registered
 * by createPerson, visits by recordVisit (babies registered by their
 * mother's delivery), deaths and moves by setStatus — on the fixture's
 * "today". Then readIndicators of the desa gives the SPM totals worked out
 * by hand, and the rebuild agrees with the live state.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../core/access/roles';
import { FIXTURE_DISTRICT, FIXTURE_TODAY, type FixturePerson } from '../../../core/indicators/fixture';
import type { AuthContext } from '../../auth/session';
import { area, facility, facilityCoverage, person } from '../../db/schema';
import { rows } from '../../db/sql';
import { ApiError } from '../../http/errors';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db';
import { createPerson, setStatus, type ServiceCtx } from '../people/people.service';
import { createPersonBody } from '../people/people.schemas';
import { recordVisit } from '../records/records.service';
import { visitBody } from '../records/records.schemas';
import { rebuildIndicators } from './indicators.rebuild';
import { readIndicators } from './indicators.service';

const D = FIXTURE_DISTRICT;
const YEAR = 2026;
let database: TestDatabase;
/** Fixture ids (people, visits, events, facilities) → the UUIDs the API takes. */
const uuid = new Map<string, string>();
const idOf = (fixtureId: string) => {
  let u = uuid.get(fixtureId);
  if (!u) uuid.set(fixtureId, (u = randomUUID()));
  return u;
};

const auth: AuthContext = {
  user: { id: randomUUID(), username: 'dinkes-fixture', displayName: 'Dinkes', role: 'dinkes', facilityId: null, areaCode: D.kabCode, kabCode: D.kabCode, locale: 'id' },
  scope: { codes: [D.kabCode] }, permissions: ROLE_PERMISSIONS.dinkes, sessionId: 'test', csrfToken: 'test',
};
const req = { auth, ip: '127.0.0.1', headers: {}, method: 'POST', url: '/test/fixture' } as unknown as FastifyRequest;
const ctxOf = (tx: ServiceCtx['tx']): ServiceCtx => ({ tx, auth, locale: 'id', today: FIXTURE_TODAY, req });

const hasDelivery = (v: FixturePerson['visits'][number]) => (v.events.some((e) => e.kind === 'delivery') ? 1 : 0);
const rwCode = (p: FixturePerson) => `${D.desaCode}.RW${p.rw}`;
const rtCode = (p: FixturePerson) => `${rwCode(p)}.RT${p.rt}`;

/** Saves with every warning confirmed (the fixture has implausible values on purpose). */
async function confirmed<T>(what: string, run: (confirm: string[]) => Promise<T>): Promise<T> {
  try {
    try {
      return await run([]);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'needs_confirmation') return await run((e.extra!.warnings as Array<{ code: string }>).map((w) => w.code));
      throw e;
    }
  } catch (e) {
    // Which fixture record the write path refused, and why.
    if (e instanceof ApiError) throw new Error(`${what}: ${e.code} ${JSON.stringify(e.fields ?? e.extra ?? {})}`);
    throw e;
  }
}

async function loadDistrict(): Promise<void> {
  const db = database.db;
  await db.insert(area).values([
    { code: 'ID', level: 'country', name: 'Indonesia' },
    { code: '74', parentCode: 'ID', level: 'province', name: 'Sulawesi Tenggara' },
    { code: D.kabCode, parentCode: '74', level: 'regency', kind: 'kabupaten', name: 'Kabupaten Konawe', kabCode: D.kabCode },
    { code: D.kecamatanCode, parentCode: D.kabCode, level: 'district', name: 'Tongauna', kabCode: D.kabCode },
    { code: D.desaCode, parentCode: D.kecamatanCode, level: 'village', kind: 'kelurahan', name: D.desaName, kabCode: D.kabCode },
  ]);
  const rws = new Set(D.people.map(rwCode));
  const rts = new Set(D.people.map(rtCode));
  await db.insert(area).values([
    ...[...rws].map((code) => ({ code, parentCode: D.desaCode, level: 'rw', name: code.slice(-5), kabCode: D.kabCode })),
    ...[...rts].map((code) => ({ code, parentCode: code.slice(0, -6), level: 'rt', name: code.slice(-5), kabCode: D.kabCode })),
  ]);
  const f = D.facilities;
  const type = { puskesmas: 'puskesmas', pustu: 'pustu', posyandu: 'posyandu', hospital: 'rumah_sakit' } as const;
  await db.insert(facility).values(Object.values(f).map((x) => ({ id: idOf(x.id), kabCode: D.kabCode, type: type[x.kind], name: x.name, areaCode: D.desaCode })));
  await db.insert(facilityCoverage).values({ facilityId: idOf(f.puskesmas.id), areaCode: D.desaCode, facilityType: 'puskesmas', kabCode: D.kabCode });

  // Mothers before their babies: a baby born of a recorded delivery is the person that delivery registers.
  const born = new Set(D.people.filter((p) => p.bornOfDelivery).map((p) => p.id));
  for (const p of D.people.filter((x) => !born.has(x.id))) {
    const body = createPersonBody.parse({ name: p.name, sex: p.sex, birthDate: p.birthDate, areaCode: rtCode(p), ...(p.motherId ? { motherId: idOf(p.motherId) } : {}) });
    const id = await confirmed(`person ${p.id}`, (confirm) => db.transaction((tx) => createPerson(ctxOf(tx), { ...body, confirm })));
    uuid.set(p.id, id);
  }
  // Every visit in date order, across people, so a delivery registers its baby before the baby's own visits.
  const visits = D.people.flatMap((p) => p.visits.map((v) => ({ p, v }))).sort((a, b) => a.v.occurredOn.localeCompare(b.v.occurredOn) || hasDelivery(b.v) - hasDelivery(a.v) || a.v.id.localeCompare(b.v.id));
  for (const { p, v } of visits) {
    if (!uuid.has(p.id)) await linkBaby(p);
    // A correction of an event of the same visit is sent after it, to the same visit (the API corrects stored events only).
    const own = new Set(v.events.map((e) => e.id));
    const later = v.events.filter((e) => e.supersedesId && own.has(e.supersedesId));
    for (const events of [v.events.filter((e) => !later.includes(e)), later]) {
      if (!events.length) continue;
      const body = visitBody.parse({
        id: idOf(v.id), personId: idOf(p.id), occurredOn: v.occurredOn, placeKind: v.placeKind, facilityId: idOf(v.facilityId),
        events: events.map((e) => ({
          id: idOf(e.id), kind: e.kind, system: e.system, code: e.code, ...(e.valueNum != null ? { valueNum: e.valueNum } : {}),
          ...(e.value ? { value: e.value } : {}), ...(e.unit ? { unit: e.unit } : {}), ...(e.supersedesId ? { supersedesId: idOf(e.supersedesId) } : {}),
        })),
      });
      await confirmed(`visit ${v.id}`, (confirm) => db.transaction((tx) => recordVisit(ctxOf(tx), { ...body, confirm })));
    }
  }
  for (const p of D.people.filter((x) => !uuid.has(x.id))) await linkBaby(p);
  // Deaths and moves after the histories (a visit after the date would be refused, and the fixture keeps one).
  for (const p of D.people.filter((x) => x.status !== 'alive')) {
    await db.transaction((tx) => setStatus(ctxOf(tx), idOf(p.id), { status: p.status as 'deceased' | 'moved', date: p.statusDate }));
  }
}

/** The person a delivery registered, found by mother and name, then placed at the fixture's RT. */
async function linkBaby(p: FixturePerson): Promise<void> {
  const [b] = await database.db.select({ id: person.id }).from(person).where(and(eq(person.motherId, idOf(p.motherId!)), eq(person.name, p.name)));
  if (!b) throw new Error(`no person registered by the delivery for ${p.name}`);
  uuid.set(p.id, b.id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDistrict();
}, 300_000);
afterAll(async () => {
  await database?.destroy();
});

describe('fixture district through the write path', () => {
  it('gives the SPM totals of 2026 worked out by hand (register / numerator, year to date through December)', async () => {
    const figures = await readIndicators(database.db, { codes: [D.desaCode], year: YEAR, month: 12, mode: 'ytd', group: 'spm' });
    const got = Object.fromEntries(figures.map((f) => [f.id, { reg: f.denominatorRegister, num: f.numerator }]));
    // core/indicators/evaluate.test.ts "totals of 2026 for the SPM".
    expect(got).toEqual({
      'spm-01-ibu-hamil': { reg: 5, num: 1 },
      'spm-02-ibu-bersalin': { reg: 4, num: 1 },
      'spm-03-bayi-baru-lahir': { reg: 3, num: 1 },
      'spm-04-balita': { reg: 7, num: 1 },
      'spm-05-usia-pendidikan-dasar': { reg: 3, num: 1 },
      'spm-06-usia-produktif': { reg: 16, num: 3 },
      'spm-07-usia-lanjut': { reg: 3, num: 2 },
      'spm-08-hipertensi': { reg: 2, num: 2 },
      'spm-09-diabetes': { reg: 2, num: 2 },
      'spm-10-odgj-berat': { reg: 1, num: 1 },
      'spm-11-terduga-tb': { reg: 2, num: 2 },
      'spm-12-risiko-hiv': { reg: 7, num: 4 },
    });
    const faskes = (await readIndicators(database.db, { codes: [D.desaCode], year: YEAR, month: 12, mode: 'ytd', ids: ['k2-persalinan-faskes'] }))[0]!;
    expect({ reg: faskes.denominatorRegister, num: faskes.numerator }).toEqual({ reg: 4, num: 2 });
  });

  it('sums the same at the kecamatan and kabupaten, and splits them between the RWs', async () => {
    const at = async (codes: string[]) => (await readIndicators(database.db, { codes, year: YEAR, month: 12, mode: 'ytd', ids: ['spm-06-usia-produktif'] }))[0]!;
    expect((await at([D.kecamatanCode])).denominatorRegister).toBe(16);
    expect((await at([D.kabCode])).denominatorRegister).toBe(16);
    const rws = [...new Set(D.people.map(rwCode))];
    const parts = await Promise.all(rws.map((c) => at([c])));
    expect(parts.reduce((s, f) => s + f.denominatorRegister!, 0)).toBe(16);
  });

  it('is what a rebuild from events gives', async () => {
    const snap = async () => ({
      rows: await rows(database.db, sql`select * from person_indicator order by person_id, indicator, year`),
      counters: await rows(database.db, sql`select * from indicator_counter order by area_code, indicator, year, month, sex, age_band`),
    });
    const live = await snap();
    await rebuildIndicators(database.db, { today: FIXTURE_TODAY });
    expect(await snap()).toEqual(live);
  });
});
