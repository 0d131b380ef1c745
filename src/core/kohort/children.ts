/**
 * Kohort bayi (0–11 months) and kohort anak balita (12–59 months), per desa
 * and month (Juknis Pengisian dan Pemanfaatan Kohor Bayi dan Kohor Anak
 * Balita dan Prasekolah, Kemenkes 2015, cited in ilp-domain.md §8.3; the
 * notes list its purpose, not its printed columns). Column order follows the
 * contract (docs/fieldwork-api.md "Kohort registers"): identity, birth,
 * birth weight, the immunization doses in the order of KMK Tabel 7–8, KN1–KN3,
 * vitamin A, then the weighings of each calendar month of the year with the
 * KMS judgement (SKDN is counted per calendar month), and the nutrition
 * status of the latest measurement (Permenkes 2/2020).
 */
import type { GrowthReferences } from '../anthropometry/growth-references';
import { catalogue } from '../protocol/catalogue';
import { addOffset, dayFromIso, isoFromDay } from '../protocol/offset';
import type { ProtocolSettings } from '../protocol/settings';
import { AGE_STAGES } from '../protocol/stages';
import type { ProtocolItem, StageId } from '../protocol/types';
import { growthPoints, weighingViews } from '../record/growth';
import { immunizationCoverage } from '../schedule/coverage';
import { completedMonths, type IsoDate } from '../time/dates';
import { addressOf, col, doneDate, entriesOf, MONTH_EN, MONTH_ID, SEX_LABEL, statusNote, yesNo, type Prepared } from './prepare';
import type { KohortCell, KohortColumn, KohortPerson, KohortRow } from './types';

const stageBound = (id: StageId) => AGE_STAGES.find((s) => s.id === id)!;
const BAYI = stageBound('bayi');
const BALITA = stageBound('balita');

/**
 * Kohort bayi: born by the register date and under 12 months at the month's
 * end (0–11 months). A baby turning 12 months during the month is already on
 * the kohort balita that month — one register per child and month, so the
 * SKDN counts of the two registers never hold the same child twice.
 */
export function isBayi(person: KohortPerson, monthEnd: IsoDate, on: IsoDate): boolean {
  return person.birthDate <= on && isoFromDay(addOffset(dayFromIso(person.birthDate), BAYI.to!)) > monthEnd;
}

/** Kohort anak balita: 12–59 completed months at the month's end. */
export function isBalitaNotBayi(person: KohortPerson, monthEnd: IsoDate, on: IsoDate): boolean {
  const birth = dayFromIso(person.birthDate);
  return person.birthDate <= on && isoFromDay(addOffset(birth, BAYI.to!)) <= monthEnd && isoFromDay(addOffset(birth, BALITA.to!)) > monthEnd;
}

/** The gate of an item (JE only in endemic districts) read from the settings. */
function gateOn(item: ProtocolItem, settings: ProtocolSettings): boolean {
  if (!item.gate) return true;
  let v: unknown = settings;
  for (const k of item.gate.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v === true;
}

/** Infant (bayi) or baduta dose items of the district's programme, in catalogue order. */
function doseItems(stages: readonly StageId[], settings: ProtocolSettings): ProtocolItem[] {
  return catalogue(settings).filter((i) => i.programme === 'immunization' && i.timing.kind === 'dose' && stages.includes(i.stage) && gateOn(i, settings));
}

const doseHeader = (i: ProtocolItem) => ({ id: i.label.id.replace(/^Imunisasi /, ''), en: i.label.en.replace(/ immunization$/, '') });

function identityColumns(withAge: boolean): KohortColumn[] {
  return [
    col('no', 'No', 'No', 'integer'),
    col('nama', 'Nama anak', "Child's name"),
    col('jk', 'L/P', 'Sex'),
    col('tgl_lahir', 'Tanggal lahir', 'Birth date', 'date'),
    ...(withAge ? [col('umur_bulan', 'Umur (bulan)', 'Age (months)', 'integer')] : []),
    col('nama_ibu', 'Nama ibu', "Mother's name"),
    col('alamat', 'Alamat (RT/RW)', 'Address (RT/RW)'),
  ];
}

function weighingColumns(month: number): KohortColumn[] {
  return Array.from({ length: month }, (_, i) => {
    const mm = String(i + 1).padStart(2, '0');
    return [col(`bb_${mm}`, `BB ${MONTH_ID[i]} (kg)`, `Weight ${MONTH_EN[i]} (kg)`, 'number'), col(`nt_${mm}`, `N/T ${MONTH_ID[i]}`, `N/T ${MONTH_EN[i]}`)];
  }).flat();
}

const statusColumns = (): KohortColumn[] => [
  col('tgl_ukur', 'Tanggal pengukuran terakhir', 'Last measured', 'date'),
  col('pb_tb', 'PB/TB terakhir (cm)', 'Last length/height (cm)', 'number'),
  col('bb_u', 'Status BB/U', 'Weight-for-age'),
  col('tb_u', 'Status PB/U atau TB/U', 'Length/height-for-age'),
  col('bb_tb', 'Status BB/PB atau BB/TB', 'Weight-for-length/height'),
];

export function bayiColumns(month: number, settings: ProtocolSettings): KohortColumn[] {
  return [
    ...identityColumns(false),
    col('bb_lahir', 'BB lahir (gram)', 'Birth weight (g)', 'integer'),
    col('pb_lahir', 'PB lahir (cm)', 'Birth length (cm)', 'number'),
    ...doseItems(['neonatus', 'bayi'], settings).map((i) => { const h = doseHeader(i); return col(i.id, h.id, h.en, 'date'); }),
    col('idl', 'Imunisasi dasar lengkap', 'Complete basic immunization'),
    col('kn1', 'KN1', 'Neonatal visit KN1', 'date'),
    col('kn2', 'KN2', 'Neonatal visit KN2', 'date'),
    col('kn3', 'KN3', 'Neonatal visit KN3', 'date'),
    col('vit_a', 'Vitamin A (biru)', 'Vitamin A (blue)', 'date'),
    ...weighingColumns(month),
    ...statusColumns(),
    col('keterangan', 'Keterangan', 'Notes'),
  ];
}

export function balitaColumns(month: number, settings: ProtocolSettings): KohortColumn[] {
  return [
    ...identityColumns(true),
    ...weighingColumns(month),
    col('vit_a_feb', 'Vitamin A Februari', 'Vitamin A February', 'date'),
    col('vit_a_agu', 'Vitamin A Agustus', 'Vitamin A August', 'date'),
    col('obat_cacing', 'Obat cacing', 'Deworming', 'date'),
    ...doseItems(['baduta'], settings).map((i) => { const h = doseHeader(i); return col(i.id, h.id, h.en, 'date'); }),
    col('idl', 'Imunisasi dasar lengkap', 'Complete basic immunization'),
    col('baduta_lengkap', 'Imunisasi baduta lengkap', 'Complete baduta immunization'),
    ...statusColumns(),
    col('keterangan', 'Keterangan', 'Notes'),
  ];
}

function childCells(p: Prepared, year: number, month: number, refs: GrowthReferences): { cells: Record<string, KohortCell>; marks: Record<string, string>; approximate: boolean } {
  const cells: Record<string, KohortCell> = {
    nama: p.person.name,
    jk: SEX_LABEL[p.person.sex] ?? p.person.sex,
    tgl_lahir: p.person.birthDate,
    nama_ibu: p.person.motherName ?? null,
    alamat: addressOf(p.person.areaCode),
  };
  const byMonth = new Map(weighingViews(p.person, p.read).map((w) => [w.date.slice(0, 7), w]));
  for (let m = 1; m <= month; m++) {
    const mm = String(m).padStart(2, '0');
    const w = byMonth.get(`${year}-${mm}`);
    cells[`bb_${mm}`] = w?.weight ?? null;
    cells[`nt_${mm}`] = w?.outcome ?? null;
  }
  const points = growthPoints(p.person, p.read, refs);
  const last = [...points].reverse().find((x) => x.weight !== null || x.lengthOrHeight !== null);
  const lastLength = [...points].reverse().find((x) => x.lengthOrHeight !== null);
  cells.tgl_ukur = last?.date ?? null;
  cells.pb_tb = lastLength?.lengthOrHeight ?? null;
  cells.bb_u = last?.categories.bbu?.id ?? null;
  cells.tb_u = last?.categories.pbu?.id ?? null;
  cells.bb_tb = last?.categories.bbpb?.id ?? null;
  cells.keterangan = statusNote(p.person);
  const marks: Record<string, string> = {};
  for (const [key, index] of [['bb_u', 'bbu'], ['tb_u', 'pbu'], ['bb_tb', 'bbpb']] as const) {
    const c = last?.categories[index];
    if (c) marks[key] = c.code;
  }
  return { cells, marks, approximate: points.some((x) => x.approximate) };
}

const completeness = (complete: boolean) => (complete ? 'complete' : 'incomplete');

export function bayiRow(p: Prepared, on: IsoDate, settings: ProtocolSettings, refs: GrowthReferences): { row: KohortRow; approximate: boolean } {
  const [year, month] = [Number(on.slice(0, 4)), Number(on.slice(5, 7))];
  const entries = entriesOf(p, on, p.person.birthDate, settings);
  const { cells, marks, approximate } = childCells(p, year, month, refs);
  const atBirth = (concept: string) => p.read.find((r) => r.concept === concept && r.e.occurredOn === p.person.birthDate && typeof r.e.valueNum === 'number');
  const bw = atBirth('weight');
  const bl = atBirth('length') ?? atBirth('height');
  cells.bb_lahir = bw ? Math.round((bw.e.valueNum as number) * 1000) : null;
  cells.pb_lahir = bl ? (bl.e.valueNum as number) : null;
  for (const item of doseItems(['neonatus', 'bayi'], settings)) cells[item.id] = doneDate(entries, (e) => e.item === item.id);
  const cov = immunizationCoverage(p.facts, p.engine, on, settings);
  cells.idl = yesNo(cov.idl.complete, cov.idl.completedOn);
  marks.idl = completeness(cov.idl.complete);
  for (const k of [1, 2, 3]) cells[`kn${k}`] = doneDate(entries, (e) => e.item === `nn.kn${k}`);
  cells.vit_a = doneDate(entries, (e) => e.item === 'growth.vitamin-a' && e.variant === 'biru');
  return { row: { personId: p.person.id, cells, marks }, approximate };
}

export function balitaRow(p: Prepared, on: IsoDate, monthEnd: IsoDate, settings: ProtocolSettings, refs: GrowthReferences): { row: KohortRow; approximate: boolean } {
  const [year, month] = [Number(on.slice(0, 4)), Number(on.slice(5, 7))];
  const entries = entriesOf(p, on, p.person.birthDate, settings);
  const { cells, marks, approximate } = childCells(p, year, month, refs);
  // The age that put the child on this register: at the month's end.
  cells.umur_bulan = completedMonths(p.person.birthDate, monthEnd);
  cells.vit_a_feb = doneDate(entries, (e) => e.item === 'growth.vitamin-a' && e.period === `${year}-02`);
  cells.vit_a_agu = doneDate(entries, (e) => e.item === 'growth.vitamin-a' && e.period === `${year}-08`);
  cells.obat_cacing = doneDate(entries, (e) => e.item === 'growth.deworming' && e.period?.startsWith(String(year)) === true);
  for (const item of doseItems(['baduta'], settings)) cells[item.id] = doneDate(entries, (e) => e.item === item.id);
  const cov = immunizationCoverage(p.facts, p.engine, on, settings);
  cells.idl = yesNo(cov.idl.complete, cov.idl.completedOn);
  marks.idl = completeness(cov.idl.complete);
  cells.baduta_lengkap = yesNo(cov.baduta.complete, cov.baduta.completedOn);
  marks.baduta_lengkap = completeness(cov.baduta.complete);
  return { row: { personId: p.person.id, cells, marks }, approximate };
}
