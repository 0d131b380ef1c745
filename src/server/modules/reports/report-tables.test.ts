import { describe, expect, it } from 'vitest';
import { klasterTable, periodWords, pwsTable, spmTable, statusOf, type FigureLike, type IndicatorLike } from './report-tables';

const fig = (over: Partial<FigureLike> = {}): FigureLike => ({
  numerator: 0, denominatorEstimated: null, denominatorRegister: null, coverageEstimated: null, coverageRegister: null, target: 100, targetToDate: 25, colour: null, ...over,
});
const ind = (id: string, label: string, over: Partial<IndicatorLike> = {}): IndicatorLike => ({ id, label, kind: 'coverage', ...fig(over), ...over });

describe('statusOf (ilp-domain §4.4 through core colours.ts)', () => {
  const m = (coverageEstimated: number | null) => fig({ coverageEstimated, target: 100, targetToDate: 100 });
  it('reads the month against the target and against the month before', () => {
    expect(statusOf({ month: m(110), previousMonth: m(90) })).toBe('baik');
    expect(statusOf({ month: m(105), previousMonth: m(120) })).toBe('kurang');
    expect(statusOf({ month: m(70), previousMonth: m(50) })).toBe('cukup');
    expect(statusOf({ month: m(40), previousMonth: m(60) })).toBe('jelek');
    expect(statusOf({ month: m(40), previousMonth: null })).toBeNull(); // January
    expect(statusOf({ month: m(null), previousMonth: m(10) })).toBeNull();
  });
  it('words periods in Indonesian', () => {
    expect(periodWords(2026, 3, 'ytd')).toBe('Januari–Maret 2026');
    expect(periodWords(2026, 3, 'month')).toBe('Maret 2026');
  });
});

describe('spmTable', () => {
  it('lists the services with sasaran, register, served, % and colour', () => {
    const t = spmTable('Kabupaten Konawe', 2026, 3, [
      ind('spm-01-ibu-hamil', 'Ibu hamil', { numerator: 30, denominatorEstimated: 120, denominatorRegister: 100, coverageEstimated: 25, coverageRegister: 30, targetToDate: 25, colour: 'green' }),
      ind('spm-02-ibu-bersalin', 'Ibu bersalin', { numerator: 5, denominatorEstimated: 100, coverageEstimated: 5, targetToDate: 25, colour: 'red' }),
    ]);
    expect(t.title).toEqual(['LAPORAN CAPAIAN STANDAR PELAYANAN MINIMAL (SPM) BIDANG KESEHATAN', 'Kabupaten Konawe', 'Periode Januari–Maret 2026 (kumulatif)']);
    expect(t.rows).toEqual([
      { no: 1, layanan: 'Ibu hamil', sasaran: 120, register: 100, terlayani: 30, capaian: 25, target: 25, warna: 'hijau' },
      { no: 2, layanan: 'Ibu bersalin', sasaran: 100, register: null, terlayani: 5, capaian: 5, target: 25, warna: 'merah' },
    ]);
    expect(t.marks[1]).toEqual({ capaian: 'red', warna: 'red' });
    expect(t.columns.map((c) => c.key)).toEqual(['no', 'layanan', 'sasaran', 'register', 'terlayani', 'capaian', 'target', 'warna']);
  });
});

describe('klasterTable', () => {
  it('puts the month beside the cumulative figure; counts have no coverage', () => {
    const t = klasterTable('Desa A', 'klaster2', 2026, 4,
      [ind('k2-k1', 'K1', { numerator: 9, coverageRegister: 90, denominatorRegister: 10, colour: 'green', targetToDate: 33.3 }), ind('k2-skdn-s', 'S', { kind: 'count', numerator: 40 })],
      [ind('k2-k1', 'K1', { numerator: 2 }), ind('k2-skdn-s', 'S', { kind: 'count', numerator: 38 })]);
    expect(t.rows).toEqual([
      { no: 1, indikator: 'K1', sasaran: null, register: 10, bulanIni: 2, kumulatif: 9, cakupan: 90, target: 33.3, warna: 'hijau' },
      { no: 2, indikator: 'S', sasaran: null, register: null, bulanIni: 38, kumulatif: 40, cakupan: null, target: null, warna: '–' },
    ]);
    expect(t.title[0]).toBe('LAPORAN BULANAN KLASTER 2');
    expect(t.title[2]).toBe('Bulan April 2026');
  });
});

describe('pwsTable', () => {
  it('has a row per desa and a total, five columns per indicator, and the status', () => {
    // The month's own coverage (m, before) against the monthly target of 100 %.
    const a = (code: string, name: string, ytd: Partial<FigureLike>, m: number, before: number) => ({
      code, name, ytd: fig(ytd), month: fig({ numerator: m, coverageEstimated: m * 40, targetToDate: 100 }), previousMonth: fig({ numerator: before, coverageEstimated: before * 40, targetToDate: 100 }),
    });
    const t = pwsTable('Kecamatan Tongauna', 'Desa/Kelurahan', 2026, 3, [{
      id: 'k2-k1', label: 'K1',
      areas: [a('74.02.15.1005', 'Mekar Sari', { numerator: 8, denominatorEstimated: 30, coverageEstimated: 26.7, colour: 'green' }, 3, 2),
        a('74.02.15.1001', 'Tongauna', { numerator: 2, denominatorEstimated: 40, coverageEstimated: 5, colour: 'red' }, 0, 1)],
      total: a('total', 'Jumlah', { numerator: 10, denominatorEstimated: 70, coverageEstimated: 14.3, colour: 'red' }, 3, 3),
    }]);
    expect(t.columns.map((c) => c.key)).toEqual(['no', 'wilayah', 'k2-k1:sasaran', 'k2-k1:bulanIni', 'k2-k1:kumulatif', 'k2-k1:persen', 'k2-k1:status']);
    expect(t.rows).toEqual([
      { no: 1, wilayah: 'Tongauna', 'k2-k1:sasaran': 40, 'k2-k1:bulanIni': 0, 'k2-k1:kumulatif': 2, 'k2-k1:persen': 5, 'k2-k1:status': 'jelek' },
      { no: 2, wilayah: 'Mekar Sari', 'k2-k1:sasaran': 30, 'k2-k1:bulanIni': 3, 'k2-k1:kumulatif': 8, 'k2-k1:persen': 26.7, 'k2-k1:status': 'baik' },
      { no: null, wilayah: 'Jumlah', 'k2-k1:sasaran': 70, 'k2-k1:bulanIni': 3, 'k2-k1:kumulatif': 10, 'k2-k1:persen': 14.3, 'k2-k1:status': 'baik' },
    ]);
    expect(t.marks[1]).toEqual({ 'k2-k1:status': 'baik', 'k2-k1:persen': 'green' });
  });
});
