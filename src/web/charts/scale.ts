/**
 * Small helpers for the hand-made SVG charts: linear scales and readable
 * ticks. No chart library: the growth chart and the trend charts need only
 * lines, bands and axes.
 */

export interface Scale {
  (v: number): number;
  domain: [number, number];
  range: [number, number];
  invert(px: number): number;
}

export function linear(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((v: number) => r0 + (v - d0) * k) as Scale;
  f.domain = domain;
  f.range = range;
  f.invert = (px: number) => (k === 0 ? d0 : d0 + (px - r0) / k);
  return f;
}

/** A step of 1, 2 or 5 × 10ⁿ that gives about `count` ticks over the span. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const m = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  return m * mag;
}

/** Ticks at multiples of `step` inside [lo, hi], without floating-point dust. */
export function ticks(lo: number, hi: number, step: number): number[] {
  if (!(step > 0) || hi < lo) return [];
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(decimals)));
  return out;
}

/** [lo, hi] widened to whole steps, so the axis starts and ends on a tick. */
export function niceDomain(lo: number, hi: number, count: number): { domain: [number, number]; step: number } {
  if (hi === lo) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  return { domain: [Math.floor(lo / step) * step, Math.ceil(hi / step) * step], step };
}

/** An SVG path through points, breaking the line at missing values. */
export function linePath(points: ReadonlyArray<readonly [number, number] | null>): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** A closed area between an upper and a lower line over the same x values. */
export function bandPath(xs: readonly number[], upper: readonly number[], lower: readonly number[]): string {
  if (xs.length === 0) return '';
  const top = xs.map((x, i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${upper[i]!.toFixed(1)}`).join('');
  const bottom = xs
    .map((x, i) => [x, lower[i]!] as const)
    .reverse()
    .map(([x, y]) => `L${x.toFixed(1)},${y.toFixed(1)}`)
    .join('');
  return `${top}${bottom}Z`;
}

/**
 * Label positions (in px, any order) moved apart so that neighbours are at
 * least `gap` apart, each staying as near its own point as it can: a cluster
 * is spread evenly around its middle.
 */
export function spreadLabels(ys: readonly number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  // Clusters of labels too close together, each placed centred on the mean of its own points.
  const groups: { ids: number[]; sum: number; top: number }[] = [];
  for (const { y, i } of order) {
    groups.push({ ids: [i], sum: y, top: y });
    // Merge with the group above while they would overlap.
    while (groups.length > 1) {
      const b = groups[groups.length - 1]!;
      const a = groups[groups.length - 2]!;
      if (a.top + a.ids.length * gap <= b.top) break;
      const ids = [...a.ids, ...b.ids];
      const sum = a.sum + b.sum;
      groups.splice(-2, 2, { ids, sum, top: sum / ids.length - ((ids.length - 1) * gap) / 2 });
    }
  }
  const out = new Array<number>(ys.length);
  for (const g of groups) g.ids.forEach((id, k) => (out[id] = g.top + k * gap));
  return out;
}
