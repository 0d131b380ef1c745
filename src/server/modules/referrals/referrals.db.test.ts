import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../core/time/dates';
import { loadConfig } from '../../config';
import { addReferralFixture, createTestApp, type Client, type ReferralFixture, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';

const today = todayIn(loadConfig({}).timeZone);
const count = async (t: TestApp, sql: string, params: unknown[] = []) => (await t.database.query<{ n: number }>(sql, params))[0]!.n;

describe(`referrals API (${testEngine})`, () => {
  let t: TestApp;
  let rf: ReferralFixture;
  let kader: Client;
  let kader2: Client;
  let bidan: Client;
  let petugas: Client;
  let unaaha: Client;
  let dinkes: Client;
  beforeAll(async () => {
    t = await createTestApp();
    rf = await addReferralFixture(t);
    // One after another: parallel logins open several pooled connections, and the PostgreSQL test
    // teardown (DROP DATABASE … FORCE right after pool.end()) can then race with their closing.
    const c: Client[] = [];
    for (const u of ['kader', 'kader2', 'bidan', 'petugas', 'petugas-unaaha', 'dinkes']) c.push(await t.login(u));
    [kader, kader2, bidan, petugas, unaaha, dinkes] = c as [Client, Client, Client, Client, Client, Client];
  });
  afterAll(async () => t?.close());

  const body = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    personId: t.fx.people.rw1Child,
    fromFacilityId: t.fx.facilities.posyandu1,
    toFacilityId: t.fx.facilities.puskesmas,
    reason: 'BB tidak naik 2 bulan berturut-turut (2T)',
    urgency: 'urgent',
    findings: { weightKg: 7.9, outcomes: ['T', 'T'] },
    ...over,
  });

  it('round trip Posyandu → Puskesmas → handled → back-referral, visible to the sending kader with every step', async () => {
    const b = body();
    const created = await kader.post('/api/referrals', b);
    expect(created.statusCode, created.body).toBe(201);
    const r0 = created.json().referral;
    expect(r0).toMatchObject({ status: 'sent', urgency: 'urgent', dueBy: addDays(today, 3), overdue: false, from: { id: t.fx.facilities.posyandu1, type: 'posyandu' }, to: { id: t.fx.facilities.puskesmas, type: 'puskesmas' } });
    expect(r0.person).toMatchObject({ id: t.fx.people.rw1Child, name: 'Andi Saputra' });
    expect(r0.steps.map((s: { step: string }) => s.step)).toEqual(['sent']);

    // A retried upload is accepted once; the same id with other content is refused.
    const again = await kader.post('/api/referrals', b);
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('duplicate');
    expect(await count(t, 'select count(*)::int as n from referral where id = $1', [b.id])).toBe(1);
    expect(await count(t, 'select count(*)::int as n from referral_step where referral_id = $1', [b.id])).toBe(1);
    const clash = await kader.post('/api/referrals', { ...b, reason: 'lain' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toBe('referral_conflict');

    const inbox = (await petugas.get('/api/referrals?box=inbox&status=open')).json();
    expect(inbox.referrals.map((r: { id: string }) => r.id)).toContain(b.id);
    expect((await petugas.post(`/api/referrals/${b.id}/receive`, {})).json().referral.status).toBe('received');
    const handled = await petugas.post(`/api/referrals/${b.id}/handle`, { outcome: 'Gizi kurang; PMT pemulihan 90 hari', note: 'Diperiksa dokter' });
    expect(handled.statusCode, handled.body).toBe(200);
    const back = await petugas.post(`/api/referrals/${b.id}/back-refer`, { instructions: 'Timbang ulang tiap 2 minggu di Posyandu; kunjungan rumah bila tidak datang.' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().referral).toMatchObject({ status: 'back_referred', outcome: 'Gizi kurang; PMT pemulihan 90 hari', backInstructions: expect.stringContaining('Timbang ulang') });

    // The sender's outbox shows the back-referral with its instructions and the steps.
    const outbox = (await kader.get('/api/referrals?box=outbox')).json();
    const mine = outbox.referrals.find((r: { id: string }) => r.id === b.id);
    expect(mine).toMatchObject({ status: 'back_referred', backInstructions: expect.stringContaining('Timbang ulang') });
    expect(mine.steps.map((s: { step: string; byName: string }) => [s.step, s.byName])).toEqual([
      ['sent', 'kader'], ['received', 'petugas'], ['handled', 'petugas'], ['back_referred', 'petugas'],
    ]);
    expect(mine.steps[2]).toMatchObject({ note: 'Diperiksa dokter', data: { outcome: 'Gizi kurang; PMT pemulihan 90 hari' }, daysSinceSent: 0 });
    expect((await kader.get(`/api/referrals/${b.id}`)).statusCode).toBe(200);
    // Each write is audited in its transaction: create + 3 steps.
    expect(await count(t, "select count(*)::int as n from audit_log where entity_type = 'referral' and entity_id = $1 and action in ('create','update')", [b.id])).toBe(4);

    // Closed: no further step.
    const late = await petugas.post(`/api/referrals/${b.id}/cancel`, { note: 'x' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: 'referral_status', status: 'back_referred' });
    expect(late.json().message).toContain('dirujuk balik');
  });

  it('handling a sent referral records its receipt first; only the receiver may handle (403 audited)', async () => {
    const b = body({ urgency: 'routine' });
    expect((await kader.post('/api/referrals', b)).statusCode).toBe(201);
    const denied = await kader.post(`/api/referrals/${b.id}/handle`, { outcome: 'x' });
    expect(denied.statusCode).toBe(403);
    expect(await count(t, "select count(*)::int as n from audit_log where action = 'denied' and entity_id = $1", [b.id])).toBe(1);
    expect((await petugas.post(`/api/referrals/${b.id}/back-refer`, { instructions: 'x' })).statusCode).toBe(409);
    const h = (await petugas.post(`/api/referrals/${b.id}/handle`, { outcome: 'Sehat' })).json().referral;
    expect(h.steps.map((s: { step: string }) => s.step)).toEqual(['sent', 'received', 'handled']);
    // A note from either side does not change the status.
    const n = (await kader.post(`/api/referrals/${b.id}/note`, { note: 'Ibu sudah diberi tahu' })).json().referral;
    expect(n.status).toBe('handled');
    expect(n.steps.at(-1)).toMatchObject({ step: 'note', note: 'Ibu sudah diberi tahu' });
  });

  it('validates levels, the sending facility, the person and the input, writing nothing on error', async () => {
    const before = await count(t, 'select count(*)::int as n from referral');
    const down = await bidan.post('/api/referrals', body({ fromFacilityId: t.fx.facilities.pustu, toFacilityId: t.fx.facilities.posyandu1 }));
    expect(down.statusCode).toBe(400);
    expect(down.json().fields.toFacilityId).toMatch(/setingkat atau lebih tinggi/);
    const same = await bidan.post('/api/referrals', body({ fromFacilityId: t.fx.facilities.pustu, toFacilityId: t.fx.facilities.pustu }));
    expect(same.json().fields.toFacilityId).toMatch(/sama dengan/);
    const office = await bidan.post('/api/referrals', body({ fromFacilityId: t.fx.facilities.pustu, toFacilityId: t.fx.facilities.dinkes }));
    expect(office.json().fields.toFacilityId).toMatch(/Dinas Kesehatan/);
    const notMine = await kader.post('/api/referrals', body({ fromFacilityId: t.fx.facilities.pustu }));
    expect(notMine.json().fields.fromFacilityId).toMatch(/tempat Anda bertugas/);
    const bad = await kader.post('/api/referrals', { ...body(), urgency: 'soon', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['reason', 'urgency']);
    const unknownVisit = await kader.post('/api/referrals', body({ visitId: randomUUID() }));
    expect(unknownVisit.json().fields.visitId).toBeDefined();
    // Horizontal is allowed: Pustu → another Pustu level facility is not in the fixture, Puskesmas → Puskesmas is.
    expect(await count(t, 'select count(*)::int as n from referral')).toBe(before);
  });

  it('refuses a person outside the sender scope (403, audited as denied)', async () => {
    const b = body({ personId: t.fx.people.rw2Adult });
    const r = await kader.post('/api/referrals', b);
    expect(r.statusCode).toBe(403);
    expect(await count(t, "select count(*)::int as n from audit_log where action = 'denied' and entity_type = 'referral' and person_id = $1", [t.fx.people.rw2Adult])).toBe(1);
    expect(await count(t, 'select count(*)::int as n from referral where id = $1', [b.id])).toBe(0);
  });

  it('an overdue referral surfaces on the home page of the sending and of the receiving place', async () => {
    const homeOf = async (c: Client) => (await c.get('/api/home')).json().referrals;
    const [k0, p0, d0, k20] = [await homeOf(kader), await homeOf(petugas), await homeOf(dinkes), await homeOf(kader2)];
    const b = body({ urgency: 'emergency' });
    expect((await kader.post('/api/referrals', b)).json().referral.dueBy).toBe(today);
    expect((await homeOf(petugas)).inbox).toBe(p0.inbox + 1);
    expect((await homeOf(petugas)).overdueInbox).toBe(p0.overdueInbox);
    // Two days later (the referral was sent two days ago and nobody acted).
    await t.database.query(`update referral set due_by = $2, created_at = created_at - interval '2 days' where id = $1`, [b.id, addDays(today, -2)]);
    await t.database.query(`update referral_step set at = at - interval '2 days' where referral_id = $1`, [b.id]);
    expect(await homeOf(kader)).toMatchObject({ overdueOutbox: k0.overdueOutbox + 1 });
    expect(await homeOf(petugas)).toMatchObject({ inbox: p0.inbox + 1, overdueInbox: p0.overdueInbox + 1 });
    expect(await homeOf(dinkes)).toMatchObject({ overdueInbox: d0.overdueInbox + 1, overdueOutbox: d0.overdueOutbox + 1 });
    expect(await homeOf(kader2)).toEqual(k20);
    const overdueList = (await petugas.get('/api/referrals?box=inbox&overdue=true')).json();
    const item = overdueList.referrals.find((r: { id: string }) => r.id === b.id);
    expect(item).toMatchObject({ overdue: true, ageDays: 2 });
    expect(overdueList.referrals[0].urgency).toBe('emergency');
    // Handling clears it from both counters.
    await petugas.post(`/api/referrals/${b.id}/handle`, { outcome: 'Stabil' });
    expect((await homeOf(kader)).overdueOutbox).toBe(k0.overdueOutbox);
    expect((await homeOf(petugas)).overdueInbox).toBe(p0.overdueInbox);
  });

  it('a Puskesmas outside the domicile receives the referral; the referral decides what it may see and do', async () => {
    const b = body({ fromFacilityId: t.fx.facilities.puskesmas, toFacilityId: rf.puskesmasUnaaha, urgency: 'routine', reason: 'Rujukan horizontal: pemeriksaan lab' });
    // Before: the person is not theirs, and no referral names them.
    expect((await unaaha.get(`/api/referrals?box=inbox`)).json().total).toBe(0);
    expect((await petugas.post('/api/referrals', b)).statusCode).toBe(201);
    expect((await unaaha.get(`/api/referrals?box=inbox`)).json().referrals.map((r: { id: string }) => r.id)).toEqual([b.id]);
    expect((await unaaha.get(`/api/referrals/${b.id}`)).statusCode).toBe(200);
    // A facility that is neither party nor covers the person sees nothing.
    expect((await kader2.get(`/api/referrals/${b.id}`)).statusCode).toBe(403);
    // Onward referral from the receiving Puskesmas to the hospital is allowed through the referral.
    const onward = body({ fromFacilityId: rf.puskesmasUnaaha, toFacilityId: rf.rsud, urgency: 'urgent', reason: 'Perlu dokter spesialis anak' });
    const r = await unaaha.post('/api/referrals', onward);
    expect(r.statusCode, r.body).toBe(201);
    // The hospital has no users: the sender records its answer on its behalf.
    const h = await unaaha.post(`/api/referrals/${onward.id}/handle`, { outcome: 'Dirawat 3 hari' });
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().referral.steps.at(-1)).toMatchObject({ step: 'handled', data: { onBehalfOf: rf.rsud, outcome: 'Dirawat 3 hari' } });
    // Cancelled: access through it ends.
    const c = body({ fromFacilityId: t.fx.facilities.puskesmas, toFacilityId: rf.puskesmasUnaaha, personId: t.fx.people.tongaunaAdult, urgency: 'routine' });
    await petugas.post('/api/referrals', c);
    expect((await petugas.post(`/api/referrals/${c.id}/cancel`, { note: 'Pasien memilih RS swasta' })).json().referral.status).toBe('cancelled');
    const refused = await unaaha.post('/api/referrals', body({ personId: t.fx.people.tongaunaAdult, fromFacilityId: rf.puskesmasUnaaha, toFacilityId: rf.rsud }));
    expect(refused.statusCode).toBe(403);
  });

  it('lists facilities a Posyandu may refer to, its network parents first', async () => {
    const r = (await kader.get(`/api/referrals/targets?from=${t.fx.facilities.posyandu1}`)).json();
    expect(r.targets.slice(0, 2).map((f: { id: string; networkParent: boolean }) => [f.id, f.networkParent])).toEqual([[t.fx.facilities.pustu, true], [t.fx.facilities.puskesmas, true]]);
    const types = r.targets.map((f: { type: string }) => f.type);
    expect(types).not.toContain('dinkes');
    expect(types).toContain('rumah_sakit');
    expect((await kader.get(`/api/referrals/targets?from=${t.fx.facilities.posyandu2}`)).statusCode).toBe(403);
  });

  it('due days are a district setting (Dinkes), validated', async () => {
    expect((await petugas.put('/api/referrals/settings?kab=74.02', { dueDays: { urgent: 5 } })).statusCode).toBe(403);
    const bad = await dinkes.put('/api/referrals/settings?kab=74.02', { dueDays: { urgent: 30, routine: 20 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.dueDays).toMatch(/urut/);
    const ok = await dinkes.put('/api/referrals/settings?kab=74.02', { dueDays: { urgent: 5 } });
    expect(ok.json().settings.dueDays).toEqual({ emergency: 0, urgent: 5, routine: 14 });
    expect((await kader.post('/api/referrals', body())).json().referral.dueBy).toBe(addDays(today, 5));
    await dinkes.put('/api/referrals/settings?kab=74.02', {});
    expect((await kader.get('/api/referrals/settings')).json().settings.dueDays.urgent).toBe(3);
  });
});
