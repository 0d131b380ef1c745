import type { fieldworkId } from './fieldwork.id';

/** English texts of the fieldwork pages; typed against fieldwork.id.ts. */
export const fieldworkEn: Record<keyof typeof fieldworkId, string> = {
};
