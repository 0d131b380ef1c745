/**
 * A minimal XLSX (Office Open XML SpreadsheetML, ECMA-376) writer: one or more
 * worksheets of typed columns, a bold header row, dates as real Excel dates
 * (yyyy-mm-dd), integers and decimals as numbers. Strings are inline (no
 * shared-strings part), which Excel, LibreOffice and Google Sheets all read.
 * The package is a ZIP written by ./zip.ts; no dependency.
 */
import { writeZip } from './zip';

export type CellValue = string | number | boolean | null | undefined;
/** text; number (General format); integer ("0"); date (an ISO "YYYY-MM-DD" string shown as yyyy-mm-dd). */
export type ColumnType = 'text' | 'number' | 'integer' | 'date';

export interface SheetColumn {
  key: string;
  label: string;
  type?: ColumnType;
  /** Width in characters; default from the content (8–50). */
  width?: number;
}

export interface XlsxSheet {
  /** Sheet tab name (at most 31 characters, without : \ / ? * [ ]). */
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly Record<string, CellValue>[];
  /** Lines above the header (register title, place, period); the first is bold. */
  title?: readonly string[];
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DOC = `${NS_REL}/officeDocument`;
const REL_SHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const CT_WORKBOOK = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell style indexes into cellXfs of styles.xml below. */
const STYLE = { normal: 0, header: 1, date: 2, integer: 3, title: 4 } as const;
/** Excel's limit on characters in one cell. */
const MAX_CELL_CHARS = 32_767;
const MAX_SHEET_NAME = 31;
const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

const STYLES_XML = `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">`
  + '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
  + '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font></fonts>'
  + '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
  + '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill></fills>'
  + '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
  + '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="5">'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '</cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

// Characters XML 1.0 cannot carry (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days from Excel's epoch (1899-12-30 in the 1900 date system, past the 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

/** Excel serial day of an ISO date, or null when it is not a real date. */
export function excelDate(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000 + EXCEL_EPOCH_OFFSET;
}

function textCell(ref: string, text: string, style: number): string {
  const t = escapeXml(text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text);
  return `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${t}</t></is></c>`;
}

function cell(ref: string, value: CellValue, type: ColumnType): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const style = type === 'integer' && Number.isInteger(value) ? STYLE.integer : STYLE.normal;
    return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
  }
  if (type === 'date') {
    const serial = excelDate(value);
    if (serial !== null) return `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
  }
  return textCell(ref, value, STYLE.normal);
}

function displayLength(v: CellValue, type: ColumnType): number {
  if (v === null || v === undefined) return 0;
  if (type === 'date' && typeof v === 'string' && excelDate(v) !== null) return 10;
  return String(v).length;
}

function sheetXml(sheet: XlsxSheet): string {
  const title = sheet.title ?? [];
  const headerRow = title.length ? title.length + 2 : 1; // a blank row between title and header
  const out: string[] = [];
  title.forEach((line, i) => {
    out.push(`<row r="${i + 1}">${textCell(`A${i + 1}`, line, i === 0 ? STYLE.title : STYLE.normal)}</row>`);
  });
  out.push(`<row r="${headerRow}">${sheet.columns.map((c, j) => textCell(`${columnLetters(j)}${headerRow}`, c.label, STYLE.header)).join('')}</row>`);
  sheet.rows.forEach((row, i) => {
    const r = headerRow + 1 + i;
    const cells = sheet.columns.map((c, j) => cell(`${columnLetters(j)}${r}`, row[c.key], c.type ?? 'text')).join('');
    out.push(`<row r="${r}">${cells}</row>`);
  });
  const widths = sheet.columns.map((c) => {
    if (c.width) return c.width;
    const longestWord = Math.max(...c.label.split(/\s+/).map((w) => w.length));
    const content = sheet.rows.reduce((n, row) => Math.max(n, displayLength(row[c.key], c.type ?? 'text')), 0);
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longestWord + 2, content + 2));
  });
  const cols = sheet.columns.length
    ? `<cols>${widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const lastCol = columnLetters(Math.max(0, sheet.columns.length - 1));
  const lastRow = headerRow + sheet.rows.length;
  // The header stays visible while scrolling.
  const pane = `<pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/>`;
  return `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`
    + `<dimension ref="A1:${lastCol}${lastRow}"/>`
    + `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`
    + '<sheetFormatPr defaultRowHeight="15"/>'
    + cols
    + `<sheetData>${out.join('')}</sheetData>`
    + '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    + '<pageSetup orientation="landscape"/>'
    + '</worksheet>';
}

/** A sheet name Excel accepts: forbidden characters replaced, at most 31 characters, unique. */
export function sheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, MAX_SHEET_NAME) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    base = base.slice(0, MAX_SHEET_NAME - suffix.length);
    candidate = base + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The .xlsx bytes of a workbook with these sheets. */
export function writeXlsx(sheets: readonly XlsxSheet[], modified: Date = new Date()): Buffer {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const taken = new Set<string>();
  const names = sheets.map((s) => sheetName(s.name, taken));
  const enc = (s: string) => Buffer.from(s, 'utf8');
  const contentTypes = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + `<Override PartName="/xl/workbook.xml" ContentType="${CT_WORKBOOK}"/>`
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`).join('')
    + `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>`
    + '</Types>';
  const rootRels = `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_DOC}" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>`
    + names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    + '</sheets></workbook>';
  const workbookRels = `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">`
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_SHEET}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${sheets.length + 1}" Type="${REL_STYLES}" Target="styles.xml"/>`
    + '</Relationships>';
  return writeZip([
    { name: '[Content_Types].xml', data: enc(contentTypes) },
    { name: '_rels/.rels', data: enc(rootRels) },
    { name: 'xl/workbook.xml', data: enc(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: enc(workbookRels) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: enc(sheetXml(s)) })),
    { name: 'xl/styles.xml', data: enc(STYLES_XML) },
  ], modified);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
