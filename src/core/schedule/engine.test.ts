/** The engine's contract: provenance, options, input problems, and the shape of entries. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { resolveSettings, settingsFingerprint } from '../protocol/settings-validate';
import { PROTOCOL_VERSION } from '../protocol/version';
import { computeSchedule } from './engine';
import { eventFromRow, type ScheduleEvent } from './event';
import { rows, toddler20Months } from './fixtures.testing';
import { openStatus } from './status';

const girl = { sex: 'F' as const, birthDate: '2025-01-10' };

describe('computeSchedule', () => {
  it('says which protocol version and settings made the result', () => {
    const s = computeSchedule({ person: girl, events: [], on: '2025-02-01' });
    expect(s.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(s.settingsFingerprint).toBe(settingsFingerprint(DEFAULT_SETTINGS));
    const local = resolveSettings({ immunization: { jeEndemic: true } }).settings;
    const t = computeSchedule({ person: girl, events: [], on: '2025-02-01', settings: local });
    expect(t.settingsFingerprint).not.toBe(s.settingsFingerprint);
    // Equal content, equal fingerprint (the server stores it beside stored states).
    expect(settingsFingerprint(resolveSettings({ immunization: { jeEndemic: true } }).settings)).toBe(t.settingsFingerprint);
  });

  it('limits history with `from` and the look-ahead with `horizonDays`', () => {
    const { person, events, on } = toddler20Months();
    const all = computeSchedule({ person, events, on, options: { from: person.birthDate } });
    const recent = computeSchedule({ person, events, on, options: { from: '2025-09-01', horizonDays: 0 } });
    expect(all.entries.some((e) => e.key === 'nn.kn1')).toBe(true);
    expect(recent.entries.some((e) => e.key === 'nn.kn1')).toBe(false);
    expect(recent.entries.every((e) => e.window.latest >= '2025-09-01' && e.window.earliest <= on)).toBe(true);
    expect(recent.entries.length).toBeLessThan(all.entries.length);
  });

  it('reports bad input as issues and still computes what it can', () => {
    const events: ScheduleEvent[] = [
      { id: 'bad', system: 'antigen', code: 'BCG', date: '2025-02-30' },
      { id: 'ok', system: 'antigen', code: 'BCG', date: '2025-01-20' },
    ];
    const s = computeSchedule({ person: { ...girl, pregnancies: [{ id: 'x' }] }, events, on: '2025-02-01' });
    expect(s.issues).toEqual([
      { code: 'pregnancy_start_missing', field: 'pregnancies.0' },
      { code: 'invalid_date', field: 'events.0.date' },
    ]);
    expect(s.entries.find((e) => e.key === 'imm.bcg')?.satisfiedBy?.eventId).toBe('ok');
    expect(computeSchedule({ person: { sex: 'F', birthDate: 'soon' }, events: [], on: '2025-02-01' })).toMatchObject({ entries: [], issues: [{ code: 'invalid_date', field: 'birthDate' }] });
    expect(computeSchedule({ person: girl, events: [], on: '2025-13-01' }).issues).toEqual([{ code: 'invalid_date', field: 'on' }]);
  });

  it('returns nothing before birth', () => {
    expect(computeSchedule({ person: girl, events: [], on: '2025-01-09' }).entries).toEqual([]);
  });

  it('ignores events after the evaluation date', () => {
    const e: ScheduleEvent = { id: 'h', system: 'antigen', code: 'HB0', date: '2025-01-11' };
    expect(computeSchedule({ person: girl, events: [e], on: '2025-01-10' }).entries.find((x) => x.key === 'imm.hb0')?.status).toBe('due');
  });

  it('orders entries by earliest date, then catalogue order', () => {
    const s = computeSchedule({ person: girl, events: [], on: '2025-01-10' });
    const e = s.entries.map((x) => x.window.earliest);
    expect([...e].sort()).toEqual(e);
    expect(rows(s.entries).slice(0, 3)).toEqual([
      'nn.kn1 due 2025-01-10/2025-01-12/2025-01-12',
      'imm.hb0 due 2025-01-10/2025-01-10/2025-01-17',
      'imm.bcg due 2025-01-10/2025-02-09/2026-01-09',
    ]);
  });

  it('lists all events that completed a multi-part item', () => {
    const person = { sex: 'F' as const, birthDate: '1995-06-01', pregnancies: [{ id: 'g1', hpht: '2025-01-06' }] };
    const s = computeSchedule({
      person, on: '2025-03-01', events: [
        { id: 'a', system: 'service', code: 'anc', date: '2025-02-10', provider: 'doctor' },
        { id: 'u', system: 'service', code: 'usg', date: '2025-02-12' },
      ],
    });
    expect(s.entries.find((e) => e.key === 'anc.doctor-usg-k1@g1')?.satisfiedBy).toEqual({ eventId: 'u', date: '2025-02-12', onTime: true, otherEventIds: ['a'] });
  });
});

describe('status definitions', () => {
  it('upcoming < earliest ≤ due ≤ due date < overdue ≤ latest < missed', () => {
    expect(openStatus(9, 10, 20, 30)).toBe('upcoming');
    expect(openStatus(10, 10, 20, 30)).toBe('due');
    expect(openStatus(20, 10, 20, 30)).toBe('due');
    expect(openStatus(21, 10, 20, 30)).toBe('overdue');
    expect(openStatus(30, 10, 20, 30)).toBe('overdue');
    expect(openStatus(31, 10, 20, 30)).toBe('missed');
  });
});

describe('eventFromRow', () => {
  it('maps the server event table columns', () => {
    expect(eventFromRow({
      id: 'u1', codeSystem: 'http://loinc.org', code: '29463-7', occurredOn: '2025-03-01', valueNum: 7.2, value: null, placeKind: 'posyandu',
    })).toEqual({ id: 'u1', system: 'http://loinc.org', code: '29463-7', date: '2025-03-01', valueNum: 7.2, place: 'posyandu' });
    expect(eventFromRow({
      id: 'u2', codeSystem: 'service', code: 'anc', occurredOn: '2025-03-01', value: { dose: 5, provider: 'doctor' }, placeKind: 'nowhere',
    })).toEqual({ id: 'u2', system: 'service', code: 'anc', date: '2025-03-01', value: { dose: 5, provider: 'doctor' }, dose: 5, provider: 'doctor' });
    expect(eventFromRow({ id: 'u3', codeSystem: 'antigen', code: 'MR', occurredOn: '2025-03-01', value: { doseNumber: 2, provider: 'wizard' } }))
      .toMatchObject({ dose: 2 });
    expect(eventFromRow({ id: 'u3', codeSystem: 'antigen', code: 'MR', occurredOn: '2025-03-01', value: { doseNumber: 2, provider: 'wizard' } }).provider).toBeUndefined();
  });
});
