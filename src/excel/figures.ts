/**
 * The 报告数字 sheet (SPEC §5.3, the pane's 报表 tab): the figures table of the core
 * (指标 | 数值 | 单位 | 显示 | 算法或来源), then the filled paragraph and the placeholders left unfilled.
 * A sheet of that name made by the user is never replaced: ours gets a suffix. Our own earlier
 * 报告数字 (named in the saved settings) is replaced, as 审核结果 is.
 */
import { HEADER_RGB } from '../core/review';
import { displayWidth } from '../core/text';
import { widthToPoints } from '../core/tables/sheet-geometry';
import { writeRows } from './flag';
import { Batcher, excelRun, jsonBytes } from './run';
import { asFormulaText, asText, ourEarlierSheet, uniqueSheetName } from './sheet-names';

export const FIGURES_SHEET = '报告数字';
const WIDTHS = [30, 14, 10, 14, 44];

export interface FiguresSheet {
  /** figuresSheetRows(report): the header row, then one row per figure. */
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** The filled paragraph, when there was a template. */
  text?: string;
  unresolved?: ReadonlyArray<{ placeholder: string; reason: string }>;
}

/**
 * The cells of the sheet, top to bottom: the table, a blank row, the paragraph, the placeholders
 * left unfilled. `text` guards strings (Excel reads a leading '=' as a formula; exceljs does not).
 */
export function figuresSheetValues(s: FiguresSheet, text: (v: string) => string = asText): Array<Array<string | number>> {
  // The table's cells are formatted as Text ('@') before they are written, so Excel keeps them as
  // they are but for a leading '=' (the guard they always had); the rows after it are General, where
  // every string Excel would reinterpret ("74,356.00", "2018-12-31") needs asText.
  const tableText = text === asText ? asFormulaText : text;
  const out: Array<Array<string | number>> = s.rows.map((r) => r.map((v) => (typeof v === 'string' ? tableText(v) : v)));
  if (s.text !== undefined) {
    out.push([], ['填好的段落'], [text(s.text)]);
    if (s.unresolved && s.unresolved.length > 0) {
      out.push([], [`未填的占位符（${s.unresolved.length} 个，已原样保留）`, '', '', '', '原因']);
      for (const u of s.unresolved) out.push([text(u.placeholder), '', '', '', text(u.reason)]);
    }
  }
  return out;
}

/**
 * Points for a wrapped paragraph across the table's columns: Excel does not autofit merged cells.
 * A CJK character takes about two character widths; 15 pt a line; Excel's row limit is 409 pt.
 */
export function paragraphRowHeight(text: string): number {
  const perLine = WIDTHS.reduce((a, b) => a + b, 0) - 4;
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(part) / perLine));
  return Math.min(409, 15 * lines + 3);
}

/** Write the sheet; `ours` names the sheets this add-in generated earlier. Returns the name used. */
export async function writeFiguresSheet(s: FiguresSheet, ours: ReadonlyArray<string>): Promise<string> {
  return excelRun(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const existing = sheets.items.map((x) => x.name);
    const mine = ourEarlierSheet(FIGURES_SHEET, existing, ours);
    if (mine) ctx.workbook.worksheets.getItem(mine).delete();
    const name = uniqueSheetName(FIGURES_SHEET, existing.filter((n) => n !== mine));
    const ws = ctx.workbook.worksheets.add(name);
    const batch = new Batcher(ctx);
    const values = figuresSheetValues(s);
    const width = WIDTHS.length;
    const tableRows = s.rows.length;
    // Text cells stay text ('@'); the 数值 column keeps the unrounded number, shown with two decimals.
    const formats = values.slice(0, tableRows).map((r, i) => WIDTHS.map((_, c) => (i > 0 && c === 1 && typeof r[1] === 'number' ? '#,##0.00' : '@')));
    await batch.reserve(jsonBytes(formats) + 600);
    ws.getRangeByIndexes(0, 0, tableRows, width).numberFormat = formats;
    await writeRows(ws, batch, values);
    await batch.reserve(3000);
    const header = ws.getRangeByIndexes(0, 0, 1, width);
    header.format.font.bold = true;
    header.format.fill.color = `#${HEADER_RGB}`;
    WIDTHS.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthToPoints(w)));
    if (s.text !== undefined) {
      ws.getRangeByIndexes(tableRows + 1, 0, 1, 1).format.font.bold = true;
      // One cell (copies whole) merged across the table and wrapped, tall enough to read it all.
      const para = ws.getRangeByIndexes(tableRows + 2, 0, 1, width);
      para.merge(false);
      para.format.wrapText = true;
      para.format.verticalAlignment = 'Top';
      para.format.rowHeight = paragraphRowHeight(s.text);
    }
    ws.freezePanes.freezeRows(1);
    ws.activate();
    await batch.flush();
    return name;
  });
}
