import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNik } from '../../../core/people/nik';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';

const count = async (t: TestApp, table: string) => (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const auditCount = async (t: TestApp, action: string, personId: string) =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from audit_log where action = $1 and person_id = $2', [action, personId]))[0]!.n;

describe(`people API (${testEngine})`, () => {
  let t: TestApp;
  let kader: Client;
  let bidan: Client;
  let dinkes: Client;
  let dinkesPtk: Client;
  let admin: Client;
  let petugas: Client;
  beforeAll(async () => {
    t = await createTestApp();
    [kader, bidan, dinkes, dinkesPtk, admin, petugas] = (await Promise.all(['kader', 'bidan', 'dinkes', 'dinkes-ptk', 'admin', 'petugas'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client, Client];
  });
  afterAll(async () => t?.close());

  describe('scope on every person route', () => {
    const routes = (id: string, version = 1) => [
      { name: 'GET /api/people/:id', call: (c: Client) => c.get(`/api/people/${id}`) },
      { name: 'GET /api/people/:id/history', call: (c: Client) => c.get(`/api/people/${id}/history`) },
      { name: 'PATCH /api/people/:id', call: (c: Client) => c.patch(`/api/people/${id}`, { phone: '081234567890', version }) },
      { name: 'POST /api/people/:id/move', call: (c: Client) => c.post(`/api/people/${id}/move`, { areaCode: CODES.rw1rt1, date: '2025-01-01' }) },
      { name: 'POST /api/people/:id/status', call: (c: Client) => c.post(`/api/people/${id}/status`, { status: 'deceased', date: '2025-01-01' }) },
    ];

    it('a kader of RW 001 gets 403 on a person of RW 002, on every route, and each is audited as denied', async () => {
      const target = t.fx.people.rw2Adult;
      for (const r of routes(target)) {
        const before = await auditCount(t, 'denied', target);
        const res = await r.call(kader);
        expect(res.statusCode, r.name).toBe(403);
        expect(res.json().error, r.name).toBe('forbidden');
        expect(await auditCount(t, 'denied', target), r.name).toBe(before + 1);
      }
      const p = await t.database.query<{ status: string; phone: string | null }>('select status, phone from person where id = $1', [target]);
      expect(p[0]).toEqual({ status: 'alive', phone: null });
    });

    it('the Pontianak dinkes gets 403 on a Konawe person; the Konawe dinkes reads them', async () => {
      for (const r of routes(t.fx.people.tongaunaAdult).slice(0, 2)) {
        expect((await r.call(dinkesPtk)).statusCode, r.name).toBe(403);
        expect((await r.call(dinkes)).statusCode, r.name).toBe(200);
      }
      expect((await dinkes.get(`/api/people/${t.fx.people.pontianakAdult}`)).statusCode).toBe(403);
      expect((await admin.get(`/api/people/${t.fx.people.pontianakAdult}`)).statusCode).toBe(200);
    });

    it('Puskesmas staff see their work area (both kelurahan) but not another kecamatan', async () => {
      expect((await petugas.get(`/api/people/${t.fx.people.tongaunaAdult}`)).statusCode).toBe(200);
      expect((await petugas.get(`/api/people/${t.fx.people.rw2Adult}`)).statusCode).toBe(200);
      expect((await petugas.get(`/api/people/${t.fx.people.pontianakAdult}`)).statusCode).toBe(403);
    });

    it('a kader reads their own RW person, and the read is audited with who, what and from where', async () => {
      const id = t.fx.people.rw1Mother;
      const before = await auditCount(t, 'read', id);
      const res = await kader.get(`/api/people/${id}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.person.name).toBe('Wa Ode Sitti Aisyah');
      expect(body.children.map((c: { id: string }) => c.id)).toEqual([t.fx.people.rw1Child]);
      expect(body.lineage.map((a: { code: string }) => a.code)).toEqual(['ID', '74', '74.02', '74.02.15', CODES.mekarSari, CODES.rw1, CODES.rw1rt1]);
      expect(await auditCount(t, 'read', id)).toBe(before + 1);
      const [row] = await t.database.query<{ username: string; role: string; ip: string; path: string; entity_type: string }>(
        "select username, role, ip, path, entity_type from audit_log where action = 'read' and person_id = $1 order by id desc limit 1", [id]);
      expect(row).toMatchObject({ username: 'kader', role: 'kader', entity_type: 'person', path: `/api/people/${id}` });
      expect(row!.ip).toBeTruthy();
    });

    it('search returns only people in scope, and is audited as a list', async () => {
      const mine = await kader.get('/api/people?q=a');
      expect(mine.statusCode).toBe(200);
      const ids = mine.json().items.map((p: { id: string }) => p.id).sort();
      expect(ids).toEqual([t.fx.people.rw1Child, t.fx.people.rw1Mother].sort());
      const district = await dinkes.get('/api/people?pageSize=200');
      expect(district.json().total).toBe(4);
      const audits = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'list' and entity_type = 'person' and username = 'kader'");
      expect(audits[0]!.n).toBeGreaterThan(0);
    });

    it('search finds people by folded name, NIK prefix and KK number', async () => {
      const byName = await dinkes.get(`/api/people?q=${encodeURIComponent('sitti  AISYAH')}`);
      expect(byName.json().items[0].id).toBe(t.fx.people.rw1Mother);
      const fuzzy = await dinkes.get(`/api/people?q=${encodeURIComponent('nurhayti lasanudin')}`);
      expect(fuzzy.json().items[0]?.id).toBe(t.fx.people.tongaunaAdult);
      const nik = makeNik('740215', '1980-11-30', 'M', 3);
      const byNik = await dinkes.get(`/api/people?q=${nik.slice(0, 10)}`);
      expect(byNik.json().items.map((p: { id: string }) => p.id)).toEqual([t.fx.people.rw2Adult]);
      const byKk = await dinkes.get('/api/people?q=7402150101200001');
      expect(byKk.json().items.map((p: { id: string }) => p.id).sort()).toEqual([t.fx.people.rw1Child, t.fx.people.rw1Mother].sort());
    });
  });

  describe('registering people', () => {
    const valid = () => ({ name: 'Siti Rahmawati', sex: 'F', birthDate: '1999-04-21', householdId: t.fx.households.rw1, relationship: 'anak', nik: makeNik('740215', '1999-04-21', 'F', 50) });

    it('creates a person in the household, with a residence row and an audit row in the same transaction', async () => {
      const people = await count(t, 'person');
      const res = await kader.post('/api/people', valid());
      expect(res.statusCode, res.body).toBe(201);
      const p = res.json().person;
      expect(p).toMatchObject({ name: 'Siti Rahmawati', areaCode: CODES.rw1rt1, villageCode: CODES.mekarSari, kabCode: '74.02', version: 1, acceptedWarnings: [] });
      expect(await count(t, 'person')).toBe(people + 1);
      expect((await t.database.query('select * from person_residence where person_id = $1', [p.id])).length).toBe(1);
      expect(await auditCount(t, 'create', p.id)).toBe(1);
    });

    it('refuses bad input with a message per field and writes nothing', async () => {
      const before = { person: await count(t, 'person'), audit: await count(t, 'audit_log'), residence: await count(t, 'person_residence') };
      const res = await kader.post('/api/people', {
        name: 'A', sex: 'X', birthDate: '2999-01-01', nik: '740215570899001', phone: '12345', jknNumber: '12', areaCode: '74.02.15.9999.RW001',
      });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error).toBe('validation_error');
      expect(Object.keys(body.fields).sort()).toEqual(['jknNumber', 'name', 'phone', 'sex'].sort());
      expect(body.fields.phone).toContain('08');
      // Shape is fine now; the domain checks report NIK, date and area together.
      const res2 = await kader.post('/api/people', { name: 'Ani', sex: 'F', birthDate: '2999-01-01', nik: '740215570899001', areaCode: '74.02.15.9999.RW001' });
      expect(res2.statusCode).toBe(400);
      const f2 = res2.json().fields;
      expect(f2.nik).toMatch(/16 digit.*15/);
      expect(f2.birthDate).toMatch(/setelah hari ini/);
      expect(f2.areaCode).toMatch(/tidak dikenal/);
      const res3 = await kader.post('/api/people', { name: 'Ani', sex: 'F', birthDate: '2020-02-30', areaCode: CODES.rw1rt1 });
      expect(res3.json().fields.birthDate).toMatch(/TTTT-BB-HH/);
      const res4 = await kader.post('/api/people', { name: 'Ani', sex: 'F', birthDate: '2020-01-01', areaCode: 'not-a-code' });
      expect(res4.statusCode).toBe(400);
      expect(res4.json().fields.areaCode).toMatch(/Kode wilayah tidak valid/);
      expect({ person: await count(t, 'person'), audit: await count(t, 'audit_log'), residence: await count(t, 'person_residence') }).toEqual(before);
    });

    it('refuses to register outside the scope', async () => {
      const res = await kader.post('/api/people', { ...valid(), nik: null, householdId: t.fx.households.rw2 });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.householdId).toBeDefined();
      const res2 = await kader.post('/api/people', { name: 'Budi', sex: 'M', birthDate: '2001-01-01', areaCode: CODES.rw2rt1 });
      expect(res2.json().fields.areaCode).toMatch(/di luar wilayah/);
    });

    it('refuses a duplicate NIK with a link to the existing person (named only within scope)', async () => {
      const nik = makeNik('740215', '1995-03-12', 'F', 1);
      const res = await bidan.post('/api/people', { name: 'Aisyah', sex: 'F', birthDate: '1995-03-12', nik, areaCode: CODES.rw2rt1 });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: 'nik_duplicate', existing: { id: t.fx.people.rw1Mother, name: 'Wa Ode Sitti Aisyah' } });
      const ptkNik = makeNik('617104', '1988-07-07', 'M', 5);
      const hidden = await kader.post('/api/people', { name: 'Hendra', sex: 'M', birthDate: '1988-07-07', nik: ptkNik, areaCode: CODES.rw1rt1 });
      expect(hidden.statusCode).toBe(409);
      expect(hidden.json()).toMatchObject({ error: 'nik_duplicate_elsewhere', existing: null });
      expect(hidden.body).not.toContain('Hendra Wijaya');
    });

    it('warns on a NIK that disagrees with the birth date and sex; saves with confirmation and keeps the warning', async () => {
      const nik = makeNik('740215', '1990-08-17', 'M', 77);
      const body = { name: 'Rahmat Hidayat', sex: 'F', birthDate: '1990-08-18', nik, areaCode: CODES.rw1rt1 };
      const res = await kader.post('/api/people', body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toBe('needs_confirmation');
      expect(res.json().warnings.map((w: { code: string }) => w.code)).toEqual(['nik_birth_date_mismatch', 'nik_sex_mismatch']);
      const ok = await kader.post('/api/people', { ...body, confirm: ['nik_birth_date_mismatch', 'nik_sex_mismatch'] });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().person.acceptedWarnings.map((w: { code: string }) => w.code)).toEqual(['nik_birth_date_mismatch', 'nik_sex_mismatch']);
    });

    it('warns on a similar name with the same birth date in the same desa', async () => {
      const res = await bidan.post('/api/people', { name: 'Wa Ode Siti Aisyah', sex: 'F', birthDate: '1995-03-12', areaCode: CODES.rw2rt1 });
      expect(res.statusCode).toBe(409);
      expect(res.json().warnings[0]).toMatchObject({ code: 'possible_duplicate', field: 'name' });
      expect(res.json().warnings[0].message).toContain('Wa Ode Sitti Aisyah');
      const ok = await bidan.post('/api/people', { name: 'Wa Ode Siti Aisyah', sex: 'F', birthDate: '1995-03-12', areaCode: CODES.rw2rt1, confirm: ['possible_duplicate'] });
      expect(ok.statusCode).toBe(201);
    });

    it('checks the mother link', async () => {
      const res = await kader.post('/api/people', { name: 'Bayi Uji', sex: 'M', birthDate: '2026-01-01', householdId: t.fx.households.rw1, motherId: t.fx.people.rw1Child });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.motherId).toMatch(/perempuan/);
      const out = await kader.post('/api/people', { name: 'Bayi Uji', sex: 'M', birthDate: '2026-01-01', householdId: t.fx.households.rw1, motherId: t.fx.people.rw2Adult });
      expect(out.json().fields.motherId).toMatch(/tidak ditemukan/);
    });
  });

  describe('editing, moving and status', () => {
    it('keeps every field change in the history, with optimistic locking', async () => {
      const id = t.fx.people.tongaunaAdult;
      const p = (await petugas.get(`/api/people/${id}`)).json().person;
      const res = await petugas.patch(`/api/people/${id}`, { phone: '081355512345', jknNumber: '0001234567890', version: p.version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().person).toMatchObject({ phone: '081355512345', jknNumber: '0001234567890', version: p.version + 1 });
      const stale = await petugas.patch(`/api/people/${id}`, { phone: '081355599999', version: p.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: 'version_conflict', currentVersion: p.version + 1 });
      const h = (await petugas.get(`/api/people/${id}/history`)).json();
      expect(h.changes.map((c: { field: string }) => c.field).sort()).toEqual(['jknNumber', 'phone']);
      expect(h.changes.find((c: { field: string }) => c.field === 'phone')).toMatchObject({ oldValue: null, newValue: '081355512345', userName: 'petugas' });
    });

    it('moves a person to another household, closing and opening residences', async () => {
      const id = t.fx.people.rw2Adult;
      const res = await bidan.post(`/api/people/${id}/move`, { householdId: t.fx.households.rw1, relationship: 'famili_lain', date: '2026-01-15' });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.person).toMatchObject({ householdId: t.fx.households.rw1, areaCode: CODES.rw1rt1, relationship: 'famili_lain' });
      const open = body.residences.filter((r: { toDate: string | null }) => r.toDate === null);
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ householdId: t.fx.households.rw1, fromDate: '2026-01-15' });
      expect(body.residences.some((r: { toDate: string | null }) => r.toDate === '2026-01-15')).toBe(true);
      // Now the kader of RW 001 sees him, and the kader of RW 002 no longer does.
      expect((await kader.get(`/api/people/${id}`)).statusCode).toBe(200);
      const kader2 = await t.login('kader2');
      expect((await kader2.get(`/api/people/${id}`)).statusCode).toBe(403);
      const same = await bidan.post(`/api/people/${id}/move`, { householdId: t.fx.households.rw1, date: '2026-01-16' });
      expect(same.statusCode).toBe(400);
    });

    it('records death with a date; a future date or a missing date is refused', async () => {
      const id = t.fx.people.rw1Child;
      expect((await kader.post(`/api/people/${id}/status`, { status: 'deceased' })).json().fields.date).toBeDefined();
      expect((await kader.post(`/api/people/${id}/status`, { status: 'deceased', date: '2999-01-01' })).statusCode).toBe(400);
      expect((await kader.post(`/api/people/${id}/status`, { status: 'deceased', date: '2020-01-01' })).json().fields.date).toMatch(/sebelum tanggal lahir/);
      const ok = await kader.post(`/api/people/${id}/status`, { status: 'deceased', date: '2025-02-01' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().person).toMatchObject({ status: 'deceased', statusDate: '2025-02-01' });
    });
  });
});
