/**
 * The review workbook of SPEC §4.2: a 审核结果 sheet (one row per finding, with a HYPERLINK to the
 * offending cell), a 单位汇总 sheet, and copies of every input sheet with the offending cells filled
 * and noted. Links are HYPERLINK("#'sheet'!A1", …) formulas, which work in Excel, WPS and LibreOffice.
 *
 * Per-unit workbooks (--per-unit-out) hold only one unit's findings and rows, as src/core/per-unit.ts
 * partitions them: each sheet that holds rows of the unit is copied at the same addresses (so links
 * and notes stay right), keeping the sheet's frame (titles, header) and the unit's own rows; every
 * other row (other units' rows, sheet-wide 合计 rows, unresolved rows, notes below) is left out, i.e.
 * blank. Sheets without rows of the unit, and findings of no unit, are left out. What a copy cannot
 * keep whole is kept as values: a merge some of whose rows are left out is not merged, an array
 * formula some of whose rows are left out becomes the cached values of the rows kept (a note on its
 * first kept cell says so: the formula would fill, or compute over, cells that are not copied), and a
 * data-table formula (what-if table) is its cached values in every copy (neither exceljs writer
 * writes one; src/io/xlsx-stream/formats.ts).
 *
 * Shared by the CLI and the page (no fs, path or DOM): writing the file, --force guards and the
 * per-unit file plan are the CLI's (src/cli/write-outputs.ts).
 */
import ExcelJS from 'exceljs';
import { quoteSheet } from '../core/address';
import type { CheckReport } from '../core/check';
import { explanationKey, explanationKeyString } from '../core/explain';
import type { Finding, Severity } from '../core/findings';
import { cellNotes, FLAG_RGB, flagCell, HEADER_RGB, LINK_RGB, noteBox, RESULTS_SHEET, resultsSheet, ReviewSheet, ReviewUnit, SheetNamer, UNITS_SHEET, unitsPrintSheet, unitsSheet } from '../core/review';
import type { Cell, Grid, WorkbookGrids } from '../core/grid';
import { isCellError } from '../core/grid';
import { partitionByUnit, sheetKey } from '../core/per-unit';
import { fileBaseName, unitFileName } from '../io/file-name';
import { stampOutput } from './own-output';
import { worksheetMerges } from './read-xlsx';
import { slideFormula } from './xlsx-stream/shared-formula';

export interface ReviewSource {
  /** Display name, equal to Finding.location.file. */
  display: string;
  grids: WorkbookGrids;
  /** The loaded exceljs workbook for .xlsx inputs (the page); absent for .csv (copied from the grid). */
  workbook?: ExcelJS.Workbook;
  /**
   * The input's formats read without exceljs (the CLI, src/cli/copy-formats.ts): preferred to
   * `workbook`, whose load cost half of `check --out` (issue 14).
   */
  looks?: WorkbookLooks;
}

/** What copySheet reads of an input sheet besides its grid's values: how the sheet looks. */
export interface SheetLook {
  /** The frozen pane, if any, as an exceljs view. */
  frozen: Partial<ExcelJS.WorksheetView> | null;
  /** Columns with a width or hidden, 1-based. */
  columns: ReadonlyArray<{ col: number; width?: number; hidden?: boolean }>;
  /** Merged areas, 1-based. */
  merges(): ReturnType<typeof worksheetMerges>;
  /** The rows that hold cells, ascending, 1-based. */
  rows(): ReadonlyArray<number>;
  height(row: number): number | undefined;
  /**
   * Each cell of a row to copy: its style (none: default), formula text (every formula cell, with or
   * without a cached value: the grid's value is its cached result; a shared formula's other cells
   * with the text Excel shows there), the input's own note, and, on the first cell of an array
   * formula, the range it fills (its other cells come with their cached values only, as stored).
   */
  eachCell(row: number, visit: (col: number, style: Partial<ExcelJS.Style> | undefined, formula: string | undefined, note: ExcelJS.Comment | undefined, arrayRef?: string) => void): void;
  /** Whether a row is hidden (absent: no row is). */
  hidden?(row: number): boolean;
  /**
   * Every array formula of the sheet: its first cell (1-based) and the range it fills, so a copy that
   * leaves out some of its rows, the first among them, can say so on the cells it keeps (absent: only
   * the formulas whose first cell is copied are known, from eachCell).
   */
  arrays?(): ReadonlyArray<ArrayFormula>;
  /** The sheet's print setup, data validations and conditional formatting (absent: none carried). */
  setup?(): SheetSetup | null;
}

/**
 * What a sheet carries besides its cells, copied once per sheet (no cost per row). Given in the
 * models exceljs's own load makes, which both of its writers take.
 */
export interface SheetSetup {
  /** Page setup, margins, print options, fit to page, print area and print titles. */
  pageSetup?: Partial<ExcelJS.PageSetup> | null;
  headerFooter?: Partial<ExcelJS.HeaderFooter> | null;
  /** Each validated cell or range ("I4:I200") with its validation. */
  dataValidations?: ReadonlyArray<{ range: string; validation: ExcelJS.DataValidation }>;
  conditionalFormattings?: ReadonlyArray<ExcelJS.ConditionalFormattingOptions>;
}

/** An array formula: its first cell (1-based) and the range it fills ("C2:C5"). */
export interface ArrayFormula {
  row: number;
  col: number;
  ref: string;
}

/** The looks of a workbook's sheets, by sheet name. */
export interface WorkbookLooks {
  sheet(name: string): SheetLook | undefined;
}

const worksheetLooks = new WeakMap<ExcelJS.Worksheet, SheetLook>();

/** A loaded exceljs worksheet's look (the page's path), made once per worksheet. */
export function worksheetLook(ws: ExcelJS.Worksheet): SheetLook {
  let look = worksheetLooks.get(ws);
  if (look) return look;
  let rows: number[] | null = null;
  let arrays: ArrayFormula[] | null = null;
  const columns: Array<{ col: number; width?: number; hidden?: boolean }> = [];
  ((ws as unknown as { _columns?: ExcelJS.Column[] | null })._columns ?? []).forEach((c, i) => {
    if (c && (c.width || c.hidden)) columns.push({ col: i + 1, width: c.width || undefined, hidden: c.hidden || undefined });
  });
  const frozen = (ws.views ?? []).find((v) => v && v.state === 'frozen');
  look = {
    frozen: frozen ? { ...frozen } : null,
    columns,
    merges: () => worksheetMerges(ws),
    rows() {
      if (!rows) {
        const list: number[] = [];
        ws.eachRow({ includeEmpty: false }, (_row, r) => list.push(r));
        rows = list;
      }
      return rows;
    },
    height: (r) => ws.findRow(r)?.height || undefined,
    hidden: (r) => !!ws.findRow(r)?.hidden,
    arrays() {
      // One walk over the sheet's cells, the first time a unit's copy asks (the bureau's never does).
      if (!arrays) {
        const list: ArrayFormula[] = [];
        ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => {
          if ((cell.type as unknown as number) !== 6 /* Formula */) return;
          const v = cell.value as { shareType?: string; ref?: string };
          if (v.shareType === 'array') list.push({ row: r, col: c, ref: v.ref || cell.address });
        }));
        arrays = list;
      }
      return arrays;
    },
    setup() {
      const validations = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations?.model ?? {};
      const dataValidations: Array<{ range: string; validation: ExcelJS.DataValidation }> = [];
      for (const range of Object.keys(validations)) {
        const validation = validations[range];
        if (validation) dataValidations.push({ range, validation });
      }
      return {
        pageSetup: ws.pageSetup ? { ...ws.pageSetup } : null,
        headerFooter: ws.headerFooter ? { ...ws.headerFooter } : null,
        dataValidations,
        conditionalFormattings: (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [],
      };
    },
    eachCell(r, visit) {
      const row = ws.findRow(r);
      if (!row) return;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const type = cell.type as unknown as number;
        if (type === 1 /* Merge */) return;
        let formula: string | undefined;
        let arrayRef: string | undefined;
        if (type === 6 /* Formula */) {
          try {
            const v = cell.value as { sharedFormula?: string; shareType?: string; ref?: string };
            const master = v.sharedFormula ? ws.getCell(v.sharedFormula) : undefined;
            // exceljs moves a shared formula with its own slideFormula, which misses whole columns
            // and rows and shifts references inside string literals: moved here as Excel does.
            formula = master?.formula ? slideFormula(master.formula, Number(master.row), Number(master.col), r, c) : cell.formula;
            if (v.shareType === 'array') arrayRef = v.ref || cell.address;
          } catch {
            formula = undefined;
          }
        }
        const style = cell.style && Object.keys(cell.style).length > 0 ? cell.style : undefined;
        visit(c, style, formula, (cell as unknown as { note?: ExcelJS.Comment }).note || undefined, arrayRef);
      });
    },
  };
  worksheetLooks.set(ws, look);
  return look;
}

export { RESULTS_SHEET, UNITS_SHEET, SheetNamer };
export type { ReviewUnit };
/** The explanations sheet (SPEC §4.3) the core reads on every check: 规则 | 单位 | 位置 | 说明. */
export const EXPLANATIONS_SHEET = '审核说明';
export const EXPLANATIONS_HEADER = ['规则', '单位', '位置', '说明'] as const;

/** Flag fills as exceljs ARGB, from the review model's colours. */
export const FILL_ARGB: Record<Severity, string | null> = {
  error: `FF${FLAG_RGB.error}`, warning: `FF${FLAG_RGB.warning}`, info: null,
};

/** =HYPERLINK("#'sheet'!C12", "text"): double quotes doubled inside the string literals. */
export function hyperlinkFormula(sheet: string, cell: string, text: string): string {
  const target = `#${quoteSheet(sheet)}!${cell}`.replace(/"/g, '""');
  return `HYPERLINK("${target}","${text.replace(/"/g, '""')}")`;
}

// ---- copying input sheets -------------------------------------------------------------------------

const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

/** A grid cell as a value exceljs can write (a formula cell goes through formulaValue). */
function writableValue(v: Cell): ExcelJS.CellValue {
  // An empty text is no value: inline strings (the streaming writer) read it back as none.
  if (v === null || v === undefined || v === '') return null;
  if (isCellError(v)) return EXCEL_ERRORS.has(v.error) ? ({ error: v.error } as ExcelJS.CellErrorValue) : v.error;
  return v as ExcelJS.CellValue;
}

/**
 * A formula cell as exceljs writes it: its text, and the grid's value as its cached result (none for
 * a formula saved without one, which Excel and WPS compute when the file is opened).
 */
function formulaValue(formula: string, v: Cell, arrayRef?: string): ExcelJS.CellValue {
  // An array formula keeps its range: both exceljs writers write <f t="array" ref=…>.
  const f = arrayRef ? { formula, shareType: 'array', ref: arrayRef } : { formula };
  if (v === null || v === undefined || v === '') return f as ExcelJS.CellFormulaValue;
  if (isCellError(v)) return (EXCEL_ERRORS.has(v.error) ? { ...f, result: { error: v.error } } : f) as ExcelJS.CellFormulaValue;
  return { ...f, result: v } as ExcelJS.CellFormulaValue;
}

/**
 * The sheet-wide parts of a copy, as addWorksheet options: page setup (fitToPage stated, since
 * exceljs otherwise derives it from fitToWidth/fitToHeight) and header/footer. Both writers take
 * them at creation (the streaming writer writes <sheetPr> with the sheet's first bytes); the print
 * area and titles go into workbook.xml when the workbook is committed, under the copy's name.
 */
function setupOptions(setup: SheetSetup | null | undefined): Partial<ExcelJS.AddWorksheetOptions> {
  const out: Partial<ExcelJS.AddWorksheetOptions> = {};
  if (setup?.pageSetup) out.pageSetup = { ...setup.pageSetup, fitToPage: !!setup.pageSetup.fitToPage };
  if (setup?.headerFooter) out.headerFooter = { ...setup.headerFooter } as ExcelJS.HeaderFooter;
  return out;
}

/**
 * Validations and conditional formats of a copy, added before its rows (both writers write them
 * when the sheet is committed). Rules are copied: the writer sets their dxfId when it writes them,
 * and per-unit copies of one sheet share the input's rules.
 */
function addSetup(target: ExcelJS.Worksheet, setup: SheetSetup | null | undefined): void {
  if (!setup) return;
  // exceljs's types omit Worksheet.dataValidations, which both writers have (model by address).
  const validations = (target as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const { range, validation } of setup.dataValidations ?? []) validations.add(range, { ...validation });
  for (const cf of setup.conditionalFormattings ?? []) {
    target.addConditionalFormatting({ ...cf, rules: cf.rules.map((r) => ({ ...r })) } as ExcelJS.ConditionalFormattingOptions);
  }
}

/** Which 1-based rows to copy, ascending (null: all). */
type RowFilter = ReadonlyArray<number> | null;

const mergesByTop = new WeakMap<object, Map<number, ReturnType<typeof worksheetMerges>>>();

/** A sheet's merged areas by top row, read once per sheet (not once per unit's copy). */
function mergesOf(key: object, list: () => ReturnType<typeof worksheetMerges>): Map<number, ReturnType<typeof worksheetMerges>> {
  let m = mergesByTop.get(key);
  if (!m) {
    m = new Map();
    for (const r of list()) {
      const at = m.get(r.top);
      if (at) at.push(r);
      else m.set(r.top, [r]);
    }
    mergesByTop.set(key, m);
  }
  return m;
}

/** The merges to recreate: all, or those whose rows are all copied. */
function keptMerges(byTop: Map<number, ReturnType<typeof worksheetMerges>>, keep: RowFilter): ReturnType<typeof worksheetMerges> {
  if (!keep) return [...byTop.values()].flat();
  const rows = new Set(keep);
  const out: ReturnType<typeof worksheetMerges> = [];
  for (const r of keep) {
    for (const m of byTop.get(r) ?? []) {
      let all = true;
      for (let x = m.top; x <= m.bottom && all; x++) all = rows.has(x);
      if (all) out.push(m);
    }
  }
  return out;
}

/**
 * What both exceljs writers offer: the in-memory Workbook and the streaming WorkbookWriter
 * (src/cli/review-stream.ts). Everything below writes rows in ascending order and commits each one,
 * so the same code serves both (a commit is a no-op in memory). What the streaming writer puts at a
 * sheet's top (columns, views, page setup) is given before the first row.
 */
export interface ReviewBook {
  addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet;
}

/**
 * Rows drawn between two yields of the writing generator: often enough that the zip's deflate stage
 * (fed a 64 KB chunk per turn of the event loop) keeps up; 200 measured no faster than 1,000.
 */
const YIELD_ROWS = 1000;

/** Rows written so far, for a progress bar (the total is planned before writing). */
export type RowProgress = (rows: number) => void;

/**
 * One style object for every unstyled cell of the sheet copies. exceljs gives each new cell its own
 * empty style, and its writer caches style ids by object, so each of 2,000,000 copied cells was
 * turned into style XML and looked up again: a fifth of `check --out` (issue 14). Done just before
 * the row's commit, when nothing sets a style property on those cells any more.
 */
const EMPTY_STYLE: Partial<ExcelJS.Style> = {};

function shareEmptyStyles(row: ExcelJS.Row): void {
  const cells = (row as unknown as { _cells?: Array<{ style?: Partial<ExcelJS.Style> } | undefined> })._cells;
  if (!cells) return;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c && c.style !== EMPTY_STYLE && c.style && isEmptyObject(c.style)) c.style = EMPTY_STYLE;
  }
}

function isEmptyObject(o: object): boolean {
  for (const _k in o) return false;
  return true;
}

function commitSheet(ws: ExcelJS.Worksheet): void {
  const c = (ws as unknown as { commit?: () => void }).commit;
  if (c) c.call(ws);
}

const CELL_RE = /^([A-Z]{1,3})(\d+)$/;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** The review model's cell notes of one sheet, by 1-based row, each with its 1-based column. */
function notesByRow(findings: ReadonlyArray<Finding>): Map<number, Array<{ col: number; note: ReturnType<typeof cellNotes>[number] }>> {
  const out = new Map<number, Array<{ col: number; note: ReturnType<typeof cellNotes>[number] }>>();
  for (const n of cellNotes(findings)) {
    const m = CELL_RE.exec(n.cell);
    if (!m) continue;
    const r = Number(m[2]);
    const list = out.get(r);
    const item = { col: colNumber(m[1]), note: n };
    if (list) list.push(item);
    else out.set(r, [item]);
  }
  return out;
}

/** A note added below the cell's own note, if it has one. */
function addNote(tc: ExcelJS.Cell, more: string, box: { width: number; height: number }): void {
  const prior = tc.note;
  const priorText = typeof prior === 'string' ? prior : prior && Array.isArray((prior as ExcelJS.Comment).texts) ? (prior as ExcelJS.Comment).texts!.map((t) => t.text).join('') : '';
  const text = priorText ? `${priorText}\n${more}` : more;
  // `box` rides along in the note model; the Node adapter sizes the VML box from it (src/cli/note-box.ts).
  tc.note = { texts: [{ text }], box } as unknown as ExcelJS.Comment;
}

/** Fill and note the flagged cells of one row, as the review model says. */
function flagRow(row: ExcelJS.Row, notes: ReadonlyArray<{ col: number; note: ReturnType<typeof cellNotes>[number] }>): void {
  for (const { col, note: n } of notes) {
    const tc = row.getCell(col);
    if (n.fill) {
      const argb = `FF${n.fill}`;
      tc.style = { ...(tc.style ?? {}), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } } };
    }
    addNote(tc, n.text, n.box);
  }
}

/** What a unit's copy says on the first cell it keeps of an array formula it cannot keep whole. */
export function partialArrayNote(ref: string): string {
  return `【复制说明】本单元格原在数组公式 ${ref} 中。该公式所占的行有的不属于本单位，没有复制到本工作簿，所以这里只保留原来的计算结果，不再是公式。`;
}

/** A range's corners, 1-based ("C2:D5", "C2"), or null. */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const a = { col: colNumber(m[1]), row: Number(m[2]) };
  const b = m[3] ? { col: colNumber(m[3]), row: Number(m[4]) } : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** Index of the first of ascending `rows` at or after `row`. */
function firstAtOrAfter(rows: ReadonlyArray<number>, row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How a copy writing `rows` (ascending) keeps an array formula over `ref`: whole (every row of its
 * range written; the copy keeps every row at its address, so they map contiguously), or, when only
 * some are, the first row it writes (its cells then hold their cached values), or null (none written).
 */
function arrayKept(ref: string, rows: ReadonlyArray<number>): 'whole' | { first: number; left: number } | null {
  const r = rangeOf(ref);
  if (!r) return null;
  const i = firstAtOrAfter(rows, r.top);
  const j = firstAtOrAfter(rows, r.bottom + 1);
  if (j - i === r.bottom - r.top + 1) return 'whole';
  return j > i ? { first: rows[i], left: r.left } : null;
}

type Merge = ReturnType<typeof worksheetMerges>[number];

/** Ascending, distinct row numbers. */
function sortedRows(...lists: Iterable<number>[]): number[] {
  const set = new Set<number>();
  for (const l of lists) for (const r of l) set.add(r);
  return [...set].sort((a, b) => a - b);
}

/**
 * Copy one input sheet (from its exceljs worksheet, or from its grid for .csv and very big files)
 * into a new sheet of `book`, row by row in ascending order: values, formulas with their cached
 * results, styles, notes, hidden rows, merges (a merge's other cells take its first cell's style, as
 * exceljs gives them in memory), the sheet's print setup, validations and conditional formats, then
 * the flagged cells' fills and notes.
 */
function* copySheet(book: ReviewBook, name: string, src: SheetLook | undefined, grid: Grid, keep: RowFilter, findings: ReadonlyArray<Finding>, progress: RowProgress): Generator<ExcelJS.Worksheet> {
  const flags = notesByRow(findings);
  const byTop = src ? mergesOf(src, () => src.merges()) : mergesOf(grid, () => (grid.merges ?? []).map((m) => ({ top: m.top + 1, left: m.left + 1, bottom: m.bottom + 1, right: m.right + 1 })));
  const merges = keptMerges(byTop, keep);
  const mergeRows: number[] = [];
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) mergeRows.push(r);
  let options: Partial<ExcelJS.AddWorksheetOptions> = {};
  const widths: number[] = [];
  let sourceRows: number[];
  const setup = src?.setup?.();
  if (src) {
    options = setupOptions(setup);
    if (src.frozen) options.views = [{ ...src.frozen }];
    sourceRows = (keep ?? src.rows()) as number[];
  } else {
    sourceRows = [];
    const measure = (i: number) => {
      const row = grid.cells[i];
      if (!row || row.length === 0) return;
      sourceRows.push(i + 1);
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const len = typeof v === 'string' ? Math.min(60, [...v].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 2 : 1), 0)) : 10;
        if (!widths[c] || widths[c] < len) widths[c] = len;
      });
    };
    if (keep) for (const r of keep) measure(r - 1);
    else for (let i = 0; i < grid.cells.length; i++) measure(i);
  }
  const target = book.addWorksheet(name, options);
  addSetup(target, setup);
  // Columns before the first row: the streaming writer writes <cols> with it.
  if (src) {
    for (const col of src.columns) {
      const tc = target.getColumn(col.col);
      if (col.width) tc.width = col.width;
      if (col.hidden) tc.hidden = true;
    }
  } else {
    widths.forEach((w, c) => {
      if (w) target.getColumn(c + 1).width = Math.max(8, w + 2);
    });
  }
  // Merges first, before any value: a merge's other cells take no value (in memory, a value set
  // on one would overwrite its first cell) and, once its first cell is written, that cell's style.
  const slaves = new Map<number, Set<number>>();
  const mastersAt = new Map<number, Merge[]>();
  for (const m of merges) {
    try {
      target.mergeCells(m.top, m.left, m.bottom, m.right);
    } catch {
      continue; // overlapping merges in a damaged file: keep the values, skip the merge
    }
    const at = mastersAt.get(m.top);
    if (at) at.push(m);
    else mastersAt.set(m.top, [m]);
    for (let y = m.top; y <= m.bottom; y++) {
      let set = slaves.get(y);
      if (!set) slaves.set(y, (set = new Set()));
      for (let x = m.left; x <= m.right; x++) if (y !== m.top || x !== m.left) set.add(x);
    }
  }
  const pending = new Map<number, Array<{ col: number; style: Partial<ExcelJS.Style> }>>();
  const rows = sortedRows(sourceRows, flags.keys(), mergeRows);
  // A unit's copy: array formulas it cannot keep whole become values, said on their first kept cell.
  const partial = keep && src ? new Set<string>() : null;
  const lossNotes = new Map<number, Array<{ col: number; ref: string }>>();
  const notePartial = (ref: string, at: { first: number; left: number }) => {
    const list = lossNotes.get(at.first);
    if (list) list.push({ col: at.left, ref });
    else lossNotes.set(at.first, [{ col: at.left, ref }]);
  };
  if (partial && src?.arrays) {
    for (const a of src.arrays()) {
      const kept = arrayKept(a.ref, rows);
      if (kept === 'whole') continue;
      partial.add(`${a.row},${a.col}`);
      if (kept) notePartial(a.ref, kept);
    }
  }
  let written = 0;
  const streamed = target as unknown as { _rows?: unknown[]; _rowZero?: number };
  for (const r of rows) {
    // The streaming writer keeps rows from the last committed one on: skip the gap to a unit's next
    // row (an empty stretch is no rows to commit), or every commit would walk the gap's holes.
    if (typeof streamed._rowZero === 'number' && streamed._rows?.length === 0 && r > streamed._rowZero) streamed._rowZero = r;
    const tr = target.getRow(r);
    const skip = slaves.get(r);
    if (src) {
      const gridRow = grid.cells[r - 1];
      const height = src.height(r);
      if (height) tr.height = height;
      if (src.hidden?.(r)) tr.hidden = true;
      src.eachCell(r, (c, style, formula, note, arrayRef) => {
        if (skip?.has(c)) return;
        const v = gridRow ? (gridRow[c - 1] ?? null) : null;
        const tc = tr.getCell(c);
        let whole = true;
        if (arrayRef && partial) {
          if (src.arrays) whole = !partial.has(`${r},${c}`);
          else {
            // A look that lists no arrays: this formula is known from its first cell only.
            const kept = arrayKept(arrayRef, rows);
            whole = kept === 'whole';
            if (kept && kept !== 'whole') notePartial(arrayRef, kept);
          }
        }
        // Never a formula over the wrong cells: a partial array formula's first cell keeps its value.
        tc.value = formula && whole ? formulaValue(formula, v, arrayRef) : writableValue(v);
        if (style) tc.style = style;
        if (note) tc.note = note;
      });
      for (const { col, ref } of lossNotes.get(r) ?? []) {
        const text = partialArrayNote(ref);
        addNote(tr.getCell(col), text, noteBox(text));
      }
    } else {
      const row = grid.cells[r - 1];
      if (row) {
        row.forEach((v, c) => {
          if (v === null || v === undefined || skip?.has(c + 1)) return;
          tr.getCell(c + 1).value = writableValue(v);
        });
      }
    }
    for (const m of mastersAt.get(r) ?? []) {
      const style = tr.getCell(m.left).style;
      for (let y = m.top; y <= m.bottom; y++) {
        for (let x = m.left; x <= m.right; x++) {
          if (y === m.top && x === m.left) continue;
          const list = pending.get(y);
          if (list) list.push({ col: x, style });
          else pending.set(y, [{ col: x, style }]);
        }
      }
    }
    for (const p of pending.get(r) ?? []) tr.getCell(p.col).style = p.style;
    pending.delete(r);
    const notes = flags.get(r);
    if (notes) flagRow(tr, notes);
    shareEmptyStyles(tr);
    tr.commit();
    if (++written % YIELD_ROWS === 0) {
      progress(YIELD_ROWS);
      yield target;
    }
  }
  progress(written % YIELD_ROWS);
  commitSheet(target);
}

/** The rows copySheet will write for one sheet (for the progress total). */
function plannedRows(src: SheetLook | undefined, grid: Grid, keep: RowFilter): number {
  if (keep) return keep.length;
  if (src) return src.rows().length;
  return grid.cells.length;
}

// ---- the workbook ----------------------------------------------------------------------------------

export interface BuildOptions {
  /** Only this unit's findings and rows (per-unit workbooks). */
  unit?: ReviewUnit;
  /**
   * Explanations typed by the reviewer (the offline page): written as a 审核说明 sheet keyed to the
   * sheets of this workbook, so re-checking it (or the original with the sheet added) finds them.
   */
  explanations?: ReadonlyArray<{ finding: Finding; text: string }>;
  /** The run's partition by unit, when many units' workbooks are written (computed once, not per unit). */
  partition?: UnitPartition;
}

/** Every unit of the run (src/core/per-unit.ts): from the rows, then from findings that name a unit no row has. */
export function reportUnits(report: CheckReport): ReviewUnit[] {
  return partitionByUnit(report).units;
}

const solid = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });

/** Excel's paper size code for A4. */
const PAPER_A4 = 9;

/** Draw one sheet of the review model (src/core/review) into a new sheet: values, links, fills, heights, print setup. */
export function* addReviewSheet(book: ReviewBook, name: string, sheet: ReviewSheet, progress: RowProgress = () => undefined): Generator<ExcelJS.Worksheet, ExcelJS.Worksheet> {
  const p = sheet.print;
  // Views and page setup at creation: the streaming writer puts them at the top of the sheet.
  const ws = book.addWorksheet(name, {
    views: sheet.frozenRows ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }] : [],
    pageSetup: {
      paperSize: PAPER_A4 as unknown as ExcelJS.PageSetup['paperSize'],
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      printTitlesRow: `${p.titleRows.first}:${p.titleRows.last}`,
      horizontalCentered: p.centerHorizontally,
      margins: p.margins,
    },
    headerFooter: { oddFooter: p.footer } as ExcelJS.HeaderFooter,
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  sheet.columns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = sheet.heights[0];
  sheet.columns.forEach((_, i) => (header.getCell(i + 1).fill = solid(HEADER_RGB)));
  header.commit();
  let written = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const row = ws.getRow(r + 2);
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const col = sheet.columns[i];
      if (c.link && c.value !== null) {
        const text = String(c.value);
        cell.value = { formula: hyperlinkFormula(c.link.sheet, c.link.cell, text), result: text } as ExcelJS.CellFormulaValue;
        cell.font = { color: { argb: `FF${LINK_RGB}` }, underline: true };
      } else if (c.value !== '') cell.value = c.value; // an empty text is no value (inline strings read it back as none)
      if (c.bold) cell.font = { bold: true };
      if (c.fill) cell.fill = solid(c.fill);
      if (col.wrap || col.align) cell.alignment = { vertical: 'top', wrapText: col.wrap, horizontal: col.align };
      if (col.numFmt) cell.numFmt = col.numFmt;
    });
    row.height = sheet.heights[r + 1];
    row.commit();
    if (++written % YIELD_ROWS === 0) {
      progress(YIELD_ROWS);
      yield ws;
    }
  }
  progress(written % YIELD_ROWS);
  // The filter is written after the rows, so it may be set here.
  if (sheet.autoFilter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length } };
  commitSheet(ws);
  return ws;
}

/** The partition of a run by unit (src/core/per-unit.ts), computed once for all of a run's per-unit workbooks. */
export type UnitPartition = ReturnType<typeof partitionByUnit>;

/** What writing one review workbook will do, planned before anything is written. */
export interface ReviewPlan {
  /** Rows to write in all (for a progress bar). */
  rows: number;
  /**
   * Write every sheet into `book`, in order, reporting rows written. A generator: it yields the sheet
   * being written every 1,000 rows, so a streaming caller can let the zip drain (src/cli/write-outputs.ts);
   * run it to the end for an in-memory workbook.
   */
  write(book: ReviewBook, progress?: RowProgress): Generator<ExcelJS.Worksheet>;
}

/**
 * Plan the review workbook (all units, or one unit with `opts.unit`): the sheets' names and the rows
 * to copy are decided first, so that 审核结果's links are known before the copies are written and the
 * sheets can be written in their order, as the streaming writer must.
 */
export function planReviewWorkbook(report: CheckReport, sources: ReadonlyArray<ReviewSource>, opts: BuildOptions = {}): ReviewPlan {
  const unit = opts.unit;
  const part = unit ? (opts.partition ?? partitionByUnit(report)).byKey.get(unit.key) : undefined;
  const findings = unit ? part?.findings ?? [] : report.findings;
  const units = unit ? [unit] : opts.partition?.units ?? reportUnits(report);
  const manyFiles = sources.length > 1;

  const printUnits = unitsPrintSheet(units, findings);
  const namer = new SheetNamer([RESULTS_SHEET, UNITS_SHEET, printUnits.name]);
  const copied = new Map<string, string>(); // file \u0001 sheet → copied name

  // Findings per copied sheet, for flagging.
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.location.sheet) continue;
    const k = `${f.location.file}\u0001${f.location.sheet}`;
    const list = bySheet.get(k);
    if (list) list.push(f);
    else bySheet.set(k, [f]);
  }

  const copies: Array<{ name: string; src?: SheetLook; grid: Grid; keep: RowFilter; findings: Finding[] }> = [];
  let rows = 0;
  for (const src of sources) {
    const stem = fileBaseName(src.display).replace(/\.(xlsx|xlsm|csv)$/i, '');
    for (const grid of src.grids.sheets) {
      const k = `${src.display}\u0001${grid.name}`;
      let keep: RowFilter = null;
      if (unit) {
        const kept = part?.sheets.get(sheetKey(src.display, grid.name));
        if (!kept) continue;
        keep = kept;
      }
      const name = namer.name(grid.name, manyFiles ? stem : '');
      const sheet = src.looks ? src.looks.sheet(grid.name) : src.workbook?.getWorksheet(grid.name);
      const ws = sheet && !src.looks ? worksheetLook(sheet as ExcelJS.Worksheet) : (sheet as SheetLook | undefined);
      copies.push({ name, src: ws, grid, keep, findings: bySheet.get(k) ?? [] });
      rows += plannedRows(ws, grid, keep);
      copied.set(k, name);
    }
  }

  const link = (f: Finding): { sheet: string; cell: string } | null => {
    if (!f.location.sheet) return null;
    const name = copied.get(`${f.location.file}\u0001${f.location.sheet}`);
    if (!name) return null;
    return { sheet: name, cell: flagCell(f) ?? 'A1' };
  };
  const results = resultsSheet(findings, { link, manyFiles });
  const unitsModel = unitsSheet(units, findings);
  rows += results.rows.length + unitsModel.rows.length + printUnits.rows.length;
  const typed = explanationRows(opts.explanations ?? [], findings, copied);
  const explanationsName = typed.length > 0 ? namer.name(EXPLANATIONS_SHEET) : '';
  return {
    rows,
    *write(book, progress = () => undefined) {
      yield* addReviewSheet(book, RESULTS_SHEET, results, progress);
      yield* addReviewSheet(book, UNITS_SHEET, unitsModel, progress);
      yield* addReviewSheet(book, printUnits.name, printUnits, progress);
      for (const c of copies) yield* copySheet(book, c.name, c.src, c.grid, c.keep, c.findings, progress);
      if (typed.length > 0) writeExplanationsSheet(book, explanationsName, typed);
    },
  };
}

/** Build the review workbook in memory (all units, or one unit with `opts.unit`): the page's writer. */
export function buildReviewWorkbook(report: CheckReport, sources: ReadonlyArray<ReviewSource>, opts: BuildOptions = {}): ExcelJS.Workbook {
  return drawInMemory(planReviewWorkbook(report, sources, opts));
}

/** Draw a planned review workbook in memory, reporting the rows written of `plan.rows`. */
export function drawInMemory(plan: ReviewPlan, progress?: (done: number, total: number) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  stampOutput(wb);
  wb.created = new Date();
  let done = 0;
  progress?.(0, plan.rows);
  for (const _ of plan.write(wb, progress && ((n) => progress((done += n), plan.rows)))) {
    // in memory: nothing to wait for
  }
  return wb;
}

/**
 * 审核说明 rows for the typed explanations of the findings in this workbook. 位置 names the sheet as
 * copied here; when that differs from the input's name (several files), a second row keyed to the
 * input's sheet lets the original file, with this sheet added, find the explanation too.
 */
function explanationRows(typed: ReadonlyArray<{ finding: Finding; text: string }>, findings: ReadonlyArray<Finding>, copied: ReadonlyMap<string, string>): string[][] {
  const here = new Set(findings.map(explanationKeyString));
  const rows: string[][] = [];
  const seen = new Set<string>();
  const push = (r: string[]) => {
    const k = r.slice(0, 3).join('\u0001');
    if (seen.has(k)) return;
    seen.add(k);
    rows.push(r);
  };
  for (const { finding, text } of typed) {
    if (text.trim() === '' || !here.has(explanationKeyString(finding))) continue;
    const k = explanationKey(finding);
    const sheet = finding.location.sheet;
    const name = sheet ? copied.get(`${finding.location.file}\u0001${sheet}`) : undefined;
    if (k.at !== '' && sheet && name && name !== sheet && k.at.startsWith(`${sheet}!`)) push([k.rule, k.unit, `${name}!${k.at.slice(sheet.length + 1)}`, text.trim()]);
    push([k.rule, k.unit, k.at, text.trim()]);
  }
  return rows;
}

function writeExplanationsSheet(book: ReviewBook, name: string, rows: ReadonlyArray<string[]>): void {
  const widths = [30, 18, 24, 60];
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  const header = ws.getRow(1);
  EXPLANATIONS_HEADER.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { bold: true };
  header.fill = solid(HEADER_RGB);
  header.commit();
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    row.values = r;
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  });
  commitSheet(ws);
}

/** A file name for a unit's workbook: "101001 XX局.xlsx", valid and visible on Windows, macOS and Linux (src/io/file-name.ts). */
export { unitFileName };
