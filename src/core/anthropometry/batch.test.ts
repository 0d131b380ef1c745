import { describe, expect, it } from 'vitest';
import { approximateGrowthReferences } from './approximate-references';
import { AnthroBatchFileError, BATCH_OUTPUT_COLUMNS, formatAnthroBatch, runAnthroBatch } from './batch';
import { parseCsv } from './csv';
import { exactReferences } from './test-support/who-data';

const exact = exactReferences();

/** Good and bad rows; CRLF, a BOM and a quoted comma, and an extra column that is kept. */
const INPUT =
  '\uFEFF' +
  [
    'id,sex,age_days,age_months,dob,visit_date,weight,height,measure,oedema,head,muac,village',
    'a1,1,365,,,,8.1,71.0,l,n,44.0,11.3,Desa A',
    'a2,2,,24,,,11.5,86,h,n,,,"Desa B, RT 01"',
    'a3,1,,,2024-01-15,2025-03-20,"10,2",80,,n,,13.1,Desa C',
    'a4,3,400,,,,9,,,,,,Desa D',
    'a5,2,,,2025-05-01,2025-03-01,9,,,,,,Desa E',
    'a6,1,500,,,,abc,75,x,maybe,,,Desa F',
    'a7,2,,100,,,25,128,,n,,,Desa G',
    'a8,1,300,,,,8,70,l,y,,,Desa H',
  ].join('\r\n') +
  '\r\n';

function table(text: string) {
  const recs = parseCsv(text);
  const head = recs[0]!.cells;
  return recs.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r.cells[i] ?? ''])));
}

describe('runAnthroBatch with the exact WHO tables', () => {
  const result = runAnthroBatch(INPUT, exact);
  const out = table(formatAnthroBatch(result));
  const row = (id: string) => out.find((r) => r.id === id)!;

  it('keeps every input row and column, and adds the output columns', () => {
    expect(result.header).toEqual([...'id,sex,age_days,age_months,dob,visit_date,weight,height,measure,oedema,head,muac,village'.split(','), ...BATCH_OUTPUT_COLUMNS]);
    expect(out.map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    expect(row('a2').village).toBe('Desa B, RT 01');
    expect(row('a3').weight).toBe('10,2');
  });

  it('computes z-scores, flags and categories (values hand-computed from WHO table rows)', () => {
    // boy, day 365, 8.1 kg, 71.0 cm lying, head 44.0, MUAC 11.3
    expect(row('a1')).toMatchObject({
      agedays: '365',
      clenhei: '71.00',
      cbmi: '16.07',
      zwei: '-1.59',
      zlen: '-1.99',
      zwfl: '-0.80',
      zbmi: '-0.56',
      zhc: '-1.61',
      zac: '-3.30',
      fwei: '0',
      flen: '0',
      fwfl: '0',
      fbmi: '0',
      fhc: '0',
      fac: '0',
      cat_wei: 'Berat badan normal',
      cat_len: 'Normal',
      cat_wfl: 'Gizi baik',
      cat_bmi: 'Gizi baik',
      cat_muac: 'Gizi buruk (LiLA merah)',
      reference: 'WHO2006',
      approx: '0',
      error: '',
    });
    // girl, 24 months = day 731 (height curve), standing 86 cm: no adjustment
    expect(row('a2')).toMatchObject({ agedays: '731', clenhei: '86.00', zwei: '0.01', zlen: '0.08', zwfl: '-0.14', zbmi: '-0.11', zhc: '', zac: '', fhc: '', cat_muac: '' });
    // boy, dob/visit_date → 430 days; decimal comma; unknown position at < 731 days = lying
    expect(row('a3')).toMatchObject({ agedays: '430', clenhei: '80.00', zwei: '0.07', zlen: '0.73', zwfl: '-0.29', zbmi: '-0.47', zac: '-1.50', cat_muac: 'Normal (LiLA hijau)' });
  });

  it('uses the WHO 2007 reference from 5 years', () => {
    expect(row('a7')).toMatchObject({ reference: 'WHO2007', zwfl: '', zhc: '', cat_wei: '', cat_len: '', cat_wfl: '' });
    expect(row('a7').zwei).not.toBe('');
    expect(row('a7').zlen).not.toBe('');
    expect(row('a7').cat_bmi).toMatch(/^Gizi/);
  });

  it('leaves the weight-based z-scores out under oedema and says gizi buruk', () => {
    expect(row('a8')).toMatchObject({ zwei: '', zwfl: '', zbmi: '', fwei: '', cat_wfl: 'Gizi buruk', cat_wei: 'Berat badan sangat kurang' });
    expect(row('a8').zlen).not.toBe('');
    expect(row('a8').notes).toContain('zwei: not computed with oedema');
  });

  it('reports bad rows by line with every reason, and computes the others', () => {
    expect(result.errors).toEqual([
      { line: 5, id: 'a4', reason: 'sex must be 1 (male) or 2 (female), found "3"' },
      { line: 6, id: 'a5', reason: 'visit_date 2025-03-01 is before dob 2025-05-01' },
      {
        line: 7,
        id: 'a6',
        reason: 'weight must be a positive number (kg), found "abc"; measure must be l (lying), h (standing) or empty, found "x"; oedema must be y or n, found "maybe"',
      },
    ]);
    expect(row('a4')).toMatchObject({ error: 'sex must be 1 (male) or 2 (female), found "3"', zwei: '', agedays: '' });
    expect(result.summary).toEqual({ rows: 8, bad: 3, approximate: 0, referenceMissing: 0 });
  });
});

describe('runAnthroBatch without imported tables (jsgrowup fallback)', () => {
  const result = runAnthroBatch(INPUT, approximateGrowthReferences());
  const out = table(formatAnthroBatch(result));
  const row = (id: string) => out.find((r) => r.id === id)!;

  it('marks 0–5 year rows approximate, close to the exact values', () => {
    expect(row('a1')).toMatchObject({ approx: '1', zac: '' });
    expect(Math.abs(Number(row('a1').zwei) - -1.59)).toBeLessThanOrEqual(0.01);
    expect(row('a1').notes).toContain('zac: WHO table acanthro not installed');
  });

  it('says the 5–19 year reference is not installed', () => {
    expect(row('a7')).toMatchObject({ zwei: '', zlen: '', zbmi: '', approx: '0', error: '' });
    expect(row('a7').notes).toContain('zbmi: WHO 2007 reference bfawho2007 not installed');
    // a1 and a3 lack the MUAC table, a7 the 2007 reference.
    expect(result.summary).toMatchObject({ approximate: 4, referenceMissing: 3 });
  });
});

describe('runAnthroBatch file-level problems', () => {
  it.each([
    ['', 'the file is empty'],
    ['id,age_days\n1,3\n', 'the header needs a column "sex"'],
    ['id,sex,weight\n1,1,3\n', 'the header needs an age: age_days, age_months, or dob and visit_date'],
    ['id,sex,age_days,zwei\n', 'the input already has the output column "zwei"; rename or remove it'],
    ['id,sex,Sex,age_days\n', 'column "sex" appears twice in the header'],
    ['id,sex,age_days\n1,1,"3\n', 'CSV line 2: a quoted field is not closed'],
  ])('%j → %s', (text, message) => {
    expect(() => runAnthroBatch(text, exact)).toThrow(new AnthroBatchFileError(message));
  });

  it('reads ; files with decimal commas, and rows longer than the header are bad', () => {
    const r = runAnthroBatch('id;sex;age_months;weight\nx;2;12;8,9\ny;2;12;8,9;extra\n', exact);
    expect(r.rows[0]![r.header.indexOf('zwei')]).not.toBe('');
    expect(r.errors).toEqual([{ line: 3, id: 'y', reason: 'the row has 5 cells, the header 4' }]);
  });

  it('accepts a row with no age (only weight-for-length/height is computed)', () => {
    const r = runAnthroBatch('id,sex,age_days,weight,height\nx,1,,10,80\n', exact);
    const out = table(formatAnthroBatch(r))[0]!;
    expect(out).toMatchObject({ agedays: '', zwei: '', zlen: '', error: '' });
    expect(out.zwfl).not.toBe('');
    expect(out.notes).toContain('zwei: no age');
  });
});
