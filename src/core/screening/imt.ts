/** Adult BMI (IMT) Asia-Pacific classes and central obesity by waist. Children use IMT/U (anthropometry). */
import type { Issue } from '../i18n/issues';
import type { Sex } from '../people/nik';
import { t } from '../protocol/build';
import type { BandDef } from '../protocol/cutoffs/band';
import { CENTRAL_OBESITY_WAIST_OVER, IMT_BANDS, IMT_FROM_AGE, IMT_SOURCE, type ImtBand } from '../protocol/cutoffs/imt';
import { checkNumber, checkObject, failed, PLAUSIBLE, result, type Scored } from './result';

export function bmi(weightKg: number, heightCm: number): number {
  const m = heightCm / 100;
  return weightKg / (m * m);
}

export function classifyImt(input: { weightKg: number; heightCm: number; ageYears: number }): Scored<ImtBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  checkNumber(input.weightKg, 'weightKg', PLAUSIBLE.weightKg[0], PLAUSIBLE.weightKg[1], issues);
  checkNumber(input.heightCm, 'heightCm', PLAUSIBLE.heightCm[0], PLAUSIBLE.heightCm[1], issues);
  if (checkNumber(input.ageYears, 'ageYears', PLAUSIBLE.ageYears[0], PLAUSIBLE.ageYears[1], issues) && input.ageYears < IMT_FROM_AGE) {
    issues.push({ code: 'screening_age', field: 'ageYears', params: { min: IMT_FROM_AGE } });
  }
  if (issues.length) return failed(issues);
  const value = bmi(input.weightKg, input.heightCm);
  // Classify on one decimal, as the table is written (22.9 normal, 23.0 overweight).
  const rounded = Math.round(value * 10) / 10;
  const band = [...IMT_BANDS].reverse().find((b) => rounded >= b.from)!;
  return result('imt', band, [IMT_SOURCE], { score: rounded });
}

export type WaistBand = 'normal' | 'central-obesity';
const WAIST: Record<WaistBand, BandDef<WaistBand>> = {
  normal: { band: 'normal', label: t('Lingkar perut normal', 'Normal waist'), followUp: t('Edukasi.', 'Education.') },
  'central-obesity': { band: 'central-obesity', label: t('Obesitas sentral', 'Central obesity'), followUp: IMT_BANDS.find((b) => b.band === 'obese-1')!.followUp },
};

export function classifyWaist(input: { waistCm: number; sex: Sex }): Scored<WaistBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  checkNumber(input.waistCm, 'waistCm', PLAUSIBLE.waistCm[0], PLAUSIBLE.waistCm[1], issues);
  if (input.sex !== 'M' && input.sex !== 'F') issues.push({ code: 'invalid', field: 'sex' });
  if (issues.length) return failed(issues);
  return result('waist', WAIST[input.waistCm > CENTRAL_OBESITY_WAIST_OVER[input.sex] ? 'central-obesity' : 'normal'], [IMT_SOURCE]);
}
