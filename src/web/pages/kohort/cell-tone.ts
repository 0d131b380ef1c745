/**
 * The colour of a kohort cell, the same as on the person page: KMS weighing
 * judgements (N/T/O/B), growth categories (the KMS chart's bands), and the
 * result classes of the scorers (blood pressure, glucose, SKILAS, ADL, IMT,
 * KEK, 4T) by `row.marks`, the band the server put beside the label.
 */
import { bandsOf, type BandTone } from '../../charts/growth-model';
import { classTone } from '../../charts/vital-bands';
import type { PermenkesIndex } from '../../../core/anthropometry/permenkes';
import type { WeighingCode } from '../../../core/anthropometry/growth-monitoring';

const WEIGHING_TONE: Record<WeighingCode, BandTone> = { N: 'good', T: 'danger', O: 'warn', B: 'high' };
const GROWTH_INDEX: Record<string, PermenkesIndex> = { bb_u: 'bbu', tb_u: 'pbu', bb_tb: 'bbpb' };

export function cellTone(key: string, value: string | number, marks: Record<string, string>): BandTone | 'none' | null {
  if (/^nt_\d\d$/.test(key)) return WEIGHING_TONE[value as WeighingCode] ?? null;
  const mark = marks[key];
  if (!mark) return null;
  const index = GROWTH_INDEX[key];
  if (index) return bandsOf(index).find((b) => b.code === mark)?.tone ?? null;
  // Immunization completeness: done is good; not yet is no alarm by itself (young babies).
  if (mark === 'complete') return 'good';
  if (mark === 'incomplete') return 'none';
  return classTone(mark);
}
