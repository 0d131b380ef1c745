import { describe, expect, it } from 'vitest';
import { parseCsv } from './population-import';

describe('parseCsv', () => {
  it('reads quoted fields, CRLF, a BOM and skips blank lines with true line numbers', () => {
    const text = '\ufeffcode,name\r\n74,"Sulawesi, Tenggara"\r\n\r\n61,"Kalimantan ""Barat"""\n"71","multi\nline"\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['code', 'name'] },
      { line: 2, fields: ['74', 'Sulawesi, Tenggara'] },
      { line: 4, fields: ['61', 'Kalimantan "Barat"'] },
      { line: 5, fields: ['71', 'multi\nline'] },
    ]);
  });

  it('keeps empty fields', () => {
    expect(parseCsv('a,,c\n,\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['', ''] },
    ]);
  });
});
