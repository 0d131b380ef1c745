/**
 * The common shape of every scorer's output, and the small input checks they
 * share. Scorers validate their input and return Issues (code + field) rather
 * than throwing, so a form can show the message beside the field.
 */
import type { Issue } from '../i18n/issues';
import type { BandDef } from '../protocol/cutoffs/band';
import type { Source, Text } from '../protocol/types';
import { PROTOCOL_VERSION } from '../protocol/version';

export interface ScreeningResult<B extends string = string> {
  instrument: string;
  /** The instrument's score, where it has one. */
  score?: number;
  band: B;
  label: Text;
  followUp: Text;
  sources: Source[];
  /** Instrument-specific detail (flags, domains, sub-classes). */
  details?: Record<string, unknown>;
  protocolVersion: string;
}

export type Scored<B extends string> = { ok: true; result: ScreeningResult<B> } | { ok: false; issues: Issue[] };

export function result<B extends string>(
  instrument: string, band: BandDef<B>, sources: Source[], extra: { score?: number; details?: Record<string, unknown> } = {},
): Scored<B> {
  return {
    ok: true,
    result: { instrument, ...(extra.score !== undefined ? { score: extra.score } : {}), band: band.band, label: band.label, followUp: band.followUp, sources, ...(extra.details ? { details: extra.details } : {}), protocolVersion: PROTOCOL_VERSION },
  };
}

export const failed = <B extends string>(issues: Issue[]): Scored<B> => ({ ok: false, issues });

/** A finite number within plausibility bounds (typo guards, not clinical cut-offs). */
export function checkNumber(v: unknown, field: string, min: number, max: number, issues: Issue[]): v is number {
  if (v === undefined || v === null || v === '') {
    issues.push({ code: 'required', field });
    return false;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    issues.push({ code: 'invalid', field });
    return false;
  }
  if (v < min || v > max) {
    issues.push({ code: 'out_of_range', field, params: { min, max } });
    return false;
  }
  return true;
}

export function checkBoolean(v: unknown, field: string, issues: Issue[]): v is boolean {
  if (typeof v === 'boolean') return true;
  issues.push({ code: v === undefined || v === null ? 'required' : 'invalid', field });
  return false;
}

export function checkObject(v: unknown, issues: Issue[]): v is Record<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return true;
  issues.push({ code: 'invalid', field: '_' });
  return false;
}

/** Plausibility bounds shared by scorers. */
export const PLAUSIBLE = {
  ageYears: [0, 130],
  systolic: [50, 300],
  diastolic: [20, 200],
  lilaCm: [5, 60],
  weightKg: [0.5, 400],
  heightCm: [30, 250],
  waistCm: [30, 250],
  glucoseMgDl: [10, 1500],
  hba1cPercent: [2, 20],
} as const satisfies Record<string, readonly [number, number]>;
