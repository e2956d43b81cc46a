/**
 * .xlsx → the core's neutral Grid model (src/core/grid.ts), via exceljs (the reference reader the
 * streaming reader is tested against, and the loader of workbooks whose formats are copied).
 * Cells become plain values only (no per-cell objects beyond the value) so that sheets of a million
 * rows load within the memory exceljs itself needs. Formulas become their cached result.
 */
import ExcelJS from 'exceljs';
import type { Cell, Grid, MergeRange, WorkbookGrids } from '../core/grid';
import { FormatRuns, isShownFormat } from '../core/number-format';
import { performanceSheetKind } from '../core/performance/read';

// exceljs ValueType enum values (exceljs/lib/doc/enums.js); kept local to avoid the untyped import.
const T_NULL = 0;
const T_MERGE = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_DATE = 4;
const T_HYPERLINK = 5;
const T_FORMULA = 6;
const T_SHARED_STRING = 7;
const T_RICH_TEXT = 8;
const T_BOOLEAN = 9;
const T_ERROR = 10;

export interface LoadedXlsx {
  grids: WorkbookGrids;
  /** The loaded workbook, so the review workbook can copy its sheets with formats and widths. */
  workbook: ExcelJS.Workbook;
}

interface RichTextRun {
  text?: string;
}

function richTextToString(v: { richText?: RichTextRun[] }): string {
  let s = '';
  for (const run of v.richText ?? []) s += run.text ?? '';
  return s;
}

/** Convert an exceljs value (or formula result) to a grid cell. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : { error: '#NUM!' };
    case 'string':
      return v;
    case 'boolean':
      return v;
    case 'object': {
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : v;
      const o = v as Record<string, unknown>;
      if (typeof o.error === 'string') return { error: o.error };
      if (Array.isArray(o.richText)) return richTextToString(o as { richText: RichTextRun[] });
      if ('text' in o) {
        // Hyperlink: its text may itself be rich text.
        const t = o.text;
        if (typeof t === 'string') return t;
        if (t && typeof t === 'object' && Array.isArray((t as { richText?: unknown }).richText)) return richTextToString(t as { richText: RichTextRun[] });
        return toCell(t);
      }
      if ('formula' in o || 'sharedFormula' in o) {
        return 'result' in o && o.result !== undefined ? toCell(o.result) : { error: '#NO_CACHE' };
      }
      return null;
    }
    default:
      return null;
  }
}

/** The value of one exceljs cell as a grid cell; merge slaves are null (the core fills merges itself). */
function cellValue(cell: ExcelJS.Cell): Cell | undefined {
  const type = cell.type as unknown as number;
  switch (type) {
    case T_NULL:
    case T_MERGE:
      return undefined;
    case T_FORMULA: {
      // cell.value drops falsy results (0, '', false); read the result directly.
      const r = cell.result as unknown;
      if (r === undefined || r === null) return { error: '#NO_CACHE' };
      return toCell(r);
    }
    case T_HYPERLINK: {
      const v = cell.value as unknown as { text?: unknown };
      return toCell({ text: v?.text ?? '' });
    }
    case T_NUMBER:
    case T_STRING:
    case T_DATE:
    case T_SHARED_STRING:
    case T_RICH_TEXT:
    case T_BOOLEAN:
    case T_ERROR:
    default:
      return toCell(cell.value);
  }
}

interface RangeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged ranges of a worksheet, 1-based. exceljs keeps them in _merges (master address → Range). */
export function worksheetMerges(ws: ExcelJS.Worksheet): RangeModel[] {
  const merges = (ws as unknown as { _merges?: Record<string, { model: RangeModel }> })._merges ?? {};
  const out: RangeModel[] = [];
  for (const key of Object.keys(merges)) {
    const m = merges[key]?.model;
    if (m && m.top >= 1 && m.left >= 1) out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return out;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return !!(p && p.sheet);
}

/** Hidden columns up to the widest row read, 0-based. */
function hiddenColumns(ws: ExcelJS.Worksheet, cells: Cell[][]): number[] {
  let width = 0;
  for (const row of cells) if (row && row.length > width) width = row.length;
  const out: number[] = [];
  for (let c = 1; c <= width; c++) if (ws.getColumn(c).hidden) out.push(c - 1);
  return out;
}

/**
 * The format a number's cell is shown with (exceljs's cell.numFmt: the style's code, backslashes
 * dropped; the streaming reader keeps them), or null.
 */
function shownFormatOf(cell: ExcelJS.Cell): string | null {
  const code = cell.numFmt as string | undefined;
  return typeof code === 'string' && isShownFormat(code) ? code : null;
}

/**
 * One worksheet as a Grid. Rows and columns are kept from A1 (origin 1,1) so addresses map 1:1.
 * Number formats of numbers become Grid.numFmts on a 绩效目标 sheet, as the streaming reader gives them.
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: Cell[][] = [];
  const hiddenRows: number[] = [];
  const formats = new FormatRuns();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // Hidden and filtered-out rows are read like any other, and the core says so once per sheet (issue 19 item 12).
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    let arr: Cell[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cellValue(cell);
      if (v === undefined || v === null) return;
      if (typeof v === 'number' || v instanceof Date) formats.add(rowNumber - 1, col - 1, shownFormatOf(cell));
      if (!arr) arr = [];
      while (arr.length < col - 1) arr.push(null);
      arr[col - 1] = v;
    });
    if (arr) {
      while (cells.length < rowNumber - 1) cells.push([]);
      cells[rowNumber - 1] = arr;
    }
  });
  const merges: MergeRange[] = worksheetMerges(ws).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  const grid: Grid = {
    name: ws.name,
    cells,
    merges,
    origin: { row: 1, col: 1 },
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    protected: isProtected(ws),
    hiddenRows,
    hiddenCols: hiddenColumns(ws, cells),
    filtered: !!ws.autoFilter,
  };
  return formats.size > 0 && performanceSheetKind(grid) !== null ? { ...grid, numFmts: formats.runs() } : grid;
}

export function workbookToGrids(wb: ExcelJS.Workbook, file: string): WorkbookGrids {
  const sheets: Grid[] = [];
  wb.eachSheet((ws) => {
    sheets.push(worksheetToGrid(ws));
  });
  return { file, sheets };
}

/**
 * Load .xlsx bytes with exceljs. `displayName` is the name findings carry (not a full path). Throws
 * on bad files. Grids are read by the streaming reader (src/io/xlsx-stream) in every door; exceljs
 * loads a workbook only where its formats are copied (the review workbook) and in the equality tests.
 * The CLI's file-path version is readXlsx in src/cli/file-source.ts.
 */
export async function readXlsxBuffer(buf: Uint8Array | ArrayBuffer, displayName: string): Promise<LoadedXlsx> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  return { grids: workbookToGrids(workbook, displayName), workbook };
}
