/**
 * Schedule engine throughput per CPU-second of one core (process CPU time,
 * not wall time, so other work on the machine does not skew it): a 20-month-old with ~40 events (the
 * Posyandu day's commonest case) and a mixed population sample (children,
 * pregnant women, adults, elderly with random histories).
 */
import { computeSchedule } from '../../src/core/schedule/engine';
import { randomCase, toddler20Months, type RandomCase } from '../../src/core/schedule/fixtures.testing';
import type { BenchFigure, BenchSuite } from '../suite';

const TARGET = { op: '>=' as const, value: 20_000 };

/** CPU microseconds used by this process (user + system): "per core" even when other processes share the machine. */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function throughput(cases: RandomCase[], ms: number): number {
  // Warm-up compiles the protocol and lets the JIT settle.
  for (let i = 0; i < 2000; i++) computeSchedule(cases[i % cases.length]!);
  let n = 0;
  let sink = 0;
  const start = cpuMicros();
  let used = 0;
  while (used < ms * 1000) {
    for (let i = 0; i < 200; i++) sink += computeSchedule(cases[n++ % cases.length]!).entries.length;
    used = cpuMicros() - start;
  }
  if (sink < 0) console.log(sink);
  return (n / used) * 1e6;
}

export const scheduleSuite: BenchSuite = {
  name: 'schedule',
  async run(): Promise<BenchFigure[]> {
    const toddler = toddler20Months();
    const population = Array.from({ length: 1000 }, (_, i) => randomCase(i + 1));
    const meanEvents = population.reduce((s, c) => s + c.events.length, 0) / population.length;
    return [
      {
        name: 'schedules_per_second', value: throughput([toddler], 3000), unit: '/s', target: TARGET,
        note: `20-month-old, ${toddler.events.length} events, one core`,
      },
      {
        name: 'schedules_per_second_mixed', value: throughput(population, 3000), unit: '/s', target: TARGET,
        note: `1000 mixed people, mean ${meanEvents.toFixed(1)} events, one core`,
      },
    ];
  },
};
