/**
 * A cheap look at a zip's central directory before exceljs inflates it: a truncated file has no
 * end-of-central-directory record, and a zip bomb declares entries far larger than the file.
 * The declared sizes are what a well-formed zip says; a lying zip is still caught by the streaming
 * reader, which counts the bytes it really inflates (src/cli/xlsx-stream/limits.ts). Declared sizes
 * are checked per entry and, like the reader, for the workbook as a whole.
 */
import * as fs from 'fs';
import { DEFAULT_READER_LIMITS, readerLimits, ReaderLimits } from './xlsx-stream/limits';

/** The reader's limits (src/cli/xlsx-stream/limits.ts); any not given keep their defaults. */
export type ZipLimits = Partial<ReaderLimits>;

export const DEFAULT_ZIP_LIMITS: Readonly<ReaderLimits> = DEFAULT_READER_LIMITS;

export type ZipVerdict =
  | { ok: true; entries: string[] }
  | { ok: false; problem: 'truncated' | 'corrupt' | 'bomb'; detail?: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CDH = 0x02014b50;

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

/** Inspect a zip file on disk. Never throws for bad content; throws only for I/O errors. */
export function inspectZip(file: string, given: ZipLimits = DEFAULT_ZIP_LIMITS): ZipVerdict {
  const limits = readerLimits(given);
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 22) return { ok: false, problem: 'truncated' };
    const tailLen = Math.min(size, 22 + 65535);
    const tail = readAt(fd, size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return { ok: false, problem: 'truncated' };
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) {
      // Zip64: the locator sits just before the EOCD record.
      const locPos = size - tailLen + eocd - 20;
      if (locPos < 0) return { ok: false, problem: 'corrupt' };
      const loc = readAt(fd, locPos, 20);
      if (loc.length < 20 || loc.readUInt32LE(0) !== ZIP64_LOCATOR) return { ok: false, problem: 'corrupt' };
      const recPos = Number(loc.readBigUInt64LE(8));
      const rec = readAt(fd, recPos, 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD) return { ok: false, problem: 'corrupt' };
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) return { ok: false, problem: 'truncated' };
    if (cdSize > 256 * 1024 * 1024) return { ok: false, problem: 'corrupt' };
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: string[] = [];
    let declaredTotal = 0;
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) return { ok: false, problem: 'corrupt' };
      let compressed = cd.readUInt32LE(p + 20);
      let uncompressed = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      if (uncompressed === 0xffffffff || compressed === 0xffffffff) {
        // Zip64 extended information extra field (0x0001): uncompressed, then compressed.
        let e = p + 46 + nameLen;
        const end = e + extraLen;
        while (e + 4 <= end) {
          const id = cd.readUInt16LE(e);
          const len = cd.readUInt16LE(e + 2);
          if (id === 0x0001) {
            let q = e + 4;
            if (uncompressed === 0xffffffff && q + 8 <= e + 4 + len) {
              uncompressed = Number(cd.readBigUInt64LE(q));
              q += 8;
            }
            if (compressed === 0xffffffff && q + 8 <= e + 4 + len) compressed = Number(cd.readBigUInt64LE(q));
            break;
          }
          e += 4 + len;
        }
      }
      if (uncompressed > limits.maxEntryBytes) return { ok: false, problem: 'bomb', detail: name };
      if (uncompressed > limits.ratioFloorBytes && uncompressed > limits.maxRatio * Math.max(compressed, 1)) {
        return { ok: false, problem: 'bomb', detail: name };
      }
      declaredTotal += uncompressed;
      if (declaredTotal > limits.maxTotalBytes) return { ok: false, problem: 'bomb', detail: '全部内容' };
      if (declaredTotal > limits.ratioFloorBytes && declaredTotal > limits.maxRatio * Math.max(size, 1)) return { ok: false, problem: 'bomb', detail: '全部内容' };
      entries.push(name);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return { ok: true, entries };
  } finally {
    fs.closeSync(fd);
  }
}
