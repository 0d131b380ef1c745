/**
 * The immunization card as the Buku KIA table: one row per antigen and dose
 * with the recommended age from the protocol catalogue, the date given, the
 * batch and the schedule status (core/schedule), plus IDL and imunisasi
 * baduta lengkap (schedule/coverage.ts) and the doses that fill no row.
 */
import { CONCEPTS, type Concept } from '../codes/concepts';
import { catalogue, itemById } from '../protocol/catalogue';
import { offsetText, windowText } from '../protocol/describe';
import type { ProtocolSettings } from '../protocol/settings';
import type { StageId, Text } from '../protocol/types';
import type { ImmunizationCoverage } from '../schedule/coverage';
import type { ScheduleStatus } from '../schedule/status';
import type { ScheduleEntry } from '../schedule/types';
import { completedYears, type IsoDate } from '../time/dates';
import { stringOf, type ReadEvent } from './events';

export interface ImmunizationRow {
  item: string;
  key: string;
  antigen: Concept;
  dose: number | null;
  label: Text;
  /** The recommended age (infant and baduta doses) or the window in words. */
  recommendedAge: Text;
  window: { earliest: IsoDate; due: IsoDate; latest: IsoDate };
  status: ScheduleStatus;
  date: IsoDate | null;
  onTime: boolean | null;
  batch: string | null;
  eventId: string | null;
}

export interface ImmunizationCard {
  rows: ImmunizationRow[];
  idl: ImmunizationCoverage['idl'];
  badutaLengkap: ImmunizationCoverage['baduta'];
  /** Immunizations recorded that fill no row (extra or out-of-window doses, other vaccines). */
  other: Array<{ date: IsoDate; eventId: string; antigen: Concept; label: Text; dose: number | null; batch: string | null }>;
}

/**
 * Rows shown by stage while the person is young enough for them to matter:
 * the child's card to 6 years (the child record of the kohort anak balita dan
 * prasekolah, ilp-domain.md §8.3), school immunization (BIAS) through usia
 * sekolah (≥ 6–18 years, §3); WUS tetanus rows whenever the engine lists
 * them. A row that was given is always shown.
 */
const SHOW_BEFORE_YEARS: Partial<Record<StageId, number>> = { neonatus: 6, bayi: 6, baduta: 6, 'usia-sekolah': 19 };

export function immunizationCard(
  person: { birthDate: IsoDate },
  entries: readonly ScheduleEntry[],
  events: readonly ReadEvent[],
  coverage: ImmunizationCoverage,
  on: IsoDate,
  settings: ProtocolSettings,
): ImmunizationCard {
  const byId = new Map(events.map((r) => [r.e.id, r]));
  const used = new Set<string>();
  const age = completedYears(person.birthDate, on);
  const rows: ImmunizationRow[] = [];
  for (const e of entries) {
    // A dose the district's programme does not give (JE outside endemic areas) has no row.
    if (e.programme !== 'immunization' || e.reason?.startsWith('setting:')) continue;
    const item = itemById(e.item, settings);
    if (!item) continue;
    const limit = SHOW_BEFORE_YEARS[item.stage];
    if (e.status !== 'done' && limit !== undefined && age >= limit) continue;
    const t = item.timing;
    const antigen = t.kind === 'dose' ? t.antigen : item.match[0]!.concepts[0]!;
    const ev = e.satisfiedBy ? byId.get(e.satisfiedBy.eventId) : undefined;
    if (e.satisfiedBy) {
      used.add(e.satisfiedBy.eventId);
      for (const o of e.satisfiedBy.otherEventIds ?? []) used.add(o);
    }
    const infantDose = t.kind === 'dose' && (item.stage === 'neonatus' || item.stage === 'bayi' || item.stage === 'baduta');
    rows.push({
      item: e.item,
      key: e.key,
      antigen,
      dose: e.dose ?? (t.kind === 'dose' ? t.dose : null),
      label: item.label,
      recommendedAge: infantDose ? offsetText(t.earliest) : windowText(t),
      window: e.window,
      status: e.status,
      date: e.satisfiedBy?.date ?? null,
      onTime: e.satisfiedBy ? e.satisfiedBy.onTime : null,
      batch: ev ? stringOf(ev.value.batch) : null,
      eventId: e.satisfiedBy?.eventId ?? null,
    });
  }
  // The card's order: the catalogue's, which follows the recommended ages (KMK Tabel 7–8).
  const rank = new Map(catalogue(settings).map((item, i) => [item.id, i]));
  rows.sort((a, b) => (rank.get(a.item) ?? 0) - (rank.get(b.item) ?? 0) || (a.dose ?? 0) - (b.dose ?? 0));
  const other = events
    .filter((r) => CONCEPTS[r.concept].kind === 'immunization' && !used.has(r.e.id) && r.e.occurredOn <= on)
    .map((r) => ({
      date: r.e.occurredOn, eventId: r.e.id, antigen: r.concept, label: CONCEPTS[r.concept].label,
      dose: typeof r.value.dose === 'number' ? r.value.dose : r.ordinal ?? null, batch: stringOf(r.value.batch),
    }));
  return { rows, idl: coverage.idl, badutaLengkap: coverage.baduta, other };
}
