import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';

const count = async (t: TestApp, sql: string, params: unknown[] = []) => (await t.database.query<{ n: number }>(sql, params))[0]!.n;

describe(`households API (${testEngine})`, () => {
  let t: TestApp;
  let kader: Client;
  let bidan: Client;
  let dinkes: Client;
  let dinkesPtk: Client;
  beforeAll(async () => {
    t = await createTestApp();
    kader = await t.login('kader');
    bidan = await t.login('bidan');
    dinkes = await t.login('dinkes');
    dinkesPtk = await t.login('dinkes-ptk');
  });
  afterAll(async () => t?.close());

  const routes = (id: string) => [
    { name: 'GET /api/households/:id', call: (c: Client) => c.get(`/api/households/${id}`) },
    { name: 'GET /api/households/:id/history', call: (c: Client) => c.get(`/api/households/${id}/history`) },
    { name: 'PATCH /api/households/:id', call: (c: Client) => c.patch(`/api/households/${id}`, { address: 'Jl. Baru', version: 1 }) },
  ];

  it('a kader of RW 001 gets 403 on an RW 002 household on every route, each audited as denied', async () => {
    const id = t.fx.households.rw2;
    for (const r of routes(id)) {
      const before = await count(t, "select count(*)::int as n from audit_log where action = 'denied' and entity_id = $1", [id]);
      const res = await r.call(kader);
      expect(res.statusCode, r.name).toBe(403);
      expect(await count(t, "select count(*)::int as n from audit_log where action = 'denied' and entity_id = $1", [id]), r.name).toBe(before + 1);
    }
    expect((await t.database.query<{ address: string }>('select address from household where id = $1', [id]))[0]!.address).toBe('Jl. Melati 2');
  });

  it('the list shows a kader only their RW; dinkes sees the district; another district sees none of it', async () => {
    const mine = (await kader.get('/api/households')).json();
    expect(mine.items.map((h: { id: string }) => h.id)).toEqual([t.fx.households.rw1]);
    expect(mine.items[0]).toMatchObject({ rt: '001', rw: '001', villageName: 'Mekar Sari', memberCount: 2 });
    const outside = await kader.get(`/api/households?area=${CODES.rw2}`);
    expect(outside.json().items).toEqual([]);
    const district = (await dinkes.get('/api/households?area=74.02')).json();
    expect(district.total).toBe(3);
    const other = (await dinkesPtk.get('/api/households?area=74.02')).json();
    expect(other.total).toBe(0);
  });

  it('reads a household with its members, audited with the member ids', async () => {
    const res = await kader.get(`/api/households/${t.fx.households.rw1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.members.map((m: { name: string }) => m.name).sort()).toEqual(['Andi Saputra', 'Wa Ode Sitti Aisyah']);
    const [a] = await t.database.query<{ details: { members: string[] } }>(
      "select details from audit_log where action = 'read' and entity_type = 'household' and entity_id = $1 order by id desc limit 1", [t.fx.households.rw1]);
    expect(a!.details.members.sort()).toEqual([t.fx.people.rw1Child, t.fx.people.rw1Mother].sort());
  });

  it('searches by KK number prefix, member name and address', async () => {
    expect((await dinkes.get('/api/households?q=74021501012000')).json().total).toBe(3);
    expect((await dinkes.get('/api/households?q=lukman')).json().items.map((h: { id: string }) => h.id)).toEqual([t.fx.households.rw2]);
    expect((await dinkes.get(`/api/households?q=${encodeURIComponent('Jl. Tongauna')}`)).json().items.map((h: { id: string }) => h.id)).toEqual([t.fx.households.tongauna]);
  });

  it('creates a household: KK number checked, a 15-digit KK or an unknown area refused with nothing written', async () => {
    const before = await count(t, 'select count(*)::int as n from household');
    const bad = await kader.post('/api/households', { kkNumber: '740215010120000', areaCode: '74.02.15.1005.RW009' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.kkNumber).toMatch(/16 digit/);
    expect(bad.json().fields.areaCode).toMatch(/tidak dikenal/);
    expect(await count(t, 'select count(*)::int as n from household')).toBe(before);
    const dup = await kader.post('/api/households', { kkNumber: '7402150101200001', areaCode: CODES.rw1rt1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ error: 'kk_duplicate', existing: { id: t.fx.households.rw1 } });
    const ok = await kader.post('/api/households', { kkNumber: '7402 1501 0220 0099', areaCode: CODES.rw1rt1, address: 'Jl. Mawar 9' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().household).toMatchObject({ kkNumber: '7402150102200099', rt: '001', rw: '001', memberCount: 0 });
    const outside = await kader.post('/api/households', { areaCode: CODES.rw2rt1 });
    expect(outside.statusCode).toBe(400);
  });

  it('moving a household moves its members and keeps their residence history', async () => {
    const id = t.fx.households.rw1;
    const res = await bidan.patch(`/api/households/${id}`, { areaCode: CODES.rw2rt1, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().household.areaCode).toBe(CODES.rw2rt1);
    const members = await t.database.query<{ area_code: string }>('select area_code from person where household_id = $1', [id]);
    expect(members.every((m) => m.area_code === CODES.rw2rt1)).toBe(true);
    const open = await count(t, 'select count(*)::int as n from person_residence where person_id = $1 and to_date is null', [t.fx.people.rw1Mother]);
    expect(open).toBe(1);
    const hist = (await bidan.get(`/api/households/${id}/history`)).json();
    expect(hist.changes[0]).toMatchObject({ field: 'areaCode', oldValue: CODES.rw1rt1, newValue: CODES.rw2rt1 });
    // The RW 001 kader lost it; RW 002's kader gained it.
    expect((await kader.get(`/api/households/${id}`)).statusCode).toBe(403);
    expect((await (await t.login('kader2')).get(`/api/households/${id}`)).statusCode).toBe(200);
  });

  it('sets the head only to a member of the household', async () => {
    const id = t.fx.households.tongauna;
    const h = (await dinkes.get(`/api/households/${id}`)).json().household;
    const bad = await dinkes.patch(`/api/households/${id}`, { headPersonId: t.fx.people.rw2Adult, version: h.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.headPersonId).toMatch(/anggota/);
  });
});
