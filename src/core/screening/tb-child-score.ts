/** Child TB scoring system (KMK Tabel 11; ⚠ "<" signs lost in transcription, see protocol/cutoffs/tb.ts). */
import type { Issue } from '../i18n/issues';
import {
  TB_CHILD_BALITA_REFER_AT, TB_CHILD_BANDS, TB_CHILD_CLINICAL_FROM, TB_CHILD_SCORE, TB_CHILD_SOURCES, type TbChildBand,
} from '../protocol/cutoffs/tb';
import { AGE_STAGES } from '../protocol/stages';
import { checkBoolean, checkNumber, checkObject, failed, PLAUSIBLE, result, type Scored } from './result';

export interface TbChildInput {
  ageYears: number;
  contact: keyof typeof TB_CHILD_SCORE.contact;
  tuberculin: keyof typeof TB_CHILD_SCORE.tuberculin;
  nutrition: keyof typeof TB_CHILD_SCORE.nutrition;
  fever: boolean;
  cough: boolean;
  lymphNodes: boolean;
  boneJoint: boolean;
  xray: boolean;
  /** Doubtful signs (for the balita referral rule). */
  doubtfulSigns?: boolean;
}

const balitaYears = (AGE_STAGES.find((s) => s.id === 'balita')!.to!.months ?? 0) / 12;

export function scoreTbChild(input: TbChildInput): Scored<TbChildBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  checkNumber(input.ageYears, 'ageYears', PLAUSIBLE.ageYears[0], 18, issues);
  const S = TB_CHILD_SCORE;
  if (!(input.contact in S.contact)) issues.push({ code: 'invalid', field: 'contact' });
  if (!(input.tuberculin in S.tuberculin)) issues.push({ code: 'invalid', field: 'tuberculin' });
  if (!(input.nutrition in S.nutrition)) issues.push({ code: 'invalid', field: 'nutrition' });
  const signs = ['fever', 'cough', 'lymphNodes', 'boneJoint', 'xray'] as const;
  for (const k of signs) checkBoolean(input[k], k, issues);
  if (input.doubtfulSigns !== undefined) checkBoolean(input.doubtfulSigns, 'doubtfulSigns', issues);
  if (issues.length) return failed(issues);
  const contactPts = S.contact[input.contact];
  const tubPts = S.tuberculin[input.tuberculin];
  const nutPts = S.nutrition[input.nutrition];
  const signPts = signs.reduce((sum, k) => sum + (input[k] ? S[k] : 0), 0);
  const score = contactPts + tubPts + nutPts + signPts;
  const exposure = tubPts > 0 || contactPts > 0;
  const otherSigns = nutPts > 0 || signPts > 0;
  let band: TbChildBand;
  if (score >= TB_CHILD_CLINICAL_FROM) band = 'clinical-tb';
  else if (exposure) band = otherSigns ? 'clinical-tb' : 'latent-tb';
  else band = 'observe';
  const referHospital = input.ageYears < balitaYears && score === TB_CHILD_BALITA_REFER_AT && input.doubtfulSigns === true;
  return result('tb-child-score', TB_CHILD_BANDS[band], TB_CHILD_SOURCES, { score, details: { referHospital } });
}
