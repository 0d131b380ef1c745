import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { makeNik } from '../../core/people/nik';
import { normalizeName } from '../../core/people/names';
import type { Role } from '../../core/access/roles';
import { loadConfig } from '../config';
import { hashPassword } from '../auth/password';
import { area, appUser, facility, facilityCoverage, household, person, personResidence } from '../db/schema';
import { buildApp } from '../http/app';
import { createTestDatabase, type TestDatabase } from './test-db';

/**
 * A small, fully known district for API tests: Kecamatan Tongauna (74.02.15)
 * with two kelurahan, RWs and RTs, a Puskesmas, a Pustu, two Posyandu, one
 * user per role, and households and people on both sides of every scope edge.
 * Pontianak (61.71) exists as a second district for cross-district checks.
 */
export const PASSWORD = 'rahasia-uji-123';

export const CODES = {
  kab: '74.02',
  kec: '74.02.15',
  mekarSari: '74.02.15.1005',
  rw1: '74.02.15.1005.RW001',
  rw1rt1: '74.02.15.1005.RW001.RT001',
  rw2: '74.02.15.1005.RW002',
  rw2rt1: '74.02.15.1005.RW002.RT001',
  tongauna: '74.02.15.1001',
  tongaunaRw1: '74.02.15.1001.RW001',
  otherKec: '74.02.02',
  unaaha: '74.02.02.1013',
  pontianak: '61.71',
  siantanHulu: '61.71.04.1001',
};

export interface Fixture {
  facilities: { dinkes: string; puskesmas: string; pustu: string; posyandu1: string; posyandu2: string; pustuPontianak: string };
  households: { rw1: string; rw2: string; tongauna: string; pontianak: string };
  people: { rw1Mother: string; rw1Child: string; rw2Adult: string; tongaunaAdult: string; pontianakAdult: string };
  users: Record<'kader' | 'kader2' | 'bidan' | 'petugas' | 'kepala' | 'dinkes' | 'dinkesPontianak' | 'admin', string>;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  fx: Fixture;
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  csrf: string;
  cookie: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  del(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

async function seedFixture(db: TestDatabase): Promise<Fixture> {
  const areas: (typeof area.$inferInsert)[] = [
    { code: 'ID', parentCode: null, level: 'country', name: 'Indonesia' },
    { code: '74', parentCode: 'ID', level: 'province', name: 'Sulawesi Tenggara' },
    { code: '61', parentCode: 'ID', level: 'province', name: 'Kalimantan Barat' },
    { code: '74.02', parentCode: '74', level: 'regency', kind: 'kabupaten', name: 'Kabupaten Konawe', kabCode: '74.02' },
    { code: '61.71', parentCode: '61', level: 'regency', kind: 'kota', name: 'Kota Pontianak', kabCode: '61.71' },
    { code: '74.02.15', parentCode: '74.02', level: 'district', name: 'Tongauna', kabCode: '74.02' },
    { code: '74.02.02', parentCode: '74.02', level: 'district', name: 'Unaaha', kabCode: '74.02' },
    { code: '61.71.04', parentCode: '61.71', level: 'district', name: 'Pontianak Utara', kabCode: '61.71' },
    { code: CODES.mekarSari, parentCode: '74.02.15', level: 'village', kind: 'kelurahan', name: 'Mekar Sari', kabCode: '74.02' },
    { code: CODES.tongauna, parentCode: '74.02.15', level: 'village', kind: 'kelurahan', name: 'Tongauna', kabCode: '74.02' },
    { code: CODES.unaaha, parentCode: '74.02.02', level: 'village', kind: 'kelurahan', name: 'Unaaha', kabCode: '74.02' },
    { code: CODES.siantanHulu, parentCode: '61.71.04', level: 'village', kind: 'kelurahan', name: 'Siantan Hulu', kabCode: '61.71' },
    { code: CODES.rw1, parentCode: CODES.mekarSari, level: 'rw', name: 'RW 001', kabCode: '74.02' },
    { code: CODES.rw1rt1, parentCode: CODES.rw1, level: 'rt', name: 'RT 001', kabCode: '74.02' },
    { code: CODES.rw2, parentCode: CODES.mekarSari, level: 'rw', name: 'RW 002', kabCode: '74.02' },
    { code: CODES.rw2rt1, parentCode: CODES.rw2, level: 'rt', name: 'RT 001', kabCode: '74.02' },
    { code: CODES.tongaunaRw1, parentCode: CODES.tongauna, level: 'rw', name: 'RW 001', kabCode: '74.02' },
  ];
  await db.db.insert(area).values(areas);

  const f = {
    dinkes: randomUUID(), puskesmas: randomUUID(), pustu: randomUUID(), posyandu1: randomUUID(), posyandu2: randomUUID(), pustuPontianak: randomUUID(),
  };
  await db.db.insert(facility).values([
    { id: f.dinkes, kabCode: '74.02', type: 'dinkes', name: 'Dinas Kesehatan Kabupaten Konawe', areaCode: CODES.unaaha },
    { id: f.puskesmas, kabCode: '74.02', type: 'puskesmas', name: 'Puskesmas Tongauna', areaCode: CODES.tongauna, parentId: f.dinkes },
    { id: f.pustu, kabCode: '74.02', type: 'pustu', name: 'Pustu Mekar Sari', areaCode: CODES.mekarSari, parentId: f.puskesmas },
    { id: f.posyandu1, kabCode: '74.02', type: 'posyandu', name: 'Posyandu Mawar', areaCode: CODES.rw1, parentId: f.pustu },
    { id: f.posyandu2, kabCode: '74.02', type: 'posyandu', name: 'Posyandu Melati', areaCode: CODES.rw2, parentId: f.pustu },
    { id: f.pustuPontianak, kabCode: '61.71', type: 'pustu', name: 'Pustu Siantan Hulu', areaCode: CODES.siantanHulu },
  ]);
  await db.db.insert(facilityCoverage).values([
    { facilityId: f.puskesmas, areaCode: CODES.mekarSari, facilityType: 'puskesmas', kabCode: '74.02' },
    { facilityId: f.puskesmas, areaCode: CODES.tongauna, facilityType: 'puskesmas', kabCode: '74.02' },
    { facilityId: f.pustu, areaCode: CODES.mekarSari, facilityType: 'pustu', kabCode: '74.02' },
    { facilityId: f.posyandu1, areaCode: CODES.rw1, facilityType: 'posyandu', kabCode: '74.02' },
    { facilityId: f.posyandu2, areaCode: CODES.rw2, facilityType: 'posyandu', kabCode: '74.02' },
    { facilityId: f.pustuPontianak, areaCode: CODES.siantanHulu, facilityType: 'pustu', kabCode: '61.71' },
  ]);

  const hh = { rw1: randomUUID(), rw2: randomUUID(), tongauna: randomUUID(), pontianak: randomUUID() };
  await db.db.insert(household).values([
    { id: hh.rw1, kabCode: '74.02', kkNumber: '7402150101200001', areaCode: CODES.rw1rt1, villageCode: CODES.mekarSari, address: 'Jl. Poros Unaaha 1' },
    { id: hh.rw2, kabCode: '74.02', kkNumber: '7402150101200002', areaCode: CODES.rw2rt1, villageCode: CODES.mekarSari, address: 'Jl. Melati 2' },
    { id: hh.tongauna, kabCode: '74.02', kkNumber: '7402150101200003', areaCode: CODES.tongaunaRw1, villageCode: CODES.tongauna, address: 'Jl. Tongauna 3' },
    { id: hh.pontianak, kabCode: '61.71', kkNumber: '6171040101200004', areaCode: CODES.siantanHulu, villageCode: CODES.siantanHulu, address: 'Jl. Khatulistiwa 4' },
  ]);
  const p = { rw1Mother: randomUUID(), rw1Child: randomUUID(), rw2Adult: randomUUID(), tongaunaAdult: randomUUID(), pontianakAdult: randomUUID() };
  const mk = (id: string, name: string, sex: 'M' | 'F', birthDate: string, hhId: string, areaCode: string, villageCode: string, kabCode: string, region: string, serial: number, extra: Partial<typeof person.$inferInsert> = {}) => ({
    id, kabCode, nik: makeNik(region, birthDate, sex, serial), name, nameSearch: normalizeName(name), sex, birthDate, householdId: hhId, areaCode, villageCode, ...extra,
  });
  await db.db.insert(person).values([
    mk(p.rw1Mother, 'Wa Ode Sitti Aisyah', 'F', '1995-03-12', hh.rw1, CODES.rw1rt1, CODES.mekarSari, '74.02', '740215', 1, { relationship: 'istri' }),
    mk(p.rw1Child, 'Andi Saputra', 'M', '2024-06-01', hh.rw1, CODES.rw1rt1, CODES.mekarSari, '74.02', '740215', 2, { relationship: 'anak', motherId: p.rw1Mother }),
    mk(p.rw2Adult, 'Lukman Hakim', 'M', '1980-11-30', hh.rw2, CODES.rw2rt1, CODES.mekarSari, '74.02', '740215', 3, { relationship: 'kepala' }),
    mk(p.tongaunaAdult, 'Nurhayati Lasanudin', 'F', '1970-01-05', hh.tongauna, CODES.tongaunaRw1, CODES.tongauna, '74.02', '740215', 4, { relationship: 'kepala' }),
    mk(p.pontianakAdult, 'Hendra Wijaya', 'M', '1988-07-07', hh.pontianak, CODES.siantanHulu, CODES.siantanHulu, '61.71', '617104', 5, { relationship: 'kepala' }),
  ]);
  await db.db.insert(personResidence).values(Object.values(p).map((id) => ({ kabCode: '74.02', personId: id, areaCode: CODES.rw1, fromDate: '2024-01-01' })));

  const hash = await hashPassword(PASSWORD);
  const users: Fixture['users'] = {
    kader: randomUUID(), kader2: randomUUID(), bidan: randomUUID(), petugas: randomUUID(), kepala: randomUUID(), dinkes: randomUUID(), dinkesPontianak: randomUUID(), admin: randomUUID(),
  };
  const u = (id: string, username: string, role: Role, facilityId: string | null, areaCode: string, kabCode: string | null) => ({
    id, username, displayName: username, passwordHash: hash, role, facilityId, areaCode, kabCode,
  });
  await db.db.insert(appUser).values([
    u(users.kader, 'kader', 'kader', f.posyandu1, CODES.rw1, '74.02'),
    u(users.kader2, 'kader2', 'kader', f.posyandu2, CODES.rw2, '74.02'),
    u(users.bidan, 'bidan', 'bidan', f.pustu, CODES.mekarSari, '74.02'),
    u(users.petugas, 'petugas', 'petugas_klaster', f.puskesmas, CODES.tongauna, '74.02'),
    u(users.kepala, 'kepala', 'kepala_puskesmas', f.puskesmas, CODES.tongauna, '74.02'),
    u(users.dinkes, 'dinkes', 'dinkes', null, '74.02', '74.02'),
    u(users.dinkesPontianak, 'dinkes-ptk', 'dinkes', null, '61.71', '61.71'),
    u(users.admin, 'admin', 'admin', null, 'ID', null),
  ]);
  return { facilities: f, households: hh, people: p, users };
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const fx = await seedFixture(database);
  const app = await buildApp({ database, config: { ...loadConfig({}), cookieSecure: false }, webRoot: null });
  await app.ready();

  const login = async (username: string, password = PASSWORD): Promise<Client> => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
    const cookie = r.cookies.find((c) => c.name === 'siklus_session')!;
    const csrf = r.json().csrfToken as string;
    const cookieHeader = `siklus_session=${cookie.value}`;
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie: cookieHeader, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return {
      csrf,
      cookie: cookieHeader,
      get: (url, h) => send('GET', url, undefined, h),
      post: (url, b, h) => send('POST', url, b, h),
      patch: (url, b, h) => send('PATCH', url, b, h),
      put: (url, b, h) => send('PUT', url, b, h),
      del: (url, h) => send('DELETE', url, undefined, h),
    };
  };

  return {
    app,
    database,
    fx,
    login,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

export interface ReferralFixture {
  /** A Puskesmas in another kecamatan (Unaaha): the person of Mekar Sari lies outside its work area. */
  puskesmasUnaaha: string;
  /** A hospital: outside the ILP network, no users. */
  rsud: string;
  /** A petugas klaster of Puskesmas Unaaha. */
  petugasUnaaha: string;
}

/**
 * Adds, for the tests that ask for it, a second Puskesmas whose work area
 * (Kelurahan Unaaha) excludes the fixture's people, its petugas
 * ("petugas-unaaha"), and a district hospital. Kept out of the base fixture
 * so counts other tests rely on do not change.
 */
export async function addReferralFixture(t: TestApp): Promise<ReferralFixture> {
  const db = t.database.db;
  const ids: ReferralFixture = { puskesmasUnaaha: randomUUID(), rsud: randomUUID(), petugasUnaaha: randomUUID() };
  await db.insert(facility).values([
    { id: ids.puskesmasUnaaha, kabCode: '74.02', type: 'puskesmas', name: 'Puskesmas Unaaha', areaCode: CODES.unaaha, parentId: t.fx.facilities.dinkes },
    { id: ids.rsud, kabCode: '74.02', type: 'rumah_sakit', name: 'RSUD Konawe', areaCode: CODES.unaaha, parentId: t.fx.facilities.dinkes },
  ]);
  await db.insert(facilityCoverage).values({ facilityId: ids.puskesmasUnaaha, areaCode: CODES.unaaha, facilityType: 'puskesmas', kabCode: '74.02' });
  await db.insert(appUser).values({
    id: ids.petugasUnaaha, username: 'petugas-unaaha', displayName: 'Petugas Unaaha', passwordHash: await hashPassword(PASSWORD),
    role: 'petugas_klaster', facilityId: ids.puskesmasUnaaha, areaCode: CODES.unaaha, kabCode: '74.02',
  });
  return ids;
}
