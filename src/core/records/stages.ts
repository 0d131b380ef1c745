/**
 * The life-cycle stages of a person as date spans — the same stages
 * lifecycle/stages.ts `lifeCycleOn` reports for one day, laid out over time so
 * a stored state can answer "who is in stage X on day D" without the person's
 * events (a property test checks both agree). Spans of pregnancy and
 * registrations are those known on the day they are computed.
 */
import type { StageId } from '../protocol/types';
import { buildLifeContext } from '../lifecycle/context';
import type { PersonFacts } from '../lifecycle/person';
import { addOffset, dayFromIso, isoFromDay } from '../protocol/offset';
import type { ProtocolSettings } from '../protocol/settings';
import { AGE_STAGES, NIFAS_LAST_DAY } from '../protocol/stages';
import type { IsoDate } from '../time/dates';

export interface StageSpan {
  id: StageId;
  from: IsoDate;
  /** Inclusive; null = no known end. */
  to: IsoDate | null;
}

export function stageSpans(facts: PersonFacts, on: IsoDate, settings: ProtocolSettings): StageSpan[] {
  const { ctx } = buildLifeContext(facts, dayFromIso(on), settings);
  if (!ctx) return [];
  const b = ctx.birthDay;
  const span = (id: StageId, from: number, to: number): StageSpan => ({ id, from: isoFromDay(from), to: to === Infinity ? null : isoFromDay(to) });
  const out: StageSpan[] = AGE_STAGES.map((s) => span(s.id, addOffset(b, s.from), s.to ? addOffset(b, s.to) - 1 : Infinity));
  if (ctx.sex === 'F') out.push(span('wus', addOffset(b, { years: settings.wus.ageFrom }), addOffset(b, { years: settings.wus.ageTo }) - 1));
  for (const p of ctx.pregnancies) {
    out.push(span('hamil', p.startDay, p.endDay - 1));
    if (p.deliveryDay !== null) {
      out.push(span('bersalin', p.deliveryDay, p.deliveryDay));
      out.push(span('nifas', p.deliveryDay, p.deliveryDay + NIFAS_LAST_DAY));
    }
  }
  for (const k of ['catin', 'pus'] as const) for (const [a, z] of ctx.conditions.get(k) ?? []) out.push(span(k, a, z));
  return out;
}

export function stagesOn(spans: readonly StageSpan[], on: IsoDate): StageId[] {
  const ids: StageId[] = [];
  for (const s of spans) if (s.from <= on && (s.to === null || s.to >= on) && !ids.includes(s.id)) ids.push(s.id);
  return ids;
}
