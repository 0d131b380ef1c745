import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../core/time/dates';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { refreshSchedules } from './schedule-store';
import { catalogue } from '../../../core/protocol/catalogue';
import { codesFor } from '../../../core/codes/registry';
import type { Concept } from '../../../core/codes/concepts';
import { testEngine } from '../../testing/test-db';

const today = todayIn('Asia/Jakarta');
const count = async (t: TestApp, sql: string, params: unknown[] = []) => (await t.database.query<{ n: number }>(sql, params))[0]!.n;
const weight = (kg: number, extra: Record<string, unknown> = {}) => ({ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: kg, unit: 'kg', ...extra });

describe(`recording visits (${testEngine})`, () => {
  let t: TestApp;
  let kader: Client;
  let kader2: Client;
  let bidan: Client;
  beforeAll(async () => {
    t = await createTestApp();
    [kader, kader2, bidan] = (await Promise.all(['kader', 'kader2', 'bidan'].map((u) => t.login(u)))) as [Client, Client, Client];
  });
  afterAll(async () => t?.close());

  it('records a typical visit (weight, length, an immunization) and stores the schedule with it', async () => {
    const child = t.fx.people.rw1Child;
    const body = {
      id: randomUUID(), personId: child, occurredOn: today, placeKind: 'posyandu', facilityId: t.fx.facilities.posyandu1,
      events: [weight(11.2), { id: randomUUID(), kind: 'measurement', system: 'loinc', code: '8302-2', valueNum: 84.5, value: { position: 'h' } },
        { id: randomUUID(), kind: 'immunization', system: 'antigen', code: 'MR', value: { dose: 1, batch: 'B123' } }],
    };
    const r = await kader.post('/api/visits', body);
    expect(r.statusCode, r.body).toBe(201);
    const j = r.json();
    expect(j.results.map((x: { status: string }) => x.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(j.events).toHaveLength(3);
    expect(j.events.find((e: { code: string }) => e.code === 'MR')).toMatchObject({ label: 'Campak-Rubela (MR) 1', facilityName: 'Posyandu Mawar', recordedByName: 'kader' });
    expect(j.schedule.entries.find((e: { key: string }) => e.key === 'imm.mr-1')).toMatchObject({ status: 'done', satisfiedBy: { eventId: body.events[2]!.id } });
    expect(await count(t, 'select count(*)::int as n from person_schedule_item where person_id = $1', [child])).toBeGreaterThan(5);
    expect(await count(t, "select count(*)::int as n from audit_log where action = 'create' and entity_type = 'visit' and entity_id = $1", [body.id])).toBe(1);

    // The same upload again: accepted once, answered as duplicate, nothing written twice.
    const again = await kader.post('/api/visits', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().results.map((x: { status: string }) => x.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await count(t, 'select count(*)::int as n from event where visit_id = $1', [body.id])).toBe(3);
    // The same visit id with other content is a conflict.
    const changed = await kader.post('/api/visits', { ...body, events: [{ ...body.events[0], valueNum: 11.9 }] });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error).toBe('event_conflict');
    const otherDay = await kader.post('/api/visits', { ...body, occurredOn: addDays(today, -1) });
    expect(otherDay.json().error).toBe('visit_conflict');
  });

  it('stores and answers the schedule a fresh reading of all the events gives (a resent visit with a new event, an upper-case id)', async () => {
    const child = t.fx.people.rw1Child;
    const post = async (body: { events: object[] } & Record<string, unknown>) => {
      const r = await kader.post('/api/visits', body);
      return r.statusCode === 409 && r.json().error === 'needs_confirmation'
        ? kader.post('/api/visits', { ...body, confirm: r.json().warnings.map((w: { code: string }) => w.code) }) : r;
    };
    const base = { id: randomUUID(), personId: child, occurredOn: today, placeKind: 'posyandu', facilityId: t.fx.facilities.posyandu1 };
    const w = weight(11.3);
    expect((await post({ ...base, events: [w] })).statusCode).toBe(201);
    // The immunization the child is due for next, under an upper-case id: the item is done by it.
    const open = (await kader.get(`/api/people/${child}/schedule`)).json().entries
      .filter((e: { key: string; status: string }) => e.key.startsWith('imm.') && (e.status === 'due' || e.status === 'overdue'));
    const item = catalogue().find((i) => i.id === open[0].item)!;
    const code = codesFor(item.match[0]!.concepts[0]! as Concept)[0]!;
    const imm = { id: randomUUID().toUpperCase(), kind: 'immunization', system: code.system, code: code.code, value: { dose: open[0].dose ?? 1 } };
    const r = await post({ ...base, events: [w, imm] });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().results.map((x: { status: string }) => x.status)).toEqual(['duplicate', 'accepted']);
    expect(r.json().schedule.entries.find((e: { key: string }) => e.key === open[0].key)).toMatchObject({ status: 'done', satisfiedBy: { eventId: imm.id.toLowerCase() } });
    const stored = async () => ({
      items: await t.database.query('select key, item, programme, earliest, due, latest, state, done_event_id, done_on, dose, period, area_code, kab_code from person_schedule_item where person_id = $1 order by key', [child]),
      state: await t.database.query('select computed_on, horizon_until, protocol_version, settings_fingerprint, stages, flags from person_schedule_state where person_id = $1', [child]),
    });
    const written = await stored();
    expect(written.items.length).toBeGreaterThan(5);
    expect(written.items.find((i) => i.key === open[0].key)).toMatchObject({ state: 'done', done_event_id: imm.id.toLowerCase() });
    // Computed again from what the database holds and stored by the batch path (delete and insert all):
    // the same rows, and the answer is the schedule as read afterwards.
    await t.database.db.transaction((tx) => refreshSchedules(tx, [child], today));
    expect(await stored()).toEqual(written);
    const view = await kader.get(`/api/people/${child}/schedule`);
    expect(r.json().schedule).toEqual(view.json());
    expect(r.json().visit).toMatchObject({ id: base.id, personId: child, facilityId: t.fx.facilities.posyandu1 });
  });

  it('answers the visit and its events exactly as a fresh reading gives them (a correction added to a stored visit, a birth, an upper-case facility id)', async () => {
    const confirmAll = async (c: Client, body: Record<string, unknown>) => {
      const r = await c.post('/api/visits', body);
      return r.statusCode === 409 && r.json().error === 'needs_confirmation'
        ? c.post('/api/visits', { ...body, confirm: r.json().warnings.map((w: { code: string }) => w.code) }) : r;
    };
    const same = async (c: Client, r: { statusCode: number; body: string; json(): { visit: { id: string }; events: unknown[] } }) => {
      expect(r.statusCode, r.body).toBe(201);
      const fresh = await c.get(`/api/visits/${r.json().visit.id}`);
      expect(fresh.statusCode).toBe(200);
      // Byte for byte: the same values, key order and timestamps as the database reading.
      expect(JSON.stringify({ visit: r.json().visit, events: r.json().events })).toBe(JSON.stringify(fresh.json()));
    };
    const child = t.fx.people.rw1Child;
    const first = weight(11.1);
    const base = { id: randomUUID(), personId: child, occurredOn: today, placeKind: 'posyandu', facilityId: t.fx.facilities.posyandu1.toUpperCase() };
    await same(kader, await confirmAll(kader, { ...base, events: [first, { id: randomUUID(), kind: 'measurement', system: 'loinc', code: '8302-2', valueNum: 84.9, value: { position: 'h' } }] }));
    // The same visit again with a correction of the first weight and an implausible second weight confirmed.
    const r = await confirmAll(kader, { ...base, facilityId: t.fx.facilities.posyandu1, events: [first, weight(11.6, { supersedesId: first.id }), weight(30)] });
    await same(kader, r);
    expect(r.json().events.find((e: { id: string }) => e.id === first.id).supersededBy).toBeTruthy();
    // A delivery with a live birth: the babies are registered, the answer is the same as a reading.
    const pregnant = t.fx.people.rw1Mother;
    const preg = { id: randomUUID(), kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp: addDays(today, -270), gravida: 2, parity: 1 } };
    const bp = { id: randomUUID(), kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: 300, diastolic: 20 } };
    const anc = await confirmAll(bidan, { id: randomUUID(), personId: pregnant, occurredOn: addDays(today, -1), placeKind: 'pustu', events: [preg, bp] });
    await same(bidan, anc);
    expect(anc.json().events.find((e: { id: string }) => e.id === bp.id).warnings).toHaveLength(1);
    const birth = await confirmAll(bidan, {
      id: randomUUID(), personId: pregnant, occurredOn: today, placeKind: 'pustu', events: [{
        id: randomUUID(), kind: 'delivery', system: 'service', code: 'delivery',
        value: { pregnancyId: preg.id, place: 'facility', attendant: 'midwife', outcome: 'live-birth', births: [{ sex: 'F', name: 'Sitti', birthWeightGrams: 2900 }] },
      }],
    });
    await same(bidan, birth);
    expect(birth.json().people).toHaveLength(1);
  });

  it('refuses an invalid event with a message per field and writes nothing', async () => {
    const before = await count(t, 'select count(*)::int as n from event');
    const states = await t.database.query('select * from person_schedule_state order by person_id');
    const r = await kader.post('/api/visits', {
      id: randomUUID(), personId: t.fx.people.rw1Mother, occurredOn: today, placeKind: 'posyandu',
      events: [weight(58), { id: randomUUID(), kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: 90, diastolic: 120 } }, weight(0.1)],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields).toEqual({
      'events.1.value.diastolic': 'Tekanan diastolik harus lebih rendah dari sistolik. Periksa kembali pengukuran.',
      'events.2.valueNum': 'Nilai harus antara 0.5 dan 400.',
    });
    expect(await count(t, 'select count(*)::int as n from event')).toBe(before);
    expect(await t.database.query('select * from person_schedule_state order by person_id')).toEqual(states);
  });

  it('a kader cannot record for a person outside their area: 403, audited as denied', async () => {
    const target = t.fx.people.rw2Adult;
    const before = await count(t, "select count(*)::int as n from audit_log where action = 'denied' and person_id = $1", [target]);
    const r = await kader.post('/api/visits', { id: randomUUID(), personId: target, occurredOn: today, placeKind: 'posyandu', events: [weight(70)] });
    expect(r.statusCode).toBe(403);
    expect(await count(t, "select count(*)::int as n from audit_log where action = 'denied' and person_id = $1", [target])).toBe(before + 1);
    expect(await count(t, 'select count(*)::int as n from event where person_id = $1', [target])).toBe(0);
    expect((await kader2.post('/api/visits', { id: randomUUID(), personId: target, occurredOn: today, placeKind: 'posyandu', events: [weight(70)] })).statusCode).toBe(201);
  });

  it('warnings need confirmation and are stored on the event', async () => {
    const body = {
      id: randomUUID(), personId: t.fx.people.tongaunaAdult, occurredOn: today, placeKind: 'pustu',
      events: [{ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: 300, diastolic: 20 } }],
    };
    const r = await bidan.post('/api/visits', body);
    expect(r.statusCode).toBe(403); // Tongauna is outside the Mekar Sari Pustu
    const petugas = await t.login('petugas');
    const first = await petugas.post('/api/visits', body);
    expect(first.statusCode).toBe(409);
    expect(first.json()).toMatchObject({ error: 'needs_confirmation', warnings: [{ code: 'bp_implausible', field: 'events.0.value.systolic' }] });
    expect(first.json().warnings[0].message).toContain('300/20');
    expect(await count(t, 'select count(*)::int as n from event where person_id = $1', [t.fx.people.tongaunaAdult])).toBe(0);
    const ok = await petugas.post('/api/visits', { ...body, confirm: ['bp_implausible'] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().events[0].warnings).toEqual([expect.objectContaining({ code: 'bp_implausible', field: 'events.0.value.systolic', by: t.fx.users.petugas })]);
  });

  // Two devices upload visits of one baby at the same moment: the second waits for the first's lock and reads
  // what it committed (records.service.ts), so neither immunization is lost from the stored schedule.
  it.runIf(testEngine === 'postgres')('serialises two visits of one person sent at once: the stored schedule has both', async () => {
    const born = addDays(today, -75);
    const created = await kader.post('/api/people', { name: 'Bayi Serentak', sex: 'F', birthDate: born, householdId: t.fx.households.rw1, relationship: 'anak', motherId: t.fx.people.rw1Mother });
    expect(created.statusCode, created.body).toBe(201);
    const baby = created.json().person.id as string;
    const open = (await kader.get(`/api/people/${baby}/schedule`)).json().entries
      .filter((e: { key: string; status: string }) => e.key.startsWith('imm.') && (e.status === 'due' || e.status === 'overdue'));
    const two = open.filter((e: { item: string }, i: number) => open.findIndex((x: { item: string }) => x.item === e.item) === i).slice(0, 2);
    expect(two).toHaveLength(2);
    const bodies = two.map((e: { item: string; dose?: number }) => {
      const code = codesFor(catalogue().find((i) => i.id === e.item)!.match[0]!.concepts[0]! as Concept)[0]!;
      return {
        id: randomUUID(), personId: baby, occurredOn: today, placeKind: 'posyandu', facilityId: t.fx.facilities.posyandu1,
        events: [{ id: randomUUID(), kind: 'immunization', system: code.system, code: code.code, value: { dose: e.dose ?? 1 } }],
      };
    });
    const answers = await Promise.all([kader.post('/api/visits', bodies[0]), bidan.post('/api/visits', bodies[1])]);
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const stored = async () => ({
      items: await t.database.query<{ key: string; state: string; done_event_id: string | null }>(
        'select key, state, done_event_id, earliest, due, latest from person_schedule_item where person_id = $1 order by key', [baby]),
      state: await t.database.query('select horizon_until, stages, flags, due_days, overdue_days, missed_days, upcoming_days from person_schedule_state where person_id = $1', [baby]),
    });
    const written = await stored();
    two.forEach((e: { key: string }, k: number) => expect(written.items.find((i) => i.key === e.key), e.key).toMatchObject({ state: 'done', done_event_id: bodies[k]!.events[0]!.id }));
    // And the whole stored schedule, with the state row's status days, is what a fresh reading of both visits gives.
    await t.database.db.transaction((tx) => refreshSchedules(tx, [baby], today));
    expect(await stored()).toEqual(written);
  });
});
