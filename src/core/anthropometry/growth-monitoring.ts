import { completedMonths, parts, type IsoDate } from '../time/dates';
import type { AnthroResult } from './zscores';

/**
 * Posyandu monthly weighing judgements (KMS / Buku KIA):
 * - N (naik): weight gain since last month ≥ the minimum gain (KBM) for the age;
 * - T (tidak naik): no gain, a loss, or a gain below KBM;
 * - O: not weighed the month before, so the gain cannot be judged;
 * - B (baru): weighed for the first time.
 * "2T" (T two months in a row) means refer to the Puskesmas.
 * Source: reference-data.md §1 "Posyandu growth-monitoring conventions",
 * marked [verify against current Juknis]; so the KBM table, the 2T count and
 * the referral cut-offs are settings, with these defaults.
 */
export interface KbmStep {
  /** Age in completed months ("bulan penuh") at the current weighing, inclusive range. */
  fromMonth: number;
  toMonth: number;
  grams: number;
}

export interface GrowthMonitoringSettings {
  kbm: KbmStep[];
  /** How many T in consecutive months signal referral. */
  consecutiveTForReferral: number;
  /** Refer when BB/U is below this z-score… */
  referWeightForAgeBelowZ: number;
  /** …or BB/PB-BB/TB below this one. */
  referWeightForLengthBelowZ: number;
}

/**
 * KBM (Kenaikan Berat badan Minimal) by age: 1 mo 800 g, 2 mo 900 g, 3 mo
 * 800 g, 4 mo 600 g, 5 mo 500 g, 6–7 mo 400 g, 8–10 mo 300 g, 11–60 mo 200 g.
 * Source: the KBM table of the KMS (Permenkes 155/2010 on the use of KMS for
 * balita), repeated on the growth-chart page of Buku KIA (2023 print, whose
 * KBM row reads 800 900 800 600 500 400 300 200). [verify] against the
 * current Buku KIA / Juknis before relying on it.
 */
export const DEFAULT_KBM: KbmStep[] = [
  { fromMonth: 1, toMonth: 1, grams: 800 },
  { fromMonth: 2, toMonth: 2, grams: 900 },
  { fromMonth: 3, toMonth: 3, grams: 800 },
  { fromMonth: 4, toMonth: 4, grams: 600 },
  { fromMonth: 5, toMonth: 5, grams: 500 },
  { fromMonth: 6, toMonth: 7, grams: 400 },
  { fromMonth: 8, toMonth: 10, grams: 300 },
  { fromMonth: 11, toMonth: 60, grams: 200 },
];

/** reference-data.md §1: "2T" → refer; also BB/U < −3 SD and BB/PB-BB/TB < −2 SD. [verify] */
export const DEFAULT_GROWTH_MONITORING: GrowthMonitoringSettings = {
  kbm: DEFAULT_KBM,
  consecutiveTForReferral: 2,
  referWeightForAgeBelowZ: -3,
  referWeightForLengthBelowZ: -2,
};

export interface Weighing {
  date: IsoDate;
  weightKg: number;
}

export type WeighingCode = 'N' | 'T' | 'O' | 'B';

export interface WeighingOutcome {
  date: IsoDate;
  weightKg: number;
  /** null when no KBM is defined for the age (under 1 month or over the table). */
  code: WeighingCode | null;
  ageMonths: number;
  /** Gain since last month in grams (N/T only). */
  gainGrams: number | null;
  kbmGrams: number | null;
}

const monthIndex = (d: IsoDate) => {
  const p = parts(d);
  return p.year * 12 + p.month - 1;
};

export function kbmFor(ageMonths: number, kbm: KbmStep[] = DEFAULT_KBM): number | null {
  return kbm.find((k) => ageMonths >= k.fromMonth && ageMonths <= k.toMonth)?.grams ?? null;
}

/** The judgement of one weighing against the previous one (if any). */
export function judgeWeighing(birthDate: IsoDate, current: Weighing, previous: Weighing | undefined, settings: GrowthMonitoringSettings = DEFAULT_GROWTH_MONITORING): WeighingOutcome {
  const ageMonths = completedMonths(birthDate, current.date);
  const base = { date: current.date, weightKg: current.weightKg, ageMonths, gainGrams: null, kbmGrams: null };
  if (!previous) return { ...base, code: 'B' };
  if (monthIndex(previous.date) !== monthIndex(current.date) - 1) return { ...base, code: 'O' };
  const kbmGrams = kbmFor(ageMonths, settings.kbm);
  // Grams are whole numbers on a scale; rounding keeps 0.1 kg steps exact.
  const gainGrams = Math.round((current.weightKg - previous.weightKg) * 1000);
  if (kbmGrams === null) return { ...base, code: null, gainGrams };
  return { ...base, code: gainGrams >= kbmGrams ? 'N' : 'T', gainGrams, kbmGrams };
}

/**
 * Judges a child's weighings month by month. Several weighings in one
 * calendar month count as one: the last of the month (a re-weighing corrects).
 */
export function judgeWeighings(birthDate: IsoDate, weighings: Weighing[], settings: GrowthMonitoringSettings = DEFAULT_GROWTH_MONITORING): WeighingOutcome[] {
  const byMonth = new Map<number, Weighing>();
  for (const w of [...weighings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) byMonth.set(monthIndex(w.date), w);
  const monthly = [...byMonth.values()];
  return monthly.map((w, i) => judgeWeighing(birthDate, w, monthly[i - 1], settings));
}

/** T in each of the last `consecutiveTForReferral` months, ending with the latest weighing. */
export function hasConsecutiveT(outcomes: WeighingOutcome[], settings: GrowthMonitoringSettings = DEFAULT_GROWTH_MONITORING): boolean {
  const n = settings.consecutiveTForReferral;
  if (outcomes.length < n) return false;
  const last = outcomes.slice(-n);
  // A T needs last month's weighing, so n T's in a row are n consecutive months.
  return last.every((o) => o.code === 'T');
}

export type GrowthReferralReason = '2T' | 'severely_underweight' | 'wasted' | 'oedema';

/**
 * Why a balita should be referred to the Puskesmas from growth monitoring:
 * 2T, BB/U below −3, BB/PB-BB/TB below −2 (defaults), or bilateral pitting
 * oedema (which defines gizi buruk).
 */
export function growthReferralReasons(
  input: { outcomes?: WeighingOutcome[]; anthro?: AnthroResult },
  settings: GrowthMonitoringSettings = DEFAULT_GROWTH_MONITORING,
): GrowthReferralReason[] {
  const reasons: GrowthReferralReason[] = [];
  if (input.outcomes && hasConsecutiveT(input.outcomes, settings)) reasons.push('2T');
  const idx = input.anthro?.indices;
  if (idx?.wei.reference === 'WHO2006' && idx.wei.z !== null && idx.wei.z < settings.referWeightForAgeBelowZ) reasons.push('severely_underweight');
  if (idx?.wfl.z != null && idx.wfl.z < settings.referWeightForLengthBelowZ) reasons.push('wasted');
  if (idx && (idx.wei.status === 'oedema' || idx.wfl.status === 'oedema' || idx.bmi.status === 'oedema')) reasons.push('oedema');
  return reasons;
}
