/**
 * Time-travel fixtures for the immunization programme (KMK Tabel 7–8, 17):
 * "born on X, with these events, on date Z → exactly this schedule".
 */
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../protocol/settings-validate';
import type { PersonFacts } from '../lifecycle/person';
import { computeSchedule } from './engine';
import type { ScheduleEvent } from './event';
import { rows } from './fixtures.testing';
import type { ScheduleEntry } from './types';

const vax = (id: string, code: string, date: string, extra: Partial<ScheduleEvent> = {}): ScheduleEvent =>
  ({ id, system: 'antigen', code, date, ...extra });

function schedule(person: PersonFacts, events: ScheduleEvent[], on: string, prefixes: string[] = ['imm.'], settings?: unknown) {
  const s = computeSchedule({ person, events, on, ...(settings ? { settings: resolveSettings(settings).settings } : {}) });
  return rows(s.entries.filter((e) => prefixes.some((p) => e.key.startsWith(p))));
}
function entry(person: PersonFacts, events: ScheduleEvent[], on: string, key: string, settings?: unknown): ScheduleEntry {
  const s = computeSchedule({ person, events, on, ...(settings ? { settings: resolveSettings(settings).settings } : {}) });
  const e = s.entries.find((x) => x.key === key);
  if (!e) throw new Error(`no entry ${key}`);
  return e;
}

const girl: PersonFacts = { sex: 'F', birthDate: '2025-01-10' };

describe('newborn on day 0', () => {
  it('has the whole first-year plan with HB0, BCG, OPV1 and KN1 due', () => {
    const s = computeSchedule({ person: girl, events: [], on: '2025-01-10' });
    expect(rows(s.entries)).toEqual([
      'nn.kn1 due 2025-01-10/2025-01-12/2025-01-12',
      'imm.hb0 due 2025-01-10/2025-01-10/2025-01-17',
      'imm.bcg due 2025-01-10/2025-02-09/2026-01-09',
      'imm.opv-1 due 2025-01-10/2025-02-09/2030-01-09',
      'growth.weighing@2025-01 due 2025-01-10/2025-01-31/2025-01-31',
      'nn.shk upcoming 2025-01-12/2025-01-13/2025-01-13',
      'nn.kn2 upcoming 2025-01-13/2025-01-17/2025-01-17',
      'nn.kn3 upcoming 2025-01-18/2025-02-07/2025-02-07',
      'growth.weighing@2025-02 upcoming 2025-02-01/2025-02-28/2025-02-28',
      'growth.length-height@2025-02 upcoming 2025-02-01/2025-02-28/2025-02-28',
      'imm.dpt-hb-hib-1 upcoming 2025-03-10/2025-04-09/2030-01-09',
      'imm.opv-2 upcoming 2025-03-10/2025-04-09/2030-01-09',
      'imm.rv-1 upcoming 2025-03-10/2025-04-09/2027-01-09',
      'imm.pcv-1 upcoming 2025-03-10/2025-04-09/2027-01-09',
      'imm.dpt-hb-hib-2 upcoming 2025-04-10/2025-05-09/2030-01-09',
      'imm.opv-3 upcoming 2025-04-10/2025-05-09/2030-01-09',
      'imm.rv-2 upcoming 2025-04-10/2025-05-09/2027-01-09',
      'imm.pcv-2 upcoming 2025-04-10/2025-05-09/2027-01-09',
      'growth.kpsp-3 upcoming 2025-04-10/2025-05-09/2025-07-09',
      'imm.dpt-hb-hib-3 upcoming 2025-05-10/2025-06-09/2030-01-09',
      'imm.opv-4 upcoming 2025-05-10/2025-06-09/2030-01-09',
      'imm.rv-3 upcoming 2025-05-10/2025-06-09/2027-01-09',
      'imm.ipv-1 upcoming 2025-05-10/2025-06-09/2030-01-09',
      'growth.pkat upcoming 2025-07-10/2025-08-09/2025-08-09',
      'growth.kpsp-6 upcoming 2025-07-10/2025-08-09/2025-10-09',
      'growth.vitamin-a@2025-08 upcoming 2025-08-01/2025-08-31/2025-08-31 biru',
      'imm.mr-1 upcoming 2025-10-10/2025-11-09/2030-01-09',
      'imm.ipv-2 upcoming 2025-10-10/2025-11-09/2030-01-09',
      'growth.kpsp-9 upcoming 2025-10-10/2025-11-09/2026-01-09',
      'imm.je not_applicable 2025-11-10/2025-12-09/2030-01-09 setting:immunization.jeEndemic',
      'imm.pcv-3 upcoming 2026-01-10/2026-02-09/2027-01-09',
      'growth.kpsp-12 upcoming 2026-01-10/2026-02-09/2026-04-09',
    ]);
    expect(s.issues).toEqual([]);
  });
});

describe('HB0 (< 24 h = the birth date at date resolution)', () => {
  it('is on time on day 0 and late on day 1', () => {
    const d0 = entry(girl, [vax('h', 'HB0', '2025-01-10')], '2025-01-10', 'imm.hb0');
    expect(d0.status).toBe('done');
    expect(d0.satisfiedBy).toEqual({ eventId: 'h', date: '2025-01-10', onTime: true });
    const d1 = entry(girl, [vax('h', 'HB0', '2025-01-11')], '2025-01-11', 'imm.hb0');
    expect(d1.satisfiedBy?.onTime).toBe(false);
    expect(entry(girl, [], '2025-01-11', 'imm.hb0').status).toBe('overdue');
  });
  it('still counts on day 7 (district setting), not on day 8', () => {
    expect(entry(girl, [vax('h', 'HB0', '2025-01-17')], '2025-01-20', 'imm.hb0').status).toBe('done');
    expect(entry(girl, [vax('h', 'HB0', '2025-01-18')], '2025-01-20', 'imm.hb0').status).toBe('missed');
    expect(entry(girl, [], '2025-01-17', 'imm.hb0').status).toBe('overdue');
    expect(entry(girl, [], '2025-01-18', 'imm.hb0').status).toBe('missed');
  });
});

describe('an infant at 2 months with the birth doses given', () => {
  it('has DPT-HB-Hib 1, OPV2, RV1, PCV1 due and the next doses one month after today', () => {
    expect(schedule({ sex: 'M', birthDate: '2025-01-10' }, [
      vax('hb0', 'HB0', '2025-01-10'), vax('bcg', 'BCG', '2025-01-30'), vax('opv1', 'OPV', '2025-01-30'),
    ], '2025-03-15')).toEqual([
      'imm.hb0 done 2025-01-10/2025-01-10/2025-01-17 by hb0',
      'imm.bcg done 2025-01-10/2025-02-09/2026-01-09 by bcg',
      'imm.opv-1 done 2025-01-10/2025-02-09/2030-01-09 by opv1',
      'imm.dpt-hb-hib-1 due 2025-03-10/2025-04-09/2030-01-09',
      'imm.opv-2 due 2025-03-10/2025-04-09/2030-01-09',
      'imm.rv-1 due 2025-03-10/2025-04-09/2027-01-09',
      'imm.pcv-1 due 2025-03-10/2025-04-09/2027-01-09',
      // Not given yet: they open one month after today (catch-up planning).
      'imm.dpt-hb-hib-2 upcoming 2025-04-15/2025-05-09/2030-01-09',
      'imm.opv-3 upcoming 2025-04-15/2025-05-09/2030-01-09',
      'imm.rv-2 upcoming 2025-04-15/2025-05-09/2027-01-09',
      'imm.pcv-2 upcoming 2025-04-15/2025-05-09/2027-01-09',
      'imm.ipv-1 upcoming 2025-05-10/2025-06-09/2030-01-09',
      'imm.dpt-hb-hib-3 upcoming 2025-05-15/2025-06-09/2030-01-09',
      'imm.opv-4 upcoming 2025-05-15/2025-06-09/2030-01-09',
      'imm.rv-3 upcoming 2025-05-15/2025-06-09/2027-01-09',
      'imm.mr-1 upcoming 2025-10-10/2025-11-09/2030-01-09',
      'imm.ipv-2 upcoming 2025-10-10/2025-11-09/2030-01-09',
      'imm.je not_applicable 2025-11-10/2025-12-09/2030-01-09 setting:immunization.jeEndemic',
      'imm.pcv-3 upcoming 2026-01-10/2026-02-09/2027-01-09',
    ]);
  });
});

describe('an infant at 4 months with DPT-HB-Hib 1 late, a DPT-HB-Hib 2 given too early, and no OPV', () => {
  it('does not count a dose given before the minimum interval and shifts the series', () => {
    expect(schedule(girl, [
      vax('hb0', 'HB0', '2025-01-11'), vax('bcg', 'BCG', '2025-01-30'),
      vax('dpt1', 'DPT-HB-Hib', '2025-03-30'), vax('pcv1', 'PCV', '2025-03-30'), vax('rv1', 'RV', '2025-03-30'),
      // 30 days after DPT1: less than the 1-month minimum interval (KMK Tabel 7).
      vax('dpt2', 'DPT-HB-Hib', '2025-04-29'),
    ], '2025-05-12')).toEqual([
      'imm.hb0 done 2025-01-10/2025-01-10/2025-01-17 by hb0 late',
      'imm.bcg done 2025-01-10/2025-02-09/2026-01-09 by bcg',
      'imm.opv-1 overdue 2025-01-10/2025-02-09/2030-01-09',
      'imm.dpt-hb-hib-1 done 2025-03-10/2025-04-09/2030-01-09 by dpt1',
      'imm.rv-1 done 2025-03-10/2025-04-09/2027-01-09 by rv1',
      'imm.pcv-1 done 2025-03-10/2025-04-09/2027-01-09 by pcv1',
      'imm.dpt-hb-hib-2 overdue 2025-04-30/2025-05-09/2030-01-09',
      'imm.rv-2 overdue 2025-04-30/2025-05-09/2027-01-09',
      'imm.pcv-2 overdue 2025-04-30/2025-05-09/2027-01-09',
      'imm.ipv-1 due 2025-05-10/2025-06-09/2030-01-09',
      'imm.opv-2 upcoming 2025-06-12/2025-06-12/2030-01-09',
      'imm.dpt-hb-hib-3 upcoming 2025-06-12/2025-06-12/2030-01-09',
      'imm.rv-3 upcoming 2025-06-12/2025-06-12/2027-01-09',
      'imm.opv-3 upcoming 2025-07-12/2025-07-12/2030-01-09',
      'imm.opv-4 upcoming 2025-08-12/2025-08-12/2030-01-09',
      'imm.mr-1 upcoming 2025-10-10/2025-11-09/2030-01-09',
      'imm.ipv-2 upcoming 2025-10-10/2025-11-09/2030-01-09',
      'imm.je not_applicable 2025-11-10/2025-12-09/2030-01-09 setting:immunization.jeEndemic',
      'imm.pcv-3 upcoming 2026-01-10/2026-02-09/2027-01-09',
    ]);
  });
});

describe('an infant followed at 3, 9, 10 and 12 months in a JE-endemic district', () => {
  const boy: PersonFacts = { sex: 'M', birthDate: '2024-03-10' };
  const je = { immunization: { jeEndemic: true } };
  const history = [
    vax('hb0', 'HB0', '2024-03-10'), vax('bcg', 'BCG', '2024-03-30'), vax('opv1', 'OPV', '2024-03-30'),
    vax('d1', 'DPT-HB-Hib', '2024-05-13'), vax('opv2', 'OPV', '2024-05-13'), vax('rv1', 'RV', '2024-05-13'), vax('p1', 'PCV', '2024-05-13'),
    vax('d2', 'DPT-HB-Hib', '2024-06-20'), vax('opv3', 'OPV', '2024-06-20'), vax('rv2', 'RV', '2024-06-20'), vax('p2', 'PCV', '2024-06-20'),
    vax('d3', 'DPT-HB-Hib', '2024-07-30'), vax('opv4', 'OPV', '2024-07-30'), vax('rv3', 'RV', '2024-07-30'), vax('ipv1', 'IPV', '2024-07-30'),
    vax('mr1', 'MR', '2024-12-15'), vax('ipv2', 'IPV', '2024-12-15'),
  ];
  const done = [
    'imm.hb0 done 2024-03-10/2024-03-10/2024-03-17 by hb0',
    'imm.bcg done 2024-03-10/2024-04-09/2025-03-09 by bcg',
    'imm.opv-1 done 2024-03-10/2024-04-09/2029-03-09 by opv1',
    'imm.dpt-hb-hib-1 done 2024-05-10/2024-06-09/2029-03-09 by d1',
    'imm.opv-2 done 2024-05-10/2024-06-09/2029-03-09 by opv2',
    'imm.rv-1 done 2024-05-10/2024-06-09/2026-03-09 by rv1',
    'imm.pcv-1 done 2024-05-10/2024-06-09/2026-03-09 by p1',
    'imm.dpt-hb-hib-2 done 2024-06-13/2024-07-09/2029-03-09 by d2',
    'imm.opv-3 done 2024-06-13/2024-07-09/2029-03-09 by opv3',
    'imm.rv-2 done 2024-06-13/2024-07-09/2026-03-09 by rv2',
    'imm.pcv-2 done 2024-06-13/2024-07-09/2026-03-09 by p2',
    'imm.ipv-1 done 2024-07-10/2024-08-09/2029-03-09 by ipv1',
    'imm.dpt-hb-hib-3 done 2024-07-20/2024-08-09/2029-03-09 by d3',
    'imm.opv-4 done 2024-07-20/2024-08-09/2029-03-09 by opv4',
    'imm.rv-3 done 2024-07-20/2024-08-09/2026-03-09 by rv3',
  ];
  it('3 months: dose 2 opens one month after dose 1 (given at 2 months 3 days)', () => {
    expect(schedule(boy, history, '2024-06-10', ['imm.'], je)).toEqual([
      ...done.slice(0, 7),
      'imm.dpt-hb-hib-2 upcoming 2024-06-13/2024-07-09/2029-03-09',
      'imm.opv-3 upcoming 2024-06-13/2024-07-09/2029-03-09',
      'imm.rv-2 upcoming 2024-06-13/2024-07-09/2026-03-09',
      'imm.pcv-2 upcoming 2024-06-13/2024-07-09/2026-03-09',
      'imm.ipv-1 upcoming 2024-07-10/2024-08-09/2029-03-09',
      'imm.dpt-hb-hib-3 upcoming 2024-07-13/2024-08-09/2029-03-09',
      'imm.opv-4 upcoming 2024-07-13/2024-08-09/2029-03-09',
      'imm.rv-3 upcoming 2024-07-13/2024-08-09/2026-03-09',
      'imm.mr-1 upcoming 2024-12-10/2025-01-09/2029-03-09',
      'imm.ipv-2 upcoming 2024-12-10/2025-01-09/2029-03-09',
      'imm.je upcoming 2025-01-10/2025-02-09/2029-03-09',
      'imm.pcv-3 upcoming 2025-03-10/2025-04-09/2026-03-09',
    ]);
  });
  it('9 months: MR1 and IPV2 due; the 18-month boosters appear within the horizon', () => {
    expect(schedule(boy, history.slice(0, 15), '2024-12-10', ['imm.'], je)).toEqual([
      ...done,
      'imm.mr-1 due 2024-12-10/2025-01-09/2029-03-09',
      'imm.ipv-2 due 2024-12-10/2025-01-09/2029-03-09',
      'imm.je upcoming 2025-01-10/2025-02-09/2029-03-09',
      'imm.pcv-3 upcoming 2025-03-10/2025-04-09/2026-03-09',
      'imm.dpt-hb-hib-4 upcoming 2025-09-10/2026-03-09/2029-03-09',
      'imm.mr-2 upcoming 2025-09-10/2026-03-09/2029-03-09',
    ]);
  });
  it('10 months: JE due; 12 months: JE overdue and PCV3 due', () => {
    const tail = ['imm.mr-1 done 2024-12-10/2025-01-09/2029-03-09 by mr1', 'imm.ipv-2 done 2024-12-10/2025-01-09/2029-03-09 by ipv2'];
    expect(schedule(boy, history, '2025-01-10', ['imm.'], je)).toEqual([
      ...done, ...tail,
      'imm.je due 2025-01-10/2025-02-09/2029-03-09',
      'imm.pcv-3 upcoming 2025-03-10/2025-04-09/2026-03-09',
      'imm.dpt-hb-hib-4 upcoming 2025-09-10/2026-03-09/2029-03-09',
      'imm.mr-2 upcoming 2025-09-10/2026-03-09/2029-03-09',
    ]);
    expect(schedule(boy, history, '2025-03-10', ['imm.'], je)).toEqual([
      ...done, ...tail,
      'imm.je overdue 2025-01-10/2025-02-09/2029-03-09',
      'imm.pcv-3 due 2025-03-10/2025-04-09/2026-03-09',
      'imm.dpt-hb-hib-4 upcoming 2025-09-10/2026-03-09/2029-03-09',
      'imm.mr-2 upcoming 2025-09-10/2026-03-09/2029-03-09',
    ]);
  });
});

describe('a toddler at 18 months whose DPT-HB-Hib 3 came at 8 months', () => {
  it('opens DPT-HB-Hib 4 twelve months after dose 3 and MR2 at 18 months', () => {
    expect(schedule(girl, [
      vax('d1', 'DPT-HB-Hib', '2025-03-12'), vax('d2', 'DPT-HB-Hib', '2025-06-20'), vax('d3', 'DPT-HB-Hib', '2025-09-15'),
      vax('mr1', 'MR', '2025-10-15'),
    ], '2026-07-10', ['imm.dpt', 'imm.mr'])).toEqual([
      'imm.dpt-hb-hib-1 done 2025-03-10/2025-04-09/2030-01-09 by d1',
      'imm.dpt-hb-hib-2 done 2025-04-12/2025-05-09/2030-01-09 by d2 late',
      'imm.dpt-hb-hib-3 done 2025-07-20/2025-07-20/2030-01-09 by d3 late',
      'imm.mr-1 done 2025-10-10/2025-11-09/2030-01-09 by mr1',
      'imm.mr-2 due 2026-07-10/2027-01-09/2030-01-09',
      'imm.dpt-hb-hib-4 upcoming 2026-09-15/2027-01-09/2030-01-09',
    ]);
  });
});

describe('a child at 24 months born on a month end, with gaps', () => {
  it('closes windows at the catch-up ages (BCG 12 m, RV/PCV 24 m) and marks unreachable doses', () => {
    expect(schedule({ sex: 'M', birthDate: '2024-01-31' }, [
      vax('p1', 'PCV', '2024-03-31'), vax('p2', 'PCV', '2024-04-30'), vax('r1', 'RV', '2024-03-31'), vax('mr1', 'MR', '2024-10-31'),
    ], '2026-01-31', ['imm.pcv', 'imm.rv', 'imm.mr', 'imm.bcg', 'imm.dpt'])).toEqual([
      'imm.bcg missed 2024-01-31/2024-02-28/2025-01-30',
      'imm.dpt-hb-hib-1 overdue 2024-03-31/2024-04-29/2029-01-30',
      'imm.rv-1 done 2024-03-31/2024-04-29/2026-01-30 by r1',
      'imm.pcv-1 done 2024-03-31/2024-04-29/2026-01-30 by p1',
      'imm.rv-2 missed 2024-04-30/2024-05-30/2026-01-30',
      'imm.pcv-2 done 2024-04-30/2024-05-30/2026-01-30 by p2',
      'imm.mr-1 done 2024-10-31/2024-11-29/2029-01-30 by mr1',
      'imm.pcv-3 missed 2025-01-31/2025-02-27/2026-01-30',
      'imm.mr-2 overdue 2025-07-31/2026-01-30/2029-01-30',
      'imm.rv-3 missed 2026-01-30/2026-01-30/2026-01-30 unreachable',
      'imm.dpt-hb-hib-2 upcoming 2026-02-28/2026-02-28/2029-01-30',
      'imm.dpt-hb-hib-3 upcoming 2026-03-28/2026-03-28/2029-01-30',
    ]);
  });
});

describe('minimum intervals, both sides', () => {
  const base = [vax('d1', 'DPT-HB-Hib', '2025-03-10'), vax('d2', 'DPT-HB-Hib', '2025-04-10'), vax('d3', 'DPT-HB-Hib', '2025-08-20')];
  it('DPT-HB-Hib 4 needs 12 months after dose 3', () => {
    expect(entry(girl, [...base, vax('d4', 'DPT-HB-Hib', '2026-08-19')], '2026-09-01', 'imm.dpt-hb-hib-4').status).toBe('due');
    expect(entry(girl, [...base, vax('d4', 'DPT-HB-Hib', '2026-08-20')], '2026-09-01', 'imm.dpt-hb-hib-4').satisfiedBy?.eventId).toBe('d4');
  });
  it('MR2 needs 6 months after MR1 (and 18 months of age)', () => {
    const mr1 = vax('m1', 'MR', '2026-02-01');
    expect(entry(girl, [mr1, vax('m2', 'MR', '2026-07-31')], '2026-08-15', 'imm.mr-2').status).toBe('due');
    expect(entry(girl, [mr1, vax('m2', 'MR', '2026-08-01')], '2026-08-15', 'imm.mr-2').satisfiedBy?.eventId).toBe('m2');
    // MR1 on time but MR2 before 18 months: not counted.
    expect(entry(girl, [vax('m1', 'MR', '2025-10-10'), vax('m2', 'MR', '2026-07-09')], '2026-07-20', 'imm.mr-2').status).toBe('due');
  });
  it('PCV3 needs 8 weeks after PCV2', () => {
    // PCV2 late at 11 months (2025-12-01): PCV3 opens 2026-01-26, after the 12-month age (2026-01-10).
    const pcv = [vax('p1', 'PCV', '2025-10-01'), vax('p2', 'PCV', '2025-12-01')];
    expect(entry(girl, [...pcv, vax('p3', 'PCV', '2026-01-25')], '2026-02-01', 'imm.pcv-3').window.earliest).toBe('2026-01-26');
    expect(entry(girl, [...pcv, vax('p3', 'PCV', '2026-01-25')], '2026-02-01', 'imm.pcv-3').status).toBe('due');
    expect(entry(girl, [...pcv, vax('p3', 'PCV', '2026-01-26')], '2026-02-01', 'imm.pcv-3').status).toBe('done');
  });
  it('a dose before the recommended age does not count', () => {
    expect(entry(girl, [vax('d', 'DPT-HB-Hib', '2025-03-09')], '2025-03-20', 'imm.dpt-hb-hib-1').status).toBe('due');
    expect(entry(girl, [vax('d', 'DPT-HB-Hib', '2025-03-10')], '2025-03-20', 'imm.dpt-hb-hib-1').status).toBe('done');
  });
});

describe('catch-up upper ages (district settings)', () => {
  it('RV counts until the day before 24 months, BCG until the day before 12 months', () => {
    const rv = (date: string) => entry(girl, [vax('r', 'RV', date)], '2027-02-01', 'imm.rv-1').status;
    expect(rv('2027-01-09')).toBe('done');
    expect(rv('2027-01-10')).toBe('missed');
    expect(entry(girl, [vax('b', 'BCG', '2026-01-09')], '2026-02-01', 'imm.bcg').status).toBe('done');
    expect(entry(girl, [vax('b', 'BCG', '2026-01-10')], '2026-02-01', 'imm.bcg').status).toBe('missed');
  });
  it('follows a district that changes the limit', () => {
    const s = { immunization: { catchUpBeforeMonths: { RV: 8 } } };
    expect(entry(girl, [], '2025-09-09', 'imm.rv-1', s).status).toBe('overdue');
    expect(entry(girl, [], '2025-09-10', 'imm.rv-1', s).status).toBe('missed');
  });
});

describe('JE only where the district is endemic', () => {
  it('is not applicable by default and due at 10 months in an endemic district', () => {
    expect(entry(girl, [], '2025-11-15', 'imm.je').status).toBe('not_applicable');
    expect(entry(girl, [], '2025-11-15', 'imm.je', { immunization: { jeEndemic: true } }).status).toBe('due');
    expect(entry(girl, [], '2025-11-09', 'imm.je', { immunization: { jeEndemic: true } }).status).toBe('upcoming');
  });
  it('still shows a JE dose given elsewhere as done', () => {
    expect(entry(girl, [vax('je', 'JE', '2025-11-20')], '2025-12-01', 'imm.je').status).toBe('done');
  });
});

describe('dose numbers recorded on events', () => {
  it('an event marked dose 2 does not fill dose 1', () => {
    const s = computeSchedule({ person: girl, events: [vax('m', 'MR', '2026-08-01', { dose: 2 })], on: '2026-08-15' });
    expect(s.entries.find((e) => e.key === 'imm.mr-1')?.status).toBe('overdue');
    // Dose 2 waits for dose 1: it opens 6 months after the earliest day dose 1 can now be given.
    const mr2 = s.entries.find((e) => e.key === 'imm.mr-2')!;
    expect(mr2.status).toBe('upcoming');
    expect(mr2.window.earliest).toBe('2027-02-15');
  });
  it('reads the ordinal from a code such as "MR 1"', () => {
    expect(entry(girl, [vax('m', 'MR 1', '2025-10-20')], '2025-10-25', 'imm.mr-1').satisfiedBy?.eventId).toBe('m');
  });
  it('recognises KFA and CVX codes', () => {
    const e: ScheduleEvent[] = [
      { id: 'k', system: 'http://sys-ids.kemkes.go.id/kfa', code: 'VG19', date: '2025-01-20' },
      { id: 'c', system: 'http://hl7.org/fhir/sid/cvx', code: '198', date: '2025-03-12' },
    ];
    expect(entry(girl, e, '2025-03-20', 'imm.bcg').satisfiedBy?.eventId).toBe('k');
    expect(entry(girl, e, '2025-03-20', 'imm.dpt-hb-hib-1').satisfiedBy?.eventId).toBe('c');
  });
});

describe('Td (T status) for a pregnant woman', () => {
  const mother: PersonFacts = { sex: 'F', birthDate: '1998-05-01', pregnancies: [{ id: 'g1', hpht: '2025-02-01' }] };
  it('credits T1–T2 from a status screening and counts the dose given that day as T3', () => {
    expect(schedule(mother, [
      { id: 'ts', system: 'questionnaire', code: 'tetanus-status', date: '2025-04-01', valueNum: 2 },
      vax('t3', 'Td', '2025-04-01', { dose: 3 }),
    ], '2025-06-01', ['imm.td'])).toEqual([
      'imm.td-1 done 2013-05-01/2013-05-01/2048-04-30 by ts late',
      'imm.td-2 done 2025-04-01/2025-04-01/2048-04-30 by ts',
      'imm.td-3 done 2025-04-01/2025-04-01/2048-04-30 by t3',
      'imm.td-4 upcoming 2026-04-01/2026-04-01/2048-04-30',
    ]);
  });
  it('uses the intervals T1→T2 4 weeks and T2→T3 6 months', () => {
    const ev = [vax('t1', 'Td', '2025-03-01'), vax('t2', 'Td', '2025-03-28')];
    expect(entry(mother, ev, '2025-04-15', 'imm.td-2').status).toBe('overdue'); // 27 days: too early, not counted
    expect(entry(mother, [vax('t1', 'Td', '2025-03-01'), vax('t2', 'Td', '2025-03-29')], '2025-04-15', 'imm.td-2').status).toBe('done');
    expect(entry(mother, [vax('t1', 'Td', '2025-03-01'), vax('t2', 'Td', '2025-03-29')], '2025-04-15', 'imm.td-3').window.earliest).toBe('2025-09-29');
  });
  it('is owed from the start of the pregnancy, not from her 15th birthday, when she has no doses', () => {
    const first = computeSchedule({ person: mother, events: [], on: '2025-06-01' }).entries.find((e) => e.key === 'imm.td-1')!;
    expect(first.window.earliest).toBe('2025-02-01');
    expect(first.window.due).toBe('2025-02-01');
    // The day before the pregnancy she was not eligible: nothing is listed.
    expect(schedule(mother, [], '2025-01-31', ['imm.td'])).toEqual([]);
  });
  it('is not listed for men or for women outside pregnancy, catin and PUS', () => {
    expect(schedule({ sex: 'F', birthDate: '1998-05-01' }, [], '2025-06-01', ['imm.td'])).toEqual([]);
    expect(schedule({ sex: 'M', birthDate: '1998-05-01', conditions: [{ kind: 'catin', from: '2025-05-01' }] }, [], '2025-06-01', ['imm.td'])).toEqual([]);
  });
});

describe('BIAS (school immunization by grade)', () => {
  it('gives MR in August and DT in November of grade 1, derived from age', () => {
    // Born 2018-03-05: 7 years on 1 July 2025 → grade 1 in school year 2025/26.
    const child: PersonFacts = { sex: 'F', birthDate: '2018-03-05' };
    expect(schedule(child, [vax('mr', 'MR', '2025-08-12')], '2025-09-01', ['bias.'])).toEqual([
      'bias.mr@SY2025 done 2025-07-01/2025-08-31/2026-06-30 by mr',
      'bias.dt@SY2025 due 2025-07-01/2025-11-30/2026-06-30',
      'bias.td-2@SY2026 upcoming 2026-07-01/2026-11-30/2027-06-30',
    ]);
    expect(schedule(child, [], '2025-12-01', ['bias.'])).toEqual([
      'bias.mr@SY2025 overdue 2025-07-01/2025-08-31/2026-06-30',
      'bias.dt@SY2025 overdue 2025-07-01/2025-11-30/2026-06-30',
      'bias.td-2@SY2026 upcoming 2026-07-01/2026-11-30/2027-06-30',
    ]);
    // The school year closes the window.
    expect(schedule(child, [], '2026-07-01', ['bias.mr', 'bias.dt'])).toEqual([
      'bias.mr@SY2025 missed 2025-07-01/2025-08-31/2026-06-30',
      'bias.dt@SY2025 missed 2025-07-01/2025-11-30/2026-06-30',
    ]);
  });
  it('follows a recorded grade over the age rule, and gives HPV to girls only', () => {
    // 12 years old but recorded in grade 5 this school year.
    const late: PersonFacts = { sex: 'F', birthDate: '2013-01-15', schoolGrade: { grade: 5, on: '2025-09-01' } };
    expect(schedule(late, [], '2025-09-01', ['bias.'])).toEqual([
      'bias.td-5@SY2025 due 2025-07-01/2025-11-30/2026-06-30',
      'bias.hpv-1@SY2025 overdue 2025-07-01/2025-08-31/2026-06-30',
      'bias.hpv-2@SY2026 upcoming 2026-07-01/2026-08-31/2027-06-30',
    ]);
    expect(schedule({ ...late, sex: 'M' }, [], '2025-09-01', ['bias.'])).toEqual(['bias.td-5@SY2025 due 2025-07-01/2025-11-30/2026-06-30']);
  });
});

describe('T status screening after the WUS age', () => {
  it('does not credit doses whose window has closed', () => {
    const older: PersonFacts = { sex: 'F', birthDate: '1974-01-01', conditions: [{ kind: 'pus', from: '2000-01-01' }] };
    const s = computeSchedule({ person: older, events: [{ id: 'ts', system: 'questionnaire', code: 'tetanus-status', date: '2024-06-01', valueNum: 5 }], on: '2024-06-02' });
    expect(s.entries.filter((e) => e.item.startsWith('imm.td')).map((e) => `${e.key} ${e.status}${e.reason ? ` ${e.reason}` : ''}`)).toEqual([
      'imm.td-1 missed', 'imm.td-2 missed unreachable', 'imm.td-3 missed unreachable', 'imm.td-4 missed unreachable', 'imm.td-5 missed unreachable',
    ]);
    const young = computeSchedule({ person: { ...older, birthDate: '1980-01-01' }, events: [{ id: 'ts', system: 'questionnaire', code: 'tetanus-status', date: '2024-06-01', valueNum: 5 }], on: '2024-06-02' });
    expect(young.entries.filter((e) => e.item.startsWith('imm.td')).map((e) => `${e.key} ${e.status}`)).toEqual([
      'imm.td-1 done', 'imm.td-2 done', 'imm.td-3 done', 'imm.td-4 done', 'imm.td-5 done',
    ]);
  });
  it('keeps an earlier screening\'s credit when a later one with a higher value comes after the window', () => {
    // T1 at 36; T3 reported at 50, after her WUS window: T1 stays done (a property test found this lost).
    const older: PersonFacts = { sex: 'F', birthDate: '1974-01-01', conditions: [{ kind: 'pus', from: '2000-01-01' }] };
    const events = [
      { id: 't1', system: 'questionnaire', code: 'tetanus-status', date: '2010-03-01', valueNum: 1 },
      { id: 't3', system: 'questionnaire', code: 'tetanus-status', date: '2024-06-01', valueNum: 3 },
    ];
    const s = computeSchedule({ person: older, events, on: '2024-06-02' });
    const td = s.entries.filter((e) => e.item.startsWith('imm.td'));
    expect(td.find((e) => e.key === 'imm.td-1')).toMatchObject({ status: 'done', satisfiedBy: { eventId: 't1' } });
    expect(td.filter((e) => e.status === 'done').map((e) => e.key)).toEqual(['imm.td-1']);
  });
  it('credits each dose from the earliest screening covering it: a dose given between two screenings counts after the first', () => {
    const mother: PersonFacts = { sex: 'F', birthDate: '1998-05-01', pregnancies: [{ id: 'g1', hpht: '2025-02-01' }] };
    expect(schedule(mother, [
      { id: 's2', system: 'questionnaire', code: 'tetanus-status', date: '2025-03-01', valueNum: 2 },
      vax('t3', 'Td', '2025-04-01'),
      { id: 's3', system: 'questionnaire', code: 'tetanus-status', date: '2025-05-01', valueNum: 3 },
    ], '2025-06-01', ['imm.td-1', 'imm.td-2', 'imm.td-3'])).toEqual([
      'imm.td-1 done 2013-05-01/2013-05-01/2048-04-30 by s2 late',
      'imm.td-2 done 2025-03-01/2025-03-01/2048-04-30 by s2',
      'imm.td-3 done 2025-03-01/2025-03-01/2048-04-30 by t3 late',
    ]);
  });
});
