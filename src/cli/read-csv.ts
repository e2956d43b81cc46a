/**
 * .csv files for the CLI: the bytes decoded (UTF-8, else GB18030 through iconv-lite) and parsed by
 * the pure src/io/csv.ts, which the offline page uses too. One Grid, named after the file.
 */
import * as iconv from 'iconv-lite';
import type { Grid, WorkbookGrids } from '../core/grid';
import { csvBytesToWorkbook, CsvEncoding, csvTextToGrid, decodeCsvBytes, parseCsv } from '../io/csv';

export type { CsvEncoding };
export { parseCsv };

const gb18030 = (b: Uint8Array): string => iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), 'gb18030');

/** Decode CSV bytes: valid UTF-8 (with or without BOM) is UTF-8, anything else GB18030. */
export function decodeCsv(buf: Buffer): { text: string; encoding: CsvEncoding } {
  return decodeCsvBytes(buf, gb18030);
}

/** A grid from CSV bytes. Empty fields are null; everything else stays as written (text). */
export function csvToGrid(buf: Buffer, sheetName: string): { grid: Grid; encoding: CsvEncoding } {
  const { text, encoding } = decodeCsv(buf);
  return { grid: csvTextToGrid(text, sheetName), encoding };
}

/** Read a CSV file as a one-sheet workbook; the sheet is named after the file (without .csv). */
export function readCsvBuffer(buf: Buffer, displayName: string): WorkbookGrids {
  return csvBytesToWorkbook(buf, displayName, gb18030).grids;
}
