/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), the unit the
 * engine works in. Same semantics as time/dates.ts (months clamp to the month
 * end) but without Date objects or regexes, because the schedule engine does
 * this thousands of times per person list. Algorithms: H. Hinnant,
 * "chrono-compatible low-level date algorithms".
 */
import type { Offset } from './types';

export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1–12, day] of a day number. */
export function civilFromDay(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Adds calendar months, clamping the day to the month end (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDay(day: number, months: number): number {
  if (months === 0) return day;
  const [y, m, d] = civilFromDay(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Years and months first (one clamped step), then weeks and days. */
export function addOffset(day: number, o: Offset): number {
  const months = (o.years ?? 0) * 12 + (o.months ?? 0);
  return addMonthsToDay(day, months) + (o.weeks ?? 0) * 7 + (o.days ?? 0);
}

/** Completed calendar months ("bulan penuh"), same rule as time/dates.completedMonths. */
export function completedMonthsAt(birthDay: number, day: number): number {
  const [by, bm, bd] = civilFromDay(birthDay);
  const [y, m, d] = civilFromDay(day);
  const months = (y - by) * 12 + (m - bm);
  return d < Math.min(bd, daysInMonth(y, m)) ? months - 1 : months;
}

const P2 = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

export function isoFromDay(day: number): string {
  const [y, m, d] = civilFromDay(day);
  const ys = y >= 1000 && y <= 9999 ? String(y) : String(y).padStart(4, '0');
  return `${ys}-${P2[m]}-${P2[d]}`;
}

/** Parses a YYYY-MM-DD string; NaN when malformed or not a real date. */
export function dayFromIso(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return dayFromCivil(y, m, d);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
