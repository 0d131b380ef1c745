/** Small constructors that keep the programme modules readable. */
import type { Source, SourceKey, Text } from './types';

export const t = (id: string, en: string): Text => ({ id, en });

export const src = (key: SourceKey, clause: string, unconfirmed = false): Source =>
  (unconfirmed ? { key, clause, unconfirmed } : { key, clause });

export const kmk = (clause: string): Source => src('KMK', clause);
