import type { recordId } from './record.id';

/** English texts of the record pages; typed against record.id.ts. */
export const recordEn: Record<keyof typeof recordId, string> = {
};
