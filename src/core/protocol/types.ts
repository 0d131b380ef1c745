/**
 * The shape of the ILP service protocol as data. Programme modules (anc.ts,
 * immunization.ts, …) build `ProtocolItem`s from the district settings; the
 * schedule engine compiles them; `describeProtocol()` prints them. Every
 * clinical number lives in exactly one programme or cut-off module, with its
 * source beside it.
 */
import type { Concept } from '../codes/concepts';
import type { Sex } from '../people/nik';

/** Indonesian first, English second (UI text convention). */
export interface Text {
  id: string;
  en: string;
}

/**
 * Source keys are those of the reference notes (ilp-domain.md §0), plus
 * REFDATA (reference-data.md, which summarises Permenkes 12/2017 for
 * immunization), GENERAL-KNOWLEDGE (always unconfirmed) and SIKLUS (a design
 * decision of this project, not a clinical fact).
 */
export type SourceKey = 'KMK' | 'SS-ANC' | 'PKG' | 'SPM' | 'REFDATA' | 'GENERAL-KNOWLEDGE' | 'SIKLUS';

export interface Source {
  key: SourceKey;
  clause: string;
  /** The notes mark this fact ⚠ / [verify] / UNCONFIRMED: it is a district setting. */
  unconfirmed?: boolean;
}

/** A calendar offset: years and months are added first (day clamped to month end), then weeks and days. */
export interface Offset {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

export type ProgrammeId = 'anc' | 'delivery-postnatal' | 'immunization' | 'growth' | 'school' | 'adult' | 'elderly' | 'tb';

export type StageId =
  | 'hamil' | 'bersalin' | 'nifas' | 'neonatus' | 'bayi' | 'baduta' | 'balita' | 'prasekolah'
  | 'usia-sekolah' | 'remaja' | 'usia-produktif' | 'dewasa' | 'lansia' | 'catin' | 'pus' | 'wus';

export type ConditionKind = 'hypertension' | 'diabetes' | 'tb' | 'tb-contact' | 'pus' | 'catin';

/** Where a service happens. `other` = another health facility (RS, klinik, praktik mandiri). */
export type PlaceKind = 'posyandu' | 'pustu' | 'puskesmas' | 'home' | 'school' | 'other';

export type ProviderKind = 'doctor' | 'midwife' | 'nurse' | 'dentist' | 'kader' | 'teacher' | 'other';

/** When an item is due. Day counts are 0-based: day 0 is the birth / delivery / HPHT date. */
export type Timing =
  /** Once, relative to birth. */
  | { kind: 'age'; earliest: Offset; due: Offset; latest: Offset }
  /**
   * One dose of an antigen series, relative to birth; `after` adds the minimum
   * interval from the previous dose of the series.
   */
  | {
    kind: 'dose'; antigen: Concept; dose: number; earliest: Offset; due: Offset; latest: Offset;
    after?: { dose: number; minInterval: Offset };
    /** A status screening whose valueNum is the number of doses already had (T status) credits this dose. */
    credit?: Concept;
  }
  /**
   * Relative to a pregnancy's HPHT, in days of gestational age. `toDay`
   * undefined = until the pregnancy ends. `slot` shares visits among items of
   * one group in date order (K2 and K3 both fall in TM2).
   */
  | { kind: 'gestation'; fromDay: number; dueDay?: number; toDay?: number; slot?: { group: string; order: number } }
  /** The delivery itself: from HPHT through the delivery date (or the episode limit). */
  | { kind: 'delivery' }
  /** Days after a delivery (the mother). */
  | { kind: 'postpartum'; fromDay: number; toDay: number }
  /** One instance per calendar month while eligible. */
  | { kind: 'monthly' }
  /** One instance in each listed calendar month (1–12) while eligible. */
  | { kind: 'months-of-year'; months: number[] }
  /** One instance per calendar year while eligible. */
  | { kind: 'yearly' }
  /** Chained: the next window opens `interval` after the last satisfying event. */
  | { kind: 'every'; interval: Offset }
  /** One instance per ISO week (Monday–Sunday) while eligible. */
  | { kind: 'weekly' }
  /**
   * In the school year a person is in one of `grades`; with `month` the
   * on-time period is that month (BIAS), otherwise the whole school year.
   */
  | { kind: 'school-grade'; grades: number[]; month?: number }
  /** Relative to the start of a condition episode (TB index diagnosis, TB contact identified). */
  | { kind: 'condition-onset'; condition: ConditionKind; earliest: Offset; due: Offset; latest: Offset }
  /** Once during each episode of a condition (catin: before the marriage). */
  | { kind: 'episode'; condition: ConditionKind }
  /** On every day the person has a recorded contact (any event). */
  | { kind: 'per-contact' };

/**
 * Who an item applies to. Age bounds: `ageFrom` inclusive (from that
 * birthday), `ageTo` exclusive (until the day before). `conditions`: any one
 * active. `rule` names a derived rule implemented in lifecycle/eligibility.ts.
 */
export interface Eligibility {
  sex?: Sex;
  ageFrom?: Offset;
  ageTo?: Offset;
  conditions?: Array<ConditionKind | 'pregnant'>;
  rule?: 'dm-risk' | 'ever-pregnant-or-pus';
  /** School grades (inclusive range). */
  grades?: [number, number];
}

export type EligibilitySpec = Eligibility | { anyOf: Eligibility[] };

/** One group of a match: an event of any of these concepts (with the constraints) is needed. */
export interface MatchGroup {
  concepts: Concept[];
  provider?: ProviderKind[];
  place?: PlaceKind[];
}

export interface Variant {
  id: string;
  label: Text;
  ageFrom: Offset;
  ageTo: Offset;
}

export interface ProtocolItem {
  /** Stable id, e.g. "imm.dpt-hb-hib-2", "anc.k1", "growth.weighing". */
  id: string;
  programme: ProgrammeId;
  stage: StageId;
  label: Text;
  /** Target group in words. */
  who: Text;
  where: PlaceKind[];
  /** Who gives the service (descriptive; enforced only through `match`). */
  by?: ProviderKind[];
  timing: Timing;
  eligibility?: EligibilitySpec;
  /** All groups must be met by events inside the window. */
  match: MatchGroup[];
  sources: Source[];
  /** Setting paths this item depends on (dot notation, see settings.ts). */
  settings?: string[];
  /** A boolean setting that must be true, else the item is "not applicable". */
  gate?: string;
  variants?: Variant[];
  note?: Text;
}

export interface ProgrammeDef {
  id: ProgrammeId;
  label: Text;
}
