/**
 * Name folding for search and duplicate checks: lower case, accents removed,
 * punctuation to spaces, runs of spaces collapsed. "Siti Nur'aini" and
 * "SITI NURAINI" fold close enough for a trigram match.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Tidies a typed name for storage: trims and collapses spaces, keeps the user's casing. */
export function tidyName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}
