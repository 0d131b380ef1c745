/**
 * Sets of day intervals [from, to], inclusive, sorted and disjoint. Eligibility
 * is computed as such sets (age band ∩ condition episodes ∪ …) so recurring
 * items know exactly which days a person qualifies.
 */
export type Interval = readonly [number, number];
export type Intervals = Interval[];

export const ALWAYS: Intervals = [[-Infinity, Infinity]];

export function normalise(list: Interval[]): Intervals {
  const sorted = list.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function union(a: Intervals, b: Intervals): Intervals {
  return a.length === 0 ? b : b.length === 0 ? a : normalise([...a, ...b]);
}

export function intersect(a: Intervals, b: Intervals): Intervals {
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

export function contains(set: Intervals, day: number): boolean {
  for (const [a, b] of set) {
    if (day < a) return false;
    if (day <= b) return true;
  }
  return false;
}
