/**
 * The body layout of a standard table that carries one (the 项目支出绩效目标表, see bodyLayoutOf in
 * src/core/tables/project-performance-grid.ts), drawn on its exceljs sheet: merged areas, row heights
 * and manual page breaks as planned by src/core/tables/sheet-geometry.ts (planBody), which the task
 * pane draws too, so the CLI's sheet and the pane's agree cell for cell.
 */
import type ExcelJS from 'exceljs';
import type { StandardTable } from '../core/tables';
import type { BodyLayout } from '../core/tables/project-performance-grid';
import { DEFAULT_MARGINS, planBody, type PageGeometry } from '../core/tables/sheet-geometry';

export { pageStarts } from '../core/tables/sheet-geometry';

export interface SheetGeometry {
  /** Sheet rows (1-based) of the first body row and of the first header row. */
  readonly firstData: number;
  readonly headerStart: number;
  /** Points above the header (title, unit line). */
  readonly aboveHeaderPt: number;
  /** Column widths in character cells, as set on the sheet. */
  readonly widths: readonly number[];
}

/** Draws `layout` on the sheet of `table` (values and borders already written). */
export function applyBodyLayout(ws: ExcelJS.Worksheet, table: StandardTable, layout: BodyLayout, g: SheetGeometry): void {
  const ncol = table.columns.length;
  const nrow = table.rows.length;
  const page: PageGeometry = { widths: g.widths, aboveHeaderPt: g.aboveHeaderPt, margins: ws.pageSetup.margins ?? DEFAULT_MARGINS };
  const plan = planBody(table, layout, page);

  plan.headerHeights.forEach((h, i) => (ws.getRow(g.headerStart + i).height = h));
  for (const t of plan.texts) ws.getCell(g.firstData + t.row, t.col + 1).value = t.text;
  for (const mg of plan.merges) {
    if (mg.rowSpan > 1 || mg.colSpan > 1) ws.mergeCells(g.firstData + mg.row, mg.col + 1, g.firstData + mg.row + mg.rowSpan - 1, mg.col + mg.colSpan);
  }
  for (let r = 0; r < nrow; r++) {
    const sheetRow = ws.getRow(g.firstData + r);
    sheetRow.height = plan.heights[r];
    for (let c = 0; c < ncol; c++) {
      const cell = sheetRow.getCell(c + 1);
      const label = table.rows[r].isTotal && c === 0;
      cell.alignment = { ...cell.alignment, vertical: 'middle', horizontal: label ? 'center' : cell.alignment?.horizontal, wrapText: table.columns[c].kind !== 'money' || undefined };
    }
  }
  for (const s of plan.pageStarts) ws.getRow(g.firstData + s - 1).addPageBreak();
}
