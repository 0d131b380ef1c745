import { describe, expect, it } from 'vitest';
import { lifeCycleOn } from '../lifecycle/stages';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { randomCase } from '../schedule/fixtures.testing';
import { addDays } from '../time/dates';
import { stageSpans, stagesOn } from './stages';

describe('stage spans', () => {
  it('give the stages lifeCycleOn reports, on every day after the facts were known', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const c = randomCase(seed);
      const facts = { ...c.person };
      // Only facts dated on or before the computation day are known then.
      const spans = stageSpans(facts, c.on, DEFAULT_SETTINGS);
      for (const d of [0, 1, 40, 200, 400, 3000]) {
        const on = addDays(c.on, d);
        const expected = lifeCycleOn(facts, on).stages.map((s) => s.id).sort();
        expect(stagesOn(spans, on).sort(), `seed ${seed} +${d}`).toEqual([...new Set(expected)].sort());
        compared++;
      }
    }
    expect(compared).toBe(1800);
  });
});
