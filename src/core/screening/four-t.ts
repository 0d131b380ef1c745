/**
 * 4T pregnancy risk: too young, too old, too close, too many (KMK Bab IV).
 * `fourTForPregnancy` reads the facts of a pregnancy episode: the mother's age
 * at HPHT, the previous delivery and the number of earlier births.
 */
import type { Issue } from '../i18n/issues';
import { t } from '../protocol/build';
import type { BandDef } from '../protocol/cutoffs/band';
import { FOUR_T_AGE, FOUR_T_CHILDREN_OVER, FOUR_T_INTERVAL_YEARS, FOUR_T_LABELS, FOUR_T_SOURCE, type FourTFlag } from '../protocol/cutoffs/four-t';
import { completedMonthsAt, dayFromIso } from '../protocol/offset';
import type { PersonFacts, PregnancyFacts } from '../lifecycle/person';
import { pregnancyStartDay } from '../lifecycle/pregnancy';
import { checkNumber, checkObject, failed, result, type Scored } from './result';

export interface FourTInput {
  /** Mother's completed years at the start of the pregnancy. */
  ageYears: number;
  /** Births before this pregnancy. */
  previousBirths: number;
  /** Completed months from the previous delivery to this pregnancy's start; null = no previous delivery. */
  monthsSincePreviousDelivery: number | null;
}

export type FourTBand = 'no-risk' | 'risk';
const BANDS: Record<FourTBand, BandDef<FourTBand>> = {
  'no-risk': { band: 'no-risk', label: t('Tidak ada faktor 4T', 'No 4T factor'), followUp: t('ANC sesuai jadwal.', 'ANC as scheduled.') },
  risk: { band: 'risk', label: t('Risiko tinggi 4T', '4T high risk'), followUp: t('Catat sebagai risiko tinggi; dampingi ANC dan rencanakan persalinan di fasilitas; konseling KB pascasalin.', 'Record as high risk; accompany ANC and plan a facility delivery; post-partum family-planning counselling.') },
};

export function scoreFourT(input: FourTInput): Scored<FourTBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  checkNumber(input.ageYears, 'ageYears', 8, 70, issues);
  if (checkNumber(input.previousBirths, 'previousBirths', 0, 30, issues) && !Number.isInteger(input.previousBirths)) issues.push({ code: 'invalid', field: 'previousBirths' });
  if (input.monthsSincePreviousDelivery !== null) checkNumber(input.monthsSincePreviousDelivery, 'monthsSincePreviousDelivery', 0, 12 * 60, issues);
  if (issues.length) return failed(issues);
  const flags: FourTFlag[] = [];
  if (input.ageYears < FOUR_T_AGE.youngBelow) flags.push('too-young');
  if (input.ageYears > FOUR_T_AGE.oldOver) flags.push('too-old');
  if (input.monthsSincePreviousDelivery !== null && input.monthsSincePreviousDelivery < FOUR_T_INTERVAL_YEARS * 12) flags.push('too-close');
  if (input.previousBirths > FOUR_T_CHILDREN_OVER) flags.push('too-many');
  return result('four-t', BANDS[flags.length ? 'risk' : 'no-risk'], [FOUR_T_SOURCE], {
    score: flags.length, details: { flags, flagLabels: flags.map((f) => FOUR_T_LABELS[f]) },
  });
}

/** 4T for a pregnancy episode of `mother`; earlier episodes supply the defaults for births and spacing. */
export function fourTForPregnancy(mother: PersonFacts, preg: PregnancyFacts): Scored<FourTBand> {
  const start = pregnancyStartDay(preg);
  const birth = dayFromIso(mother.birthDate);
  if (start === null || Number.isNaN(birth)) return failed([{ code: 'pregnancy_start_missing', field: 'pregnancy' }]);
  const earlier = (mother.pregnancies ?? [])
    .filter((p) => p.id !== preg.id && p.deliveredOn && p.outcome !== 'abortion' && dayFromIso(p.deliveredOn) < start)
    .map((p) => dayFromIso(p.deliveredOn!));
  const prevDelivery = preg.previousDeliveryOn ? dayFromIso(preg.previousDeliveryOn) : earlier.length ? Math.max(...earlier) : null;
  return scoreFourT({
    ageYears: Math.floor(completedMonthsAt(birth, start) / 12),
    previousBirths: preg.previousBirths ?? earlier.length,
    monthsSincePreviousDelivery: prevDelivery === null || Number.isNaN(prevDelivery) ? null
      : completedMonthsAt(prevDelivery, Math.max(start, prevDelivery)),
  });
}

