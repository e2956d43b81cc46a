/**
 * Renders standard tables (src/core/tables model) into an exceljs workbook: one sheet per table,
 * print-ready (A4 in the table's orientation, header rows repeated on every page, fit to one page
 * wide, thin borders), merged multi-row headers, exact values (分 ÷ 100 or ÷ 1,000,000, never
 * rounded; only the number format rounds), and column widths that show the names.
 */
import ExcelJS from 'exceljs';
import { FEN_PER_UNIT } from '../core/money';
import type { StandardTable, TableValue } from '../core/tables';
import { stampOutput } from './own-output';
import { SheetNamer } from '../core/review/sheet-names';
import {
  HEADER_FILL_RGB, HEADER_START, TABLE_FONT, TABLE_FONT_PT, TITLE_FONT_PT, bodyCellLook, columnWidth, displayWidth, planSheet, unitLineSplit,
} from '../core/tables/sheet-geometry';
import { applyBodyLayout } from './tables-body-layout';

// The geometry and the look (fonts, fill, unit line, body alignment) live in core so the task pane
// draws the same sheet; the geometry is re-exported for this module's callers.
export { columnWidth, displayWidth };

/** Rows above the header: the title and the unit line. */
export const TITLE_ROW = 1;
export const UNIT_ROW = 2;
export const HEADER_START_ROW = HEADER_START + 1; // the plan's rows are 0-based

export const MONEY_FORMAT = '#,##0.00';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${HEADER_FILL_RGB}` } };

/** A table's cell as written to the sheet: money as a number in the display unit, text as is. */
function sheetValue(table: StandardTable, col: number, v: TableValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (table.columns[col].kind === 'money' && typeof v === 'number') return v / FEN_PER_UNIT[table.amountUnit];
  return String(v);
}

/** Writes one table on a new sheet; returns the sheet. */
export function addTableSheet(wb: ExcelJS.Workbook, table: StandardTable, sheetName: string): ExcelJS.Worksheet {
  const ncol = table.columns.length;
  const firstData = HEADER_START_ROW + table.headerRows;
  const lastHeader = firstData - 1;
  // Widths, heights, print setup and breaks from the plan the task pane draws too.
  const plan = planSheet(table);
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: plan.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { ...plan.print.margins },
    },
    views: [{ state: 'frozen', ySplit: lastHeader, xSplit: 0 }],
  });
  ws.pageSetup.printTitlesRow = plan.print.titleRows.join(':');
  ws.headerFooter.oddFooter = plan.print.footer;

  // Title and unit line.
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, ncol);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = table.title;
  title.font = { name: TABLE_FONT, size: TITLE_FONT_PT, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  const split = unitLineSplit(ncol);
  if (split > 1) ws.mergeCells(UNIT_ROW, 1, UNIT_ROW, split);
  ws.getCell(UNIT_ROW, 1).value = table.preparedBy;
  ws.getCell(UNIT_ROW, 1).alignment = { horizontal: 'left', vertical: 'middle' };
  if (ncol > split) {
    if (ncol > split + 1) ws.mergeCells(UNIT_ROW, split + 1, UNIT_ROW, ncol);
    ws.getCell(UNIT_ROW, split + 1).value = table.unitLabel;
    ws.getCell(UNIT_ROW, split + 1).alignment = { horizontal: 'right', vertical: 'middle' };
  } else {
    ws.getCell(UNIT_ROW, 1).value = `${table.preparedBy}    ${table.unitLabel}`;
  }
  for (let c = 1; c <= ncol; c++) ws.getCell(UNIT_ROW, c).font = { name: TABLE_FONT, size: TABLE_FONT_PT };

  // Header: every cell bordered and filled, captions merged over their spans.
  for (let r = HEADER_START_ROW; r <= lastHeader; r++) {
    for (let c = 1; c <= ncol; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.fill = HEADER_FILL;
      cell.font = { name: TABLE_FONT, size: TABLE_FONT_PT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
  for (const h of table.header) {
    const top = HEADER_START_ROW + h.row;
    const left = 1 + h.col;
    if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCells(top, left, top + h.rowSpan - 1, left + h.colSpan - 1);
    ws.getCell(top, left).value = h.text;
  }

  // Body.
  table.rows.forEach((row, i) => {
    const r = firstData + i;
    row.cells.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      const kind = table.columns[c].kind;
      const look = bodyCellLook(table, i, c);
      cell.value = sheetValue(table, c, v);
      cell.border = THIN;
      cell.font = { name: TABLE_FONT, size: TABLE_FONT_PT, bold: look.bold || undefined };
      if (kind === 'money') cell.numFmt = MONEY_FORMAT;
      else if (kind === 'code') cell.numFmt = '@';
      cell.alignment = { horizontal: look.horizontal, vertical: 'middle', wrapText: look.wrap || undefined, indent: look.indent || undefined };
    });
  });

  // Notes (the empty-table statement) under the body, across the width.
  table.notes.forEach((note, i) => {
    const r = firstData + table.rows.length + i;
    if (ncol > 1) ws.mergeCells(r, 1, r, ncol);
    const cell = ws.getCell(r, 1);
    cell.value = note;
    cell.font = { name: TABLE_FONT, size: TABLE_FONT_PT };
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  });

  plan.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  plan.heights.forEach((h, r) => {
    if (h !== null) ws.getRow(r + 1).height = h;
  });
  // A table with a body layout (项目支出绩效目标表): merged areas, no project across a page (its alignment is bodyCellLook's).
  if (plan.body) applyBodyLayout(ws, plan.body, firstData);
  // exceljs keeps a break under a row: the 1-based row `r` is the one above 0-based page start `r`.
  for (const r of plan.pageBreaks) ws.getRow(r).addPageBreak();
  return ws;
}

/** A set of tables; `label` (a unit name) prefixes the sheet names when several sets share a workbook. */
export interface TableSet {
  readonly label?: string;
  readonly tables: readonly StandardTable[];
}

/** One workbook with a sheet per table of every set, named "1 部门收支总表" or "<unit>-1 部门收支总表". */
export function buildTablesWorkbook(sets: readonly TableSet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  stampOutput(wb);
  wb.created = new Date();
  const namer = new SheetNamer();
  for (const set of sets) {
    set.tables.forEach((t, i) => addTableSheet(wb, t, namer.name(`${i + 1} ${t.shortName}`, set.label ?? '')));
  }
  return wb;
}
