/** PUMA scorer (COPD risk, from 40 years): ≥ 6 is high risk — KMK Tabel 19. */
import type { Issue } from '../i18n/issues';
import type { Sex } from '../people/nik';
import { PUMA_BANDS, PUMA_HIGH_FROM, PUMA_MIN_AGE, PUMA_POINTS, PUMA_SOURCE, type PumaBand } from '../protocol/cutoffs/puma';
import { checkBoolean, checkNumber, checkObject, failed, PLAUSIBLE, result, type Scored } from './result';

export interface PumaInput {
  sex: Sex;
  ageYears: number;
  packYears: number;
  dyspnoea: boolean;
  sputum: boolean;
  cough: boolean;
  priorSpirometry: boolean;
}

export function scorePuma(input: PumaInput): Scored<PumaBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  if (input.sex !== 'M' && input.sex !== 'F') issues.push({ code: 'invalid', field: 'sex' });
  if (checkNumber(input.ageYears, 'ageYears', PLAUSIBLE.ageYears[0], PLAUSIBLE.ageYears[1], issues) && input.ageYears < PUMA_MIN_AGE) {
    issues.push({ code: 'screening_age', field: 'ageYears', params: { min: PUMA_MIN_AGE } });
  }
  checkNumber(input.packYears, 'packYears', 0, 200, issues);
  const symptoms = ['dyspnoea', 'sputum', 'cough', 'priorSpirometry'] as const;
  for (const k of symptoms) checkBoolean(input[k], k, issues);
  if (issues.length) return failed(issues);
  const p = PUMA_POINTS;
  const agePts = [...p.age].reverse().find(([from]) => input.ageYears >= from)![1];
  const py = input.packYears;
  const packPts = py < p.packYears.midFrom ? p.packYears.low : py <= p.packYears.midTo ? p.packYears.mid : p.packYears.high;
  const score = (input.sex === 'M' ? p.male : 0) + agePts + packPts + symptoms.filter((k) => input[k]).length * p.symptom;
  return result('puma', PUMA_BANDS[score >= PUMA_HIGH_FROM ? 'high' : 'low'], [PUMA_SOURCE], { score });
}
