/**
 * The screenings a kader or nakes fills in at the Posyandu or at home: the
 * questions (texts in i18n/fieldwork.*.ts), how the typed answers become the
 * core scorer's input (the event's `value.answers`), and the live result from
 * the same scorer the server uses. Cut-offs and points live in
 * core/protocol/cutoffs; question texts only interpolate them.
 */
import type { MessageKey } from '../i18n/id';
import type { Concept } from '../../core/codes/concepts';
import type { Issue } from '../../core/i18n/issues';
import type { Sex } from '../../core/people/nik';
import type { ScreeningResult } from '../../core/screening/result';
import { scoreSrq20 } from '../../core/screening/srq20';
import { scoreSkilas, type SkilasInput } from '../../core/screening/skilas';
import { scoreAdl } from '../../core/screening/adl';
import { scorePuma } from '../../core/screening/puma';
import { screenTbSymptoms } from '../../core/screening/tb-symptoms';
import { scoreFourT } from '../../core/screening/four-t';
import { SRQ20_ITEMS } from '../../core/protocol/cutoffs/srq20';
import { SKILAS_CHAIR_STAND, SKILAS_RECALL_WORDS, SKILAS_WEIGHT_LOSS } from '../../core/protocol/cutoffs/skilas';
import { ADL_ITEMS, type AdlItem } from '../../core/protocol/cutoffs/adl';
import { PUMA_MIN_AGE } from '../../core/protocol/cutoffs/puma';
import { completedMonths, isIsoDate } from '../../core/time/dates';
import { parseCount, parseDecimal } from './numbers';

export const SCREENING_IDS = ['srq-20', 'skilas', 'adl-barthel', 'puma', 'tb-symptoms', 'four-t', 'kpsp'] as const;
export type ScreeningId = (typeof SCREENING_IDS)[number];

export type Answers = Record<string, string>;

/** Facts of the person the scorer needs besides the answers. */
export interface ScreeningContext {
  sex: Sex;
  /** Completed years on the visit date. */
  ageYears: number;
  /** Completed years at the start of the current pregnancy (4T), when known. */
  ageAtPregnancyStart?: number | null;
  /** The current pregnancy's HPHT (4T spacing), when known. */
  pregnancyStart?: string | null;
  /** The visit date (dates in answers may not be after it). */
  on: string;
}

export type Question =
  | { key: string; kind: 'yesno'; label: MessageKey; params?: Record<string, string | number> }
  | { key: string; kind: 'number'; label: MessageKey; params?: Record<string, string | number>; unit?: string; optional?: boolean; integer?: boolean; hint?: MessageKey; unableLabel?: MessageKey }
  | { key: string; kind: 'date'; label: MessageKey; optional?: boolean; hint?: MessageKey }
  | { key: string; kind: 'choice'; label: MessageKey; options: { value: string; label: MessageKey }[] };

export interface QuestionnaireDef {
  id: ScreeningId;
  concept: Concept;
  title: MessageKey;
  intro?: MessageKey;
  introParams?: Record<string, string | number>;
  questions: Question[];
  /** Ages the instrument is for (completed years), where the scorer restricts them. */
  minAgeYears?: number;
}

/** The marker a number question stores when the person cannot do the test (SKILAS chair stand). */
export const UNABLE = 'unable';

const yesno = (key: string, label: MessageKey, params?: Record<string, string | number>): Question => ({ key, kind: 'yesno', label, ...(params ? { params } : {}) });

const SRQ_KEYS = Array.from({ length: SRQ20_ITEMS }, (_, i) => `q${i + 1}`);

export const QUESTIONNAIRES: Record<ScreeningId, QuestionnaireDef> = {
  'srq-20': {
    id: 'srq-20',
    concept: 'srq20',
    title: 'fw.q.srq.title',
    intro: 'fw.q.srq.intro',
    questions: SRQ_KEYS.map((k, i) => yesno(k, `fw.q.srq.${i + 1}` as MessageKey)),
  },
  skilas: {
    id: 'skilas',
    concept: 'skilas',
    title: 'fw.q.skilas.title',
    intro: 'fw.q.skilas.intro',
    questions: [
      yesno('cognitive.recallFailed', 'fw.q.skilas.recall', { n: SKILAS_RECALL_WORDS }),
      yesno('cognitive.orientationFailed', 'fw.q.skilas.orientation'),
      {
        key: 'mobility.chairStandSeconds', kind: 'number', label: 'fw.q.skilas.chairStand', params: { n: SKILAS_CHAIR_STAND.rises }, unit: 's',
        unableLabel: 'fw.q.skilas.chairStandUnable', hint: 'fw.q.skilas.chairStandHint',
      },
      yesno('malnutrition.weightLoss', 'fw.q.skilas.weightLoss', { kg: SKILAS_WEIGHT_LOSS.overKg, months: SKILAS_WEIGHT_LOSS.months }),
      yesno('malnutrition.appetiteLoss', 'fw.q.skilas.appetite'),
      { key: 'malnutrition.lilaCm', kind: 'number', label: 'fw.q.skilas.lila', unit: 'cm', optional: true },
      yesno('vision.eyeProblem', 'fw.q.skilas.eye'),
      yesno('vision.fingerCountFailed', 'fw.q.skilas.fingerCount'),
      yesno('hearing.whisperFailed', 'fw.q.skilas.whisper'),
      yesno('depression.sad', 'fw.q.skilas.sad'),
      yesno('depression.littleInterest', 'fw.q.skilas.interest'),
    ],
  },
  'adl-barthel': {
    id: 'adl-barthel',
    concept: 'adl',
    title: 'fw.q.adl.title',
    intro: 'fw.q.adl.intro',
    questions: (Object.keys(ADL_ITEMS) as AdlItem[]).map((item) => ({
      key: item,
      kind: 'choice' as const,
      label: `fw.q.adl.${item}` as MessageKey,
      options: Array.from({ length: ADL_ITEMS[item] + 1 }, (_, score) => ({ value: String(score), label: `fw.q.adl.${item}.${score}` as MessageKey })),
    })),
  },
  puma: {
    id: 'puma',
    concept: 'puma',
    title: 'fw.q.puma.title',
    intro: 'fw.q.puma.intro',
    introParams: { age: PUMA_MIN_AGE },
    minAgeYears: PUMA_MIN_AGE,
    questions: [
      { key: 'packYears', kind: 'number', label: 'fw.q.puma.packYears', hint: 'fw.q.puma.packYearsHint' },
      yesno('dyspnoea', 'fw.q.puma.dyspnoea'),
      yesno('sputum', 'fw.q.puma.sputum'),
      yesno('cough', 'fw.q.puma.cough'),
      yesno('priorSpirometry', 'fw.q.puma.spirometry'),
    ],
  },
  'tb-symptoms': {
    id: 'tb-symptoms',
    concept: 'tb-symptoms',
    title: 'fw.q.tb.title',
    questions: [
      { key: 'coughWeeks', kind: 'number', label: 'fw.q.tb.coughWeeks', integer: true, hint: 'fw.q.tb.zeroIfNone' },
      { key: 'feverWeeks', kind: 'number', label: 'fw.q.tb.feverWeeks', integer: true, hint: 'fw.q.tb.zeroIfNone' },
      yesno('feverRecurrent', 'fw.q.tb.feverRecurrent'),
      yesno('weightFaltering', 'fw.q.tb.weight'),
      yesno('lethargy', 'fw.q.tb.lethargy'),
      yesno('extrapulmonarySigns', 'fw.q.tb.extrapulmonary'),
      yesno('closeContact', 'fw.q.tb.contact'),
    ],
  },
  'four-t': {
    id: 'four-t',
    concept: 'four-t',
    title: 'fw.q.fourT.title',
    intro: 'fw.q.fourT.intro',
    questions: [
      { key: 'previousBirths', kind: 'number', label: 'fw.q.fourT.previousBirths', integer: true },
      { key: 'previousDelivery', kind: 'date', label: 'fw.q.fourT.previousDelivery', optional: true, hint: 'fw.q.fourT.previousDeliveryHint' },
    ],
  },
  kpsp: {
    id: 'kpsp',
    concept: 'kpsp',
    title: 'fw.q.kpsp.title',
    intro: 'fw.q.kpsp.intro',
    questions: [
      { key: 'questions', kind: 'number', label: 'fw.q.kpsp.questions', integer: true },
      { key: 'yes', kind: 'number', label: 'fw.q.kpsp.yes', integer: true },
    ],
  },
};

/** The questionnaire that records a concept (for due items). */
export function questionnaireFor(concept: string): QuestionnaireDef | undefined {
  return Object.values(QUESTIONNAIRES).find((q) => q.concept === concept);
}

export type AnswerError = { field: string; code: 'required' | 'number' | 'invalid_date' | 'date_in_future' };

export type Converted =
  | { state: 'empty' }
  | { state: 'incomplete'; errors: AnswerError[] }
  | { state: 'ready'; answers: Record<string, unknown> };

/** Nested keys ("cognitive.recallFailed") become nested objects. */
function put(target: Record<string, unknown>, path: string, v: unknown): void {
  const parts = path.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]!] = v;
}

/** Typed answers → the scorer's input (value.answers), or what is still missing. */
export function toAnswers(def: QuestionnaireDef, draft: Answers | undefined, ctx: ScreeningContext): Converted {
  if (!draft || !Object.values(draft).some((v) => v.trim() !== '')) return { state: 'empty' };
  const errors: AnswerError[] = [];
  const out: Record<string, unknown> = {};
  for (const q of def.questions) {
    const raw = (draft[q.key] ?? '').trim();
    switch (q.kind) {
      case 'yesno':
        if (raw === 'y' || raw === 'n') put(out, q.key, raw === 'y');
        else errors.push({ field: q.key, code: 'required' });
        break;
      case 'choice':
        if (q.options.some((o) => o.value === raw)) put(out, q.key, Number.isNaN(Number(raw)) ? raw : Number(raw));
        else errors.push({ field: q.key, code: 'required' });
        break;
      case 'number': {
        if (raw === UNABLE && q.unableLabel) {
          put(out, q.key, null);
          break;
        }
        const p = q.integer ? parseCount(raw) : parseDecimal(raw);
        if (p.ok) put(out, q.key, p.value);
        else if (!p.empty) errors.push({ field: q.key, code: 'number' });
        else if (!q.optional) errors.push({ field: q.key, code: 'required' });
        break;
      }
      case 'date':
        if (!raw) {
          if (!q.optional) errors.push({ field: q.key, code: 'required' });
        } else if (!isIsoDate(raw)) errors.push({ field: q.key, code: 'invalid_date' });
        else if (raw > ctx.on) errors.push({ field: q.key, code: 'date_in_future' });
        else put(out, q.key, raw);
        break;
    }
  }
  // KPSP: more "yes" answers than questions is a typo, not a result.
  if (def.id === 'kpsp' && typeof out.yes === 'number' && typeof out.questions === 'number' && out.yes > out.questions) {
    errors.push({ field: 'yes', code: 'number' });
  }
  if (errors.length) return { state: 'incomplete', errors };
  return { state: 'ready', answers: finish(def.id, out, ctx) };
}

/** Adds what the scorer takes from the person rather than from the answers. */
function finish(id: ScreeningId, a: Record<string, unknown>, ctx: ScreeningContext): Record<string, unknown> {
  switch (id) {
    case 'srq-20':
      return { answers: SRQ_KEYS.map((k) => a[k] === true) };
    case 'adl-barthel':
      return { items: a };
    case 'puma':
      return { sex: ctx.sex, ageYears: ctx.ageYears, ...a };
    case 'four-t': {
      const prev = typeof a.previousDelivery === 'string' ? a.previousDelivery : null;
      const start = ctx.pregnancyStart && prev && ctx.pregnancyStart > prev ? ctx.pregnancyStart : ctx.on;
      return {
        ageYears: ctx.ageAtPregnancyStart ?? ctx.ageYears,
        previousBirths: a.previousBirths,
        monthsSincePreviousDelivery: prev ? completedMonths(prev, start) : null,
      };
    }
    default:
      return a;
  }
}

export type Score = { ok: true; result: ScreeningResult } | { ok: false; issues: Issue[] } | null;

/** The live result from the core scorer; null where core has no scorer (KPSP: the server reports it). */
export function scoreAnswers(id: ScreeningId, answers: Record<string, unknown>): Score {
  switch (id) {
    case 'srq-20':
      return scoreSrq20(answers as { answers: boolean[] });
    case 'skilas':
      return scoreSkilas(answers as unknown as SkilasInput);
    case 'adl-barthel':
      return scoreAdl(answers as { items: Record<AdlItem, number> });
    case 'puma':
      return scorePuma(answers as unknown as Parameters<typeof scorePuma>[0]);
    case 'tb-symptoms':
      return screenTbSymptoms(answers as unknown as Parameters<typeof screenTbSymptoms>[0]);
    case 'four-t':
      return scoreFourT(answers as unknown as Parameters<typeof scoreFourT>[0]);
    case 'kpsp':
      return null;
  }
}
