/**
 * Units: every numeric concept has one canonical unit (UCUM), the one stored.
 * A value sent in another unit of the same quantity is converted; a unit of
 * another quantity is an error. Conversion factors are physical constants,
 * not clinical numbers.
 */
import type { Concept } from '../codes/concepts';

export type CanonicalUnit = 'kg' | 'cm' | 'mm[Hg]' | 'mg/dL' | '%' | 'g/dL' | '/min' | '{count}' | '{tablet}' | '{grade}';

type Convert = (v: number) => number;
const same: Convert = (v) => v;

/** Glucose: 1 mmol/L = 18.016 mg/dL (molar mass of glucose 180.16 g/mol). */
const GLUCOSE_MG_PER_MMOL = 18.016;
/** Haemoglobin: 1 mmol/L (monomer, 16,114 g/mol) = 1.6114 g/dL. */
const HB_GDL_PER_MMOL = 1.6114;
/** HbA1c IFCC (mmol/mol) → NGSP (%): the IFCC–NGSP master equation, % = 0.09148 × IFCC + 2.152. */
const hba1cFromIfcc: Convert = (v) => 0.09148 * v + 2.152;

/** Accepted spellings (lower-cased) → converter into the canonical unit. */
const ACCEPTED: Record<CanonicalUnit, Record<string, Convert>> = {
  kg: { kg: same, g: (v) => v / 1000, '[lb_av]': (v) => v * 0.45359237, lb: (v) => v * 0.45359237 },
  cm: { cm: same, mm: (v) => v / 10, m: (v) => v * 100, '[in_i]': (v) => v * 2.54, in: (v) => v * 2.54 },
  'mm[Hg]': { 'mm[hg]': same, mmhg: same },
  'mg/dL': { 'mg/dl': same, 'mmol/l': (v) => v * GLUCOSE_MG_PER_MMOL },
  '%': { '%': same, 'mmol/mol': hba1cFromIfcc },
  'g/dL': { 'g/dl': same, 'g/l': (v) => v / 10, 'mmol/l': (v) => v * HB_GDL_PER_MMOL },
  '/min': { '/min': same, 'bpm': same, '{beats}/min': same },
  '{count}': { '{count}': same, '1': same },
  '{tablet}': { '{tablet}': same, '{tablets}': same, tablet: same, '1': same },
  '{grade}': { '{grade}': same, '1': same },
};

/** The canonical unit of each numeric concept (a valueNum of any other concept is not a quantity). */
export const CANONICAL_UNIT: Partial<Record<Concept, CanonicalUnit>> = {
  weight: 'kg',
  height: 'cm',
  length: 'cm',
  head: 'cm',
  muac: 'cm',
  waist: 'cm',
  fundal: 'cm',
  bmi: '{count}',
  'bp-systolic': 'mm[Hg]',
  'bp-diastolic': 'mm[Hg]',
  'glucose-capillary': 'mg/dL',
  'glucose-random': 'mg/dL',
  'glucose-fasting': 'mg/dL',
  'glucose-2h': 'mg/dL',
  hba1c: '%',
  hb: 'g/dL',
  fhr: '/min',
  gravida: '{count}',
  parity: '{count}',
  ttd: '{tablet}',
  'school-grade': '{grade}',
};

export type UnitResult = { ok: true; value: number; unit: CanonicalUnit } | { ok: false; expected: CanonicalUnit };

/** Converts `value` given in `unit` (null/empty = already canonical) to the concept's canonical unit. */
export function toCanonical(value: number, unit: string | null | undefined, canonical: CanonicalUnit): UnitResult {
  if (unit == null || unit.trim() === '' || unit === canonical) return { ok: true, value, unit: canonical };
  const convert = ACCEPTED[canonical][unit.trim().toLowerCase()];
  if (!convert) return { ok: false, expected: canonical };
  return { ok: true, value: convert(value), unit: canonical };
}
