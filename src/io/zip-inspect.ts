/**
 * A cheap look at a zip's central directory before any part is inflated: a truncated file has no
 * end-of-central-directory record, and a zip bomb declares entries far larger than the file.
 * The declared sizes are what a well-formed zip says; a lying zip is still caught by the reader,
 * which counts the bytes it really inflates (xlsx-stream/zip.ts, the one zip-directory reader).
 */
import type { ByteSource } from './source';
import { XlsxReadError } from './xlsx-stream/errors';
import { readZipDirectory } from './xlsx-stream/zip';

export interface ZipLimits {
  /** Largest uncompressed size of one entry (default 1 GB). */
  maxEntryBytes: number;
  /** Largest expansion ratio allowed once an entry grows past ratioFloorBytes (default 100:1). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 1024 ** 3, maxRatio: 100, ratioFloorBytes: 100 * 1024 ** 2 };

export type ZipVerdict =
  | { ok: true; entries: string[] }
  | { ok: false; problem: 'truncated' | 'corrupt' | 'bomb'; detail?: string };

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
  for (const e of dir.entries.values()) {
    const uncompressed = e.uncompressedSize;
    if (uncompressed > limits.maxEntryBytes) return { ok: false, problem: 'bomb', detail: e.name };
    if (uncompressed > limits.ratioFloorBytes && uncompressed > limits.maxRatio * Math.max(e.compressedSize, 1)) {
      return { ok: false, problem: 'bomb', detail: e.name };
    }
    entries.push(e.name);
  }
  return { ok: true, entries };
}
