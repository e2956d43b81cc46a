/**
 * The review workbook of SPEC §4.2: a 审核结果 sheet (one row per finding, with a HYPERLINK to the
 * offending cell), a 单位汇总 sheet, and copies of every input sheet with the offending cells filled
 * and noted. Links are HYPERLINK("#'sheet'!A1", …) formulas, which work in Excel, WPS and LibreOffice.
 *
 * Per-unit workbooks (--per-unit-out) hold only one unit's findings and rows, as src/core/per-unit.ts
 * partitions them: each sheet that holds rows of the unit is copied at the same addresses (so links
 * and notes stay right), keeping the sheet's frame (titles, header) and the unit's own rows; every
 * other row (other units' rows, sheet-wide 合计 rows, unresolved rows, notes below) is left out, i.e.
 * blank. Sheets without rows of the unit, and findings of no unit, are left out.
 *
 * Shared by the CLI and the page (no fs, path or DOM): writing the file, --force guards and the
 * per-unit file plan are the CLI's (src/cli/write-outputs.ts).
 */
import ExcelJS from 'exceljs';
import { quoteSheet } from '../core/address';
import type { CheckReport } from '../core/check';
import { explanationKey, explanationKeyString } from '../core/explain';
import type { Finding, Severity } from '../core/findings';
import { cellNotes, FLAG_RGB, HEADER_RGB, LINK_RGB, RESULTS_SHEET, resultsSheet, ReviewSheet, ReviewUnit, SheetNamer, UNITS_SHEET, unitsPrintSheet, unitsSheet } from '../core/review';
import type { Cell, Grid, WorkbookGrids } from '../core/grid';
import { isCellError } from '../core/grid';
import { partitionByUnit, sheetKey } from '../core/per-unit';
import { fileBaseName, unitFileName } from '../io/file-name';
import { stampOutput } from './own-output';
import { worksheetMerges } from './read-xlsx';

export interface ReviewSource {
  /** Display name, equal to Finding.location.file. */
  display: string;
  grids: WorkbookGrids;
  /** The loaded exceljs workbook for .xlsx inputs; absent for .csv (copied from the grid). */
  workbook?: ExcelJS.Workbook;
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

/** A grid cell as a value exceljs can write: a formula without cached value shows its formula text. */
function writableValue(v: Cell, formulaText?: string): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (isCellError(v)) {
    if (EXCEL_ERRORS.has(v.error)) return { error: v.error } as ExcelJS.CellErrorValue;
    return formulaText ? `=${formulaText}` : v.error;
  }
  return v as ExcelJS.CellValue;
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

function copyFromWorksheet(src: ExcelJS.Worksheet, grid: Grid, target: ExcelJS.Worksheet, keep: RowFilter): void {
  const cols = (src as unknown as { _columns?: ExcelJS.Column[] | null })._columns;
  if (cols) {
    cols.forEach((col, i) => {
      if (!col) return;
      const tc = target.getColumn(i + 1);
      if (col.width) tc.width = col.width;
      if (col.hidden) tc.hidden = true;
    });
  }
  const copyRow = (row: ExcelJS.Row, r: number) => {
    const gridRow = grid.cells[r - 1];
    const tr = target.getRow(r);
    if (row.height) tr.height = row.height;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const type = cell.type as unknown as number;
      if (type === 1 /* Merge */ ) return;
      const v = gridRow ? (gridRow[c - 1] ?? null) : null;
      const tc = tr.getCell(c);
      let formula: string | undefined;
      if (type === 6 /* Formula */) {
        try {
          formula = cell.formula;
        } catch {
          formula = undefined;
        }
      }
      tc.value = writableValue(v, formula);
      if (cell.style && Object.keys(cell.style).length > 0) tc.style = cell.style;
      const note = (cell as unknown as { note?: unknown }).note;
      if (note) tc.note = note as ExcelJS.Comment;
    });
  };
  // Only the rows kept are visited: a unit's copy costs its own rows, not the sheet's.
  if (keep) {
    for (const r of keep) {
      const row = src.findRow(r);
      if (row) copyRow(row, r);
    }
  } else src.eachRow({ includeEmpty: false }, copyRow);
  for (const m of keptMerges(mergesOf(src, () => worksheetMerges(src)), keep)) {
    try {
      target.mergeCells(m.top, m.left, m.bottom, m.right);
    } catch {
      // overlapping merges in a damaged file: keep the values, skip the merge
    }
  }
  const frozen = (src.views ?? []).find((v) => v && v.state === 'frozen');
  if (frozen) target.views = [{ ...frozen }];
}

function copyFromGrid(grid: Grid, target: ExcelJS.Worksheet, keep: RowFilter): void {
  const widths: number[] = [];
  const each = (i: number) => {
    const row = grid.cells[i];
    const r = i + 1;
    if (!row || row.length === 0) return;
    const tr = target.getRow(r);
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      tr.getCell(c + 1).value = writableValue(v);
      const len = typeof v === 'string' ? Math.min(60, [...v].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 2 : 1), 0)) : 10;
      if (!widths[c] || widths[c] < len) widths[c] = len;
    });
  };
  if (keep) for (const r of keep) each(r - 1);
  else for (let i = 0; i < grid.cells.length; i++) each(i);
  widths.forEach((w, c) => {
    if (w) target.getColumn(c + 1).width = Math.max(8, w + 2);
  });
  const oneBased = () => (grid.merges ?? []).map((m) => ({ top: m.top + 1, left: m.left + 1, bottom: m.bottom + 1, right: m.right + 1 }));
  for (const m of keptMerges(mergesOf(grid, oneBased), keep)) {
    try {
      target.mergeCells(m.top, m.left, m.bottom, m.right);
    } catch {
      // skip overlapping merges
    }
  }
}

/** Fill and note every flagged cell of one copied sheet, as the review model says. */
function flagCells(target: ExcelJS.Worksheet, findings: ReadonlyArray<Finding>): void {
  for (const n of cellNotes(findings)) {
    let tc: ExcelJS.Cell;
    try {
      tc = target.getCell(n.cell);
    } catch {
      continue;
    }
    if (n.fill) {
      const argb = `FF${n.fill}`;
      tc.style = { ...(tc.style ?? {}), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } } };
    }
    const prior = tc.note;
    const priorText = typeof prior === 'string' ? prior : prior && Array.isArray((prior as ExcelJS.Comment).texts) ? (prior as ExcelJS.Comment).texts!.map((t) => t.text).join('') : '';
    const text = priorText ? `${priorText}\n${n.text}` : n.text;
    // `box` rides along in the note model; the Node adapter sizes the VML box from it (src/cli/note-box.ts).
    tc.note = { texts: [{ text }], box: n.box } as unknown as ExcelJS.Comment;
  }
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
}

/** Every unit of the run (src/core/per-unit.ts): from the rows, then from findings that name a unit no row has. */
export function reportUnits(report: CheckReport): ReviewUnit[] {
  return partitionByUnit(report).units;
}

const solid = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });

/** Excel's paper size code for A4. */
const PAPER_A4 = 9;

/** Draw one sheet of the review model (src/core/review): values, links, fills, heights, print setup. */
export function drawReviewSheet(ws: ExcelJS.Worksheet, sheet: ReviewSheet): void {
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = sheet.heights[0];
  sheet.columns.forEach((_, i) => (header.getCell(i + 1).fill = solid(HEADER_RGB)));
  sheet.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 2);
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const col = sheet.columns[i];
      if (c.link && c.value !== null) {
        const text = String(c.value);
        cell.value = { formula: hyperlinkFormula(c.link.sheet, c.link.cell, text), result: text } as ExcelJS.CellFormulaValue;
        cell.font = { color: { argb: `FF${LINK_RGB}` }, underline: true };
      } else cell.value = c.value;
      if (c.bold) cell.font = { bold: true };
      if (c.fill) cell.fill = solid(c.fill);
      if (col.wrap || col.align) cell.alignment = { vertical: 'top', wrapText: col.wrap, horizontal: col.align };
      if (col.numFmt) cell.numFmt = col.numFmt;
    });
    row.height = sheet.heights[r + 1];
  });
  if (sheet.frozenRows) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }];
  if (sheet.autoFilter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length } };
  const p = sheet.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4 as unknown as ExcelJS.PageSetup['paperSize'],
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    printTitlesRow: `${p.titleRows.first}:${p.titleRows.last}`,
    horizontalCentered: p.centerHorizontally,
    margins: p.margins,
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: p.footer };
}

/** Build the review workbook (all units, or one unit with `opts.unit`). */
export function buildReviewWorkbook(report: CheckReport, sources: ReadonlyArray<ReviewSource>, opts: BuildOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  stampOutput(wb);
  wb.created = new Date();
  const unit = opts.unit;
  const part = unit ? partitionByUnit(report).byKey.get(unit.key) : undefined;
  const findings = unit ? part?.findings ?? [] : report.findings;
  const units = unit ? [unit] : reportUnits(report);
  const manyFiles = sources.length > 1;

  const printUnits = unitsPrintSheet(units, findings);
  const results = wb.addWorksheet(RESULTS_SHEET);
  const unitsWs = wb.addWorksheet(UNITS_SHEET);
  const printWs = wb.addWorksheet(printUnits.name);
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

  for (const src of sources) {
    const stem = fileBaseName(src.display).replace(/\.(xlsx|xlsm|csv)$/i, '');
    for (const grid of src.grids.sheets) {
      const k = `${src.display}\u0001${grid.name}`;
      let keep: RowFilter = null;
      if (unit) {
        const rows = part?.sheets.get(sheetKey(src.display, grid.name));
        if (!rows) continue;
        keep = rows;
      }
      const name = namer.name(grid.name, manyFiles ? stem : '');
      const target = wb.addWorksheet(name);
      const ws = src.workbook?.getWorksheet(grid.name);
      if (ws) copyFromWorksheet(ws, grid, target, keep);
      else copyFromGrid(grid, target, keep);
      flagCells(target, bySheet.get(k) ?? []);
      copied.set(k, name);
    }
  }

  const link = (f: Finding): { sheet: string; cell: string } | null => {
    if (!f.location.sheet) return null;
    const name = copied.get(`${f.location.file}\u0001${f.location.sheet}`);
    if (!name) return null;
    const cell = f.location.cell ?? (f.location.row !== undefined ? `A${f.location.row}` : 'A1');
    return { sheet: name, cell };
  };
  drawReviewSheet(results, resultsSheet(findings, { link, manyFiles }));
  drawReviewSheet(unitsWs, unitsSheet(units, findings));
  drawReviewSheet(printWs, printUnits);
  const typed = explanationRows(opts.explanations ?? [], findings, copied);
  if (typed.length > 0) writeExplanationsSheet(wb.addWorksheet(namer.name(EXPLANATIONS_SHEET)), typed);
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

function writeExplanationsSheet(ws: ExcelJS.Worksheet, rows: ReadonlyArray<string[]>): void {
  const widths = [30, 18, 24, 60];
  ws.columns = EXPLANATIONS_HEADER.map((h, i) => ({ header: h, width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = solid(HEADER_RGB);
  for (const r of rows) ws.addRow(r).getCell(4).alignment = { wrapText: true, vertical: 'top' };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** A file name for a unit's workbook: "101001 XX局.xlsx", valid and visible on Windows, macOS and Linux (src/io/file-name.ts). */
export { unitFileName };
