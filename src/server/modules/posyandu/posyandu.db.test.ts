import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesFor } from '../../../core/codes/registry';
import { catalogue } from '../../../core/protocol/catalogue';
import { addDays, todayIn } from '../../../core/time/dates';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { seedFieldwork, type FieldworkFixture } from '../records/fieldwork.testing';

const today = todayIn('Asia/Jakarta');
type Item = { key: string; item: string; status: string; dose?: number };
type Att = { person: { id: string }; visitId: string; steps: Record<string, boolean>; items: Item[]; stages: string[] };

/** An event that satisfies a due item (vaccines, weighing, KPSP): what a Posyandu records for it. */
function eventFor(i: Item): Record<string, unknown> | null {
  const def = catalogue().find((c) => c.id === i.item)!;
  const concept = def.match[0]!.concepts[0]!;
  const code = codesFor(concept)[0]!;
  const base = { id: randomUUID(), system: code.system, code: code.code };
  if (def.programme === 'immunization') return { ...base, kind: 'immunization', value: { dose: i.dose ?? 1 } };
  if (concept === 'weight') return { ...base, kind: 'measurement', valueNum: 6.1 };
  if (concept === 'kpsp') return { ...base, kind: 'screening', value: { answers: { questions: 10, yes: 10 } } };
  if (concept === 'tb-symptoms') {
    return { ...base, kind: 'screening', value: { answers: { coughWeeks: 0, feverWeeks: 0, feverRecurrent: false, weightFaltering: false, lethargy: false, extrapulmonarySigns: false, closeContact: false } } };
  }
  return null;
}

describe(`Posyandu day (${testEngine})`, () => {
  let t: TestApp;
  let fx: FieldworkFixture;
  let kader: Client;
  let sessionId: string;
  beforeAll(async () => {
    t = await createTestApp();
    fx = await seedFieldwork(t, today);
    kader = fx.kader;
  });
  afterAll(async () => t?.close());

  it('opens one session per Posyandu and date; reopening returns it', async () => {
    const r = await kader.post('/api/posyandu-sessions', { facilityId: fx.posyandu, date: today });
    expect(r.statusCode, r.body).toBe(201);
    sessionId = r.json().id;
    const again = await kader.post('/api/posyandu-sessions', { facilityId: fx.posyandu, date: today });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(sessionId);
    expect((await kader.post('/api/posyandu-sessions', { facilityId: t.fx.facilities.posyandu1, date: today })).statusCode).toBe(403);
    expect((await kader.post('/api/posyandu-sessions', { facilityId: t.fx.facilities.pustu, date: today })).statusCode).toBe(403);
    const bidan = await t.login('petugas');
    expect((await bidan.post('/api/posyandu-sessions', { facilityId: t.fx.facilities.puskesmas, date: today })).json().error).toBe('validation_error');
    expect((await kader.post('/api/posyandu-sessions', { facilityId: fx.posyandu, date: addDays(today, 400) })).json().fields.date).toBeTruthy();
  });

  it('expects the due people, registers arrivals, derives steps and closes with the summary and absentees', async () => {
    const detail = (await kader.get(`/api/posyandu-sessions/${sessionId}`)).json();
    const expected = detail.expected.map((e: { person: { id: string } }) => e.person.id);
    expect(expected).toEqual(expect.arrayContaining([fx.people.pregnant, fx.people.baby, fx.people.stunted, fx.people.elder]));
    const due = (await kader.get(`/api/due?facility=${fx.posyandu}&pageSize=500`)).json();
    expect(expected).toEqual(due.people.map((p: { person: { id: string } }) => p.person.id));

    const baby = (await kader.post(`/api/posyandu-sessions/${sessionId}/attend`, { personId: fx.people.baby })).json() as Att;
    expect(baby.steps).toEqual({ measured: false, recorded: false, served: false, counselled: false, referred: false });
    expect(baby.items.some((i) => i.item === 'imm.dpt-hb-hib-2')).toBe(true);
    // Attending twice keeps one visit.
    expect((await kader.post(`/api/posyandu-sessions/${sessionId}/attend`, { personId: fx.people.baby })).json().visitId).toBe(baby.visitId);

    // The weighing only: measured, but DPT-HB-Hib 2 is still due at the Posyandu.
    const weigh = await kader.post('/api/visits', { id: baby.visitId, personId: fx.people.baby, occurredOn: today, placeKind: 'posyandu', sessionId, facilityId: fx.posyandu, events: [{ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: 6.1 }] });
    expect(weigh.statusCode, weigh.body).toBe(201);
    let mid = (await kader.get(`/api/posyandu-sessions/${sessionId}`)).json().attended.find((a: Att) => a.person.id === fx.people.baby) as Att;
    expect(mid.steps).toMatchObject({ measured: true, served: false, recorded: false });
    // Everything the Posyandu gives that is due today, then a counselling note and a referral.
    const rest = mid.items.filter((i) => !i.item.startsWith('growth.weighing')).map(eventFor).filter((e): e is Record<string, unknown> => e !== null);
    const served = await kader.post('/api/visits', { id: baby.visitId, personId: fx.people.baby, occurredOn: today, placeKind: 'posyandu', sessionId, events: [...rest, { id: randomUUID(), kind: 'note', system: 'service', code: 'note', value: { text: 'Konseling ASI' } }] });
    expect(served.statusCode, served.body).toBe(201);
    const ref = await kader.post('/api/referrals', { id: randomUUID(), personId: fx.people.baby, fromFacilityId: fx.posyandu, toFacilityId: t.fx.facilities.puskesmas, reason: 'Demam', urgency: 'urgent', visitId: baby.visitId });
    expect(ref.statusCode, ref.body).toBe(201);
    mid = (await kader.get(`/api/posyandu-sessions/${sessionId}`)).json().attended.find((a: Att) => a.person.id === fx.people.baby) as Att;
    expect(mid.items.filter((i) => catalogue().find((c) => c.id === i.item)!.where.includes('posyandu'))).toEqual([]);
    expect(mid.steps).toEqual({ measured: true, recorded: true, served: true, counselled: true, referred: true });

    await kader.post(`/api/posyandu-sessions/${sessionId}/attend`, { personId: fx.people.pregnant });
    const closed = await kader.post(`/api/posyandu-sessions/${sessionId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const c = closed.json();
    const absent = expected.filter((id: string) => id !== fx.people.baby && id !== fx.people.pregnant);
    expect(c.summary).toMatchObject({ attended: 2, measured: 1, served: 1, referred: 1, dueButAbsent: absent.length });
    expect(c.summary.byStage.hamil).toEqual({ expected: 1, attended: 1, dueButAbsent: 0 });
    expect(c.summary.byStage.lansia).toMatchObject({ dueButAbsent: 1 });
    expect(c.absentees.map((a: { person: { id: string } }) => a.person.id).sort()).toEqual([...absent].sort());
    expect(c.absentees.find((a: { person: { id: string } }) => a.person.id === fx.people.elder).items.map((i: Item) => i.item)).toContain('elderly.skilas');
    // Stored on the session; no more arrivals once closed.
    const list = (await kader.get(`/api/posyandu-sessions?facility=${fx.posyandu}`)).json();
    expect(list.items[0]).toMatchObject({ id: sessionId, summary: { attended: 2 }, closedAt: expect.any(String) });
    expect((await kader.post(`/api/posyandu-sessions/${sessionId}/attend`, { personId: fx.people.elder })).json().error).toBe('session_closed');
  });
});
