/**
 * Throughput of evaluatePerson for bench/ (issue 5: the rebuild evaluates a
 * Konawe-sized district of 270,000 people; the target is ≥ 20,000 people/s
 * on one core). The population mimics the seeded demo district: about a
 * third of the people have service histories (bench/results.json: 96,591 of
 * 270,000), here the fixture district's histories; the rest have none and
 * are spread over all ages. The clock is wall time by default; bench/ passes
 * the process CPU time (process.cpuUsage) so other work on the machine does
 * not skew the figure — core itself stays free of Node APIs.
 */
import { approximateGrowthReferences } from '../anthropometry/approximate-references';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { evaluatePerson, type EvaluateEnv } from './evaluate';
import { fixtureInputs } from './fixture';
import type { IndicatorInput } from './types';

export interface EvaluateBench {
  peoplePerSecond: number;
  rowsPerPerson: number;
  people: number;
  withHistory: number;
  meanEvents: number;
}

/** Share of people with a service history in the seeded district (bench/results.json, seed --histories). */
const WITH_HISTORY = 96_591 / 270_000;

export function benchPopulation(size: number): IndicatorInput[] {
  const histories = fixtureInputs();
  const out: IndicatorInput[] = [];
  let h = 0;
  for (let i = 0; i < size; i++) {
    if (h < Math.round((i + 1) * WITH_HISTORY)) {
      const src = histories[h++ % histories.length]!;
      out.push({ ...src, person: { ...src.person, id: `h${i}` } });
      continue;
    }
    // Ages 0–89 spread evenly: birth dates walk back one year and 37 days per person.
    const year = 2026 - (i % 90);
    const month = 1 + ((i * 7) % 12);
    out.push({
      person: { id: `p${i}`, sex: i % 2 ? 'M' : 'F', birthDate: `${year}-${String(month).padStart(2, '0')}-15`, status: 'alive', statusDate: null },
      events: [], visits: [],
    });
  }
  return out;
}

export function benchEvaluate(
  ms = 2000, size = 3000, env: EvaluateEnv = { settings: DEFAULT_SETTINGS, refs: approximateGrowthReferences() },
  clock: () => number = () => performance.now(),
): EvaluateBench {
  const people = benchPopulation(size);
  const years = [2025, 2026];
  let rows = 0;
  // Warm-up: rules, memoised codes and the JIT.
  for (const p of people) rows += evaluatePerson(p, years, env).length;
  rows = 0;
  let n = 0;
  const start = clock();
  while (clock() - start < ms) {
    for (let i = 0; i < 500; i++) rows += evaluatePerson(people[n++ % people.length]!, years, env).length;
  }
  const seconds = (clock() - start) / 1000;
  const withHistory = people.filter((p) => p.events.length > 0);
  return {
    peoplePerSecond: n / seconds,
    rowsPerPerson: rows / n,
    people: people.length,
    withHistory: withHistory.length,
    meanEvents: withHistory.reduce((s, p) => s + p.events.length, 0) / Math.max(1, withHistory.length),
  };
}
