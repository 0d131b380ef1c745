/**
 * A hand-made Posyandu for field-work tests, added to a test app's district
 * (never to the shared fixture other tests rely on): Posyandu Anggrek for
 * Kelurahan Tongauna RW 001, its kader, and households whose histories are
 * recorded through POST /api/visits, dated relative to today:
 * - Sitti, pregnant 30 weeks, K1–K3 done, no TM3 contact yet: due for K4;
 * - Rafi, 100 days old, HB0, BCG, OPV 1–2 and the 2-month doses: due for DPT-HB-Hib 2;
 * - Aldi, 2 years, length 79 cm (stunted), weighed 40 days ago: due for this month's weighing;
 * - La Ode Muhammad, 67, no SKILAS this year: due for SKILAS;
 * and a second household with danger signs: Dewi (2T, severely underweight)
 * and Baso (blood pressure 185/110).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { makeNik } from '../../../core/people/nik';
import { normalizeName } from '../../../core/people/names';
import { addDays, addMonths, addYears, type IsoDate } from '../../../core/time/dates';
import { hashPassword } from '../../auth/password';
import { appUser, facility, facilityCoverage, household, person } from '../../db/schema';
import { CODES, PASSWORD, type Client, type TestApp } from '../../testing/test-app';

export interface FieldworkFixture {
  today: IsoDate;
  posyandu: string;
  households: { lasanudin: string; baso: string };
  people: { pregnant: string; baby: string; stunted: string; elder: string; thin: string; hypertensive: string };
  pregnancyId: string;
  kader: Client;
}

type Ev = Record<string, unknown>;
const w = (kg: number): Ev => ({ kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: kg });
const len = (cm: number, position: 'l' | 'h'): Ev => ({ kind: 'measurement', system: 'loinc', code: position === 'l' ? '8306-3' : '8302-2', valueNum: cm, value: { position } });
const vac = (code: string, dose: number): Ev => ({ kind: 'immunization', system: 'antigen', code, value: { dose } });
const anc = (slot: string, provider: string): Ev => ({ kind: 'service', system: 'service', code: slot, value: { provider } });

export async function seedFieldwork(t: TestApp, today: IsoDate): Promise<FieldworkFixture> {
  const posyandu = randomUUID();
  await t.database.db.insert(facility).values({ id: posyandu, kabCode: '74.02', type: 'posyandu', name: 'Posyandu Anggrek', areaCode: CODES.tongaunaRw1, parentId: t.fx.facilities.puskesmas });
  await t.database.db.insert(facilityCoverage).values({ facilityId: posyandu, areaCode: CODES.tongaunaRw1, facilityType: 'posyandu', kabCode: '74.02' });
  await t.database.db.insert(appUser).values({
    id: randomUUID(), username: 'kader.anggrek', displayName: 'Wa Ode Hasna', passwordHash: await hashPassword(PASSWORD), role: 'kader',
    facilityId: posyandu, areaCode: CODES.tongaunaRw1, kabCode: '74.02',
  });
  const baso = randomUUID();
  await t.database.db.insert(household).values({ id: baso, kabCode: '74.02', kkNumber: '7402150101200009', areaCode: CODES.tongaunaRw1, villageCode: CODES.tongauna, address: 'Jl. Anggrek 9' });
  const lasanudin = t.fx.households.tongauna;
  await t.database.db.update(household).set({ headPersonId: t.fx.people.tongaunaAdult }).where(eq(household.id, lasanudin));
  const ids = { pregnant: randomUUID(), baby: randomUUID(), stunted: randomUUID(), elder: randomUUID(), thin: randomUUID(), hypertensive: randomUUID() };
  const born = {
    pregnant: addYears(today, -28), baby: addDays(today, -100), stunted: addMonths(addDays(today, -5), -24), elder: addYears(addDays(today, -40), -67),
    thin: addMonths(today, -20), hypertensive: addYears(today, -52),
  };
  let serial = 500;
  const mk = (id: string, name: string, sex: 'M' | 'F', birthDate: IsoDate, householdId: string, relationship: string, motherId: string | null = null) => ({
    id, kabCode: '74.02', nik: makeNik('740215', birthDate, sex, serial++), name, nameSearch: normalizeName(name), sex, birthDate, householdId, relationship,
    motherId, areaCode: CODES.tongaunaRw1, villageCode: CODES.tongauna,
  });
  await t.database.db.insert(person).values([
    mk(ids.pregnant, 'Sitti Rahmawati', 'F', born.pregnant, lasanudin, 'menantu'),
    mk(ids.baby, 'Rafi Saputra', 'M', born.baby, lasanudin, 'cucu', ids.pregnant),
    mk(ids.stunted, 'Aldi Pratama', 'M', born.stunted, lasanudin, 'cucu', ids.pregnant),
    mk(ids.elder, 'La Ode Muhammad', 'M', born.elder, lasanudin, 'suami'),
    mk(ids.thin, 'Dewi Lestari', 'F', born.thin, baso, 'anak'),
    mk(ids.hypertensive, 'Baso Tahir', 'M', born.hypertensive, baso, 'kepala'),
  ]);

  const kader = await t.login('kader.anggrek');
  const record = async (personId: string, on: IsoDate, events: Ev[], placeKind = 'posyandu', confirm: string[] = []) => {
    const r = await kader.post('/api/visits', { id: randomUUID(), personId, occurredOn: on, placeKind, events: events.map((e) => ({ id: randomUUID(), ...e })), confirm });
    if (r.statusCode !== 201) throw new Error(`fixture visit for ${personId} on ${on}: ${r.statusCode} ${r.body}`);
    return r.json() as { events: Array<{ id: string; code: string }> };
  };

  // Sitti: registered at 8 weeks; K1 with the doctor and USG, K2 and K3 in the second trimester.
  const lmp = addDays(today, -210);
  const reg = await record(ids.pregnant, addDays(lmp, 56), [
    { kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp, gravida: 2, parity: 1 } }, anc('K1', 'doctor'),
    { kind: 'service', system: 'service', code: 'usg', value: {} }, { kind: 'measurement', system: 'loinc', code: '56072-2', valueNum: 25 },
  ], 'puskesmas');
  await record(ids.pregnant, addDays(lmp, 100), [anc('K2', 'midwife')], 'pustu');
  await record(ids.pregnant, addDays(lmp, 140), [anc('K3', 'midwife')], 'pustu');
  // Rafi: HB0 at birth, BCG and OPV 1 at 20 days, the 2-month doses at 2 months and 3 days.
  await record(ids.baby, born.baby, [vac('HB0', 1), w(3.2)], 'puskesmas');
  await record(ids.baby, addDays(born.baby, 20), [vac('BCG', 1), vac('OPV', 1), w(3.9)]);
  await record(ids.baby, addDays(addMonths(born.baby, 2), 3), [vac('DPT-HB-Hib', 1), vac('OPV', 2), vac('RV', 1), vac('PCV', 1), w(5.4)]);
  // Aldi: 79 cm at 2 years is below −2 SD (stunted).
  await record(ids.stunted, addDays(today, -40), [w(10.1), len(79, 'h')]);
  // Dewi: the same weight three months running (2T), below −3 SD.
  for (const [m, kg] of [[-2, 7.0], [-1, 7.0], [0, 6.9]] as const) await record(ids.thin, addMonths(addDays(today, -3), m), [w(kg)]);
  // Baso: grade 3 hypertension at the Posyandu a week ago.
  await record(ids.hypertensive, addDays(today, -7), [{ kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: 185, diastolic: 110 } }]);
  return { today, posyandu, households: { lasanudin, baso }, people: ids, pregnancyId: reg.events.find((e) => e.code === 'Z34')!.id, kader };
}
