/**
 * Kohort registers (by-name longitudinal registers, ilp-domain.md §8.3): a
 * view over the people of a desa/kelurahan and their recorded events on the
 * last day of a month — no separate data entry.
 */
import type { Sex } from '../people/nik';
import type { IsoDate } from '../time/dates';
import type { RecordInputEvent } from '../record/events';

export const KOHORT_KINDS = ['ibu', 'bayi', 'balita', 'lansia'] as const;
export type KohortKind = (typeof KOHORT_KINDS)[number];

export type KohortCell = string | number | null;

export interface KohortColumn {
  key: string;
  /** Indonesian header, as on the paper register. */
  label: string;
  labelEn: string;
  type: 'text' | 'number' | 'integer' | 'date';
}

export interface KohortPerson {
  id: string;
  name: string;
  nik: string | null;
  sex: Sex;
  birthDate: IsoDate;
  /** Domicile, most specific unit (RT/RW under the desa). */
  areaCode: string;
  /** alive | deceased | moved */
  status: string;
  statusDate: IsoDate | null;
  motherName?: string | null;
  /** Head of the household (kepala keluarga), for the kohort ibu. */
  headName?: string | null;
}

export interface KohortRow {
  personId: string;
  /** The pregnancy of a kohort ibu row. */
  pregnancyId?: string;
  cells: Record<string, KohortCell>;
  /**
   * The class behind a classified cell (column key → band or category code:
   * "ht-1", "kek", "stunted", "complete"…), so a screen can colour the cell
   * as the person page does without parsing the label.
   */
  marks: Record<string, string>;
}

export interface KohortRegister {
  kind: KohortKind;
  /** YYYY-MM */
  month: string;
  monthStart: IsoDate;
  /** The evaluation date: the month's last day, or today in the current month. */
  on: IsoDate;
  columns: KohortColumn[];
  rows: KohortRow[];
  /** Growth z-scores came from the approximate fallback tables. */
  approximate: boolean;
}

export interface KohortPersonInput {
  person: KohortPerson;
  /** All the person's events (superseded ones included), by date then recording time. */
  events: readonly RecordInputEvent[];
}
