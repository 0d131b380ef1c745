/**
 * Recording limits — the one module that says which recorded values are
 * impossible (an error: the value cannot be saved) and which are possible but
 * implausible (a warning the user confirms before saving).
 *
 * Hard limits are typo guards, not clinical cut-offs. Where the screening
 * scorers already guard a quantity (screening/result.ts PLAUSIBLE, which the
 * browser form uses too) the same bounds are used, so the form and the server
 * never disagree. Soft limits catch values that real people almost never have
 * but a slip of the finger produces often (a decimal point in the wrong
 * place, systolic and diastolic swapped, kg typed as g). They are Siklus
 * choices (SIKLUS, not clinical facts), set wide so a true extreme value is
 * only asked about, never refused. Children's anthropometry is judged by the
 * WHO implausibility flags instead (anthropometry/who-rules.ts FLAG_LIMITS).
 */
import { PLAUSIBLE } from '../screening/result';
import { WHO2007_TO_MONTHS } from '../anthropometry/who-rules';

export type Range = readonly [number, number];

/** Impossible values: outside these an event is refused with a message per field. */
export const HARD_LIMITS = {
  /**
   * 0.5 kg is also WHO's lower bound for births counted in perinatal
   * statistics (ICD-10 vol. 2); nobody weighed at a Posyandu is lighter.
   */
  weightKg: PLAUSIBLE.weightKg,
  lengthHeightCm: PLAUSIBLE.heightCm,
  /** Head circumference: a 24-week newborn measures about 21 cm; no adult head reaches 70 cm. */
  headCm: [18, 70],
  muacCm: PLAUSIBLE.lilaCm,
  waistCm: PLAUSIBLE.waistCm,
  /** BMI when recorded directly (it is usually computed). */
  bmi: [5, 150],
  systolic: PLAUSIBLE.systolic,
  diastolic: PLAUSIBLE.diastolic,
  glucoseMgDl: PLAUSIBLE.glucoseMgDl,
  hba1cPercent: PLAUSIBLE.hba1cPercent,
  /** Haemoglobin: below 1 or above 25 g/dL is not compatible with life or is a unit slip (g/L). */
  hbGdl: [1, 25],
  /** Fundal height in cm (the uterus cannot measure more than the trunk). */
  fundalCm: [1, 60],
  /** Fetal heart rate: a Doppler counting outside 50–250 counts something else. */
  fhrBpm: [50, 250],
  gravida: [1, 30],
  parity: [0, 30],
  /** Iron tablets handed out at once: a pregnancy's whole supply is far below this. */
  ttdTablets: [1, 400],
  /** Free text sizes (notes, results). */
  noteChars: [1, 2000],
  resultChars: [1, 500],
  /** Live births in one delivery. */
  birthsPerDelivery: [1, 8],
} as const satisfies Record<string, Range>;

/**
 * Age from which children's WHO references end and adult plausibility
 * bounds apply: the last month of the WHO 2007 reference (19 years).
 */
export const ADULT_BOUNDS_FROM_MONTHS = WHO2007_TO_MONTHS + 1;

/** Implausible but possible: a warning (code) the user confirms. */
export const SOFT_LIMITS = {
  /**
   * Blood pressure (code bp_implausible): readings outside these are almost
   * always a misread or a swapped pair. 300/20 passes the hard limits and is
   * asked about here.
   */
  bp: {
    systolic: [70, 250] as Range,
    diastolic: [40, 140] as Range,
    /** Systolic minus diastolic. */
    pulsePressure: [15, 120] as Range,
  },
  /**
   * A weighing compared with the previous one within about a month (code
   * weight_change_implausible): nobody halves or doubles their weight in a
   * month, but a kg/g or decimal slip does (the ratio bounds themselves warn).
   */
  weightChange: { withinDays: 35, ratio: [0.5, 2] as Range },
  /**
   * Adults (from ADULT_BOUNDS_FROM_MONTHS; code value_implausible): bounds
   * outside which a value is far more likely a slip than a person.
   */
  adult: {
    weightKg: [25, 250] as Range,
    heightCm: [120, 215] as Range,
    bmi: [12, 70] as Range,
    muacCm: [15, 50] as Range,
    waistCm: [45, 180] as Range,
  },
  /** Any age (code value_implausible). */
  any: {
    hbGdl: [4, 20] as Range,
    glucoseMgDl: [40, 600] as Range,
    hba1cPercent: [3.5, 15] as Range,
  },
  /** Ages at which a pregnancy or a delivery is asked about (code value_implausible). */
  pregnancyAgeYears: [10, 55] as Range,
} as const;

export const within = (v: number, [lo, hi]: Range): boolean => v >= lo && v <= hi;
