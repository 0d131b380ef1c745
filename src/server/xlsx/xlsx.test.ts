import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { writeCsv } from './csv';
import { sheetCells, unzip } from './unzip.testing';
import { columnLetters, excelDate, sheetName, writeXlsx, type XlsxSheet } from './xlsx';
import { writeZip } from './zip';

const hasPython = spawnSync('python3', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'siklus-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    expect(crc32(Buffer.from('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
});

describe('writeZip', () => {
  const entries = [
    { name: 'teks.txt', data: Buffer.from('Posyandu Mawar '.repeat(200)) },
    { name: 'kosong.txt', data: Buffer.alloc(0) },
    { name: 'acak.bin', data: randomBytes(4096) },
    { name: 'folder/naïve-ñame.xml', data: Buffer.from('<a>é</a>') },
  ];
  const zip = writeZip(entries, new Date(Date.UTC(2025, 7, 17, 10, 30, 44)));

  it('round-trips through an independent reader (CRC and sizes checked), deflating only what shrinks', () => {
    const back = unzip(zip);
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e, i) => expect(e.data.equals(entries[i]!.data)).toBe(true));
    expect(back[0]!.method).toBe(8);
    expect(back[2]!.method).toBe(0); // random bytes do not compress
    expect(back.every((e) => e.flags & 0x0800)).toBe(true);
  });

  it('refuses duplicate or absolute names', () => {
    expect(() => writeZip([{ name: 'a', data: Buffer.alloc(1) }, { name: 'a', data: Buffer.alloc(1) }])).toThrow(/duplicate/);
    expect(() => writeZip([{ name: '/etc/x', data: Buffer.alloc(1) }])).toThrow();
  });

  it.skipIf(!hasPython)('is read by Python zipfile with every CRC correct', () => {
    const path = join(dir, 't.zip');
    writeFileSync(path, zip);
    const out = execFileSync('python3', ['-c', `
import zipfile, sys
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print("|".join(i.filename + ":" + str(i.file_size) + ":" + str(i.date_time) for i in z.infolist()))
`, path]).toString().trim();
    expect(out).toBe('teks.txt:3000:(2025, 8, 17, 10, 30, 44)|kosong.txt:0:(2025, 8, 17, 10, 30, 44)|acak.bin:4096:(2025, 8, 17, 10, 30, 44)|folder/naïve-ñame.xml:9:(2025, 8, 17, 10, 30, 44)');
  });
});

describe('writeXlsx', () => {
  const sheet: XlsxSheet = {
    name: 'Kohort Bayi: 2025/08',
    title: ['KOHORT BAYI', 'Kelurahan Mekar Sari — Agustus 2025'],
    columns: [
      { key: 'no', label: 'No', type: 'integer' },
      { key: 'name', label: 'Nama bayi', type: 'text' },
      { key: 'born', label: 'Tanggal lahir', type: 'date' },
      { key: 'weight', label: 'BB lahir (gram)', type: 'integer' },
      { key: 'z', label: 'BB/U (z)', type: 'number' },
      { key: 'note', label: 'Catatan', type: 'text' },
    ],
    rows: [
      { no: 1, name: 'Andi <Saputra> & "Ibu"', born: '2024-06-01', weight: 3100, z: -1.25, note: 'ok\u0001 ✓' },
      { no: 2, name: 'Wa Ode Nurul', born: '2024-02-30', weight: null, z: undefined, note: '=1+1' },
    ],
  };
  const bytes = writeXlsx([sheet, { name: 'Keterangan', columns: [{ key: 'k', label: 'Kolom' }], rows: [{ k: 'Sumber: Buku KIA' }] }]);
  const parts = new Map(unzip(bytes).map((e) => [e.name, e.data.toString('utf8')]));

  it('holds the OOXML parts with their content types and relationships', () => {
    expect([...parts.keys()]).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml',
    ]);
    expect(parts.get('[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(parts.get('_rels/.rels')).toContain('Target="xl/workbook.xml"');
    expect(parts.get('xl/workbook.xml')).toContain('<sheet name="Kohort Bayi  2025 08" sheetId="1" r:id="rId1"/>');
    expect(parts.get('xl/_rels/workbook.xml.rels')).toContain('Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"');
    expect(parts.get('xl/styles.xml')).toContain('formatCode="yyyy\\-mm\\-dd"');
  });

  it('writes title lines, a bold header, typed cells, escaped text and real dates', () => {
    const cells = sheetCells(parts.get('xl/worksheets/sheet1.xml')!);
    expect(cells.get('A1')).toEqual({ type: 'inlineStr', style: '4', value: 'KOHORT BAYI' });
    expect(cells.get('A2')?.value).toBe('Kelurahan Mekar Sari — Agustus 2025');
    expect(cells.has('A3')).toBe(false);
    expect(cells.get('B4')).toEqual({ type: 'inlineStr', style: '1', value: 'Nama bayi' });
    expect(cells.get('A5')).toEqual({ type: null, style: '3', value: '1' });
    expect(cells.get('B5')?.value).toBe('Andi <Saputra> & "Ibu"');
    expect(cells.get('C5')).toEqual({ type: null, style: '2', value: '45444' }); // 2024-06-01
    expect(cells.get('D5')?.value).toBe('3100');
    expect(cells.get('E5')).toEqual({ type: null, style: null, value: '-1.25' });
    expect(cells.get('F5')?.value).toBe('ok ✓'); // control character dropped
    expect(cells.get('C6')).toEqual({ type: 'inlineStr', style: null, value: '2024-02-30' }); // not a date: kept as text
    expect(cells.has('D6') || cells.has('E6')).toBe(false);
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<dimension ref="A1:F6"/>');
  });

  it.skipIf(!hasPython)('is a valid ZIP of well-formed XML for Python (zipfile + ElementTree)', () => {
    const path = join(dir, 't.xlsx');
    writeFileSync(path, bytes);
    const out = execFileSync('python3', ['-c', `
import zipfile, sys, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
for n in z.namelist():
    ET.fromstring(z.read(n))
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
row5 = sheet.find(".//m:row[@r='5']", ns)
print(len(z.namelist()), ";".join((c.get("r") + "=" + "".join(c.itertext())) for c in row5))
`, path]).toString().trim();
    expect(out).toBe('7 A5=1;B5=Andi <Saputra> & "Ibu";C5=45444;D5=3100;E5=-1.25;F5=ok ✓');
  });
});

describe('helpers', () => {
  it('column letters, Excel dates and sheet names', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(excelDate('1970-01-01')).toBe(25569);
    expect(excelDate('2000-02-29')).toBe(36585);
    expect(excelDate('2023-02-29')).toBeNull();
    const taken = new Set<string>();
    expect(sheetName('Kohort ibu', taken)).toBe('Kohort ibu');
    expect(sheetName('KOHORT IBU', taken)).toBe('KOHORT IBU (2)');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('', taken)).toBe('Sheet');
  });

  it('CSV: BOM, Indonesian header, quoting and formula guard', () => {
    const csv = writeCsv(
      [{ key: 'n', label: 'Nama', type: 'text' }, { key: 'd', label: 'Tgl lahir', type: 'date' }, { key: 'z', label: 'BB/U (z)', type: 'number' }],
      [{ n: 'Andi, "Putra"', d: '2024-06-01', z: -1.5 }, { n: '=HYPERLINK("x")', d: null, z: null }],
      ['KOHORT BAYI'],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\n')).toEqual([
      'KOHORT BAYI', '', 'Nama,Tgl lahir,BB/U (z)', '"Andi, ""Putra""",2024-06-01,-1.5', '"\'=HYPERLINK(""x"")",,', '',
    ]);
  });
});
