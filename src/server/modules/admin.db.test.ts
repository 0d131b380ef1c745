import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, createTestApp, PASSWORD, type Client, type TestApp } from '../testing/test-app';
import { testEngine } from '../testing/test-db';
import { MAX_FAILURES_PER_USERNAME } from '../auth/login-limit';

describe(`auth, areas, facilities, users and audit (${testEngine})`, () => {
  let t: TestApp;
  let admin: Client;
  let dinkes: Client;
  let bidan: Client;
  let kader: Client;
  let kepala: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    dinkes = await t.login('dinkes');
    bidan = await t.login('bidan');
    kader = await t.login('kader');
    kepala = await t.login('kepala');
  });
  afterAll(async () => t?.close());

  describe('login', () => {
    it('returns me with place, scope and permissions; logout ends the session', async () => {
      const c = await t.login('kader');
      const me = (await c.get('/api/auth/me')).json();
      expect(me.user).toMatchObject({
        username: 'kader', role: 'kader', facility: { name: 'Posyandu Mawar', type: 'posyandu' },
        scope: [{ code: CODES.rw1, name: 'RW 001', level: 'rw' }], permissions: { editRegistry: true, manageUsers: false },
      });
      expect(me.csrfToken).toBe(c.csrf);
      expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('sets an httpOnly SameSite=Strict cookie', async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bidan', password: PASSWORD } });
      const c = r.cookies.find((x) => x.name === 'siklus_session')!;
      expect(c.httpOnly).toBe(true);
      expect(c.sameSite).toBe('Strict');
      expect(r.json().user.passwordHash).toBeUndefined();
    });

    it(`locks a username after ${MAX_FAILURES_PER_USERNAME} failures with 429 and a wait time, audited`, async () => {
      const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'petugas', password } });
      for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
        const r = await attempt('salah-' + i);
        expect(r.statusCode).toBe(401);
        expect(r.json().message).toBe('Nama pengguna atau kata sandi salah.');
      }
      const locked = await attempt(PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().retryAfterSeconds).toBeGreaterThan(800);
      expect(locked.json().message).toMatch(/Coba lagi dalam \d+ detik/);
      expect(locked.headers['retry-after']).toBeDefined();
      const failed = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'login_failed' and username = 'petugas'");
      expect(failed[0]!.n).toBe(MAX_FAILURES_PER_USERNAME);
      // Another username is not locked.
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kepala', password: PASSWORD } })).statusCode).toBe(200);
    });

    it('an unknown user gets the same answer as a wrong password', async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tidak-ada', password: 'x' } });
      expect(r.statusCode).toBe(401);
      expect(r.json().error).toBe('login_failed');
    });
  });

  describe('areas', () => {
    it('browses down to the scope with counts, but not sideways', async () => {
      const kec = (await kader.get(`/api/areas/${CODES.kec}`)).json();
      expect(kec.children.map((c: { code: string }) => c.code)).toEqual([CODES.mekarSari]);
      const village = (await kader.get(`/api/areas/${CODES.mekarSari}`)).json();
      expect(village.children).toEqual([expect.objectContaining({ code: CODES.rw1, households: 1, people: 2, inScope: true })]);
      expect(village.ancestors.map((a: { code: string }) => a.code)).toEqual(['ID', '74', '74.02', '74.02.15']);
      expect((await kader.get(`/api/areas/${CODES.rw2}`)).statusCode).toBe(403);
      const district = (await dinkes.get('/api/areas/74.02')).json();
      expect(district.children.map((c: { code: string; people: number }) => [c.code, c.people])).toEqual([['74.02.02', 0], ['74.02.15', 4]]);
      expect(district.counts).toEqual({ households: 3, people: 4 });
      expect(district.facilities.map((f: { type: string }) => f.type)).toEqual(['dinkes', 'puskesmas']);
    });

    it('lets a bidan add an RW and RT under their desa, refuses duplicates, other desa and bad levels', async () => {
      const rw = await bidan.post('/api/areas', { parentCode: CODES.mekarSari, level: 'rw', number: 5 });
      expect(rw.statusCode, rw.body).toBe(201);
      expect(rw.json()).toMatchObject({ code: '74.02.15.1005.RW005', name: 'RW 005' });
      expect((await bidan.post('/api/areas', { parentCode: CODES.mekarSari, level: 'rw', number: 5 })).statusCode).toBe(409);
      expect((await bidan.post('/api/areas', { parentCode: '74.02.15.1005.RW005', level: 'rt', number: 2, name: 'RT 002 Lorong Jambu' })).statusCode).toBe(201);
      expect((await bidan.post('/api/areas', { parentCode: '74.02.15.1005.RW005', level: 'dusun', number: 1 })).statusCode).toBe(400);
      expect((await bidan.post('/api/areas', { parentCode: CODES.tongauna, level: 'rw', number: 7 })).statusCode).toBe(403);
      expect((await kader.post('/api/areas', { parentCode: CODES.rw1, level: 'rt', number: 9 })).statusCode).toBe(403);
      // Only empty units can be deleted.
      expect((await bidan.del('/api/areas/74.02.15.1005.RW005')).statusCode).toBe(409);
      expect((await bidan.del('/api/areas/74.02.15.1005.RW005.RT002')).statusCode).toBe(204);
      expect((await bidan.del('/api/areas/74.02.15.1005.RW005')).statusCode).toBe(204);
      expect((await bidan.del(CODES.mekarSari.replace(/^/, '/api/areas/'))).statusCode).toBe(400);
    });

    it('rejects a malformed area code with a field message', async () => {
      const r = await dinkes.get('/api/areas/74.2');
      expect(r.statusCode).toBe(400);
      expect(r.json().fields.code).toMatch(/Kode wilayah tidak valid/);
      expect((await dinkes.get('/api/areas/74.02.99')).statusCode).toBe(404);
    });
  });

  describe('facilities', () => {
    it('shows a Puskesmas with its network, work area and counts', async () => {
      const r = (await dinkes.get(`/api/facilities/${t.fx.facilities.puskesmas}`)).json();
      expect(r.facility.name).toBe('Puskesmas Tongauna');
      expect(r.parent.name).toBe('Dinas Kesehatan Kabupaten Konawe');
      expect(r.children.map((c: { name: string }) => c.name)).toEqual(['Pustu Mekar Sari']);
      expect(r.coverage.map((a: { code: string }) => a.code)).toEqual([CODES.tongauna, CODES.mekarSari]);
      expect(r.counts).toMatchObject({ households: 3, people: 4, users: 2 });
    });

    it('creates a Posyandu under the Pustu covering an RW; checks parent type and scope', async () => {
      const ok = await bidan.post('/api/facilities', { type: 'posyandu', name: 'Posyandu Anggrek', areaCode: CODES.rw2, parentId: t.fx.facilities.pustu, coverage: [CODES.rw2] });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().coverage.map((a: { code: string }) => a.code)).toEqual([CODES.rw2]);
      const badParent = await bidan.post('/api/facilities', { type: 'posyandu', name: 'Posyandu X', areaCode: CODES.rw2, parentId: t.fx.facilities.dinkes });
      expect(badParent.statusCode).toBe(400);
      expect(badParent.json().fields.parentId).toMatch(/Induk/);
      const outside = await bidan.post('/api/facilities', { type: 'posyandu', name: 'Posyandu Y', areaCode: CODES.tongaunaRw1 });
      expect(outside.statusCode).toBe(403);
    });

    it('keeps one Puskesmas per desa in work areas', async () => {
      const p2 = await dinkes.post('/api/facilities', { type: 'puskesmas', name: 'Puskesmas Unaaha', areaCode: CODES.unaaha, parentId: t.fx.facilities.dinkes, coverage: [CODES.unaaha] });
      expect(p2.statusCode, p2.body).toBe(201);
      const clash = await dinkes.put(`/api/facilities/${p2.json().facility.id}/coverage`, { areaCodes: [CODES.unaaha, CODES.mekarSari] });
      expect(clash.statusCode).toBe(409);
      expect(clash.json()).toMatchObject({ error: 'work_area_taken', areaCode: CODES.mekarSari });
      const wrongLevel = await dinkes.put(`/api/facilities/${p2.json().facility.id}/coverage`, { areaCodes: ['74.02.02'] });
      expect(wrongLevel.statusCode).toBe(400);
    });

    it('edits with optimistic locking and history', async () => {
      const f = (await bidan.get(`/api/facilities/${t.fx.facilities.posyandu1}`)).json().facility;
      const r = await bidan.patch(`/api/facilities/${f.id}`, { name: 'Posyandu Mawar Indah', phone: '081200001111', version: f.version });
      expect(r.statusCode, r.body).toBe(200);
      expect((await bidan.patch(`/api/facilities/${f.id}`, { name: 'X Y', version: f.version })).statusCode).toBe(409);
    });
  });

  describe('users', () => {
    it('a kepala puskesmas creates a kader for a Posyandu in the work area, not a dinkes user', async () => {
      const r = await kepala.post('/api/users', { username: 'kader.anggrek', displayName: 'Ibu Ratna', password: 'kata-sandi-panjang', role: 'kader', facilityId: t.fx.facilities.posyandu2 });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ role: 'kader', areaCode: CODES.rw2, facilityName: 'Posyandu Melati' });
      expect(JSON.stringify(r.json())).not.toContain('scrypt');
      expect((await kepala.post('/api/users', { username: 'dinkes2', displayName: 'Dinas', password: 'kata-sandi-panjang', role: 'dinkes', areaCode: '74.02' })).statusCode).toBe(403);
      const dup = await kepala.post('/api/users', { username: 'KADER.anggrek', displayName: 'Ibu Ratna', password: 'kata-sandi-panjang', role: 'kader', facilityId: t.fx.facilities.posyandu2 });
      expect(dup.statusCode).toBe(409);
      const bad = await kepala.post('/api/users', { username: 'a', displayName: 'B', password: 'short', role: 'kader', facilityId: t.fx.facilities.pustu });
      expect(Object.keys(bad.json().fields).sort()).toEqual(['displayName', 'facilityId', 'password', 'username']);
      const wrongType = await kepala.post('/api/users', { username: 'kader.x', displayName: 'Ibu X', password: 'kata-sandi-panjang', role: 'kader', facilityId: t.fx.facilities.pustu });
      expect(wrongType.json().fields.facilityId).toMatch(/posyandu/);
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kader.anggrek', password: 'kata-sandi-panjang' } });
      expect(login.statusCode).toBe(200);
    });

    it('deactivating a user ends their sessions; kader cannot list users', async () => {
      const c = await t.login('kader2');
      const r = await dinkes.patch(`/api/users/${t.fx.users.kader2}`, { active: false });
      expect(r.statusCode, r.body).toBe(200);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
      expect((await kader.get('/api/users')).statusCode).toBe(403);
      const list = (await dinkes.get('/api/users')).json().items.map((u: { username: string }) => u.username);
      expect(list).toContain('kader');
      expect(list).not.toContain('dinkes-ptk');
    });
  });

  describe('audit log', () => {
    it('lets admins browse reads of a person with who and from where; kader cannot', async () => {
      await bidan.get(`/api/people/${t.fx.people.rw1Mother}`);
      const r = (await admin.get(`/api/audit?personId=${t.fx.people.rw1Mother}&action=read`)).json();
      expect(r.total).toBeGreaterThan(0);
      expect(r.items[0]).toMatchObject({ username: 'bidan', action: 'read', personName: 'Wa Ode Sitti Aisyah', entityType: 'person' });
      expect(r.items[0].ip).toBeTruthy();
      expect((await kader.get('/api/audit')).statusCode).toBe(403);
      const pontianak = (await admin.get('/api/audit?action=denied')).json();
      expect(pontianak.items.every((i: { statusCode: number }) => i.statusCode === 403)).toBe(true);
    });

    it('scopes the audit log of a dinkes user to their district', async () => {
      await (await t.login('dinkes-ptk')).get(`/api/people/${t.fx.people.pontianakAdult}`);
      const items = (await dinkes.get('/api/audit?pageSize=500')).json().items as { areaCode: string | null }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.areaCode?.startsWith('74.02'))).toBe(true);
    });
  });
});
