/**
 * What every kohort row starts from: the person's facts, their events in
 * force on the evaluation date, and the schedule the engine computes from
 * them — the same functions as the person page (core/records, core/record).
 */
import { rtRwOf } from '../areas/codes';
import type { PersonFacts } from '../lifecycle/person';
import type { ProtocolSettings } from '../protocol/settings';
import { activeEvents, personFactsFromEvents } from '../records/facts';
import { readEvents, type ReadEvent } from '../record/events';
import { computeSchedule } from '../schedule/engine';
import { eventFromRow, type ScheduleEvent } from '../schedule/event';
import type { ScheduleEntry } from '../schedule/types';
import type { IsoDate } from '../time/dates';
import type { KohortCell, KohortColumn, KohortPerson, KohortPersonInput } from './types';

export interface Prepared {
  person: KohortPerson;
  facts: PersonFacts;
  read: ReadEvent[];
  engine: ScheduleEvent[];
}

export function prepare(input: KohortPersonInput, on: IsoDate): Prepared {
  // The register shows the month as it was: later events (a delivery after the
  // month, a correction dated later) do not exist yet — for the facts too.
  const until = input.events.filter((e) => e.occurredOn <= on);
  const facts = personFactsFromEvents(input.person, until);
  const active = activeEvents(until);
  return { person: input.person, facts, read: readEvents(active), engine: active.map(eventFromRow) };
}

/** The engine's entries on `on`, history from `from`, nothing ahead (a register records what happened). */
export function entriesOf(p: Prepared, on: IsoDate, from: IsoDate, settings: ProtocolSettings): ScheduleEntry[] {
  return computeSchedule({ person: p.facts, events: p.engine, on, settings, options: { from, horizonDays: 0 } }).entries;
}

/** The date an item was done (the first instance done when several match). */
export function doneDate(entries: readonly ScheduleEntry[], match: (e: ScheduleEntry) => boolean): IsoDate | null {
  for (const e of entries) if (match(e) && e.status === 'done' && e.satisfiedBy) return e.satisfiedBy.date;
  return null;
}

export const col = (key: string, label: string, labelEn: string, type: KohortColumn['type'] = 'text'): KohortColumn => ({ key, label, labelEn, type });

/** "RT 001 / RW 002" (or the dusun) from the domicile code. */
export function addressOf(areaCode: string): string | null {
  const { rt, rw, dusun } = rtRwOf(areaCode);
  const parts = [rt ? `RT ${rt}` : null, rw ? `RW ${rw}` : null, dusun ? `Dusun ${dusun}` : null].filter(Boolean);
  return parts.length ? parts.join(' / ') : null;
}

export const SEX_LABEL: Record<string, string> = { M: 'L', F: 'P' };

/** Indonesian short month names for the monthly columns. */
export const MONTH_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const;
export const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Status note for a person no longer living in the desa or no longer alive. */
export function statusNote(p: KohortPerson): KohortCell {
  if (p.status === 'deceased') return `Meninggal${p.statusDate ? ` ${p.statusDate}` : ''}`;
  if (p.status === 'moved') return `Pindah${p.statusDate ? ` ${p.statusDate}` : ''}`;
  return null;
}

export const yesNo = (v: boolean, date?: IsoDate | null): string => (v ? `Ya${date ? ` (${date})` : ''}` : 'Belum');
