/**
 * Time-travel fixtures for ANC (KMK §IV.A.1.a): K1–K6 by trimester, doctor
 * with USG at K1 and K5, first-visit items, the end of the pregnancy.
 * HPHT 2025-01-06: TM1 ends 2025-03-31 (12w0d), TM2 2025-06-23 (24w0d);
 * HPL 2025-10-13; the 44-week limit is 2025-11-10.
 */
import { describe, expect, it } from 'vitest';
import type { PersonFacts, PregnancyFacts } from '../lifecycle/person';
import { resolveSettings } from '../protocol/settings-validate';
import { computeSchedule } from './engine';
import type { ScheduleEvent } from './event';
import { rows } from './fixtures.testing';

const svc = (id: string, code: string, date: string, extra: Partial<ScheduleEvent> = {}): ScheduleEvent =>
  ({ id, system: 'service', code, date, ...extra });
const mother = (preg: Partial<PregnancyFacts> = {}): PersonFacts =>
  ({ sex: 'F', birthDate: '1995-06-01', pregnancies: [{ id: 'g1', hpht: '2025-01-06', ...preg }] });
const anc = (person: PersonFacts, events: ScheduleEvent[], on: string, prefixes = ['anc.', 'delivery.', 'pnc.']) =>
  rows(computeSchedule({ person, events, on }).entries.filter((e) => prefixes.some((p) => e.key.startsWith(p))));
const status = (person: PersonFacts, events: ScheduleEvent[], on: string, key: string) =>
  computeSchedule({ person, events, on }).entries.find((e) => e.key === `${key}@g1`)?.status;

describe('a woman at 8 weeks with no visit yet', () => {
  it('has K1, the doctor with USG and the first-visit items due; later slots upcoming', () => {
    expect(anc(mother(), [], '2025-03-03')).toEqual([
      'anc.k1@g1 due 2025-01-06/2025-03-31/2025-03-31',
      'anc.doctor-usg-k1@g1 due 2025-01-06/2025-03-31/2025-03-31',
      'anc.dental@g1 due 2025-01-06/2025-03-31/2025-11-09',
      'anc.lab-first@g1 due 2025-01-06/2025-03-31/2025-11-09',
      'anc.lila@g1 due 2025-01-06/2025-03-31/2025-11-09',
      'anc.t-status@g1 due 2025-01-06/2025-03-31/2025-11-09',
      'anc.malaria-test@g1 not_applicable 2025-01-06/2025-03-31/2025-11-09 setting:pregnancy.malariaHighEndemic',
      'delivery.facility@g1 due 2025-01-06/2025-10-13/2025-11-09',
      'anc.k2@g1 upcoming 2025-04-01/2025-06-23/2025-06-23',
      'anc.k3@g1 upcoming 2025-04-01/2025-06-23/2025-06-23',
      'anc.lab-glucose@g1 upcoming 2025-04-01/2025-06-23/2025-11-09',
      'anc.k4@g1 upcoming 2025-06-24/2025-11-09/2025-11-09',
      'anc.k5@g1 upcoming 2025-06-24/2025-11-09/2025-11-09',
      'anc.k6@g1 upcoming 2025-06-24/2025-11-09/2025-11-09',
      'anc.doctor-usg-k5@g1 upcoming 2025-06-24/2025-11-09/2025-11-09',
    ]);
  });
});

describe('a woman at 20 weeks after K1 with a doctor and USG and one TM2 visit', () => {
  it('shows K2 done, K3 and the K3 glucose due, missing first-visit labs overdue', () => {
    expect(anc(mother(), [
      svc('k1', 'anc', '2025-02-10', { provider: 'doctor' }), svc('u1', 'usg', '2025-02-10'),
      { id: 'hb', system: 'loinc', code: '718-7', date: '2025-02-10', valueNum: 11.8 },
      { id: 'l', system: 'loinc', code: '56072-2', date: '2025-02-10', valueNum: 24 },
      svc('k2', 'anc', '2025-04-14', { provider: 'midwife' }),
    ], '2025-05-26')).toEqual([
      'anc.k1@g1 done 2025-01-06/2025-03-31/2025-03-31 by k1',
      'anc.doctor-usg-k1@g1 done 2025-01-06/2025-03-31/2025-03-31 by u1',
      'anc.dental@g1 overdue 2025-01-06/2025-03-31/2025-11-09',
      'anc.lab-first@g1 overdue 2025-01-06/2025-03-31/2025-11-09',
      'anc.lila@g1 done 2025-01-06/2025-03-31/2025-11-09 by l',
      'anc.t-status@g1 overdue 2025-01-06/2025-03-31/2025-11-09',
      'anc.malaria-test@g1 not_applicable 2025-01-06/2025-03-31/2025-11-09 setting:pregnancy.malariaHighEndemic',
      'delivery.facility@g1 due 2025-01-06/2025-10-13/2025-11-09',
      'anc.k2@g1 done 2025-04-01/2025-06-23/2025-06-23 by k2',
      'anc.k3@g1 due 2025-04-01/2025-06-23/2025-06-23',
      'anc.lab-glucose@g1 due 2025-04-01/2025-06-23/2025-11-09',
      'anc.k4@g1 upcoming 2025-06-24/2025-11-09/2025-11-09',
      'anc.k5@g1 upcoming 2025-06-24/2025-11-09/2025-11-09',
      'anc.k6@g1 upcoming 2025-06-24/2025-11-09/2025-11-09',
      'anc.doctor-usg-k5@g1 upcoming 2025-06-24/2025-11-09/2025-11-09',
    ]);
  });
});

describe('a mother delivered at 37 weeks, seen on postpartum day 9', () => {
  it('closes the TM3 slots the day before delivery and starts KF1–KF4 on the delivery day', () => {
    expect(anc(mother({ deliveredOn: '2025-09-22', outcome: 'live-birth' }), [
      svc('k1', 'anc', '2025-02-10', { provider: 'doctor' }), svc('u1', 'usg', '2025-02-10'),
      svc('k2', 'anc', '2025-04-14'), svc('k3', 'anc', '2025-05-26'), svc('k4', 'anc', '2025-07-07'),
      svc('k5', 'anc', '2025-08-18', { provider: 'doctor' }), svc('u5', 'usg', '2025-08-18'),
      svc('del', 'delivery', '2025-09-22', { place: 'puskesmas' }), svc('kf1', 'KF', '2025-09-23'),
    ], '2025-10-01', ['anc.k', 'anc.doctor', 'delivery.', 'pnc.'])).toEqual([
      'anc.k1@g1 done 2025-01-06/2025-03-31/2025-03-31 by k1',
      'anc.doctor-usg-k1@g1 done 2025-01-06/2025-03-31/2025-03-31 by u1',
      'delivery.facility@g1 done 2025-01-06/2025-09-22/2025-09-22 by del',
      'anc.k2@g1 done 2025-04-01/2025-06-23/2025-06-23 by k2',
      'anc.k3@g1 done 2025-04-01/2025-06-23/2025-06-23 by k3',
      'anc.k4@g1 done 2025-06-24/2025-09-21/2025-09-21 by k4',
      'anc.k5@g1 done 2025-06-24/2025-09-21/2025-09-21 by k5',
      'anc.k6@g1 missed 2025-06-24/2025-09-21/2025-09-21',
      'anc.doctor-usg-k5@g1 done 2025-06-24/2025-09-21/2025-09-21 by u5',
      'pnc.kf1@g1 done 2025-09-22/2025-09-24/2025-09-24 by kf1',
      'pnc.kf2@g1 missed 2025-09-25/2025-09-29/2025-09-29',
      'pnc.kf3@g1 due 2025-09-30/2025-10-20/2025-10-20',
      'pnc.kf4@g1 upcoming 2025-10-21/2025-11-03/2025-11-03',
    ]);
  });
});

describe('trimester edges (TM1 0–12 wk; TM2 >12–24 wk; TM3 >24 wk)', () => {
  it('a visit at 12w0d is K1, at 12w1d it is K2', () => {
    expect(status(mother(), [svc('a', 'anc', '2025-03-31')], '2025-04-10', 'anc.k1')).toBe('done');
    expect(status(mother(), [svc('a', 'anc', '2025-03-31')], '2025-04-10', 'anc.k2')).toBe('due');
    expect(status(mother(), [svc('a', 'anc', '2025-04-01')], '2025-04-10', 'anc.k1')).toBe('missed');
    expect(status(mother(), [svc('a', 'anc', '2025-04-01')], '2025-04-10', 'anc.k2')).toBe('done');
  });
  it('a visit at 24w0d is still TM2, at 24w1d it is K4', () => {
    const tm2 = [svc('a', 'anc', '2025-04-10')];
    expect(status(mother(), [...tm2, svc('b', 'anc', '2025-06-23')], '2025-07-01', 'anc.k3')).toBe('done');
    expect(status(mother(), [...tm2, svc('b', 'anc', '2025-06-24')], '2025-07-01', 'anc.k3')).toBe('missed');
    expect(status(mother(), [...tm2, svc('b', 'anc', '2025-06-24')], '2025-07-01', 'anc.k4')).toBe('done');
  });
  it('two visits on one day fill one slot', () => {
    const day = [svc('a', 'anc', '2025-04-10'), svc('b', 'K3', '2025-04-10')];
    expect(status(mother(), day, '2025-04-20', 'anc.k2')).toBe('done');
    expect(status(mother(), day, '2025-04-20', 'anc.k3')).toBe('due');
  });
  it('K5 needs a doctor and an ultrasound in TM3', () => {
    const k = 'anc.doctor-usg-k5';
    expect(status(mother(), [svc('a', 'anc', '2025-08-01', { provider: 'midwife' }), svc('u', 'usg', '2025-08-01')], '2025-08-05', k)).toBe('due');
    expect(status(mother(), [svc('a', 'anc', '2025-08-01', { provider: 'doctor' })], '2025-08-05', k)).toBe('due');
    expect(status(mother(), [svc('a', 'anc', '2025-08-01', { provider: 'doctor' }), svc('u', 'usg', '2025-08-01')], '2025-08-05', k)).toBe('done');
    // A doctor visit with USG in TM2 does not count for K5.
    expect(status(mother(), [svc('a', 'anc', '2025-06-23', { provider: 'doctor' }), svc('u', 'usg', '2025-06-23')], '2025-07-05', k)).toBe('due');
  });
});

describe('the end of a pregnancy', () => {
  it('an abortion at 10 weeks ends K1 early and makes later items not applicable', () => {
    expect(anc(mother({ endedOn: '2025-03-17', outcome: 'abortion' }), [], '2025-04-01', ['anc.k', 'anc.doctor', 'delivery.', 'pnc.'])).toEqual([
      'anc.k1@g1 missed 2025-01-06/2025-03-16/2025-03-16',
      'anc.doctor-usg-k1@g1 missed 2025-01-06/2025-03-16/2025-03-16',
      'delivery.facility@g1 not_applicable 2025-01-06/2025-10-13/2025-11-09 pregnancy-ended',
      'anc.k2@g1 not_applicable 2025-04-01/2025-06-23/2025-06-23 pregnancy-ended',
      'anc.k3@g1 not_applicable 2025-04-01/2025-06-23/2025-06-23 pregnancy-ended',
      'anc.k4@g1 not_applicable 2025-06-24/2025-11-09/2025-11-09 pregnancy-ended',
      'anc.k5@g1 not_applicable 2025-06-24/2025-11-09/2025-11-09 pregnancy-ended',
      'anc.k6@g1 not_applicable 2025-06-24/2025-11-09/2025-11-09 pregnancy-ended',
      'anc.doctor-usg-k5@g1 not_applicable 2025-06-24/2025-11-09/2025-11-09 pregnancy-ended',
    ]);
  });
  it('an episode left open is treated as ended at 44 weeks', () => {
    const tm3 = [svc('a', 'anc', '2025-07-01'), svc('b', 'anc', '2025-08-01'), svc('c', 'anc', '2025-11-09')];
    expect(status(mother(), tm3, '2025-11-09', 'anc.k6')).toBe('done');
    expect(status(mother(), [svc('a', 'anc', '2025-07-01'), svc('b', 'anc', '2025-08-01'), svc('c', 'anc', '2025-11-10')], '2025-11-10', 'anc.k6')).toBe('missed');
    expect(status(mother(), [], '2025-11-09', 'delivery.facility')).toBe('overdue');
    expect(status(mother(), [], '2025-11-10', 'delivery.facility')).toBe('missed');
  });
  it('a home delivery does not meet the facility-delivery item', () => {
    const p = mother({ deliveredOn: '2025-09-22', outcome: 'live-birth' });
    expect(status(p, [svc('d', 'delivery', '2025-09-22', { place: 'home' })], '2025-09-23', 'delivery.facility')).toBe('missed');
    expect(status(p, [svc('d', 'delivery', '2025-09-22', { place: 'other' })], '2025-09-23', 'delivery.facility')).toBe('done');
  });
  it('registers by gestational age when HPHT is unknown', () => {
    const byGa: PersonFacts = { sex: 'F', birthDate: '1995-06-01', pregnancies: [{ id: 'g1', gestationalAge: { weeks: 10, days: 3, on: '2025-03-20' } }] };
    const s = computeSchedule({ person: byGa, events: [], on: '2025-03-20' });
    expect(s.entries.find((e) => e.key === 'anc.k1@g1')?.window).toEqual({ earliest: '2025-01-06', due: '2025-03-31', latest: '2025-03-31' });
  });
  it('ignores a delivery recorded after the evaluation date (time travel)', () => {
    const p = mother({ deliveredOn: '2025-09-22', outcome: 'live-birth' });
    expect(status(p, [], '2025-09-01', 'anc.k6')).toBe('due');
    expect(computeSchedule({ person: p, events: [], on: '2025-09-01' }).entries.some((e) => e.key.startsWith('pnc.'))).toBe(false);
  });
});

describe('district setting: high malaria endemicity', () => {
  it('makes the first-visit malaria test due', () => {
    const { settings, issues } = resolveSettings({ pregnancy: { malariaHighEndemic: true } });
    expect(issues).toEqual([]);
    const s = computeSchedule({ person: mother(), events: [], on: '2025-03-03', settings });
    expect(s.entries.find((e) => e.key === 'anc.malaria-test@g1')?.status).toBe('due');
  });
});
