import { describe, expect, it } from 'vitest';
import { approximateGrowthReferences } from '../../core/anthropometry/approximate-references';
import { recognise } from '../../core/codes/registry';
import { DEFAULT_SETTINGS } from '../../core/protocol/settings';
import { addDays } from '../../core/time/dates';
import { HistoryPlanner, type HistoryPerson, type HistoryPlaces, type PlannedVisit } from './histories-plan';

const today = '2026-11-23';
const refs = approximateGrowthReferences();
const places: HistoryPlaces = { posyandu: 'posyandu-1', pustu: 'pustu-1', puskesmas: 'puskesmas-1', posyanduDay: 12 };
const planner = (depth?: 'standard' | 'deep') => new HistoryPlanner({ today, settings: DEFAULT_SETTINGS, refs, ...(depth ? { depth } : {}) });
const concepts = (visits: readonly PlannedVisit[]) => visits.flatMap((v) => v.events.map((e) => recognise(e.system, e.code)?.concept ?? e.code));
const count = (visits: readonly PlannedVisit[], concept: string) => concepts(visits).filter((c) => c === concept).length;

// Many people of each kind, so the shares (who takes part, who turns up) average out.
const people = (prefix: string, n: number, sex: 'M' | 'F', ageDays: number): HistoryPerson[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, sex: i % 2 ? sex : sex === 'M' ? 'F' : 'M', birthDate: addDays(today, -ageDays - i * 3), events: [] }));
const plan = (depth: 'standard' | 'deep' | undefined, ps: readonly HistoryPerson[]) => ps.flatMap((p) => planner(depth).plan(p, places, [5, 'history', p.id]));

describe('HistoryPlanner depth', () => {
  const toddlers = people('toddler', 40, 'F', 3 * 365);
  const adults = people('adult', 120, 'M', 45 * 365);

  it("'standard' is the default: the same visits as without a depth", () => {
    expect(plan('standard', [...toddlers.slice(0, 10), ...adults.slice(0, 20)])).toEqual(plan(undefined, [...toddlers.slice(0, 10), ...adults.slice(0, 20)]));
  });

  it("'deep' weighs children from birth and measures head and LiLA at each weighing", () => {
    const standard = plan('standard', toddlers);
    const deep = plan('deep', toddlers);
    expect(count(standard, 'head')).toBe(0);
    expect(count(standard, 'muac')).toBe(0);
    expect(count(deep, 'weight')).toBeGreaterThan(count(standard, 'weight') * 1.3);
    const first = (vs: PlannedVisit[]) => vs.filter((v) => v.events.some((e) => recognise(e.system, e.code)?.concept === 'weight')).map((v) => v.occurredOn).sort()[0]!;
    expect(first(deep) < first(standard)).toBe(true);
    // Every weighing under 5 has a head circumference; LiLA from 6 months.
    expect(count(deep, 'head')).toBe(count(deep, 'weight'));
    expect(count(deep, 'muac')).toBeGreaterThan(count(deep, 'weight') * 0.7);
    expect(count(deep, 'deworming')).toBeGreaterThan(0);
    for (const v of deep) {
      for (const e of v.events) {
        const c = recognise(e.system, e.code)?.concept;
        if (c === 'muac') expect(e.valueNum!).toBeGreaterThan(9), expect(e.valueNum!).toBeLessThan(22);
        if (c === 'head') expect(e.valueNum!).toBeGreaterThan(28), expect(e.valueNum!).toBeLessThan(56);
      }
    }
  });

  it("'deep' gives adults seven years of checks with weight, height and waist at each Posyandu BP check", () => {
    const standard = plan('standard', adults);
    const deep = plan('deep', adults);
    // (Sick visits measure BP too, the same in both depths: histories-services.ts.)
    expect(count(deep, 'bp')).toBeGreaterThan(count(standard, 'bp') * 1.5);
    const bpVisits = deep.filter((v) => v.placeKind === 'posyandu' && v.events.some((e) => recognise(e.system, e.code)?.concept === 'bp'));
    expect(bpVisits.length).toBeGreaterThan(adults.length * 2);
    for (const v of bpVisits) expect(concepts([v])).toEqual(expect.arrayContaining(['bp', 'weight', 'height', 'waist']));
    const oldest = bpVisits.map((v) => v.occurredOn).sort()[0]!;
    expect(oldest < addDays(today, -5 * 365)).toBe(true);
    // Yearly windows are calendar years: the oldest is in the year seven years back.
    expect(oldest >= `${addDays(today, -2557).slice(0, 4)}-01-01`).toBe(true);
  });
});
