/**
 * Horizontal class bands for the blood-pressure and glucose trend charts,
 * built from the cut-off tables in core/protocol/cutoffs (KMK Tabel 22, 14,
 * 23, 24): the numbers live there; here they only become coloured bands.
 */
import { ADULT_BP, ADULT_BP_FROM_AGE, ADULT_HT_FROM, TEEN_BP, TEEN_BP_FROM_AGE } from '../../core/protocol/cutoffs/blood-pressure';
import { GLUCOSE_BANDS, GLUCOSE_CUTS, type GlucoseDevice, type GlucoseMeasure } from '../../core/protocol/cutoffs/glucose';
import type { Text } from '../../core/protocol/types';
import type { BandTone } from './growth-model';

export interface HBand {
  /** Inclusive lower bound; null = the bottom of the chart. */
  from: number | null;
  /** Exclusive upper bound; null = the top. */
  to: number | null;
  tone: BandTone;
  label: Text;
}

export interface RefLine {
  value: number;
  label: Text;
}

const BP_TONE: Record<string, BandTone> = {
  optimal: 'good', normal: 'good', 'high-normal': 'watch', 'ht-1': 'warn', 'ht-2': 'danger', 'ht-3': 'danger',
  'isolated-systolic': 'warn', elevated: 'watch', 'stage-1': 'warn', 'stage-2': 'danger',
};

/**
 * Systolic class bands for the age (adult or 13–<18), and the diastolic
 * threshold of hypertension as a line (the class is the higher of the two
 * axes, so a single axis cannot hold both). Younger children: none (their
 * thresholds exist only for some ages and sexes).
 */
export function bpBands(ageYears: number): { bands: HBand[]; lines: RefLine[] } {
  const table = ageYears >= ADULT_BP_FROM_AGE ? ADULT_BP : ageYears >= TEEN_BP_FROM_AGE ? TEEN_BP : null;
  if (!table) return { bands: [], lines: [] };
  const bands = table.map((b, i) => ({
    from: i === 0 ? null : b.sys,
    to: table[i + 1]?.sys ?? null,
    tone: BP_TONE[b.band] ?? 'good',
    label: b.label,
  }));
  const dia = ageYears >= ADULT_BP_FROM_AGE ? ADULT_HT_FROM.dia : TEEN_BP.find((b) => b.band === 'stage-1')!.dia!;
  return { bands, lines: [{ value: dia, label: { id: `diastolik ${dia}`, en: `diastolic ${dia}` } }] };
}

/** Glucose bands of one measure and device: normal, indeterminate (the gap the tables leave), prediabetes, diabetes. */
export function glucoseBands(device: GlucoseDevice, measure: GlucoseMeasure): HBand[] {
  const c = GLUCOSE_CUTS[device][measure];
  if (!c) return [];
  const out: HBand[] = [{ from: null, to: c.normalBelow, tone: 'good', label: GLUCOSE_BANDS.normal.label }];
  if (c.prediabetesFrom > c.normalBelow) out.push({ from: c.normalBelow, to: c.prediabetesFrom, tone: 'watch', label: GLUCOSE_BANDS.indeterminate.label });
  out.push({ from: c.prediabetesFrom, to: c.diabetesFrom, tone: 'warn', label: GLUCOSE_BANDS.prediabetes.label });
  out.push({ from: c.diabetesFrom, to: null, tone: 'danger', label: GLUCOSE_BANDS.diabetes.label });
  return out;
}

/**
 * The colour of every result class the scorers give (core/protocol/cutoffs,
 * core/screening): good, to watch, to act on, danger. Bands and points use
 * the same colours.
 */
export const CLASS_TONE: Record<string, BandTone> = {
  ...BP_TONE,
  // glucose (Tabel 23/24)
  indeterminate: 'watch', prediabetes: 'warn', diabetes: 'danger', 'diabetes-unconfirmed': 'warn',
  // child BP thresholds (Tabel 14)
  'below-threshold': 'good', 'at-or-above-threshold': 'danger', 'not-classified': 'watch',
  // SRQ-20, SKILAS, PUMA, 4T
  abnormal: 'warn', refer: 'warn', low: 'good', high: 'warn', 'no-risk': 'good', risk: 'warn',
  // ADL (Barthel): A / B / C
  independent: 'good', mild: 'watch', moderate: 'warn', severe: 'danger', total: 'danger',
  // IMT, KEK
  underweight: 'warn', overweight: 'watch', 'obese-1': 'warn', 'obese-2': 'danger', kek: 'danger',
  // TB symptoms and child TB score
  'bukan-terduga': 'good', 'kontak-erat': 'warn', terduga: 'danger', 'clinical-tb': 'danger', 'latent-tb': 'warn', observe: 'watch',
};

/** The tone of a class a server or scorer gave ("ht-1", "prediabetes"); unknown classes ask for attention. */
export function classTone(band: string | null | undefined): BandTone | null {
  if (!band) return null;
  return CLASS_TONE[band] ?? 'warn';
}
