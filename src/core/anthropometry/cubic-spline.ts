/**
 * Cubic spline through knots (x strictly increasing), used to read WHO's
 * weekly/monthly LMS tables at any day. "Not-a-knot" ends: the first two and
 * the last two intervals share one cubic, which follows a curve's bend at
 * birth better than a natural spline (whose curvature is forced to 0 there).
 */
export type Spline = (x: number) => number;

export function cubicSpline(xs: readonly number[], ys: readonly number[]): Spline {
  const n = xs.length;
  if (n !== ys.length || n < 2) throw new Error('spline needs ≥ 2 knots and as many values');
  for (let i = 1; i < n; i++) if (!(xs[i]! > xs[i - 1]!)) throw new Error('spline knots must increase');
  // Not-a-knot needs two interior knots; fewer knots get straight lines.
  if (n < 4) return linear(xs, ys);
  const h = Array.from({ length: n - 1 }, (_, i) => xs[i + 1]! - xs[i]!);
  const d = Array.from({ length: n - 1 }, (_, i) => (ys[i + 1]! - ys[i]!) / h[i]!);
  // Second derivatives c[0..n-1]; unknowns c[1..n-2] after eliminating the ends.
  // Not-a-knot: c0 = ((h0+h1)c1 − h0·c2)/h1 and c_{n-1} = ((h_{n-2}+h_{n-3})c_{n-2} − h_{n-2}c_{n-3})/h_{n-3}.
  const m = n - 2;
  const a = new Float64Array(m); // sub-diagonal
  const b = new Float64Array(m); // diagonal
  const c = new Float64Array(m); // super-diagonal
  const r = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = k + 1;
    a[k] = h[i - 1]!;
    b[k] = 2 * (h[i - 1]! + h[i]!);
    c[k] = h[i]!;
    r[k] = 6 * (d[i]! - d[i - 1]!);
  }
  const h0 = h[0]!, h1 = h[1]!;
  b[0]! += a[0]! * ((h0 + h1) / h1);
  c[0]! -= a[0]! * (h0 / h1);
  const hl = h[n - 2]!, hp = h[n - 3]!;
  b[m - 1]! += c[m - 1]! * ((hl + hp) / hp);
  a[m - 1]! -= c[m - 1]! * (hl / hp);
  const sec = solveTridiagonal(a, b, c, r);
  const cc = new Float64Array(n);
  cc.set(sec, 1);
  cc[0] = ((h0 + h1) * cc[1]! - h0 * cc[2]!) / h1;
  cc[n - 1] = ((hl + hp) * cc[n - 2]! - hl * cc[n - 3]!) / hp;
  return (x: number) => {
    const k = interval(xs, x);
    const hk = h[k]!;
    const u = xs[k + 1]! - x;
    const v = x - xs[k]!;
    return (cc[k]! * u ** 3 + cc[k + 1]! * v ** 3) / (6 * hk) + (ys[k]! / hk - (cc[k]! * hk) / 6) * u + (ys[k + 1]! / hk - (cc[k + 1]! * hk) / 6) * v;
  };
}

function linear(xs: readonly number[], ys: readonly number[]): Spline {
  return (x) => {
    const k = interval(xs, x);
    const t = (x - xs[k]!) / (xs[k + 1]! - xs[k]!);
    return ys[k]! + t * (ys[k + 1]! - ys[k]!);
  };
}

/** Index k of the interval [xs[k], xs[k+1]] holding x (clamped to the ends). */
function interval(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function solveTridiagonal(a: Float64Array, b: Float64Array, c: Float64Array, r: Float64Array): Float64Array {
  const n = b.length;
  const cp = new Float64Array(n);
  const rp = new Float64Array(n);
  cp[0] = c[0]! / b[0]!;
  rp[0] = r[0]! / b[0]!;
  for (let i = 1; i < n; i++) {
    const den = b[i]! - a[i]! * cp[i - 1]!;
    cp[i] = c[i]! / den;
    rp[i] = (r[i]! - a[i]! * rp[i - 1]!) / den;
  }
  const x = new Float64Array(n);
  x[n - 1] = rp[n - 1]!;
  for (let i = n - 2; i >= 0; i--) x[i] = rp[i]! - cp[i]! * x[i + 1]!;
  return x;
}
