import { describe, expect, it } from 'vitest';
import { checkKk, checkNik, makeNik, parseNik } from './nik';
import { message } from '../i18n/messages';

const ctx = {
  knownKab: (k: string) => ['74.02', '61.71'].includes(k),
  knownDistrict: (d: string) => (d.startsWith('74.02') ? ['74.02.15', '74.02.42'].includes(d) : undefined),
};

describe('NIK', () => {
  it('parses the date block, adding 40 to the day for women', () => {
    expect(parseNik('7402151708900001')).toMatchObject({ districtCode: '74.02.15', day: 17, month: 8, yy: 90, sex: 'M' });
    expect(parseNik('7402155708900002')).toMatchObject({ day: 17, sex: 'F' });
    expect(parseNik('7402153208900001')).toBeNull(); // day 32
    expect(parseNik('7402154008900001')).toBeNull(); // day 40 = woman day 0
    expect(parseNik('7402157208900001')).toBeNull(); // 72 - 40 = 32
    expect(parseNik('7402153002900001')).toBeNull(); // 30 Feb
    expect(parseNik('7402152902000001')).not.toBeNull(); // 29 Feb
    expect(parseNik('7402151708900000')).toBeNull(); // serial 0000
  });
  it('round-trips makeNik', () => {
    const nik = makeNik('740215', '1994-05-07', 'F', 12);
    expect(nik).toBe('7402154705940012');
    expect(checkNik(nik, { birthDate: '1994-05-07', sex: 'F' }, ctx)).toEqual({ errors: [], warnings: [] });
  });
  it('rejects a 15-digit NIK with a message saying how many digits were typed', () => {
    const r = checkNik('740215170890001', {}, ctx);
    expect(r.errors).toEqual([{ code: 'nik_format', field: 'nik', params: { length: 15 } }]);
    expect(message(r.errors[0]!)).toContain('16 digit');
    expect(message(r.errors[0]!)).toContain('15');
  });
  it('rejects an unknown kabupaten region', () => {
    expect(checkNik('9999151708900001', {}, ctx).errors[0]?.code).toBe('nik_region_unknown');
  });
  it('warns, not rejects, on an unknown kecamatan of a served district', () => {
    const r = checkNik('7402991708900001', {}, ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['nik_district_unknown']);
    // Kecamatan of a district the installation does not hold are not checked.
    expect(checkNik('6171991708900001', {}, ctx).warnings).toEqual([]);
  });
  it('warns on birth date and sex disagreeing with the NIK', () => {
    const r = checkNik('7402151708900001', { birthDate: '1990-08-18', sex: 'F' }, ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['nik_birth_date_mismatch', 'nik_sex_mismatch']);
    expect(checkNik('7402151708900001', { birthDate: '1890-08-17', sex: 'M' }, ctx).warnings.map((w) => w.code)).toEqual([]);
    expect(checkNik('7402151708900001', { birthDate: '1991-08-17' }, ctx).warnings.map((w) => w.code)).toEqual(['nik_birth_date_mismatch']);
  });
});

describe('KK', () => {
  it('checks length, date block and region', () => {
    expect(checkKk('7402150101200003', ctx)).toEqual({ errors: [], warnings: [] });
    expect(checkKk('74021501012000', ctx).errors[0]?.code).toBe('kk_format');
    expect(checkKk('7402153201200003', ctx).errors[0]?.code).toBe('kk_date_block');
    expect(checkKk('1111150101200003', ctx).errors[0]?.code).toBe('kk_region_unknown');
    expect(checkKk('7402990101200003', ctx).warnings[0]?.code).toBe('kk_district_unknown');
  });
});
