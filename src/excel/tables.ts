/**
 * Standard tables written into new sheets of the open workbook ("1 部门收支总表", suffixed when
 * the name is taken — a generated sheet never replaces a user's sheet). Money cells hold exact
 * values in the display unit; only the number format rounds, so totals tie as the core made them.
 *
 * Every table is drawn as the xlsx writer draws it (src/io/tables-workbook.ts), from the same plan
 * (planSheet in src/core/tables/sheet-geometry.ts): the merges (title, the unit line's two parts,
 * header spans, notes), the column widths (the file's character widths converted to the points
 * Office.js takes, widthToPoints), the title and note row heights, and the print setup (A4 in the
 * table's orientation, one page wide, margins, header rows repeated, footer); and with the same look
 * (fonts, fill, thin borders, alignment, wrapping, indent: table-look.ts, bodyCellLook). Names are
 * indented with RangeFormat.indentLevel (ExcelApi 1.9), so a copied cell holds the bare name; below
 * 1.9 the indent goes into the text as full-width spaces instead.
 *
 * A table with a body layout (the 项目支出绩效目标表, bodyLayoutOf) also gets the body merges, row
 * heights that fit the wrapped text of merged cells (Excel does not grow a row for them), and
 * manual page breaks so that no project starts on one page and ends on the next; a project taller
 * than a page continues under 项目名称（续）. Merges, formats (one op per range or run of equal
 * looks), heights (one op per run of equal heights), page setups and breaks are queued like every
 * other op, so they add syncs only as payload chunks fill, never one per row or table. Page setup
 * and breaks need ExcelApi 1.9 (PageLayout, PageBreakCollection); below it every table is written
 * with its widths and heights but no print setup, and the laid-out table unpaginated and whole (no （续）), as caps.degradationNotes says.
 */
import { FEN_PER_UNIT } from '../core/money';
import type { StandardTable } from '../core/tables/model';
import { HEADER_START, MAX_ROW_PT, bodyCellLook, planSheet, type PrintSetup, unitLineSplit, widthToPoints } from '../core/tables/sheet-geometry';
import { detectCaps, type HostCaps } from './caps';
import { drawTableLook, INDENT_MINOR } from './table-look';
import { Batcher, excelRun, jsonBytes, OnProgress, PAYLOAD_BUDGET, ProgressMeter } from './run';
import { asText, uniqueSheetName } from './sheet-names';
import { a1 } from '../core/address';

/** Range.merge is ExcelApi 1.2 (typings, Excel.Range.merge). */
const MERGE_MINOR = 2;
/** Worksheet.pageLayout and Worksheet.horizontalPageBreaks are ExcelApi 1.9 (typings, Excel.PageBreakCollection). */
const PAGE_LAYOUT_MINOR = 9;
/** Excel's limits: a row is 0–409 points high (the plan keeps to it); a sheet holds at most 1,026 horizontal page breaks. */
export { MAX_ROW_PT };
export const MAX_PAGE_BREAKS = 1026;

export const MONEY_FORMAT = '#,##0.00';

/** The table as drawn on its sheet (0-based rows and columns, from A1). */
export interface SheetLayout {
  readonly values: (string | number)[][];
  readonly formats: string[][];
  /** Merged areas as [top, left, bottom, right]. */
  readonly merges: Array<[number, number, number, number]>;
  /** The first body row. */
  readonly headerEnd: number;
  /** Row heights in points, null where the row keeps Excel's height. */
  readonly heights: readonly (number | null)[];
  /** Rows that start a printed page (a manual break above each); empty unless paginated. */
  readonly pageBreaks: readonly number[];
  /** Column widths in character cells of the file (widthToPoints for Office.js). */
  readonly widths: readonly number[];
  readonly print: PrintSetup;
}

/**
 * The table as a grid of values, number formats, merges and the xlsx writer's sheet plan (widths,
 * heights, print setup), starting at A1. The body starts at row `headerEnd`. A table with a body
 * layout also carries its body merges (cut at the page starts with `paginate`), the texts repeated
 * there and the page breaks.
 */
export function tableLayout(t: StandardTable, paginate = true, textIndent = false): SheetLayout {
  const n = t.columns.length;
  const blank = (): (string | number)[] => Array(n).fill('');
  const values: (string | number)[][] = [];
  const merges: Array<[number, number, number, number]> = [];
  values.push(blank());
  values[0][0] = asText(t.title);
  if (n > 1) merges.push([0, 0, 0, n - 1]);
  // The unit line in two merged parts, split where the xlsx writer splits it.
  values.push(blank());
  const split = unitLineSplit(n);
  values[1][0] = asText(t.preparedBy);
  if (split > 1) merges.push([1, 0, 1, split - 1]);
  if (n > split) {
    values[1][split] = asText(t.unitLabel);
    if (n > split + 1) merges.push([1, split, 1, n - 1]);
  } else values[1][0] = asText(`${t.preparedBy}    ${t.unitLabel}`);
  const h0 = HEADER_START;
  for (let i = 0; i < t.headerRows; i++) values.push(blank());
  for (const h of t.header) {
    values[h0 + h.row][h.col] = asText(h.text);
    if (h.rowSpan > 1 || h.colSpan > 1) merges.push([h0 + h.row, h.col, h0 + h.row + h.rowSpan - 1, h.col + h.colSpan - 1]);
  }
  t.rows.forEach((row, r) => {
    values.push(row.cells.map((v, c) => {
      if (v === null) return '';
      if (t.columns[c].kind === 'money' && typeof v === 'number') return v / FEN_PER_UNIT[t.amountUnit];
      // Only where the host cannot set IndentLevel: full-width spaces in the text would be copied with the name.
      const indent = textIndent && t.columns[c].indent ? '\u3000'.repeat(bodyCellLook(t, r, c).indent) : '';
      return asText(indent + String(v));
    }));
  });
  const body = h0 + t.headerRows;
  const plan = planSheet(t, paginate);
  for (const m of plan.body?.merges ?? []) {
    if (m.rowSpan > 1 || m.colSpan > 1) merges.push([body + m.row, m.col, body + m.row + m.rowSpan - 1, m.col + m.colSpan - 1]);
  }
  for (const x of plan.body?.texts ?? []) values[body + x.row][x.col] = asText(x.text);
  for (const note of t.notes) {
    const r = blank();
    r[0] = asText(note);
    values.push(r);
    if (n > 1) merges.push([values.length - 1, 0, values.length - 1, n - 1]);
  }
  const formats = values.map((_, r) => t.columns.map((c) => (r >= h0 + t.headerRows && r < h0 + t.headerRows + t.rows.length ? (c.kind === 'money' ? MONEY_FORMAT : '@') : 'General')));
  return { values, formats, merges, headerEnd: body, heights: plan.heights, pageBreaks: plan.pageBreaks, widths: plan.widths, print: plan.print };
}

/** Runs of equal, set heights: [start, count, height]. */
function heightRuns(heights: readonly (number | null)[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  heights.forEach((h, i) => {
    if (h === null) return;
    const last = out[out.length - 1];
    if (last && last[2] === h && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1, h]);
  });
  return out;
}

/**
 * Queues the row heights: one range per run of equal heights across the table's width. The plan
 * keeps every height within Excel's 0–409 points, as the xlsx writer writes them.
 */
async function setRowHeights(ws: Excel.Worksheet, heights: readonly (number | null)[], width: number, batch: Batcher): Promise<void> {
  for (const [start, count, h] of heightRuns(heights)) {
    await batch.reserve(300);
    ws.getRangeByIndexes(start, 0, count, width).format.rowHeight = h;
  }
}

/**
 * Queues the print setup of the xlsx writer (ExcelApi 1.9): A4 in the table's orientation, one page
 * wide, its margins (inches there, points here), the header rows repeated, the page footer; and a
 * manual break above each page start. The page starts were counted for exactly this page, so the
 * two go together.
 */
async function setUpPages(ws: Excel.Worksheet, layout: SheetLayout, batch: Batcher): Promise<void> {
  await batch.reserve(2000);
  const { orientation, margins, titleRows, footer } = layout.print;
  const p = ws.pageLayout;
  p.orientation = orientation === 'landscape' ? 'Landscape' : 'Portrait';
  p.paperSize = 'A4' as Excel.PaperType;
  p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  p.leftMargin = margins.left * 72;
  p.rightMargin = margins.right * 72;
  p.topMargin = margins.top * 72;
  p.bottomMargin = margins.bottom * 72;
  p.headerMargin = margins.header * 72;
  p.footerMargin = margins.footer * 72;
  p.centerHorizontally = true;
  p.setPrintTitleRows(`$${titleRows[0]}:$${titleRows[1]}`);
  p.headersFooters.defaultForAllPages.centerFooter = footer;
  // Excel keeps at most 1,026 manual breaks a sheet; past them its own breaks take over.
  for (const row of layout.pageBreaks.slice(0, MAX_PAGE_BREAKS)) {
    await batch.reserve(300);
    ws.horizontalPageBreaks.add(`A${row + 1}`);
  }
}

/**
 * Write each table to a new sheet; returns the sheet names used. `label` prefixes names (a unit).
 * On a host without Range.merge (below ExcelApi 1.2) the sheets are written unmerged: each merged
 * value stays in the top cell of its area, so nothing is lost or counted twice. Below ExcelApi 1.9
 * the tables get their widths and heights but no print setup, and the 项目支出绩效目标表 no page
 * breaks, and so no （续）.
 */
export async function writeTables(tables: ReadonlyArray<StandardTable>, label = '', onProgress?: OnProgress, caps: Pick<HostCaps, 'version'> = detectCaps()): Promise<string[]> {
  const canMerge = caps.version >= MERGE_MINOR;
  const canPaginate = caps.version >= PAGE_LAYOUT_MINOR;
  const canIndent = caps.version >= INDENT_MINOR;
  const layouts = tables.map((t) => tableLayout(t, canPaginate, !canIndent));
  // Progress in table rows written: the values are nearly all of the work.
  const meter = new ProgressMeter(layouts.reduce((n, l) => n + l.values.length, 0), onProgress);
  return excelRun(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const taken = sheets.items.map((s) => s.name);
    const names: string[] = [];
    const batch = new Batcher(ctx, PAYLOAD_BUDGET, meter);
    for (const [i, t] of tables.entries()) {
      const name = uniqueSheetName(`${label ? label + '-' : ''}${i + 1} ${t.shortName}`, taken);
      taken.push(name);
      names.push(name);
      await batch.reserve(600);
      const ws = ctx.workbook.worksheets.add(name);
      const { values, formats, merges, headerEnd, heights, widths } = layouts[i];
      const n = t.columns.length;
      // Values and formats in row chunks: a 3,000-row 绩效目标表 is about 5.7 MB as one op, over
      // Excel's 5 MB request limit (office-js-docs-pr#2846). Formats go first, so '@' cells keep text.
      const maxOp = Math.floor(batch.budget / 3);
      for (let i = 0; i < values.length;) {
        let bytes = 0;
        let j = i;
        while (j < values.length && (j === i || bytes + jsonBytes(values[j]) + jsonBytes(formats[j]) < maxOp)) bytes += jsonBytes(values[j]) + jsonBytes(formats[j++]);
        await batch.reserve(bytes + 800);
        const part = ws.getRangeByIndexes(i, 0, j - i, n);
        part.numberFormat = formats.slice(i, j);
        part.values = values.slice(i, j);
        meter.add(j - i);
        i = j;
      }
      // All merges of the sheet queued; the batcher syncs only when a payload chunk is full.
      if (canMerge) {
        for (const [r1, c1, r2, c2] of merges) {
          await batch.reserve(300);
          ws.getRange(`${a1(r1 + 1, c1 + 1)}:${a1(r2 + 1, c2 + 1)}`).merge(false);
        }
      }
      await drawTableLook(ws, t, layouts[i], batch, canIndent);
      await setRowHeights(ws, heights, n, batch);
      if (canPaginate) await setUpPages(ws, layouts[i], batch);
      await batch.reserve(600 + n * 300);
      // Office.js takes points; the plan's widths are the file's characters.
      widths.forEach((w, j) => (ws.getRange(`${a1(1, j + 1)}`).format.columnWidth = widthToPoints(w)));
      ws.freezePanes.freezeRows(headerEnd);
    }
    await batch.flush();
    meter.finish();
    return names;
  });
}
