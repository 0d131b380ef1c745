/** SRQ-20 scorer: ≥ 6 yes, or item 17 yes, is abnormal (cut-offs in protocol/cutoffs/srq20.ts). */
import type { Issue } from '../i18n/issues';
import { SRQ20_ABNORMAL_FROM, SRQ20_BANDS, SRQ20_ITEMS, SRQ20_SOURCE, SRQ20_SUICIDE_ITEM } from '../protocol/cutoffs/srq20';
import { checkBoolean, checkObject, failed, result, type Scored } from './result';

export interface Srq20Input {
  /** 20 answers in questionnaire order; true = "ya". */
  answers: boolean[];
}

export function scoreSrq20(input: Srq20Input): Scored<'normal' | 'abnormal'> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  const a = input.answers;
  if (!Array.isArray(a) || a.length !== SRQ20_ITEMS) {
    issues.push({ code: 'answer_count', field: 'answers', params: { expected: SRQ20_ITEMS } });
    return failed(issues);
  }
  a.forEach((v, i) => checkBoolean(v, `answers.${i + 1}`, issues));
  if (issues.length) return failed(issues);
  const score = a.filter(Boolean).length;
  const suicidal = a[SRQ20_SUICIDE_ITEM - 1] === true;
  const abnormal = score >= SRQ20_ABNORMAL_FROM || suicidal;
  return result('srq-20', SRQ20_BANDS[abnormal ? 'abnormal' : 'normal'], [SRQ20_SOURCE], { score, details: { suicidalThoughts: suicidal } });
}
