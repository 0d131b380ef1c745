/**
 * TB symptom screening → bukan terduga / kontak erat / terduga (KMK §IV.A.2,
 * Formulir 1). The notes list the child symptoms; the same list is applied to
 * adults (Formulir 1 names "symptoms" without listing them — ⚠).
 */
import type { Issue } from '../i18n/issues';
import { TB_SYMPTOM_BANDS, TB_SYMPTOM_SOURCE, TB_SYMPTOM_WEEKS, type TbSymptomBand } from '../protocol/cutoffs/tb';
import { src } from '../protocol/build';
import { checkBoolean, checkNumber, checkObject, failed, result, type Scored } from './result';

export interface TbSymptomInput {
  /** Weeks of cough (0 = none). */
  coughWeeks: number;
  /** Weeks of fever (0 = none). */
  feverWeeks: number;
  feverRecurrent: boolean;
  /** Weight loss, or no gain / faltering despite nutrition effort. */
  weightFaltering: boolean;
  /** Lesu / lethargy, less playful. */
  lethargy: boolean;
  /** Signs outside the lungs (e.g. lymph-node swelling, joint swelling). */
  extrapulmonarySigns: boolean;
  /** Close or household contact of a TB case. */
  closeContact: boolean;
}

export function screenTbSymptoms(input: TbSymptomInput): Scored<TbSymptomBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  checkNumber(input.coughWeeks, 'coughWeeks', 0, 520, issues);
  checkNumber(input.feverWeeks, 'feverWeeks', 0, 520, issues);
  for (const k of ['feverRecurrent', 'weightFaltering', 'lethargy', 'extrapulmonarySigns', 'closeContact'] as const) checkBoolean(input[k], k, issues);
  if (issues.length) return failed(issues);
  const symptoms = {
    cough: input.coughWeeks >= TB_SYMPTOM_WEEKS.coughFrom,
    fever: input.feverWeeks > TB_SYMPTOM_WEEKS.feverOver || input.feverRecurrent,
    weightFaltering: input.weightFaltering,
    lethargy: input.lethargy,
    extrapulmonary: input.extrapulmonarySigns,
  };
  const present = Object.entries(symptoms).filter(([, v]) => v).map(([k]) => k);
  const band: TbSymptomBand = present.length ? 'terduga' : input.closeContact ? 'kontak-erat' : 'bukan-terduga';
  return result('tb-symptoms', TB_SYMPTOM_BANDS[band], [TB_SYMPTOM_SOURCE, src('KMK', 'Formulir 1: gejala dewasa tidak dirinci; daftar gejala anak dipakai', true)], {
    score: present.length, details: { symptoms: present, closeContact: input.closeContact },
  });
}
