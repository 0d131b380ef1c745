import { describe, expect, it } from 'vitest';
import { counterAreas, DeltaSet, sameRow, type StoredIndicatorRow } from './counters';

const row = (over: Partial<StoredIndicatorRow> = {}): StoredIndicatorRow => ({
  personId: 'p1', kabCode: '74.02', areaCode: '74.02.15.1005.RW003.RT001', indicator: 'k2-k1', year: 2026, sex: 'F', ageBand: '15-44',
  registerMonth: 2, numeratorMonth: 3, monthsServed: 0b1100, counts: null, facilityId: null, ...over,
});

describe('counterAreas', () => {
  it('lists the domicile and its ancestors from the kabupaten/kota down', () => {
    expect(counterAreas('74.02.15.1005.DSN01.RW003.RT001')).toEqual([
      { code: '74.02', level: 'regency' },
      { code: '74.02.15', level: 'district' },
      { code: '74.02.15.1005', level: 'village' },
      { code: '74.02.15.1005.DSN01', level: 'dusun' },
      { code: '74.02.15.1005.DSN01.RW003', level: 'rw' },
      { code: '74.02.15.1005.DSN01.RW003.RT001', level: 'rt' },
    ]);
    expect(counterAreas('74.02.15.1005').map((a) => a.level)).toEqual(['regency', 'district', 'village']);
  });
});

describe('DeltaSet', () => {
  it('adds a register entry, a first service and the served months at every level', () => {
    const d = new DeltaSet();
    d.add(row(), 1);
    const rows = d.counterRows();
    // 5 levels (no dusun) × months 2 (register), 3 (numerator, served) and 4 (served).
    expect(rows).toHaveLength(15);
    const desaMarch = rows.find((r) => r.areaCode === '74.02.15.1005' && r.month === 3)!;
    expect(desaMarch).toMatchObject({ level: 'village', regNew: 0, numNew: 1, served: 1, occurrences: 0, kabCode: '74.02' });
    const rtFeb = rows.find((r) => r.level === 'rt' && r.month === 2)!;
    expect(rtFeb).toMatchObject({ regNew: 1, numNew: 0, served: 0 });
    expect(d.decreased).toBe(false);
  });

  it('cancels an unchanged part when the old row goes and the new one comes (a correction of the served months)', () => {
    const d = new DeltaSet();
    d.add(row(), -1);
    d.add(row({ monthsServed: 0b0100 }), 1);
    // Only April's served count changes, at every level.
    expect(d.counterRows().map((r) => [r.level, r.month, r.served]).sort()).toEqual([
      ['district', 4, -1], ['regency', 4, -1], ['rt', 4, -1], ['rw', 4, -1], ['village', 4, -1],
    ]);
    // In key order, the same in every transaction (no deadlock on shared counter rows).
    const keys = d.counterRows().map((r) => `${r.areaCode}|${r.indicator}|${r.year}|${r.month}|${r.sex}|${r.ageBand}`);
    expect(keys).toEqual([...keys].sort());
    expect(d.decreased).toBe(true);
  });

  it('moves counts between desa on a change of domicile, leaving shared ancestors untouched', () => {
    const d = new DeltaSet();
    d.add(row(), -1);
    d.add(row({ areaCode: '74.02.15.1001' }), 1);
    const areas = new Set(d.counterRows().map((r) => r.areaCode));
    expect(areas).toEqual(new Set(['74.02.15.1005', '74.02.15.1005.RW003', '74.02.15.1005.RW003.RT001', '74.02.15.1001']));
    expect(d.counterRows().filter((r) => r.areaCode === '74.02.15.1001').every((r) => r.regNew + r.numNew + r.served >= 0)).toBe(true);
  });

  it('files occurrences and the first service under the facility', () => {
    const d = new DeltaSet();
    const counts = [0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    d.add(row({ indicator: 'visit-posyandu', registerMonth: null, counts, facilityId: 'f1' }), 1);
    const f = d.facilityRows();
    expect(f.map((r) => [r.month, r.numNew, r.served, r.occurrences])).toEqual([[3, 1, 1, 2], [4, 0, 1, 1]]);
    expect(d.counterRows().find((r) => r.level === 'regency' && r.month === 3)!.occurrences).toBe(2);
  });
});

describe('sameRow', () => {
  it('compares every stored field, counts element by element', () => {
    expect(sameRow(row(), row())).toBe(true);
    expect(sameRow(row(), row({ areaCode: '74.02.15.1001' }))).toBe(false);
    expect(sameRow(row({ counts: [1, 2] }), row({ counts: [1, 2] }))).toBe(true);
    expect(sameRow(row({ counts: [1, 2] }), row({ counts: [1, 3] }))).toBe(false);
    expect(sameRow(row({ counts: null }), row({ counts: [] }))).toBe(false);
  });
});
