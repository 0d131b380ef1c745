/**
 * On which days a person has an item in each open-window status: the union,
 * over their stored items, of the days storedStatusOn (stored.ts) gives that
 * status. Stored with the schedule (person_schedule_state) so that a due list
 * asks one row per person whether they are listed on a day, instead of
 * probing their items.
 */
import { dayFromIso, isoFromDay } from '../protocol/offset';
import type { IsoDate } from '../time/dates';
import { STORED_HISTORY_DAYS, type StoredItem } from './stored';

/** The statuses a summary answers (done and not_applicable lists read the items). */
export const SUMMARY_STATUSES = ['due', 'overdue', 'missed', 'upcoming'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

/** Days from `from` to `to`, both included; null is unbounded. */
export type DayRange = readonly [from: IsoDate | null, to: IsoDate | null];

export type StatusDays = Record<SummaryStatus, DayRange[]>;

/**
 * The union of each status's days, as few ranges as possible in day order. Computed on day numbers
 * (a visit writes it for a whole schedule: ~60 items, ~300 bounds) and merged here, so the literal the
 * database parses is short: every open item's "upcoming" reaches back without bound, for one.
 */
export function statusDays(items: readonly StoredItem[]): StatusDays {
  const spans: Record<SummaryStatus, Array<[number, number]>> = { due: [], overdue: [], missed: [], upcoming: [] };
  const add = (s: SummaryStatus, from: number, to: number) => {
    if (from <= to) spans[s].push([from, to]);
  };
  for (const i of items) {
    if (i.state === 'not_applicable') continue;
    const earliest = dayFromIso(i.earliest);
    const due = dayFromIso(i.due);
    const latest = dayFromIso(i.latest);
    // storedStatusOn reports nothing once the window closed more than the stored history before the day.
    const lastReported = latest + STORED_HISTORY_DAYS;
    if (i.state === 'unreachable') {
      add('missed', -Infinity, lastReported);
      continue;
    }
    // Open, or done: then open on the days before it was done (done with no date stays open, as storedStatusOn has it).
    const until = i.state === 'done' && i.doneOn !== null ? dayFromIso(i.doneOn) - 1 : Infinity;
    add('upcoming', -Infinity, Math.min(earliest - 1, until));
    add('due', earliest, Math.min(due, until));
    add('overdue', due + 1, Math.min(latest, until));
    add('missed', latest + 1, Math.min(lastReported, until));
  }
  const out = {} as StatusDays;
  for (const s of SUMMARY_STATUSES) out[s] = merged(spans[s]);
  return out;
}

function merged(spans: Array<[number, number]>): DayRange[] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: DayRange[] = [];
  let cur: [number, number] | null = null;
  const flush = (c: [number, number]) => out.push([c[0] === -Infinity ? null : isoFromDay(c[0]), c[1] === Infinity ? null : isoFromDay(c[1])]);
  for (const sp of spans) {
    // Day ranges: the next one joins when it starts by the day after the current one ends.
    if (cur && sp[0] <= cur[1] + 1) cur[1] = Math.max(cur[1], sp[1]);
    else {
      if (cur) flush(cur);
      cur = [sp[0], sp[1]];
    }
  }
  if (cur) flush(cur);
  return out;
}

/** Whether `day` is in one of the ranges. */
export function inDayRanges(ranges: readonly DayRange[], day: IsoDate): boolean {
  return ranges.some(([from, to]) => (from === null || from <= day) && (to === null || day <= to));
}

/** A PostgreSQL datemultirange literal of the ranges (the database merges and orders them). */
export function multirangeLiteral(ranges: readonly DayRange[]): string {
  return `{${ranges.map(([from, to]) => `${from === null ? '(' : `[${from}`},${to === null ? ')' : `${to}]`}`).join(',')}}`;
}
