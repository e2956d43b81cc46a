/**
 * Two readings of a detail sheet that must not lose or double money, nor pass unseen (issue 19
 * §10, §12): merged amount cells, and hidden or filtered rows and hidden columns.
 */
import { a1 } from '../address';
import type { Grid, MergeRange } from '../grid';

/**
 * The cells of the money columns that lie inside a merged area without being its top-left cell, by
 * r * 16384 + c (0-based). Merges fill labels down, never amounts: such a cell reads as empty and its
 * row gets DATA.MERGED_AMOUNT, so a merged amount counts once, on its first row.
 */
export function mergedMoneyCells(grid: Grid, moneyCols: ReadonlyArray<number>, firstDataRow: number): Map<number, MergeRange> {
  const out = new Map<number, MergeRange>();
  const cols = new Set(moneyCols);
  for (const m of grid.merges ?? []) {
    if (m.bottom < firstDataRow) continue;
    const anchor = grid.cells[m.top]?.[m.left];
    if (anchor === null || anchor === undefined || anchor === '') continue;
    for (let c = m.left; c <= m.right; c++) {
      if (!cols.has(c)) continue;
      for (let r = Math.max(m.top, firstDataRow); r <= m.bottom; r++) if (r !== m.top || c !== m.left) out.set(r * 16384 + c, m);
    }
  }
  return out;
}

export function rangeText(m: MergeRange, rowOff: number, colOff: number): string {
  return `${a1(m.top + rowOff, m.left + colOff)}:${a1(m.bottom + rowOff, m.right + colOff)}`;
}

function nonBlank(v: unknown): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

/**
 * What the sheet hides below its header: hidden or filtered-out rows that hold data, and hidden
 * columns that hold data there. They are read like any other cell; the sheet then gets one
 * DATA.HIDDEN_CELLS saying so. Returns the words of that message, or null when nothing is hidden.
 */
export function hiddenParts(grid: Grid, headerBottom: number, colOff: number): string | null {
  const rows = (grid.hiddenRows ?? []).filter((r) => r > headerBottom && (grid.cells[r] ?? []).some(nonBlank));
  const cols = (grid.hiddenCols ?? []).filter((c) => {
    for (let r = headerBottom + 1; r < grid.cells.length; r++) if (nonBlank(grid.cells[r]?.[c])) return true;
    return false;
  });
  if (rows.length === 0 && cols.length === 0) return null;
  const parts: string[] = [];
  if (rows.length) {
    // The reviewer has to find them: the first sheet rows are named.
    const at = rows.slice(0, 8).map((r) => r + (grid.origin?.row ?? 1));
    parts.push(`${rows.length} 行${grid.filtered ? '被隐藏或被筛选掉' : '被隐藏'}（第 ${at.join('、')}${rows.length > 8 ? ' 等' : ''} 行）`);
  }
  if (cols.length) {
    const names = cols.slice(0, 8).map((c) => a1(1, c + colOff).replace(/\d+$/, ''));
    parts.push(`${cols.length} 列被隐藏（${names.join('、')}${cols.length > 8 ? '等' : ''}）`);
  }
  return ' ' + parts.join('、');
}
