import { completedMonths, completedYears, ageInDays, isIsoDate, todayIn } from '../../core/time/dates';
import type { AreaLevel } from '../../core/areas/codes';
import type { MessageKey, Params } from '../i18n';

type T = (key: MessageKey, params?: Params) => string;

/** "34 th", "8 bln", "12 hr": the age on `on` (today in WIB by default). */
export function ageLabel(t: T, birthDate: string | null | undefined, on: string = todayIn()): string {
  if (!birthDate || !isIsoDate(birthDate) || birthDate > on) return '–';
  const months = completedMonths(birthDate, on);
  if (months >= 24) return t('age.years', { n: completedYears(birthDate, on) });
  if (months >= 1) return t('age.months', { n: months });
  return t('age.days', { n: ageInDays(birthDate, on) });
}

/** Shows the region block and the last 4 digits: "740215••••••0012". */
export function maskNik(nik: string | null | undefined): string {
  if (!nik) return '–';
  if (nik.length !== 16) return nik;
  return `${nik.slice(0, 6)}••••••${nik.slice(12)}`;
}

/** Groups a 16-digit number for reading aloud: "7402 1552 0390 0012". */
export function groupDigits(n: string | null | undefined): string {
  if (!n) return '–';
  return n.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export const LEVEL_KEY: Record<AreaLevel, MessageKey> = {
  country: 'level.country',
  province: 'level.province',
  regency: 'level.regency',
  district: 'level.district',
  village: 'level.village',
  dusun: 'level.dusun',
  rw: 'level.rw',
  rt: 'level.rt',
};

/** "Desa", "Kelurahan", "Kabupaten", "Kota" when the kind is known, else the level label. */
export function areaTypeLabel(t: T, level: AreaLevel, kind?: string | null): string {
  if (kind === 'desa') return t('kind.desa');
  if (kind === 'kelurahan') return t('kind.kelurahan');
  if (kind === 'kabupaten') return t('kind.kabupaten');
  if (kind === 'kota') return t('kind.kota');
  return t(LEVEL_KEY[level]);
}

/** Title-cases names stored in capitals ("KOTA PONTIANAK" → "Kota Pontianak"), leaving mixed case and "RW 003" alone. */
export function displayName(name: string | null | undefined): string {
  if (!name) return '';
  if (name !== name.toUpperCase() || /^(RW|RT|DSN)\b/.test(name) || !/[A-Z]{4}/.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s\-/(.])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
}

/** "RT 001 / RW 003" from the parts of a household address. */
export function rtRwLabel(rt: string | null | undefined, rw: string | null | undefined, dusun?: string | null): string {
  const parts: string[] = [];
  if (dusun) parts.push(`Dusun ${dusun}`);
  if (rt) parts.push(`RT ${rt}`);
  if (rw) parts.push(`RW ${rw}`);
  return parts.join(' / ');
}

const PREFIX_KEY: Partial<Record<AreaLevel, MessageKey>> = {
  province: 'prefix.province',
  regency: 'prefix.regency',
  district: 'prefix.district',
  village: 'prefix.village',
};

/**
 * A place as people say it, without doubling the type: "Kecamatan Lambuya",
 * "Kelurahan Lambuya", "Kabupaten Konawe" (the name already says it),
 * "RW 001" (sub-village units carry their own names).
 */
export function placeName(t: T, a: { level: AreaLevel | null; name: string; kind?: string | null }): string {
  const name = displayName(a.name);
  if (!a.level || a.level === 'country' || a.level === 'dusun' || a.level === 'rw' || a.level === 'rt') return name;
  const prefix = a.kind === 'desa' || a.kind === 'kelurahan' || a.kind === 'kabupaten' || a.kind === 'kota'
    ? areaTypeLabel(t, a.level, a.kind)
    : PREFIX_KEY[a.level] ? t(PREFIX_KEY[a.level]!) : '';
  if (!prefix) return name;
  const lower = name.toLowerCase();
  if (['kabupaten ', 'kota ', 'provinsi ', 'kecamatan ', 'desa ', 'kelurahan '].some((w) => lower.startsWith(w))) return name;
  return `${prefix} ${name}`;
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}
