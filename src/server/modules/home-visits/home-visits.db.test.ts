import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../core/time/dates';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { seedFieldwork, type FieldworkFixture } from '../records/fieldwork.testing';
import { routeOrder } from './home-visits.service';

const today = todayIn('Asia/Jakarta');
type Stop = { household: { id: string }; urgency: number; priority: number; reasons: Array<{ kind: string; personId: string; label: string; since: string }>; members: Array<{ person: { id: string }; items: Array<{ item: string }> }> };

describe(`home visits (${testEngine})`, () => {
  let t: TestApp;
  let fx: FieldworkFixture;
  beforeAll(async () => {
    t = await createTestApp();
    fx = await seedFieldwork(t, today);
  });
  afterAll(async () => t?.close());

  const route = async () => {
    const r = await fx.kader.get(`/api/home-visits/route?facility=${fx.posyandu}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().households as Stop[];
  };

  it('orders households by urgency: danger signs first, then late services by priority, then absentees', async () => {
    const stops = await route();
    const keys = stops.map((s) => routeOrder(s as Parameters<typeof routeOrder>[0]).join(','));
    expect(keys).toEqual([...keys].sort());
    expect(stops[0]!.household.id).toBe(fx.households.baso);
    expect(stops[0]!.urgency).toBe(1);
    const signs = stops[0]!.reasons.filter((r) => r.kind === 'danger_sign').map((r) => [r.personId, r.label]);
    expect(signs).toEqual(expect.arrayContaining([
      [fx.people.thin, 'Berat badan tidak naik 2 bulan berturut-turut (2T)'],
      [fx.people.thin, 'Berat badan sangat kurang (BB/U < −3 SD)'],
      [fx.people.hypertensive, 'Tekanan darah hipertensi derajat 3'],
    ]));
    const home = stops.find((s) => s.household.id === fx.households.lasanudin)!;
    expect(home.urgency).toBe(2);
    // The missed KN is the newborn's: the household ranks with mothers and newborns.
    expect(home.priority).toBe(1);
    expect(home.reasons.some((r) => r.kind === 'missed' && r.personId === fx.people.baby && r.label.startsWith('Kunjungan neonatal KN'))).toBe(true);
    expect(home.members.map((m) => m.person.id)).toContain(fx.people.baby);
  });

  it('an open referral raises the household to the top group; absentees of the last Posyandu day are a reason', async () => {
    const ref = await fx.kader.post('/api/referrals', { id: randomUUID(), personId: fx.people.elder, fromFacilityId: fx.posyandu, toFacilityId: t.fx.facilities.puskesmas, reason: 'Sesak napas', urgency: 'urgent' });
    expect(ref.statusCode, ref.body).toBe(201);
    const s = (await fx.kader.post('/api/posyandu-sessions', { facilityId: fx.posyandu, date: today })).json();
    expect((await fx.kader.post(`/api/posyandu-sessions/${s.id}/close`)).statusCode).toBe(200);
    const stops = await route();
    const home = stops.find((x) => x.household.id === fx.households.lasanudin)!;
    expect(home.urgency).toBe(1);
    expect(home.reasons.find((r) => r.kind === 'referral_open')).toMatchObject({ personId: fx.people.elder, label: 'Sesak napas', since: today });
    expect(home.reasons.some((r) => r.kind === 'absent_posyandu' && r.personId === fx.people.elder)).toBe(true);
    // Baso's signs are older than today's referral: Baso's household stays first.
    expect(stops.slice(0, 2).map((x) => x.household.id)).toEqual([fx.households.baso, fx.households.lasanudin]);
  });

  it('records a home visit session and the visits made in it', async () => {
    const id = randomUUID();
    const first = await fx.kader.post('/api/home-visits', { id, householdId: fx.households.lasanudin, date: today, notes: 'Sweeping imunisasi' });
    expect(first.statusCode, first.body).toBe(201);
    expect((await fx.kader.post('/api/home-visits', { id, householdId: fx.households.lasanudin, date: today })).statusCode).toBe(200);
    expect((await fx.kader.post('/api/home-visits', { id, householdId: fx.households.baso, date: today })).json().error).toBe('session_conflict');
    const wrong = await fx.kader.post('/api/visits', { id: randomUUID(), personId: fx.people.thin, occurredOn: today, placeKind: 'home', sessionId: id, events: [{ id: randomUUID(), kind: 'note', system: 'service', code: 'note', value: { text: 'x' } }] });
    expect(wrong.json().fields).toMatchObject({ personId: expect.any(String) });
    const v = await fx.kader.post('/api/visits', { id: randomUUID(), personId: fx.people.baby, occurredOn: today, placeKind: 'home', sessionId: id, events: [{ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: 6.2 }] });
    expect(v.statusCode, v.body).toBe(201);
    const list = (await fx.kader.get(`/api/home-visits?household=${fx.households.lasanudin}`)).json();
    expect(list.items[0]).toMatchObject({ id, notes: 'Sweeping imunisasi', openedByName: 'Wa Ode Hasna', visits: [{ personId: fx.people.baby, events: [{ label: 'Berat badan' }] }] });
    const other = await t.login('kader');
    expect((await other.post('/api/home-visits', { id: randomUUID(), householdId: fx.households.lasanudin, date: today })).statusCode).toBe(403);
  });
});
