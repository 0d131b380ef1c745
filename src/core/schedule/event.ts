/**
 * The engine's input event: minimal and stable. The server maps its `event`
 * rows into it with `eventFromRow`; the offline app builds it from its store.
 */
import type { IsoDate } from '../time/dates';
import type { PlaceKind, ProviderKind } from '../protocol/types';

export interface ScheduleEvent {
  /** The event's UUID (reported back as the event that satisfied an item). */
  id: string;
  /** Code-system URI (SYSTEM in codes/systems.ts) or a short alias ("loinc", "antigen", "service"…). */
  system: string | null;
  code: string;
  /** occurred_on. */
  date: IsoDate;
  valueNum?: number | null;
  /** Structured value (jsonb): questionnaire answers, a BP panel { systolic, diastolic }, … */
  value?: unknown;
  /** Dose number or visit ordinal (DPT-HB-Hib 2, K3, KF2, T4). A trailing ordinal in the code is used when absent. */
  dose?: number | null;
  /** Who gave the service (matters for "doctor at K1/K5"). */
  provider?: ProviderKind | null;
  /** Where (matters for "delivery in a facility"). */
  place?: PlaceKind | null;
}

/** The columns of the server's `event` table that the engine reads. */
export interface EventRow {
  id: string;
  codeSystem: string | null;
  code: string;
  occurredOn: string;
  valueNum?: number | null;
  value?: unknown;
  placeKind?: string | null;
}

const PROVIDERS: ReadonlySet<string> = new Set<ProviderKind>(['doctor', 'midwife', 'nurse', 'dentist', 'kader', 'teacher', 'other']);
const PLACES: ReadonlySet<string> = new Set<PlaceKind>(['posyandu', 'pustu', 'puskesmas', 'home', 'school', 'other']);

/**
 * Maps an `event` row: dose and provider live in the row's `value` jsonb as
 * `dose` (or `doseNumber`) and `provider`; place is the `place_kind` column.
 */
export function eventFromRow(row: EventRow): ScheduleEvent {
  const v = row.value;
  const obj = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const dose = obj?.dose ?? obj?.doseNumber;
  const provider = obj?.provider;
  const ev: ScheduleEvent = { id: row.id, system: row.codeSystem, code: row.code, date: row.occurredOn };
  if (row.valueNum != null) ev.valueNum = row.valueNum;
  if (v !== undefined && v !== null) ev.value = v;
  if (typeof dose === 'number' && Number.isInteger(dose)) ev.dose = dose;
  if (typeof provider === 'string' && PROVIDERS.has(provider)) ev.provider = provider as ProviderKind;
  if (row.placeKind && PLACES.has(row.placeKind)) ev.place = row.placeKind as PlaceKind;
  return ev;
}
