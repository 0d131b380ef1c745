import { daysBetween, isIsoDate } from '../time/dates';
import type { Sex } from '../people/nik';
import { CsvFormatError, formatCsv, parseCsv } from './csv';
import type { GrowthReferences } from './growth-references';
import { GROWTH_TABLES } from './growth-tables';
import { classifyMuac, DEFAULT_MUAC_SETTINGS, type MuacSettings } from './muac';
import { classifyPermenkes, type PermenkesIndex } from './permenkes';
import { WFH_RANGE_CM, WFL_RANGE_CM, type AnthroIndex } from './who-rules';
import { computeZScores, type AnthroAge, type AnthroInput, type AnthroResult, type IndexResult, type Measure } from './zscores';

/**
 * Batch z-scores for analysts, like the survey tool of WHO Anthro: a CSV in,
 * the same rows out with z-scores, flags and Permenkes categories added.
 *
 * Input columns (names case-insensitive, any order, other columns kept):
 * id, sex (1 male / 2 female; m/f and l/p also read), an age — age_days,
 * age_months (→ days × 30.4375 as anthro), or dob and visit_date (YYYY-MM-DD),
 * taken in that order of preference — weight (kg), height (cm), measure
 * (l lying / h standing / empty unknown), oedema (y/n), head and muac (cm).
 */
export const BATCH_OUTPUT_COLUMNS = [
  'agedays',
  'clenhei',
  'cbmi',
  'zwei',
  'zlen',
  'zwfl',
  'zbmi',
  'zhc',
  'zac',
  'fwei',
  'flen',
  'fwfl',
  'fbmi',
  'fhc',
  'fac',
  'cat_wei',
  'cat_len',
  'cat_wfl',
  'cat_bmi',
  'cat_muac',
  'reference',
  'approx',
  'notes',
  'error',
] as const;

/** The six indices in the output, with their Permenkes index where it has one. */
const OUTPUT_INDICES: { index: AnthroIndex; name: string; permenkes?: PermenkesIndex }[] = [
  { index: 'wei', name: 'wei', permenkes: 'bbu' },
  { index: 'len', name: 'len', permenkes: 'pbu' },
  { index: 'wfl', name: 'wfl', permenkes: 'bbpb' },
  { index: 'bmi', name: 'bmi', permenkes: 'imtu' },
  { index: 'hc', name: 'hc' },
  { index: 'ac', name: 'ac' },
];

/** A problem with the whole file (nothing is computed). */
export class AnthroBatchFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnthroBatchFileError';
  }
}

export interface BatchRowError {
  line: number;
  id: string;
  reason: string;
}

export interface AnthroBatchResult {
  header: string[];
  rows: string[][];
  errors: BatchRowError[];
  summary: { rows: number; bad: number; approximate: number; referenceMissing: number };
}

export interface AnthroBatchOptions {
  muac?: MuacSettings;
}

const AGE_COLUMNS = ['age_days', 'age_months', 'dob', 'visit_date'];

export function runAnthroBatch(text: string, refs: GrowthReferences, options: AnthroBatchOptions = {}): AnthroBatchResult {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvFormatError) throw new AnthroBatchFileError(`CSV ${e.message}`);
    throw e;
  }
  const head = records[0];
  if (!head) throw new AnthroBatchFileError('the file is empty');
  const names = head.cells.map((c) => c.trim().toLowerCase());
  const col = (n: string) => names.indexOf(n);
  const dup = names.find((n, i) => n !== '' && names.indexOf(n) !== i);
  if (dup) throw new AnthroBatchFileError(`column "${dup}" appears twice in the header`);
  for (const req of ['id', 'sex']) if (col(req) < 0) throw new AnthroBatchFileError(`the header needs a column "${req}"`);
  if (col('age_days') < 0 && col('age_months') < 0 && (col('dob') < 0 || col('visit_date') < 0)) {
    throw new AnthroBatchFileError('the header needs an age: age_days, age_months, or dob and visit_date');
  }
  const clash = BATCH_OUTPUT_COLUMNS.find((o) => names.includes(o));
  if (clash) throw new AnthroBatchFileError(`the input already has the output column "${clash}"; rename or remove it`);

  const header = [...head.cells, ...BATCH_OUTPUT_COLUMNS];
  const rows: string[][] = [];
  const errors: BatchRowError[] = [];
  const summary = { rows: 0, bad: 0, approximate: 0, referenceMissing: 0 };
  for (const rec of records.slice(1)) {
    summary.rows++;
    const cells = head.cells.map((_, i) => rec.cells[i] ?? '');
    const get = (n: string) => (col(n) >= 0 ? (rec.cells[col(n)] ?? '').trim() : '');
    const parsed = rec.cells.length > head.cells.length ? { problems: [`the row has ${rec.cells.length} cells, the header ${head.cells.length}`] } : parseRow(get);
    if ('problems' in parsed) {
      const reason = parsed.problems.join('; ');
      errors.push({ line: rec.line, id: get('id'), reason });
      summary.bad++;
      rows.push([...cells, ...BATCH_OUTPUT_COLUMNS.map((c) => (c === 'error' ? reason : ''))]);
      continue;
    }
    const result = computeZScores(parsed.input, refs);
    if (result.approximate) summary.approximate++;
    if (OUTPUT_INDICES.some(({ index }) => result.indices[index].status === 'reference_missing')) summary.referenceMissing++;
    rows.push([...cells, ...outputCells(result, parsed.input, options.muac ?? DEFAULT_MUAC_SETTINGS)]);
  }
  return { header, rows, errors, summary };
}

/** The batch result as CSV text. */
export function formatAnthroBatch(result: AnthroBatchResult): string {
  return formatCsv([result.header, ...result.rows]);
}

const DECIMAL = /^\+?(\d+([.,]\d+)?|[.,]\d+)$/;

function parseRow(get: (n: string) => string): { input: AnthroInput } | { problems: string[] } {
  const problems: string[] = [];
  if (get('id') === '') problems.push('id is empty');

  const sexRaw = get('sex').toLowerCase();
  const sex: Sex | null = ['1', 'm', 'l'].includes(sexRaw) ? 'M' : ['2', 'f', 'p'].includes(sexRaw) ? 'F' : null;
  if (!sex) problems.push(`sex must be 1 (male) or 2 (female), found "${get('sex')}"`);

  // A decimal comma is read too (10,5), as Indonesian spreadsheets write it.
  const number = (name: string, what: string, allowZero = false): number | null => {
    const v = get(name);
    if (v === '') return null;
    const n = DECIMAL.test(v) ? Number(v.replace(',', '.')) : NaN;
    if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
      problems.push(`${name} must be ${allowZero ? 'a number ≥ 0' : 'a positive number'} (${what}), found "${v}"`);
      return null;
    }
    return n;
  };

  let age: AnthroAge | null = null;
  if (get('age_days') !== '') {
    const d = number('age_days', 'days', true);
    if (d !== null) age = { days: d };
  } else if (get('age_months') !== '') {
    const m = number('age_months', 'months', true);
    if (m !== null) age = { months: m };
  } else if (get('dob') !== '' || get('visit_date') !== '') {
    const dob = get('dob');
    const visit = get('visit_date');
    if (!isIsoDate(dob)) problems.push(`dob must be a date YYYY-MM-DD, found "${dob}"`);
    if (!isIsoDate(visit)) problems.push(`visit_date must be a date YYYY-MM-DD, found "${visit}"`);
    if (isIsoDate(dob) && isIsoDate(visit)) {
      const days = daysBetween(dob, visit);
      if (days < 0) problems.push(`visit_date ${visit} is before dob ${dob}`);
      else age = { days };
    }
  }

  const weightKg = number('weight', 'kg');
  const lengthHeightCm = number('height', 'cm');
  const headCm = number('head', 'cm');
  const muacCm = number('muac', 'cm');

  const measureRaw = get('measure').toLowerCase();
  if (!['', 'l', 'h'].includes(measureRaw)) problems.push(`measure must be l (lying), h (standing) or empty, found "${get('measure')}"`);
  const oedemaRaw = get('oedema').toLowerCase();
  // anthro reads y/1 as oedema and n/2 (or empty) as none.
  if (!['', 'y', 'n', '1', '2'].includes(oedemaRaw)) problems.push(`oedema must be y or n, found "${get('oedema')}"`);

  if (problems.length > 0 || !sex) return { problems };
  return {
    input: {
      sex,
      age,
      weightKg,
      lengthHeightCm,
      measure: measureRaw === '' ? null : (measureRaw as Measure),
      oedema: oedemaRaw === 'y' || oedemaRaw === '1',
      headCm,
      muacCm,
    },
  };
}

const fixed2 = (v: number | null) => (v === null ? '' : v.toFixed(2));

function outputCells(result: AnthroResult, input: AnthroInput, muacSettings: MuacSettings): string[] {
  const categories = classifyPermenkes(result);
  const muac = classifyMuac(input.muacCm, result.ageMonths, muacSettings);
  const notes: string[] = [];
  if (result.positionImplausible) notes.push('standing height before 9 months: position ignored (WHO anthro)');
  for (const { index, name } of OUTPUT_INDICES) {
    const why = explain(result.indices[index], result);
    if (why) notes.push(`z${name}: ${why}`);
  }
  const computed = OUTPUT_INDICES.map(({ index }) => result.indices[index]).filter((r) => r.status === 'ok');
  const cells: Record<(typeof BATCH_OUTPUT_COLUMNS)[number], string> = {
    agedays: result.ageDays === null ? '' : String(result.ageDays),
    clenhei: fixed2(result.clenhei),
    cbmi: fixed2(result.cbmi),
    zwei: '',
    zlen: '',
    zwfl: '',
    zbmi: '',
    zhc: '',
    zac: '',
    fwei: '',
    flen: '',
    fwfl: '',
    fbmi: '',
    fhc: '',
    fac: '',
    cat_wei: categories.bbu?.id ?? '',
    cat_len: categories.pbu?.id ?? '',
    cat_wfl: categories.bbpb?.id ?? '',
    cat_bmi: categories.imtu?.id ?? '',
    cat_muac: muac?.id ?? '',
    reference: [...new Set(computed.map((r) => r.reference))].join(' '),
    approx: computed.some((r) => r.approximate) ? '1' : '0',
    notes: notes.join('; '),
    error: '',
  };
  for (const { index, name } of OUTPUT_INDICES) {
    const r = result.indices[index];
    cells[`z${name}` as 'zwei'] = fixed2(r.z);
    cells[`f${name}` as 'fwei'] = r.flag === null ? '' : r.flag ? '1' : '0';
  }
  return BATCH_OUTPUT_COLUMNS.map((c) => cells[c]);
}

/** Why a z-score is missing although its measurement was given. */
function explain(r: IndexResult, result: AnthroResult): string | null {
  switch (r.status) {
    case 'ok':
    case 'no_measurement':
      return null;
    case 'no_age':
      return 'no age';
    case 'oedema':
      return 'not computed with oedema';
    case 'age_out_of_range':
      return r.table ? `age outside ${GROWTH_TABLES[r.table].title} (${describeCover(r.table)})` : 'no WHO reference for this age';
    case 'length_out_of_range': {
      const [lo, hi] = r.table === 'wflanthro' ? WFL_RANGE_CM : WFH_RANGE_CM;
      return `${r.table === 'wflanthro' ? 'length' : 'height'} ${fixed2(result.clenhei)} cm outside ${lo}–${hi} cm`;
    }
    case 'reference_missing':
      return `${r.reference === 'WHO2007' ? 'WHO 2007 reference' : 'WHO table'} ${r.table} not installed (siklus reference import who <folder>)`;
  }
}

function describeCover(table: NonNullable<IndexResult['table']>): string {
  const { covers, keyUnit } = GROWTH_TABLES[table];
  return `${covers[0]}–${covers[1]} ${keyUnit === 'day' ? 'days' : keyUnit === 'month' ? 'months' : 'cm'}`;
}

/** Column names the batch reads (for help texts). */
export const BATCH_INPUT_COLUMNS = ['id', 'sex', ...AGE_COLUMNS, 'weight', 'height', 'measure', 'oedema', 'head', 'muac'] as const;
