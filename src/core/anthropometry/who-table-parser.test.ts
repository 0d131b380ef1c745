import { describe, expect, it } from 'vitest';
import { growthTableForFile, GROWTH_TABLE_NAMES } from './growth-tables';
import { readWhoText } from './test-support/who-data';
import { GrowthTableFormatError, parseWhoGrowthTable } from './who-table-parser';

/** A small valid 2007 weight-for-age file (60–120 months, both sexes), LF line ends. */
function wfa2007(edit?: (lines: string[]) => void): string {
  const lines = ['sex\tage\tl\tm\ts'];
  for (const sex of [1, 2]) for (let age = 60; age <= 121; age++) lines.push(`${sex}\t${age}\t-0.5\t${18 + age / 10}\t0.13`);
  edit?.(lines);
  return lines.join('\n') + '\n';
}

function failure(text: string, table: Parameters<typeof parseWhoGrowthTable>[1] = 'wfawho2007'): GrowthTableFormatError {
  try {
    parseWhoGrowthTable(text, table);
  } catch (e) {
    if (e instanceof GrowthTableFormatError) return e;
    throw e;
  }
  throw new Error('expected a GrowthTableFormatError');
}

describe('parseWhoGrowthTable on WHO files', () => {
  it.each([
    ['weianthro', 1827 * 2],
    ['lenanthro', 1827 * 2],
    ['acanthro', 1736 * 2],
    ['wflanthro', 651 * 2],
    ['wfhanthro', 551 * 2],
    ['hfawho2007', 170 * 2],
    ['wfawho2007', 62 * 2],
  ] as const)('reads %s (CRLF, tab-separated) into %i rows', (name, count) => {
    const rows = parseWhoGrowthTable(readWhoText(name), name);
    expect(rows).toHaveLength(count);
  });

  it('keeps the values and the L/H column exactly', () => {
    const rows = parseWhoGrowthTable(readWhoText('lenanthro'), 'lenanthro');
    expect(rows.find((r) => r.sex === 1 && r.x === 730)).toEqual({ sex: 1, x: 730, l: 1, m: 87.8018, s: 0.03479, loh: 'L' });
    expect(rows.find((r) => r.sex === 1 && r.x === 731)).toEqual({ sex: 1, x: 731, l: 1, m: 87.1303, s: 0.03508, loh: 'H' });
    const wfl = parseWhoGrowthTable(readWhoText('wflanthro'), 'wflanthro');
    expect(wfl.find((r) => r.sex === 1 && r.x === 45.1)).toEqual({ sex: 1, x: 45.1, l: -0.3521, m: 2.4577, s: 0.09176, loh: 'L' });
  });
});

describe('parseWhoGrowthTable formats and errors', () => {
  it('accepts LF, CRLF, a BOM, spaces and trailing blank lines alike', () => {
    const lf = parseWhoGrowthTable(wfa2007(), 'wfawho2007');
    expect(parseWhoGrowthTable('\uFEFF' + wfa2007().replaceAll('\n', '\r\n') + '\r\n\r\n', 'wfawho2007')).toEqual(lf);
    expect(parseWhoGrowthTable(wfa2007().replaceAll('\t', '  '), 'wfawho2007')).toEqual(lf);
  });

  it('names the line of a value that is not a number', () => {
    const e = failure(wfa2007((l) => (l[5] = '1\t64\t-0.5\tabc\t0.13')));
    expect(e.line).toBe(6);
    expect(e.message).toBe('wfawho2007, line 6: m "abc" is not a number');
  });

  it('rejects a wrong column count, a bad sex, non-positive M or S', () => {
    expect(failure(wfa2007((l) => (l[3] = '1\t62\t-0.5\t24.2')))).toMatchObject({ line: 4, reason: 'expected 5 columns, found 4' });
    expect(failure(wfa2007((l) => (l[3] = '3\t62\t-0.5\t24.2\t0.13')))).toMatchObject({ line: 4, reason: 'sex must be 1 or 2, found 3' });
    expect(failure(wfa2007((l) => (l[3] = '1\t62\t-0.5\t0\t0.13')))).toMatchObject({ line: 4 });
    expect(failure(wfa2007((l) => (l[3] = '1\t62\t-0.5\t24.2\t-0.1')))).toMatchObject({ line: 4 });
  });

  it('rejects a file whose header belongs to another table', () => {
    // weight-for-length (length) given as weight-for-height (height)
    const e = failure(readWhoText('wflanthro'), 'wfhanthro');
    expect(e.line).toBe(1);
    expect(e.reason).toMatch(/header must have the columns sex, height, l, m, s/);
    expect(failure(wfa2007((l) => (l[0] = 'sex\tage\tl\tm\ts\textra')))).toMatchObject({ line: 1, reason: 'unexpected column "extra" for wfawho2007' });
  });

  it('rejects duplicates and gaps, naming the line', () => {
    expect(failure(wfa2007((l) => (l[3] = l[2]!)))).toMatchObject({ line: 4 });
    expect(failure(wfa2007((l) => l.splice(10, 1))).reason).toMatch(/jumps from 68 to 70 for sex 1/);
  });

  it('rejects a file that does not cover the range the rules need', () => {
    const short = wfa2007((l) => l.splice(1, 1)); // boys start at month 61
    expect(failure(short)).toMatchObject({ line: null, reason: 'sex 1 covers age 61–121 month; wfawho2007 needs 60–120' });
    expect(failure(wfa2007((l) => l.splice(63)))).toMatchObject({ reason: 'no rows for sex 2' });
    expect(failure('')).toMatchObject({ reason: 'the file is empty' });
    expect(failure('sex\tage\tl\tm\ts\n')).toMatchObject({ reason: 'the file has a header but no rows' });
  });
});

describe('growthTableForFile', () => {
  it('knows WHO file names and nothing else', () => {
    expect(growthTableForFile('weianthro.txt')).toBe('weianthro');
    expect(growthTableForFile('BFAWHO2007.TXT')).toBe('bfawho2007');
    expect(growthTableForFile('weianthro.csv')).toBeUndefined();
    expect(growthTableForFile('notes.txt')).toBeUndefined();
    expect(GROWTH_TABLE_NAMES).toHaveLength(12);
  });
});
