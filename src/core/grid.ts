/**
 * The neutral sheet model every adapter produces (exceljs in Node and the browser, office.js in
 * Excel, CSV). The core reads nothing else, so it never depends on a host.
 */

/** An Excel error value such as #REF!, or a formula whose cached value is missing. */
export interface CellError {
  readonly error: string; // '#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NO_CACHE' (formula without cached value)
}

/** A cell value as the adapter read it. Dates arrive as Date; formulas as their cached value. */
export type Cell = string | number | boolean | Date | CellError | null;

/** A merged area, 0-based inclusive indices into Grid.cells. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A number format over the numbers of one column in rows top..bottom (0-based into cells, inclusive). */
export interface NumFmtRun {
  readonly col: number;
  readonly top: number;
  readonly bottom: number;
  /** The format code as the host gives it ("0.0%"). */
  readonly code: string;
}

export interface Grid {
  /** Sheet name as shown in the host. */
  readonly name: string;
  /** Rows of cells; rows may be ragged and may be shorter than the widest row. */
  readonly cells: ReadonlyArray<ReadonlyArray<Cell>>;
  readonly merges?: ReadonlyArray<MergeRange>;
  /** 1-based sheet row and column of cells[0][0] (the used range need not start at A1). */
  readonly origin?: { readonly row: number; readonly col: number };
  /**
   * Number formats of numeric and date cells other than General and @ ("0%", 0"人次",
   * yyyy"年"m"月"), as runs down a column sorted by column then top row, so that 0.95 reads as "95%"
   * where the reader needs it (the 绩效目标 指标值). Runs, not cells: a million-row column formatted
   * 0.0% is one entry. Adapters fill it only on sheets the core reads as 绩效目标
   * (performanceSheetKind), and the Office.js adapter only for their 指标值 columns; absent elsewhere.
   */
  readonly numFmts?: ReadonlyArray<NumFmtRun>;
  readonly hidden?: boolean;
  readonly protected?: boolean;
  /** Hidden rows (filtered-out rows included), 0-based into cells, ascending. */
  readonly hiddenRows?: ReadonlyArray<number>;
  /** Hidden columns, 0-based into cells, ascending. */
  readonly hiddenCols?: ReadonlyArray<number>;
  /** The sheet has an AutoFilter: its hidden rows may be rows filtered out. */
  readonly filtered?: boolean;
}

/** A workbook as a list of grids plus the file it came from (a display name, not a path). */
export interface WorkbookGrids {
  readonly file: string;
  readonly sheets: ReadonlyArray<Grid>;
}

export function isCellError(v: Cell): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

export function cellAt(grid: Grid, r: number, c: number): Cell {
  const row = grid.cells[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

/** Text of a cell for label purposes: trimmed, '' for empty, numbers as written. */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // An invalid Date (a corrupt serial from some readers) has no text; toISOString would throw.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return v.error;
}

export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const row of grid.cells) if (row.length > w) w = row.length;
  return w;
}

/**
 * A copy of the grid's cells where every merged area carries its top-left value in every cell.
 * Real sheets merge unit names down a block and header captions across columns.
 */
export function fillMerges(grid: Grid): Cell[][] {
  const rows: Cell[][] = grid.cells.map((r) => r.slice());
  for (const m of grid.merges ?? []) {
    const v = cellAt(grid, m.top, m.left);
    if (v === null) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r] ?? (rows[r] = []);
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) row[c] = v;
    }
  }
  return rows;
}
