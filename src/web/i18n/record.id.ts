/** Bahasa Indonesia texts of the record pages (merged into id.ts). */
export const recordId = {
} as const;
