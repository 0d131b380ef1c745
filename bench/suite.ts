/** A benchmark figure printed by `npm run bench` with its target beside it. */
export interface BenchFigure {
  name: string; // e.g. schedules_per_second
  value: number;
  unit: string;
  /** The goal: value must be below (`<`) or at least (`>=`) this number. */
  target?: { op: '<' | '>='; value: number };
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchFigure[]>;
}

export function meets(f: BenchFigure): boolean | undefined {
  if (!f.target) return undefined;
  return f.target.op === '<' ? f.value < f.target.value : f.value >= f.target.value;
}

/** p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
