/**
 * Evaluators for recurring items: one instance per calendar month / listed
 * month / calendar year / ISO week / school year while the person is eligible,
 * chained intervals (every N years), and one per contact day. Past instances
 * back to `fromDay` are reported, plus the next upcoming one.
 */
import { eligibleDays } from '../lifecycle/eligibility';
import type { Intervals } from '../lifecycle/intervals';
import { addOffset, civilFromDay, dayFromCivil, daysInMonth, isoFromDay } from '../protocol/offset';
import { schoolYearBounds } from '../lifecycle/school-grade';
import { emit, type CompiledItem, type EvalCtx, type Extra } from './emit';
import { matchAll } from './match';
import type { Evaluator } from './once';

const P2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The eligible part of [a, b]: first and last eligible day, or null. */
function clip(elig: Intervals, a: number, b: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [x, y] of elig) {
    if (y < a) continue;
    if (x > b) break;
    lo = Math.min(lo, Math.max(x, a));
    hi = Math.max(hi, Math.min(y, b));
  }
  return lo <= hi ? [lo, hi] : null;
}

function variantOf(c: CompiledItem, birthDay: number, day: number): string | undefined {
  for (const v of c.item.variants ?? []) {
    if (day >= addOffset(birthDay, v.ageFrom) && day < addOffset(birthDay, v.ageTo)) return v.id;
  }
  return undefined;
}

/**
 * Walks periods [pStart, pEnd] in order and emits the eligible part of each;
 * stops after the first upcoming instance or past the horizon.
 */
function walk(
  ec: EvalCtx, c: CompiledItem, elig: Intervals, firstPeriodStart: number,
  next: (pStart: number) => [number, number, string] | null,
  dueOf?: (e: number, l: number, label: string) => number,
): void {
  if (elig.length === 0) return;
  const lastEligible = elig[elig.length - 1]![1];
  let p = next(firstPeriodStart);
  while (p) {
    const [ps, pe, label] = p;
    if (ps > ec.horizonDay || ps > lastEligible) return;
    const w = clip(elig, ps, pe);
    if (w && w[1] >= ec.fromDay) {
      const [e, l] = w;
      const d = dueOf ? Math.min(Math.max(dueOf(e, l, label), e), l) : l;
      const extra: Extra = { period: label };
      const v = c.item.variants ? variantOf(c, ec.life.birthDay, e) : undefined;
      if (v) extra.variant = v;
      emit(ec, c, `${c.id}@${label}`, e, d, l, matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay)), extra);
      if (e > ec.onDay) return; // the next upcoming one is enough
    }
    p = next(pe + 1);
  }
}

function startDay(ec: EvalCtx, elig: Intervals): number {
  return Math.max(elig[0]![0], ec.fromDay, ec.life.birthDay);
}

export function recurringEvaluator(c: CompiledItem): Evaluator {
  const t = c.item.timing;
  switch (t.kind) {
    case 'monthly':
    case 'months-of-year': {
      const months = t.kind === 'monthly' ? null : new Set(t.months);
      return (ec) => {
        const elig = eligibleDays(c.item.eligibility, ec.life);
        if (!elig.length) return;
        walk(ec, c, elig, startDay(ec, elig), (day) => {
          let [y, m] = civilFromDay(day);
          // Jump to the next listed month.
          for (let i = 0; months && !months.has(m) && i < 12; i++) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
          const s = dayFromCivil(y, m, 1);
          return [Math.max(s, day), s + daysInMonth(y, m) - 1, `${y}-${P2(m)}`];
        });
      };
    }
    case 'yearly':
      return (ec) => {
        const elig = eligibleDays(c.item.eligibility, ec.life);
        if (!elig.length) return;
        walk(ec, c, elig, startDay(ec, elig), (day) => {
          const y = civilFromDay(day)[0];
          return [day, dayFromCivil(y, 12, 31), String(y)];
        });
      };
    case 'weekly':
      return (ec) => {
        const elig = eligibleDays(c.item.eligibility, ec.life);
        if (!elig.length) return;
        walk(ec, c, elig, startDay(ec, elig), (day) => {
          // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
          const monday = day - (((day + 3) % 7) + 7) % 7;
          return [day, monday + 6, `W${isoFromDay(monday)}`];
        });
      };
    case 'school-grade': {
      const grades = new Set(t.grades);
      return (ec) => {
        const elig = eligibleDays(c.item.eligibility, ec.life);
        if (!elig.length) return;
        const startMonth = ec.life.settings.school.schoolYearStartMonth;
        for (const { year, grade } of ec.life.schoolYears()) {
          if (!grades.has(grade)) continue;
          const [ps, pe] = schoolYearBounds(year, startMonth);
          if (ps > ec.horizonDay) break;
          const w = clip(elig, ps, pe);
          if (!w || w[1] < ec.fromDay) continue;
          const [e, l] = w;
          let d = l;
          if (t.month !== undefined) {
            const y = t.month >= startMonth ? year : year + 1;
            d = Math.min(Math.max(dayFromCivil(y, t.month, daysInMonth(y, t.month)), e), l);
          }
          const label = `SY${year}`;
          emit(ec, c, `${c.id}@${label}`, e, d, l, matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay)), { period: label });
        }
      };
    }
    case 'every':
      return (ec) => {
        const elig = eligibleDays(c.item.eligibility, ec.life);
        if (!elig.length) return;
        const lastEligible = elig[elig.length - 1]![1];
        let s = elig[0]![0];
        while (s <= lastEligible && s <= ec.horizonDay) {
          const w = clip(elig, s, addOffset(s, t.interval) - 1);
          if (!w) {
            // An eligibility gap: resume at the next eligible day.
            const nextIv = elig.find(([a]) => a > s);
            if (!nextIv) return;
            s = nextIv[0];
            continue;
          }
          const [e, l] = w;
          const sat = matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay));
          if (l >= ec.fromDay) {
            const label = isoFromDay(e);
            emit(ec, c, `${c.id}@${label}`, e, l, l, sat, { period: label });
            if (e > ec.onDay) return;
          }
          // The next window opens one interval after the satisfying event, or when this one closes.
          s = sat ? addOffset(sat.event.day, t.interval) : l + 1;
        }
      };
    case 'per-contact':
      return (ec) => {
        const elig = eligibleDays(c.item.eligibility, ec.life);
        if (!elig.length) return;
        for (const day of ec.idx.contactDays) {
          if (day < ec.fromDay) continue;
          if (!clip(elig, day, day)) continue;
          const label = `C${isoFromDay(day)}`;
          emit(ec, c, `${c.id}@${label}`, day, day, day, matchAll(c.groups, ec.idx, day, day), { period: label });
        }
      };
    default:
      throw new Error(`not a recurring timing: ${t.kind}`);
  }
}

