/**
 * The PWS/SPM reports as tables (pure code over the indicator figures the
 * indicators service reads): the SPM report (12 services: sasaran, served,
 * %), the monthly report per klaster, and the PWS table per desa (rows =
 * sub-areas × per indicator: target, this month, cumulative, %, status).
 * One table shape serves JSON, CSV, XLSX and the printable page.
 */
import { pwsStatus, type PwsStatus } from '../../../core/indicators/colours';
import type { SheetColumn } from '../../xlsx/xlsx';

export type Colour = 'green' | 'yellow' | 'red';

export interface FigureLike {
  numerator: number;
  denominatorEstimated: number | null;
  denominatorRegister: number | null;
  coverageEstimated: number | null;
  coverageRegister: number | null;
  target: number | null;
  targetToDate: number | null;
  colour: Colour | null;
}

export interface IndicatorLike extends FigureLike {
  id: string;
  label: string;
  kind: 'coverage' | 'count' | 'ratio';
}

export type Cell = string | number | null;

export interface ReportTable {
  title: string[];
  /** Columns with a short label for the printed page under a group heading (the files keep the full labels). */
  columns: (SheetColumn & { short?: string; group?: string })[];
  rows: Record<string, Cell>[];
  /** Per row: column key → a mark for the printable page (traffic-light colour or PWS status). */
  marks: Record<string, string>[];
}

export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export const COLOUR_WORD: Record<Colour, string> = { green: 'hijau', yellow: 'kuning', red: 'merah' };

const coverageOf = (f: FigureLike) => f.coverageEstimated ?? f.coverageRegister;

/**
 * PWS status of an area on an indicator (ilp-domain §4.4, the matrix in
 * core/indicators/colours.ts): the month's own coverage against the target
 * and against the month before. None without a coverage (counts) or in
 * January (no month before in the year).
 */
export function statusOf(a: { month: FigureLike; previousMonth: FigureLike | null }): PwsStatus | null {
  if (!a.previousMonth) return null;
  return pwsStatus(coverageOf(a.month), a.month.targetToDate ?? a.month.target, coverageOf(a.previousMonth));
}

/** "Januari–Maret 2026" for year to date, "Maret 2026" for the month. */
export function periodWords(year: number, month: number, mode: 'ytd' | 'month'): string {
  return mode === 'month' || month === 1 ? `${MONTHS_ID[month - 1]} ${year}` : `Januari–${MONTHS_ID[month - 1]} ${year}`;
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * SPM report: the 12 services with the estimated target group (sasaran, the
 * year's), the by-name register, the people served year to date, the
 * attainment (% of sasaran; SPM's target is 100 % by year end) and the colour
 * against the target prorated to the month.
 */
export function spmTable(place: string, year: number, month: number, spm: readonly IndicatorLike[]): ReportTable {
  const columns: SheetColumn[] = [
    { key: 'no', label: 'No', type: 'integer', width: 4 },
    { key: 'layanan', label: 'Jenis layanan dasar', type: 'text', width: 48 },
    { key: 'sasaran', label: 'Sasaran (proyeksi)', type: 'number' },
    { key: 'register', label: 'Sasaran by name', type: 'integer' },
    { key: 'terlayani', label: 'Terlayani sesuai standar', type: 'integer' },
    { key: 'capaian', label: 'Capaian (%)', type: 'number' },
    { key: 'target', label: `Target s.d. ${MONTHS_ID[month - 1]} (%)`, type: 'number' },
    { key: 'warna', label: 'Warna', type: 'text' },
  ];
  const rows: Record<string, Cell>[] = [];
  const marks: Record<string, string>[] = [];
  spm.forEach((i, n) => {
    rows.push({
      no: n + 1, layanan: i.label, sasaran: round1(i.denominatorEstimated), register: i.denominatorRegister, terlayani: i.numerator,
      capaian: round1(coverageOf(i)), target: round1(i.targetToDate), warna: i.colour ? COLOUR_WORD[i.colour] : '–',
    });
    marks.push(i.colour ? { capaian: i.colour, warna: i.colour } : {});
  });
  return {
    title: ['LAPORAN CAPAIAN STANDAR PELAYANAN MINIMAL (SPM) BIDANG KESEHATAN', place, `Periode ${periodWords(year, month, 'ytd')} (kumulatif)`],
    columns, rows, marks,
  };
}

/**
 * Monthly klaster report: per indicator the month's own figure, the
 * cumulative figure, both denominators, the coverage to date against the
 * prorated target, and its colour.
 */
export function klasterTable(place: string, klaster: string, year: number, month: number, ytd: readonly IndicatorLike[], own: readonly IndicatorLike[]): ReportTable {
  const byId = new Map(own.map((i) => [i.id, i]));
  const columns: SheetColumn[] = [
    { key: 'no', label: 'No', type: 'integer', width: 4 },
    { key: 'indikator', label: 'Indikator', type: 'text', width: 44 },
    { key: 'sasaran', label: 'Sasaran (proyeksi, setahun)', type: 'number' },
    { key: 'register', label: 'Sasaran by name', type: 'integer' },
    { key: 'bulanIni', label: `${MONTHS_ID[month - 1]}`, type: 'integer' },
    { key: 'kumulatif', label: `Kumulatif s.d. ${MONTHS_ID[month - 1]}`, type: 'integer' },
    { key: 'cakupan', label: 'Cakupan kumulatif (%)', type: 'number' },
    { key: 'target', label: 'Target s.d. bulan ini (%)', type: 'number' },
    { key: 'warna', label: 'Warna', type: 'text' },
  ];
  const rows: Record<string, Cell>[] = [];
  const marks: Record<string, string>[] = [];
  ytd.forEach((i, n) => {
    const m = byId.get(i.id);
    const counting = i.kind === 'count';
    rows.push({
      no: n + 1, indikator: i.label, sasaran: round1(i.denominatorEstimated), register: i.denominatorRegister,
      bulanIni: m ? m.numerator : null, kumulatif: i.numerator, cakupan: counting ? null : round1(coverageOf(i)),
      target: counting ? null : round1(i.kind === 'ratio' ? i.target : i.targetToDate), warna: i.colour ? COLOUR_WORD[i.colour] : '–',
    });
    marks.push(i.colour ? { cakupan: i.colour, warna: i.colour } : {});
  });
  return {
    title: [`LAPORAN BULANAN ${klaster.toUpperCase().replace('KLASTER', 'KLASTER ')}`, place, `Bulan ${MONTHS_ID[month - 1]} ${year}`],
    columns, rows, marks,
  };
}

export interface PwsAreaFigures {
  code: string;
  name: string;
  ytd: FigureLike;
  month: FigureLike;
  previousMonth: FigureLike | null;
}

export interface PwsIndicatorBlock {
  id: string;
  label: string;
  areas: PwsAreaFigures[];
  /** The whole place (the sum row). */
  total: PwsAreaFigures;
}

/**
 * PWS table: rows are the sub-areas (desa of a kecamatan or Puskesmas work
 * area; kecamatan of a kabupaten; RW of a desa) and a total; per indicator
 * the target (estimated sasaran of the year, else the by-name register), the
 * month's own figure, the cumulative figure, the coverage and the PWS status.
 */
export function pwsTable(place: string, rowLevel: string, year: number, month: number, blocks: readonly PwsIndicatorBlock[]): ReportTable {
  const columns: ReportTable['columns'] = [
    { key: 'no', label: 'No', type: 'integer', width: 4 },
    { key: 'wilayah', label: rowLevel, type: 'text', width: 26 },
  ];
  for (const b of blocks) {
    const sub = (key: string, short: string, type: SheetColumn['type']) => ({ key: `${b.id}:${key}`, label: `${b.label} – ${short}`, short, group: b.label, type });
    columns.push(
      sub('sasaran', 'Sasaran', 'number'),
      sub('bulanIni', MONTHS_ID[month - 1]!, 'integer'),
      sub('kumulatif', 'Kumulatif', 'integer'),
      sub('persen', '%', 'number'),
      sub('status', 'Status', 'text'),
    );
  }
  // Rows in code order (the tree's order), whatever order the figures came in.
  const codes = (blocks[0]?.areas.map((a) => ({ code: a.code, name: a.name })) ?? []).sort((a, b) => a.code.localeCompare(b.code));
  const rows: Record<string, Cell>[] = [];
  const marks: Record<string, string>[] = [];
  const put = (row: Record<string, Cell>, mark: Record<string, string>, b: PwsIndicatorBlock, a: PwsAreaFigures | undefined) => {
    if (!a) return;
    const status = statusOf(a);
    row[`${b.id}:sasaran`] = round1(a.ytd.denominatorEstimated ?? a.ytd.denominatorRegister);
    row[`${b.id}:bulanIni`] = a.month.numerator;
    row[`${b.id}:kumulatif`] = a.ytd.numerator;
    row[`${b.id}:persen`] = round1(coverageOf(a.ytd));
    row[`${b.id}:status`] = status ?? '–';
    if (status) mark[`${b.id}:status`] = status;
    if (a.ytd.colour) mark[`${b.id}:persen`] = a.ytd.colour;
  };
  codes.forEach((c, n) => {
    const row: Record<string, Cell> = { no: n + 1, wilayah: c.name };
    const mark: Record<string, string> = {};
    for (const b of blocks) put(row, mark, b, b.areas.find((a) => a.code === c.code));
    rows.push(row);
    marks.push(mark);
  });
  const totalRow: Record<string, Cell> = { no: null, wilayah: 'Jumlah' };
  const totalMark: Record<string, string> = {};
  for (const b of blocks) put(totalRow, totalMark, b, b.total);
  rows.push(totalRow);
  marks.push(totalMark);
  return {
    title: ['PEMANTAUAN WILAYAH SETEMPAT (PWS)', place, `Bulan ${MONTHS_ID[month - 1]} ${year}; kumulatif Januari–${MONTHS_ID[month - 1]}; status baik/kurang/cukup/jelek: cakupan bulan ini terhadap target dan bulan lalu`],
    columns, rows, marks,
  };
}
