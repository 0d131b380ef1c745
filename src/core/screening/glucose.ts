/** Blood-glucose classifier by device (glucometer Tabel 23, laboratory Tabel 24) and measure. */
import type { Issue } from '../i18n/issues';
import { GLUCOSE_BANDS, GLUCOSE_CUTS, GLUCOSE_SOURCES, type GlucoseBand, type GlucoseDevice, type GlucoseMeasure } from '../protocol/cutoffs/glucose';
import { checkBoolean, checkNumber, checkObject, failed, PLAUSIBLE, result, type Scored } from './result';

export interface GlucoseInput {
  device: GlucoseDevice;
  measure: GlucoseMeasure;
  /** mg/dL, or % for HbA1c. */
  value: number;
  /** Classic symptoms (polyuria, polydipsia, polyphagia, unexplained weight loss); needed for a glucometer random ≥ 200. */
  classicSymptoms?: boolean;
}

export function classifyGlucose(input: GlucoseInput): Scored<GlucoseBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  const cut = GLUCOSE_CUTS[input.device]?.[input.measure];
  if (!GLUCOSE_CUTS[input.device]) issues.push({ code: 'invalid', field: 'device' });
  else if (!cut) issues.push({ code: 'glucose_measure_not_for_device', field: 'measure', params: { device: input.device } });
  if (!cut) return failed(issues);
  const [min, max] = cut.unit === '%' ? PLAUSIBLE.hba1cPercent : PLAUSIBLE.glucoseMgDl;
  checkNumber(input.value, 'value', min, max, issues);
  if (input.classicSymptoms !== undefined) checkBoolean(input.classicSymptoms, 'classicSymptoms', issues);
  if (issues.length) return failed(issues);
  const v = input.value;
  let band: GlucoseBand;
  if (v >= cut.diabetesFrom) band = cut.needsSymptoms && input.classicSymptoms !== true ? 'diabetes-unconfirmed' : 'diabetes';
  else if (v >= cut.prediabetesFrom) band = 'prediabetes';
  else if (v < cut.normalBelow) band = 'normal';
  else band = 'indeterminate';
  return result(`glucose-${input.device}`, GLUCOSE_BANDS[band], [GLUCOSE_SOURCES[input.device]], { details: { measure: input.measure, unit: cut.unit } });
}
