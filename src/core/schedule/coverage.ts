/**
 * Immunization coverage status of a child: IDL (imunisasi dasar lengkap) and
 * imunisasi baduta lengkap, by the district's lists of items and age limits
 * (settings immunization.idlItems / badutaItems, ⚠ [verify] which antigens count).
 */
import type { IsoDate } from '../time/dates';
import type { PersonFacts } from '../lifecycle/person';
import { addOffset, dayFromIso, isoFromDay } from '../protocol/offset';
import { DEFAULT_SETTINGS, type ProtocolSettings } from '../protocol/settings';
import { computeSchedule } from './engine';
import type { ScheduleEvent } from './event';
import type { ScheduleEntry } from './types';

export interface CoverageStatus {
  /** All listed items done by the evaluation date. */
  complete: boolean;
  /** Date of the dose that completed the list. */
  completedOn: IsoDate | null;
  /** Completed before the indicator age (IDL: 12 months; baduta: 24 months by default). */
  onTime: boolean;
  /** Listed items not done yet. */
  missing: string[];
}

export interface ImmunizationCoverage {
  idl: CoverageStatus;
  baduta: CoverageStatus;
  protocolVersion: string;
  settingsFingerprint: string;
}

function status(entries: Map<string, ScheduleEntry>, ids: string[], birthDay: number, beforeMonths: number): CoverageStatus {
  let last = -Infinity;
  const missing: string[] = [];
  for (const id of ids) {
    const e = entries.get(id);
    if (e?.status === 'done' && e.satisfiedBy) last = Math.max(last, dayFromIso(e.satisfiedBy.date));
    else missing.push(id);
  }
  const complete = missing.length === 0;
  return {
    complete,
    completedOn: complete && last > -Infinity ? isoFromDay(last) : null,
    onTime: complete && last < addOffset(birthDay, { months: beforeMonths }),
    missing,
  };
}

export function immunizationCoverage(
  person: PersonFacts, events: readonly ScheduleEvent[], on: IsoDate, settings: ProtocolSettings = DEFAULT_SETTINGS,
): ImmunizationCoverage {
  // Whole history, nothing ahead: coverage counts what happened by `on`.
  const s = computeSchedule({ person, events, on, settings, options: { from: person.birthDate, horizonDays: 0 } });
  const byItem = new Map(s.entries.map((e) => [e.item, e]));
  const birthDay = dayFromIso(person.birthDate);
  const im = settings.immunization;
  return {
    idl: status(byItem, im.idlItems, birthDay, im.idlBeforeMonths),
    baduta: status(byItem, im.badutaItems, birthDay, im.badutaBeforeMonths),
    protocolVersion: s.protocolVersion,
    settingsFingerprint: s.settingsFingerprint,
  };
}
