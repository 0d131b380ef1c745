import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRES, scoreAnswers, toAnswers, UNABLE, type ScreeningContext } from './questionnaires';
import { SKILAS_CHAIR_STAND } from '../../core/protocol/cutoffs/skilas';
import { ADL_MAX } from '../../core/protocol/cutoffs/adl';
import { FOUR_T_INTERVAL_YEARS } from '../../core/protocol/cutoffs/four-t';
import { addMonths } from '../../core/time/dates';

const ctx: ScreeningContext = { sex: 'M', ageYears: 67, on: '2025-06-10' };
const ready = (r: ReturnType<typeof toAnswers>) => {
  if (r.state !== 'ready') throw new Error(`not ready: ${JSON.stringify(r)}`);
  return r.answers;
};

describe('toAnswers and scoreAnswers (core scorers)', () => {
  it('is empty until something is answered', () => {
    expect(toAnswers(QUESTIONNAIRES.skilas, {}, ctx)).toEqual({ state: 'empty' });
  });

  it('SKILAS: a slow chair stand or an unable person flags mobility', () => {
    const no: Record<string, string> = {};
    for (const q of QUESTIONNAIRES.skilas.questions) if (q.kind === 'yesno') no[q.key] = 'n';
    const fast = ready(toAnswers(QUESTIONNAIRES.skilas, { ...no, 'mobility.chairStandSeconds': String(SKILAS_CHAIR_STAND.maxSeconds) }, ctx));
    expect(scoreAnswers('skilas', fast)).toMatchObject({ ok: true, result: { band: 'normal', score: 0 } });
    const slow = ready(toAnswers(QUESTIONNAIRES.skilas, { ...no, 'mobility.chairStandSeconds': String(SKILAS_CHAIR_STAND.maxSeconds + 1) }, ctx));
    expect(scoreAnswers('skilas', slow)).toMatchObject({ ok: true, result: { band: 'refer', score: 1 } });
    const unable = ready(toAnswers(QUESTIONNAIRES.skilas, { ...no, 'mobility.chairStandSeconds': UNABLE }, ctx));
    expect(unable).toMatchObject({ mobility: { chairStandSeconds: null } });
    expect(scoreAnswers('skilas', unable)).toMatchObject({ ok: true, result: { band: 'refer' } });
  });

  it('ADL: all items at their maximum is independent', () => {
    const answers = Object.fromEntries(QUESTIONNAIRES['adl-barthel'].questions.map((q) => [q.key, q.kind === 'choice' ? q.options[q.options.length - 1]!.value : '']));
    const r = scoreAnswers('adl-barthel', ready(toAnswers(QUESTIONNAIRES['adl-barthel'], answers, ctx)));
    expect(r).toMatchObject({ ok: true, result: { band: 'independent', score: ADL_MAX } });
  });

  it('PUMA takes sex and age from the person', () => {
    const a = ready(toAnswers(QUESTIONNAIRES.puma, { packYears: '35', dyspnoea: 'y', sputum: 'y', cough: 'n', priorSpirometry: 'n' }, ctx));
    expect(a).toMatchObject({ sex: 'M', ageYears: 67, packYears: 35 });
    // male 1 + age ≥ 60: 2 + > 30 pack-years: 2 + two symptoms: 2 = 7
    expect(scoreAnswers('puma', a)).toMatchObject({ ok: true, result: { score: 7, band: 'high' } });
  });

  it('4T: spacing from the previous delivery to the pregnancy start', () => {
    const start = '2025-01-01';
    const close = addMonths(start, -(FOUR_T_INTERVAL_YEARS * 12 - 1));
    const a = ready(toAnswers(QUESTIONNAIRES['four-t'], { previousBirths: '1', previousDelivery: close }, { sex: 'F', ageYears: 26, ageAtPregnancyStart: 25, pregnancyStart: start, on: '2025-06-10' }));
    expect(a).toEqual({ ageYears: 25, previousBirths: 1, monthsSincePreviousDelivery: FOUR_T_INTERVAL_YEARS * 12 - 1 });
    expect(scoreAnswers('four-t', a)).toMatchObject({ ok: true, result: { band: 'risk' } });
  });

  it('KPSP: more yes than questions is a typo; no live band without a core scorer', () => {
    expect(toAnswers(QUESTIONNAIRES.kpsp, { questions: '10', yes: '11' }, ctx)).toEqual({ state: 'incomplete', errors: [{ field: 'yes', code: 'number' }] });
    expect(scoreAnswers('kpsp', ready(toAnswers(QUESTIONNAIRES.kpsp, { questions: '10', yes: '9' }, ctx)))).toBeNull();
  });

  it('TB symptoms: two weeks of cough is presumptive TB', () => {
    const a = ready(toAnswers(QUESTIONNAIRES['tb-symptoms'], {
      coughWeeks: '3', feverWeeks: '0', feverRecurrent: 'n', weightFaltering: 'n', lethargy: 'n', extrapulmonarySigns: 'n', closeContact: 'n',
    }, ctx));
    expect(scoreAnswers('tb-symptoms', a)).toMatchObject({ ok: true, result: { band: 'terduga' } });
  });
});
