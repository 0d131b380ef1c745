/**
 * NIK (Nomor Induk Kependudukan) and KK (Kartu Keluarga) numbers.
 * Both are 16 digits: a 6-digit region block (province 2, kab/kota 2,
 * kecamatan 2, from the Kemendagri area code), a 6-digit date block and a
 * 4-digit serial. In a NIK the date block is the birth date DDMMYY, with 40
 * added to the day for women; in a KK it is the issue date.
 * Real registers hold NIKs whose date or sex disagree with the person's data,
 * so such a mismatch is a warning the user may override, never a rejection.
 */
import { daysInMonth, type IsoDate } from '../time/dates';
import type { Issue } from '../i18n/issues';
import { districtFromNikRegion } from '../areas/codes';

export type Sex = 'M' | 'F';

export interface ParsedNik {
  /** "740215" */
  region: string;
  /** "74.02.15" */
  districtCode: string;
  /** "74.02" */
  kabCode: string;
  day: number;
  month: number;
  /** two-digit year */
  yy: number;
  sex: Sex;
  serial: string;
}

const SIXTEEN_DIGITS = /^\d{16}$/;

/** Removes spaces, dots and dashes people type inside numbers. */
export function cleanIdNumber(input: string): string {
  return input.replace(/[\s.\-]/g, '');
}

export function parseNik(nik: string): ParsedNik | null {
  if (!SIXTEEN_DIGITS.test(nik)) return null;
  const region = nik.slice(0, 6);
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12);
  const sex: Sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  if (month < 1 || month > 12 || day < 1 || day > 31 || serial === '0000') return null;
  // 29 Feb is valid for some century; the cross-check with the entered date settles it.
  if (day > (month === 2 ? 29 : daysInMonth(2001, month))) return null;
  return { region, districtCode: districtFromNikRegion(region)!, kabCode: `${region.slice(0, 2)}.${region.slice(2, 4)}`, day, month, yy, sex, serial };
}

export interface IdCheckContext {
  /** Is this kabupaten/kota code ("74.02") known? (all 514 are loaded) */
  knownKab(kabCode: string): boolean;
  /**
   * Is this kecamatan known? undefined when the installation does not hold
   * the kecamatan of that kabupaten (then it is not checked).
   */
  knownDistrict?(districtCode: string): boolean | undefined;
}

export interface IdCheckResult {
  errors: Issue[];
  warnings: Issue[];
}

/** Checks a NIK alone and against the entered birth date and sex. */
export function checkNik(
  nik: string,
  person: { birthDate?: IsoDate | null; sex?: Sex | null },
  ctx: IdCheckContext,
  field = 'nik',
): IdCheckResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  if (!SIXTEEN_DIGITS.test(nik)) {
    errors.push({ code: 'nik_format', field, params: { length: nik.length } });
    return { errors, warnings };
  }
  const parsed = parseNik(nik);
  if (!parsed) {
    errors.push({ code: 'nik_date_block', field });
    return { errors, warnings };
  }
  if (!ctx.knownKab(parsed.kabCode)) {
    errors.push({ code: 'nik_region_unknown', field, params: { region: parsed.region } });
    return { errors, warnings };
  }
  if (ctx.knownDistrict?.(parsed.districtCode) === false) {
    warnings.push({ code: 'nik_district_unknown', field, params: { region: parsed.region } });
  }
  if (person.birthDate) {
    const [y, m, d] = person.birthDate.split('-').map(Number) as [number, number, number];
    if (d !== parsed.day || m !== parsed.month || y % 100 !== parsed.yy) {
      warnings.push({
        code: 'nik_birth_date_mismatch',
        field,
        params: { nikDate: `${String(parsed.day).padStart(2, '0')}-${String(parsed.month).padStart(2, '0')}-${String(parsed.yy).padStart(2, '0')}` },
      });
    }
  }
  if (person.sex && person.sex !== parsed.sex) {
    warnings.push({ code: 'nik_sex_mismatch', field, params: { nikSex: parsed.sex } });
  }
  return { errors, warnings };
}

/** Checks a KK number: 16 digits, a known region, a valid issue-date block. */
export function checkKk(kk: string, ctx: IdCheckContext, field = 'kkNumber'): IdCheckResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  if (!SIXTEEN_DIGITS.test(kk)) {
    errors.push({ code: 'kk_format', field, params: { length: kk.length } });
    return { errors, warnings };
  }
  const day = Number(kk.slice(6, 8));
  const month = Number(kk.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month) || kk.slice(12) === '0000') {
    errors.push({ code: 'kk_date_block', field });
    return { errors, warnings };
  }
  const kab = `${kk.slice(0, 2)}.${kk.slice(2, 4)}`;
  if (!ctx.knownKab(kab)) {
    errors.push({ code: 'kk_region_unknown', field, params: { region: kk.slice(0, 6) } });
    return { errors, warnings };
  }
  if (ctx.knownDistrict?.(districtFromNikRegion(kk.slice(0, 6))!) === false) {
    warnings.push({ code: 'kk_district_unknown', field, params: { region: kk.slice(0, 6) } });
  }
  return { errors, warnings };
}

/** Builds a NIK (for generated demo data and tests): region block, birth date, sex, serial. */
export function makeNik(region: string, birthDate: IsoDate, sex: Sex, serial: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const day = sex === 'F' ? d + 40 : d;
  return `${region}${String(day).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}
