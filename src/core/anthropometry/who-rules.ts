/**
 * WHO's rules for computing z-scores, each number once, as WHO's own software
 * applies them:
 * - anthro (WHO Child Growth Standards, 0–5 y), github.com/WorldHealthOrganization/anthro,
 *   R/z-score.R, R/z-score-helper.R, R/z-score-weight-for-lenhei.R, R/utils.R;
 * - anthroplus (WHO Growth Reference 2007, 5–19 y), github.com/WorldHealthOrganization/anthroplus,
 *   R/zscores.R.
 */

/** Days in a month for age conversion (anthro `ANTHRO_DAYS_OF_MONTH` = 365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;

/**
 * From this age in days length is standing height: a lying length is reduced
 * by the adjustment, and before it a standing height is increased by it
 * (anthro `adjust_lenhei`); weight-for-height replaces weight-for-length.
 */
export const HEIGHT_FROM_DAY = 731;
export const LYING_STANDING_DIFFERENCE_CM = 0.7;

/**
 * A standing measurement before 9 months is treated as implausible: the
 * position is set to unknown (so no +0.7 cm) and flagged (anthro `c9mo_flag`).
 */
export const STANDING_PLAUSIBLE_FROM_MONTHS = 9;

/** Without age or position, weight-for-length is used below 87 cm and weight-for-height from it. */
export const LENGTH_TABLE_BELOW_CM_WITHOUT_AGE = 87;

/** anthro scores age in months < 60 with the 2006 standards. */
export const WHO2006_BELOW_MONTHS = 60;
/** So the last day scored is 1826 (60 × 30.4375 = 1826.25), where WHO's daily tables end since Aug 2025. */
export const WHO2006_LAST_DAY = Math.ceil(WHO2006_BELOW_MONTHS * DAYS_PER_MONTH) - 1;

/** Arm circumference and skinfold tables start at 3 months (anthro `allowed_age_range = c(91, 1856)`). */
export const CIRCUMFERENCE_FROM_DAY = 91;

/** Weight-for-length 45–110 cm; weight-for-height 65–120 cm (both inclusive). */
export const WFL_RANGE_CM = [45, 110] as const;
export const WFH_RANGE_CM = [65, 120] as const;

/**
 * The 2007 reference: 60 ≤ age ≤ 228 months for height- and BMI-for-age,
 * ≤ 120 months for weight-for-age (anthroplus `zscore_indicator`, WFA_UPPER_AGE_LIMIT).
 */
export const WHO2007_FROM_MONTHS = 60;
export const WHO2007_TO_MONTHS = 228;
export const WHO2007_WEIGHT_TO_MONTHS = 120;

export type AnthroIndex = 'wei' | 'len' | 'wfl' | 'bmi' | 'hc' | 'ac' | 'ts' | 'ss';
export const ANTHRO_INDICES: readonly AnthroIndex[] = ['wei', 'len', 'wfl', 'bmi', 'hc', 'ac', 'ts', 'ss'];

/**
 * Implausible z-scores ("flags"): below `low` or above `high`, judged on the
 * z-score rounded to 2 decimals. anthro: fwei z < −6 or z > 5; flen |z| > 6;
 * fwfl, fbmi, fhc, fac, fts, fss |z| > 5. anthroplus uses the same limits for
 * weight-, height- and BMI-for-age.
 */
export const FLAG_LIMITS: Record<AnthroIndex, { low: number; high: number }> = {
  wei: { low: -6, high: 5 },
  len: { low: -6, high: 6 },
  wfl: { low: -5, high: 5 },
  bmi: { low: -5, high: 5 },
  hc: { low: -5, high: 5 },
  ac: { low: -5, high: 5 },
  ts: { low: -5, high: 5 },
  ss: { low: -5, high: 5 },
};

/**
 * Indices whose z-scores use WHO's restricted LMS rule beyond ±3 SD
 * (`compute_zscore_adjusted`); length/height and head circumference use the
 * plain LMS formula (`compute_zscore`), in both packages.
 */
export const RESTRICTED_INDICES: ReadonlySet<AnthroIndex> = new Set(['wei', 'wfl', 'bmi', 'ac', 'ts', 'ss']);

/** Weight-based indices are not computed when the child has oedema. */
export const WEIGHT_BASED_INDICES: ReadonlySet<AnthroIndex> = new Set(['wei', 'wfl', 'bmi']);

/** anthro's rounding of ages: x.5 and up goes up (`round_up`). */
export function roundAgeDays(days: number): number {
  return Math.floor(days + 0.5);
}
