/** KEK by LiLA (pregnant women, WUS): SATUSEHAT bands, with the KMK < 23.5 cm rule reported alongside. */
import type { Issue } from '../i18n/issues';
import { KEK_BANDS, KEK_LILA_BELOW_CM, KEK_SATUSEHAT_BELOW_CM, KEK_SATUSEHAT_CODE, KEK_SOURCES, type KekBand } from '../protocol/cutoffs/kek';
import { checkNumber, checkObject, failed, PLAUSIBLE, result, type Scored } from './result';

export function classifyKek(input: { lilaCm: number }): Scored<KekBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  if (!checkNumber(input.lilaCm, 'lilaCm', PLAUSIBLE.lilaCm[0], PLAUSIBLE.lilaCm[1], issues)) return failed(issues);
  const v = input.lilaCm;
  const band: KekBand = v < KEK_SATUSEHAT_BELOW_CM ? 'kek' : v < KEK_LILA_BELOW_CM ? 'risk' : 'normal';
  const kekByKmk = v < KEK_LILA_BELOW_CM;
  return result('kek', KEK_BANDS[band], KEK_SOURCES, { details: { kekByKmk, ...(band === 'kek' ? { satusehatCode: KEK_SATUSEHAT_CODE } : {}) } });
}
