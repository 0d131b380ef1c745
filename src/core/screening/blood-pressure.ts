/**
 * Blood-pressure classifier: adults by KMK Tabel 22; 13–<18 years by the
 * simplified AAP 2017 classes (Tabel 14); younger children only at the ages
 * whose thresholds the notes give, otherwise "not classified".
 */
import type { Issue } from '../i18n/issues';
import type { Sex } from '../people/nik';
import {
  ADULT_BP, ADULT_BP_FROM_AGE, ADULT_BP_SOURCE, ADULT_HT_FROM, CHILD_BP, CHILD_BP_SOURCE, CHILD_BP_THRESHOLDS, ISOLATED_SYSTOLIC,
  TEEN_BP, TEEN_BP_FROM_AGE, type AdultBpBand, type ChildBpBand, type TeenBpBand,
} from '../protocol/cutoffs/blood-pressure';
import { checkNumber, checkObject, failed, PLAUSIBLE, result, type Scored } from './result';

export interface BpInput {
  systolic: number;
  diastolic: number;
  /** Completed years. */
  ageYears: number;
  sex: Sex;
}

export type BpBand = AdultBpBand | TeenBpBand | ChildBpBand;

/** Index of the highest class whose lower bound the value reaches on one axis. */
function classIndex(value: number, bounds: Array<number | null>): number {
  let idx = 0;
  bounds.forEach((b, i) => {
    if (b !== null && value >= b) idx = i;
  });
  return idx;
}

export function classifyBp(input: BpInput): Scored<BpBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  checkNumber(input.systolic, 'systolic', PLAUSIBLE.systolic[0], PLAUSIBLE.systolic[1], issues);
  checkNumber(input.diastolic, 'diastolic', PLAUSIBLE.diastolic[0], PLAUSIBLE.diastolic[1], issues);
  checkNumber(input.ageYears, 'ageYears', PLAUSIBLE.ageYears[0], PLAUSIBLE.ageYears[1], issues);
  if (input.sex !== 'M' && input.sex !== 'F') issues.push({ code: 'invalid', field: 'sex' });
  if (!issues.length && input.diastolic >= input.systolic) issues.push({ code: 'bp_diastolic_not_below_systolic', field: 'diastolic' });
  if (issues.length) return failed(issues);
  const { systolic: s, diastolic: d } = input;
  const details = { systolic: s, diastolic: d };
  if (input.ageYears >= ADULT_BP_FROM_AGE) {
    const i = Math.max(classIndex(s, ADULT_BP.map((b) => b.sys)), classIndex(d, ADULT_BP.map((b) => b.dia)));
    if (s >= ADULT_HT_FROM.sys && d < ADULT_HT_FROM.dia) {
      const grade = ADULT_BP[classIndex(s, ADULT_BP.map((b) => b.sys))]!.band;
      return result<BpBand>('bp-adult', ISOLATED_SYSTOLIC, [ADULT_BP_SOURCE], { details: { ...details, systolicGrade: grade } });
    }
    return result<BpBand>('bp-adult', ADULT_BP[i]!, [ADULT_BP_SOURCE], { details });
  }
  if (input.ageYears >= TEEN_BP_FROM_AGE) {
    const i = Math.max(classIndex(s, TEEN_BP.map((b) => b.sys)), classIndex(d, TEEN_BP.map((b) => b.dia)));
    return result<BpBand>('bp-child', TEEN_BP[i]!, [CHILD_BP_SOURCE], { details });
  }
  const th = CHILD_BP_THRESHOLDS[Math.floor(input.ageYears)];
  if (!th) return result<BpBand>('bp-child', CHILD_BP['not-classified'], [CHILD_BP_SOURCE], { details });
  const [ts, td] = th[input.sex];
  const over = s >= ts || d >= td;
  return result<BpBand>('bp-child', CHILD_BP[over ? 'at-or-above-threshold' : 'below-threshold'], [CHILD_BP_SOURCE], { details: { ...details, threshold: [ts, td] } });
}
