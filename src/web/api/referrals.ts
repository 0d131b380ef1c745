/**
 * Referrals (rujukan) and back-referrals (docs/fieldwork-api.md "Referrals"):
 * create, the inbox and outbox of a facility, one referral with its steps and
 * the steps receive → handle → back-refer (or cancel, or a note).
 */
import { api, enc } from './client';
import type { FacilitySummary, FacilityType } from './types';

export const URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REFERRAL_STATUSES = ['sent', 'received', 'handled', 'back_referred', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export type ReferralStepName = ReferralStatus | 'note';

export interface FacilityRef {
  id: string;
  name: string;
  type: FacilityType;
  areaCode: string;
}

export interface ReferralStep {
  id: number;
  step: ReferralStepName;
  at: string;
  /** Whole days from sending to this step (in the installation's time zone). */
  daysSinceSent: number;
  facilityId: string | null;
  by: string | null;
  byName: string | null;
  note: string | null;
  /** { outcome } on handled, { instructions } on back_referred, { onBehalfOf } when the sender recorded a hospital's answer. */
  data: Record<string, unknown> | null;
}

/** Findings travel as a small flat object of what was found. */
export type Findings = Record<string, string | number | boolean | null | Array<string | number>>;

export interface Referral {
  id: string;
  person: { id: string; name: string; nik: string | null; sex: 'M' | 'F'; birthDate: string; areaCode: string; villageCode: string; villageName: string | null };
  from: FacilityRef;
  to: FacilityRef;
  reason: string;
  urgency: Urgency;
  findings: Findings | null;
  status: ReferralStatus;
  sentOn: string;
  dueBy: string;
  /** Still open (sent or received) after `dueBy`. */
  overdue: boolean;
  /** Days since sending (until closing for closed ones). */
  ageDays: number;
  outcome: string | null;
  backInstructions: string | null;
  visitId: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  version: number;
  steps: ReferralStep[];
}

export interface ReferralInput {
  id: string;
  personId: string;
  fromFacilityId: string;
  toFacilityId: string;
  reason: string;
  urgency: Urgency;
  findings?: Findings | null;
  visitId?: string | null;
}

export type Box = 'inbox' | 'outbox';

export interface ReferralList {
  box: Box;
  facilityId: string | null;
  total: number;
  page: number;
  pageSize: number;
  referrals: Referral[];
}

export interface ReferralTarget extends FacilitySummary {
  level: number;
  /** The sender's own network parent (Posyandu → its Pustu → its Puskesmas): listed first. */
  networkParent: boolean;
}

export interface ReferralSettings {
  dueDays: Record<Urgency, number>;
  accessDaysAfterClose: number;
}

/** GET /api/home gains these counters. */
export interface ReferralCounters {
  inbox: number;
  overdueInbox: number;
  overdueOutbox: number;
  backReferred: number;
}

export const createReferral = (input: ReferralInput) => api.post<{ referral: Referral; status: 'accepted' | 'duplicate' }>('/api/referrals', input);

export const listReferrals = (q: { box: Box; facility?: string; status?: string; overdue?: boolean; page?: number; pageSize?: number }) =>
  api.get<ReferralList>('/api/referrals', { ...q, overdue: q.overdue ? 'true' : undefined });

export const getReferral = (id: string) => api.get<{ referral: Referral }>(`/api/referrals/${enc(id)}`).then((r) => r.referral);

export const referralTargets = (from: string) => api.get<{ from: string; targets: ReferralTarget[] }>('/api/referrals/targets', { from }).then((r) => r.targets);

export const referralSettings = (kab?: string) =>
  api.get<{ kabCode: string; settings: ReferralSettings }>('/api/referrals/settings', { kab }).then((r) => r.settings);

type StepAnswer = Promise<{ referral: Referral }>;
export const receiveReferral = (id: string, note?: string | null): StepAnswer => api.post(`/api/referrals/${enc(id)}/receive`, { note: note || null });
export const handleReferral = (id: string, outcome: string, note?: string | null): StepAnswer =>
  api.post(`/api/referrals/${enc(id)}/handle`, { outcome, note: note || null });
export const backRefer = (id: string, instructions: string, note?: string | null): StepAnswer =>
  api.post(`/api/referrals/${enc(id)}/back-refer`, { instructions, note: note || null });
export const cancelReferral = (id: string, note: string): StepAnswer => api.post(`/api/referrals/${enc(id)}/cancel`, { note });
export const noteReferral = (id: string, note: string): StepAnswer => api.post(`/api/referrals/${enc(id)}/note`, { note });
