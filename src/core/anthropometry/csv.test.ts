import { describe, expect, it } from 'vitest';
import { CsvFormatError, detectDelimiter, formatCsv, parseCsv } from './csv';

const cells = (text: string) => parseCsv(text).map((r) => r.cells);

describe('parseCsv', () => {
  it('reads plain rows with LF or CRLF and a BOM', () => {
    expect(cells('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(cells('\uFEFFa,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(cells('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    expect(cells('id,name\n1,"Siti, ""Ani"""\n2,"two\r\nlines"\n')).toEqual([
      ['id', 'name'],
      ['1', 'Siti, "Ani"'],
      ['2', 'two\r\nlines'],
    ]);
  });

  it('numbers records by the line they start on, skipping blank lines', () => {
    const recs = parseCsv('h\n"a\nb"\n\nc\n');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps empty cells and a quoted empty row', () => {
    expect(cells('a,,c\n,\n""\n')).toEqual([['a', '', 'c'], ['', ''], ['']]);
  });

  it('detects ; and tab delimiters from the header', () => {
    expect(detectDelimiter('id;sex;weight\n1;2;"3,5"')).toBe(';');
    expect(detectDelimiter('id\tsex\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(cells('id;w\n1;"10,5"\n')).toEqual([['id', 'w'], ['1', '10,5']]);
  });

  it('reports an unclosed quote and stray characters with their line', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(new CsvFormatError(2, 'a quoted field is not closed'));
    expect(() => parseCsv('a\n"x"y\n')).toThrowError(/line 2: unexpected "y" after a closing quote/);
    expect(() => parseCsv('a\nx"y\n')).toThrowError(/line 2: a quote inside an unquoted field/);
  });
});

describe('formatCsv', () => {
  it('quotes only where needed and round-trips', () => {
    const rows = [['id', 'note'], ['1', 'a, b'], ['2', 'say "hi"'], ['3', 'two\nlines'], ['4', ' padded']];
    const text = formatCsv(rows);
    expect(text).toBe('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4," padded"\n');
    expect(cells(text)).toEqual(rows);
  });
});
