/**
 * The 审核结果 and 单位汇总 sheets in the open workbook, drawn from the review model
 * (src/core/review), so the pane writes the same columns, words and colours as the CLI and the
 * offline page. Links are HYPERLINK formulas to the finding's own sheet. A sheet of that name made
 * by the user is never replaced: ours gets a suffix. Our own earlier sheet is replaced.
 *
 * Page setup (A4 landscape, one page wide, header repeated, footer) needs Worksheet.pageLayout,
 * ExcelApi 1.9 (caps.rangeAreas); older hosts get the sheets without it.
 */
import { quoteSheet } from '../core/address';
import type { Finding } from '../core/findings';
import { RESULTS_SHEET, resultsSheet, ReviewSheet, ReviewUnit, UNITS_SHEET, unitsSheet, HEADER_RGB, LINK_RGB } from '../core/review';
import { widthToPoints } from '../core/tables/sheet-geometry';
import type { HostCaps } from './caps';
import { writeRows } from './flag';
import { Batcher, excelRun, OnProgress, PAYLOAD_BUDGET, ProgressMeter } from './run';
import { asText, ourEarlierSheet, uniqueSheetName } from './sheet-names';

export { RESULTS_SHEET, UNITS_SHEET };
export const RESULTS_HEADER = resultsSheet([]).columns.map((c) => c.header);

export function hyperlinkFormula(sheet: string, cell: string, text: string): string {
  const target = `#${quoteSheet(sheet)}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${text.replace(/"/g, '""')}")`;
}

/** The cells written (header included), as formulas: text kept as typed (asText), links as HYPERLINK. */
export function sheetRows(sheet: ReviewSheet): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [sheet.columns.map((c) => c.header)];
  for (const cells of sheet.rows) {
    rows.push(cells.map((c) => {
      if (c.value === null) return '';
      if (typeof c.value === 'number') return c.value;
      return c.link ? hyperlinkFormula(c.link.sheet, c.link.cell, c.value) : asText(c.value);
    }));
  }
  return rows;
}

/** Runs of equal values in a list: [start, length, value] (rows sorted by severity give few fills). */
function runs<T>(xs: ReadonlyArray<T>): Array<[number, number, T]> {
  const out: Array<[number, number, T]> = [];
  xs.forEach((x, i) => {
    const last = out[out.length - 1];
    if (last && last[2] === x && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1, x]);
  });
  return out;
}


async function drawSheet(ctx: Excel.RequestContext, ws: Excel.Worksheet, sheet: ReviewSheet, caps: HostCaps, meter?: ProgressMeter): Promise<void> {
  const batch = new Batcher(ctx, PAYLOAD_BUDGET, meter);
  const rows = sheetRows(sheet);
  const width = sheet.columns.length;
  await writeRows(ws, batch, rows, 1, 1, true);
  const header = ws.getRangeByIndexes(0, 0, 1, width);
  await batch.reserve(600);
  header.format.font.bold = true;
  header.format.fill.color = `#${HEADER_RGB}`;
  header.format.wrapText = true;
  header.format.rowHeight = sheet.heights[0];
  for (let i = 0; i < width; i++) {
    const col = sheet.columns[i];
    await batch.reserve(400);
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthToPoints(col.width); // widths are in characters, as the CLI's review workbook writes them
    if (sheet.rows.length === 0) continue;
    const body = ws.getRangeByIndexes(1, i, sheet.rows.length, 1);
    if (col.wrap) body.format.wrapText = true;
    body.format.verticalAlignment = 'Top';
    if (col.align) body.format.horizontalAlignment = col.align === 'center' ? 'Center' : 'Right';
    // Fills and fonts by runs of rows (sorted rows make a handful of ranges, not one per row).
    for (const [start, n, fill] of runs(sheet.rows.map((r) => r[i]?.fill ?? ''))) {
      if (!fill) continue;
      await batch.reserve(300);
      ws.getRangeByIndexes(1 + start, i, n, 1).format.fill.color = `#${fill}`;
    }
    for (const [start, n, bold] of runs(sheet.rows.map((r) => !!r[i]?.bold))) {
      if (!bold) continue;
      await batch.reserve(300);
      ws.getRangeByIndexes(1 + start, i, n, 1).format.font.bold = true;
    }
    for (const [start, n, link] of runs(sheet.rows.map((r) => !!r[i]?.link))) {
      if (!link) continue;
      await batch.reserve(300);
      ws.getRangeByIndexes(1 + start, i, n, 1).format.font.color = `#${LINK_RGB}`;
    }
  }
  for (const [start, n, h] of runs(sheet.heights.slice(1))) {
    await batch.reserve(300);
    ws.getRangeByIndexes(1 + start, 0, n, width).format.rowHeight = h;
  }
  await batch.reserve(3000);
  if (sheet.frozenRows) ws.freezePanes.freezeRows(sheet.frozenRows);
  if (caps.rangeAreas && sheet.autoFilter && rows.length > 1) ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, rows.length, width));
  if (caps.rangeAreas) applyPageLayout(ws, sheet);
  await batch.flush();
}

/** Worksheet.pageLayout (ExcelApi 1.9): the model's print setup, margins in points. */
function applyPageLayout(ws: Excel.Worksheet, sheet: ReviewSheet): void {
  const p = sheet.print;
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4' as Excel.PaperType;
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  layout.leftMargin = p.margins.left * 72;
  layout.rightMargin = p.margins.right * 72;
  layout.topMargin = p.margins.top * 72;
  layout.bottomMargin = p.margins.bottom * 72;
  layout.headerMargin = p.margins.header * 72;
  layout.footerMargin = p.margins.footer * 72;
  layout.centerHorizontally = p.centerHorizontally;
  layout.setPrintTitleRows(`$${p.titleRows.first}:$${p.titleRows.last}`);
  // Excel's footer codes per section: &L…&R… is split into the left and right footers.
  const m = /^&L(.*)&R(.*)$/.exec(p.footer);
  const pages = layout.headersFooters.defaultForAllPages;
  if (m) {
    pages.leftFooter = m[1];
    pages.rightFooter = m[2];
  } else pages.centerFooter = p.footer;
}

async function replaceSheet(ctx: Excel.RequestContext, base: string, ours: ReadonlyArray<string>): Promise<{ ws: Excel.Worksheet; name: string }> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const existing = sheets.items.map((s) => s.name);
  const mine = ourEarlierSheet(base, existing, ours);
  if (mine) ctx.workbook.worksheets.getItem(mine).delete();
  const name = uniqueSheetName(base, existing.filter((n) => n !== mine));
  return { ws: ctx.workbook.worksheets.add(name), name };
}

/**
 * Write 审核结果 (and, with `units`, 单位汇总 for them). `ours` names the sheets this add-in
 * generated earlier (from the saved settings); returns the name of the 审核结果 sheet used.
 */
export async function writeResultsSheet(findings: ReadonlyArray<Finding>, caps: HostCaps, ours: ReadonlyArray<string>, units?: ReadonlyArray<ReviewUnit>, onProgress?: OnProgress): Promise<string> {
  return (await writeReviewSheets(findings, caps, ours, units, onProgress))[0];
}

/** Both sheets; returns their names, 审核结果 first. */
export async function writeReviewSheets(findings: ReadonlyArray<Finding>, caps: HostCaps, ours: ReadonlyArray<string>, units?: ReadonlyArray<ReviewUnit>, onProgress?: OnProgress): Promise<string[]> {
  const unitsModel = units ? unitsSheet(units, findings) : null;
  const resultsModel = resultsSheet(findings);
  // Progress in rows written (header rows included): the rows are nearly all of the work.
  const meter = new ProgressMeter(resultsModel.rows.length + 1 + (unitsModel ? unitsModel.rows.length + 1 : 0), onProgress);
  return excelRun(async (ctx) => {
    let unitsName: string | undefined;
    if (unitsModel) {
      const u = await replaceSheet(ctx, UNITS_SHEET, ours);
      await drawSheet(ctx, u.ws, unitsModel, caps, meter);
      unitsName = u.name;
    }
    const r = await replaceSheet(ctx, RESULTS_SHEET, ours.filter((n) => n !== unitsName));
    await drawSheet(ctx, r.ws, resultsModel, caps, meter);
    r.ws.activate();
    await ctx.sync();
    meter.finish();
    return unitsName ? [r.name, unitsName] : [r.name];
  });
}
