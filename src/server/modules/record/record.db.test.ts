import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeWeighings } from '../../../core/anthropometry/growth-monitoring';
import { lmsValueAt } from '../../../core/anthropometry/lms';
import { classifyPermenkes } from '../../../core/anthropometry/permenkes';
import { computeZScores } from '../../../core/anthropometry/zscores';
import { SYSTEM } from '../../../core/codes/systems';
import { normalizeName } from '../../../core/people/names';
import { addDays, addMonths, ageInDays, todayIn } from '../../../core/time/dates';
import { loadConfig } from '../../config';
import { person } from '../../db/schema';
import { addReferralFixture, CODES, createTestApp, type Client, type ReferralFixture, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { loadGrowthReferences } from '../reference/growth-references.repo';

const today = todayIn(loadConfig({}).timeZone);

interface Ev { kind: string; system: string; code: string; valueNum?: number | null; value?: Record<string, unknown> | null; unit?: string | null; supersedesId?: string }

/** Records a visit with its events through POST /api/visits; ids of the events in order. */
async function visitWith(c: Client, personId: string, date: string, facilityId: string, placeKind: string, events: Ev[]): Promise<string[]> {
  const body = { id: randomUUID(), personId, occurredOn: date, placeKind, facilityId, events: events.map((e) => ({ id: randomUUID(), ...e })) };
  const r = await c.post('/api/visits', body);
  if (r.statusCode !== 201) throw new Error(`visit on ${date}: ${r.statusCode} ${r.body}`);
  return body.events.map((e) => e.id);
}

const weight = (kg: number): Ev => ({ kind: 'measurement', system: SYSTEM.loinc, code: '29463-7', valueNum: kg, unit: 'kg' });
const length = (cm: number): Ev => ({ kind: 'measurement', system: SYSTEM.loinc, code: '8306-3', valueNum: cm, unit: 'cm', value: { position: 'l' } });
const head = (cm: number): Ev => ({ kind: 'measurement', system: SYSTEM.loinc, code: '9843-4', valueNum: cm, unit: 'cm' });
const vaccine = (antigen: string, dose: number, batch: string): Ev => ({ kind: 'immunization', system: SYSTEM.antigen, code: antigen, value: { dose, batch } });
const service = (code: string, value: Record<string, unknown> = {}): Ev => ({ kind: 'service', system: SYSTEM.service, code, value });

describe(`GET /api/people/:id/record (${testEngine})`, () => {
  let t: TestApp;
  let rf: ReferralFixture;
  let kader: Client;
  let kader2: Client;
  let petugas: Client;
  let bidan: Client;
  let unaaha: Client;
  /** A boy born 290 days ago (about 9½ months): MR1 is due now. */
  const babyBirth = addDays(today, -290);
  const baby = randomUUID();
  const m = (n: number) => addMonths(babyBirth, n);
  let correctedWeightId = '';

  beforeAll(async () => {
    t = await createTestApp();
    rf = await addReferralFixture(t);
    const c: Client[] = [];
    for (const u of ['kader', 'kader2', 'petugas', 'bidan', 'petugas-unaaha']) c.push(await t.login(u));
    [kader, kader2, petugas, bidan, unaaha] = c as [Client, Client, Client, Client, Client];
    await t.database.db.insert(person).values({
      id: baby, kabCode: '74.02', name: 'Bayi Laode Arif', nameSearch: normalizeName('Bayi Laode Arif'), sex: 'M', birthDate: babyBirth,
      householdId: t.fx.households.rw1, motherId: t.fx.people.rw1Mother, areaCode: CODES.rw1rt1, villageCode: CODES.mekarSari,
    });
    const { posyandu1, puskesmas } = t.fx.facilities;
    await visitWith(petugas, baby, babyBirth, puskesmas, 'puskesmas', [weight(3.2), vaccine('HB0', 1, 'HB-2401')]);
    await visitWith(petugas, baby, addDays(babyBirth, 20), puskesmas, 'puskesmas', [vaccine('BCG', 1, 'BCG-77'), vaccine('OPV', 1, 'OPV-10')]);
    await visitWith(kader, baby, m(1), posyandu1, 'posyandu', [weight(4.2)]); // +1000 g at 1 month (KBM 800): N
    await visitWith(kader, baby, m(2), posyandu1, 'posyandu', [weight(5.0), vaccine('DPT-HB-Hib', 1, 'PB-01'), vaccine('OPV', 2, 'OPV-11')]); // +800 g at 2 months (KBM 900): T
    await visitWith(kader, baby, m(3), posyandu1, 'posyandu', [weight(5.9), length(61.0), head(40.1)]); // +900 g at 3 months (KBM 800): N
    const [wrong] = await visitWith(kader, baby, m(5), posyandu1, 'posyandu', [weight(6.0)]); // month 4 skipped: O
    // The kader corrects the month-5 weight the same day (a new event that supersedes the first).
    correctedWeightId = (await visitWith(kader, baby, m(5), posyandu1, 'posyandu', [{ ...weight(6.8), supersedesId: wrong! }]))[0]!;
  });
  afterAll(async () => t?.close());

  it("shows a child's growth with the engine's WHO z-scores, Permenkes categories, curves and KMS outcomes", async () => {
    const res = await kader.get(`/api/people/${baby}/record`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    const refs = await loadGrowthReferences(t.database);
    // The test database has no WHO import: the approximate fallback is used and said so.
    expect(r.growth.approximate).toBe(true);
    expect(r.growth.points.map((p: { date: string }) => p.date)).toEqual([babyBirth, m(1), m(2), m(3), m(5)]);
    const p3 = r.growth.points[3];
    const expected = computeZScores({ sex: 'M', age: { days: ageInDays(babyBirth, m(3)) }, weightKg: 5.9, lengthHeightCm: 61.0, measure: 'l', headCm: 40.1 }, refs);
    expect(p3).toMatchObject({
      ageDays: ageInDays(babyBirth, m(3)), weight: 5.9, lengthOrHeight: 61, position: 'l', head: 40.1,
      z: { wfa: expected.indices.wei.z, lhfa: expected.indices.len.z, wfl: expected.indices.wfl.z, bmi: expected.indices.bmi.z, hc: expected.indices.hc.z, ac: null },
    });
    expect(p3.z.wfa).not.toBeNull();
    expect(p3.categories).toEqual(JSON.parse(JSON.stringify(classifyPermenkes(expected))));
    // The corrected weight counts, not the superseded one.
    expect(r.growth.points[4].weight).toBe(6.8);

    // KMS: B at birth, N, T, N, then O after the month without weighing.
    expect(r.growth.weighings.map((w: { outcome: string }) => w.outcome)).toEqual(['B', 'N', 'T', 'N', 'O']);
    expect(r.growth.weighings[2]).toMatchObject({ weight: 5.0, gainG: 800, minGainG: 900, ageMonths: 2 });
    const core = judgeWeighings(babyBirth, [[babyBirth, 3.2], [m(1), 4.2], [m(2), 5.0], [m(3), 5.9], [m(5), 6.8]].map(([date, kg]) => ({ date: date as string, weightKg: kg as number })));
    expect(r.growth.weighings.map((w: { outcome: string }) => w.outcome)).toEqual(core.map((o) => o.code));

    // Curves: monthly from birth past today's age, −3…+3 SD from the LMS tables.
    const wfa = r.growth.curves.wfa;
    expect(wfa[0].ageDays).toBe(0);
    expect(wfa.at(-1).ageDays).toBeGreaterThanOrEqual(290);
    expect(wfa.length).toBeGreaterThanOrEqual(11);
    const lms0 = refs.lms('weianthro', 'M', 0)!;
    expect(wfa[0].sd['0']).toBeCloseTo(lmsValueAt(0, lms0), 2);
    expect(wfa[0].sd['-2']).toBeCloseTo(lmsValueAt(-2, lms0), 2);
    for (const pt of [...wfa, ...r.growth.curves.lhfa, ...r.growth.curves.hc, ...r.growth.curves.wfl]) {
      const v = ['-3', '-2', '-1', '0', '1', '2', '3'].map((k) => pt.sd[k]);
      expect([...v].sort((a, b) => a - b)).toEqual(v);
    }
    expect(r.growth.curves.wfl.map((p: { lengthCm: number }) => p.lengthCm)).toContain(61);
    expect(r.growth.curves.wfh).toEqual([]);
  });

  it('shows the immunization card like the Buku KIA table, with IDL and baduta status', async () => {
    const r = (await kader.get(`/api/people/${baby}/record`)).json();
    const row = (item: string) => r.immunization.rows.find((x: { item: string }) => x.item === item);
    expect(row('imm.hb0')).toMatchObject({ antigen: 'HB0', dose: 1, status: 'done', date: babyBirth, batch: 'HB-2401', onTime: true, recommendedAge: { id: 'lahir', en: 'birth' } });
    expect(row('imm.bcg')).toMatchObject({ status: 'done', date: addDays(babyBirth, 20), batch: 'BCG-77' });
    expect(row('imm.dpt-hb-hib-1')).toMatchObject({ status: 'done', date: m(2), batch: 'PB-01', recommendedAge: { id: '2 bulan', en: '2 months' } });
    // Not given: DPT-HB-Hib 2 was due in the 4th month, it can still be caught up.
    expect(row('imm.dpt-hb-hib-2')).toMatchObject({ status: 'overdue', date: null, batch: null });
    expect(row('imm.mr-1')).toMatchObject({ status: 'due', recommendedAge: { id: '9 bulan' } });
    expect(row('imm.mr-2').status).toBe('upcoming');
    expect(r.immunization.rows.map((x: { item: string }) => x.item)).toContain('imm.pcv-3');
    expect(r.immunization.idl).toMatchObject({ complete: false, onTime: false });
    expect(r.immunization.idl.missing).toEqual(expect.arrayContaining(['imm.dpt-hb-hib-2', 'imm.mr-1', 'imm.ipv-1']));
    expect(r.immunization.idl.missing).not.toContain('imm.hb0');
    expect(r.immunization.badutaLengkap.complete).toBe(false);
  });

  it('shows the timeline newest first with who and where, corrections marked', async () => {
    const r = (await kader.get(`/api/people/${baby}/record`)).json();
    expect(r.timeline[0].date).toBe(m(5));
    expect(r.timeline.at(-1)).toMatchObject({ date: babyBirth, visit: { placeKind: 'puskesmas', facilityName: 'Puskesmas Tongauna', recordedByName: 'petugas' } });
    const month5 = r.timeline.filter((e: { date: string }) => e.date === m(5)).flatMap((e: { events: unknown[] }) => e.events);
    const old = month5.find((e: { valueNum: number }) => e.valueNum === 6.0);
    expect(old).toMatchObject({ supersededBy: correctedWeightId, concept: 'weight', label: 'Berat badan', recordedByName: 'kader', facilityName: 'Posyandu Mawar' });
    expect(month5.find((e: { id: string }) => e.id === correctedWeightId).supersedesId).toBe(old.id);
    const dpt = r.timeline.find((e: { date: string }) => e.date === m(2)).events.find((e: { concept: string }) => e.concept === 'DPT-HB-Hib');
    expect(dpt.value).toEqual({ dose: 1, batch: 'PB-01' });
    expect(r.lifeCycle.stages.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['bayi', 'baduta', 'balita']));
  });

  it("shows a pregnant woman's K1–K6 with provider and status, 4T, KEK and Hb", async () => {
    const mother = t.fx.people.rw1Mother;
    const hpht = addDays(today, -26 * 7); // 26 weeks today: third trimester
    const { puskesmas, pustu } = t.fx.facilities;
    await visitWith(petugas, mother, addDays(hpht, 10 * 7), puskesmas, 'puskesmas', [
      { kind: 'condition', system: SYSTEM.icd10, code: 'Z34', value: { lmp: hpht, gravida: 5, parity: 4 } },
      service('anc', { provider: 'doctor' }), service('usg'),
      { kind: 'measurement', system: SYSTEM.loinc, code: '56072-2', valueNum: 22.6, unit: 'cm' },
      { kind: 'measurement', system: SYSTEM.loinc, code: '718-7', valueNum: 10.4, unit: 'g/dL' },
      { kind: 'measurement', system: SYSTEM.loinc, code: '85354-9', value: { systolic: 112, diastolic: 74 } },
    ]);
    await visitWith(bidan, mother, addDays(hpht, 16 * 7), pustu, 'pustu', [service('anc', { provider: 'midwife' })]);
    await visitWith(bidan, mother, addDays(hpht, 22 * 7), pustu, 'pustu', [service('anc', { provider: 'midwife' })]);
    const r = (await kader.get(`/api/people/${mother}/record`)).json();
    expect(r.pregnancies).toHaveLength(1);
    const p = r.pregnancies[0];
    expect(p).toMatchObject({ hpht, hpl: addDays(addMonths(hpht, 9), 7), state: 'ongoing', gestationalAge: { weeks: 26, days: 0 }, trimester: 3, deliveredOn: null });
    expect(p.contacts.map((c: { slot: string; status: string; provider: string | null; date: string | null }) => [c.slot, c.status, c.provider, c.date])).toEqual([
      ['K1', 'done', 'doctor', addDays(hpht, 70)],
      ['K2', 'done', 'midwife', addDays(hpht, 112)],
      ['K3', 'done', 'midwife', addDays(hpht, 154)],
      ['K4', 'due', null, null],
      ['K5', 'due', null, null],
      ['K6', 'due', null, null],
    ]);
    expect(p.doctorUsg.map((c: { slot: string; status: string }) => [c.slot, c.status])).toEqual([['K1', 'done'], ['K5', 'due']]);
    expect(p.fourT).toMatchObject({ band: 'risk', flags: ['too-many'] });
    expect(p.kek).toMatchObject({ lilaCm: 22.6, band: 'kek', kekByKmk: true });
    expect(p.hb).toEqual([{ date: addDays(hpht, 70), gPerDl: 10.4 }]);
    expect(r.vitals.bp[0]).toMatchObject({ systolic: 112, diastolic: 74, class: { band: 'optimal' } });
    expect(r.lifeCycle.stages.map((s: { id: string }) => s.id)).toContain('hamil');
  });

  it('is scope-checked (403 audited as denied) and every read is audited', async () => {
    const denied = async () => (await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'denied' and person_id = $1", [baby]))[0]!.n;
    const reads = async () => (await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'read' and person_id = $1 and details->>'view' = 'record'", [baby]))[0]!.n;
    const [d0, r0] = [await denied(), await reads()];
    const res = await kader2.get(`/api/people/${baby}/record`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('Laode');
    expect(await denied()).toBe(d0 + 1);
    expect((await kader.get(`/api/people/${baby}/record`)).statusCode).toBe(200);
    expect(await reads()).toBe(r0 + 1);
    expect((await kader.get(`/api/people/${randomUUID()}/record`)).statusCode).toBe(404);
  });

  it('a receiving Puskesmas outside the domicile opens the record only through the referral; the back-referral reaches the sending kader', async () => {
    expect((await unaaha.get(`/api/people/${baby}/record`)).statusCode).toBe(403);
    const ref = { id: randomUUID(), personId: baby, fromFacilityId: t.fx.facilities.posyandu1, toFacilityId: t.fx.facilities.puskesmas, reason: 'BB tidak naik (T)', urgency: 'urgent' };
    expect((await kader.post('/api/referrals', ref)).statusCode).toBe(201);
    const onward = { id: randomUUID(), personId: baby, fromFacilityId: t.fx.facilities.puskesmas, toFacilityId: rf.puskesmasUnaaha, reason: 'Pemeriksaan lanjutan', urgency: 'routine' };
    expect((await petugas.post('/api/referrals', onward)).statusCode).toBe(201);
    const via = await unaaha.get(`/api/people/${baby}/record`);
    expect(via.statusCode).toBe(200);
    expect(via.json().access).toEqual({ via: 'referral', referralId: onward.id });
    const [audit] = await t.database.query<{ details: { via: string; referralId: string } }>(
      "select details from audit_log where action = 'read' and person_id = $1 and username = 'petugas-unaaha' order by id desc limit 1", [baby]);
    expect(audit!.details).toMatchObject({ via: 'referral', referralId: onward.id });

    // The first referral comes back to the Posyandu with instructions, in the person's record.
    await petugas.post(`/api/referrals/${ref.id}/handle`, { outcome: 'Infeksi saluran napas; diobati' });
    await petugas.post(`/api/referrals/${ref.id}/back-refer`, { instructions: 'Timbang ulang bulan depan; kunjungan rumah bila tidak hadir.' });
    const r = (await kader.get(`/api/people/${baby}/record`)).json();
    const back = r.referrals.find((x: { id: string }) => x.id === ref.id);
    expect(back).toMatchObject({ status: 'back_referred', backInstructions: expect.stringContaining('Timbang ulang'), from: { name: 'Posyandu Mawar' } });
    expect(back.steps.map((s: { step: string }) => s.step)).toEqual(['sent', 'received', 'handled', 'back_referred']);

    // Cancelled: the receiving Puskesmas loses access.
    await petugas.post(`/api/referrals/${onward.id}/cancel`, { note: 'Keluarga memilih berobat di RS' });
    expect((await unaaha.get(`/api/people/${baby}/record`)).statusCode).toBe(403);
  });
});
