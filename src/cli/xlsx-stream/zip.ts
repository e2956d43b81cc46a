/**
 * Just enough of the zip format to read an .xlsx without loading it: the central directory (where
 * each part starts, how it is compressed) and one part at a time inflated in chunks with Node's zlib.
 * Inflation counts the bytes it really produces, because a hostile zip can declare any size it likes.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { corrupt, truncated, XlsxReadError } from './errors';
import { DEFAULT_READER_LIMITS, ReaderLimits, WorkbookBudget } from './limits';
import { ENCRYPTED_ADVICE } from './messages';

/**
 * The reader's limits (limits.ts): per entry, and for the workbook as a whole. Callers may pass only
 * some of them; the others keep their defaults.
 */
export type InflateLimits = Partial<ReaderLimits>;

export const DEFAULT_INFLATE_LIMITS: Readonly<ReaderLimits> = DEFAULT_READER_LIMITS;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  path: string;
  size: number;
  entries: Map<string, ZipEntry>;
  /**
   * What reading this workbook has cost so far (limits.ts): every entry inflated from this directory
   * charges it, so the limits hold for the workbook as a whole. Set by readZipDirectory.
   */
  budget: WorkbookBudget;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const n = fs.readSync(fd, buf, got, len - got, pos + got);
    if (n === 0) break;
    got += n;
  }
  return got === len ? buf : buf.subarray(0, got);
}

/** Zip64 extended information (extra field 0x0001): the 64-bit values replace the 0xffffffff ones, in order. */
function applyZip64(extra: Buffer, e: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number }): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const end = q + len;
      if (e.uncompressedSize === 0xffffffff && q + 8 <= end) {
        e.uncompressedSize = Number(extra.readBigUInt64LE(q));
        q += 8;
      }
      if (e.compressedSize === 0xffffffff && q + 8 <= end) {
        e.compressedSize = Number(extra.readBigUInt64LE(q));
        q += 8;
      }
      if (e.localHeaderOffset === 0xffffffff && q + 8 <= end) e.localHeaderOffset = Number(extra.readBigUInt64LE(q));
      return;
    }
    p += 4 + len;
  }
}

/**
 * Read the central directory. Throws XlsxReadError for a truncated or damaged zip. `limits` are the
 * workbook's (limits.ts); the directory carries the budget that every entry read from it charges.
 */
export function readZipDirectory(path: string, limits?: InflateLimits): ZipDirectory {
  const fd = fs.openSync(path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 22) throw truncated();
    const tailLen = Math.min(size, 22 + 65535);
    const tailPos = size - tailLen;
    const tail = readAt(fd, tailPos, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw truncated();
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) {
      const locPos = tailPos + eocd - 20;
      if (locPos < 0) throw corrupt();
      const loc = readAt(fd, locPos, 20);
      if (loc.length < 20 || loc.readUInt32LE(0) !== ZIP64_LOCATOR) throw corrupt();
      const rec = readAt(fd, Number(loc.readBigUInt64LE(8)), 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt();
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) throw truncated();
    if (cdSize > 256 * 1024 * 1024) throw corrupt();
    const cd = readAt(fd, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) throw corrupt();
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      if (p + 46 + nameLen + extraLen > cd.length) throw corrupt();
      const e: ZipEntry = {
        name: cd.toString('utf8', p + 46, p + 46 + nameLen).replace(/\\/g, '/').replace(/^\/+/, ''),
        flags: cd.readUInt16LE(p + 8),
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        uncompressedSize: cd.readUInt32LE(p + 24),
        localHeaderOffset: cd.readUInt32LE(p + 42),
      };
      applyZip64(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e);
      // Part names are case-insensitive in OPC; the first one wins, as in most readers.
      if (!entries.has(e.name)) entries.set(e.name, e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return { path, size, entries, budget: new WorkbookBudget(limits, size) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Where an entry's compressed bytes start, from its local header (whose extra field may differ). */
function dataStart(dir: ZipDirectory, e: ZipEntry): number {
  const fd = fs.openSync(dir.path, 'r');
  try {
    const h = readAt(fd, e.localHeaderOffset, 30);
    if (h.length < 30) throw truncated();
    if (h.readUInt32LE(0) !== LFH) throw corrupt();
    const start = e.localHeaderOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
    if (start + e.compressedSize > dir.size) throw truncated();
    return start;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Inflate one entry, handing each chunk to `onChunk` as it arrives; never holds the whole entry.
 * Returns the number of bytes it inflated to.
 * Throws XlsxReadError('bomb') as soon as the bytes produced pass a limit of the entry or of the
 * workbook (dir.budget), and stops inflating. (`_limits` is kept for callers; the directory's budget
 * holds the limits.)
 */
export async function inflateEntry(dir: ZipDirectory, e: ZipEntry, _limits: InflateLimits, onChunk: (chunk: Buffer) => void): Promise<number> {
  if (e.flags & 0x1) throw new XlsxReadError('encrypted', ENCRYPTED_ADVICE);
  if (e.method !== 0 && e.method !== 8) throw corrupt(`不支持的压缩方式 ${e.method}`);
  const start = dataStart(dir, e);
  if (e.compressedSize === 0) return 0;
  const source = fs.createReadStream(dir.path, { start, end: start + e.compressedSize - 1, highWaterMark: 1 << 20 });
  const stream: NodeJS.ReadableStream = e.method === 8 ? source.pipe(zlib.createInflateRaw({ chunkSize: 1 << 18 })) : source;
  // pipe() does not forward source errors; do it so the loop below sees them.
  if (stream !== source) source.on('error', (err) => (stream as zlib.InflateRaw).destroy(err));
  const meter = dir.budget.entry(e.name, e.compressedSize);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      meter.add(chunk.length);
      onChunk(chunk);
    }
    return meter.produced;
  } catch (err) {
    // zlib reports a cut or damaged deflate stream ("unexpected end of file", "invalid block type");
    // anything else (our own XlsxReadError, I/O errors, bugs) goes up unchanged.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw code === 'Z_BUF_ERROR' ? truncated() : corrupt();
    throw err;
  } finally {
    source.destroy();
    if (stream !== source) (stream as zlib.InflateRaw).destroy();
  }
}
