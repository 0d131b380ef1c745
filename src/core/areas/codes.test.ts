import { describe, expect, it } from 'vitest';
import {
  districtFromNikRegion, isWithin, kabCodeOf, levelOf, lineage, nikRegionOf, parentOf, regencyKind, rtRwOf,
  subVillageCode, villageKind,
} from './codes';

describe('area codes', () => {
  it('recognises every level', () => {
    expect(levelOf('ID')).toBe('country');
    expect(levelOf('74')).toBe('province');
    expect(levelOf('74.02')).toBe('regency');
    expect(levelOf('74.02.15')).toBe('district');
    expect(levelOf('74.02.15.1005')).toBe('village');
    expect(levelOf('74.02.15.1005.RW003')).toBe('rw');
    expect(levelOf('74.02.15.1005.RW003.RT001')).toBe('rt');
    expect(levelOf('74.02.15.2006.DSN01')).toBe('dusun');
    expect(levelOf('74.02.15.2006.DSN01.RT002')).toBe('rt');
    expect(levelOf('74.02.15.2006.DSN01.RW001.RT002')).toBe('rt');
  });
  it('rejects malformed codes and impossible nesting', () => {
    for (const bad of ['', '7', '74.2', '74.02.15.105', '7402', '74.02.15.1005.', '74.02.15.1005.RW3', '74.02.15.1005.RT001.RW001', '74.02.15.1005.RW001.DSN01', 'id']) {
      expect(levelOf(bad), bad).toBeNull();
    }
  });
  it('walks parents and lineage', () => {
    expect(parentOf('74')).toBe('ID');
    expect(parentOf('74.02.15.1005.RW003.RT001')).toBe('74.02.15.1005.RW003');
    expect(lineage('74.02.15.1005.RW003')).toEqual(['ID', '74', '74.02', '74.02.15', '74.02.15.1005', '74.02.15.1005.RW003']);
  });
  it('tests containment by prefix without false friends', () => {
    expect(isWithin('74.02.15.1005.RW003', '74.02')).toBe(true);
    expect(isWithin('74.02', '74.02')).toBe(true);
    expect(isWithin('74.021', '74.02')).toBe(false);
    expect(isWithin('74.02.15.1005.RW0031', '74.02.15.1005.RW003')).toBe(false);
    expect(isWithin('61.71.04.1001', 'ID')).toBe(true);
  });
  it('derives kab code, kinds and RT/RW numbers', () => {
    expect(kabCodeOf('74.02.15.1005.RW003')).toBe('74.02');
    expect(kabCodeOf('74')).toBeNull();
    expect(villageKind('74.02.15.1005')).toBe('kelurahan');
    expect(villageKind('74.02.15.2006')).toBe('desa');
    expect(regencyKind('61.71')).toBe('kota');
    expect(regencyKind('74.02')).toBe('kabupaten');
    expect(rtRwOf('74.02.15.1005.RW003.RT001')).toEqual({ rt: '001', rw: '003', dusun: null });
  });
  it('makes sub-village codes under allowed parents only', () => {
    expect(subVillageCode('74.02.15.1005', 'rw', 3)).toBe('74.02.15.1005.RW003');
    expect(subVillageCode('74.02.15.1005.RW003', 'rt', 12)).toBe('74.02.15.1005.RW003.RT012');
    expect(subVillageCode('74.02.15.2006', 'dusun', 1)).toBe('74.02.15.2006.DSN01');
    expect(() => subVillageCode('74.02.15', 'rw', 1)).toThrow();
    expect(() => subVillageCode('74.02.15.1005.RW003', 'dusun', 1)).toThrow();
    expect(() => subVillageCode('74.02.15.1005', 'rw', 0)).toThrow();
    expect(() => subVillageCode('74.02.15.1005', 'rw', 1000)).toThrow();
  });
  it('maps NIK region blocks', () => {
    expect(nikRegionOf('74.02.15.1005')).toBe('740215');
    expect(districtFromNikRegion('617104')).toBe('61.71.04');
    expect(districtFromNikRegion('61710')).toBeNull();
  });
});
