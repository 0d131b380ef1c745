/**
 * Turning counter sums into the dashboard's figures (docs/indicators.md
 * "Counting rules"): year to date through month M, or month M alone; the
 * estimated and the by-name register denominators; coverage, the prorated
 * target and its colour. Pure code over monthly sums.
 */
import { colourOf, DEFAULT_THRESHOLDS, proratedTarget, trendOf as trendBetween, type Colour, type ColourThresholds, type ProrateMode } from '../../../core/indicators/colours';
import type { IndicatorDef } from '../../../core/indicators/types';

/** Sums of one indicator in one year, per month (index 0 = January). */
export interface MonthlySums {
  regNew: number[];
  numNew: number[];
  served: number[];
  occurrences: number[];
}

export const emptySums = (): MonthlySums => ({ regNew: Array(12).fill(0), numNew: Array(12).fill(0), served: Array(12).fill(0), occurrences: Array(12).fill(0) });

export type Mode = ProrateMode;
export type { Colour };
export type Thresholds = ColourThresholds;
export { DEFAULT_THRESHOLDS };

const sumTo = (xs: number[], month: number) => xs.slice(0, month).reduce((a, b) => a + b, 0);

/** The numerator of a period: first services through M (ytd) or people served in M; occurrences for counting indicators. */
export function numeratorOf(def: Pick<IndicatorDef, 'countsOccurrences'>, s: MonthlySums, month: number, mode: Mode): number {
  if (def.countsOccurrences) return mode === 'ytd' ? sumTo(s.occurrences, month) : s.occurrences[month - 1]!;
  return mode === 'ytd' ? sumTo(s.numNew, month) : s.served[month - 1]!;
}

/** People in the by-name register by the end of month M. */
export const registerOf = (s: MonthlySums, month: number): number => sumTo(s.regNew, month);

/** The estimated denominator of a period: the annual sasaran, or a twelfth of it for a month's own figure. */
export function estimatedOf(annual: number | null, month: number, mode: Mode): number | null {
  if (annual === null) return null;
  return mode === 'ytd' ? annual : proratedTarget(annual, month, 'month');
}

/** The target to date: annual target × M / 12 for year to date (PWS), the target itself for a month's own figure. */
export function targetToDateOf(target: number | null, month: number, mode: Mode): number | null {
  if (target === null) return null;
  return mode === 'ytd' ? proratedTarget(target, month, 'ytd') : target;
}

export const percent = (num: number, den: number | null): number | null => (den === null || den <= 0 ? null : Math.round((num / den) * 1000) / 10);

/** Rising, falling or flat: month M's own figure against month M − 1's (the PWS status matrix); null in January. */
export function trendOf(def: Pick<IndicatorDef, 'countsOccurrences'>, s: MonthlySums, month: number): 'up' | 'down' | 'flat' | null {
  if (month <= 1) return null;
  return trendBetween(numeratorOf(def, s, month, 'month'), numeratorOf(def, s, month - 1, 'month'));
}

export interface Figures {
  numerator: number;
  denominatorEstimated: number | null;
  denominatorRegister: number | null;
  coverageEstimated: number | null;
  coverageRegister: number | null;
  target: number | null;
  targetToDate: number | null;
  colour: Colour | null;
}

/**
 * One indicator's figures for a period. `ratioSums` are the sums of the
 * indicator a ratio divides by (SKDN D/S: S); `annualSasaran` the estimated
 * annual target group of the area (null when none is known).
 */
export function figuresOf(
  def: IndicatorDef, s: MonthlySums, month: number, mode: Mode, annualSasaran: number | null, ratioSums: MonthlySums | null,
  ratioDef: IndicatorDef | null, thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Figures {
  const numerator = numeratorOf(def, s, month, mode);
  const targetToDate = targetToDateOf(def.target, month, mode);
  if (def.kind === 'count') {
    return { numerator, denominatorEstimated: null, denominatorRegister: null, coverageEstimated: null, coverageRegister: null, target: def.target, targetToDate, colour: null };
  }
  if (def.kind === 'ratio') {
    const den = ratioSums && ratioDef ? numeratorOf(ratioDef, ratioSums, month, mode) : null;
    const coverage = percent(numerator, den);
    return {
      numerator, denominatorEstimated: null, denominatorRegister: den, coverageEstimated: null, coverageRegister: coverage, target: def.target,
      targetToDate: def.target, colour: colourOf(coverage, def.target, thresholds, def.better),
    };
  }
  const denominatorEstimated = estimatedOf(annualSasaran, month, mode);
  const denominatorRegister = registerOf(s, month);
  const coverageEstimated = percent(numerator, denominatorEstimated);
  const coverageRegister = percent(numerator, denominatorRegister);
  // Against the estimate where one is known (PWS), else against the register.
  const colour = colourOf(coverageEstimated ?? coverageRegister, coverageEstimated !== null ? targetToDate : def.target, thresholds, def.better);
  return {
    numerator, denominatorEstimated: denominatorEstimated === null ? null : Math.round(denominatorEstimated * 10) / 10, denominatorRegister,
    coverageEstimated, coverageRegister, target: def.target, targetToDate: targetToDate === null ? null : Math.round(targetToDate * 10) / 10, colour,
  };
}
