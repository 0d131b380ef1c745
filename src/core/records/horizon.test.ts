import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { resolveSettings } from '../protocol/settings-validate';
import { computeSchedule } from '../schedule/engine';
import { randomCase, rng, toddler20Months } from '../schedule/fixtures.testing';
import type { PersonFacts } from '../lifecycle/person';
import { addDays, daysBetween } from '../time/dates';
import { storedHorizon } from './horizon';
import { storedScheduleOptions, storedStatusOn, toStoredItems, STORED_HISTORY_DAYS, STORED_HORIZON_DAYS } from './stored';

/** Statuses by key as the engine reports them on `on` with the stored history and look-ahead. */
function engineOn(person: PersonFacts, events: Parameters<typeof computeSchedule>[0]['events'], on: string, settings = DEFAULT_SETTINGS) {
  const s = computeSchedule({ person, events, on, settings, options: { from: addDays(on, -STORED_HISTORY_DAYS), horizonDays: STORED_HORIZON_DAYS } });
  return new Map(s.entries.map((e) => [e.key, e.status]));
}

describe('stored schedule horizon', () => {
  const je = resolveSettings({ immunization: { jeEndemic: true } }).settings;
  it('stored windows give the engine statuses on every day up to the horizon (random histories)', () => {
    let checkedDays = 0;
    let shortHorizons = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const c = randomCase(seed);
      const r = rng(seed * 7 + 1);
      // Some catin registrations with a wedding ahead of the computation day.
      if (c.person.sex === 'F' && r() < 0.2) (c.person.conditions ??= []).push({ kind: 'catin', from: addDays(c.on, -30), to: addDays(c.on, Math.floor(r() * 90)) });
      const settings = seed % 5 === 0 ? je : DEFAULT_SETTINGS;
      const schedule = computeSchedule({ person: c.person, events: c.events, on: c.on, settings, options: storedScheduleOptions(c.on) });
      const items = toStoredItems(schedule);
      const h = storedHorizon(schedule, c.person, settings);
      expect(h >= c.on).toBe(true);
      const span = daysBetween(c.on, h);
      if (span < 30) shortHorizons++;
      const days = [0, Math.min(1, span), Math.floor(span / 2), span, ...Array.from({ length: 3 }, () => Math.floor(r() * (span + 1)))];
      for (const d of new Set(days)) {
        const on = addDays(c.on, d);
        const engine = engineOn(c.person, c.events, on, settings);
        const stored = new Map<string, string>();
        for (const i of items) {
          const st = storedStatusOn(i, on);
          if (st) stored.set(i.key, st);
        }
        for (const [key, st] of engine) {
          if (st === 'upcoming') continue;
          expect(stored.get(key), `seed ${seed} day +${d} ${key}`).toBe(st);
        }
        for (const [key, st] of stored) {
          if (st === 'upcoming') expect(engine.get(key), `seed ${seed} day +${d} ${key} upcoming`).toBe('upcoming');
          else expect(engine.get(key), `seed ${seed} day +${d} ${key}`).toBe(st);
        }
        checkedDays++;
      }
    }
    expect(checkedDays).toBeGreaterThan(1000);
    expect(shortHorizons).toBeGreaterThan(0);
  });

  it('lasts until the next recurring instance opens for people without date-dependent items', () => {
    const t = toddler20Months();
    const s = computeSchedule({ person: t.person, events: t.events, on: t.on, options: storedScheduleOptions(t.on) });
    // Evaluated 2025-11-10: the December weighing opens on the 1st, so the November list holds through the 30th.
    expect(storedHorizon(s, t.person, DEFAULT_SETTINGS)).toBe('2025-11-30');
    const adult: PersonFacts = { sex: 'M', birthDate: '1980-05-05' };
    const a = computeSchedule({ person: adult, events: [], on: '2026-03-10', options: storedScheduleOptions('2026-03-10') });
    expect(storedHorizon(a, adult, DEFAULT_SETTINGS)).toBe('2026-12-31');
  });

  it('is the computation day for a dose planned after an open earlier dose, and for an open catin episode', () => {
    const baby: PersonFacts = { sex: 'F', birthDate: '2026-01-05' };
    // 3 months old, no vaccine: DPT-HB-Hib 2 is planned a month after "today", which moves every day.
    const s = computeSchedule({ person: baby, events: [], on: '2026-04-10', options: storedScheduleOptions('2026-04-10') });
    expect(storedHorizon(s, baby, DEFAULT_SETTINGS)).toBe('2026-04-10');
    // At 1 month the first doses are not open yet: the plan holds until DPT-HB-Hib 1 opens at 2 months.
    const young = computeSchedule({ person: baby, events: [{ id: 'h', system: 'antigen', code: 'HB0', date: '2026-01-05' }, { id: 'b', system: 'antigen', code: 'BCG', date: '2026-01-20' }, { id: 'o', system: 'antigen', code: 'OPV', date: '2026-01-20', dose: 1 }], on: '2026-02-10', options: storedScheduleOptions('2026-02-10') });
    expect(storedHorizon(young, baby, DEFAULT_SETTINGS)).toBe('2026-02-28');
    const bride: PersonFacts = { sex: 'F', birthDate: '2000-02-02', conditions: [{ kind: 'catin', from: '2026-03-01' }] };
    const c = computeSchedule({ person: bride, events: [], on: '2026-03-20', options: storedScheduleOptions('2026-03-20') });
    expect(storedHorizon(c, bride, DEFAULT_SETTINGS)).toBe('2026-03-20');
  });

  it('the day after the horizon the engine has moved for someone (the horizon is not too cautious everywhere)', () => {
    let moved = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const c = randomCase(seed);
      const schedule = computeSchedule({ person: c.person, events: c.events, on: c.on, options: storedScheduleOptions(c.on) });
      const h = storedHorizon(schedule, c.person, DEFAULT_SETTINGS);
      const after = addDays(h, 1);
      const engine = computeSchedule({ person: c.person, events: c.events, on: after, options: storedScheduleOptions(after) });
      const keys = new Set(schedule.entries.map((e) => e.key));
      if (engine.entries.some((e) => !keys.has(e.key) && e.status !== 'upcoming') || engine.entries.some((e) => e.status === 'upcoming' && !keys.has(e.key))) moved++;
    }
    expect(moved).toBeGreaterThan(50);
  });
});
