/**
 * Numbers typed on a phone: Indonesian writes a decimal comma ("8,5 kg"),
 * keyboards give a point; both are accepted. Thousands separators are not
 * (a kader types 3200 for grams, never 3.200, and "3.200" would be 3.2 kg).
 */
export type Parsed = { ok: true; value: number } | { ok: false; empty: boolean };

export function parseDecimal(input: string): Parsed {
  const s = input.trim().replace(/\s+/g, '');
  if (!s) return { ok: false, empty: true };
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return { ok: false, empty: false };
  return { ok: true, value: Number(s.replace(',', '.')) };
}

/** A whole number ≥ 0 ("3", not "3,5"). */
export function parseCount(input: string): Parsed {
  const s = input.trim();
  if (!s) return { ok: false, empty: true };
  if (!/^\d+$/.test(s)) return { ok: false, empty: false };
  return { ok: true, value: Number(s) };
}
