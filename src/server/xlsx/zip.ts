/**
 * A minimal ZIP writer (PKWARE APPNOTE.TXT 6.3): local file headers, the
 * central directory and the end-of-central-directory record, entries
 * deflated with node:zlib (raw deflate, method 8) or stored (method 0) when
 * deflate does not make them smaller. No ZIP64: an archive stays below 4 GiB
 * and 65,535 entries, far above any register export.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';

export interface ZipEntry {
  /** Path inside the archive, forward slashes ("xl/workbook.xml"). */
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: deflate (APPNOTE §4.4.3.2). */
const VERSION = 20;
/** General-purpose flag bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;

/** MS-DOS date and time (local fields of the header; two-second resolution, years from 1980). */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** The archive bytes. `modified` is written into every entry (default: now). */
export function writeZip(entries: readonly ZipEntry[], modified: Date = new Date()): Buffer {
  if (entries.length > MAX_16) throw new RangeError(`a ZIP without ZIP64 holds at most ${MAX_16} entries`);
  const names = new Set<string>();
  const { date, time } = dosDateTime(modified);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (!e.name || e.name.startsWith('/') || e.name.includes('\\') || names.has(e.name)) throw new Error(`bad or duplicate ZIP entry name: ${e.name}`);
    names.add(e.name);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const deflated = deflateRawSync(e.data);
    const useDeflate = deflated.length < e.data.length;
    const body = useDeflate ? deflated : Buffer.from(e.data);
    const method = useDeflate ? METHOD_DEFLATE : METHOD_STORE;
    if (e.data.length > MAX_32 || body.length > MAX_32 || offset > MAX_32) throw new RangeError('ZIP64 is not supported');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field

    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL_HEADER, 0);
    dir.writeUInt16LE(VERSION, 4); // made by: MS-DOS/FAT attributes, version 2.0
    dir.writeUInt16LE(VERSION, 6);
    dir.writeUInt16LE(FLAG_UTF8, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(time, 12);
    dir.writeUInt16LE(date, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: 0
    dir.writeUInt32LE(offset, 42);

    parts.push(local, name, body);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  if (offset > MAX_32 || centralSize > MAX_32) throw new RangeError('ZIP64 is not supported');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  // this disk and the central directory's disk: 0
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  // comment length: 0
  return Buffer.concat([...parts, ...central, end]);
}
