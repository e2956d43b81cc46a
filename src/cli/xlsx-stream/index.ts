/**
 * Streaming .xlsx → Grid reader for the CLI. Reads the zip's central directory, then inflates one part
 * at a time in chunks and tokenizes it as it arrives: shared strings and styles first, then each
 * worksheet straight into the grid arrays. No part is ever held whole, so a 1,048,576-row sheet needs
 * little more memory than its grid, and a zip bomb is stopped by the bytes it really inflates to.
 *
 * Grids equal those of src/cli/read-xlsx.ts (exceljs) on the files exceljs reads; see sheet.ts for
 * the value rules. Known differences, all on files exceljs mishandles: a hyperlinked cell without a
 * value stays empty (exceljs: ''); overlapping merges are kept (exceljs refuses the file); prefixed
 * element names (<x:c>) and worksheet parts not named sheetN.xml are read (exceljs skips them).
 */
import type { Grid, WorkbookGrids } from '../../core/grid';
import { XlsxReadError } from './errors';
import { CoreProperties, parsePart, readCoreProperties, readWorkbookInfo } from './parts';
import { readSharedStrings } from './shared-strings';
import { SheetBuilder } from './sheet';
import { readDateStyles } from './styles';
import { DEFAULT_INFLATE_LIMITS, InflateLimits, readZipDirectory } from './zip';

export { XlsxReadError } from './errors';
export type { XlsxProblem } from './errors';
export { DEFAULT_INFLATE_LIMITS } from './zip';
export type { InflateLimits } from './zip';
export { DEFAULT_READER_LIMITS, readerLimits, WorkbookBudget } from './limits';
export type { ReaderLimits } from './limits';
export type { CoreProperties } from './parts';

export interface StreamedXlsx {
  grids: WorkbookGrids;
  /** dc:creator of docProps/core.xml; review workbooks we wrote carry REVIEW_CREATOR. */
  creator: string | null;
  /** Bytes of worksheet XML actually inflated: what loading the file into exceljs would cost. */
  sheetXmlBytes: number;
}

export interface StreamOptions {
  limits?: InflateLimits;
}

/**
 * Read every worksheet of an .xlsx file into grids. `displayName` is the name findings carry.
 * Throws XlsxReadError (with a Chinese `reason`) for a truncated, damaged or encrypted file, for a
 * part that inflates past the limits, and for a workbook past the limits of limits.ts as a whole
 * (total bytes, cells, area): one sentence, so a run over many files reports it and goes on.
 */
export async function readXlsxStream(path: string, displayName: string, opts: StreamOptions = {}): Promise<StreamedXlsx> {
  const limits = opts.limits ?? DEFAULT_INFLATE_LIMITS;
  // The directory carries the workbook's budget (limits.ts): every part and every sheet charges it.
  const dir = readZipDirectory(path, limits);
  const info = await readWorkbookInfo(dir, limits);
  const sharedStrings = await readSharedStrings(dir, info.sharedStringsPart, limits);
  const dateStyles = await readDateStyles(dir, info.stylesPart, limits);
  const { creator } = await readCoreProperties(dir, limits);
  const ctx = { sharedStrings, dateStyles, date1904: info.date1904 };
  const sheets: Grid[] = [];
  let sheetXmlBytes = 0;
  for (const s of info.sheets) {
    const builder = new SheetBuilder({ ...ctx, budget: dir.budget, sheet: s.name });
    sheetXmlBytes += (await parsePart(dir, s.part, limits, builder)) ?? 0;
    const r = builder.finish();
    sheets.push({ name: s.name, cells: r.cells, merges: r.merges, origin: { row: 1, col: 1 }, hidden: s.hidden, protected: r.protected });
  }
  return { grids: { file: displayName, sheets }, creator, sheetXmlBytes };
}

/** The core properties of an .xlsx alone (who wrote it), without reading any sheet. */
export async function readXlsxCoreProperties(path: string, limits: InflateLimits = DEFAULT_INFLATE_LIMITS): Promise<CoreProperties> {
  return readCoreProperties(readZipDirectory(path, limits), limits);
}

/** Whether an error is one of ours (a problem with the file, not a bug). */
export function isXlsxReadError(e: unknown): e is XlsxReadError {
  return e instanceof XlsxReadError;
}
