/**
 * Plausibility warnings for a visit's events (codes in docs/fieldwork-api.md):
 * - anthro_implausible: a WHO implausibility flag on a child's z-score
 *   (anthropometry computeZScores; the visit's weight, length/height, head
 *   and MUAC together, so weight-for-length is judged too), and on a newborn's
 *   birth weight and length;
 * - bp_implausible: a reading inside the hard limits but outside the soft ones;
 * - weight_change_implausible: half or double the weight of a weighing within
 *   about a month;
 * - value_implausible: an adult value, a laboratory value or a pregnancy at
 *   an age outside the soft bounds.
 * Every bound is in limits.ts. A warning is not an error: the user confirms
 * it and it is stored on the event.
 */
import type { GrowthReferences } from '../anthropometry/growth-references';
import type { AnthroIndex } from '../anthropometry/who-rules';
import { computeZScores, type AnthroInput } from '../anthropometry/zscores';
import type { Concept } from '../codes/concepts';
import { recognise } from '../codes/registry';
import type { Issue } from '../i18n/issues';
import type { Sex } from '../people/nik';
import { ageInDays, completedMonths, completedYears, daysBetween, type IsoDate } from '../time/dates';
import { activeEvents } from './facts';
import { ADULT_BOUNDS_FROM_MONTHS, SOFT_LIMITS, within, type Range } from './limits';
import type { NormalisedEvent, RecordEvent } from './types';

export interface PlausibilityContext {
  person: { sex: Sex; birthDate: IsoDate };
  occurredOn: IsoDate;
  /** The person's stored events (all, including superseded ones). */
  history: readonly RecordEvent[];
  /** WHO growth references; null skips the z-score checks. */
  refs: GrowthReferences | null;
}

/** Permenkes names of the indices, as a kader knows them. */
const INDEX_LABEL: Record<AnthroIndex, { l: string; h: string }> = {
  wei: { l: 'BB/U', h: 'BB/U' },
  len: { l: 'PB/U', h: 'TB/U' },
  wfl: { l: 'BB/PB', h: 'BB/TB' },
  bmi: { l: 'IMT/U', h: 'IMT/U' },
  hc: { l: 'LK/U', h: 'LK/U' },
  ac: { l: 'LiLA/U', h: 'LiLA/U' },
  ts: { l: 'TLT/U', h: 'TLT/U' },
  ss: { l: 'TLS/U', h: 'TLS/U' },
};

/** Which event a flagged index is reported on. */
const INDEX_SOURCE: Record<AnthroIndex, Concept[]> = {
  wei: ['weight'], len: ['length', 'height'], wfl: ['weight', 'length', 'height'], bmi: ['weight', 'length', 'height'],
  hc: ['head'], ac: ['muac'], ts: [], ss: [],
};

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function plausibilityWarnings(events: readonly NormalisedEvent[], ctx: PlausibilityContext): Issue[] {
  const out: Issue[] = [];
  const field = (i: number, path: string) => `events.${i}.${path}`;
  const first = (concepts: Concept[]): number => events.findIndex((e) => e.concept !== null && concepts.includes(e.concept));
  const ageMonths = completedMonths(ctx.person.birthDate, ctx.occurredOn);
  const adult = ageMonths >= ADULT_BOUNDS_FROM_MONTHS;

  // Children: WHO flags on the visit's measurements together.
  if (!adult && ctx.refs) {
    const wi = first(['weight']);
    const li = first(['length', 'height']);
    const hi = first(['head']);
    const mi = first(['muac']);
    if (wi >= 0 || li >= 0 || hi >= 0 || mi >= 0) {
      const lh = li >= 0 ? events[li]! : null;
      const position = lh ? ((lh.value?.position as 'l' | 'h' | undefined) ?? (lh.concept === 'length' ? 'l' : 'h')) : null;
      const input: AnthroInput = {
        sex: ctx.person.sex,
        age: { days: ageInDays(ctx.person.birthDate, ctx.occurredOn) },
        weightKg: wi >= 0 ? events[wi]!.valueNum : null,
        lengthHeightCm: lh?.valueNum ?? null,
        measure: position,
        headCm: hi >= 0 ? events[hi]!.valueNum : null,
        muacCm: mi >= 0 ? events[mi]!.valueNum : null,
      };
      const r = computeZScores(input, ctx.refs);
      const reported = new Set<number>();
      for (const [index, res] of Object.entries(r.indices) as Array<[AnthroIndex, (typeof r.indices)[AnthroIndex]]>) {
        if (!res.flag) continue;
        const at = first(INDEX_SOURCE[index]);
        if (at < 0 || reported.has(at)) continue;
        reported.add(at);
        out.push({ code: 'anthro_implausible', field: field(at, 'valueNum'), params: { index: INDEX_LABEL[index][position ?? 'h'], z: res.z ?? 0 } });
      }
    }
  }

  events.forEach((e, i) => {
    const v = e.valueNum;
    switch (e.concept) {
      case 'bp': {
        const s = num(e.value?.systolic);
        const d = num(e.value?.diastolic);
        if (s === undefined || d === undefined) break;
        const b = SOFT_LIMITS.bp;
        if (!within(s, b.systolic)) out.push({ code: 'bp_implausible', field: field(i, 'value.systolic'), params: { systolic: s, diastolic: d } });
        else if (!within(d, b.diastolic) || !within(s - d, b.pulsePressure)) out.push({ code: 'bp_implausible', field: field(i, 'value.diastolic'), params: { systolic: s, diastolic: d } });
        break;
      }
      case 'weight':
        if (v !== null) {
          const w = weightChange(v, e, events, ctx);
          if (w) out.push({ code: 'weight_change_implausible', field: field(i, 'valueNum'), params: w });
          if (adult) adultBound(out, field(i, 'valueNum'), v, SOFT_LIMITS.adult.weightKg, 'kg');
        }
        break;
      case 'height':
      case 'length':
        if (v !== null && adult) adultBound(out, field(i, 'valueNum'), v, SOFT_LIMITS.adult.heightCm, 'cm');
        break;
      case 'muac':
        if (v !== null && adult) adultBound(out, field(i, 'valueNum'), v, SOFT_LIMITS.adult.muacCm, 'cm');
        break;
      case 'waist':
        if (v !== null && adult) adultBound(out, field(i, 'valueNum'), v, SOFT_LIMITS.adult.waistCm, 'cm');
        break;
      case 'bmi':
        if (v !== null && adult) adultBound(out, field(i, 'valueNum'), v, SOFT_LIMITS.adult.bmi, '');
        break;
      case 'hb':
        if (v !== null) adultBound(out, field(i, 'valueNum'), v, SOFT_LIMITS.any.hbGdl, 'g/dL');
        break;
      case 'glucose-capillary':
      case 'glucose-random':
      case 'glucose-fasting':
      case 'glucose-2h':
        if (v !== null) adultBound(out, field(i, 'valueNum'), v, SOFT_LIMITS.any.glucoseMgDl, 'mg/dL');
        break;
      case 'hba1c':
        if (v !== null) adultBound(out, field(i, 'valueNum'), v, SOFT_LIMITS.any.hba1cPercent, '%');
        break;
      case 'pregnancy':
      case 'delivery':
      case 'anc-contact': {
        adultBound(out, field(i, 'code'), completedYears(ctx.person.birthDate, ctx.occurredOn), SOFT_LIMITS.pregnancyAgeYears, 'tahun');
        if (e.concept === 'delivery' && ctx.refs) out.push(...birthWarnings(e, i, ctx.refs));
        break;
      }
      default:
        break;
    }
  });
  // The adult BMI from this visit's weight and height.
  if (adult) {
    const wi = first(['weight']);
    const hi = first(['height', 'length']);
    const w = wi >= 0 ? events[wi]!.valueNum : null;
    const h = hi >= 0 ? events[hi]!.valueNum : null;
    if (w !== null && h !== null && !out.some((o) => o.field === field(wi, 'valueNum'))) {
      const bmi = w / (h / 100) ** 2;
      adultBound(out, field(wi, 'valueNum'), Math.round(bmi * 10) / 10, SOFT_LIMITS.adult.bmi, 'IMT');
    }
  }
  return out;
}

function adultBound(out: Issue[], f: string, v: number, range: Range, unit: string): void {
  if (!within(v, range)) out.push({ code: 'value_implausible', field: f, params: { value: v, unit, min: range[0], max: range[1] } });
}

/** The previous weighing within the soft window, when this one is half or double it. */
function weightChange(kg: number, e: NormalisedEvent, events: readonly NormalisedEvent[], ctx: PlausibilityContext): Record<string, string | number> | null {
  const { withinDays, ratio } = SOFT_LIMITS.weightChange;
  const replaced = new Set(events.map((x) => x.supersedesId).filter((x): x is string => !!x));
  let prev: RecordEvent | null = null;
  for (const h of activeEvents(ctx.history)) {
    if (h.id === e.id || replaced.has(h.id) || h.valueNum == null) continue;
    if (recognise(h.codeSystem, h.code)?.concept !== 'weight') continue;
    const gap = daysBetween(h.occurredOn, ctx.occurredOn);
    if (gap < 0 || gap > withinDays) continue;
    if (!prev || h.occurredOn > prev.occurredOn) prev = h;
  }
  if (!prev || !prev.valueNum) return null;
  // Half or double (or beyond) is asked about: the bounds themselves count as implausible.
  const r = kg / prev.valueNum;
  return r > ratio[0] && r < ratio[1] ? null : { previous: prev.valueNum, date: prev.occurredOn };
}

/** A newborn's birth weight and length against the WHO standards at day 0. */
function birthWarnings(e: NormalisedEvent, i: number, refs: GrowthReferences): Issue[] {
  const births = Array.isArray(e.value?.births) ? (e.value!.births as Array<Record<string, unknown>>) : [];
  const out: Issue[] = [];
  births.forEach((b, j) => {
    const sex = b.sex === 'M' || b.sex === 'F' ? b.sex : null;
    if (!sex) return;
    const grams = num(b.birthWeightGrams);
    const cm = num(b.birthLengthCm);
    const r = computeZScores({ sex, age: { days: 0 }, weightKg: grams !== undefined ? grams / 1000 : null, lengthHeightCm: cm ?? null, measure: 'l' }, refs);
    if (r.indices.wei.flag) out.push({ code: 'anthro_implausible', field: `events.${i}.value.births.${j}.birthWeightGrams`, params: { index: 'BB/U', z: r.indices.wei.z ?? 0 } });
    else if (r.indices.len.flag) out.push({ code: 'anthro_implausible', field: `events.${i}.value.births.${j}.birthLengthCm`, params: { index: 'PB/U', z: r.indices.len.z ?? 0 } });
  });
  return out;
}
