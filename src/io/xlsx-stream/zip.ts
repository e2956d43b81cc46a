/**
 * Just enough of the zip format to read an .xlsx without loading it: the central directory (where
 * each part starts, how it is compressed) and one part at a time inflated in chunks (inflate.ts).
 * The one zip-directory reader of every door: bytes come from a ByteSource (a file on disk, a File
 * in the page). Inflation counts the bytes it really produces, because a hostile zip can declare
 * any size it likes.
 */
import type { ByteSource } from '../source';
import { corrupt, truncated, XlsxReadError } from './errors';
import { inflateRaw } from './inflate';
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
  source: ByteSource;
  size: number;
  entries: Map<string, ZipEntry>;
  /** Told of every compressed chunk read from the source (progress of the page and the CLI). */
  onRead?: (bytes: number) => void;
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

/** Little-endian reads over a byte array (DataView: the same in every runtime). */
class Bytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  readUInt16LE(p: number): number {
    return this.view.getUint16(p, true);
  }
  readUInt32LE(p: number): number {
    return this.view.getUint32(p, true);
  }
  readBigUInt64LE(p: number): bigint {
    return this.view.getBigUint64(p, true);
  }
  subarray(a: number, b: number): Bytes {
    return new Bytes(this.bytes.subarray(a, b));
  }
  text(a: number, b: number): string {
    return utf8.decode(this.bytes.subarray(a, b));
  }
}

const utf8 = new TextDecoder('utf-8');

async function readAt(source: ByteSource, pos: number, len: number): Promise<Bytes> {
  return new Bytes(pos < 0 || pos >= source.size ? new Uint8Array(0) : await source.read(pos, len));
}

/** Zip64 extended information (extra field 0x0001): the 64-bit values replace the 0xffffffff ones, in order. */
function applyZip64(extra: Bytes, e: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number }): void {
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
export async function readZipDirectory(source: ByteSource, limits?: InflateLimits): Promise<ZipDirectory> {
  {
    const size = source.size;
    if (size < 22) throw truncated();
    const tailLen = Math.min(size, 22 + 65535);
    const tailPos = size - tailLen;
    const tail = await readAt(source, tailPos, tailLen);
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
      const loc = await readAt(source, locPos, 20);
      if (loc.length < 20 || loc.readUInt32LE(0) !== ZIP64_LOCATOR) throw corrupt();
      const rec = await readAt(source, Number(loc.readBigUInt64LE(8)), 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt();
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) throw truncated();
    if (cdSize > 256 * 1024 * 1024) throw corrupt();
    const cd = await readAt(source, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) throw corrupt();
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      if (p + 46 + nameLen + extraLen > cd.length) throw corrupt();
      const e: ZipEntry = {
        name: cd.text(p + 46, p + 46 + nameLen).replace(/\\/g, '/').replace(/^\/+/, ''),
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
    return { source, size, entries, budget: new WorkbookBudget(limits, size) };
  }
}

/** Where an entry's compressed bytes start, from its local header (whose extra field may differ). */
async function dataStart(dir: ZipDirectory, e: ZipEntry): Promise<number> {
  const h = await readAt(dir.source, e.localHeaderOffset, 30);
  if (h.length < 30) throw truncated();
  if (h.readUInt32LE(0) !== LFH) throw corrupt();
  const start = e.localHeaderOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  if (start + e.compressedSize > dir.size) throw truncated();
  return start;
}

/** Bytes read from the source per request. */
const READ_CHUNK = 1 << 20;

/** The compressed bytes of an entry, one chunk at a time; `onRead` counts them (progress). */
async function* compressedChunks(dir: ZipDirectory, start: number, length: number, onRead?: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for (let done = 0; done < length; ) {
    const chunk = await dir.source.read(start + done, Math.min(READ_CHUNK, length - done));
    if (chunk.length === 0) throw truncated();
    done += chunk.length;
    onRead?.(chunk.length);
    yield chunk;
  }
}

/**
 * Inflate one entry, handing each chunk to `onChunk` as it arrives; never holds the whole entry.
 * Returns the number of bytes it inflated to. `onRead` is told of each compressed chunk read.
 * Throws XlsxReadError('bomb') as soon as the bytes produced pass a limit of the entry or of the
 * workbook (dir.budget), and stops inflating. (`_limits` is kept for callers; the directory's budget
 * holds the limits.)
 */
export async function inflateEntry(dir: ZipDirectory, e: ZipEntry, _limits: InflateLimits, onChunk: (chunk: Uint8Array) => void, onRead?: (bytes: number) => void): Promise<number> {
  if (e.flags & 0x1) throw new XlsxReadError('encrypted', ENCRYPTED_ADVICE);
  if (e.method !== 0 && e.method !== 8) throw corrupt(`不支持的压缩方式 ${e.method}`);
  const start = await dataStart(dir, e);
  if (e.compressedSize === 0) return 0;
  const raw = compressedChunks(dir, start, e.compressedSize, onRead ?? dir.onRead);
  const stream = e.method === 8 ? inflateRaw(raw) : raw;
  const meter = dir.budget.entry(e.name, e.compressedSize);
  for await (const chunk of stream) {
    meter.add(chunk.length);
    onChunk(chunk);
  }
  return meter.produced;
}
