/**
 * The WHO growth reference tables Siklus knows, as WHO publishes them in the
 * official R packages (data-raw/growthstandards/<name>.txt):
 * - WHO Child Growth Standards 2006, 0–5 years, LMS by age in days (or by
 *   length/height in 0.1 cm): github.com/WorldHealthOrganization/anthro
 * - WHO Growth Reference 2007, 5–19 years, LMS by age in months:
 *   github.com/WorldHealthOrganization/anthroplus
 * Column layouts and ranges: ../shared/data/who-growth/SOURCES.md.
 */
import {
  CIRCUMFERENCE_FROM_DAY,
  WFH_RANGE_CM,
  WFL_RANGE_CM,
  WHO2006_LAST_DAY,
  WHO2007_FROM_MONTHS,
  WHO2007_TO_MONTHS,
  WHO2007_WEIGHT_TO_MONTHS,
} from './who-rules';

export type GrowthStandard = 'WHO2006' | 'WHO2007';

export const GROWTH_TABLE_NAMES = [
  'weianthro',
  'lenanthro',
  'wflanthro',
  'wfhanthro',
  'bmianthro',
  'hcanthro',
  'acanthro',
  'tsanthro',
  'ssanthro',
  'wfawho2007',
  'hfawho2007',
  'bfawho2007',
] as const;
export type GrowthTableName = (typeof GROWTH_TABLE_NAMES)[number];

export interface GrowthTableSpec {
  name: GrowthTableName;
  standard: GrowthStandard;
  title: string;
  /** Header of the key column in WHO's file. */
  keyColumn: 'age' | 'length' | 'height';
  keyUnit: 'day' | 'month' | 'cm';
  /** Distance between rows. */
  step: number;
  /** The range the file must cover for the z-score rules to work. */
  covers: readonly [number, number];
  /** Optional last column naming length (L) or height (H). */
  positionColumn?: 'loh' | 'lorh';
}

const spec = (s: GrowthTableSpec): GrowthTableSpec => s;

/**
 * `covers` follows WHO's age and length limits (who-rules.ts): day tables to
 * the last day anthro scores, arm circumference and skinfolds from 91 days,
 * weight-for-length/height over their cm ranges, the 2007 tables over the ages
 * anthroplus scores.
 */
const DAYS = [0, WHO2006_LAST_DAY] as const;
const DAYS_FROM_3_MONTHS = [CIRCUMFERENCE_FROM_DAY, WHO2006_LAST_DAY] as const;
const MONTHS_5_TO_19 = [WHO2007_FROM_MONTHS, WHO2007_TO_MONTHS] as const;
export const GROWTH_TABLES: Record<GrowthTableName, GrowthTableSpec> = {
  weianthro: spec({ name: 'weianthro', standard: 'WHO2006', title: 'weight-for-age', keyColumn: 'age', keyUnit: 'day', step: 1, covers: DAYS }),
  lenanthro: spec({ name: 'lenanthro', standard: 'WHO2006', title: 'length/height-for-age', keyColumn: 'age', keyUnit: 'day', step: 1, covers: DAYS, positionColumn: 'loh' }),
  wflanthro: spec({ name: 'wflanthro', standard: 'WHO2006', title: 'weight-for-length', keyColumn: 'length', keyUnit: 'cm', step: 0.1, covers: WFL_RANGE_CM, positionColumn: 'lorh' }),
  wfhanthro: spec({ name: 'wfhanthro', standard: 'WHO2006', title: 'weight-for-height', keyColumn: 'height', keyUnit: 'cm', step: 0.1, covers: WFH_RANGE_CM, positionColumn: 'lorh' }),
  bmianthro: spec({ name: 'bmianthro', standard: 'WHO2006', title: 'BMI-for-age', keyColumn: 'age', keyUnit: 'day', step: 1, covers: DAYS, positionColumn: 'loh' }),
  hcanthro: spec({ name: 'hcanthro', standard: 'WHO2006', title: 'head circumference-for-age', keyColumn: 'age', keyUnit: 'day', step: 1, covers: DAYS }),
  acanthro: spec({ name: 'acanthro', standard: 'WHO2006', title: 'arm circumference-for-age', keyColumn: 'age', keyUnit: 'day', step: 1, covers: DAYS_FROM_3_MONTHS }),
  tsanthro: spec({ name: 'tsanthro', standard: 'WHO2006', title: 'triceps skinfold-for-age', keyColumn: 'age', keyUnit: 'day', step: 1, covers: DAYS_FROM_3_MONTHS }),
  ssanthro: spec({ name: 'ssanthro', standard: 'WHO2006', title: 'subscapular skinfold-for-age', keyColumn: 'age', keyUnit: 'day', step: 1, covers: DAYS_FROM_3_MONTHS }),
  wfawho2007: spec({ name: 'wfawho2007', standard: 'WHO2007', title: 'weight-for-age 5–10 y', keyColumn: 'age', keyUnit: 'month', step: 1, covers: [WHO2007_FROM_MONTHS, WHO2007_WEIGHT_TO_MONTHS] }),
  hfawho2007: spec({ name: 'hfawho2007', standard: 'WHO2007', title: 'height-for-age 5–19 y', keyColumn: 'age', keyUnit: 'month', step: 1, covers: MONTHS_5_TO_19 }),
  bfawho2007: spec({ name: 'bfawho2007', standard: 'WHO2007', title: 'BMI-for-age 5–19 y', keyColumn: 'age', keyUnit: 'month', step: 1, covers: MONTHS_5_TO_19 }),
};

export function isGrowthTableName(s: string): s is GrowthTableName {
  return (GROWTH_TABLE_NAMES as readonly string[]).includes(s);
}

/** `weianthro.txt` → `weianthro`; undefined for a file WHO does not publish under that name. */
export function growthTableForFile(fileName: string): GrowthTableName | undefined {
  const m = /^([a-z0-9]+)\.txt$/i.exec(fileName);
  const base = m?.[1]?.toLowerCase();
  return base && isGrowthTableName(base) ? base : undefined;
}

/** Sex as WHO's files code it. */
export type WhoSex = 1 | 2;

export interface GrowthTableRow {
  sex: WhoSex;
  /** Age (days or months) or length/height (cm), per the table's key. */
  x: number;
  l: number;
  m: number;
  s: number;
  /** L or H where the file has the column. */
  loh: 'L' | 'H' | null;
}
