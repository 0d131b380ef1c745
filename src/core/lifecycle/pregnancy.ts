/**
 * A pregnancy episode: start (HPHT, or back-computed from a gestational age
 * at registration), gestational age in weeks+days, HPL by Naegele, trimester,
 * and the end — a delivery, an end date (abortus / closed), or the 44-week
 * limit after which an open episode is treated as ended (SS-ANC).
 * Facts dated after the day being evaluated are ignored (time travel).
 */
import type { IsoDate } from '../time/dates';
import { addOffset, dayFromIso, isoFromDay } from '../protocol/offset';
import { EPISODE_MAX_DAYS, NAEGELE, TRIMESTER_LAST_DAY } from '../protocol/pregnancy';
import type { PregnancyFacts } from './person';
import { validatePregnancy } from './person';

const WEEK = 7;

export type Trimester = 1 | 2 | 3;
export type PregnancyEnd = 'delivered' | 'ended' | 'expired' | 'open';

export interface ResolvedPregnancy {
  id: string;
  startDay: number;
  /** First day the pregnancy is no longer ongoing (delivery day, end day, or the 44-week limit). */
  endDay: number;
  /** `open`: ongoing on the evaluation day; endDay is then the 44-week limit. */
  end: PregnancyEnd;
  /** The delivery that starts the postpartum period (a birth, live or still). */
  deliveryDay: number | null;
  facts: PregnancyFacts;
}

/** HPHT as a day number, or null when neither HPHT nor a gestational age is usable. */
export function pregnancyStartDay(p: PregnancyFacts): number | null {
  if (validatePregnancy(p).length) return null;
  if (p.hpht != null) return dayFromIso(p.hpht);
  const ga = p.gestationalAge!;
  return dayFromIso(ga.on) - (ga.weeks * WEEK + (ga.days ?? 0));
}

/** The episode as known on `onDay`; null if it has not started by then or is invalid. */
export function resolvePregnancy(p: PregnancyFacts, onDay: number): ResolvedPregnancy | null {
  const start = pregnancyStartDay(p);
  if (start === null || start > onDay) return null;
  const limit = start + EPISODE_MAX_DAYS;
  const known = (d: IsoDate | null | undefined) => {
    if (d == null) return null;
    const day = dayFromIso(d);
    return day <= onDay && day >= start ? day : null;
  };
  const delivered = known(p.deliveredOn);
  const ended = known(p.endedOn);
  if (delivered !== null && p.outcome !== 'abortion' && delivered < limit) {
    return { id: p.id, startDay: start, endDay: delivered, end: 'delivered', deliveryDay: delivered, facts: p };
  }
  const stop = delivered ?? ended;
  if (stop !== null && stop < limit) return { id: p.id, startDay: start, endDay: stop, end: 'ended', deliveryDay: null, facts: p };
  return { id: p.id, startDay: start, endDay: limit, end: onDay >= limit ? 'expired' : 'open', deliveryDay: null, facts: p };
}

/** Trimester of a gestational age in days — KMK §IV.A.1.a. */
export function trimesterOfDay(gaDays: number): Trimester {
  return gaDays <= TRIMESTER_LAST_DAY.tm1 ? 1 : gaDays <= TRIMESTER_LAST_DAY.tm2 ? 2 : 3;
}

export interface GestationalAge {
  weeks: number;
  days: number;
  totalDays: number;
}

export function gestationalAgeFromDays(totalDays: number): GestationalAge {
  return { weeks: Math.floor(totalDays / WEEK), days: totalDays % WEEK, totalDays };
}

/** HPL (estimated delivery date) by Naegele's rule. */
export function hplOf(p: PregnancyFacts): IsoDate | null {
  const start = pregnancyStartDay(p);
  return start === null ? null : isoFromDay(addOffset(start, NAEGELE));
}

export type PregnancyState = 'ongoing' | 'delivered' | 'ended' | 'expired';

export interface PregnancySummary {
  id: string;
  hpht: IsoDate;
  hpl: IsoDate;
  state: PregnancyState;
  /** While ongoing. */
  gestationalAge?: GestationalAge;
  trimester?: Trimester;
  /** When no longer ongoing: the delivery/end date or the 44-week limit. */
  endedOn?: IsoDate;
  /** Days since delivery (0 on the delivery day), when delivered. */
  postpartumDay?: number;
}

/** The pregnancy as seen on a date; null before it started or when its facts are invalid. */
export function pregnancyOn(p: PregnancyFacts, on: IsoDate): PregnancySummary | null {
  const onDay = dayFromIso(on);
  const r = resolvePregnancy(p, onDay);
  if (!r) return null;
  const base = { id: r.id, hpht: isoFromDay(r.startDay), hpl: isoFromDay(addOffset(r.startDay, NAEGELE)) };
  if (r.end === 'open') {
    const ga = onDay - r.startDay;
    return { ...base, state: 'ongoing', gestationalAge: gestationalAgeFromDays(ga), trimester: trimesterOfDay(ga) };
  }
  const state: PregnancyState = r.end;
  return {
    ...base, state, endedOn: isoFromDay(r.endDay),
    ...(r.deliveryDay !== null ? { postpartumDay: onDay - r.deliveryDay } : {}),
  };
}

/** Gestational age on a date, or null when not pregnant that day. */
export function gestationalAgeOn(p: PregnancyFacts, on: IsoDate): GestationalAge | null {
  return pregnancyOn(p, on)?.gestationalAge ?? null;
}
