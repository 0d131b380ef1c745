/**
 * CSV reading and writing (RFC 4180 with the habits of real files: a UTF-8
 * BOM, CRLF or LF line ends, quoted fields with "" escapes and line breaks,
 * and ; or tab as the delimiter when Excel in an Indonesian locale wrote it).
 */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvFormatError';
  }
}

export interface CsvRecord {
  /** Line (1-based) where the record starts. */
  line: number;
  cells: string[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most often outside quotes on the first line (comma when none). */
export function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Records of a CSV text; blank lines are skipped. */
export function parseCsv(text: string, delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const s = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current cell was quoted (so it is not blank)
  let afterQuote = false; // a quoted field closed; only a delimiter or line end may follow
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !wasQuoted)) records.push({ line: start, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
    afterQuote = false;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && s[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      afterQuote = false;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
      continue;
    }
    if (afterQuote) {
      if (ch === ' ' || ch === '\t') continue;
      throw new CsvFormatError(line, `unexpected "${ch}" after a closing quote`);
    }
    if (ch === '"') {
      if (cell.trim() !== '') throw new CsvFormatError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
      cell = '';
      quoted = true;
      wasQuoted = true;
      continue;
    }
    cell += ch;
  }
  if (quoted) throw new CsvFormatError(start, 'a quoted field is not closed');
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return records;
}

function quote(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text with LF line ends, quoting only where needed. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter)).join('\n') + (rows.length ? '\n' : '');
}
