import type { Sex } from '../people/nik';
import type { GrowthReferences } from './growth-references';
import { GROWTH_TABLES, type GrowthStandard, type GrowthTableName } from './growth-tables';
import { lmsZ, lmsZRestricted, roundZ } from './lms';
import {
  ANTHRO_INDICES,
  CIRCUMFERENCE_FROM_DAY,
  DAYS_PER_MONTH,
  FLAG_LIMITS,
  HEIGHT_FROM_DAY,
  LENGTH_TABLE_BELOW_CM_WITHOUT_AGE,
  LYING_STANDING_DIFFERENCE_CM,
  RESTRICTED_INDICES,
  STANDING_PLAUSIBLE_FROM_MONTHS,
  WEIGHT_BASED_INDICES,
  WFH_RANGE_CM,
  WFL_RANGE_CM,
  WHO2006_BELOW_MONTHS,
  WHO2007_FROM_MONTHS,
  WHO2007_TO_MONTHS,
  WHO2007_WEIGHT_TO_MONTHS,
  roundAgeDays,
  type AnthroIndex,
} from './who-rules';

/** l = recumbent length (lying), h = standing height. */
export type Measure = 'l' | 'h';

/** Age in days (as anthro's default) or in months (converted as anthro does). */
export type AnthroAge = { days: number } | { months: number };

export interface AnthroInput {
  sex: Sex;
  /** Unknown age still allows weight-for-length/height. */
  age?: AnthroAge | null;
  weightKg?: number | null;
  lengthHeightCm?: number | null;
  /** Unknown position follows age. */
  measure?: Measure | null;
  /** Bilateral pitting oedema. */
  oedema?: boolean;
  headCm?: number | null;
  muacCm?: number | null;
  tricepsMm?: number | null;
  subscapularMm?: number | null;
}

export type IndexStatus =
  | 'ok'
  | 'no_measurement'
  | 'no_age'
  | 'age_out_of_range'
  | 'length_out_of_range'
  | 'oedema'
  | 'reference_missing';

export interface IndexResult {
  /** Rounded to 2 decimals, as WHO anthro reports it; null when not computed. */
  z: number | null;
  zExact: number | null;
  /** Implausible z-score (WHO flag limits); null when not computed. */
  flag: boolean | null;
  status: IndexStatus;
  /** The reference used or (for reference_missing) needed. */
  reference: GrowthStandard | null;
  table: GrowthTableName | null;
  /** From the jsgrowup weekly/monthly fallback instead of WHO's exact tables. */
  approximate: boolean;
}

export interface AnthroResult {
  /** Age in days as anthro uses it (rounded), and in months (exact). */
  ageDays: number | null;
  ageMonths: number | null;
  /** Length/height after the lying/standing adjustment. */
  clenhei: number | null;
  cbmi: number | null;
  /** The position used (null = unknown). */
  measure: Measure | null;
  /** Standing measurement before 9 months: ignored and flagged. */
  positionImplausible: boolean;
  /** True when any computed z-score is approximate. */
  approximate: boolean;
  indices: Record<AnthroIndex, IndexResult>;
}

const measured = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function normaliseAge(age: AnthroAge | null | undefined): { days: number | null; months: number | null } {
  if (!age) return { days: null, months: null };
  const raw = 'days' in age ? age.days : age.months;
  if (!Number.isFinite(raw) || raw < 0) throw new RangeError(`age must be a number ≥ 0, got ${raw}`);
  if ('days' in age) return { days: roundAgeDays(age.days), months: age.days / DAYS_PER_MONTH };
  return { days: roundAgeDays(age.months * DAYS_PER_MONTH), months: age.months };
}

const blank = (status: IndexStatus, reference: GrowthStandard | null = null, table: GrowthTableName | null = null): IndexResult => ({
  z: null,
  zExact: null,
  flag: null,
  status,
  reference,
  table,
  approximate: false,
});

/**
 * WHO z-scores for one child and one visit, with WHO anthro's rules for 0–5
 * years (age < 60 months) and anthroplus's for 5–19 years. See who-rules.ts
 * for each rule and its source.
 */
export function computeZScores(input: AnthroInput, refs: GrowthReferences): AnthroResult {
  const { days, months } = normaliseAge(input.age);
  const oedema = input.oedema === true;
  const under5 = months !== null && months < WHO2006_BELOW_MONTHS;

  let measure: Measure | null = input.measure ?? null;
  const positionImplausible = measure === 'h' && months !== null && months < STANDING_PLAUSIBLE_FROM_MONTHS;
  if (positionImplausible) measure = null;

  const raw = measured(input.lengthHeightCm) ? input.lengthHeightCm : null;
  let clenhei = raw;
  // anthroplus takes height as measured; anthro converts to the position the standard expects.
  if (raw !== null && days !== null && months !== null && under5) {
    if (days < HEIGHT_FROM_DAY && measure === 'h') clenhei = raw + LYING_STANDING_DIFFERENCE_CM;
    if (days >= HEIGHT_FROM_DAY && measure === 'l') clenhei = raw - LYING_STANDING_DIFFERENCE_CM;
  }
  const weight = measured(input.weightKg) ? input.weightKg : null;
  const cbmi = weight !== null && clenhei !== null ? weight / (clenhei / 100) ** 2 : null;

  const score = (index: AnthroIndex, value: number | null, table: GrowthTableName, x: number): IndexResult => {
    const reference = GROWTH_TABLES[table].standard;
    if (value === null) return blank('no_measurement', reference, table);
    if (oedema && WEIGHT_BASED_INDICES.has(index)) return blank('oedema', reference, table);
    if (refs.availability(table) === 'missing') return blank('reference_missing', reference, table);
    const lms = refs.lms(table, input.sex, x);
    if (!lms) return blank(index === 'wfl' ? 'length_out_of_range' : 'age_out_of_range', reference, table);
    const zExact = RESTRICTED_INDICES.has(index) ? lmsZRestricted(value, lms) : lmsZ(value, lms);
    const z = roundZ(zExact);
    const { low, high } = FLAG_LIMITS[index];
    return { z, zExact, flag: z < low || z > high, status: 'ok', reference, table, approximate: lms.approximate };
  };

  /** An age-based index: the 2006 day table under 5, the 2007 month table (if any) from 5. */
  const byAge = (index: AnthroIndex, value: number | null, t2006: GrowthTableName, from2006Day: number, t2007?: { table: GrowthTableName; toMonths: number; value: number | null }): IndexResult => {
    if (months === null || days === null) return value === null ? blank('no_measurement') : blank('no_age');
    if (under5) {
      if (value === null) return blank('no_measurement', 'WHO2006', t2006);
      return days < from2006Day ? blank('age_out_of_range', 'WHO2006', t2006) : score(index, value, t2006, days);
    }
    if (!t2007) return blank(value === null ? 'no_measurement' : 'age_out_of_range');
    if (t2007.value === null) return blank('no_measurement', 'WHO2007', t2007.table);
    if (months < WHO2007_FROM_MONTHS || months > t2007.toMonths) return blank('age_out_of_range', 'WHO2007', t2007.table);
    return score(index, t2007.value, t2007.table, months);
  };

  const rawBmi = weight !== null && raw !== null ? weight / (raw / 100) ** 2 : null;
  const indices: Record<AnthroIndex, IndexResult> = {
    wei: byAge('wei', weight, 'weianthro', 0, { table: 'wfawho2007', toMonths: WHO2007_WEIGHT_TO_MONTHS, value: weight }),
    len: byAge('len', clenhei, 'lenanthro', 0, { table: 'hfawho2007', toMonths: WHO2007_TO_MONTHS, value: raw }),
    bmi: byAge('bmi', cbmi, 'bmianthro', 0, { table: 'bfawho2007', toMonths: WHO2007_TO_MONTHS, value: rawBmi }),
    hc: byAge('hc', measured(input.headCm) ? input.headCm : null, 'hcanthro', 0),
    ac: byAge('ac', measured(input.muacCm) ? input.muacCm : null, 'acanthro', CIRCUMFERENCE_FROM_DAY),
    ts: byAge('ts', measured(input.tricepsMm) ? input.tricepsMm : null, 'tsanthro', CIRCUMFERENCE_FROM_DAY),
    ss: byAge('ss', measured(input.subscapularMm) ? input.subscapularMm : null, 'ssanthro', CIRCUMFERENCE_FROM_DAY),
    wfl: weightForLength(),
  };

  function weightForLength(): IndexResult {
    // Length table before day 731; without age, by position, else by the 87 cm rule.
    const lying =
      days !== null ? days < HEIGHT_FROM_DAY : measure !== null ? measure === 'l' : clenhei !== null && clenhei < LENGTH_TABLE_BELOW_CM_WITHOUT_AGE;
    const table: GrowthTableName = lying ? 'wflanthro' : 'wfhanthro';
    const [lo, hi] = lying ? WFL_RANGE_CM : WFH_RANGE_CM;
    if (weight === null || clenhei === null) return blank('no_measurement', 'WHO2006', table);
    if (months !== null && !under5) return blank('age_out_of_range', 'WHO2006', table);
    if (clenhei < lo || clenhei > hi) return blank('length_out_of_range', 'WHO2006', table);
    return score('wfl', weight, table, clenhei);
  }

  return {
    ageDays: days,
    ageMonths: months,
    clenhei,
    cbmi,
    measure,
    positionImplausible,
    approximate: ANTHRO_INDICES.some((i) => indices[i].approximate),
    indices,
  };
}
