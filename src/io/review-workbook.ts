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
import { Finding, FindingUnit, ruleTitle, Severity, SEVERITY_ZH } from '../core/findings';
import type { Cell, Grid, WorkbookGrids } from '../core/grid';
import { isCellError } from '../core/grid';
import { findingUnitKey, partitionByUnit, sheetKey } from '../core/per-unit';
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

export const RESULTS_SHEET = '审核结果';
export const UNITS_SHEET = '单位汇总';
/** The explanations sheet (SPEC §4.3) the core reads on every check: 规则 | 单位 | 位置 | 说明. */
export const EXPLANATIONS_SHEET = '审核说明';
export const EXPLANATIONS_HEADER = ['规则', '单位', '位置', '说明'] as const;

export const FILL_ARGB: Record<Severity, string | null> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: null };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A unit as the per-unit output knows it. */
export interface ReviewUnit {
  key: string;
  code: string;
  name: string;
}

// ---- sheet names ---------------------------------------------------------------------------------

const MAX_SHEET_NAME = 31;

function sanitizeSheetName(s: string): string {
  let n = s.replace(/[[\]:*?/\\]/g, '_').replace(/[\u0000-\u001f]/g, ' ');
  n = n.replace(/^'+/, '_').replace(/'+$/, '_');
  return n.trim() === '' ? 'Sheet' : n;
}

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  // Do not split a surrogate pair.
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  return out.replace(/'+$/, '');
}

/** Picks unique (case-insensitive), valid, ≤31-character sheet names. */
export class SheetNamer {
  private readonly taken = new Set<string>();
  constructor(reserved: ReadonlyArray<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
    this.taken.add('history');
  }

  name(wanted: string, prefix = ''): string {
    const base = sanitizeSheetName(wanted);
    const pre = prefix ? sanitizeSheetName(prefix) : '';
    let candidate: string;
    if (pre) {
      const roomForPrefix = Math.max(4, MAX_SHEET_NAME - 1 - base.length);
      candidate = truncate(`${truncate(pre, roomForPrefix)}-${base}`, MAX_SHEET_NAME);
    } else {
      candidate = truncate(base, MAX_SHEET_NAME);
    }
    candidate = sanitizeSheetName(candidate);
    let n = 2;
    let result = candidate;
    while (this.taken.has(result.toLowerCase())) {
      const suffix = `(${n++})`;
      result = sanitizeSheetName(truncate(candidate, MAX_SHEET_NAME - suffix.length) + suffix);
    }
    this.taken.add(result.toLowerCase());
    return result;
  }
}

/** =HYPERLINK("#'sheet'!C12", "text"): double quotes doubled inside the string literals. */
export function hyperlinkFormula(sheet: string, cell: string, text: string): string {
  const target = `#${quoteSheet(sheet)}!${cell}`.replace(/"/g, '""');
  return `HYPERLINK("${target}","${text.replace(/"/g, '""')}")`;
}

// ---- findings helpers ----------------------------------------------------------------------------

function unitLabel(u: FindingUnit | undefined): string {
  if (!u) return '';
  return [u.code, u.name].filter(Boolean).join(' ');
}

/** The cell a finding points at, when it has one. */
function findingCell(f: Finding): string | null {
  if (!f.location.sheet) return null;
  if (f.location.cell) return f.location.cell;
  return null;
}

const WAN = 1_000_000;

const FIGURE_COLUMNS: ReadonlyArray<{ key: string; header: string }> = [
  { key: 'actualFen', header: '实际数（万元）' },
  { key: 'limitFen', header: '上限（万元）' },
  { key: 'expectedFen', header: '应为（万元）' },
  { key: 'priorFen', header: '上年数（万元）' },
  { key: 'excessFen', header: '超出（万元）' },
];
const FIGURE_KEYS = new Set(FIGURE_COLUMNS.map((c) => c.key));

const RATIO_LABELS: Record<string, string> = {
  share: '占比', minShare: '占比下限', maxShare: '占比上限', execRate: '执行率', minExecRate: '执行率下限', rate: '压减比例',
};

function otherFigures(fig: Record<string, number> | undefined): string {
  if (!fig) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fig)) {
    if (FIGURE_KEYS.has(k) || typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (k.endsWith('Fen')) parts.push(`${k.slice(0, -3)} ${(v / WAN).toFixed(2)} 万元`);
    else if (RATIO_LABELS[k]) parts.push(`${RATIO_LABELS[k]} ${(v * 100).toFixed(1)}%`);
    else if (k === 'score' || k === 'minPerfScore') parts.push(`${k === 'score' ? '绩效得分' : '得分下限'} ${v}`);
    else parts.push(`${k} ${v}`);
  }
  return parts.join('；');
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

/** Fill and note every flagged cell of one copied sheet. */
function flagCells(target: ExcelJS.Worksheet, findings: ReadonlyArray<Finding>): void {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const cell = findingCell(f);
    if (!cell) continue;
    const list = byCell.get(cell);
    if (list) list.push(f);
    else byCell.set(cell, [f]);
  }
  for (const [addr, list] of byCell) {
    let tc: ExcelJS.Cell;
    try {
      tc = target.getCell(addr);
    } catch {
      continue;
    }
    let worst: Severity = 'info';
    for (const f of list) if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
    const argb = FILL_ARGB[worst];
    if (argb) {
      tc.style = { ...(tc.style ?? {}), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } } };
    }
    const text = list.map((f) => `【${SEVERITY_ZH[f.severity]}】${f.message}`).join('\n');
    const prior = tc.note;
    const priorText = typeof prior === 'string' ? prior : prior && Array.isArray((prior as ExcelJS.Comment).texts) ? (prior as ExcelJS.Comment).texts!.map((t) => t.text).join('') : '';
    tc.note = priorText ? `${priorText}\n${text}` : text;
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

function writeResultsSheet(ws: ExcelJS.Worksheet, findings: ReadonlyArray<Finding>, link: (f: Finding) => { sheet: string; cell: string } | null, manyFiles: boolean): void {
  const headers = ['序号', '级别', '规则', '规则名称', '单位', '位置', '说明', ...FIGURE_COLUMNS.map((c) => c.header), '其他指标', '已说明', '说明内容'];
  const widths = [6, 6, 30, 20, 22, 24, 70, 13, 13, 13, 13, 13, 28, 8, 30];
  ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  const locCol = 6;
  findings.forEach((f, i) => {
    const loc = f.location;
    const where = loc.sheet ? `${loc.sheet}!${loc.cell ?? (loc.row !== undefined ? `第${loc.row}行` : '')}` : '（整个文件）';
    const text = manyFiles || !loc.sheet ? `${loc.file} ${where}` : where;
    const figs: Record<string, number | undefined> = f.figures ?? {};
    const row = ws.addRow([
      i + 1,
      SEVERITY_ZH[f.severity],
      f.rule,
      ruleTitle(f.rule),
      unitLabel(f.unit),
      text,
      f.message,
      ...FIGURE_COLUMNS.map((c) => (typeof figs[c.key] === 'number' ? (figs[c.key] as number) / WAN : null)),
      otherFigures(f.figures),
      f.explained ? '是' : '否',
      f.explanation ?? '',
    ]);
    const target = link(f);
    if (target) {
      const cell = row.getCell(locCol);
      cell.value = { formula: hyperlinkFormula(target.sheet, target.cell, text), result: text } as ExcelJS.CellFormulaValue;
      cell.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    const fill = FILL_ARGB[f.severity];
    if (fill) row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    row.getCell(7).alignment = { wrapText: true, vertical: 'top' };
  });
  for (let c = 8; c < 8 + FIGURE_COLUMNS.length; c++) ws.getColumn(c).numFmt = '#,##0.00';
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.length + 1), column: headers.length } };
}

function writeUnitsSheet(ws: ExcelJS.Worksheet, units: ReadonlyArray<ReviewUnit>, findings: ReadonlyArray<Finding>): void {
  ws.columns = [
    { header: '单位编码', width: 14 }, { header: '单位名称', width: 30 }, { header: '错误', width: 8 },
    { header: '警告', width: 8 }, { header: '提示', width: 8 }, { header: '已说明', width: 8 }, { header: '合计', width: 8 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  const counts = units.map(() => ({ error: 0, warning: 0, info: 0, explained: 0 }));
  const index = new Map(units.map((u, i) => [u.key, i]));
  const none = { error: 0, warning: 0, info: 0, explained: 0 };
  const total = { error: 0, warning: 0, info: 0, explained: 0 };
  for (const f of findings) {
    const i = index.get(findingUnitKey(f.unit)) ?? -1;
    const c = i >= 0 ? counts[i] : none;
    c[f.severity]++;
    total[f.severity]++;
    if (f.explained) {
      c.explained++;
      total.explained++;
    }
  }
  units.forEach((u, i) => {
    const c = counts[i];
    ws.addRow([u.code || null, u.name, c.error, c.warning, c.info, c.explained, c.error + c.warning + c.info]);
  });
  if (none.error + none.warning + none.info > 0) {
    ws.addRow([null, '（未归属单位，如整个文件的问题）', none.error, none.warning, none.info, none.explained, none.error + none.warning + none.info]);
  }
  const t = ws.addRow([null, '合计', total.error, total.warning, total.info, total.explained, total.error + total.warning + total.info]);
  t.font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
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

  const results = wb.addWorksheet(RESULTS_SHEET);
  const unitsWs = wb.addWorksheet(UNITS_SHEET);
  const namer = new SheetNamer([RESULTS_SHEET, UNITS_SHEET]);
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
  writeResultsSheet(results, findings, link, manyFiles);
  writeUnitsSheet(unitsWs, units, findings);
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
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  for (const r of rows) ws.addRow(r).getCell(4).alignment = { wrapText: true, vertical: 'top' };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** A file name for a unit's workbook: "101001 XX局.xlsx", valid and visible on Windows, macOS and Linux (src/io/file-name.ts). */
export { unitFileName };
