/**
 * The person's schedule as the app shows it (docs/fieldwork-api.md
 * "ScheduleView"): the engine's entries with labels from the catalogue in the
 * request's language, the life-cycle stages and the current pregnancy.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { PersonFacts } from '../../../core/lifecycle/person';
import { lifeCycleOn } from '../../../core/lifecycle/stages';
import { describeProtocol } from '../../../core/protocol/describe';
import type { ProtocolSettings } from '../../../core/protocol/settings';
import type { ProgrammeId, StageId, Text } from '../../../core/protocol/types';
import type { ScheduleEvent } from '../../../core/schedule/event';
import type { ScheduleStatus } from '../../../core/schedule/status';
import type { Schedule } from '../../../core/schedule/types';

export interface ScheduleEntryView {
  key: string;
  item: string;
  label: string;
  programme: ProgrammeId;
  status: ScheduleStatus;
  window: { earliest: string; due: string; latest: string };
  satisfiedBy?: { eventId: string; date: string; onTime: boolean };
  dose?: number;
  period?: string;
  variant?: string;
}

export interface ScheduleView {
  on: string;
  protocolVersion: string;
  settingsFingerprint: string;
  stages: Array<{ id: StageId; label: string }>;
  pregnancy?: { gestationalAge: { weeks: number; days: number }; trimester: number; hpl: string; hpht: string };
  entries: ScheduleEntryView[];
}

const labelCache = new WeakMap<ProtocolSettings, Map<string, Text>>();

/** Catalogue labels by item id under these settings (describeProtocol, memoised per settings object). */
export function itemLabels(settings: ProtocolSettings): Map<string, Text> {
  let m = labelCache.get(settings);
  if (!m) labelCache.set(settings, (m = new Map(describeProtocol(settings).items.map((i) => [i.id, i.label]))));
  return m;
}

export function itemLabel(settings: ProtocolSettings, item: string, locale: Locale, period?: string | null): string {
  const base = itemLabels(settings).get(item)?.[locale] ?? item;
  // Monthly and yearly instances say which period they are for, in words: "Penimbangan bulanan · Maret 2026".
  return period && /^\d{4}(-\d{2})?$/.test(period) ? `${base} · ${periodWords(period, locale)}` : base;
}

const MONTH_NAMES = new Map(['id', 'en'].map((l) => [l, new Intl.DateTimeFormat(l === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' })]));

/** "2026-03" → "Maret 2026" (or "March 2026"); a year stays a year. */
export function periodWords(period: string, locale: Locale): string {
  if (period.length === 4) return period;
  return MONTH_NAMES.get(locale === 'en' ? 'en' : 'id')!.format(new Date(`${period}-01T00:00:00Z`));
}

export function scheduleView(schedule: Schedule, facts: PersonFacts, events: readonly ScheduleEvent[], settings: ProtocolSettings, locale: Locale): ScheduleView {
  const life = lifeCycleOn(facts, schedule.on, { settings, events });
  const seen = new Set<string>();
  const stages = life.stages.filter((s) => !seen.has(s.id) && seen.add(s.id)).map((s) => ({ id: s.id, label: s.label[locale] }));
  const p = life.pregnancy;
  return {
    on: schedule.on,
    protocolVersion: schedule.protocolVersion,
    settingsFingerprint: schedule.settingsFingerprint,
    stages,
    ...(p?.gestationalAge && p.trimester ? { pregnancy: { gestationalAge: { weeks: p.gestationalAge.weeks, days: p.gestationalAge.days }, trimester: p.trimester, hpl: p.hpl, hpht: p.hpht } } : {}),
    entries: schedule.entries.map((e) => ({
      key: e.key,
      item: e.item,
      label: itemLabel(settings, e.item, locale, e.period),
      programme: e.programme,
      status: e.status,
      window: e.window,
      ...(e.satisfiedBy ? { satisfiedBy: { eventId: e.satisfiedBy.eventId, date: e.satisfiedBy.date, onTime: e.satisfiedBy.onTime } } : {}),
      ...(e.dose !== undefined ? { dose: e.dose } : {}),
      ...(e.period !== undefined ? { period: e.period } : {}),
      ...(e.variant !== undefined ? { variant: e.variant } : {}),
    })),
  };
}
