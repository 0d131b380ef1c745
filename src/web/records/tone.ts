/**
 * The colour of a result: green for no finding, amber for something to watch
 * or follow monthly, red for what needs a health worker now. The bands and
 * their meaning come from core; this only groups their ids for display.
 */
import type { ResultTone } from './ui';

const OK = new Set([
  'normal', 'optimal', 'no-risk', 'independent', 'low', 'bukan-terduga', 'below-threshold',
  // Permenkes 2/2020 and LiLA
  'normal_weight', 'normal_height', 'tall',
]);
const ALERT = new Set([
  'abnormal', 'refer', 'risk', 'high', 'terduga', 'diabetes', 'diabetes-unconfirmed', 'ht-2', 'ht-3', 'stage-2', 'kek',
  'severe', 'total', 'moderate', 'clinical-tb', 'obese-2', 'at-or-above-threshold',
  'severely_underweight', 'severely_stunted', 'severely_wasted', 'severely_thin', 'wasted', 'thin',
]);

export function toneOf(band: string | null | undefined): ResultTone {
  if (!band) return 'neutral';
  if (OK.has(band)) return 'ok';
  if (ALERT.has(band)) return 'alert';
  if (band === 'not-classified' || band === 'indeterminate') return 'neutral';
  return 'watch';
}
