/**
 * A ZIP reader for tests, independent of the writer: finds the end of central
 * directory, walks the central directory, reads each local header and
 * inflates the data (node:zlib), and checks sizes and CRC-32 against both
 * headers.
 */
import { inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';

export interface UnzippedEntry {
  name: string;
  method: number;
  flags: number;
  data: Buffer;
}

export function unzip(buf: Buffer): UnzippedEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize !== eocd) throw new Error('central directory does not end at the EOCD');
  const out: UnzippedEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central header at ${p}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const lnlen = buf.readUInt16LE(local + 26);
    const lxlen = buf.readUInt16LE(local + 28);
    if (buf.toString('utf8', local + 30, local + 30 + lnlen) !== name) throw new Error(`local name differs for ${name}`);
    if (buf.readUInt32LE(local + 14) !== crc || buf.readUInt32LE(local + 18) !== csize || buf.readUInt32LE(local + 22) !== usize) {
      throw new Error(`local header disagrees with the central directory for ${name}`);
    }
    const start = local + 30 + lnlen + lxlen;
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : (() => { throw new Error(`method ${method}`); })();
    if (data.length !== usize) throw new Error(`size mismatch for ${name}`);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    out.push({ name, method, flags, data });
    p += 46 + nlen + xlen + clen;
  }
  return out;
}

/** Cell texts of a worksheet as rows (inline strings and numbers), for assertions. */
export function sheetCells(xml: string): Map<string, { type: string | null; style: string | null; value: string }> {
  const cells = new Map<string, { type: string | null; style: string | null; value: string }>();
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"((?: [a-z]+="[^"]*")*)>(.*?)<\/c>/g)) {
    const attrs = m[2]!;
    const type = /t="([^"]+)"/.exec(attrs)?.[1] ?? null;
    const style = /s="([^"]+)"/.exec(attrs)?.[1] ?? null;
    const body = m[3]!;
    const v = type === 'inlineStr' ? /<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? '' : /<v>(.*?)<\/v>/.exec(body)?.[1] ?? '';
    cells.set(m[1]!, { type, style, value: unescape(v) });
  }
  return cells;
}
