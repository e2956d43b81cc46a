/**
 * Streaming .xlsx → Grid reader of every door (the CLI, the page's worker). Reads the zip's central directory, then inflates one part
 * at a time in chunks and tokenizes it as it arrives: shared strings and styles first, then each
 * worksheet straight into the grid arrays. No part is ever held whole, so a 1,048,576-row sheet needs
 * little more memory than its grid, and a zip bomb is stopped by the bytes it really inflates to.
 *
 * Grids equal those of src/io/read-xlsx.ts (exceljs) on the files exceljs reads; see sheet.ts for
 * the value rules. Known differences, all on files exceljs mishandles: a hyperlinked cell without a
 * value stays empty (exceljs: ''); overlapping merges are kept (exceljs refuses the file); prefixed
 * element names (<x:c>) and worksheet parts not named sheetN.xml are read (exceljs skips them); the
 * number formats of Grid.numFmts are codes as written (exceljs drops backslashes, so 0\% becomes 0%)
 * and include the built-in ids exceljs gives no code (27–36, 50–58: yyyy"年"m"月"d"日"); id 14 is the
 * zh-CN short date yyyy/m/d (exceljs: mm-dd-yy).
 */
import type { Grid, WorkbookGrids } from '../../core/grid';
import { performanceSheetKind } from '../../core/performance/read';
import type { ByteSource } from '../source';
import { XlsxReadError } from './errors';
import { FormatsBuilder, SheetFormats } from './formats';
import { MISSING_SHEET_REASON } from './messages';
import { CoreProperties, parsePart, readCoreProperties, readWorkbookInfo } from './parts';
import { readSharedStrings } from './shared-strings';
import { SheetBuilder } from './sheet';
import { readCellStyles } from './styles';
import type { XmlHandler } from './xml';
import { DEFAULT_INFLATE_LIMITS, InflateLimits, readZipDirectory } from './zip';

export { XlsxReadError } from './errors';
export type { XlsxProblem } from './errors';
export { DEFAULT_INFLATE_LIMITS } from './zip';
export type { InflateLimits } from './zip';
export { DEFAULT_READER_LIMITS, readerLimits, WorkbookBudget } from './limits';
export type { ReaderLimits } from './limits';
export type { CoreProperties } from './parts';

/** A sheet of the workbook that could not be read while the others were: reported with its name, never skipped. */
export interface UnreadableSheet {
  sheet: string;
  /** Why, in Simplified Chinese, without the sheet's or the file's name and without a final 。 */
  reason: string;
}

export interface StreamedXlsx {
  grids: WorkbookGrids;
  /** Sheets workbook.xml lists that are not in `grids` because the file lacks their data; empty when none. */
  unreadableSheets: UnreadableSheet[];
  /** dc:creator of docProps/core.xml; review workbooks we wrote carry REVIEW_CREATOR. */
  creator: string | null;
  /** Bytes of worksheet XML actually inflated: what loading the file into exceljs would cost. */
  sheetXmlBytes: number;
  /**
   * With StreamOptions.formats: each worksheet's formats (formats.ts), gathered in the same pass
   * over its XML as the values; absent when the sheets' XML passed formats.maxSheetXmlBytes.
   */
  sheetFormats?: SheetFormats[];
}

/** Where a read has got to: compressed bytes read of the file, and worksheet rows read so far. */
export interface ReadProgress {
  phase: 'workbook' | 'sheet';
  /** The sheet being read (phase 'sheet'). */
  sheet?: string;
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

export interface StreamOptions {
  limits?: InflateLimits;
  /** Called as the read advances (after each compressed chunk). */
  onProgress?: (p: ReadProgress) => void;
  /**
   * Also gather each sheet's formats for the review workbook's copies (`check --out`), while the
   * values are read, so that no sheet is inflated and scanned twice. Gathering stops, and none are
   * returned, once the workbook's sheet XML passes maxSheetXmlBytes (their formats would not fit).
   */
  formats?: { maxSheetXmlBytes: number };
}

/**
 * The values pass and the format pass over one sheet's XML events. The format side is switched off
 * (`on` false: no formats are returned) when the workbook's sheet XML grows past the limit, or when
 * it fails (the copy is then made as when the separate format pass failed); it never stops the values.
 */
class ValuesAndFormats implements XmlHandler {
  on = true;
  constructor(private readonly values: SheetBuilder, readonly formats: FormatsBuilder) {}
  private fail(): void {
    this.on = false;
  }
  open(s: string, name: string, a: number, b: number): void {
    this.values.open(s, name, a, b);
    if (this.on) {
      try {
        this.formats.open(s, name, a, b);
      } catch {
        this.fail();
      }
    }
  }
  close(name: string): void {
    this.values.close(name);
    if (this.on) {
      try {
        this.formats.close(name);
      } catch {
        this.fail();
      }
    }
  }
  text(s: string, a: number, b: number): void {
    this.values.text(s, a, b);
    if (this.on) {
      try {
        this.formats.text(s, a, b);
      } catch {
        this.fail();
      }
    }
  }
  cdata(v: string): void {
    this.values.cdata(v);
  }
}

/**
 * Read every worksheet of an .xlsx file into grids. `displayName` is the name findings carry.
 * Throws XlsxReadError (with a Chinese `reason`) for a truncated, damaged or encrypted file, for a
 * part that inflates past the limits, and for a workbook past the limits of limits.ts as a whole
 * (total bytes, cells, area): one sentence, so a run over many files reports it and goes on.
 */
export async function readXlsxStream(source: ByteSource, displayName: string, opts: StreamOptions = {}): Promise<StreamedXlsx> {
  const limits = opts.limits ?? DEFAULT_INFLATE_LIMITS;
  // The directory carries the workbook's budget (limits.ts): every part and every sheet charges it.
  const dir = await readZipDirectory(source, limits);
  const progress: ReadProgress = { phase: 'workbook', bytesRead: 0, bytesTotal: source.size, rows: 0 };
  let rowsBefore = 0;
  let builder: SheetBuilder | null = null;
  const report = opts.onProgress;
  if (report) {
    dir.onRead = (n) => {
      progress.bytesRead += n;
      if (builder) progress.rows = rowsBefore + builder.rowsRead;
      report(progress);
    };
  }
  const info = await readWorkbookInfo(dir, limits);
  const sharedStrings = await readSharedStrings(dir, info.sharedStringsPart, limits);
  const styles = await readCellStyles(dir, info.stylesPart, limits);
  const { creator } = await readCoreProperties(dir, limits);
  const ctx = { sharedStrings, dateStyles: styles.dates, formatStyles: styles.formats, date1904: info.date1904 };
  const sheets: Grid[] = [];
  let sheetXmlBytes = 0;
  const maxFormatBytes = opts.formats?.maxSheetXmlBytes;
  let sheetFormats: SheetFormats[] | undefined = maxFormatBytes !== undefined ? [] : undefined;
  let inflated = 0;
  for (const s of info.sheets) {
    const b = (builder = new SheetBuilder({ ...ctx, budget: dir.budget, sheet: s.name }));
    progress.phase = 'sheet';
    progress.sheet = s.name;
    let both: ValuesAndFormats | null = null;
    let onInflated: ((n: number) => void) | undefined;
    if (sheetFormats !== undefined && maxFormatBytes !== undefined) {
      const tee = (both = new ValuesAndFormats(b, new FormatsBuilder(s.name)));
      onInflated = (n) => {
        inflated += n;
        if (inflated > maxFormatBytes) tee.on = false;
      };
      sheetFormats.push(tee.formats.out);
    }
    sheetXmlBytes += (await parsePart(dir, s.part, limits, both ?? b, onInflated)) ?? 0;
    if (both !== null && !both.on) sheetFormats = undefined;
    rowsBefore += b.rowsRead;
    builder = null;
    const r = b.finish();
    const grid: Grid = { name: s.name, cells: r.cells, merges: r.merges, origin: { row: 1, col: 1 }, hidden: s.hidden, protected: r.protected, hiddenRows: r.hiddenRows, hiddenCols: r.hiddenCols, filtered: r.filtered };
    // Number formats serve the 绩效目标 reader alone (Grid.numFmts).
    sheets.push(r.numFmts && performanceSheetKind(grid) !== null ? { ...grid, numFmts: r.numFmts } : grid);
  }
  const unreadableSheets = info.missingSheets.map((m) => ({ sheet: m.name, reason: MISSING_SHEET_REASON }));
  const streamed: StreamedXlsx = { grids: { file: displayName, sheets }, unreadableSheets, creator, sheetXmlBytes };
  if (sheetFormats !== undefined) streamed.sheetFormats = sheetFormats;
  return streamed;
}

/** The core properties of an .xlsx alone (who wrote it), without reading any sheet. */
export async function readXlsxCoreProperties(source: ByteSource, limits: InflateLimits = DEFAULT_INFLATE_LIMITS): Promise<CoreProperties> {
  return readCoreProperties(await readZipDirectory(source, limits), limits);
}

/** Whether an error is one of ours (a problem with the file, not a bug). */
export function isXlsxReadError(e: unknown): e is XlsxReadError {
  return e instanceof XlsxReadError;
}
