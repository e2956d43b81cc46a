/**
 * The CLI's door to the shared reader (src/io): a file on disk as a ByteSource, read by ranges, and
 * the path-taking wrappers the commands use. Everything here is Node-only on purpose.
 */
import * as fs from 'fs';
import type { ByteSource } from '../io/source';
import { OUTPUT_CATEGORY, REVIEW_CREATOR } from '../io/own-output';
import { LoadedXlsx, readXlsxBuffer } from '../io/read-xlsx';
import { readXlsxCoreProperties, readXlsxStream, StreamedXlsx, StreamOptions } from '../io/xlsx-stream';
import { inspectZip, ZipLimits, ZipVerdict } from '../io/zip-inspect';

/** A file as a ByteSource. Each read opens the file for that read only, so no handle is left open. */
export function fileSource(path: string): ByteSource {
  const size = fs.statSync(path).size;
  return {
    size,
    async read(pos, len) {
      const n = Math.max(0, Math.min(len, size - pos));
      const buf = Buffer.alloc(n);
      const fh = await fs.promises.open(path, 'r');
      try {
        let got = 0;
        while (got < n) {
          const { bytesRead } = await fh.read(buf, got, n - got, pos + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return got === n ? buf : buf.subarray(0, got);
      } finally {
        await fh.close();
      }
    },
  };
}

/** Read every worksheet of an .xlsx file on disk (see src/io/xlsx-stream). */
export function readXlsxFile(path: string, displayName: string, opts?: StreamOptions): Promise<StreamedXlsx> {
  return readXlsxStream(fileSource(path), displayName, opts);
}

export function inspectZipFile(path: string, limits?: ZipLimits): Promise<ZipVerdict> {
  return inspectZip(fileSource(path), limits);
}

/** Whether the .xlsx at `file` is an output this tool wrote; false for anything unreadable. */
export async function isToolOutputFile(file: string): Promise<boolean> {
  try {
    const p = await readXlsxCoreProperties(fileSource(file));
    return p.creator === REVIEW_CREATOR && p.category === OUTPUT_CATEGORY;
  } catch {
    return false;
  }
}

/** Load an .xlsx file with exceljs (its formats are copied into the review workbook). */
export async function readXlsx(path: string, displayName: string): Promise<LoadedXlsx> {
  return readXlsxBuffer(await fs.promises.readFile(path), displayName);
}
