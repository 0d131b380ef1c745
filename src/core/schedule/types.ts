/** The schedule engine's request and result shapes. */
import type { IsoDate } from '../time/dates';
import type { Issue } from '../i18n/issues';
import type { PersonFacts } from '../lifecycle/person';
import type { ProtocolSettings } from '../protocol/settings';
import type { ProgrammeId } from '../protocol/types';
import type { ScheduleEvent } from './event';
import type { ScheduleStatus } from './status';

export interface ScheduleOptions {
  /**
   * Report instances whose window ends on or after this date (history).
   * Default: two years before the evaluation date.
   */
  from?: IsoDate;
  /** Report upcoming instances whose window opens within this many days. Default 365. */
  horizonDays?: number;
}

export interface ScheduleRequest {
  person: PersonFacts;
  events: readonly ScheduleEvent[];
  /** The evaluation date ("today" for a due list; any date for time travel). */
  on: IsoDate;
  /** Validated district settings (protocol/settings-validate.ts); default: national defaults. */
  settings?: ProtocolSettings;
  options?: ScheduleOptions;
}

export type NotApplicableReason = `setting:${string}` | 'pregnancy-ended';

export interface ScheduleEntry {
  /** Catalogue item id (labels, sources and window words: describeProtocol()). */
  item: string;
  programme: ProgrammeId;
  /** Unique within one schedule: item plus period / episode / contact day. */
  key: string;
  status: ScheduleStatus;
  window: { earliest: IsoDate; due: IsoDate; latest: IsoDate };
  /** The event that completed the item (the last one needed when several are). */
  satisfiedBy?: { eventId: string; date: IsoDate; onTime: boolean; otherEventIds?: string[] };
  /** Dose number for vaccine series. */
  dose?: number;
  /** Calendar period of a recurring item: "2025-08", "2025", "W2025-03-03" (week from Monday), "SY2025" (school year), "C2025-03-01" (contact day). */
  period?: string;
  /** The pregnancy id, or the condition episode start date, the instance belongs to. */
  episode?: string;
  /** E.g. vitamin A "biru" / "merah". */
  variant?: string;
  reason?: NotApplicableReason | 'unreachable';
}

export interface Schedule {
  on: IsoDate;
  protocolVersion: string;
  settingsFingerprint: string;
  entries: ScheduleEntry[];
  /** Problems with the input (invalid dates, pregnancies without a start); the rest is still computed. */
  issues: Issue[];
}
