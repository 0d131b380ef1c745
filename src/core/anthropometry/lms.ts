/**
 * The LMS method (Cole & Green) as the WHO Child Growth Standards use it:
 * a measurement y with Box-Cox power L, median M and coefficient of
 * variation S has z = ((y/M)^L − 1) / (L·S).
 *
 * Source: WHO Multicentre Growth Reference Study Group (2006), Methods and
 * development, chapter 7; implemented as `compute_zscore` and
 * `compute_zscore_adjusted` in the WHO R package anthro (R/z-score-helper.R).
 */
export interface Lms {
  l: number;
  m: number;
  s: number;
}

/** Plain LMS z-score (no restriction beyond ±3 SD). */
export function lmsZ(y: number, { l, m, s }: Lms): number {
  // L = 0 is the log-normal limit of the Box-Cox transform.
  if (l === 0) return Math.log(y / m) / s;
  return (Math.pow(y / m, l) - 1) / (s * l);
}

/** The measurement at a given z (the centile curve). */
export function lmsValueAt(z: number, { l, m, s }: Lms): number {
  if (l === 0) return m * Math.exp(s * z);
  return m * Math.pow(1 + l * s * z, 1 / l);
}

/**
 * WHO's restricted application of the LMS method: beyond ±3 SD the
 * distribution is extended linearly with the distance between the 2 and 3 SD
 * curves, so extreme skewed values do not get compressed z-scores. WHO applies
 * it to the weight-based indices (weight-for-age, weight-for-length/height,
 * BMI-for-age) and to arm circumference and skinfolds, not to length/height
 * or head circumference (anthro R/z-score-*.R, anthroplus R/zscores.R).
 */
export function lmsZRestricted(y: number, lms: Lms): number {
  const z = lmsZ(y, lms);
  if (z > 3) {
    const sd3 = lmsValueAt(3, lms);
    const sd23 = sd3 - lmsValueAt(2, lms);
    return 3 + (y - sd3) / sd23;
  }
  if (z < -3) {
    const sd3neg = lmsValueAt(-3, lms);
    const sd23neg = lmsValueAt(-2, lms) - sd3neg;
    return -3 + (y - sd3neg) / sd23neg;
  }
  return z;
}

/** Linear interpolation of L, M and S (as anthro does between 0.1 cm rows and anthroplus between months). */
export function interpolateLms(a: Lms, b: Lms, t: number): Lms {
  return { l: a.l + t * (b.l - a.l), m: a.m + t * (b.m - a.m), s: a.s + t * (b.s - a.s) };
}

/**
 * WHO anthro reports z-scores rounded to 2 decimals and flags the rounded
 * value. Half-way cases go away from zero (symmetric for ±z).
 */
export function roundZ(z: number): number {
  const r = Math.round(Math.abs(z) * 100) / 100;
  return z < 0 && r !== 0 ? -r : r;
}
