/**
 * Phone and JKN numbers as people type them. An Indonesian mobile number is
 * 08… (or +62 8… / 62 8…) with 9–13 digits in the national form; spaces,
 * dashes, dots and brackets typed inside are ignored.
 */
export function cleanPhone(input: string): string {
  return input.replace(/[\s\-().]/g, '');
}

export function isPhone(input: string): boolean {
  const m = /^(?:\+62|62|0)(8\d+)$/.exec(cleanPhone(input));
  if (!m) return false;
  const digits = 1 + m[1]!.length; // national form: 0 + 8…
  return digits >= 9 && digits <= 13;
}

/** A JKN (BPJS Kesehatan) card number has 13 digits. */
export function isJknNumber(input: string): boolean {
  return /^\d{13}$/.test(input.replace(/[\s.\-]/g, ''));
}
