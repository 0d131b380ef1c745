import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../codes/systems';
import { lifeCycleOn } from '../lifecycle/stages';
import { computeSchedule } from '../schedule/engine';
import { personFactsFromEvents, scheduleEventsOf } from './facts';
import type { RecordEvent } from './types';

const mother = { sex: 'F' as const, birthDate: '1995-03-12' };
const z34 = (id: string, on: string, value: Record<string, unknown>, supersedesId?: string): RecordEvent =>
  ({ id, codeSystem: SYSTEM.icd10, code: 'Z34', occurredOn: on, value, ...(supersedesId ? { supersedesId } : {}) });
const delivery = (id: string, on: string, value: Record<string, unknown>): RecordEvent =>
  ({ id, codeSystem: SYSTEM.service, code: 'delivery', occurredOn: on, value, placeKind: 'puskesmas' });

describe('personFactsFromEvents', () => {
  it('opens a pregnancy at registration and closes it with the delivery', () => {
    const facts = personFactsFromEvents(mother, [z34('r1', '2025-08-01', { lmp: '2025-06-10', parity: 1 }), delivery('d1', '2026-03-15', { outcome: 'live-birth' })]);
    expect(facts.pregnancies).toEqual([{ id: 'r1', hpht: '2025-06-10', previousBirths: 1, deliveredOn: '2026-03-15', outcome: 'live-birth' }]);
    // The engine then has KF windows from the delivery.
    const s = computeSchedule({ person: facts, events: [], on: '2026-03-16' });
    expect(s.entries.find((e) => e.key === 'pnc.kf1@r1')?.window).toEqual({ earliest: '2026-03-15', due: '2026-03-17', latest: '2026-03-17' });
    expect(lifeCycleOn(facts, '2026-03-16').stages.map((x) => x.id)).toContain('nifas');
  });

  it('a second registration during the pregnancy is the same episode; a correction keeps the episode id', () => {
    const facts = personFactsFromEvents(mother, [
      z34('r1', '2025-08-01', { lmp: '2025-06-10' }),
      z34('r2', '2025-10-01', { gestationalAge: { weeks: 16 } }),
      z34('r3', '2025-08-05', { lmp: '2025-06-20' }, 'r1'),
    ]);
    expect(facts.pregnancies).toEqual([{ id: 'r1', hpht: '2025-06-20' }]);
  });

  it('an abortion ends the pregnancy; a delivery without registration opens the postpartum period', () => {
    expect(personFactsFromEvents(mother, [z34('r1', '2025-08-01', { gestationalAge: { weeks: 8, days: 3 } }), delivery('d1', '2025-09-01', { outcome: 'abortion' })]).pregnancies)
      .toEqual([{ id: 'r1', gestationalAge: { weeks: 8, days: 3, on: '2025-08-01' }, endedOn: '2025-09-01', outcome: 'abortion' }]);
    const unregistered = personFactsFromEvents(mother, [delivery('d9', '2026-01-20', { outcome: 'live-birth' })]);
    expect(unregistered.pregnancies).toEqual([{ id: 'd9', hpht: '2025-04-13', deliveredOn: '2026-01-20', outcome: 'live-birth' }]);
    const withWeeks = personFactsFromEvents(mother, [delivery('d9', '2026-01-20', { outcome: 'stillbirth', gestationalAgeWeeks: 34 })]);
    expect(withWeeks.pregnancies?.[0]).toMatchObject({ gestationalAge: { weeks: 34, on: '2026-01-20' }, deliveredOn: '2026-01-20' });
  });

  it('a delivery names its pregnancy; a new registration after it is a new pregnancy', () => {
    const facts = personFactsFromEvents(mother, [
      z34('r1', '2024-03-01', { lmp: '2024-01-10' }), delivery('d1', '2024-10-15', { outcome: 'live-birth', pregnancyId: 'r1' }),
      z34('r2', '2025-09-01', { lmp: '2025-07-01', endedOn: '2025-09-20' }),
    ]);
    expect(facts.pregnancies?.map((p) => [p.id, p.deliveredOn ?? null, p.endedOn ?? null])).toEqual([['r1', '2024-10-15', null], ['r2', null, '2025-09-20']]);
  });

  it('registrations become conditions; the latest school grade wins; superseded events are dropped', () => {
    const events: RecordEvent[] = [
      { id: 'p1', codeSystem: SYSTEM.service, code: 'pus', occurredOn: '2024-01-01', value: {} },
      { id: 'c1', codeSystem: SYSTEM.service, code: 'catin-registration', occurredOn: '2026-01-05', value: { marriageDate: '2026-04-12' } },
      { id: 't1', codeSystem: SYSTEM.icd10, code: 'A15.0', occurredOn: '2025-01-10', value: { to: '2025-07-10' } },
      { id: 't2', codeSystem: SYSTEM.icd10, code: 'A15.0', occurredOn: '2025-11-10', value: {} },
      { id: 'g1', codeSystem: SYSTEM.service, code: 'school-grade', occurredOn: '2025-08-01', valueNum: 4 },
      { id: 'g2', codeSystem: SYSTEM.service, code: 'school-grade', occurredOn: '2025-08-02', valueNum: 5, supersedesId: 'g3' },
      { id: 'g3', codeSystem: SYSTEM.service, code: 'school-grade', occurredOn: '2025-08-02', valueNum: 50 },
    ];
    const facts = personFactsFromEvents(mother, events);
    expect(facts.conditions).toEqual([
      { kind: 'tb', from: '2025-01-10', to: '2025-07-10' },
      { kind: 'pus', from: '2024-01-01' },
      { kind: 'catin', from: '2026-01-05', to: '2026-04-11' },
    ].sort((a, b) => (a.from < b.from ? -1 : 1)));
    expect(facts.schoolGrade).toEqual({ grade: 5, on: '2025-08-02' });
    expect(scheduleEventsOf(events).map((e) => e.id)).not.toContain('g3');
  });
});
