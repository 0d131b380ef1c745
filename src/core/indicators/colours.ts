/**
 * Traffic lights and the PWS status of a coverage figure (ilp-domain.md §4.4).
 * No official ILP thresholds exist in the notes: the default — green at or
 * above the target prorated to the month, yellow 80–< 100 % of it, red
 * below — is a design choice flagged there, and a district setting.
 */

export type ProrateMode = 'ytd' | 'month';

/**
 * The target to date (PWS: annual target × month / 12 for the cumulative
 * year-to-date view; a month's own view gets one twelfth). Works for a
 * percentage target and for an annual count (a denominator) alike.
 */
export function proratedTarget(annual: number, month: number, mode: ProrateMode): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12: ${month}`);
  return mode === 'ytd' ? (annual * month) / 12 : annual / 12;
}

/** Percent of the (prorated) target at which the light turns green / yellow. */
export interface ColourThresholds {
  green: number;
  yellow: number;
}

/** ilp-domain.md §4.4: green ≥ target, yellow 80–< 100 %, red < 80 % (design choice, configurable). */
export const DEFAULT_THRESHOLDS: ColourThresholds = { green: 100, yellow: 80 };

export type Colour = 'green' | 'yellow' | 'red';

/**
 * The light for a coverage (percent of the denominator) against a target
 * percentage, usually `proratedTarget(target, month, 'ytd')`. Null when it
 * cannot be judged: no coverage, no target, or a "lower is better" indicator
 * (stunting), which has no coverage target.
 */
export function colourOf(
  coverage: number | null | undefined, target: number | null | undefined,
  thresholds: ColourThresholds = DEFAULT_THRESHOLDS, better: 'higher' | 'lower' = 'higher',
): Colour | null {
  if (better === 'lower' || coverage == null || target == null || !Number.isFinite(coverage) || !(target > 0)) return null;
  const achieved = (coverage / target) * 100;
  if (achieved >= thresholds.green) return 'green';
  if (achieved >= thresholds.yellow) return 'yellow';
  return 'red';
}

/** A district's thresholds: numbers, yellow below green, both within 0–200 %. Messages in Indonesian. */
export function validateThresholds(input: unknown): { thresholds: ColourThresholds; issues: Array<{ field: string; message: string }> } {
  const issues: Array<{ field: string; message: string }> = [];
  if (input === undefined || input === null) return { thresholds: DEFAULT_THRESHOLDS, issues };
  const o = typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
  if (!o) return { thresholds: DEFAULT_THRESHOLDS, issues: [{ field: '', message: 'Ambang warna harus berupa objek { green, yellow }.' }] };
  const out = { ...DEFAULT_THRESHOLDS };
  for (const k of ['green', 'yellow'] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 200) issues.push({ field: k, message: `Ambang ${k === 'green' ? 'hijau' : 'kuning'} harus angka 0–200 (% target).` });
    else out[k] = v;
  }
  if (!issues.length && out.yellow >= out.green) issues.push({ field: 'yellow', message: 'Ambang kuning harus lebih rendah dari ambang hijau.' });
  return { thresholds: issues.length ? DEFAULT_THRESHOLDS : out, issues };
}

export type Trend = 'up' | 'down' | 'flat';

export function trendOf(current: number | null | undefined, previous: number | null | undefined): Trend | null {
  if (current == null || previous == null) return null;
  return current > previous ? 'up' : current < previous ? 'down' : 'flat';
}

/** PWS-KIA status of a desa (⚠ labels as the notes recall the guide). */
export type PwsStatus = 'baik' | 'kurang' | 'cukup' | 'jelek';

export const PWS_STATUS_LABEL: Record<PwsStatus, { id: string; en: string }> = {
  baik: { id: 'Baik', en: 'Good' },
  kurang: { id: 'Kurang', en: 'Poor' },
  cukup: { id: 'Cukup', en: 'Fair' },
  jelek: { id: 'Jelek', en: 'Bad' },
};

/**
 * The classic PWS matrix (ilp-domain.md §4.4, PWS-KIA): coverage ≥ target
 * and rising = baik; ≥ target and falling = kurang; < target and rising =
 * cukup; < target and falling = jelek. "Rising" compares the month's own
 * coverage with the previous month's (a cumulative figure never falls). An
 * unchanged figure keeps a desa at target "baik", but below target it is not
 * improving: "jelek" (a desa stuck at 0 % is not "cukup").
 */
export function pwsStatus(coverage: number | null | undefined, target: number | null | undefined, previous: number | null | undefined): PwsStatus | null {
  if (coverage == null || target == null || previous == null) return null;
  if (coverage >= target) return coverage >= previous ? 'baik' : 'kurang';
  return coverage > previous ? 'cukup' : 'jelek';
}
