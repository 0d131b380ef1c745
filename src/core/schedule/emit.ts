/** Turning a computed window into a ScheduleEntry — the one place statuses are assigned. */
import type { LifeContext } from '../lifecycle/eligibility';
import { isoFromDay } from '../protocol/offset';
import type { ProgrammeId, ProtocolItem } from '../protocol/types';
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
}

export interface CompiledItem {
  item: ProtocolItem;
  id: string;
  programme: ProgrammeId;
  groups: CompiledGroup[];
  /** The gate setting's path when the gate is off (the item is then not applicable unless done). */
  gateOff: string | null;
}

export type Extra = Pick<ScheduleEntry, 'period' | 'episode' | 'dose' | 'variant'>;

export function emit(
  ec: EvalCtx, c: CompiledItem, key: string, e: number, d: number, l: number, sat: Satisfaction | null,
  extra?: Extra, reason?: ScheduleEntry['reason'],
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
  if (extra) Object.assign(entry, extra);
  if (why) entry.reason = why;
  ec.out.push(entry);
}

/** One-off windows are reported when they end on/after `fromDay` and open by `horizonDay`. */
export function inRange(ec: EvalCtx, e: number, l: number): boolean {
  return l >= ec.fromDay && e <= ec.horizonDay;
}
