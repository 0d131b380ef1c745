/** Turning a computed window into a ScheduleEntry — the one place statuses are assigned. */
import type { LifeContext } from '../lifecycle/eligibility';
import { isoFromDay } from '../protocol/offset';
import type { EligibilitySpec, ProgrammeId, ProtocolItem } from '../protocol/types';
import type { EventIndex } from './event-index';
import type { CompiledGroup, Satisfaction } from './match';
import { openStatus } from './status';
import type { ScheduleEntry } from './types';

export interface EvalCtx {
  life: LifeContext;
  idx: EventIndex;
  onDay: number;
  /** Instances whose window ends before this day are not reported. */
  fromDay: number;
  /** Upcoming instances opening after this day are not reported. */
  horizonDay: number;
  out: ScheduleEntry[];
  /** Sort key of each entry in `out` (parallel array): earliest day and catalogue rank. */
  sortKeys: number[];
}

export interface CompiledItem {
  item: ProtocolItem;
  id: string;
  programme: ProgrammeId;
  groups: CompiledGroup[];
  /** The gate setting's path when the gate is off (the item is then not applicable unless done). */
  gateOff: string | null;
  /** The item's eligibility, shared with items whose rule is the same (so it is computed once per person). */
  eligibility: EligibilitySpec | undefined;
  /** Position in the catalogue (entry order among items opening the same day). */
  rank: number;
  /** `${id}@`, the start of instance keys. */
  prefix: string;
}


/**
 * Appends an entry. `period`, `episode`, `dose`, `variant` are positional
 * (not an options object) because this runs for every instance of every item.
 */
export function emit(
  ec: EvalCtx, c: CompiledItem, key: string, e: number, d: number, l: number, sat: Satisfaction | null,
  period?: string, episode?: string, dose?: number, variant?: string, reason?: ScheduleEntry['reason'],
): void {
  let status: ScheduleEntry['status'];
  let why = reason;
  if (sat) {
    status = 'done';
    why = undefined;
  } else if (reason === 'pregnancy-ended') status = 'not_applicable';
  else if (c.gateOff) {
    status = 'not_applicable';
    why = `setting:${c.gateOff}`;
  } else if (reason === 'unreachable') status = 'missed';
  else status = openStatus(ec.onDay, e, d, l);
  const entry: ScheduleEntry = {
    item: c.id, programme: c.programme, key, status,
    window: { earliest: isoFromDay(e), due: isoFromDay(d), latest: isoFromDay(l) },
  };
  if (sat) {
    entry.satisfiedBy = { eventId: sat.event.id, date: isoFromDay(sat.event.day), onTime: sat.event.day <= d };
    if (sat.others.length) entry.satisfiedBy.otherEventIds = sat.others.map((o) => o.id);
  }
  if (period !== undefined) entry.period = period;
  if (episode !== undefined) entry.episode = episode;
  if (dose !== undefined) entry.dose = dose;
  if (variant !== undefined) entry.variant = variant;
  if (why) entry.reason = why;
  ec.out.push(entry);
  ec.sortKeys.push((e + SORT_DAY_BIAS) * SORT_RANKS + c.rank);
}

// Sort-key packing: (earliest day, catalogue rank) then position — see engine.ts.
export const SORT_DAY_BIAS = 200_000;
export const SORT_RANKS = 4096;

/** Instance key: `${item}@${label}`. */
export function keyOf(c: CompiledItem, label: string): string {
  return c.prefix + label;
}

/** One-off windows are reported when they end on/after `fromDay` and open by `horizonDay`. */
export function inRange(ec: EvalCtx, e: number, l: number): boolean {
  return l >= ec.fromDay && e <= ec.horizonDay;
}
