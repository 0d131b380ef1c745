/**
 * Vaccine dose series. Doses are assigned greedily in order: each dose takes
 * the earliest unused event of the antigen inside its window, where the window
 * opens at the recommended age or at the minimum interval after the previous
 * dose, whichever is later. An event carrying a dose number only fits that
 * dose. When the previous dose is not yet given, the next one can open at the
 * earliest one interval after today (catch-up planning).
 *
 * T status (Td for WUS): a status screening whose value is v credits doses
 * 1..v on its date. Each dose is credited by the earliest screening that
 * covers it within the dose's window (a later screening with a higher value
 * adds doses; it does not take back what an earlier one credited). A dose
 * takes only events recorded before its crediting screening; events on or
 * after it count for later doses. After a credited dose the next may be given
 * from the screening date (the worker has checked the real date of the last
 * dose in the Buku KIA).
 */
import type { Concept } from '../codes/concepts';
import { eligibleDays } from '../lifecycle/eligibility';
import { intersect } from '../lifecycle/intervals';
import { addOffset } from '../protocol/offset';
import type { Offset } from '../protocol/types';
import { emit, inRange, type CompiledItem, type EvalCtx } from './emit';
import type { IndexedEvent } from './event-index';
import type { Evaluator } from './once';

interface DoseSpec {
  c: CompiledItem;
  dose: number;
  earliest: Offset;
  due: Offset;
  latest: Offset;
  after: Offset | null;
}

const MAX_CREDIT = 99;

export function seriesEvaluator(items: CompiledItem[]): Evaluator {
  const specs: DoseSpec[] = items.map((c) => {
    const t = c.item.timing;
    if (t.kind !== 'dose') throw new Error(`not a dose: ${c.id}`);
    return { c, dose: t.dose, earliest: t.earliest, due: t.due, latest: t.latest, after: t.after?.minInterval ?? null };
  }).sort((a, b) => a.dose - b.dose);
  const first = items[0]!.item;
  const t0 = first.timing as Extract<typeof first.timing, { kind: 'dose' }>;
  const antigen: Concept = t0.antigen;
  const creditConcept: Concept | undefined = t0.credit;
  const eligibility = items[0]!.eligibility;

  return (ec: EvalCtx) => {
    const spans = eligibility ? eligibleDays(eligibility, ec.life) : null;
    if (spans && intersect(spans, [[ec.fromDay, ec.onDay]]).length === 0) return;
    // A dose gated by a condition (Td for the pregnant, catin, PUS) is owed from the
    // start of the condition in force, not from the age window's start (a woman
    // first pregnant at 30 is not "overdue since 15").
    let gateStart = -Infinity;
    if (spans) for (const [a] of spans) if (a <= ec.onDay && a > gateStart) gateStart = a;
    const events = ec.idx.byConcept.get(antigen) ?? [];
    const used = new Uint8Array(events.length);
    // Usable status screenings, in date order (the index keeps a concept's events by day).
    const screenings: IndexedEvent[] = [];
    if (creditConcept) {
      for (const e of ec.idx.byConcept.get(creditConcept) ?? []) {
        const v = e.valueNum;
        if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_CREDIT) screenings.push(e);
      }
    }
    // Earliest day the next dose may be given, given what happened to the previous one.
    let prereq: number | null = null;
    let prevOpen: number | null = null;
    for (let k = 0; k < specs.length; k++) {
      const s = specs[k]!;
      let e = ec.life.age(s.earliest);
      if (s.after) {
        if (prereq !== null) e = Math.max(e, prereq);
        else if (prevOpen !== null) e = Math.max(e, addOffset(Math.max(ec.onDay, prevOpen), s.after));
      }
      const l = ec.life.age(s.latest);
      const d = Math.max(ec.life.age(s.due), e);
      // The earliest screening covering this dose while the dose still counts (by its latest day).
      const credit = screenings.find((x) => x.valueNum! >= s.dose && x.day <= l) ?? null;
      const credited = credit !== null;
      const hi = Math.min(l, ec.onDay, credited ? credit!.day - 1 : Infinity);
      let pick = -1;
      for (let i = 0; i < events.length; i++) {
        const ev = events[i]!;
        if (ev.day > hi) break;
        if (used[i] || ev.day < e) continue;
        if (ev.ordinal !== undefined && ev.ordinal !== s.dose) continue;
        pick = i;
        break;
      }
      const next = specs[k + 1];
      if (pick >= 0) {
        used[pick] = 1;
        const ev = events[pick]!;
        prereq = next?.after ? addOffset(ev.day, next.after) : ev.day;
        if (credited) prereq = Math.min(prereq, credit!.day);
        prevOpen = null;
        if (inRange(ec, e, l)) emit(ec, s.c, s.c.id, e, d, l, { event: ev, others: [] }, undefined, undefined, s.dose);
      } else if (credited) {
        prereq = credit!.day;
        prevOpen = null;
        // The window is widened back to the screening day when that came before the interval opened.
        const ce = Math.min(e, credit!.day);
        if (inRange(ec, ce, l)) emit(ec, s.c, s.c.id, ce, d, l, { event: credit!, others: [] }, undefined, undefined, s.dose);
      } else {
        prereq = null;
        e = Math.max(e, gateStart);
        const unreachable = e > l;
        prevOpen = unreachable ? l : e;
        if (unreachable) {
          if (inRange(ec, l, l)) emit(ec, s.c, s.c.id, l, l, l, null, undefined, undefined, s.dose, undefined, 'unreachable');
        } else if (inRange(ec, e, l)) emit(ec, s.c, s.c.id, e, Math.max(d, e), l, null, undefined, undefined, s.dose);
      }
    }
  };
}
