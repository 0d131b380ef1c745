/**
 * Indicators (PWS, SPM, klaster dashboards) as data — the contract between
 * core (definitions, per-person evaluation), the server (live counters kept
 * in the write's transaction, rebuild, API) and the web (dashboards, maps,
 * reports). docs/indicators.md explains the design.
 *
 * Counting: an indicator is evaluated per person per calendar year. A person
 * counts once per year in the numerator (the month of their first qualifying
 * service) and once in the by-name register (the month they entered the
 * target group), by domicile. Year-to-date figures through month M add the
 * first-months ≤ M; a month's own figure counts the people served that month
 * (`monthsServed`), and, for count indicators, the occurrences (`counts`).
 */
import type { IsoDate } from '../time/dates';
import type { RecordEvent } from '../records/types';

export type Lang = { id: string; en: string };

/** Dashboard groups: the SPM list and the decree's dashboards. */
export const INDICATOR_GROUPS = ['spm', 'klaster2', 'klaster3', 'klaster4', 'utama'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/**
 * coverage: numerator ÷ denominator against a target percentage;
 * count: people or occurrences, no denominator (visits, morbidity, SKDN "S");
 * ratio: numerator ÷ another indicator's numerator (SKDN D/S, N/D).
 */
export type IndicatorKind = 'coverage' | 'count' | 'ratio';

/**
 * Estimated target groups (sasaran proyeksi) a coverage indicator divides by;
 * core/indicators/sasaran.ts turns population and rates into these per desa and year.
 */
export const SASARAN_GROUPS = [
  'ibu-hamil', 'ibu-bersalin', 'bayi-lahir-hidup', 'bayi', 'baduta', 'balita', 'usia-pendidikan-dasar', 'remaja-putri',
  'usia-produktif', 'usia-lanjut', 'hipertensi', 'diabetes', 'odgj-berat', 'terduga-tb', 'risiko-hiv', 'penduduk',
] as const;
export type SasaranGroup = (typeof SASARAN_GROUPS)[number];

export interface IndicatorDef {
  /** Stable id used in storage and the API: 'spm-01-ibu-hamil', 'k2-k1', 'visit-posyandu', 'dx:I10' … */
  id: string;
  group: IndicatorGroup;
  /** Order on dashboards and reports within the group. */
  order: number;
  kind: IndicatorKind;
  label: Lang;
  numerator: Lang;
  /** Who is in the by-name register (the second denominator); null for count indicators. */
  denominator: Lang | null;
  /** Estimated denominator group; null when the indicator has none. */
  sasaran: SasaranGroup | null;
  /** For ratio indicators: the indicator whose numerator is the denominator (SKDN D/S → S). */
  ratioOf?: string;
  /** Target in percent of the denominator (SPM: 100). Dinkes may override per district. */
  target: number | null;
  /** 'higher' is better (coverage), 'lower' is better (stunting, gizi kurang). */
  better: 'higher' | 'lower';
  /** Counts occurrences (visits) rather than people. */
  countsOccurrences?: boolean;
  /**
   * What `monthsServed` holds: 'served' = every month with a qualifying service
   * (weighed, BP measured, visited); 'achieved' = only the month the person met
   * the numerator (K6 completed, KN lengkap, IDL). Default 'served'.
   */
  monthView?: 'served' | 'achieved';
  /** Where the definition comes from (reference note section and regulation). */
  source: string;
  /** What the definition assumes where the notes are unsure (⚠ items). */
  note?: string;
}

/** Age bands for dashboard filters: the person's age in completed years on the first day of the row's month. */
export const AGE_BANDS = ['0', '1-4', '5-14', '15-44', '45-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** What the evaluator needs of a person. Domicile is not needed: the server files rows by domicile. */
export interface IndicatorPerson {
  id: string;
  sex: 'M' | 'F';
  birthDate: IsoDate;
  status: string; // alive | deceased | moved
  statusDate: IsoDate | null;
}

/** A stored event as the evaluator reads it: the record event plus where it was served. */
export interface IndicatorEvent extends RecordEvent {
  facilityId?: string | null;
  /** The visit it belongs to (one visit counts once in visit counts). */
  visitId?: string | null;
}

/** A visit row (kunjungan): counted by place kind for the visit indicators. */
export interface IndicatorVisit {
  id: string;
  occurredOn: IsoDate;
  placeKind: string; // posyandu | pustu | puskesmas | home | school | other
  facilityId: string | null;
}

export interface IndicatorInput {
  person: IndicatorPerson;
  /** Every stored event of the person, superseded ones included (the evaluator drops them). */
  events: readonly IndicatorEvent[];
  visits: readonly IndicatorVisit[];
}

/**
 * One person's standing on one indicator in one year. Rows where the person
 * is neither in the register nor served are not produced.
 */
export interface PersonIndicatorRow {
  indicator: string;
  year: number;
  sex: 'M' | 'F';
  /** Age band at the row's first month (register month, else numerator month, else first served month). */
  ageBand: AgeBand;
  /** 1–12: month the person entered the by-name register this year; null = not in the register. */
  registerMonth: number | null;
  /** 1–12: month of the first qualifying service (numerator) this year; null = not achieved. */
  numeratorMonth: number | null;
  /** Bit (m − 1) set when the person had a qualifying service in month m. */
  monthsServed: number;
  /** Occurrences per month (12 numbers) for count indicators that count occurrences; null otherwise. */
  counts: number[] | null;
  /** The facility that gave the first qualifying service (the by-place view); null when unknown or not achieved. */
  facilityId: string | null;
}

/** A person behind a number (GET /api/indicators/:id/people): what the server lists and the web shows. */
export interface IndicatorPersonView {
  id: string;
  name: string;
  /** Masked (740215******0001). */
  nik: string | null;
  sex: string;
  ageYears: number;
  areaCode: string;
  rw: string | null;
  registerMonth: number | null;
  numeratorMonth: number | null;
  servedInMonth: boolean;
}
