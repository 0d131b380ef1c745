/**
 * Referral (rujukan) rules, pure: which facility may refer to which, the
 * status machine of a referral, and when it is due.
 *
 * Levels follow the ILP flow (ilp-domain.md §9.1, KMK Bab II–VII): household
 * and Posyandu → Pustu → Puskesmas and the other first-level facilities
 * (klinik pratama, praktik mandiri: FKTP) → hospital (FKRTL). A referral goes
 * to the same level (horizontal: Puskesmas ↔ Puskesmas/FKTP, Pustu ↔ Pustu) or
 * up; going down is a back-referral (rujuk balik) of an existing referral, not
 * a new one. The Dinas Kesehatan is an office and neither sends nor receives.
 */
import type { FacilityType } from '../../../core/facilities/types';
import { addDays, type IsoDate } from '../../../core/time/dates';

export const REFERRAL_LEVEL: Record<FacilityType, number | null> = {
  dinkes: null,
  posyandu: 1,
  pustu: 2,
  puskesmas: 3,
  klinik_pratama: 3,
  praktik_mandiri: 3,
  rumah_sakit: 4,
};

/**
 * Facility types without Siklus users (ROLE_FACILITY binds users only to
 * Posyandu, Pustu and Puskesmas): the sender records their answer — the
 * paper back-referral letter — on their behalf.
 */
export const OUTSIDE_NETWORK: ReadonlySet<FacilityType> = new Set(['rumah_sakit', 'klinik_pratama', 'praktik_mandiri']);

export type TargetCheck = 'ok' | 'referral_facility_type' | 'referral_same_facility' | 'referral_target_level';

export function checkTarget(from: { id: string; type: FacilityType }, to: { id: string; type: FacilityType }): TargetCheck {
  const a = REFERRAL_LEVEL[from.type];
  const b = REFERRAL_LEVEL[to.type];
  if (a === null || b === null) return 'referral_facility_type';
  if (from.id === to.id) return 'referral_same_facility';
  return b >= a ? 'ok' : 'referral_target_level';
}

export const URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REFERRAL_STATUSES = ['sent', 'received', 'handled', 'back_referred', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Not yet handled: these count in the inbox and can become overdue. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['sent', 'received'];

export type StepAction = 'receive' | 'handle' | 'back_refer' | 'cancel' | 'note';

/**
 * The status machine. `handle` from `sent` implies the receipt (a received
 * step is appended first); a back-referral follows the handling; a referral
 * can be cancelled until it is handled; a note never changes the status.
 */
export const TRANSITIONS: Record<Exclude<StepAction, 'note'>, { from: readonly ReferralStatus[]; to: ReferralStatus }> = {
  receive: { from: ['sent'], to: 'received' },
  handle: { from: ['sent', 'received'], to: 'handled' },
  back_refer: { from: ['handled'], to: 'back_referred' },
  cancel: { from: ['sent', 'received'], to: 'cancelled' },
};

/** Which side of the referral may take an action. */
export const ACTION_SIDE: Record<StepAction, 'receiver' | 'either'> = {
  receive: 'receiver',
  handle: 'receiver',
  back_refer: 'receiver',
  cancel: 'either',
  note: 'either',
};

export interface ReferralSettings {
  /** Days after sending by which the referral should be handled (0 = the same day). */
  dueDays: Record<Urgency, number>;
  /**
   * How long after a referral is closed (back-referred) the receiving
   * facility keeps access to the person's record. While it is open, access
   * lasts; a cancelled referral gives none.
   */
  accessDaysAfterClose: number;
}

/**
 * Defaults, a Siklus design choice (no national response-time standard was
 * found in the notes; SISRUTE measures response time but the Juknis text was
 * not seen, ilp-domain.md §9.3): an emergency is handled the same day, an
 * urgent referral within 3 days, a routine one within 14. A district changes
 * them in its referral settings.
 */
export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  dueDays: { emergency: 0, urgent: 3, routine: 14 },
  accessDaysAfterClose: 30,
};

export function dueByFor(sentOn: IsoDate, urgency: Urgency, settings: ReferralSettings): IsoDate {
  return addDays(sentOn, settings.dueDays[urgency]);
}

/** Overdue: still open after its due date. */
export function isOverdue(r: { status: string; dueBy: IsoDate }, today: IsoDate): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(r.status) && today > r.dueBy;
}

export const REFERRAL_STATUS_LABEL: Record<ReferralStatus, { id: string; en: string }> = {
  sent: { id: 'dikirim', en: 'sent' },
  received: { id: 'diterima', en: 'received' },
  handled: { id: 'ditangani', en: 'handled' },
  back_referred: { id: 'dirujuk balik', en: 'back-referred' },
  cancelled: { id: 'dibatalkan', en: 'cancelled' },
};
