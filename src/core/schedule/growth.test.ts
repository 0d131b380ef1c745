/**
 * Growth and development (KMK §IV.A.2): monthly weighing to 59 months,
 * length/height and vitamin A in February and August, deworming in August,
 * KPSP ages, PKAT at 6 to < 7 months.
 */
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../lifecycle/person';
import { resolveSettings } from '../protocol/settings-validate';
import { computeSchedule } from './engine';
import type { ScheduleEvent } from './event';
import { rows } from './fixtures.testing';

const svc = (id: string, code: string, date: string): ScheduleEvent => ({ id, system: 'service', code, date });
const weigh = (id: string, date: string): ScheduleEvent => ({ id, system: 'loinc', code: '29463-7', date, valueNum: 8 });
const view = (p: PersonFacts, events: ScheduleEvent[], on: string, prefixes = ['growth.']) =>
  rows(computeSchedule({ person: p, events, on }).entries.filter((e) => prefixes.some((x) => e.key.startsWith(x))));
const find = (p: PersonFacts, events: ScheduleEvent[], on: string, key: string, settings?: unknown) =>
  computeSchedule({ person: p, events, on, ...(settings ? { settings: resolveSettings(settings).settings } : {}) }).entries.find((e) => e.key === key);

const girl: PersonFacts = { sex: 'F', birthDate: '2025-01-10' };

describe('an infant at 10 months', () => {
  it('shows every month since birth, the Feb/Aug items, PKAT, KPSP and what comes next', () => {
    expect(view(girl, [
      weigh('w9', '2025-10-05'), weigh('w10', '2025-11-03'), svc('va', 'vitamin-a', '2025-08-14'),
      svc('pk', 'pkat', '2025-07-20'), { id: 'k6', system: 'questionnaire', code: 'kpsp', date: '2025-08-01' },
    ], '2025-11-12')).toEqual([
      'growth.weighing@2025-01 missed 2025-01-10/2025-01-31/2025-01-31',
      'growth.weighing@2025-02 missed 2025-02-01/2025-02-28/2025-02-28',
      'growth.length-height@2025-02 missed 2025-02-01/2025-02-28/2025-02-28',
      'growth.weighing@2025-03 missed 2025-03-01/2025-03-31/2025-03-31',
      'growth.weighing@2025-04 missed 2025-04-01/2025-04-30/2025-04-30',
      'growth.kpsp-3 missed 2025-04-10/2025-05-09/2025-07-09',
      'growth.weighing@2025-05 missed 2025-05-01/2025-05-31/2025-05-31',
      'growth.weighing@2025-06 missed 2025-06-01/2025-06-30/2025-06-30',
      'growth.weighing@2025-07 missed 2025-07-01/2025-07-31/2025-07-31',
      'growth.pkat done 2025-07-10/2025-08-09/2025-08-09 by pk',
      'growth.kpsp-6 done 2025-07-10/2025-08-09/2025-10-09 by k6',
      'growth.weighing@2025-08 missed 2025-08-01/2025-08-31/2025-08-31',
      'growth.length-height@2025-08 missed 2025-08-01/2025-08-31/2025-08-31',
      'growth.vitamin-a@2025-08 done 2025-08-01/2025-08-31/2025-08-31 by va biru',
      'growth.weighing@2025-09 missed 2025-09-01/2025-09-30/2025-09-30',
      'growth.weighing@2025-10 done 2025-10-01/2025-10-31/2025-10-31 by w9',
      'growth.kpsp-9 overdue 2025-10-10/2025-11-09/2026-01-09',
      'growth.weighing@2025-11 done 2025-11-01/2025-11-30/2025-11-30 by w10',
      'growth.weighing@2025-12 upcoming 2025-12-01/2025-12-31/2025-12-31',
      'growth.kpsp-12 upcoming 2026-01-10/2026-02-09/2026-04-09',
      'growth.length-height@2026-02 upcoming 2026-02-01/2026-02-28/2026-02-28',
      'growth.vitamin-a@2026-02 upcoming 2026-02-01/2026-02-28/2026-02-28 merah',
      'growth.kpsp-15 upcoming 2026-04-10/2026-05-09/2026-07-09',
      'growth.kpsp-18 upcoming 2026-07-10/2026-08-09/2026-10-09',
      'growth.deworming@2026-08 upcoming 2026-08-01/2026-08-31/2026-08-31',
      'growth.kpsp-21 upcoming 2026-10-10/2026-11-09/2027-01-09',
    ]);
  });
});

describe('the end of balita age (59 months)', () => {
  it('closes the last monthly and August windows the day before 60 months', () => {
    expect(view({ sex: 'M', birthDate: '2020-08-15' }, [], '2025-07-20').slice(-8)).toEqual([
      'growth.weighing@2025-06 missed 2025-06-01/2025-06-30/2025-06-30',
      'growth.weighing@2025-07 due 2025-07-01/2025-07-31/2025-07-31',
      'growth.weighing@2025-08 upcoming 2025-08-01/2025-08-14/2025-08-14',
      'growth.length-height@2025-08 upcoming 2025-08-01/2025-08-14/2025-08-14',
      'growth.vitamin-a@2025-08 upcoming 2025-08-01/2025-08-14/2025-08-14 merah',
      'growth.deworming@2025-08 upcoming 2025-08-01/2025-08-14/2025-08-14',
      'growth.kpsp-60 upcoming 2025-08-15/2025-09-14/2026-02-14',
      'growth.kpsp-66 upcoming 2026-02-15/2026-03-14/2026-08-14',
    ]);
    expect(find({ sex: 'M', birthDate: '2020-08-15' }, [], '2025-09-01', 'growth.weighing@2025-09')).toBeUndefined();
  });
});

describe('vitamin A (February and August, from 6 months)', () => {
  const born = { sex: 'F' as const, birthDate: '2025-02-20' }; // 6 months on 2025-08-20
  it('opens on the 6-month birthday within August; a capsule the day before does not count', () => {
    expect(find(born, [svc('v', 'vitamin-a', '2025-08-19')], '2025-08-25', 'growth.vitamin-a@2025-08')).toMatchObject({
      status: 'due', window: { earliest: '2025-08-20', due: '2025-08-31', latest: '2025-08-31' }, variant: 'biru',
    });
    expect(find(born, [svc('v', 'vitamin-a', '2025-08-20')], '2025-08-25', 'growth.vitamin-a@2025-08')?.status).toBe('done');
    expect(find(born, [], '2025-09-01', 'growth.vitamin-a@2025-08')?.status).toBe('missed');
  });
  it('is the blue capsule while the window opens before 12 months, red from 12 months', () => {
    // 12 months on 2026-02-20: the February window opens at 11 months.
    expect(find(born, [], '2026-02-01', 'growth.vitamin-a@2026-02')?.variant).toBe('biru');
    expect(find(born, [], '2026-08-01', 'growth.vitamin-a@2026-08')?.variant).toBe('merah');
  });
  it('is not offered in other months', () => {
    expect(computeSchedule({ person: born, events: [], on: '2025-10-15' }).entries.filter((e) => e.item === 'growth.vitamin-a').map((e) => e.key))
      .toEqual(['growth.vitamin-a@2025-08', 'growth.vitamin-a@2026-02']);
  });
});

describe('deworming (August, from the district age)', () => {
  it('starts at 12 months by default and follows the setting', () => {
    const born = { sex: 'M' as const, birthDate: '2024-08-10' }; // 12 months on 2025-08-10
    expect(find(born, [], '2025-08-12', 'growth.deworming@2025-08')?.window).toEqual({ earliest: '2025-08-10', due: '2025-08-31', latest: '2025-08-31' });
    expect(find(born, [], '2024-08-12', 'growth.deworming@2024-08')).toBeUndefined();
    expect(find(born, [], '2025-02-12', 'growth.deworming@2025-08', { growth: { dewormingFromMonths: 6 } })?.window.earliest).toBe('2025-08-01');
  });
});

describe('KPSP and PKAT edges', () => {
  const kpsp = (id: string, date: string): ScheduleEvent => ({ id, system: 'questionnaire', code: 'kpsp', date });
  it('KPSP 3 months counts from 3 months to the day before 6 months', () => {
    expect(find(girl, [kpsp('k', '2025-04-09')], '2025-04-20', 'growth.kpsp-3')?.status).toBe('due');
    expect(find(girl, [kpsp('k', '2025-04-10')], '2025-04-20', 'growth.kpsp-3')?.status).toBe('done');
    expect(find(girl, [kpsp('k', '2025-07-09')], '2025-07-20', 'growth.kpsp-3')?.satisfiedBy?.onTime).toBe(false);
    expect(find(girl, [kpsp('k', '2025-07-10')], '2025-07-20', 'growth.kpsp-3')?.status).toBe('missed');
    expect(find(girl, [kpsp('k', '2025-07-10')], '2025-07-20', 'growth.kpsp-6')?.status).toBe('done');
  });
  it('PKAT is 6 months to < 7 months', () => {
    expect(find(girl, [svc('p', 'pkat', '2025-07-09')], '2025-08-20', 'growth.pkat')?.status).toBe('missed');
    expect(find(girl, [svc('p', 'pkat', '2025-07-10')], '2025-08-20', 'growth.pkat')?.status).toBe('done');
    expect(find(girl, [svc('p', 'pkat', '2025-08-09')], '2025-08-20', 'growth.pkat')?.status).toBe('done');
    expect(find(girl, [svc('p', 'pkat', '2025-08-10')], '2025-08-20', 'growth.pkat')?.status).toBe('missed');
  });
  it('follows a district list of KPSP ages', () => {
    const s = computeSchedule({ person: girl, events: [], on: '2025-04-15', settings: resolveSettings({ growth: { kpspAgesMonths: [4, 8] } }).settings });
    expect(rows(s.entries.filter((e) => e.item.startsWith('growth.kpsp')))).toEqual([
      'growth.kpsp-4 upcoming 2025-05-10/2025-06-09/2025-09-09',
      'growth.kpsp-8 upcoming 2025-09-10/2025-10-09/2026-01-09',
    ]);
  });
});
