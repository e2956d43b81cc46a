/**
 * One worksheet part (sheetN.xml) → Grid, fed chunk by chunk. Only the grid arrays are kept: each
 * <c> is turned into its value when it closes. Values follow exceljs's reading (src/io/read-xlsx.ts
 * over exceljs), so both readers give the same grid:
 * - shared strings, inline strings and rich text → string; t="b" → boolean; t="e" → { error };
 * - numbers → number, or Date when the cell's style has a date format (1900 or 1904 system); the
 *   number formats of numbers are kept as runs (Grid.numFmts) while the sheet may be a 绩效目标 sheet;
 * - formulas → their cached <v> (typed by t=), { error: '#NO_CACHE' } without one;
 * - merged areas keep only the top-left value (merges come after <sheetData>: cleared at the end);
 * - <sheetProtection sheet="1"> → protected.
 * Rows and columns come from the r= attributes, so sparse sheets stay sparse; a <c> without r=
 * follows the previous cell.
 */
import type { Cell, MergeRange, NumFmtRun } from '../../core/grid';
import { FormatRuns } from '../../core/number-format';
import { CLASSIFY_ROWS, performanceSheetKind } from '../../core/performance/read';
import { corrupt } from './errors';
import { WorkbookBudget } from './limits';
import { decodeExcelEscapes } from './shared-strings';
import { attrCursor, attrIs, decodeText, nextAttr, XmlHandler } from './xml';

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

// Cell types (the t= attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
/** t="d": an ISO 8601 date as text (issue 19 item 11); read as a date, never as the number of its year. */
const T_DATE = 6;

const NO_CACHE: Cell = Object.freeze({ error: '#NO_CACHE' }) as Cell;

export interface SheetContext {
  sharedStrings: ReadonlyArray<string | null>;
  dateStyles: ReadonlyArray<boolean>;
  /** For each cellXfs index, the format code a number is shown with, or null (styles.ts); none when absent. */
  formatStyles?: ReadonlyArray<string | null>;
  date1904: boolean;
  /** The workbook's budget (limits.ts), shared by all its sheets; a fresh default one when absent. */
  budget?: WorkbookBudget;
  /** The sheet's name, for the sentence of a refused file. */
  sheet?: string;
}

/** What a row costs the area budget by itself (its array object), in cells. */
const ROW_COST = 4;
/** What a merged range costs the area budget besides the cells it covers (its object), in cells. */
const MERGE_COST = 8;

export interface SheetResult {
  cells: Cell[][];
  merges: MergeRange[];
  protected: boolean;
  /** Rows marked <row hidden="1"> (filtered-out rows are written so too), 0-based, ascending. */
  hiddenRows: number[];
  /** Columns of a <col hidden="1">, 0-based, ascending, only up to the widest row read. */
  hiddenCols: number[];
  /** The sheet has an <autoFilter>: its hidden rows may be rows filtered out. */
  filtered: boolean;
  /** Number formats of numbers as runs (Grid.numFmts), unless the sheet is no 绩效目标 sheet by its first rows; the caller judges the whole grid. */
  numFmts?: NumFmtRun[];
}

/** exceljs utils.excelToDate. */
function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** exceljs's own entity decoder, which it runs again over t="str" values (a second decoding). */
function exceljsXmlDecode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([a-z]*);/g, (c, n: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' } as Record<string, string>)[n] ?? c);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * parseFloat of s[a, b) without making a string for the common case: at most 15 digits with an
 * optional sign and point. Dividing two exactly representable integers rounds once, correctly, so
 * the result is the double parseFloat gives.
 */
function parseNumber(s: string, a: number, b: number): number {
  let i = a;
  let neg = false;
  if (i < b && s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) {
      frac = 0;
    } else {
      return parseFloat(decodeText(s.slice(a, b)));
    }
  }
  if (digits === 0 || digits > 15) return parseFloat(decodeText(s.slice(a, b)));
  const v = frac > 0 ? mant / POW10[frac] : mant;
  return neg ? -v : v;
}

/** exceljs toCell for a number: non-finite numbers are #NUM!. */
function numberCell(n: number): Cell {
  return Number.isFinite(n) ? n : { error: '#NUM!' };
}

function dateCell(d: Date): Cell {
  return Number.isNaN(d.getTime()) ? { error: '#VALUE!' } : d;
}

/**
 * A t="d" cell: ISO 8601 text ("2025-03-01", "2025-03-01T00:00:00Z"). parseFloat would read the year
 * (2025 元); it is a date, which the core refuses in an amount column as DATA.BAD_AMOUNT.
 */
function isoDateCell(text: string): Cell {
  const t = text.trim();
  if (!/^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return { error: '#VALUE!' };
  return dateCell(new Date(/[T ]/.test(t) && !/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? `${t.replace(' ', 'T')}Z` : t));
}

/** "AB12" → 27 (0-based column 27); -1 when there are no letters. */
export function columnOf(s: string, a: number, b: number): number {
  let col = 0;
  let i = a;
  for (; i < b; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (col > MAX_COLS) return MAX_COLS;
  }
  return i === a ? -1 : col - 1;
}

/** "A1" / "$B$3" → 0-based { row, col }, or null. */
export function decodeRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const col = columnOf(m[1], 0, m[1].length);
  const row = parseInt(m[2], 10) - 1;
  return col >= 0 && row >= 0 ? { row, col } : null;
}

export function parseRange(ref: string): MergeRange | null {
  const [a, b = a] = ref.split(':');
  const p = decodeRef(a);
  const q = decodeRef(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export class SheetBuilder implements XmlHandler {
  private readonly rows: Cell[][] = [];
  private readonly merges: MergeRange[] = [];
  private readonly mergeKeys = new Set<string>();
  /** Rows written with a gap (holes where the empty cells go), filled in by finish(). */
  private readonly sparseRows = new Set<number>();
  private isProtected = false;
  private readonly hiddenRowSet: number[] = [];
  /** Hidden column spans [min, max], 0-based, as declared in <cols>. */
  private readonly hiddenColSpans: Array<[number, number]> = [];
  private hasAutoFilter = false;
  private readonly cur = attrCursor(0);
  /**
   * Number formats seen so far; dropped once the rows a 绩效目标 sheet is recognised by are read
   * and this is not one, so a million-row budget sheet keeps none. Null when the workbook has no
   * formatted style.
   */
  private formatRuns: FormatRuns | null = null;
  private formatStyles: ReadonlyArray<string | null> = [];
  private classified = false;

  private inSheetData = false;
  private rowIdx = -1;
  private row: Cell[] | null = null;
  private skipRow = false;

  // The <c> being read.
  private inCell = false;
  private col = -1;
  private type = T_NUMBER;
  private style = 0;
  private isFormula = false;
  private inF = false;
  /** Which text we collect: 0 none, 1 <v> or plain <t>, 2 <t> of a rich-text run. */
  private collect = 0;
  private inRun = false;
  private inPhonetic = false;
  private hasValue = false;
  // Value text: one piece kept as offsets (no copy), more pieces joined into valueText.
  private vs = '';
  private va = 0;
  private vb = 0;
  private valueText: string | null = null;
  private runs: string | null = null;
  private runText = '';

  private readonly budget: WorkbookBudget;
  private readonly sheetName: string;

  constructor(private readonly ctx: SheetContext) {
    this.budget = ctx.budget ?? new WorkbookBudget(null, 0);
    this.sheetName = ctx.sheet ?? '';
    if (ctx.formatStyles?.some((p) => p !== null)) {
      this.formatStyles = ctx.formatStyles;
      this.formatRuns = new FormatRuns();
    }
  }

  /** Rows opened so far (progress). */
  get rowsRead(): number {
    return this.rowIdx + 1;
  }

  open(s: string, name: string, a: number, b: number): void {
    if (this.inCell) {
      switch (name) {
        case 'v':
          if (!this.inRun && !this.inPhonetic) this.collect = 1;
          return;
        case 't':
          if (this.inPhonetic) return;
          if (this.inRun) {
            this.collect = 2;
            this.runText = '';
          } else this.collect = 1;
          return;
        case 'f': {
          this.inF = true;
          const cur = this.cur;
          cur.pos = a;
          while (nextAttr(s, b, cur)) if (attrIs(s, cur, 't') && cur.valueEnd > cur.valueStart) this.isFormula = true;
          return;
        }
        case 'r':
          this.inRun = true;
          if (this.runs === null) this.runs = '';
          return;
        case 'rPh':
          this.inPhonetic = true;
          return;
        default:
          return;
      }
    }
    if (name === 'c') {
      if (this.inSheetData && this.rowIdx >= 0) this.openCell(s, a, b);
    } else if (name === 'row') {
      if (this.inSheetData) this.openRow(s, a, b);
    } else if (name === 'sheetData') {
      this.inSheetData = true;
    } else if (name === 'mergeCell') {
      const cur = this.cur;
      cur.pos = a;
      while (nextAttr(s, b, cur)) {
        if (!attrIs(s, cur, 'ref')) continue;
        const ref = s.slice(cur.valueStart, cur.valueEnd);
        const m = parseRange(ref);
        const key = m ? `${m.top},${m.left},${m.bottom},${m.right}` : '';
        if (m && !this.mergeKeys.has(key)) {
          // The core fills merged areas in: their cells count as allocated, before any is.
          this.budget.addMerge((m.bottom - m.top + 1) * (m.right - m.left + 1) + MERGE_COST, this.sheetName, ref);
          this.mergeKeys.add(key);
          this.merges.push(m);
        }
      }
    } else if (name === 'col') {
      const cur = this.cur;
      cur.pos = a;
      let min = -1;
      let max = -1;
      let hidden = false;
      while (nextAttr(s, b, cur)) {
        const v = s.slice(cur.valueStart, cur.valueEnd).trim();
        if (attrIs(s, cur, 'min')) min = parseInt(v, 10) - 1;
        else if (attrIs(s, cur, 'max')) max = parseInt(v, 10) - 1;
        else if (attrIs(s, cur, 'hidden')) hidden = v === '1' || v === 'true';
      }
      if (hidden && min >= 0) this.hiddenColSpans.push([min, Math.min(Math.max(max, min), MAX_COLS - 1)]);
    } else if (name === 'autoFilter') {
      this.hasAutoFilter = true;
    } else if (name === 'sheetProtection') {
      const cur = this.cur;
      cur.pos = a;
      while (nextAttr(s, b, cur)) {
        if (!attrIs(s, cur, 'sheet')) continue;
        const v = s.slice(cur.valueStart, cur.valueEnd).trim();
        this.isProtected = v === '1' || v === 'true';
      }
    }
  }

  close(name: string): void {
    if (this.inCell) {
      switch (name) {
        case 'c':
          this.closeCell();
          return;
        case 'v':
        case 't':
          if (this.collect === 2) this.runs += decodeExcelEscapes(decodeText(this.runText));
          this.collect = 0;
          return;
        case 'f':
          this.inF = false;
          return;
        case 'r':
          this.inRun = false;
          return;
        case 'rPh':
          this.inPhonetic = false;
          return;
        default:
          return;
      }
    }
    if (name === 'row') this.row = null;
    else if (name === 'sheetData') this.inSheetData = false;
  }

  text(s: string, a: number, b: number): void {
    if (!this.inCell) return;
    if (this.inF) {
      if (b > a) this.isFormula = true; // any formula text, as exceljs tests `model.formula`
      return;
    }
    if (this.collect === 1) {
      if (!this.hasValue) {
        this.hasValue = true;
        this.vs = s;
        this.va = a;
        this.vb = b;
      } else {
        if (this.valueText === null) this.valueText = this.vs.slice(this.va, this.vb);
        this.valueText += s.slice(a, b);
        if (this.valueText.length > this.budget.limits.maxPendingChars) this.budget.text(this.valueText.length, this.where());
      }
    } else if (this.collect === 2) {
      this.runText += s.slice(a, b);
      if (this.runText.length + (this.runs?.length ?? 0) > this.budget.limits.maxPendingChars) this.budget.text(this.runText.length + (this.runs?.length ?? 0), this.where());
    }
  }

  cdata(v: string): void {
    if (!this.inCell || this.collect === 0) return;
    const escaped = v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    this.text(escaped, 0, escaped.length);
  }

  /** "工作表“X”第 N 行", for a refusal sentence. */
  private where(): string {
    return `工作表“${this.sheetName}”第 ${this.rowIdx + 1} 行`;
  }

  private openRow(s: string, a: number, b: number): void {
    let r = -1;
    let hidden = false;
    const cur = this.cur;
    cur.pos = a;
    while (nextAttr(s, b, cur)) {
      if (attrIs(s, cur, 'r')) r = parseInt(s.slice(cur.valueStart, cur.valueEnd), 10) - 1;
      else if (attrIs(s, cur, 'hidden')) {
        const v = s.slice(cur.valueStart, cur.valueEnd).trim();
        hidden = v === '1' || v === 'true';
      }
    }
    if (!(r >= 0)) r = this.rowIdx + 1; // a <row> without r= follows the previous one
    if (r >= CLASSIFY_ROWS && !this.classified && this.formatRuns !== null) {
      // The rows that decide are read: merges are not cleared yet, which can only add header text,
      // so a sheet judged no 绩效目标 sheet here is none in the end either.
      this.classified = true;
      if (performanceSheetKind({ name: this.sheetName, cells: this.rows }) === null) this.formatRuns = null;
    }
    if (hidden && r < MAX_ROWS) this.hiddenRowSet.push(r);
    this.rowIdx = r;
    this.col = -1;
    this.skipRow = r >= MAX_ROWS;
    this.row = null;
    // A repeated row number replaces the earlier row, as in exceljs.
    if (!this.skipRow && r < this.rows.length && this.rows[r].length > 0) this.rows[r] = [];
  }

  private openCell(s: string, a: number, b: number): void {
    let col = -1;
    let type = T_NUMBER;
    let style = 0;
    const cur = this.cur;
    cur.pos = a;
    while (nextAttr(s, b, cur)) {
      if (cur.nameEnd - cur.nameStart !== 1) continue;
      const n = s.charCodeAt(cur.nameStart);
      const vs = cur.valueStart;
      const ve = cur.valueEnd;
      if (n === 114 /* r */) {
        col = columnOf(s, vs, ve);
      } else if (n === 115 /* s */) {
        let v = 0;
        for (let i = vs; i < ve; i++) {
          const c = s.charCodeAt(i);
          if (c < 48 || c > 57) break;
          v = v * 10 + (c - 48);
        }
        style = v;
      } else if (n === 116 /* t */) {
        const len = ve - vs;
        const c0 = s.charCodeAt(vs);
        if (len === 1 && c0 === 115) type = T_SHARED;
        else if (len === 3 && c0 === 115) type = T_STR; // "str"
        else if (len === 9 && c0 === 105) type = T_INLINE; // "inlineStr"
        else if (len === 1 && c0 === 98) type = T_BOOL;
        else if (len === 1 && c0 === 101) type = T_ERROR;
        else if (len === 1 && c0 === 100) type = T_DATE;
        else type = T_NUMBER; // "n" and anything else: exceljs parses a number
      }
    }
    if (col < 0) col = this.col + 1;
    this.col = col;
    this.inCell = true;
    this.type = type;
    this.style = style;
    this.isFormula = false;
    this.inF = false;
    this.collect = 0;
    this.inRun = false;
    this.inPhonetic = false;
    this.hasValue = false;
    this.valueText = null;
    this.runs = null;
  }

  /** The collected value text (entity-decoded), for the uncommon types. */
  private valueString(): string {
    return decodeText(this.valueText ?? this.vs.slice(this.va, this.vb));
  }

  private closeCell(): void {
    this.inCell = false;
    const v = this.cellValue();
    this.vs = '';
    this.valueText = null;
    if (v === null || this.skipRow || this.col >= MAX_COLS) return;
    const budget = this.budget;
    budget.addCell(this.sheetName, this.rowIdx);
    let row = this.row;
    if (row === null) {
      const rows = this.rows;
      const r = this.rowIdx;
      // Rows are allocated up to the last one with a value; each costs the budget before it exists.
      if (rows.length <= r) budget.addArea((r + 1 - rows.length) * ROW_COST, this.sheetName, r, this.col);
      while (rows.length <= r) rows.push([]);
      row = this.row = rows[r];
    }
    const col = this.col;
    if ((typeof v === 'number' || v instanceof Date) && this.formatRuns !== null) this.formatRuns.add(this.rowIdx, col, this.style > 0 ? this.formatStyles[this.style] ?? null : null);
    if (col < row.length) row[col] = v;
    else if (col === row.length) {
      budget.addArea(1, this.sheetName, this.rowIdx, col);
      row.push(v);
    } else {
      // A gap: the row will be as wide as the widest column it actually uses, and that width is
      // charged now, but the empty cells are not allocated while reading (one cell in XFD is one
      // element of a sparse array); finish() fills them in, once the whole sheet is within the limits.
      budget.addArea(col + 1 - row.length, this.sheetName, this.rowIdx, col);
      row[col] = v;
      this.sparseRows.add(this.rowIdx);
    }
  }

  private cellValue(): Cell {
    const isDate = this.style > 0 && this.ctx.dateStyles[this.style] === true;
    if (this.isFormula) {
      if (!this.hasValue && this.runs === null) return NO_CACHE;
      const text = this.runs ?? this.valueString();
      if (text === '') return NO_CACHE;
      let result: unknown;
      switch (this.type) {
        case T_STR:
          result = exceljsXmlDecode(text);
          break;
        case T_BOOL:
          result = parseInt(text, 10) !== 0;
          break;
        case T_ERROR:
          result = { error: text };
          break;
        case T_DATE:
          return isoDateCell(text);
        default:
          result = parseFloat(text);
      }
      // exceljs converts any cached result of a date-styled formula (Number(result): strings,
      // booleans and errors included); an error or text result thus reads as an invalid date.
      if (isDate) return dateCell(excelToDate(Number(result as number), this.ctx.date1904));
      if (typeof result === 'number') return numberCell(result);
      return result as Cell;
    }
    if (this.runs !== null) return this.runs;
    if (!this.hasValue) return null;
    switch (this.type) {
      case T_SHARED: {
        const idx = this.valueText === null ? parseNumber(this.vs, this.va, this.vb) : parseInt(this.valueString(), 10);
        const i = Number.isInteger(idx) ? idx : parseInt(this.valueString(), 10);
        const str = this.ctx.sharedStrings[i];
        if (str === undefined) throw corrupt('共享字符串索引超出范围');
        return str;
      }
      case T_STR:
        return exceljsXmlDecode(this.valueString());
      case T_INLINE:
        return this.valueString();
      case T_BOOL:
        return parseInt(this.valueString(), 10) !== 0;
      case T_ERROR:
        return { error: this.valueString() };
      case T_DATE:
        return isoDateCell(this.valueString());
      default: {
        const n = this.valueText === null ? parseNumber(this.vs, this.va, this.vb) : parseFloat(this.valueString());
        if (isDate) return dateCell(excelToDate(n, this.ctx.date1904));
        return numberCell(n);
      }
    }
  }

  /** The grid, once the part has been read: merged areas cleared, rows trimmed. */
  finish(): SheetResult {
    const rows = this.rows;
    // Rows read with gaps become dense arrays of null-filled cells, as the core expects; their width
    // has been charged to the budget already.
    for (const r of this.sparseRows) {
      const row = rows[r];
      if (!row) continue;
      const dense: Cell[] = [];
      for (let c = 0, n = row.length; c < n; c++) {
        const v = row[c];
        dense.push(v === undefined ? null : v);
      }
      rows[r] = dense;
    }
    for (const m of this.merges) {
      const last = Math.min(m.bottom, rows.length - 1);
      for (let r = m.top; r <= last; r++) {
        const row = rows[r];
        if (row.length <= m.left) continue;
        const end = Math.min(m.right, row.length - 1);
        let touched = false;
        for (let c = m.left; c <= end; c++) {
          if ((r !== m.top || c !== m.left) && row[c] !== null) {
            row[c] = null;
            touched = true;
          }
        }
        if (touched) {
          let n = row.length;
          while (n > 0 && row[n - 1] === null) n--;
          row.length = n;
        }
      }
    }
    let n = rows.length;
    while (n > 0 && rows[n - 1].length === 0) n--;
    rows.length = n;
    const hiddenRows = [...new Set(this.hiddenRowSet)].filter((r) => r < rows.length).sort((x, y) => x - y);
    let width = 0;
    for (const row of rows) if (row.length > width) width = row.length;
    const cols = new Set<number>();
    for (const [lo, hi] of this.hiddenColSpans) for (let c = lo; c <= Math.min(hi, width - 1); c++) cols.add(c);
    const hiddenCols = [...cols].sort((x, y) => x - y);
    const out: SheetResult = { cells: rows, merges: this.merges, protected: this.isProtected, hiddenRows, hiddenCols, filtered: this.hasAutoFilter };
    if (this.formatRuns !== null && this.formatRuns.size > 0) out.numFmts = this.formatRuns.runs();
    return out;
  }
}
