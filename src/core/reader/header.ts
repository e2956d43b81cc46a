/**
 * Finding the header of a budget detail sheet: the row (or two rows, with merged parent captions)
 * below any title lines, and what each column holds. Columns may come in any order; extra columns are
 * ignored.
 */
import { Cell, Grid, cellText } from '../grid';
import type { Field } from '../lines';
import { normalizeText, stripUnitSuffix, unitFromLine, yearFromText } from '../text';
import { headerField, isBreakdownLabel, kindHeader, KindColumn, splitCodeHeader, subtotalKind, wideFundHeader } from './fields';

export interface FundColumn {
  col: number;
  fund: string;
}

export interface KindSplitColumn {
  col: number;
  kind: KindColumn;
}

export interface SheetLayout {
  /** 0-based grid rows of the header (top..bottom inclusive). */
  headerTop: number;
  headerBottom: number;
  /** 0-based grid column of each recognised field. */
  columns: Partial<Record<Field, number>>;
  /** Wide layout: amount columns headed by fund sources. */
  fundColumns: FundColumn[];
  /** Amount columns split by kind. */
  kindColumns: KindSplitColumn[];
  /** Per-source prior columns (上年一般公共预算拨款 …). */
  priorFundColumns: FundColumn[];
  /** Amount unit stated above the header or in an amount header suffix. */
  amountUnit: 'yuan' | 'wan' | null;
  title: string;
  year: number | null;
  /** Unit named by an "编制单位：…" line or the title, for sheets without a unit column. */
  sheetUnitName: string;
  /** Number of distinct recognised fields (a detail sheet has at least two). */
  score: number;
}

/** Cell accessor that sees merged areas as filled (only cells inside merges are looked up). */
export type CellGetter = (r: number, c: number) => Cell;

export function makeGetter(grid: Grid): CellGetter {
  const cells = grid.cells;
  const merges = grid.merges ?? [];
  if (merges.length === 0) {
    return (r, c) => {
      const row = cells[r];
      const v = row ? row[c] : undefined;
      return v === undefined ? null : v;
    };
  }
  // Per column, the value a merged area shows in each of its rows (undefined outside merges): one
  // array read per empty cell instead of a hashed lookup, on sheets of a million rows.
  const byCol: (Cell[] | undefined)[] = [];
  const height: number[] = [];
  for (const m of merges) for (let c = m.left; c <= m.right; c++) height[c] = Math.max(height[c] ?? 0, m.bottom + 1);
  for (const m of merges) {
    const v = cells[m.top]?.[m.left] ?? null;
    if (v === null) continue;
    for (let c = m.left; c <= m.right; c++) {
      let col = byCol[c];
      if (col === undefined) {
        // Filled by push so that V8 keeps a dense array even for a million rows.
        col = byCol[c] = [];
        for (let r = 0; r < height[c]; r++) col.push(undefined as unknown as Cell);
      }
      for (let r = m.top; r <= m.bottom; r++) col[r] = v;
    }
  }
  return (r, c) => {
    const row = cells[r];
    const v = row ? row[c] : undefined;
    if (v !== undefined && v !== null && v !== '') return v;
    const col = byCol[c];
    const f = col === undefined ? undefined : col[r];
    return f !== undefined ? f : v === undefined ? null : v;
  };
}

interface ColumnClass {
  field?: Field;
  fund?: string;
  priorFund?: string;
  kind?: KindColumn;
  amountUnit: 'yuan' | 'wan' | null;
  /** Header text mentions 编码/代码 (decides code vs name when two columns claim a code field). */
  isCode: boolean;
}

/**
 * A caption's leading year: "2025年预算数" → 2025 and "预算数"; "2024年度" → 2024 and "". Real sheets
 * head their amount columns by year instead of 本年/上年; findHeader decides which year is current.
 */
export function captionYear(text: string): { year: number | null; rest: string } {
  const t = text.normalize('NFKC');
  const m = /^\s*((?:19|20)\d{2})\s*年度?\s*/.exec(t);
  return m ? { year: Number(m[1]), rest: t.slice(m[0].length) } : { year: null, rest: text };
}

function classifySingle(raw: string): ColumnClass {
  const text = captionYear(raw).rest;
  const n = normalizeText(text);
  const isCode = /编码|代码/.test(n);
  const split = splitCodeHeader(text);
  if (split) return { field: split, amountUnit: null, isCode: true };
  const hf = headerField(text);
  if (hf.field) return { field: hf.field, amountUnit: hf.amountUnit, isCode };
  const prior = /^上年(.+)$/.exec(n);
  if (prior) {
    const f = wideFundHeader(prior[1]);
    if (f) return { priorFund: f, amountUnit: hf.amountUnit, isCode: false };
  }
  // "项目支出（万元）", "一般公共预算拨款（单位：万元）": the same unit suffixes as field headers.
  const stripped = stripUnitSuffix(text).text;
  const fund = wideFundHeader(stripped);
  if (fund) return { fund, amountUnit: hf.amountUnit, isCode: false };
  const kind = kindHeader(stripped);
  if (kind) return { kind, amountUnit: hf.amountUnit, isCode: false };
  return { amountUnit: hf.amountUnit, isCode };
}

/** Classify a column from its parent caption (top) and its own caption (bottom). */
function classifyPair(top: string, bottom: string): ColumnClass {
  if (!bottom || normalizeText(top) === normalizeText(bottom)) return classifySingle(top);
  if (!top) return classifySingle(bottom);
  const parent = classifySingle(top);
  const child = classifySingle(bottom);
  const nTop = normalizeText(top);
  const split = splitCodeHeader(bottom);
  if (split) {
    if (/经济/.test(nTop)) return { field: split === 'functionClass' ? 'economicClass' : 'economicSection', amountUnit: null, isCode: true };
    return { field: split, amountUnit: null, isCode: true };
  }
  // "功能分类科目" over "编码 | 名称": the code column and its name column.
  if (parent.field && CODE_OR_NAME.test(normalizeText(bottom))) {
    const pair = CODE_FIELDS.find(([code, name]) => code === parent.field || name === parent.field);
    if (pair) return /名称/.test(bottom) ? { field: pair[1], amountUnit: null, isCode: false } : { field: pair[0], amountUnit: null, isCode: true };
  }
  if (parent.field === 'priorAmount' || /^上年/.test(nTop)) {
    if (child.fund) return { priorFund: child.fund, amountUnit: child.amountUnit ?? parent.amountUnit, isCode: false };
    if (child.field === 'amount' || !child.field) return { field: 'priorAmount', amountUnit: child.amountUnit ?? parent.amountUnit, isCode: false };
  }
  if (child.field || child.fund || child.kind || child.priorFund) return { ...child, amountUnit: child.amountUnit ?? parent.amountUnit };
  return parent;
}

function rowTexts(get: CellGetter, r: number, width: number): string[] {
  const out: string[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const v = get(r, c);
    out[c] = typeof v === 'string' ? v.trim() : v === null ? '' : typeof v === 'number' ? '' : cellText(v);
  }
  return out;
}

function scoreOf(classes: ColumnClass[]): number {
  const fields = new Set<string>();
  let wide = false;
  for (const k of classes) {
    if (k.field) fields.add(k.field);
    if (k.fund || k.kind) wide = true;
  }
  return fields.size + (wide ? 1 : 0);
}

/**
 * Codes at the start of a cell, bare or bracketed ("2050101", "[2050101]行政运行", "【30101】"), and
 * amounts stored as text ("87.902713", "1,234.00", "−5"): neither is ever a sub-caption.
 */
export const DATA_TEXT = /^\s*(?:[[【(（〔]\s*)?\d{3,}|^\s*[-−－]?\s*[\d,，]*[1-9][\d,，]*(?:[.．]\d+)?\s*$|^\s*[-−－]?\s*0?[.．]\d*[1-9]\d*\s*$/;

/** A row that looks like data (numbers, codes, amounts as text) cannot be a header row. */
function looksLikeData(get: CellGetter, r: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const v = get(r, c);
    if (typeof v === 'number' && v !== 0) return true;
    if (typeof v === 'string') {
      const t = v.normalize('NFKC');
      // "2025年", "2024年预算数": a year sub-caption, never a code (codes have 3, 5 or 7 digits).
      if (DATA_TEXT.test(t) && captionYear(t).year === null) return true;
    }
  }
  return false;
}

/** Captions of columns that hold labels and codes, where a 合计/小计 row writes its label. */
const LABEL_FIELDS: ReadonlySet<Field> = new Set<Field>([
  'unitCode', 'unitName', 'unitKind', 'projectCode', 'projectName', 'kind', 'functionCode', 'functionName',
  'functionClass', 'functionSection', 'functionItem', 'economicCode', 'economicName', 'economicClass', 'economicSection', 'govEconomicCode',
]);

/**
 * A 合计/小计/其中 row right under the header (SPEC §2.1: a 合计 may stand at the top) is data, not
 * sub-captions, even when its amounts are text, zero or uncached formulas: its label stands under a
 * label or code caption ("单位名称", "经济分类科目", "序号"), where no sub-caption reads 合计.
 */
function isSubtotalRow(below: ReadonlyArray<string>, captions: ReadonlyArray<string>): boolean {
  return below.some((t, c) => {
    if (!t || !(subtotalKind(t) || isBreakdownLabel(t))) return false;
    const caption = captions[c] ?? '';
    const k = classifySingle(caption);
    return (k.field !== undefined && LABEL_FIELDS.has(k.field)) || /^(序号|行次|栏次)$/.test(normalizeText(caption));
  });
}

const SCAN_ROWS = 40;
const CODE_OR_NAME = /^(编码|代码|编号|名称)$/;

/** Find the header; null when no row has at least two recognised fields. */
export function findHeader(grid: Grid, get: CellGetter = makeGetter(grid)): SheetLayout | null {
  const rows = Math.min(grid.cells.length, SCAN_ROWS);
  let width = 0;
  for (let r = 0; r < rows; r++) width = Math.max(width, grid.cells[r]?.length ?? 0);
  let best = -1;
  let bestScore = 1;
  const texts: string[][] = [];
  for (let r = 0; r < rows; r++) {
    texts[r] = rowTexts(get, r, width);
    const s = scoreOf(texts[r].map(classifySingle));
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
  }
  if (best < 0) return null;

  // Two-row headers: a caption row above with merged parents, or sub-captions below.
  let top = best;
  let bottom = best;
  const subCaption = (t: string) => {
    const y = captionYear(t);
    if (y.year !== null && y.rest.trim() === '') return true; // "2025年" under "预算数"
    const k = classifySingle(t);
    return !!(k.field || k.fund || k.kind || k.priorFund) || CODE_OR_NAME.test(normalizeText(t));
  };
  if (best + 1 < grid.cells.length && !looksLikeData(get, best + 1, width)) {
    const below = texts[best + 1] ?? rowTexts(get, best + 1, width);
    // A lone 合计/小计 is a subtotal row's label, never a sub-caption row by itself (sub-captions come
    // in groups: 合计 | 一般公共预算拨款 …, 编码 | 名称, 类 | 款 | 项).
    const captions = below.some((t, c) => t && t !== texts[best][c] && subCaption(t) && !subtotalKind(t));
    if (captions && !isSubtotalRow(below, texts[best])) bottom = best + 1;
  }
  if (bottom === best && best > 0) {
    const above = texts[best - 1];
    const spans = (grid.merges ?? []).some((m) => m.top === best - 1 && m.bottom === best - 1 && m.right > m.left);
    if (spans && above.some((t, c) => t && t !== texts[best][c])) top = best - 1;
  }
  const topTexts = texts[top];
  const bottomTexts = bottom < rows ? texts[bottom] : rowTexts(get, bottom, width);
  const classes: ColumnClass[] = [];
  for (let c = 0; c < width; c++) classes.push(top === bottom ? classifySingle(topTexts[c]) : classifyPair(topTexts[c], captionYear(bottomTexts[c]).rest));
  yearColumns(classes, topTexts, top === bottom ? topTexts : bottomTexts, titleYear(get, top, width));

  const layout: SheetLayout = {
    headerTop: top,
    headerBottom: bottom,
    columns: {},
    fundColumns: [],
    kindColumns: [],
    priorFundColumns: [],
    amountUnit: null,
    title: '',
    year: null,
    sheetUnitName: '',
    score: scoreOf(classes),
  };
  const codeOwner: Partial<Record<Field, boolean>> = {};
  for (let c = 0; c < width; c++) {
    const k = classes[c];
    if (k.amountUnit && !layout.amountUnit && (k.field === 'amount' || k.fund || k.kind)) layout.amountUnit = k.amountUnit;
    if (k.fund) layout.fundColumns.push({ col: c, fund: k.fund });
    else if (k.priorFund) layout.priorFundColumns.push({ col: c, fund: k.priorFund });
    else if (k.kind) layout.kindColumns.push({ col: c, kind: k.kind });
    else if (k.field) assignField(layout, codeOwner, k, c);
  }

  // Title lines, unit line and year above the header.
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < width; c++) {
      const v = get(r, c);
      if (typeof v !== 'string' || !v.trim()) continue;
      const t = v.trim();
      const u = unitFromLine(t);
      if (u && !layout.amountUnit) layout.amountUnit = u;
      const org = /编制(?:单位|部门)[:：]\s*([^\s　]+)/.exec(t);
      if (org && !layout.sheetUnitName) layout.sheetUnitName = org[1];
      if (!layout.title && !u && !org && t.length >= 4) layout.title = t;
      if (!layout.year) layout.year = yearFromText(t);
    }
  }
  if (!layout.sheetUnitName && layout.title && layout.year) {
    const m = /^(.+?)(?:20\d{2})\s*年/.exec(layout.title.normalize('NFKC'));
    if (m && m[1].length >= 2 && !/预算|决算/.test(m[1])) layout.sheetUnitName = m[1].trim();
  }
  return layout;
}

/** The year written in the title lines above the header, if any. */
function titleYear(get: CellGetter, top: number, width: number): number | null {
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < width; c++) {
      const v = get(r, c);
      const y = typeof v === 'string' ? yearFromText(v) : null;
      if (y !== null) return y;
    }
  }
  return null;
}

/**
 * Columns headed by a year ("2025年预算数 | 2024年预算数", or "预算数" over "2025年 | 2024年"): the
 * current year's stay amounts; an earlier year's amount becomes 上年预算数, its fund columns 上年 fund
 * columns and its 执行数/决算数 上年执行数. The current year is the title's, else the latest written.
 */
function yearColumns(classes: ColumnClass[], topTexts: readonly string[], bottomTexts: readonly string[], title: number | null): void {
  const years = classes.map((_, c) => {
    const b = captionYear(bottomTexts[c] ?? '');
    const t = captionYear(topTexts[c] ?? '');
    return b.year !== null ? b : t.year !== null ? { year: t.year, rest: b.rest || t.rest } : null;
  });
  let current = title;
  if (current === null) {
    const written = new Set<number>();
    let unyeared = false;
    for (let c = 0; c < classes.length; c++) {
      const k = classes[c];
      if (!(k.field === 'amount' || k.fund || k.kind)) continue;
      const y = years[c];
      if (y) written.add(y.year!);
      else unyeared = true;
    }
    if (written.size === 0) return;
    current = Math.max(...written);
    // "合计 | 人员经费 … | 2024年预算数": this year's columns carry no year, so the one year written is
    // the prior's.
    if (unyeared && written.size === 1) current += 1;
  }
  for (let c = 0; c < classes.length; c++) {
    const y = years[c];
    if (!y || y.year! >= current) continue;
    const k = classes[c];
    if (k.field === 'amount') classes[c] = { field: 'priorAmount', amountUnit: k.amountUnit, isCode: false };
    else if (k.fund) classes[c] = { priorFund: k.fund, amountUnit: k.amountUnit, isCode: false };
    // An earlier year split by kind has no prior-year reading: never read it as this year's.
    else if (k.kind) classes[c] = { amountUnit: k.amountUnit, isCode: false };
    // An earlier year's 执行数/决算数 reads as the 上年执行数 it is.
    else if (!k.field && headerField('上年' + y.rest).field === 'priorActual') classes[c] = { field: 'priorActual', amountUnit: k.amountUnit, isCode: false };
  }
}

const CODE_FIELDS: ReadonlyArray<[Field, Field]> = [
  ['functionCode', 'functionName'],
  ['economicCode', 'economicName'],
  ['unitCode', 'unitName'],
  ['projectCode', 'projectName'],
];

function assignField(layout: SheetLayout, codeOwner: Partial<Record<Field, boolean>>, k: ColumnClass, c: number): void {
  const f = k.field as Field;
  const cols = layout.columns;
  if (cols[f] === undefined) {
    cols[f] = c;
    codeOwner[f] = k.isCode;
    return;
  }
  // Two columns claim a code field: the 编码 column is the code, the other the name (SPEC §7 Headers).
  const pair = CODE_FIELDS.find(([code]) => code === f);
  if (pair && cols[pair[1]] === undefined) {
    if (k.isCode && !codeOwner[f]) {
      cols[pair[1]] = cols[f];
      cols[f] = c;
      codeOwner[f] = true;
    } else {
      cols[pair[1]] = c;
    }
  }
}
