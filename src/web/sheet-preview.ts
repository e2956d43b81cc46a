/**
 * The few cells around a finding's cell, from the grids the page read: the offline page has no Excel
 * to jump to, so a click on a location shows this window of the sheet instead.
 */
import { columnLetters, parseA1 } from '../core/address';
import type { Finding } from '../core/findings';
import { cellText, isCellError, type Cell, type WorkbookGrids } from '../core/grid';

export interface SheetWindow {
  file: string;
  sheet: string;
  /** Column letters of the window, left to right. */
  cols: string[];
  rows: Array<{ row: number; cells: Array<{ text: string; target: boolean }> }>;
}

/** Rows and columns shown on each side of the cell. */
const AROUND = 3;

function show(v: Cell): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error === '#NO_CACHE' ? '（公式无值）' : v.error;
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return cellText(v);
}

/** The sheet and cell a finding's window is around; null when the page has no such sheet. */
function windowTarget(workbooks: ReadonlyArray<WorkbookGrids>, f: Finding): { wb: WorkbookGrids; grid: WorkbookGrids['sheets'][number]; at: { row: number; col: number } } | null {
  const loc = f.location;
  if (!loc.sheet) return null;
  const wb = workbooks.find((w) => w.file === loc.file) ?? (workbooks.length === 1 ? workbooks[0] : undefined);
  const grid = wb?.sheets.find((s) => s.name === loc.sheet);
  if (!wb || !grid) return null;
  const at = loc.cell ? parseA1(loc.cell) : loc.row ? { row: loc.row, col: 1 } : null;
  if (!at) return null;
  return { wb, grid, at };
}

/**
 * Whether sheetWindow would show something, without building it: asked for every finding row the
 * list draws (formatting 49 cells for each of 200 rows took the page a ~110 ms task).
 */
export function hasSheetWindow(workbooks: ReadonlyArray<WorkbookGrids>, f: Finding): boolean {
  return windowTarget(workbooks, f) !== null;
}

/** The window around the finding's cell (or the start of its row); null when the page has no such sheet. */
export function sheetWindow(workbooks: ReadonlyArray<WorkbookGrids>, f: Finding): SheetWindow | null {
  const t = windowTarget(workbooks, f);
  if (!t) return null;
  const { wb, grid, at } = t;
  const loc = f.location;
  const origin = grid.origin ?? { row: 1, col: 1 };
  const top = Math.max(1, at.row - AROUND);
  const left = Math.max(1, at.col - AROUND);
  const cols = Array.from({ length: 2 * AROUND + 1 }, (_, i) => left + i);
  const rows = [];
  for (let r = top; r <= at.row + AROUND; r++) {
    const cells = grid.cells[r - origin.row];
    rows.push({
      row: r,
      cells: cols.map((c) => ({ text: show(cells?.[c - origin.col] ?? null), target: r === at.row && (loc.cell ? c === at.col : true) })),
    });
  }
  return { file: wb.file, sheet: grid.name, cols: cols.map(columnLetters), rows };
}
