/**
 * Finding the header of a budget detail sheet: the row (or two rows, with merged parent captions)
 * below any title lines, and what each column holds. Columns may come in any order; extra columns are
 * ignored.
 */
import { Cell, Grid, cellText } from '../../../../src/core/grid';
import type { Field } from '../lines';
import { normalizeText, stripUnitSuffix, unitFromLine, yearFromText } from '../text';
import { headerField, isBreakdownLabel, kindHeader, KindColumn, splitCodeHeader, subtotalKind, wideFundHeader } from './fields';
import { DATA_TEXT } from '../../../../src/core/reader/header';

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
  const merges = grid.merges ?? [];
  if (merges.length === 0) {
    return (r, c) => {
      const row = grid.cells[r];
      const v = row ? row[c] : undefined;
      return v === undefined ? null : v;
    };
  }
  const filled = new Map<number, Cell>();
  for (const m of merges) {
    const v = grid.cells[m.top]?.[m.left] ?? null;
    if (v === null) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) filled.set(r * 16384 + c, v);
  }
  return (r, c) => {
    const row = grid.cells[r];
    const v = row ? row[c] : undefined;
    if (v !== undefined && v !== null && v !== '') return v;
    return filled.get(r * 16384 + c) ?? (v === undefined ? null : v);
  };
}

interface ColumnClass {
  field?: Field;
  fund?: string;
  priorFund?: string;
  kind?: KindColumn;
  unit: 'yuan' | 'wan' | null;
  /** Header text mentions 编码/代码 (decides code vs name when two columns claim a code field). */
  isCode: boolean;
}

function classifySingle(text: string): ColumnClass {
  const n = normalizeText(text);
  const isCode = /编码|代码/.test(n);
  const split = splitCodeHeader(text);
  if (split) return { field: split, unit: null, isCode: true };
  const hf = headerField(text);
  if (hf.field) return { field: hf.field, unit: hf.amountUnit, isCode };
  const prior = /^上年(.+)$/.exec(n);
  if (prior) {
    const f = wideFundHeader(prior[1]);
    if (f) return { priorFund: f, unit: hf.amountUnit, isCode: false };
  }
  // "项目支出（万元）", "一般公共预算拨款（单位：万元）": the same unit suffixes as field headers.
  const stripped = stripUnitSuffix(text).text;
  const fund = wideFundHeader(stripped);
  if (fund) return { fund, unit: hf.amountUnit, isCode: false };
  const kind = kindHeader(stripped);
  if (kind) return { kind, unit: hf.amountUnit, isCode: false };
  return { unit: hf.amountUnit, isCode };
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
    if (/经济/.test(nTop)) return { field: split === 'functionClass' ? 'economicClass' : 'economicSection', unit: null, isCode: true };
    return { field: split, unit: null, isCode: true };
  }
  // "功能分类科目" over "编码 | 名称": the code column and its name column.
  if (parent.field && CODE_OR_NAME.test(normalizeText(bottom))) {
    const pair = CODE_FIELDS.find(([code, name]) => code === parent.field || name === parent.field);
    if (pair) return /名称/.test(bottom) ? { field: pair[1], unit: null, isCode: false } : { field: pair[0], unit: null, isCode: true };
  }
  if (parent.field === 'priorAmount' || /^上年/.test(nTop)) {
    if (child.fund) return { priorFund: child.fund, unit: child.unit ?? parent.unit, isCode: false };
    if (child.field === 'amount' || !child.field) return { field: 'priorAmount', unit: child.unit ?? parent.unit, isCode: false };
  }
  if (child.field || child.fund || child.kind || child.priorFund) return { ...child, unit: child.unit ?? parent.unit };
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
 * A row that looks like data (numbers, codes, amounts as text) cannot be a header row. A reading fix
 * made after the freeze (bracketed codes and text amounts are data), shared so both readers agree.
 */
function looksLikeData(get: CellGetter, r: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const v = get(r, c);
    if (typeof v === 'number' && v !== 0) return true;
    if (typeof v === 'string' && DATA_TEXT.test(v.normalize('NFKC'))) return true;
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
  for (let c = 0; c < width; c++) classes.push(top === bottom ? classifySingle(topTexts[c]) : classifyPair(topTexts[c], bottomTexts[c]));

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
    if (k.unit && !layout.amountUnit && (k.field === 'amount' || k.fund || k.kind)) layout.amountUnit = k.unit;
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
