/**
 * Reference resolvers over the sheets of one workbook:
 * - 工作表!C7 and 工作表!C8:C20: cells by address (the grid's origin respected), amounts in the
 *   sheet's stated unit (“单位：万元” in its first rows), converted to 分;
 * - [表](行="21201").合计: a table found by sheet name, by its standard title (either naming family:
 *   [部门收支总表] also finds 部门财务收支预算总表) or by a sheet name containing the text; a row by
 *   its label or classification code; a column by its header captions, from the top down.
 */
import { a1, columnNumber } from '../address';
import type { FindingLocation } from '../findings';
import { Cell, Grid, WorkbookGrids, cellText, fillMerges, isCellError } from '../grid';
import { AmountUnit, parseAmount } from '../money';
import { findSegments } from '../tables/filled/segments';
import { matchTitle } from '../tables/filled/titles';
import { normalizeText, stripUnitSuffix, unitFromLine } from '../text';
import { FormulaError } from './errors';
import { formulaErrors } from './messages';

export const MAX_RANGE_CELLS = 1_000_000;
const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

/** A resolved amount: 分, and the cell it was read from. */
export interface CellAmount {
  fen: number;
  at: FindingLocation;
}

/** A table: rows [start, end) of a sheet's cells (merged areas filled), with its name for messages. */
export interface Region {
  grid: Grid;
  cells: ReadonlyArray<ReadonlyArray<Cell>>;
  start: number;
  end: number;
  name: string;
  amountUnit: AmountUnit;
}

function sheetKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The unit a sheet (or a table from `start`) states in its first rows; 元 when none. */
function statedUnit(cells: ReadonlyArray<ReadonlyArray<Cell>>, start = 0): AmountUnit {
  for (let r = start; r < Math.min(cells.length, start + 8); r++) {
    for (const v of cells[r] ?? []) {
      if (typeof v !== 'string' || v.length > 60) continue;
      const u = unitFromLine(v);
      if (u) return u;
    }
  }
  return 'yuan';
}

/** Leading numbering of a row label: 一、 （一） 1. 1、 (1). */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d))/;

function labelKey(s: string): string {
  return normalizeText(s).replace(NUMBERING, '');
}

/** Does a label cell match the row a formula names (“21201”, “一般公共预算拨款收入”, “合计”)? */
function labelMatches(v: Cell, want: string, wantIsCode: boolean): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'number') return wantIsCode && Number.isInteger(v) && String(v) === want;
  if (typeof v !== 'string') return false;
  const t = v.normalize('NFKC').trim();
  if (t === '') return false;
  if (wantIsCode) {
    // "21201", "21201 住房改革支出", "[21201]住房改革支出", "21201-…"
    const m = /^[[【]?(\d{3,})[\]】]?/.exec(t);
    return m !== null && m[1] === want && !/\d/.test(t.charAt(m[0].length));
  }
  return labelKey(t) === want || normalizeText(t) === want;
}

/** Digits of a code cell written alone: 302, "302", "01". */
function codeDigits(v: Cell): string | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? String(v) : null;
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').trim();
  return /^\d+$/.test(t) ? t : null;
}

/**
 * A code split over 类 | 款 | 项 columns ("302" "17" → 30217): the columns it spans from `c`, or 0.
 */
function splitCodeSpan(row: ReadonlyArray<Cell>, c: number, want: string): number {
  const first = codeDigits(row[c] ?? null);
  if (first === null || first.length !== 3 || !want.startsWith(first)) return 0;
  let code = first;
  let j = c + 1;
  while (code.length < want.length && j < row.length) {
    const d = codeDigits(row[j] ?? null);
    if (d === null || d.length !== 2) break;
    code += d;
    j++;
  }
  if (code !== want) return 0;
  // The next column must not continue the code (项 of a longer code).
  const next = codeDigits(row[j] ?? null);
  return next !== null && next.length === 2 ? 0 : j - c;
}

function isBlankValue(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return t === '' || /^[-—－]+$/.test(t);
}

function isNumberLike(v: Cell): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const r = parseAmount(v, 'yuan');
  return r.ok && !r.blank;
}

export class WorkbookIndex {
  private readonly bySheet = new Map<string, Grid>();
  private readonly filled = new Map<Grid, ReadonlyArray<ReadonlyArray<Cell>>>();
  private readonly units = new Map<Grid, AmountUnit>();
  private segments: ReturnType<typeof findSegments> | null = null;

  constructor(readonly wb: WorkbookGrids) {
    for (const g of wb.sheets) if (!this.bySheet.has(sheetKey(g.name))) this.bySheet.set(sheetKey(g.name), g);
  }

  sheet(name: string): Grid | undefined {
    return this.bySheet.get(sheetKey(name));
  }

  private cellsOf(g: Grid): ReadonlyArray<ReadonlyArray<Cell>> {
    let c = this.filled.get(g);
    if (!c) this.filled.set(g, (c = g.merges && g.merges.length ? fillMerges(g) : g.cells));
    return c;
  }

  private unitOf(g: Grid): AmountUnit {
    let u = this.units.get(g);
    if (!u) this.units.set(g, (u = statedUnit(g.cells)));
    return u;
  }

  /** Does the workbook have what a reference names? */
  has(name: string, table: boolean): boolean {
    if (!table) return this.sheet(name) !== undefined;
    try {
      this.table(name, 0);
      return true;
    } catch (e) {
      // An ambiguous name is there (the evaluation says which tables it could be); a missing one is not.
      return !(e instanceof FormulaError) || e.message !== formulaErrors.noTable(name);
    }
  }

  /** The table a [名称] reference names. */
  table(name: string, at: number): Region {
    const g = this.sheet(name);
    if (g) return { grid: g, cells: this.cellsOf(g), start: 0, end: g.cells.length, name, amountUnit: this.unitOf(g) };
    this.segments ??= this.wb.sheets.flatMap((s) => findSegments(s));
    const key = normalizeText(name);
    // A standard table named in either family's words: the table of that kind.
    const m = matchTitle(name);
    let found = this.segments.filter((s) => normalizeText(s.title).includes(key));
    if (found.length === 0 && m) found = this.segments.filter((s) => s.match.kind === m.kind);
    if (found.length === 1) {
      const s = found[0];
      const start = s.titleR ?? 0;
      return { grid: s.grid, cells: s.cells, start, end: s.end, name, amountUnit: statedUnit(s.cells, start) };
    }
    if (found.length > 1) {
      throw new FormulaError(formulaErrors.ambiguousTable(name, found.map((s) => `“${s.grid.name}”中的“${s.title}”`).join('、')), at);
    }
    const partial = this.wb.sheets.filter((s) => sheetKey(s.name).includes(sheetKey(name)));
    if (partial.length === 1) {
      const p = partial[0];
      return { grid: p, cells: this.cellsOf(p), start: 0, end: p.cells.length, name, amountUnit: this.unitOf(p) };
    }
    if (partial.length > 1) throw new FormulaError(formulaErrors.ambiguousTable(name, partial.map((s) => `工作表“${s.name}”`).join('、')), at);
    throw new FormulaError(formulaErrors.noTable(name), at);
  }

  private location(g: Grid, r: number, c: number): FindingLocation {
    const row = r + (g.origin?.row ?? 1);
    return { file: this.wb.file, sheet: g.name, cell: a1(row, c + (g.origin?.col ?? 1)), row };
  }

  /** An amount cell in 分 in its sheet's unit; blanks and “-” are 0. */
  private amount(g: Grid, unit: AmountUnit, v: Cell, r: number, c: number, at: number): CellAmount {
    const loc = this.location(g, r, c);
    const where = `${g.name}!${loc.cell}`;
    if (isCellError(v)) throw new FormulaError(formulaErrors.cellError(where, v.error), at);
    if (typeof v === 'boolean' || v instanceof Date) throw new FormulaError(formulaErrors.cellText(where, cellText(v)), at);
    const res = parseAmount(v, unit);
    if (!res.ok) throw new FormulaError(formulaErrors.cellText(where, cellText(v)), at);
    return { fen: res.fen, at: loc };
  }

  /** 工作表!C7 */
  cell(sheet: string, col: string, row: number, at: number, sheetAt: number): CellAmount {
    const g = this.sheet(sheet);
    if (!g) throw new FormulaError(formulaErrors.noSheet(sheet), sheetAt);
    const c1 = columnNumber(col);
    if (c1 > MAX_COLUMNS || row < 1 || row > MAX_ROWS) throw new FormulaError(formulaErrors.cellOutside(sheet, `${col}${row}`), at);
    const r = row - (g.origin?.row ?? 1);
    const c = c1 - (g.origin?.col ?? 1);
    const v = r < 0 || c < 0 ? null : (g.cells[r]?.[c] ?? null);
    return this.amount(g, this.unitOf(g), v, r, c, at);
  }

  /** The numeric cells of 工作表!C8:C20 (text ignored, as SUM does), within the sheet's used area. */
  range(sheet: string, from: { col: string; row: number }, to: { col: string; row: number }, at: number, sheetAt: number): CellAmount[] {
    const g = this.sheet(sheet);
    if (!g) throw new FormulaError(formulaErrors.noSheet(sheet), sheetAt);
    const c1 = Math.min(columnNumber(from.col), columnNumber(to.col));
    const c2 = Math.max(columnNumber(from.col), columnNumber(to.col));
    const r1 = Math.min(from.row, to.row);
    const r2 = Math.max(from.row, to.row);
    const ref = `${sheet}!${from.col}${from.row}:${to.col}${to.row}`;
    if (c2 > MAX_COLUMNS || r1 < 1 || r2 > MAX_ROWS) throw new FormulaError(formulaErrors.cellOutside(sheet, `${from.col}${from.row}:${to.col}${to.row}`), at);
    const oR = g.origin?.row ?? 1;
    const oC = g.origin?.col ?? 1;
    // Only the cells the sheet has: a range over whole columns costs what the sheet holds.
    const rs = Math.max(r1 - oR, 0);
    const re = Math.min(r2 - oR, g.cells.length - 1);
    if ((re - rs + 1) * (c2 - c1 + 1) > MAX_RANGE_CELLS) throw new FormulaError(formulaErrors.tooManyCells(ref, MAX_RANGE_CELLS), at);
    const unit = this.unitOf(g);
    const out: CellAmount[] = [];
    for (let r = rs; r <= re; r++) {
      const row = g.cells[r];
      if (!row) continue;
      for (let c = Math.max(c1 - oC, 0); c <= Math.min(c2 - oC, row.length - 1); c++) {
        const v = row[c];
        if (v === null || v === undefined || (typeof v === 'string' && !isNumberLike(v) && !isCellError(v))) continue;
        out.push(this.amount(g, unit, v, r, c, at));
      }
    }
    return out;
  }

  /** [表](行="…").列.列 */
  rowValue(region: Region, row: { value: string; at: number } | null, columns: ReadonlyArray<{ value: string; at: number }>, at: number): CellAmount {
    const cells = region.cells;
    const path = columns.map((c) => ({ key: labelKey(stripUnitSuffix(c.value).text), at: c.at, text: c.value }));
    const columnMatches = (c: number, above: number): boolean => {
      let k = 0;
      for (let r = region.start; r < above && k < path.length; r++) {
        const v = cells[r]?.[c];
        if (typeof v !== 'string') continue;
        const h = labelKey(stripUnitSuffix(v).text);
        if (h === path[k].key) k++;
      }
      return k === path.length;
    };
    const lastCol = (): number => {
      let w = 0;
      for (let r = region.start; r < region.end; r++) w = Math.max(w, cells[r]?.length ?? 0);
      return w;
    };
    if (row === null) {
      // No row named: the first row below the header with a number in the named column.
      if (path.length === 0) throw new FormulaError(formulaErrors.noValue(region.name), at);
      const w = lastCol();
      for (let r = region.start; r < region.end; r++) {
        for (let c = 0; c < w; c++) {
          if (!isNumberLike(cells[r]?.[c] ?? null) || !columnMatches(c, r)) continue;
          return this.amount(region.grid, region.amountUnit, cells[r][c], r, c, at);
        }
      }
      const anyHeader = Array.from({ length: w }, (_, c) => c).some((c) => columnMatches(c, region.end));
      if (!anyHeader) throw new FormulaError(formulaErrors.noColumn(region.name, columns.map((c) => c.value).join('.')), path[path.length - 1].at);
      throw new FormulaError(formulaErrors.noDataRow(region.name, columns.map((c) => c.value).join('.')), at);
    }
    const raw = row.value.normalize('NFKC').trim();
    const isCode = /^\d{3,}$/.test(raw);
    const want = isCode ? raw : labelKey(raw);
    // Candidate rows: a label cell that matches, and to its right either a value in the named column
    // or (no column named) the first cell after the adjoining labels.
    const hits: Array<{ r: number; c: number; value: number | null; number: boolean }> = [];
    let columnSeen = path.length === 0;
    let labelSeen = false;
    const width = path.length ? lastCol() : 0;
    for (let r = region.start; r < region.end; r++) {
      const cr = cells[r];
      if (!cr) continue;
      for (let c = 0; c < cr.length; c++) {
        if (!labelMatches(cr[c], want, isCode) && !(isCode && want.length > 3 && splitCodeSpan(cr, c, want) > 0)) continue;
        labelSeen = true;
        let vc: number | null = null;
        if (path.length) {
          for (let j = c + 1; j < width; j++) {
            if (columnMatches(j, r)) {
              vc = j;
              columnSeen = true;
              break;
            }
          }
          if (vc === null) continue;
        } else {
          let j = c + 1;
          while (j < cr.length && typeof cr[j] === 'string' && !isBlankValue(cr[j]) && !isNumberLike(cr[j])) j++;
          if (j > c + 1 && j >= cr.length) continue; // only labels to the right: a header row
          vc = j;
        }
        const v = cr[vc] ?? null;
        if (!isBlankValue(v) && !isNumberLike(v) && !isCellError(v)) continue; // a header cell
        hits.push({ r, c, value: vc, number: isNumberLike(v) });
        break;
      }
    }
    if (hits.length === 0) {
      if (labelSeen && !columnSeen) throw new FormulaError(formulaErrors.noColumn(region.name, columns.map((c) => c.value).join('.')), path[path.length - 1].at);
      throw new FormulaError(formulaErrors.noRow(region.name, row.value), row.at);
    }
    // A name written on several rows (行政运行 under each 款) is ambiguous; a code is not.
    const withNumbers = hits.filter((h) => h.number);
    const chosen = withNumbers.length ? withNumbers : hits;
    if (!isCode && chosen.length > 1) {
      const first = cells[chosen[0].r]?.[chosen[0].value as number];
      const same = chosen.every((h) => String(cells[h.r]?.[h.value as number] ?? '') === String(first ?? ''));
      if (!same) {
        const rows = chosen.map((h) => h.r + (region.grid.origin?.row ?? 1)).join('、');
        throw new FormulaError(formulaErrors.ambiguousRow(region.name, row.value, rows), row.at);
      }
    }
    const h = chosen[0];
    return this.amount(region.grid, region.amountUnit, cells[h.r]?.[h.value as number] ?? null, h.r, h.value as number, at);
  }
}
