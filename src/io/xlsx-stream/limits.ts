/**
 * The reader's limits on one workbook as a whole (issue 19, items 7–8), with no Node or DOM imports so
 * that every door that reads .xlsx through this reader (the CLI today, the offline page once it uses
 * it) refuses the same files with the same Chinese sentences. docs/reliability.md lists each figure.
 *
 * Per entry (as before): an entry may inflate to at most maxEntryBytes, and past ratioFloorBytes to at
 * most maxRatio times its compressed size. For the workbook as a whole (new):
 * - maxTotalBytes: the bytes all entries really inflate to, together;
 * - the same maxRatio against the size of the whole file, once the total passes ratioFloorBytes (forty
 *   sheets of 99 MB each pass the per-entry test; their total does not);
 * - maxCells: cells holding a value, over all sheets (and at most as many shared strings);
 * - maxArea: the cells the grids really allocate: each row up to the widest column it actually uses,
 *   plus the area of every merged range (the core fills merged areas in), over all sheets. One cell in
 *   column XFD per row costs 16,384 per row, and is refused after a few thousand rows instead of
 *   allocating gigabytes. The count is taken before a row is extended, so nothing past the limit is
 *   ever allocated;
 * - maxPendingChars: the longest unfinished XML construct (a tag, comment, CDATA) the tokenizer carries
 *   from one chunk to the next, and the longest text collected for one cell or shared string.
 * Each refusal is an XlsxReadError: one sentence, so a folder run reports the file and goes on.
 */
import { XlsxReadError } from './errors';
import { bombReason } from './messages';

export interface ReaderLimits {
  /** Largest number of bytes one entry may inflate to (default 1 GB). */
  maxEntryBytes: number;
  /** Largest expansion ratio allowed once an entry (or the workbook) has grown past ratioFloorBytes (default 100:1). */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Largest number of bytes all entries together may inflate to (default 2 GB). */
  maxTotalBytes: number;
  /** Largest number of cells holding a value, over all sheets (default 30,000,000). */
  maxCells: number;
  /** Largest number of grid cells allocated (row widths up to the last used column, plus merged areas), over all sheets (default 60,000,000). */
  maxArea: number;
  /** Longest unfinished XML construct, and longest text of one cell or shared string, in characters (default 1,048,576). */
  maxPendingChars: number;
}

export const DEFAULT_READER_LIMITS: Readonly<ReaderLimits> = Object.freeze({
  maxEntryBytes: 1024 ** 3,
  maxRatio: 100,
  ratioFloorBytes: 100 * 1024 ** 2,
  maxTotalBytes: 2 * 1024 ** 3,
  maxCells: 30_000_000,
  maxArea: 60_000_000,
  maxPendingChars: 1024 * 1024,
});

/** The defaults with any given limits replacing them (callers may pass only the per-entry ones). */
export function readerLimits(partial?: Partial<ReaderLimits> | null): ReaderLimits {
  return { ...DEFAULT_READER_LIMITS, ...(partial ?? {}) };
}

// ---- sentences ---------------------------------------------------------------------------------------

export function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} 字节`;
}

/** (30000000, '个') → "3,000 万个", (1048576, '个') → "1,048,576 个". */
export function countText(n: number, measure: string): string {
  if (n >= 10_000 && n % 10_000 === 0) return `${(n / 10_000).toLocaleString('en-US')} 万${measure}`;
  return `${n.toLocaleString('en-US')} ${measure}`;
}

/** Column letters of a 0-based index: 16383 → "XFD". */
export function columnLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const BOMB = '文件解压后过大，疑似压缩炸弹，已拒绝读取';

export function totalBombReason(why: 'size' | 'ratio', l: ReaderLimits): string {
  const what = why === 'size' ? `全部内容解压后超过 ${sizeText(l.maxTotalBytes)}` : `全部内容解压超过 ${sizeText(l.ratioFloorBytes)} 后，已超过文件本身大小的 ${l.maxRatio} 倍`;
  return `${BOMB}（${what}）`;
}

function at(sheet: string, row: number): string {
  return `工作表“${sheet}”第 ${row + 1} 行`;
}

// ---- the budget ----------------------------------------------------------------------------------------

function refuse(reason: string): never {
  throw new XlsxReadError('limit', reason);
}

/** Counts what one entry inflates to, against the entry's and the workbook's limits. */
export interface EntryMeter {
  /** `n` more bytes came out of the inflater; throws XlsxReadError('bomb') past a limit. */
  add(n: number): void;
  readonly produced: number;
}

/**
 * What one workbook has cost so far. One budget per file read: every entry inflated and every sheet
 * built charges it, so the limits hold for the workbook as a whole, not per part.
 */
export class WorkbookBudget {
  readonly limits: ReaderLimits;
  /** Bytes inflated so far, all entries. */
  inflated = 0;
  /** Cells holding a value so far, all sheets. */
  cells = 0;
  /** Grid cells allocated so far (row widths and merged areas), all sheets. */
  area = 0;

  constructor(limits: Partial<ReaderLimits> | null | undefined, readonly fileBytes: number) {
    this.limits = readerLimits(limits);
  }

  /** A meter for one entry of `compressedSize` bytes. */
  entry(name: string, compressedSize: number): EntryMeter {
    const l = this.limits;
    const budget = this;
    const entryRatioLimit = l.maxRatio * Math.max(compressedSize, 1);
    const totalRatioLimit = l.maxRatio * Math.max(this.fileBytes, 1);
    let produced = 0;
    return {
      get produced() {
        return produced;
      },
      add(n: number) {
        produced += n;
        budget.inflated += n;
        if (produced > l.maxEntryBytes) throw new XlsxReadError('bomb', bombReason(name, 'size', l.maxEntryBytes, l.maxRatio, l.ratioFloorBytes));
        if (produced > l.ratioFloorBytes && produced > entryRatioLimit) throw new XlsxReadError('bomb', bombReason(name, 'ratio', l.maxEntryBytes, l.maxRatio, l.ratioFloorBytes));
        if (budget.inflated > l.maxTotalBytes) throw new XlsxReadError('bomb', totalBombReason('size', l));
        if (budget.inflated > l.ratioFloorBytes && budget.inflated > totalRatioLimit) {
          // Name the entry when it alone expands past the ratio (it is the bomb, the rest is small).
          if (produced > entryRatioLimit) throw new XlsxReadError('bomb', bombReason(name, 'ratio', l.maxEntryBytes, l.maxRatio, l.ratioFloorBytes));
          throw new XlsxReadError('bomb', totalBombReason('ratio', l));
        }
      },
    };
  }

  /** One more cell holding a value (called per cell: keep it cheap). */
  addCell(sheet: string, row: number): void {
    if (++this.cells > this.limits.maxCells) this.tooManyCells(sheet, row);
  }

  /** A row of `sheet` grows by `n` cells up to 0-based column `col` (called before allocating them). */
  addArea(n: number, sheet: string, row: number, col: number): void {
    this.area += n;
    if (this.area > this.limits.maxArea) {
      refuse(`表格过宽或过大，已拒绝读取（${at(sheet, row)}用到了 ${columnLetters(col)} 列；各行从 A 列到实际用到的最右一列的单元格，全部工作表合计超过 ${countText(this.limits.maxArea, '个')}）；请删除远处列中的内容或拆分文件后再检查`);
    }
  }

  /** A merged range of `cells` cells (the core fills merged areas in, so they count as allocated). */
  addMerge(cells: number, sheet: string, ref: string): void {
    this.area += cells;
    if (this.area > this.limits.maxArea) {
      refuse(`合并单元格区域过大，已拒绝读取（工作表“${sheet}”的合并区域 ${ref} 使全部工作表的单元格合计超过 ${countText(this.limits.maxArea, '个')}）；请取消这些合并后再检查`);
    }
  }

  /** The shared-string table has `n` entries so far. */
  sharedStrings(n: number): void {
    if (n > this.limits.maxCells) refuse(`共享字符串过多，已拒绝读取（超过 ${countText(this.limits.maxCells, '条')}）；请在 Excel 中另存一次或拆分文件后再检查`);
  }

  /** Text being collected (one cell, one shared string) has grown to `chars` characters. */
  text(chars: number, where: string): void {
    if (chars > this.limits.maxPendingChars) refuse(`文件中有过长的内容，已拒绝读取（${where}的文字超过 ${countText(this.limits.maxPendingChars, '个')}字符，Excel 单元格最多 32,767 个）`);
  }

  private tooManyCells(sheet: string, row: number): never {
    refuse(`单元格过多，已拒绝读取（读到${at(sheet, row)}时，全部工作表中有内容的单元格已超过 ${countText(this.limits.maxCells, '个')}）；请删去无关的工作表或拆分文件后再检查`);
  }
}

/** An unfinished XML construct the tokenizer would carry over has grown past the limit. */
export function pendingTooLong(limit: number): XlsxReadError {
  return new XlsxReadError('limit', `文件中有过长的 XML 标记，已拒绝读取（一个标记超过 ${countText(limit, '个')}字符），文件可能已损坏或是恶意构造的`);
}
