/**
 * Danger signs from recorded events: what sends a kader to a house first
 * (KMK §IV alur 2: home visits find "danger signs"; ilp-domain.md §4.3). Each
 * sign comes from a rule that already exists in core, applied to the latest
 * record:
 * - balita growth referral (anthropometry growthReferralReasons): 2T, BB/U
 *   below −3 SD, BB/PB-BB/TB below −2 SD, oedema;
 * - adult blood pressure in hypertension grade 3 (screening/blood-pressure);
 * - a TB symptom screening with the result "terduga" (presumptive TB);
 * - a pregnant woman with KEK by LiLA (screening/kek) or a 4T risk
 *   (screening/four-t, or a 4T screening recorded in this pregnancy).
 * A sign from a measurement or a screening stays current for
 * DANGER_SIGN_VALID_DAYS after it (until a newer record replaces it); a
 * pregnancy sign lasts while the pregnancy does.
 */
import type { GrowthReferences } from '../anthropometry/growth-references';
import { growthReferralReasons, judgeWeighings, type Weighing } from '../anthropometry/growth-monitoring';
import { computeZScores } from '../anthropometry/zscores';
import type { Concept } from '../codes/concepts';
import { recognise } from '../codes/registry';
import { resolvePregnancy } from '../lifecycle/pregnancy';
import type { PersonFacts } from '../lifecycle/person';
import { t } from '../protocol/build';
import { ADULT_BP_FROM_AGE } from '../protocol/cutoffs/blood-pressure';
import { addOffset, dayFromIso, isoFromDay } from '../protocol/offset';
import { AGE_STAGES } from '../protocol/stages';
import type { Text } from '../protocol/types';
import { classifyBp } from '../screening/blood-pressure';
import { fourTForPregnancy } from '../screening/four-t';
import { classifyKek } from '../screening/kek';
import { addDays, ageInDays, completedYears, type IsoDate } from '../time/dates';
import { activeEvents } from './facts';
import type { RecordEvent } from './types';

/**
 * How long a sign from one measurement or screening stays current (SIKLUS
 * choice): two monthly Posyandu rounds; by then a new record should exist.
 */
export const DANGER_SIGN_VALID_DAYS = 60;

export const DANGER_SIGNS = {
  growth_2t: t('Berat badan tidak naik 2 bulan berturut-turut (2T)', 'No adequate weight gain two months in a row (2T)'),
  severely_underweight: t('Berat badan sangat kurang (BB/U < −3 SD)', 'Severely underweight (WFA < −3 SD)'),
  wasted: t('Gizi kurang/buruk (BB/PB atau BB/TB < −2 SD)', 'Wasted (WFL/WFH < −2 SD)'),
  oedema: t('Edema bilateral (gizi buruk)', 'Bilateral oedema (severe acute malnutrition)'),
  bp_grade_3: t('Tekanan darah hipertensi derajat 3', 'Grade 3 hypertension'),
  tb_presumptive: t('Terduga TBC', 'Presumptive TB'),
  pregnancy_kek: t('Ibu hamil KEK (LiLA rendah)', 'Pregnant woman with chronic energy deficiency (low MUAC)'),
  pregnancy_4t: t('Ibu hamil risiko tinggi 4T', 'Pregnant woman with 4T high risk'),
} as const satisfies Record<string, Text>;
export type DangerSignCode = keyof typeof DANGER_SIGNS;

export interface DangerSign {
  code: DangerSignCode;
  since: IsoDate;
  until: IsoDate;
  eventId: string | null;
}

const balitaTo = AGE_STAGES.find((s) => s.id === 'balita')!.to!;
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const GROWTH_CODE = { '2T': 'growth_2t', severely_underweight: 'severely_underweight', wasted: 'wasted', oedema: 'oedema' } as const;

/** Signs current on `on` (or later), from the facts and all of the person's events. */
export function dangerSigns(facts: PersonFacts, events: readonly RecordEvent[], on: IsoDate, refs: GrowthReferences | null): DangerSign[] {
  const onDay = dayFromIso(on);
  const by = new Map<Concept, RecordEvent[]>();
  for (const e of activeEvents(events)) {
    if (e.occurredOn > on) continue;
    const c = recognise(e.codeSystem, e.code)?.concept;
    if (!c) continue;
    const list = by.get(c);
    if (list) list.push(e);
    else by.set(c, [e]);
  }
  for (const list of by.values()) list.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
  const latest = (c: Concept) => by.get(c)?.at(-1);
  const out: DangerSign[] = [];
  const fromRecord = (code: DangerSignCode, e: RecordEvent) => {
    const until = addDays(e.occurredOn, DANGER_SIGN_VALID_DAYS - 1);
    if (until >= on) out.push({ code, since: e.occurredOn, until, eventId: e.id });
  };

  // Balita growth: the latest weighing judged with the month before and the z-scores of that day.
  const weighings = by.get('weight') ?? [];
  const lastW = weighings.at(-1);
  if (lastW && lastW.valueNum != null && dayFromIso(lastW.occurredOn) < addOffset(dayFromIso(facts.birthDate), balitaTo)) {
    const outcomes = judgeWeighings(facts.birthDate, weighings.filter((w) => w.valueNum != null).map((w): Weighing => ({ date: w.occurredOn, weightKg: w.valueNum! })));
    const lh = [...(by.get('length') ?? []), ...(by.get('height') ?? [])].filter((x) => x.occurredOn === lastW.occurredOn && x.valueNum != null)[0];
    const anthro = refs ? computeZScores({
      sex: facts.sex, age: { days: ageInDays(facts.birthDate, lastW.occurredOn) }, weightKg: lastW.valueNum,
      lengthHeightCm: lh?.valueNum ?? null, measure: lh ? ((obj(lh.value).position as 'l' | 'h' | undefined) ?? (recognise(lh.codeSystem, lh.code)?.concept === 'length' ? 'l' : 'h')) : null,
    }, refs) : undefined;
    for (const r of growthReferralReasons({ outcomes, ...(anthro ? { anthro } : {}) })) fromRecord(GROWTH_CODE[r], lastW);
  }

  // Adult blood pressure, grade 3 (or isolated systolic at grade-3 level).
  const bp = latest('bp');
  if (bp && completedYears(facts.birthDate, bp.occurredOn) >= ADULT_BP_FROM_AGE) {
    const v = obj(bp.value);
    const s = num(v.systolic);
    const d = num(v.diastolic);
    if (s !== undefined && d !== undefined) {
      const r = classifyBp({ systolic: s, diastolic: d, ageYears: completedYears(facts.birthDate, bp.occurredOn), sex: facts.sex });
      if (r.ok && (r.result.band === 'ht-3' || r.result.details?.systolicGrade === 'ht-3')) fromRecord('bp_grade_3', bp);
    }
  }

  // TB symptom screening: the latest result says presumptive.
  const tb = latest('tb-symptoms');
  if (tb && obj(obj(tb.value).result).band === 'terduga') fromRecord('tb_presumptive', tb);

  // Pregnancy: KEK by LiLA in this pregnancy, or 4T.
  for (const p of facts.pregnancies ?? []) {
    const r = resolvePregnancy(p, onDay);
    if (!r || r.end !== 'open') continue;
    const start = isoFromDay(r.startDay);
    const until = isoFromDay(r.endDay - 1);
    const lila = (by.get('muac') ?? []).filter((m) => m.occurredOn >= start && m.valueNum != null).at(-1);
    if (lila) {
      const k = classifyKek({ lilaCm: lila.valueNum! });
      if (k.ok && k.result.band === 'kek') out.push({ code: 'pregnancy_kek', since: lila.occurredOn, until, eventId: lila.id });
    }
    const screened = (by.get('four-t') ?? []).filter((x) => x.occurredOn >= start).at(-1);
    const band = screened ? obj(obj(screened.value).result).band : undefined;
    const risk = band !== undefined ? band === 'risk' : (() => { const f = fourTForPregnancy(facts, p); return f.ok && f.result.band === 'risk'; })();
    if (risk) out.push({ code: 'pregnancy_4t', since: screened?.occurredOn ?? start, until, eventId: screened?.id ?? null });
  }
  return out;
}
