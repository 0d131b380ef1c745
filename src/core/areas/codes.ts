/**
 * Area codes. Kemendagri codes (Kepmendagri 300.2.2-2138/2025, via
 * idn-area-data): province "74", kabupaten/kota "74.02", kecamatan
 * "74.02.15", desa/kelurahan "74.02.15.1005" (last block starting with 1 =
 * kelurahan, 2 = desa). Below a desa/kelurahan, Siklus adds sub-village units
 * created by users: dusun "…1005.DSN01", RW "…1005.RW003", RT "…RW003.RT001"
 * (an RT or RW may also sit under a dusun). The country root is "ID".
 * Because codes nest by prefix, "is X inside Y" is a string test.
 */
export const COUNTRY_CODE = 'ID';

export type AreaLevel = 'country' | 'province' | 'regency' | 'district' | 'village' | 'dusun' | 'rw' | 'rt';
export type SubVillageLevel = 'dusun' | 'rw' | 'rt';

export const AREA_LEVELS: readonly AreaLevel[] = ['country', 'province', 'regency', 'district', 'village', 'dusun', 'rw', 'rt'];
export const SUB_VILLAGE_LEVELS: readonly SubVillageLevel[] = ['dusun', 'rw', 'rt'];

const PROVINCE = /^\d{2}$/;
const REGENCY = /^\d{2}\.\d{2}$/;
const DISTRICT = /^\d{2}\.\d{2}\.\d{2}$/;
const VILLAGE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const SUB_SEGMENT = /^(DSN|RW|RT)(\d{2,3})$/;

const SEGMENT_PREFIX: Record<SubVillageLevel, string> = { dusun: 'DSN', rw: 'RW', rt: 'RT' };
const SEGMENT_LEVEL: Record<string, SubVillageLevel> = { DSN: 'dusun', RW: 'rw', RT: 'rt' };
/** Which sub-village unit may sit under which (dusun → RW → RT; dusun → RT). */
const ALLOWED_CHILDREN: Record<'village' | SubVillageLevel, SubVillageLevel[]> = {
  village: ['dusun', 'rw', 'rt'],
  dusun: ['rw', 'rt'],
  rw: ['rt'],
  rt: [],
};

/** The level of a code, or null when the code is not a well-formed area code. */
export function levelOf(code: string): AreaLevel | null {
  if (code === COUNTRY_CODE) return 'country';
  if (PROVINCE.test(code)) return 'province';
  if (REGENCY.test(code)) return 'regency';
  if (DISTRICT.test(code)) return 'district';
  if (VILLAGE.test(code)) return 'village';
  const village = code.slice(0, 13);
  if (!VILLAGE.test(village) || code[13] !== '.') return null;
  const segs = code.slice(14).split('.');
  let parent: 'village' | SubVillageLevel = 'village';
  for (const seg of segs) {
    const m = SUB_SEGMENT.exec(seg);
    if (!m) return null;
    const lvl = SEGMENT_LEVEL[m[1]!]!;
    if (!ALLOWED_CHILDREN[parent].includes(lvl)) return null;
    parent = lvl;
  }
  return parent === 'village' ? null : parent;
}

export function isAreaCode(code: unknown): code is string {
  return typeof code === 'string' && levelOf(code) !== null;
}

export function parentOf(code: string): string | null {
  const level = levelOf(code);
  switch (level) {
    case null:
    case 'country':
      return null;
    case 'province':
      return COUNTRY_CODE;
    default:
      return code.slice(0, code.lastIndexOf('.'));
  }
}

/** The code and all its ancestors, root first: ID, 74, 74.02, … */
export function lineage(code: string): string[] {
  const out: string[] = [];
  for (let c: string | null = code; c; c = parentOf(c)) out.unshift(c);
  return out;
}

/** True when `code` is `ancestor` or lies inside it. */
export function isWithin(code: string, ancestor: string): boolean {
  if (ancestor === COUNTRY_CODE) return true;
  return code === ancestor || code.startsWith(ancestor + '.');
}

export function provinceOf(code: string): string | null {
  return PROVINCE.test(code.slice(0, 2)) && code !== COUNTRY_CODE ? code.slice(0, 2) : null;
}

/** The kabupaten/kota code ("74.02") of any code at or below that level. */
export function kabCodeOf(code: string): string | null {
  const c = code.slice(0, 5);
  return REGENCY.test(c) ? c : null;
}

export function districtOf(code: string): string | null {
  const c = code.slice(0, 8);
  return DISTRICT.test(c) ? c : null;
}

export function villageOf(code: string): string | null {
  const c = code.slice(0, 13);
  return VILLAGE.test(c) ? c : null;
}

/** desa or kelurahan, from the first digit of the village block. */
export function villageKind(villageCode: string): 'kelurahan' | 'desa' | null {
  if (!VILLAGE.test(villageCode)) return null;
  const d = villageCode[9];
  return d === '1' ? 'kelurahan' : d === '2' ? 'desa' : null;
}

/** kabupaten or kota, by Kemendagri numbering (71–79 are kota). */
export function regencyKind(regencyCode: string): 'kabupaten' | 'kota' | null {
  if (!REGENCY.test(regencyCode)) return null;
  return Number(regencyCode.slice(3)) >= 71 ? 'kota' : 'kabupaten';
}

/** The code of a new sub-village unit numbered `number` (RW 3 → "RW003"). */
export function subVillageCode(parentCode: string, level: SubVillageLevel, number: number): string {
  const parentLevel = levelOf(parentCode);
  if (parentLevel !== 'village' && parentLevel !== 'dusun' && parentLevel !== 'rw' && parentLevel !== 'rt') {
    throw new RangeError(`a ${level} must be under a desa/kelurahan, dusun or RW, not ${parentCode}`);
  }
  if (!ALLOWED_CHILDREN[parentLevel].includes(level)) {
    throw new RangeError(`a ${level} cannot be under a ${parentLevel}`);
  }
  const width = level === 'dusun' ? 2 : 3;
  if (!Number.isInteger(number) || number < 1 || number >= 10 ** width) throw new RangeError(`invalid ${level} number ${number}`);
  return `${parentCode}.${SEGMENT_PREFIX[level]}${String(number).padStart(width, '0')}`;
}

export function canContain(parentLevel: AreaLevel, childLevel: SubVillageLevel): boolean {
  return parentLevel === 'village' || parentLevel === 'dusun' || parentLevel === 'rw' || parentLevel === 'rt'
    ? ALLOWED_CHILDREN[parentLevel].includes(childLevel)
    : false;
}

/** RT and RW numbers as written on an address ("003"), from a sub-village code. */
export function rtRwOf(code: string): { rt: string | null; rw: string | null; dusun: string | null } {
  const out: { rt: string | null; rw: string | null; dusun: string | null } = { rt: null, rw: null, dusun: null };
  if (code.length <= 13) return out;
  for (const seg of code.slice(14).split('.')) {
    const m = SUB_SEGMENT.exec(seg);
    if (!m) continue;
    const lvl = SEGMENT_LEVEL[m[1]!]!;
    out[lvl] = m[2]!;
  }
  return out;
}

/** The 6-digit region block of a NIK/KK number ("740215") for a code at or below kecamatan. */
export function nikRegionOf(code: string): string | null {
  const d = districtOf(code);
  return d ? d.replaceAll('.', '') : null;
}

/** The kecamatan code ("74.02.15") for a NIK region block ("740215"). */
export function districtFromNikRegion(region: string): string | null {
  if (!/^\d{6}$/.test(region)) return null;
  return `${region.slice(0, 2)}.${region.slice(2, 4)}.${region.slice(4, 6)}`;
}

/** Human label of a level, in Indonesian, e.g. for breadcrumbs. */
export const LEVEL_LABEL_ID: Record<AreaLevel, string> = {
  country: 'Indonesia',
  province: 'Provinsi',
  regency: 'Kabupaten/Kota',
  district: 'Kecamatan',
  village: 'Desa/Kelurahan',
  dusun: 'Dusun',
  rw: 'RW',
  rt: 'RT',
};
