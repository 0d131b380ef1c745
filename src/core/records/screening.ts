/**
 * Questionnaire events: the core scorer of the instrument runs on the
 * answers (`value.answers`, in the scorer's own input shape) and the result
 * goes into the event — `value.result` { score, band, label, followUp,
 * details } and the score in `valueNum` — so every reader sees the same
 * result the kader saw. Facts the scorer needs besides the answers (sex, age)
 * are taken from the person when the answers leave them out.
 * Instruments without a core scorer (KPSP, SDQ, smoking, layak hamil, T
 * status) keep their answers and number as recorded.
 */
import type { Concept } from '../codes/concepts';
import type { Issue } from '../i18n/issues';
import type { Sex } from '../people/nik';
import { completedYears, type IsoDate } from '../time/dates';
import { scoreAdl } from '../screening/adl';
import { scoreFourT } from '../screening/four-t';
import { scorePuma } from '../screening/puma';
import type { Scored } from '../screening/result';
import { scoreSkilas } from '../screening/skilas';
import { scoreSrq20 } from '../screening/srq20';
import { scoreTbChild } from '../screening/tb-child-score';
import { screenTbSymptoms } from '../screening/tb-symptoms';

export interface ScoringContext {
  sex: Sex;
  birthDate: IsoDate;
  on: IsoDate;
}

type Scorer = (answers: Record<string, unknown>, ctx: ScoringContext) => Scored<string>;

const withPerson = (a: Record<string, unknown>, ctx: ScoringContext) => ({ sex: ctx.sex, ageYears: completedYears(ctx.birthDate, ctx.on), ...a });

/* eslint-disable @typescript-eslint/no-explicit-any -- scorers validate their own input and report issues */
const SCORERS: Partial<Record<Concept, Scorer>> = {
  srq20: (a) => scoreSrq20(a as any),
  skilas: (a) => scoreSkilas(a as any),
  adl: (a) => scoreAdl(a as any),
  puma: (a, ctx) => scorePuma(withPerson(a, ctx) as any),
  'tb-symptoms': (a) => screenTbSymptoms(a as any),
  'tb-child-score': (a, ctx) => scoreTbChild({ ageYears: completedYears(ctx.birthDate, ctx.on), ...a } as any),
  'four-t': (a) => scoreFourT(a as any),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export function hasScorer(concept: Concept): boolean {
  return concept in SCORERS;
}

export interface StoredResult {
  score?: number;
  band: string;
  label: { id: string; en: string };
  followUp: { id: string; en: string };
  details?: Record<string, unknown>;
}

/**
 * Scores a questionnaire event's answers. Issues name fields under
 * `${field}` (e.g. `events.3.value.answers.answers.17`).
 */
export function scoreAnswers(concept: Concept, answers: unknown, ctx: ScoringContext, field: string): { result: StoredResult | null; issues: Issue[] } {
  const scorer = SCORERS[concept];
  if (!scorer) return { result: null, issues: [] };
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return { result: null, issues: [{ code: answers == null ? 'required' : 'wrong_type', field, ...(answers == null ? {} : { params: { expected: 'object' } }) }] };
  }
  const r = scorer(answers as Record<string, unknown>, ctx);
  if (!r.ok) return { result: null, issues: r.issues.map((i) => ({ ...i, field: i.field && i.field !== '_' ? `${field}.${i.field}` : field })) };
  const { score, band, label, followUp, details } = r.result;
  return { result: { ...(score !== undefined ? { score } : {}), band, label, followUp, ...(details ? { details } : {}) }, issues: [] };
}
