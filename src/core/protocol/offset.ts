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

// One-entry memo of the last base day's civil date: the engine adds many
// offsets to the same birth date in a row.
let memoDay = NaN;
let memoY = 0;
let memoM = 0;
let memoD = 0;

/** Adds calendar months, clamping the day to the month end (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDay(day: number, months: number): number {
  if (months === 0) return day;
  if (day !== memoDay) {
    [memoY, memoM, memoD] = civilFromDay(day);
    memoDay = day;
  }
  const y = memoY;
  const m = memoM;
  const d = memoD;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** An offset's largest possible length in days (for cheap "cannot apply" checks). */
export function offsetMaxDays(o: Offset): number {
  const months = (o.years ?? 0) * 12 + (o.months ?? 0);
  return months * (months >= 0 ? 31 : 28) + (o.weeks ?? 0) * 7 + (o.days ?? 0);
}

/** An offset's smallest possible length in days. */
export function offsetMinDays(o: Offset): number {
  const months = (o.years ?? 0) * 12 + (o.months ?? 0);
  return months * (months >= 0 ? 28 : 31) + (o.weeks ?? 0) * 7 + (o.days ?? 0);
}

/** addOffset from a civil date already split into (y, m, d): no day→civil conversion. */
export function addOffsetToCivil(y: number, m: number, d: number, o: Offset): number {
  const months = (o.years ?? 0) * 12 + (o.months ?? 0);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm))) + (o.weeks ?? 0) * 7 + (o.days ?? 0);
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

// ISO strings built once per day and kept in an array indexed by day
// (1900–2149), so the engine's thousands of window dates cost an index read.
const ISO_BASE = -25567; // 1900-01-01
const ISO_SPAN = 91311; // to 2149-12-31
// Filled with '' (not holes) so the array stays in V8's fast packed mode.
const isoCache: string[] = new Array<string>(ISO_SPAN).fill('');

function buildIso(day: number): string {
  const [y, m, d] = civilFromDay(day);
  const ys = y >= 1000 && y <= 9999 ? String(y) : String(y).padStart(4, '0');
  return `${ys}-${P2[m]}-${P2[d]}`;
}

export function isoFromDay(day: number): string {
  const i = day - ISO_BASE;
  if (i < 0 || i >= ISO_SPAN) return buildIso(day);
  const hit = isoCache[i]!;
  if (hit !== '') return hit;
  return (isoCache[i] = buildIso(day));
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
