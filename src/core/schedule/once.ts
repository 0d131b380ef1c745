/**
 * Evaluators for one-off items: relative to birth, to a condition onset, to a
 * pregnancy (gestational windows, the delivery), to a delivery (KF) or
 * during a condition episode (catin).
 */
import { eligibleDays } from '../lifecycle/eligibility';
import { intersect } from '../lifecycle/intervals';
import { addOffset, isoFromDay } from '../protocol/offset';
import { EPISODE_MAX_DAYS, NAEGELE } from '../protocol/pregnancy';
import { emit, inRange, type CompiledItem, type EvalCtx } from './emit';
import { distinctDays, matchAll, type Satisfaction } from './match';

export type Evaluator = (ec: EvalCtx) => void;

export function onceEvaluator(c: CompiledItem): Evaluator {
  const t = c.item.timing;
  switch (t.kind) {
    case 'age':
      return (ec) => {
        const e = ec.life.age(t.earliest);
        const l = ec.life.age(t.latest);
        if (!inRange(ec, e, l)) return;
        if (c.eligibility && intersect(eligibleDays(c.eligibility, ec.life), [[e, l]]).length === 0) return;
        emit(ec, c, c.id, e, ec.life.age(t.due), l, matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay)));
      };
    case 'condition-onset':
      return (ec) => {
        for (const start of ec.life.onsets.get(t.condition) ?? []) {
          const e = addOffset(start, t.earliest);
          const l = addOffset(start, t.latest);
          if (!inRange(ec, e, l)) continue;
          const ep = isoFromDay(start);
          emit(ec, c, `${c.id}@${ep}`, e, addOffset(start, t.due), l, matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay)), undefined, ep);
        }
      };
    case 'episode':
      return (ec) => {
        for (const [a, b] of ec.life.conditions.get(t.condition) ?? []) {
          // An open episode (no end yet) stays due through the evaluation date.
          const l = b === Infinity ? Math.max(ec.onDay, a) : b;
          if (!inRange(ec, a, l)) continue;
          const ep = isoFromDay(a);
          emit(ec, c, `${c.id}@${ep}`, a, l, l, matchAll(c.groups, ec.idx, a, Math.min(l, ec.onDay)), undefined, ep);
        }
      };
    case 'gestation':
      return (ec) => {
        for (const p of ec.life.pregnancies) {
          const s = p.startDay;
          const e = s + t.fromDay;
          const nominalL = t.toDay !== undefined ? s + t.toDay : s + EPISODE_MAX_DAYS - 1;
          const l = Math.min(nominalL, p.endDay - 1);
          const key = `${c.id}@${p.id}`;
          if (e > l) {
            // The pregnancy ended before this window opened.
            const nd = t.dueDay !== undefined ? Math.min(s + t.dueDay, nominalL) : nominalL;
            if (p.end !== 'open' && inRange(ec, e, nominalL)) emit(ec, c, key, e, nd, nominalL, null, undefined, p.id, undefined, undefined, 'pregnancy-ended');
            continue;
          }
          if (!inRange(ec, e, l)) continue;
          const d = t.dueDay !== undefined ? Math.min(s + t.dueDay, l) : l;
          const hi = Math.min(l, ec.onDay);
          let sat: Satisfaction | null;
          if (t.slot) {
            const ev = distinctDays(c.groups[0]!, ec.idx, e, hi)[t.slot.order - 1];
            sat = ev ? { event: ev, others: [] } : null;
          } else sat = matchAll(c.groups, ec.idx, e, hi);
          emit(ec, c, key, e, d, l, sat, undefined, p.id);
        }
      };
    case 'delivery':
      return (ec) => {
        for (const p of ec.life.pregnancies) {
          const s = p.startDay;
          const key = `${c.id}@${p.id}`;
          const hpl = addOffset(s, NAEGELE);
          if (p.end === 'ended') {
            const nl = s + EPISODE_MAX_DAYS - 1;
            if (inRange(ec, s, nl)) emit(ec, c, key, s, Math.min(hpl, nl), nl, null, undefined, p.id, undefined, undefined, 'pregnancy-ended');
            continue;
          }
          const l = p.end === 'delivered' ? p.endDay : p.endDay - 1;
          if (!inRange(ec, s, l)) continue;
          emit(ec, c, key, s, Math.min(hpl, l), l, matchAll(c.groups, ec.idx, s, Math.min(l, ec.onDay)), undefined, p.id);
        }
      };
    case 'postpartum':
      return (ec) => {
        for (const p of ec.life.pregnancies) {
          if (p.deliveryDay === null) continue;
          const e = p.deliveryDay + t.fromDay;
          const l = p.deliveryDay + t.toDay;
          if (!inRange(ec, e, l)) continue;
          emit(ec, c, `${c.id}@${p.id}`, e, l, l, matchAll(c.groups, ec.idx, e, Math.min(l, ec.onDay)), undefined, p.id);
        }
      };
    default:
      throw new Error(`not a one-off timing: ${t.kind}`);
  }
}
