/**
 * A cheap look at a zip's central directory before any part is inflated: a truncated file has no
 * end-of-central-directory record, and a zip bomb declares entries far larger than the file.
 * The declared sizes are what a well-formed zip says; a lying zip is still caught by the reader,
 * which counts the bytes it really inflates (xlsx-stream/zip.ts, the one zip-directory reader).
 */
import type { ByteSource } from './source';
import { XlsxReadError } from './xlsx-stream/errors';
import { DEFAULT_READER_LIMITS, readerLimits, totalBombReason } from './xlsx-stream/limits';
import { bombReason } from './xlsx-stream/messages';
import { readZipDirectory } from './xlsx-stream/zip';

export interface ZipLimits {
  /** Largest uncompressed size of one entry (default 1 GB). */
  maxEntryBytes: number;
  /** Largest expansion ratio allowed once an entry grows past ratioFloorBytes (default 100:1). */
  maxRatio: number;
  ratioFloorBytes: number;
  /**
   * Largest declared uncompressed size of all entries together (the workbook budget's maxTotalBytes,
   * default 2 GB); past ratioFloorBytes the total may also be at most maxRatio times the file's size.
   */
  maxTotalBytes?: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: DEFAULT_READER_LIMITS.maxEntryBytes,
  maxRatio: DEFAULT_READER_LIMITS.maxRatio,
  ratioFloorBytes: DEFAULT_READER_LIMITS.ratioFloorBytes,
  maxTotalBytes: DEFAULT_READER_LIMITS.maxTotalBytes,
};

export type ZipVerdict =
  | { ok: true; entries: string[] }
  | { ok: false; problem: 'truncated' | 'corrupt' | 'bomb'; detail?: string; /** For a bomb: the reader's own sentence, so every door says the same. */ reason?: string };

/** Inspect a zip. Never throws for bad content; throws only for I/O errors of the source. */
export async function inspectZip(source: ByteSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipVerdict> {
  let dir;
  try {
    dir = await readZipDirectory(source);
  } catch (e) {
    if (e instanceof XlsxReadError) return { ok: false, problem: e.problem === 'truncated' ? 'truncated' : 'corrupt' };
    throw e;
  }
  const entries: string[] = [];
  const maxTotal = limits.maxTotalBytes ?? DEFAULT_READER_LIMITS.maxTotalBytes;
  let total = 0;
  for (const e of dir.entries.values()) {
    const uncompressed = e.uncompressedSize;
    if (uncompressed > limits.maxEntryBytes) return { ok: false, problem: 'bomb', detail: e.name, reason: bombReason(e.name, 'size', limits.maxEntryBytes, limits.maxRatio, limits.ratioFloorBytes) };
    if (uncompressed > limits.ratioFloorBytes && uncompressed > limits.maxRatio * Math.max(e.compressedSize, 1)) {
      return { ok: false, problem: 'bomb', detail: e.name, reason: bombReason(e.name, 'ratio', limits.maxEntryBytes, limits.maxRatio, limits.ratioFloorBytes) };
    }
    entries.push(e.name);
    // Forty sheets that each pass the entry limits may not pass together (issue 19 item 7).
    total += uncompressed;
    const l = readerLimits({ maxTotalBytes: maxTotal, maxRatio: limits.maxRatio, ratioFloorBytes: limits.ratioFloorBytes });
    if (total > maxTotal) return { ok: false, problem: 'bomb', detail: 'total', reason: totalBombReason('size', l) };
    if (total > limits.ratioFloorBytes && total > limits.maxRatio * Math.max(source.size, 1)) return { ok: false, problem: 'bomb', detail: 'total', reason: totalBombReason('ratio', l) };
  }
  return { ok: true, entries };
}
