/**
 * The review model of SPEC §4.2: the 审核结果 and 单位汇总 sheets as plain rows (values, links,
 * fills, row heights), their columns, the notes of flagged cells, and the print setup. The exceljs
 * writer (src/io/review-workbook.ts, CLI and offline page) and the pane (src/excel/results.ts) only
 * draw this, so every door gives the same columns, words and colours (issue 12 part 4).
 *
 * Made to be worked and printed (issue 14 part 1): Chinese columns first, the rule ID last; sorted by
 * severity, then unit, then location; A4 landscape, one page wide, header repeated, footer with the
 * file name and page number; row heights from the wrapped text.
 */
import { fenString } from '../figures/ratio';
import { groupThousands } from '../money';
import type { Finding, FindingUnit, Severity } from '../findings';
import { ruleTitle, SEVERITY_ZH } from '../findings';
import { figureKey } from '../rules/catalogue';
import { findingUnitKey } from '../per-unit';
import { rowHeightFor, textWidth, wrappedLines } from './text-size';

export const RESULTS_SHEET = '审核结果';
export const UNITS_SHEET = '单位汇总';
export const UNITS_PRINT_SHEET = '单位汇总（打印版）';

/** Flag fills as RRGGBB (exceljs writes FF+RRGGBB, the pane #RRGGBB). Info findings are not filled. */
export const FLAG_RGB: Record<Severity, string | null> = { error: 'FFC7CE', warning: 'FFEB9C', info: null };
export const HEADER_RGB = 'D9E1F2';
export const LINK_RGB = '0563C1';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type ReviewValue = string | number | null;

export interface ReviewCell {
  value: ReviewValue;
  /** A link to a cell of the workbook (drawn as =HYPERLINK("#'sheet'!A1", value)). */
  link?: { sheet: string; cell: string };
  /** RRGGBB fill. */
  fill?: string;
  bold?: boolean;
}

export interface ReviewColumn {
  header: string;
  /** Excel column-width units (the width of "0"). */
  width: number;
  wrap: boolean;
  align?: 'center' | 'right';
  numFmt?: string;
}

export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Pages wide and tall to fit to (0: as many as needed). */
  fitToWidth: number;
  fitToHeight: number;
  /** Rows repeated at the top of every page (1-based, inclusive). */
  titleRows: { first: number; last: number };
  /** The footer in Excel's header/footer codes: the file name and 第 N 页. */
  footer: string;
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
}

export interface ReviewSheet {
  name: string;
  columns: ReviewColumn[];
  /** Data rows (the header row is `columns`). */
  rows: ReviewCell[][];
  /** Heights in points: [0] the header, then one per data row. */
  heights: number[];
  frozenRows: number;
  autoFilter: boolean;
  print: PrintSetup;
}

/** Footer: the file name on the left, 第 N 页 on the right (&F and &P are Excel's codes). */
export const FOOTER = '&L&F&R第 &P 页';

export function printSetup(fitToHeight = 0, orientation: PrintSetup['orientation'] = 'landscape'): PrintSetup {
  return {
    paper: 'A4', orientation, fitToWidth: 1, fitToHeight, titleRows: { first: 1, last: 1 }, footer: FOOTER,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 }, centerHorizontally: true,
  };
}

// ---- figures -------------------------------------------------------------------------------------

const FEN_PER_WAN = 1_000_000n;

function withThousands(v: number): string {
  const [i, d] = String(v).split('.');
  const int = groupThousands(i);
  return d === undefined ? int : `${int}.${d}`;
}

/**
 * "实际数 1,564.00 万元；占比 19.2%": every figure with its catalogue label (rules/catalogue.ts
 * FIGURE_KEYS) and thousands separators.
 */
export function figuresText(fig: Readonly<Record<string, number | undefined>> | undefined): string {
  if (!fig) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fig)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const { label, kind } = figureKey(k);
    if (kind === 'fen') parts.push(Number.isInteger(v) ? `${label} ${fenString(v, FEN_PER_WAN, 2)} 万元` : `${label} ${withThousands(v / 1_000_000)} 万元`);
    else if (kind === 'ratio') parts.push(`${label} ${(v * 100).toFixed(1)}%`);
    else parts.push(`${label} ${withThousands(v)}`);
  }
  return parts.join('；');
}

// ---- 审核结果 --------------------------------------------------------------------------------------

export function unitText(u: FindingUnit | undefined): string {
  if (!u) return '';
  return [u.code, u.name].filter(Boolean).join(' ');
}

/** Column letters to a number for sorting locations ("AB12" → 28, 12). */
function cellOrder(cell: string | undefined): [number, number] {
  const m = /^([A-Z]+)(\d+)/.exec(cell ?? '');
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Severity (错误, 警告, 提示), then unit (findings without a unit last), then file, sheet, row, column. */
export function compareFindings(a: Finding, b: Finding): number {
  const s = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (s) return s;
  const ua = unitText(a.unit);
  const ub = unitText(b.unit);
  if ((ua === '') !== (ub === '')) return ua === '' ? 1 : -1;
  const u = cmp(ua, ub);
  if (u) return u;
  const f = cmp(a.location.file, b.location.file);
  if (f) return f;
  const sh = cmp(a.location.sheet ?? '', b.location.sheet ?? '');
  if (sh) return sh;
  const [ra, ca] = cellOrder(a.location.cell);
  const [rb, cb] = cellOrder(b.location.cell);
  const rowA = a.location.row ?? ra;
  const rowB = b.location.row ?? rb;
  return rowA - rowB || ca - cb;
}

export function sortFindings(findings: ReadonlyArray<Finding>): Finding[] {
  // A stable sort: equal findings keep the check's order.
  return findings.map((f, i) => ({ f, i })).sort((x, y) => compareFindings(x.f, y.f) || x.i - y.i).map((x) => x.f);
}

export const RESULTS_COLUMNS: ReadonlyArray<ReviewColumn> = [
  { header: '序号', width: 6, wrap: false, align: 'center' },
  { header: '级别', width: 6, wrap: false, align: 'center' },
  { header: '单位', width: 18, wrap: true },
  { header: '位置', width: 22, wrap: true },
  { header: '说明', width: 50, wrap: true },
  { header: '规则名称', width: 16, wrap: true },
  { header: '数据', width: 28, wrap: true },
  { header: '已说明', width: 7, wrap: false, align: 'center' },
  { header: '说明内容', width: 20, wrap: true },
  { header: '规则编号', width: 22, wrap: true },
];
/** The 位置 column (0-based), which holds the link. */
export const LOCATION_COL = 3;

/** The text of a finding's location: "明细!C4", "明细!第3行", or the file for a whole-file finding. */
export function locationText(f: Finding, manyFiles: boolean): string {
  const loc = f.location;
  const where = loc.sheet ? `${loc.sheet}!${loc.cell ?? (loc.row !== undefined ? `第${loc.row}行` : '')}` : '（整个文件）';
  return manyFiles || !loc.sheet ? `${loc.file} ${where}` : where;
}

/** The cell a finding's link points at (in the sheet named as `sheetName` maps it). */
export type LinkTarget = (f: Finding) => { sheet: string; cell: string } | null;

/**
 * The cell a finding is flagged at and linked to: its own cell, else column A of its row (a finding
 * of a whole row, e.g. a header row missing a column); undefined for a finding of a whole sheet.
 */
export function flagCell(f: Finding): string | undefined {
  return f.location.cell ?? (f.location.row !== undefined ? `A${f.location.row}` : undefined);
}

/** Default link: the finding's own sheet, at its flagged cell (A1 for a finding of the whole sheet). */
export const linkToSource: LinkTarget = (f) => (f.location.sheet ? { sheet: f.location.sheet, cell: flagCell(f) ?? 'A1' } : null);

function heightOf(columns: ReadonlyArray<ReviewColumn>, cells: ReadonlyArray<ReviewCell>): number {
  let lines = 1;
  cells.forEach((c, i) => {
    const col = columns[i];
    if (!col || c.value === null || c.value === '') return;
    const text = String(c.value);
    const n = col.wrap ? wrappedLines(text, col.width) : text.split('\n').length;
    if (n > lines) lines = n;
  });
  return rowHeightFor(lines);
}

export interface ResultsOptions {
  /** Where each finding's location links to (none: the finding's own sheet). */
  link?: LinkTarget;
  /** Several input files: locations name the file. */
  manyFiles?: boolean;
  name?: string;
}

export function resultsSheet(findings: ReadonlyArray<Finding>, opts: ResultsOptions = {}): ReviewSheet {
  const link = opts.link ?? linkToSource;
  const columns = RESULTS_COLUMNS.slice();
  const rows = sortFindings(findings).map((f, i): ReviewCell[] => {
    const target = link(f);
    const fill = FLAG_RGB[f.severity];
    return [
      { value: i + 1 },
      fill ? { value: SEVERITY_ZH[f.severity], fill } : { value: SEVERITY_ZH[f.severity] },
      { value: unitText(f.unit) },
      target ? { value: locationText(f, !!opts.manyFiles), link: target } : { value: locationText(f, !!opts.manyFiles) },
      { value: f.message },
      { value: ruleTitle(f.rule) },
      { value: figuresText(f.figures) },
      { value: f.explained ? '是' : '否' },
      { value: f.explanation ?? '' },
      { value: f.rule },
    ];
  });
  return {
    name: opts.name ?? RESULTS_SHEET, columns, rows, heights: [DEFAULT_HEADER_PT, ...rows.map((r) => heightOf(columns, r))],
    frozenRows: 1, autoFilter: true, print: printSetup(0),
  };
}

const DEFAULT_HEADER_PT = 20;

// ---- 单位汇总 --------------------------------------------------------------------------------------

/** A unit as the review model knows it (src/core/per-unit.ts). */
export interface ReviewUnit {
  key: string;
  code: string;
  name: string;
}

export const UNITS_COLUMNS: ReadonlyArray<ReviewColumn> = [
  { header: '单位编码', width: 14, wrap: false },
  { header: '单位名称', width: 30, wrap: true },
  { header: '错误', width: 8, wrap: false, align: 'right' },
  { header: '警告', width: 8, wrap: false, align: 'right' },
  { header: '提示', width: 8, wrap: false, align: 'right' },
  { header: '已说明', width: 8, wrap: false, align: 'right' },
  { header: '合计', width: 8, wrap: false, align: 'right' },
];

export const NO_UNIT_LABEL = '（未归属单位，如整个文件的问题）';

function unitsRows(units: ReadonlyArray<ReviewUnit>, findings: ReadonlyArray<Finding>): ReviewCell[][] {
  type Count = { error: number; warning: number; info: number; explained: number };
  const zero = (): Count => ({ error: 0, warning: 0, info: 0, explained: 0 });
  const counts = units.map(zero);
  const index = new Map(units.map((u, i) => [u.key, i]));
  const none = zero();
  const total = zero();
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
  const row = (code: string | null, name: string, c: Count, bold = false): ReviewCell[] => {
    const cells: ReviewCell[] = [{ value: code || null }, { value: name }, { value: c.error }, { value: c.warning }, { value: c.info }, { value: c.explained }, { value: c.error + c.warning + c.info }];
    if (c.error > 0) cells[2].fill = FLAG_RGB.error!;
    if (c.warning > 0) cells[3].fill = FLAG_RGB.warning!;
    if (bold) for (const x of cells) x.bold = true;
    return cells;
  };
  const rows = units.map((u, i) => row(u.code, u.name, counts[i]));
  if (none.error + none.warning + none.info > 0) rows.push(row(null, NO_UNIT_LABEL, none));
  rows.push(row(null, '合计', total, true));
  return rows;
}

export function unitsSheet(units: ReadonlyArray<ReviewUnit>, findings: ReadonlyArray<Finding>, name = UNITS_SHEET): ReviewSheet {
  const columns = UNITS_COLUMNS.slice();
  const rows = unitsRows(units, findings);
  return { name, columns, rows, heights: [DEFAULT_HEADER_PT, ...rows.map((r) => heightOf(columns, r))], frozenRows: 1, autoFilter: false, print: printSetup(0, 'portrait') };
}

/**
 * The 打印版 of 单位汇总: the same rows, fitted to one A4 page (a reviewer's one-sheet overview;
 * Excel and LibreOffice shrink the print to fit).
 */
export function unitsPrintSheet(units: ReadonlyArray<ReviewUnit>, findings: ReadonlyArray<Finding>): ReviewSheet {
  const s = unitsSheet(units, findings, UNITS_PRINT_SHEET);
  return { ...s, frozenRows: 0, print: printSetup(1, 'portrait') };
}

// ---- notes ---------------------------------------------------------------------------------------

/** One line of a flagged cell's note. */
export function noteLine(f: Finding): string {
  return `【${SEVERITY_ZH[f.severity]}】${ruleTitle(f.rule)}：${f.message}`;
}

export interface CellNote {
  cell: string;
  /** The worst severity of the cell's findings. */
  severity: Severity;
  /** RRGGBB fill, or null (only info findings). */
  fill: string | null;
  /** One finding per line. */
  text: string;
  /** A box sized to the text, in points. */
  box: { width: number; height: number };
}

/** Note box: lines of up to 40 units wide (about 20 CJK characters), 6 pt per unit, 15 pt per line. */
const NOTE_MAX_UNITS = 40;
export function noteBox(text: string): { width: number; height: number } {
  const widest = Math.max(...text.split('\n').map(textWidth));
  const units = Math.max(16, Math.min(NOTE_MAX_UNITS, widest));
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l) / units)), 0);
  return { width: Math.round(units * 6 + 14), height: Math.round(lines * 15 + 10) };
}

/** The note of every flagged cell of one sheet: one finding per line, the worst severity's fill. */
export function cellNotes(findings: ReadonlyArray<Finding>): CellNote[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const cell = f.location.sheet ? flagCell(f) : undefined;
    if (!cell) continue;
    const list = byCell.get(cell);
    if (list) list.push(f);
    else byCell.set(cell, [f]);
  }
  const out: CellNote[] = [];
  for (const [cell, list] of byCell) {
    let worst: Severity = 'info';
    for (const f of list) if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
    const lines: string[] = [];
    for (const f of sortFindings(list)) {
      const l = noteLine(f);
      if (!lines.includes(l)) lines.push(l);
    }
    const text = lines.join('\n');
    out.push({ cell, severity: worst, fill: FLAG_RGB[worst], text, box: noteBox(text) });
  }
  return out;
}
