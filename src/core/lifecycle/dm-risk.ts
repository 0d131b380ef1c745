/**
 * Diabetes-screening risk factors for ages 15–<40 (KMK Tabel 19): obesity,
 * central obesity, high blood pressure — from the person's measurements, plus
 * a known hypertension. A finding puts the person in the target group from
 * its day on; a later normal reading does not take them out (one normal
 * reading does not rule the risk out, and a screening already done must stay
 * done when more readings arrive).
 */
import type { Sex } from '../people/nik';
import { ADULT_HT_FROM } from '../protocol/cutoffs/blood-pressure';
import { CENTRAL_OBESITY_WAIST_OVER, IMT_OBESE_FROM } from '../protocol/cutoffs/imt';
import { normalise, union, type Interval, type Intervals } from './intervals';

export interface Readings {
  /** Sorted by day. */
  bp: ReadonlyArray<{ day: number; sys: number; dia: number }>;
  bmi: ReadonlyArray<{ day: number; value: number }>;
  waist: ReadonlyArray<{ day: number; value: number }>;
}

/** From the first flagged reading on (series sorted by day). */
function flaggedFrom<T extends { day: number }>(series: ReadonlyArray<T>, flagged: (r: T) => boolean): Interval[] {
  for (const r of series) if (flagged(r)) return [[r.day, Infinity]];
  return [];
}

export function highBp(sys: number, dia: number): boolean {
  return sys >= ADULT_HT_FROM.sys || dia >= ADULT_HT_FROM.dia;
}

export function dmRiskIntervals(sex: Sex, readings: Readings, hypertension: Intervals): Intervals {
  const spans = [
    ...flaggedFrom(readings.bp, (r) => highBp(r.sys, r.dia)),
    ...flaggedFrom(readings.bmi, (r) => r.value >= IMT_OBESE_FROM),
    ...flaggedFrom(readings.waist, (r) => r.value > CENTRAL_OBESITY_WAIST_OVER[sex]),
  ];
  return union(normalise(spans), hypertension);
}
