/**
 * A person's schedule as stored (person_schedule_item): the engine's entries
 * computed on one day with their windows and a state, so that the status on
 * any later day within the horizon (horizon.ts) is a comparison of that day
 * with the window — the definition in schedule/status.ts, applied by
 * `storedStatusOn` here and by the SQL the due lists build from it.
 */
import { addDays, type IsoDate } from '../time/dates';
import { dayFromIso } from '../protocol/offset';
import { DEFAULT_HORIZON_DAYS } from '../schedule/engine';
import { openStatus, type ScheduleStatus } from '../schedule/status';
import type { Schedule, ScheduleOptions } from '../schedule/types';

/**
 * How far back stored schedules report (SIKLUS choice): a year of history
 * keeps "missed" lists useful (DOFU, home visits) while a district's stored
 * rows stay around 30 per person. The person page computes the engine's full
 * default history itself.
 */
export const STORED_HISTORY_DAYS = 365;
/** How far ahead: the engine's default look-ahead. */
export const STORED_HORIZON_DAYS = DEFAULT_HORIZON_DAYS;

export function storedScheduleOptions(on: IsoDate): ScheduleOptions {
  return { from: addDays(on, -STORED_HISTORY_DAYS), horizonDays: STORED_HORIZON_DAYS };
}

/** done | not_applicable | unreachable (a dose that can no longer be given) | open (status by date from the window). */
export const STORED_STATES = ['open', 'done', 'not_applicable', 'unreachable'] as const;
export type StoredState = (typeof STORED_STATES)[number];

export interface StoredItem {
  key: string;
  item: string;
  programme: string;
  earliest: IsoDate;
  due: IsoDate;
  latest: IsoDate;
  state: StoredState;
  doneEventId: string | null;
  doneOn: IsoDate | null;
  dose: number | null;
  period: string | null;
}

export function toStoredItems(s: Schedule): StoredItem[] {
  return s.entries.map((e) => ({
    key: e.key,
    item: e.item,
    programme: e.programme,
    earliest: e.window.earliest,
    due: e.window.due,
    latest: e.window.latest,
    state: e.status === 'done' ? 'done' : e.status === 'not_applicable' ? 'not_applicable' : e.reason === 'unreachable' ? 'unreachable' : 'open',
    doneEventId: e.satisfiedBy?.eventId ?? null,
    doneOn: e.satisfiedBy?.date ?? null,
    dose: e.dose ?? null,
    period: e.period ?? null,
  }));
}

/**
 * The status of a stored item on `on`, or null when the engine would not
 * report it that day (its window closed more than the stored history
 * before). An item done after `on` was still open on `on` (events after the
 * evaluation date are ignored, as in the engine).
 */
export function storedStatusOn(i: StoredItem, on: IsoDate): ScheduleStatus | null {
  if (i.latest < historyStart(on)) return null;
  if (i.state === 'not_applicable') return 'not_applicable';
  if (i.state === 'unreachable') return 'missed';
  if (i.state === 'done' && i.doneOn !== null && i.doneOn <= on) return 'done';
  return openStatus(dayFromIso(on), dayFromIso(i.earliest), dayFromIso(i.due), dayFromIso(i.latest));
}

/** The first day whose windows are still reported on `on` (the engine's history cut-off). */
export function historyStart(on: IsoDate): IsoDate {
  // Asked once per item of a list, always for the same day: the last answer is kept (date arithmetic was half of a due list's item time).
  if (on !== lastHistoryOn) {
    lastHistoryStart = addDays(on, -STORED_HISTORY_DAYS);
    lastHistoryOn = on;
  }
  return lastHistoryStart;
}
let lastHistoryOn: IsoDate | null = null;
let lastHistoryStart: IsoDate = '';

/**
 * The open-window statuses as regions of (day vs earliest, day vs due, day
 * vs latest), each comparison −1 / 0 / 1, found by asking `openStatus` itself
 * on every ordering of the four dates. The due lists turn these regions into
 * SQL, so the database applies the same definition without restating it.
 */
export function openStatusRegions(): Record<ScheduleStatus, Array<[number, number, number]>> {
  const out = { upcoming: [], due: [], overdue: [], done: [], missed: [], not_applicable: [] } as Record<ScheduleStatus, Array<[number, number, number]>>;
  const seen = new Set<string>();
  const vals = [-2, -1, 0, 1, 2];
  for (const e of vals) for (const d of vals) for (const l of vals) {
    if (!(e <= d && d <= l)) continue;
    const sig: [number, number, number] = [Math.sign(0 - e), Math.sign(0 - d), Math.sign(0 - l)];
    const k = sig.join(',');
    if (seen.has(k)) continue;
    seen.add(k);
    out[openStatus(0, e, d, l)].push(sig);
  }
  return out;
}
