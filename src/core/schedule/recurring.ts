/**
 * Evaluators for recurring items: one instance per calendar month / listed
 * month / calendar year / ISO week / school year while the person is eligible,
 * chained intervals (every N years), and one per contact day. Past instances
 * back to `fromDay` are reported, plus the next upcoming one.
 */
import { eligibleDays } from '../lifecycle/eligibility';
import type { Intervals } from '../lifecycle/intervals';
import { addOffset, civilFromDay, dayFromCivil, daysInMonth, isoFromDay } from '../protocol/offset';
import { FIRST_GRADE, LAST_GRADE, schoolYearBounds } from '../lifecycle/school-grade';
import { emit, keyOf, type CompiledItem, type EvalCtx } from './emit';
import { matchAll } from './match';
import type { Evaluator } from './once';

const P2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// Period labels repeat across people (same months, years): build each string once.
const monthLabels = new Map<number, string>();
function monthLabel(y: number, m: number): string {
  const k = y * 12 + m;
  let s = monthLabels.get(k);
  if (s === undefined) monthLabels.set(k, (s = `${y}-${P2(m)}`));
  return s;
}
const yearLabels = new Map<number, string>();
function yearLabel(y: number): string {
  let s = yearLabels.get(y);
  if (s === undefined) yearLabels.set(y, (s = String(y)));
  return s;
}

// clip() writes its result here instead of allocating a pair (hot loop).
let clipLo = 0;
let clipHi = 0;

/** The eligible part of [a, b] → clipLo..clipHi; false when none. */
function clip(elig: Intervals, a: number, b: number): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [x, y] of elig) {
    if (y < a) continue;
    if (x > b) break;
    const from = x > a ? x : a;
    const to = y < b ? y : b;
    if (from < lo) lo = from;
    if (to > hi) hi = to;
  }
  clipLo = lo;
  clipHi = hi;
  return lo <= hi;
}

function variantOf(c: CompiledItem, ec: EvalCtx, day: number): string | undefined {
  for (const v of c.item.variants ?? []) {
    if (day >= ec.life.age(v.ageFrom) && day < ec.life.age(v.ageTo)) return v.id;
  }
  return undefined;
}

type PeriodKind = 'month' | 'year' | 'week';

/**
 * Walks calendar periods from the first reportable day and emits the eligible
 * part of each; stops after the first upcoming instance or past the horizon.
 */
function walk(ec: EvalCtx, c: CompiledItem, elig: Intervals, kind: PeriodKind, months: ReadonlySet<number> | null): void {
  if (elig.length === 0) return;
  const lastEligible = elig[elig.length - 1]![1];
  // Start at the beginning of the period holding the first reportable day: the
  // history cut-off (fromDay) limits which instances are reported, never a window.
  let day = Math.max(elig[0]![0], ec.fromDay, ec.life.birthDay);
  // Civil year/month of `day`, advanced incrementally (no day→civil per period).
  let [cy, cm] = civilFromDay(day);
  if (kind === 'year') day = dayFromCivil(cy, 1, 1);
  else if (kind === 'month') day = dayFromCivil(cy, cm, 1);
  else day -= (((day + 3) % 7) + 7) % 7;
  for (;;) {
    let ps: number;
    let pe: number;
    let label: string;
    if (kind === 'year') {
      ps = day;
      pe = dayFromCivil(cy, 12, 31);
      label = yearLabel(cy);
      cy += 1;
    } else if (kind === 'week') {
      // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
      const monday = day - ((((day + 3) % 7) + 7) % 7);
      ps = day;
      pe = monday + 6;
      label = `W${isoFromDay(monday)}`;
    } else {
      let jumped = false;
      // Jump to the next listed month.
      for (let i = 0; months && !months.has(cm) && i < 12; i++) {
        if (cm === 12) {
          cy += 1;
          cm = 1;
        } else cm += 1;
        jumped = true;
      }
      const s = dayFromCivil(cy, cm, 1);
      ps = jumped ? s : day;
      pe = s + daysInMonth(cy, cm) - 1;
      label = monthLabel(cy, cm);
      if (cm === 12) {
        cy += 1;
        cm = 1;
      } else cm += 1;
    }
    if (ps > ec.horizonDay || ps > lastEligible) return;
    if (clip(elig, ps, pe) && clipHi >= ec.fromDay) {
      const e = clipLo;
      const l = clipHi;
      const variant = c.item.variants ? variantOf(c, ec, e) : undefined;
      emit(ec, c, keyOf(c, label), e, l, l, matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay)), label, undefined, undefined, variant);
      if (e > ec.onDay) return; // the next upcoming one is enough
    }
    day = pe + 1;
  }
}

export function recurringEvaluator(c: CompiledItem): Evaluator {
  const t = c.item.timing;
  switch (t.kind) {
    case 'monthly':
    case 'months-of-year': {
      const months = t.kind === 'monthly' ? null : new Set(t.months);
      return (ec) => walk(ec, c, eligibleDays(c.eligibility, ec.life), 'month', months);
    }
    case 'yearly':
      return (ec) => walk(ec, c, eligibleDays(c.eligibility, ec.life), 'year', null);
    case 'weekly':
      return (ec) => walk(ec, c, eligibleDays(c.eligibility, ec.life), 'week', null);
    case 'school-grade': {
      const grades = t.grades.filter((g) => g >= FIRST_GRADE && g <= LAST_GRADE);
      return (ec) => {
        const elig = eligibleDays(c.eligibility, ec.life);
        if (!elig.length) return;
        const startMonth = ec.life.settings.school.schoolYearStartMonth;
        for (const g of grades) {
          const year = ec.life.gradeZeroYear + g;
          const [ps, pe] = schoolYearBounds(year, startMonth);
          if (ps > ec.horizonDay || pe < ec.fromDay) continue;
          if (!clip(elig, ps, pe) || clipHi < ec.fromDay) continue;
          const e = clipLo;
          const l = clipHi;
          let d = l;
          if (t.month !== undefined) {
            const y = t.month >= startMonth ? year : year + 1;
            d = Math.min(Math.max(dayFromCivil(y, t.month, daysInMonth(y, t.month)), e), l);
          }
          const label = `SY${year}`;
          emit(ec, c, keyOf(c, label), e, d, l, matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay)), label);
        }
      };
    }
    case 'every':
      return (ec) => {
        const elig = eligibleDays(c.eligibility, ec.life);
        if (!elig.length) return;
        const lastEligible = elig[elig.length - 1]![1];
        let s = elig[0]![0];
        while (s <= lastEligible && s <= ec.horizonDay) {
          if (!clip(elig, s, addOffset(s, t.interval) - 1)) {
            // An eligibility gap: resume at the next eligible day.
            const nextIv = elig.find(([a]) => a > s);
            if (!nextIv) return;
            s = nextIv[0];
            continue;
          }
          const e = clipLo;
          const l = clipHi;
          const sat = matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay));
          if (l >= ec.fromDay) {
            const label = isoFromDay(e);
            emit(ec, c, keyOf(c, label), e, l, l, sat, label);
            if (e > ec.onDay) return;
          }
          // The next window opens one interval after the satisfying event, or when this one closes.
          s = sat ? addOffset(sat.event.day, t.interval) : l + 1;
        }
      };
    case 'per-contact':
      return (ec) => {
        const elig = eligibleDays(c.eligibility, ec.life);
        if (!elig.length) return;
        for (const day of ec.idx.contactDays()) {
          if (day < ec.fromDay) continue;
          if (!clip(elig, day, day)) continue;
          const label = `C${isoFromDay(day)}`;
          emit(ec, c, keyOf(c, label), day, day, day, matchAll(c.groups, ec.idx, day, day), label);
        }
      };
    default:
      throw new Error(`not a recurring timing: ${t.kind}`);
  }
}

