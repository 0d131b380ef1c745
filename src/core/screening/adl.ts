/** ADL (modified Barthel) scorer: 10 items or a total, 0–20, banded per KMK Tabel 29. */
import type { Issue } from '../i18n/issues';
import { ADL_BANDS, ADL_ITEMS, ADL_MAX, ADL_SOURCES, type AdlBand, type AdlItem } from '../protocol/cutoffs/adl';
import { checkNumber, checkObject, failed, result, type Scored } from './result';

export type AdlInput = { items: Record<AdlItem, number> } | { total: number };

export function scoreAdl(input: AdlInput): Scored<AdlBand> {
  const issues: Issue[] = [];
  if (!checkObject(input, issues)) return failed(issues);
  let total = 0;
  if ('items' in input) {
    if (!checkObject(input.items, issues)) return failed(issues);
    for (const [k, max] of Object.entries(ADL_ITEMS)) {
      const v = input.items[k as AdlItem];
      if (checkNumber(v, `items.${k}`, 0, max, issues)) {
        if (!Number.isInteger(v)) issues.push({ code: 'invalid', field: `items.${k}` });
        total += v;
      }
    }
    for (const k of Object.keys(input.items)) if (!(k in ADL_ITEMS)) issues.push({ code: 'unknown_item', field: `items.${k}` });
  } else if (checkNumber(input.total, 'total', 0, ADL_MAX, issues)) {
    if (!Number.isInteger(input.total)) issues.push({ code: 'invalid', field: 'total' });
    total = input.total;
  }
  if (issues.length) return failed(issues);
  const band = ADL_BANDS.find((b) => total >= b.from)!;
  return result('adl-barthel', band, ADL_SOURCES, { score: total, details: { grade: band.grade } });
}
