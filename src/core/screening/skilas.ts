/**
 * SKILAS scorer: six domains; any ticked item refers the person for further
 * assessment (KMK Formulir 5). Measured items (chair-stand seconds, LiLA) are
 * ticked by the cut-offs in protocol/cutoffs/skilas.ts.
 */
import type { Issue } from '../i18n/issues';
import { t } from '../protocol/build';
import type { BandDef } from '../protocol/cutoffs/band';
import {
  SKILAS_CHAIR_STAND, SKILAS_DOMAIN_LABELS, SKILAS_DOMAINS, SKILAS_LILA_BELOW_CM, SKILAS_SOURCE, type SkilasDomain,
} from '../protocol/cutoffs/skilas';
import { checkBoolean, checkNumber, checkObject, failed, PLAUSIBLE, result, type Scored } from './result';

export interface SkilasInput {
  cognitive: { recallFailed: boolean; orientationFailed: boolean };
  /** Seconds for the chair stands, or null when the person cannot complete them. */
  mobility: { chairStandSeconds: number | null };
  malnutrition: { weightLoss: boolean; appetiteLoss: boolean; lilaCm?: number | null };
  vision: { eyeProblem: boolean; fingerCountFailed: boolean };
  hearing: { whisperFailed: boolean };
  depression: { sad: boolean; littleInterest: boolean };
}

export type SkilasBand = 'normal' | 'refer';
const BANDS: Record<SkilasBand, BandDef<SkilasBand>> = {
  normal: { band: 'normal', label: t('Tidak ada domain bermasalah', 'No domain flagged'), followUp: t('Skrining ulang tahun depan.', 'Screen again next year.') },
  refer: { band: 'refer', label: t('Ada domain bermasalah', 'One or more domains flagged'), followUp: t('Pemeriksaan lanjut oleh tenaga kesehatan (instrumen ICOPE per domain).', 'Further assessment by a health worker (ICOPE instrument per domain).') },
};

export function scoreSkilas(input: SkilasInput): Scored<SkilasBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  for (const d of SKILAS_DOMAINS) if (!checkObject(input[d], [])) issues.push({ code: 'required', field: d });
  if (issues.length) return failed(issues);
  const b = (v: unknown, f: string) => checkBoolean(v, f, issues) && v;
  const flagged: Record<SkilasDomain, boolean> = {
    cognitive: [b(input.cognitive.recallFailed, 'cognitive.recallFailed'), b(input.cognitive.orientationFailed, 'cognitive.orientationFailed')].some(Boolean),
    mobility: false,
    malnutrition: [b(input.malnutrition.weightLoss, 'malnutrition.weightLoss'), b(input.malnutrition.appetiteLoss, 'malnutrition.appetiteLoss')].some(Boolean),
    vision: [b(input.vision.eyeProblem, 'vision.eyeProblem'), b(input.vision.fingerCountFailed, 'vision.fingerCountFailed')].some(Boolean),
    hearing: Boolean(b(input.hearing.whisperFailed, 'hearing.whisperFailed')),
    depression: [b(input.depression.sad, 'depression.sad'), b(input.depression.littleInterest, 'depression.littleInterest')].some(Boolean),
  };
  const secs = input.mobility.chairStandSeconds;
  if (secs === null) flagged.mobility = true;
  else if (checkNumber(secs, 'mobility.chairStandSeconds', 0, 600, issues)) flagged.mobility = secs > SKILAS_CHAIR_STAND.maxSeconds;
  const lila = input.malnutrition.lilaCm;
  if (lila !== undefined && lila !== null && checkNumber(lila, 'malnutrition.lilaCm', PLAUSIBLE.lilaCm[0], PLAUSIBLE.lilaCm[1], issues) && lila < SKILAS_LILA_BELOW_CM) {
    flagged.malnutrition = true;
  }
  if (issues.length) return failed(issues);
  const domains = SKILAS_DOMAINS.filter((d) => flagged[d]);
  return result('skilas', BANDS[domains.length ? 'refer' : 'normal'], [SKILAS_SOURCE], {
    score: domains.length,
    details: { domains, domainLabels: domains.map((d) => SKILAS_DOMAIN_LABELS[d]) },
  });
}
