/**
 * Pure helpers for batching Office.js calls: cells to rectangles, rectangles to address strings
 * that respect Excel's 8192-character limit per getRanges call (ExcelApi 1.9).
 */
import { a1, parseA1 } from '../core/address';

/** A rectangle of cells, 1-based inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ADDRESS_CHARS = 8192;

export function rectAddress(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Parse "C12" or "C12:D20" (no sheet part). */
export function parseRect(address: string): Rect | null {
  const [a, b] = address.replace(/\$/g, '').split(':');
  const p = parseA1(a);
  if (!p) return null;
  const q = b ? parseA1(b) : p;
  if (!q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/**
 * Merge cells into few rectangles: vertical runs per column first, then runs with the same rows in
 * adjacent columns. Duplicates are ignored. `maxCells` caps a rectangle's size (records stay small).
 */
export function cellsToRects(cells: ReadonlyArray<{ row: number; col: number }>, maxCells = Infinity): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col);
    if (list) list.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const runs: Rect[] = [];
  for (const col of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = [...new Set(byCol.get(col)!)].sort((x, y) => x - y);
    let start = rows[0];
    let prev = rows[0];
    const maxRows = Number.isFinite(maxCells) ? Math.max(1, Math.floor(maxCells)) : Infinity;
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1 && prev - start + 1 < maxRows) {
        prev = r;
        continue;
      }
      runs.push({ top: start, left: col, bottom: prev, right: col });
      start = r;
      prev = r;
    }
  }
  // Join runs with identical rows in adjacent columns.
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const prev = open.get(key);
    if (prev && prev.right === run.left - 1 && rectCells(prev) + rectCells(run) <= maxCells) {
      prev.right = run.right;
    } else {
      const r = { ...run };
      open.set(key, r);
      out.push(r);
    }
  }
  return out;
}

/** Comma-joined address strings, each under `limit` characters. */
export function joinAddresses(addresses: ReadonlyArray<string>, limit = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (a.length >= limit) throw new Error(`Address ${a.slice(0, 40)}… is longer than ${limit} characters`);
    const next = cur === '' ? a : `${cur},${a}`;
    if (next.length >= limit) {
      out.push(cur);
      cur = a;
    } else cur = next;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** Whether a cell lies in a rectangle. */
export function inRect(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** Cells of a rectangle in row-major order. */
export function* rectCellList(r: Rect): Generator<{ row: number; col: number }> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield { row, col };
}
