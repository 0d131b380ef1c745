/**
 * The person's record as the person page shows it, computed from the person,
 * all their recorded events and a date — pure, so the server and (offline)
 * the app build the same page: life-cycle status, growth with WHO z-scores and
 * curves, vitals, the immunization card, pregnancies and screenings. The
 * timeline and referrals are joined by the server (they need names and
 * facilities). One engine run from birth serves the card and the pregnancies.
 */
import type { GrowthMonitoringSettings } from '../anthropometry/growth-monitoring';
import type { GrowthReferences } from '../anthropometry/growth-references';
import { lifeCycleOn, type LifeCycleStatus } from '../lifecycle/stages';
import type { PersonFacts } from '../lifecycle/person';
import type { Sex } from '../people/nik';
import type { ProtocolSettings } from '../protocol/settings';
import { personFactsFromEvents, activeEvents } from '../records/facts';
import { immunizationCoverage } from '../schedule/coverage';
import { computeSchedule } from '../schedule/engine';
import { eventFromRow } from '../schedule/event';
import type { IsoDate } from '../time/dates';
import { readEvents, type RecordInputEvent } from './events';
import { growthView, type GrowthView } from './growth';
import { immunizationCard, type ImmunizationCard } from './immunization';
import { pregnancyViews, type PregnancyView } from './pregnancy';
import { screeningsView, type ScreeningView } from './screenings';
import { vitalsView, type VitalsView } from './vitals';

export * from './events';
export * from './growth';
export * from './immunization';
export * from './pregnancy';
export * from './screenings';
export * from './vitals';

export interface RecordSections {
  on: IsoDate;
  facts: PersonFacts;
  lifeCycle: Omit<LifeCycleStatus, 'issues'>;
  growth: GrowthView;
  vitals: VitalsView;
  immunization: ImmunizationCard;
  pregnancies: PregnancyView[];
  screenings: ScreeningView[];
  protocolVersion: string;
  settingsFingerprint: string;
}

/**
 * Look-ahead of the record's schedule: two years, so a newborn's card shows
 * every dose to the baduta boosters (18–23 months) and a pregnancy all its
 * contacts and KF visits.
 */
const RECORD_HORIZON_DAYS = 730;

export function buildRecordSections(input: {
  person: { sex: Sex; birthDate: IsoDate };
  /** All the person's events, superseded ones included, ordered by date then recording time. */
  events: readonly RecordInputEvent[];
  on: IsoDate;
  settings: ProtocolSettings;
  refs: GrowthReferences;
  monitoring?: GrowthMonitoringSettings;
}): RecordSections {
  const { person, on, settings } = input;
  const facts = personFactsFromEvents(person, input.events);
  // Events after the evaluation date do not exist yet for the page (time travel keeps tests exact).
  const active = activeEvents(input.events).filter((e) => e.occurredOn <= on);
  const read = readEvents(active);
  const engineEvents = active.map(eventFromRow);
  const schedule = computeSchedule({ person: facts, events: engineEvents, on, settings, options: { from: person.birthDate, horizonDays: RECORD_HORIZON_DAYS } });
  const coverage = immunizationCoverage(facts, engineEvents, on, settings);
  const { issues: _issues, ...lifeCycle } = lifeCycleOn(facts, on, { settings, events: active.map((e) => ({ system: e.codeSystem, code: e.code, date: e.occurredOn })) });
  return {
    on,
    facts,
    lifeCycle,
    growth: growthView(person, read, on, input.refs, input.monitoring),
    vitals: vitalsView(person, read),
    immunization: immunizationCard(person, schedule.entries, read, coverage, on, settings),
    pregnancies: pregnancyViews(facts, schedule.entries, read, on),
    screenings: screeningsView(read),
    protocolVersion: schedule.protocolVersion,
    settingsFingerprint: schedule.settingsFingerprint,
  };
}
