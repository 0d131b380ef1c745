/**
 * Diabetes-screening risk factors for ages 15–<40 (KMK Tabel 19): obesity,
 * central obesity, high blood pressure — from the person's measurements, plus
 * a known hypertension. A finding counts from its day until a later reading of
 * the same kind no longer shows it.
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

function flaggedSpans<T extends { day: number }>(series: ReadonlyArray<T>, flagged: (r: T) => boolean): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < series.length; i++) {
    const r = series[i]!;
    if (!flagged(r)) continue;
    const next = series[i + 1];
    out.push([r.day, next ? next.day - 1 : Infinity]);
  }
  return out;
}

export function highBp(sys: number, dia: number): boolean {
  return sys >= ADULT_HT_FROM.sys || dia >= ADULT_HT_FROM.dia;
}

export function dmRiskIntervals(sex: Sex, readings: Readings, hypertension: Intervals): Intervals {
  const spans = [
    ...flaggedSpans(readings.bp, (r) => highBp(r.sys, r.dia)),
    ...flaggedSpans(readings.bmi, (r) => r.value >= IMT_OBESE_FROM),
    ...flaggedSpans(readings.waist, (r) => r.value > CENTRAL_OBESITY_WAIST_OVER[sex]),
  ];
  return union(normalise(spans), hypertension);
}
