/**
 * Everything stored about a person's schedule, derived in one pass from the
 * person and their events on a day: the engine's entries as stored items,
 * how long they stay true (horizon.ts), the life-cycle stage spans and the
 * current danger signs. The server writes it in the transaction of every
 * write that changes the person's events or facts; the seed writes it in bulk.
 */
import type { GrowthReferences } from '../anthropometry/growth-references';
import type { PersonFacts } from '../lifecycle/person';
import { settingsFingerprint } from '../protocol/settings-validate';
import type { ProtocolSettings } from '../protocol/settings';
import { PROTOCOL_VERSION } from '../protocol/version';
import type { Sex } from '../people/nik';
import { computeSchedule } from '../schedule/engine';
import type { Schedule } from '../schedule/types';
import type { IsoDate } from '../time/dates';
import { dangerSigns, type DangerSign } from './danger-signs';
import { personFactsFromEvents, scheduleEventsOf } from './facts';
import { storedHorizon } from './horizon';
import { stageSpans, type StageSpan } from './stages';
import { storedScheduleOptions, toStoredItems, type StoredItem } from './stored';
import type { RecordEvent } from './types';

/** The horizon of a person with nothing scheduled (deceased, moved away): never stale by date. */
export const NO_HORIZON: IsoDate = '9999-12-31';

export interface DerivedState {
  on: IsoDate;
  facts: PersonFacts;
  schedule: Schedule;
  items: StoredItem[];
  horizonUntil: IsoDate;
  stages: StageSpan[];
  flags: DangerSign[];
  protocolVersion: string;
  settingsFingerprint: string;
}

const fingerprints = new WeakMap<ProtocolSettings, string>();
export function fingerprintOf(s: ProtocolSettings): string {
  let f = fingerprints.get(s);
  if (f === undefined) fingerprints.set(s, (f = settingsFingerprint(s)));
  return f;
}

export interface PersonForState {
  sex: Sex;
  birthDate: IsoDate;
  /** alive | deceased | moved: only the living have a schedule. */
  status: string;
}

export function deriveState(person: PersonForState, events: readonly RecordEvent[], on: IsoDate, settings: ProtocolSettings, refs: GrowthReferences | null): DerivedState {
  const facts = personFactsFromEvents(person, events);
  const base = { on, facts, protocolVersion: PROTOCOL_VERSION, settingsFingerprint: fingerprintOf(settings) };
  if (person.status !== 'alive') {
    const schedule: Schedule = { on, protocolVersion: PROTOCOL_VERSION, settingsFingerprint: base.settingsFingerprint, entries: [], issues: [] };
    return { ...base, schedule, items: [], horizonUntil: NO_HORIZON, stages: [], flags: [] };
  }
  const schedule = computeSchedule({ person: facts, events: scheduleEventsOf(events), on, settings, options: storedScheduleOptions(on) });
  return {
    ...base,
    schedule,
    items: toStoredItems(schedule),
    horizonUntil: storedHorizon(schedule, facts, settings),
    stages: stageSpans(facts, on, settings),
    flags: dangerSigns(facts, events, on, refs),
  };
}
