/**
 * The body layout of a standard table that carries one (the 项目支出绩效目标表, see bodyLayoutOf in
 * src/core/tables/project-performance-grid.ts), drawn on its exceljs sheet: merged areas cut at the
 * page starts, as planned by src/core/tables/sheet-geometry.ts (planSheet, planBody), which the
 * task pane draws too, so the CLI's sheet and the pane's agree cell for cell.
 */
import type ExcelJS from 'exceljs';
import type { BodyPlan } from '../core/tables/sheet-geometry';

export { pageStarts } from '../core/tables/sheet-geometry';

/**
 * Draws the body plan on a table's sheet (values and look already written, the look by
 * bodyCellLook, which a merged area keeps from its top-left cell; body from sheet row `firstData`,
 * 1-based): the texts repeated after a page start, and the merges. Row heights and page breaks come
 * with the sheet plan (addTableSheet), as for every table.
 */
export function applyBodyLayout(ws: ExcelJS.Worksheet, plan: BodyPlan, firstData: number): void {
  for (const t of plan.texts) ws.getCell(firstData + t.row, t.col + 1).value = t.text;
  for (const mg of plan.merges) {
    if (mg.rowSpan > 1 || mg.colSpan > 1) ws.mergeCells(firstData + mg.row, mg.col + 1, firstData + mg.row + mg.rowSpan - 1, mg.col + mg.colSpan);
  }
}
