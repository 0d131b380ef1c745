/** Bahasa Indonesia texts of the fieldwork pages (merged into id.ts). */
export const fieldworkId = {
} as const;
