/**
 * Pure helpers of the PWS dashboards: periods with Indonesian month names,
 * the figure an indicator is judged by and bar widths against the prorated
 * target. (The PWS status baik/kurang/cukup/jelek is the PWS table's, from
 * core/indicators/colours.ts on the server.)
 */
import type { Figures, IndicatorView } from '../../api/indicators';

export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(locale: string, m: number): string {
  return (locale === 'en' ? MONTHS_EN : MONTHS_ID)[m - 1] ?? String(m);
}

export function isPeriod(p: string | null | undefined): p is string {
  return !!p && /^\d{4}-(0[1-9]|1[0-2])$/.test(p);
}

export function parsePeriod(p: string): { year: number; month: number } {
  return { year: Number(p.slice(0, 4)), month: Number(p.slice(5, 7)) };
}

export function periodOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** "Januari–Maret 2026" (year to date) or "Maret 2026" (the month). */
export function periodLabel(locale: string, period: string, mode: 'ytd' | 'month'): string {
  const { year, month } = parsePeriod(period);
  if (mode === 'month' || month === 1) return `${monthName(locale, month)} ${year}`;
  return `${monthName(locale, 1)}–${monthName(locale, month)} ${year}`;
}

/** The coverage a card shows: against the estimated target group when known, else the by-name register. */
export function mainCoverage(f: Figures): { value: number | null; basis: 'estimated' | 'register' | null } {
  if (f.coverageEstimated !== null) return { value: f.coverageEstimated, basis: 'estimated' };
  if (f.coverageRegister !== null) return { value: f.coverageRegister, basis: 'register' };
  return { value: null, basis: null };
}

/** Bar fill and target marker in percent of the bar's width (the bar spans 0 … max(target, coverage, 100)). */
export function coverageBar(coverage: number | null, targetToDate: number | null): { fill: number; marker: number | null } {
  const span = Math.max(100, coverage ?? 0, targetToDate ?? 0);
  return {
    fill: coverage === null ? 0 : Math.round((Math.max(0, coverage) / span) * 1000) / 10,
    marker: targetToDate === null ? null : Math.round((targetToDate / span) * 1000) / 10,
  };
}

/** Change of the main figure against last month ('up' | 'down' | 'flat'), as an arrow. */
export function trendArrow(trend: IndicatorView['trend']): string {
  return trend === 'up' ? '▲' : trend === 'down' ? '▼' : trend === 'flat' ? '▬' : '';
}
