/**
 * Postpartum mother and newborn on the KF/KN window edges (KMK §IV.A.1.e,
 * §IV.A.2). Days are counted from the delivery/birth date (day 0):
 * KF1/KN1 days 0–2 (to 48 h), KF2/KN2 3–7, KF3/KN3 8–28, KF4 29–42; SHK 48–72 h.
 */
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../lifecycle/person';
import { computeSchedule } from './engine';
import type { ScheduleEvent } from './event';
import { rows } from './fixtures.testing';

const svc = (id: string, code: string, date: string): ScheduleEvent => ({ id, system: 'service', code, date });
const baby: PersonFacts = { sex: 'M', birthDate: '2025-09-22' };
const mother: PersonFacts = {
  sex: 'F', birthDate: '1995-06-01', pregnancies: [{ id: 'g1', hpht: '2025-01-06', deliveredOn: '2025-09-22', outcome: 'live-birth' }],
};
const view = (p: PersonFacts, events: ScheduleEvent[], on: string, prefixes: string[]) =>
  rows(computeSchedule({ person: p, events, on }).entries.filter((e) => prefixes.some((x) => e.key.startsWith(x))));
const status = (p: PersonFacts, events: ScheduleEvent[], on: string, key: string) =>
  computeSchedule({ person: p, events, on }).entries.find((e) => e.key === key)?.status;

describe('the baby on days 1 and 2', () => {
  it('day 1: KN1 and HB0 given on day 0, SHK not yet open', () => {
    expect(view(baby, [svc('kn', 'KN', '2025-09-22'), { id: 'hb', system: 'antigen', code: 'HB0', date: '2025-09-22' }], '2025-09-23', ['nn.', 'imm.hb0'])).toEqual([
      'nn.kn1 done 2025-09-22/2025-09-24/2025-09-24 by kn',
      'imm.hb0 done 2025-09-22/2025-09-22/2025-09-29 by hb',
      'nn.shk upcoming 2025-09-24/2025-09-25/2025-09-25',
      'nn.kn2 upcoming 2025-09-25/2025-09-29/2025-09-29',
      'nn.kn3 upcoming 2025-09-30/2025-10-20/2025-10-20',
    ]);
  });
  it('day 2: SHK is due, KN1 still in its window', () => {
    expect(view(baby, [], '2025-09-24', ['nn.'])).toEqual([
      'nn.kn1 due 2025-09-22/2025-09-24/2025-09-24',
      'nn.shk due 2025-09-24/2025-09-25/2025-09-25',
      'nn.kn2 upcoming 2025-09-25/2025-09-29/2025-09-29',
      'nn.kn3 upcoming 2025-09-30/2025-10-20/2025-10-20',
    ]);
  });
});

describe('KN window edges', () => {
  it('a visit at 48 h (day 2) is KN1; on day 3 it is KN2', () => {
    expect(status(baby, [svc('v', 'KN', '2025-09-24')], '2025-09-26', 'nn.kn1')).toBe('done');
    expect(status(baby, [svc('v', 'KN', '2025-09-25')], '2025-09-26', 'nn.kn1')).toBe('missed');
    expect(status(baby, [svc('v', 'KN', '2025-09-25')], '2025-09-26', 'nn.kn2')).toBe('done');
  });
  it('KN2 ends on day 7, KN3 runs days 8–28', () => {
    expect(status(baby, [svc('v', 'KN', '2025-09-29')], '2025-10-01', 'nn.kn2')).toBe('done');
    expect(status(baby, [svc('v', 'KN', '2025-09-30')], '2025-10-01', 'nn.kn2')).toBe('missed');
    expect(status(baby, [svc('v', 'KN', '2025-09-30')], '2025-10-01', 'nn.kn3')).toBe('done');
    expect(status(baby, [svc('v', 'KN', '2025-10-20')], '2025-10-25', 'nn.kn3')).toBe('done');
    expect(status(baby, [svc('v', 'KN', '2025-10-21')], '2025-10-25', 'nn.kn3')).toBe('missed');
  });
  it('SHK counts at 48–72 h only', () => {
    expect(status(baby, [svc('s', 'shk', '2025-09-23')], '2025-09-30', 'nn.shk')).toBe('missed');
    expect(status(baby, [svc('s', 'shk', '2025-09-24')], '2025-09-30', 'nn.shk')).toBe('done');
    expect(status(baby, [svc('s', 'shk', '2025-09-25')], '2025-09-30', 'nn.shk')).toBe('done');
    expect(status(baby, [svc('s', 'shk', '2025-09-26')], '2025-09-30', 'nn.shk')).toBe('missed');
  });
});

describe('the mother on KF window edges', () => {
  it('KF1 to day 2, KF2 from day 3', () => {
    expect(status(mother, [svc('v', 'KF', '2025-09-24')], '2025-09-26', 'pnc.kf1@g1')).toBe('done');
    expect(status(mother, [svc('v', 'KF', '2025-09-25')], '2025-09-26', 'pnc.kf1@g1')).toBe('missed');
    expect(status(mother, [svc('v', 'KF', '2025-09-25')], '2025-09-26', 'pnc.kf2@g1')).toBe('done');
  });
  it('KF4 runs days 29–42 and nifas ends after day 42', () => {
    expect(view(mother, [svc('a', 'KF', '2025-09-22'), svc('b', 'KF', '2025-09-27'), svc('c', 'KF', '2025-10-10'), svc('d', 'KF', '2025-11-03')], '2025-11-04', ['pnc.'])).toEqual([
      'pnc.kf1@g1 done 2025-09-22/2025-09-24/2025-09-24 by a',
      'pnc.kf2@g1 done 2025-09-25/2025-09-29/2025-09-29 by b',
      'pnc.kf3@g1 done 2025-09-30/2025-10-20/2025-10-20 by c',
      'pnc.kf4@g1 done 2025-10-21/2025-11-03/2025-11-03 by d',
    ]);
    expect(status(mother, [svc('d', 'KF', '2025-10-20')], '2025-10-25', 'pnc.kf4@g1')).toBe('due');
    expect(status(mother, [svc('d', 'KF', '2025-11-04')], '2025-11-05', 'pnc.kf4@g1')).toBe('missed');
  });
  it('no KF items after an abortion', () => {
    const ab: PersonFacts = { sex: 'F', birthDate: '1995-06-01', pregnancies: [{ id: 'g1', hpht: '2025-01-06', deliveredOn: '2025-03-10', outcome: 'abortion' }] };
    expect(view(ab, [], '2025-03-12', ['pnc.'])).toEqual([]);
  });
});
