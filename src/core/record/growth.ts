/**
 * The growth section of the person page (KMS / Buku KIA style): each
 * measuring day with WHO z-scores and Permenkes 2/2020 categories, the WHO
 * curves −3…+3 SD over the child's ages computed from the LMS tables (so no
 * table goes to the browser), and the monthly weighing judgements N/T/O/B
 * against the KBM. Every number comes from core/anthropometry.
 */
import type { GrowthReferences } from '../anthropometry/growth-references';
import type { GrowthTableName } from '../anthropometry/growth-tables';
import { judgeWeighings, DEFAULT_GROWTH_MONITORING, type GrowthMonitoringSettings, type WeighingCode } from '../anthropometry/growth-monitoring';
import { lmsValueAt } from '../anthropometry/lms';
import { classifyPermenkes, type PermenkesCategories } from '../anthropometry/permenkes';
import {
  DAYS_PER_MONTH, HEIGHT_FROM_DAY, WFH_RANGE_CM, WFL_RANGE_CM, WHO2006_LAST_DAY, WHO2007_TO_MONTHS, WHO2007_WEIGHT_TO_MONTHS, ANTHRO_INDICES,
} from '../anthropometry/who-rules';
import { computeZScores, type Measure } from '../anthropometry/zscores';
import type { Sex } from '../people/nik';
import { ageInDays, completedMonths, type IsoDate } from '../time/dates';
import { numberOf, type ReadEvent } from './events';

export interface GrowthPoint {
  date: IsoDate;
  ageDays: number;
  weight: number | null;
  lengthOrHeight: number | null;
  position: Measure | null;
  head: number | null;
  muac: number | null;
  z: { wfa: number | null; lhfa: number | null; wfl: number | null; bmi: number | null; hc: number | null; ac: number | null };
  categories: PermenkesCategories;
  /** Indices whose z-score is implausible by WHO's flag limits. */
  flags: string[];
  approximate: boolean;
}

export const SD_LINES = ['-3', '-2', '-1', '0', '1', '2', '3'] as const;
export type SdLine = (typeof SD_LINES)[number];
export type SdValues = Record<SdLine, number>;

export interface AgeCurvePoint { ageDays: number; sd: SdValues }
export interface LengthCurvePoint { lengthCm: number; sd: SdValues }

export interface GrowthCurves {
  /** Weight-for-age (kg). */
  wfa: AgeCurvePoint[];
  /** Length-for-age before 2 years, height-for-age after (cm). */
  lhfa: AgeCurvePoint[];
  /** Weight-for-length (lying, 45–110 cm), over the lengths measured before 2 years. */
  wfl: LengthCurvePoint[];
  /** Weight-for-height (standing, 65–120 cm), over the heights measured from 2 years. */
  wfh: LengthCurvePoint[];
  /** Head circumference-for-age (cm), under 5 years. */
  hc: AgeCurvePoint[];
}

export interface WeighingView {
  date: IsoDate;
  weight: number;
  ageMonths: number;
  outcome: WeighingCode | null;
  gainG: number | null;
  /** KBM (kenaikan berat badan minimal) for the age, grams. */
  minGainG: number | null;
}

export interface GrowthView {
  sex: Sex;
  points: GrowthPoint[];
  curves: GrowthCurves;
  /** Some table used is jsgrowup's approximate fallback (no WHO import yet). */
  approximate: boolean;
  weighings: WeighingView[];
}

/** Curves are drawn this far past the child's latest age (one KMS column of margin). */
const CURVE_MARGIN_MONTHS = 2;
/** Curve sample spacing: a month on age axes (as KMS), a centimetre on length axes. */
const LENGTH_STEP_CM = 1;
/** Weighings are judged up to the end of balita age (KBM table and SKDN are for 0–59 months). */
const WEIGHING_BEFORE_MONTHS = 60;

const round2 = (v: number) => Math.round(v * 100) / 100;

function sdAt(refs: GrowthReferences, table: GrowthTableName, sex: Sex, x: number): SdValues | null {
  const lms = refs.lms(table, sex, x);
  if (!lms) return null;
  const out = {} as SdValues;
  for (const line of SD_LINES) out[line] = round2(lmsValueAt(Number(line), lms));
  return out;
}

/** Monthly samples from birth to `toDays`, by the 2006 day table under 5 years and the 2007 month table after. */
function ageCurve(refs: GrowthReferences, sex: Sex, toDays: number, t2006: GrowthTableName, t2007: { table: GrowthTableName; toMonths: number } | null): AgeCurvePoint[] {
  const out: AgeCurvePoint[] = [];
  const lastMonth = Math.ceil(toDays / DAYS_PER_MONTH);
  for (let m = 0; m <= lastMonth; m++) {
    const days = Math.round(m * DAYS_PER_MONTH);
    let sd: SdValues | null = null;
    if (days <= WHO2006_LAST_DAY) sd = sdAt(refs, t2006, sex, days);
    else if (t2007 && m <= t2007.toMonths) sd = sdAt(refs, t2007.table, sex, m);
    if (sd) out.push({ ageDays: days, sd });
  }
  return out;
}

function lengthCurve(refs: GrowthReferences, sex: Sex, table: GrowthTableName, range: readonly [number, number], lengths: number[]): LengthCurvePoint[] {
  if (lengths.length === 0) return [];
  const lo = Math.max(range[0], Math.floor(Math.min(...lengths)) - 5);
  const hi = Math.min(range[1], Math.ceil(Math.max(...lengths)) + 5);
  const out: LengthCurvePoint[] = [];
  for (let x = lo; x <= hi; x += LENGTH_STEP_CM) {
    const sd = sdAt(refs, table, sex, x);
    if (sd) out.push({ lengthCm: x, sd });
  }
  return out;
}

interface DayMeasures {
  weight: number | null;
  length: { cm: number; position: Measure } | null;
  head: number | null;
  muac: number | null;
}

/**
 * Measurements by day: the last recorded value of each kind that day (a
 * re-measurement corrects). Lengths default to lying, heights to standing,
 * unless the event says where the child was measured.
 */
function measuringDays(events: readonly ReadEvent[]): Map<IsoDate, DayMeasures> {
  const days = new Map<IsoDate, DayMeasures>();
  const at = (d: IsoDate) => {
    let m = days.get(d);
    if (!m) days.set(d, (m = { weight: null, length: null, head: null, muac: null }));
    return m;
  };
  for (const r of events) {
    const v = numberOf(r.e.valueNum);
    if (v === null || !(v > 0)) continue;
    switch (r.concept) {
      case 'weight': at(r.e.occurredOn).weight = v; break;
      case 'length':
      case 'height': {
        const p = r.value.position;
        const position: Measure = p === 'l' || p === 'h' ? p : r.concept === 'length' ? 'l' : 'h';
        at(r.e.occurredOn).length = { cm: v, position };
        break;
      }
      case 'head': at(r.e.occurredOn).head = v; break;
      case 'muac': at(r.e.occurredOn).muac = v; break;
      default: break;
    }
  }
  return days;
}

/** Each measuring day (to 19 years) with WHO z-scores, Permenkes categories and WHO flags. */
export function growthPoints(person: { sex: Sex; birthDate: IsoDate }, events: readonly ReadEvent[], refs: GrowthReferences): GrowthPoint[] {
  const lastDay = Math.round(WHO2007_TO_MONTHS * DAYS_PER_MONTH);
  const points: GrowthPoint[] = [];
  const byDay = [...measuringDays(events)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [date, m] of byDay) {
    const ageDays = ageInDays(person.birthDate, date);
    // WHO references end at 19 years; adults' weights belong to the vitals.
    if (ageDays < 0 || ageDays > lastDay) continue;
    const r = computeZScores({
      sex: person.sex, age: { days: ageDays }, weightKg: m.weight, lengthHeightCm: m.length?.cm ?? null, measure: m.length?.position ?? null,
      headCm: m.head, muacCm: m.muac,
    }, refs);
    const i = r.indices;
    points.push({
      date, ageDays, weight: m.weight, lengthOrHeight: m.length?.cm ?? null, position: m.length?.position ?? null, head: m.head, muac: m.muac,
      z: { wfa: i.wei.z, lhfa: i.len.z, wfl: i.wfl.z, bmi: i.bmi.z, hc: i.hc.z, ac: i.ac.z },
      categories: classifyPermenkes(r),
      flags: ANTHRO_INDICES.filter((k) => i[k].flag === true),
      approximate: r.approximate,
    });
  }
  return points;
}

/** KMS judgements of the monthly weighings under 5 years (the last weighing of a calendar month counts). */
export function weighingViews(
  person: { birthDate: IsoDate }, events: readonly ReadEvent[], monitoring: GrowthMonitoringSettings = DEFAULT_GROWTH_MONITORING,
): WeighingView[] {
  const days = [...measuringDays(events)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const underFive = (d: IsoDate) => completedMonths(person.birthDate, d) < WEIGHING_BEFORE_MONTHS;
  return judgeWeighings(
    person.birthDate,
    days.filter(([d, m]) => m.weight !== null && d >= person.birthDate && underFive(d)).map(([date, m]) => ({ date, weightKg: m.weight! })),
    monitoring,
  ).map((o) => ({ date: o.date, weight: o.weightKg, ageMonths: o.ageMonths, outcome: o.code, gainG: o.gainGrams, minGainG: o.kbmGrams }));
}

export function growthView(
  person: { sex: Sex; birthDate: IsoDate },
  events: readonly ReadEvent[],
  on: IsoDate,
  refs: GrowthReferences,
  monitoring: GrowthMonitoringSettings = DEFAULT_GROWTH_MONITORING,
): GrowthView {
  const lastDay = Math.round(WHO2007_TO_MONTHS * DAYS_PER_MONTH);
  const points = growthPoints(person, events, refs);
  const ageNow = Math.max(0, ageInDays(person.birthDate, on));
  const latest = Math.max(ageNow, ...points.map((p) => p.ageDays));
  const curvesTo = Math.min(lastDay, Math.round(latest + CURVE_MARGIN_MONTHS * DAYS_PER_MONTH));
  const lying = points.filter((p) => p.lengthOrHeight !== null && p.ageDays < HEIGHT_FROM_DAY).map((p) => p.lengthOrHeight!);
  const standing = points.filter((p) => p.lengthOrHeight !== null && p.ageDays >= HEIGHT_FROM_DAY && p.ageDays <= WHO2006_LAST_DAY).map((p) => p.lengthOrHeight!);
  const curves: GrowthCurves = points.length === 0 && ageNow > lastDay
    ? { wfa: [], lhfa: [], wfl: [], wfh: [], hc: [] }
    : {
      wfa: ageCurve(refs, person.sex, Math.min(curvesTo, Math.round(WHO2007_WEIGHT_TO_MONTHS * DAYS_PER_MONTH)), 'weianthro', { table: 'wfawho2007', toMonths: WHO2007_WEIGHT_TO_MONTHS }),
      lhfa: ageCurve(refs, person.sex, curvesTo, 'lenanthro', { table: 'hfawho2007', toMonths: WHO2007_TO_MONTHS }),
      wfl: lengthCurve(refs, person.sex, 'wflanthro', WFL_RANGE_CM, lying),
      wfh: lengthCurve(refs, person.sex, 'wfhanthro', WFH_RANGE_CM, standing),
      hc: ageCurve(refs, person.sex, Math.min(curvesTo, WHO2006_LAST_DAY), 'hcanthro', null),
    };
  const tablesUsed: GrowthTableName[] = ['weianthro', 'lenanthro', 'wflanthro', 'wfhanthro', 'hcanthro'];
  const approximate = points.some((p) => p.approximate) || (curves.wfa.length > 0 && tablesUsed.some((t) => refs.availability(t) === 'approximate'));
  return { sex: person.sex, points, curves, approximate, weighings: weighingViews(person, events, monitoring) };
}
