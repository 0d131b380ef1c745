/**
 * Calendar dates as ISO strings (YYYY-MM-DD) and as day numbers (days since
 * 1970-01-01). Clinical rules work on dates, never on local times, so a
 * schedule computed on a phone in WITA equals the one computed on the server.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** Days since 1970-01-01 for an ISO date. Throws on a malformed date. */
export function toDayNumber(iso: IsoDate): number {
  const m = ISO_DATE.exec(iso);
  if (!m || !isIsoDate(iso)) throw new RangeError(`invalid date: ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function parts(iso: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`invalid date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Calendar months; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(iso);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  const d = Math.min(day, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addYears(iso: IsoDate, years: number): IsoDate {
  return addMonths(iso, years * 12);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Age in whole days on a date (0 on the birth date). */
export function ageInDays(birth: IsoDate, on: IsoDate): number {
  return daysBetween(birth, on);
}

/**
 * Completed calendar months ("bulan penuh"): 8 months 10 days = 8 months.
 * Source: Kemenkes/BPPSDM module Penilaian Status Gizi, cited in
 * ../shared/docs/reference/reference-data.md §1 ("Age").
 */
export function completedMonths(birth: IsoDate, on: IsoDate): number {
  const b = parts(birth);
  const o = parts(on);
  let months = (o.year - b.year) * 12 + (o.month - b.month);
  // A birthday on the 31st is reached on the last day of a shorter month.
  const anniversaryDay = Math.min(b.day, daysInMonth(o.year, o.month));
  if (o.day < anniversaryDay) months -= 1;
  return months;
}

export function completedYears(birth: IsoDate, on: IsoDate): number {
  return Math.floor(completedMonths(birth, on) / 12);
}

/** Today's date in a given IANA time zone (Indonesia spans WIB, WITA, WIT). */
// One formatter per time zone: building one costs ~0.3 ms, and the server asks for "today" on every request.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone = 'Asia/Jakarta', now: Date = new Date()): IsoDate {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(now);
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
