/**
 * The look of a standard table's sheet in the pane, as the xlsx writer (src/io/tables-workbook.ts)
 * draws it, from the same source (src/core/tables/sheet-geometry.ts: the font and sizes, the header
 * fill, unitLineSplit, bodyCellLook): 宋体 10 pt throughout, the title 16 pt bold and centred, the
 * unit line's two parts left and right, the header bold, centred, wrapped and filled, thin borders
 * on every header and body cell, everything vertically centred; body cells aligned, wrapped,
 * indented (RangeFormat.indentLevel) and bold as bodyCellLook says.
 *
 * Every format goes on a range: the sheet, a row band, or a rectangle of body cells that share a
 * value (a column's run of rows, joined with the next columns that have the same run). The ops grow
 * with the runs, not the cells, and ride in the Batcher's payload chunks: syncs never grow with rows.
 */
import type { StandardTable } from '../core/tables/model';
import { HEADER_FILL_RGB, HEADER_START, TABLE_FONT, TABLE_FONT_PT, TITLE_FONT_PT, bodyCellLook, unitLineSplit } from '../core/tables/sheet-geometry';
import type { Batcher } from './run';
import type { SheetLayout } from './tables';

/** RangeFormat.indentLevel is ExcelApi 1.9 (typings); below it tableLayout writes the indent into the text. */
export const INDENT_MINOR = 9;

/** Request bytes reserved per queued format write (the range it makes included). */
const OP_BYTES = 300;

/** A rectangle of body cells (0-based in the body) sharing one value. */
export interface Rect<T> {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly value: T;
}

/**
 * Covers a rows × cols grid with rectangles of equal value: each column's runs of rows, joined
 * across adjacent columns with the same run. Cells whose value `skip` accepts are left out.
 */
export function rectangles<T>(rows: number, cols: number, at: (r: number, c: number) => T, skip: (v: T) => boolean = () => false): Rect<T>[] {
  const out: Rect<T>[] = [];
  // Open rectangles by run ("start:end:value"), each extended while the next column has that run.
  let open = new Map<string, { row: number; col: number; rows: number; cols: number; value: T }>();
  for (let c = 0; c < cols; c++) {
    const next = new Map<string, { row: number; col: number; rows: number; cols: number; value: T }>();
    for (let r = 0; r < rows;) {
      const v = at(r, c);
      let e = r + 1;
      while (e < rows && at(e, c) === v) e++;
      if (!skip(v)) {
        const k = `${r}:${e}:${String(v)}`;
        const prev = open.get(k);
        if (prev) {
          prev.cols++;
          open.delete(k);
          next.set(k, prev);
        } else next.set(k, { row: r, col: c, rows: e - r, cols: 1, value: v });
      }
      r = e;
    }
    for (const x of open.values()) out.push(x);
    open = next;
  }
  for (const x of open.values()) out.push(x);
  return out;
}

const EXCEL_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/**
 * Queues the look of table `t` on its new sheet `ws`, drawn from A1 as `layout` (title to last note,
 * the body from row headerEnd). Without `canIndent` (below ExcelApi 1.9) no indent level is set:
 * the text carries it (tableLayout).
 */
export async function drawTableLook(ws: Excel.Worksheet, t: StandardTable, layout: Pick<SheetLayout, 'values' | 'headerEnd' | 'merges'>, batch: Batcher, canIndent: boolean): Promise<void> {
  const n = t.columns.length;
  const nrow = t.rows.length;
  const rowCount = layout.values.length;
  const bodyStart = layout.headerEnd;
  const at = async (row: number, col: number, rows: number, cols: number, ops: number, set: (f: Excel.RangeFormat) => void): Promise<void> => {
    if (rows <= 0 || cols <= 0) return;
    await batch.reserve(OP_BYTES * ops);
    set(ws.getRangeByIndexes(row, col, rows, cols).format);
  };
  // Thin lines round every cell: the four edges and, where the range has them, the lines inside.
  const thin = (rows: number, cols: number) => (f: Excel.RangeFormat) => {
    const edges: Array<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical'> = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (rows > 1) edges.push('InsideHorizontal');
    if (cols > 1) edges.push('InsideVertical');
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.weight = 'Thin';
    }
  };

  await at(0, 0, rowCount, n, 3, (f) => {
    f.font.name = TABLE_FONT;
    f.font.size = TABLE_FONT_PT;
    f.verticalAlignment = 'Center';
  });
  await at(0, 0, 1, n, 3, (f) => {
    f.font.size = TITLE_FONT_PT;
    f.font.bold = true;
    f.horizontalAlignment = 'Center';
  });
  const split = unitLineSplit(n);
  await at(1, 0, 1, split, 1, (f) => (f.horizontalAlignment = 'Left'));
  await at(1, split, 1, n - split, 1, (f) => (f.horizontalAlignment = 'Right'));

  const headerRows = bodyStart - HEADER_START;
  await at(HEADER_START, 0, headerRows, n, 16, (f) => {
    f.font.bold = true;
    f.horizontalAlignment = 'Center';
    f.wrapText = true;
    f.fill.color = `#${HEADER_FILL_RGB}`;
    thin(headerRows, n)(f);
  });

  await at(bodyStart, 0, nrow, n, 12, thin(nrow, n));
  const looks = t.rows.map((_row, r) => t.columns.map((_col, c) => bodyCellLook(t, r, c)));
  // A merged body area takes its top-left cell's look throughout, as exceljs gives it on merging.
  for (const [r1, c1, r2, c2] of layout.merges) {
    if (r1 < bodyStart || r1 >= bodyStart + nrow) continue;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) looks[r - bodyStart][c] = looks[r1 - bodyStart][c1];
  }
  for (const x of rectangles(nrow, n, (r, c) => looks[r][c].horizontal)) await at(bodyStart + x.row, x.col, x.rows, x.cols, 1, (f) => (f.horizontalAlignment = EXCEL_ALIGN[x.value]));
  for (const x of rectangles(nrow, n, (r, c) => looks[r][c].wrap)) await at(bodyStart + x.row, x.col, x.rows, x.cols, 1, (f) => (f.wrapText = x.value));
  for (const x of rectangles(nrow, n, (r, c) => looks[r][c].bold, (v) => !v)) await at(bodyStart + x.row, x.col, x.rows, x.cols, 1, (f) => (f.font.bold = true));
  // After the alignment: Excel indents left-aligned text only.
  if (canIndent) for (const x of rectangles(nrow, n, (r, c) => looks[r][c].indent, (v) => v === 0)) await at(bodyStart + x.row, x.col, x.rows, x.cols, 1, (f) => (f.indentLevel = x.value));

  // Notes under the body, each merged across the width.
  await at(bodyStart + nrow, 0, rowCount - bodyStart - nrow, n, 2, (f) => {
    f.horizontalAlignment = 'Left';
    f.wrapText = true;
  });
}
