/** Stage names from core (protocol/stages.ts), for filters and tables. */
import { AGE_STAGES, CONDITION_STAGES, WUS_STAGE } from '../../../core/protocol/stages';
import type { StageId, Text } from '../../../core/protocol/types';

export const STAGE_LABEL: Record<StageId, Text> = Object.fromEntries(
  [...AGE_STAGES, ...CONDITION_STAGES, WUS_STAGE].map((s) => [s.id, s.label]),
) as Record<StageId, Text>;

/** Stages in life order, for a filter. */
export const STAGE_ORDER: StageId[] = [
  'hamil', 'bersalin', 'nifas', 'neonatus', 'bayi', 'baduta', 'balita', 'prasekolah', 'usia-sekolah', 'remaja', 'usia-produktif', 'dewasa', 'lansia', 'catin', 'pus', 'wus',
];
