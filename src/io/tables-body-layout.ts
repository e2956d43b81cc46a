/**
 * The body layout of a standard table that carries one (the 项目支出绩效目标表, see bodyLayoutOf in
 * src/core/tables/project-performance-grid.ts), drawn on its exceljs sheet: merged areas, row heights
 * computed from the wrapped text (Excel and LibreOffice do not grow a row for a merged cell's text),
 * and manual page breaks so that a project block never starts on one page and ends on the next. A
 * block taller than a page is split where the page ends; the split areas of the layout's `repeat`
 * columns carry their text again on the new page, so every page names its project.
 *
 * Pages are counted from A4 in the table's orientation, the sheet's margins, the fit-to-width scale
 * and the repeated header rows, with some room to spare, so Excel's own breaks fall after ours.
 */
import type ExcelJS from 'exceljs';
import type { StandardTable } from '../core/tables';
import type { BodyLayout, BodyMerge } from '../core/tables/project-performance-grid';

/** Points per line of 10 pt 宋体, and the padding of a row. */
const LINE_PT = 13.5;
const PAD_PT = 4;
const MIN_ROW_PT = 18;
/** A4 in points. */
const A4 = { short: 595.28, long: 841.89 };
/** Points per character of a column width (7 px of the default font at 96 dpi), counted low so the scale is not underestimated. */
const PT_PER_CHAR = 5.25;
/** The share of a page the blocks may fill (Excel and LibreOffice measure rows and widths a little differently). */
const PAGE_FILL = 0.92;

export interface SheetGeometry {
  /** Sheet rows (1-based) of the first body row and of the last header row. */
  readonly firstData: number;
  readonly lastHeader: number;
  readonly headerStart: number;
  /** Rows above the header (title, unit line) and their heights in points. */
  readonly aboveHeaderPt: number;
  /** Column widths in character cells, as set on the sheet. */
  readonly widths: readonly number[];
  /** Display width of a text in character cells. */
  readonly displayWidth: (s: string) => number;
}

/** Lines a text takes in a cell `width` characters wide, wrapped. */
function linesOf(text: string, width: number, displayWidth: (s: string) => number): number {
  const cap = Math.max(1, width - 1);
  let n = 0;
  for (const part of text.split('\n')) n += Math.max(1, Math.ceil(displayWidth(part) / cap));
  return n;
}

const needPt = (lines: number) => Math.max(MIN_ROW_PT, lines * LINE_PT + PAD_PT);

interface Area {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
}

/**
 * Heights of `count` rows holding `areas` (one per written cell, merged or not): each row fits its
 * one-row areas; a taller area that does not fit its rows gets the rest spread over them.
 */
function rowHeights(count: number, areas: readonly Area[], g: SheetGeometry): number[] {
  const h = new Array<number>(count).fill(MIN_ROW_PT);
  const width = (a: Area) => g.widths.slice(a.col, a.col + a.colSpan).reduce((s, w) => s + w, 0);
  const tall: Area[] = [];
  for (const a of areas) {
    if (a.rowSpan > 1) tall.push(a);
    else if (a.text !== '') h[a.row] = Math.max(h[a.row], needPt(linesOf(a.text, width(a), g.displayWidth)));
  }
  for (const a of tall) {
    if (a.text === '') continue;
    const need = needPt(linesOf(a.text, width(a), g.displayWidth));
    let have = 0;
    for (let r = a.row; r < a.row + a.rowSpan; r++) have += h[r];
    if (have >= need) continue;
    const more = (need - have) / a.rowSpan;
    for (let r = a.row; r < a.row + a.rowSpan; r++) h[r] += more;
  }
  return h.map((x) => Math.ceil(x * 4) / 4);
}

/** Text of a body cell as written (money as its formatted figure is one line, counted as text). */
function cellText(table: StandardTable, r: number, c: number): string {
  const v = table.rows[r].cells[c];
  if (v === null || v === undefined) return '';
  if (table.columns[c].kind === 'money') return '0'; // one line whatever the figure
  return String(v);
}

/** The body's areas: each merge, and each other cell on its own. */
function bodyAreas(table: StandardTable, merges: readonly BodyMerge[], texts: ReadonlyMap<string, string>): Area[] {
  const covered = new Set<number>();
  const ncol = table.columns.length;
  const areas: Area[] = [];
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.rowSpan; r++) for (let c = m.col; c < m.col + m.colSpan; c++) covered.add(r * ncol + c);
    areas.push({ ...m, text: texts.get(`${m.row}:${m.col}`) ?? cellText(table, m.row, m.col) });
  }
  for (let r = 0; r < table.rows.length; r++) {
    for (let c = 0; c < ncol; c++) if (!covered.has(r * ncol + c)) areas.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: cellText(table, r, c) });
  }
  return areas;
}

/** Body rows (0-based) that start a new page: before a block that would cross the page end, and inside a block taller than a page. */
export function pageStarts(heights: readonly number[], layout: BodyLayout, pagePt: number, firstPagePt: number): number[] {
  const starts: number[] = [];
  let room = firstPagePt;
  let used = 0;
  for (const b of layout.blocks) {
    let h = 0;
    for (let r = b.start; r < b.end; r++) h += heights[r];
    if (used + h <= room) {
      used += h;
      continue;
    }
    if (used > 0) {
      starts.push(b.start);
      room = pagePt;
      used = 0;
    }
    if (h <= room) {
      used = h;
      continue;
    }
    // Taller than a page: fill pages row by row.
    for (let r = b.start; r < b.end; r++) {
      if (used > 0 && used + heights[r] > room) {
        starts.push(r);
        room = pagePt;
        used = 0;
      }
      used += heights[r];
    }
  }
  return starts;
}

/** Merges cut at the page starts; the parts after a cut of `repeat` columns get their text again. */
function splitMerges(table: StandardTable, layout: BodyLayout, starts: readonly number[]): { merges: BodyMerge[]; texts: Map<string, string> } {
  const cut = new Set(starts);
  const texts = new Map<string, string>();
  const merges: BodyMerge[] = [];
  const repeat = new Set(layout.repeat);
  for (const m of layout.merges) {
    const top = cellText(table, m.row, m.col);
    let s = m.row;
    const end = m.row + m.rowSpan;
    for (let r = m.row + 1; r <= end; r++) {
      if (r < end && !cut.has(r)) continue;
      merges.push({ row: s, col: m.col, rowSpan: r - s, colSpan: m.colSpan });
      if (r < end && repeat.has(m.col) && top !== '') texts.set(`${r}:${m.col}`, m.col === layout.repeat[0] ? top + layout.continuedSuffix : top);
      s = r;
    }
  }
  return { merges, texts };
}

/** Draws `layout` on the sheet of `table` (values and borders already written). */
export function applyBodyLayout(ws: ExcelJS.Worksheet, table: StandardTable, layout: BodyLayout, g: SheetGeometry): void {
  const ncol = table.columns.length;
  const nrow = table.rows.length;

  // Header heights: captions wrap inside their spans.
  const headerRows = g.lastHeader - g.headerStart + 1;
  const headerHeights = rowHeights(headerRows, table.header.map((h) => ({ row: h.row, col: h.col, rowSpan: h.rowSpan, colSpan: h.colSpan, text: h.text })), g);
  headerHeights.forEach((h, i) => (ws.getRow(g.headerStart + i).height = h));
  const headerPt = headerHeights.reduce((s, h) => s + h, 0);

  // The page: A4 less the margins, at the fit-to-width scale, less the repeated header rows.
  const landscape = table.orientation === 'landscape';
  const m = ws.pageSetup.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const printW = (landscape ? A4.long : A4.short) - (m.left + m.right) * 72;
  const printH = (landscape ? A4.short : A4.long) - (m.top + m.bottom) * 72;
  const tableW = g.widths.reduce((s, w) => s + w, 0) * PT_PER_CHAR;
  const scale = Math.min(1, Math.floor((printW / tableW) * 100) / 100);
  const pagePt = (printH / scale) * PAGE_FILL - headerPt;
  const firstPagePt = pagePt - g.aboveHeaderPt;

  const first = rowHeights(nrow, bodyAreas(table, layout.merges, new Map()), g);
  const starts = pageStarts(first, layout, pagePt, firstPagePt);
  const { merges, texts } = splitMerges(table, layout, starts);
  const heights = starts.length ? rowHeights(nrow, bodyAreas(table, merges, texts), g) : first;

  for (const [k, text] of texts) {
    const [r, c] = k.split(':').map(Number);
    ws.getCell(g.firstData + r, c + 1).value = text;
  }
  for (const mg of merges) {
    if (mg.rowSpan > 1 || mg.colSpan > 1) ws.mergeCells(g.firstData + mg.row, mg.col + 1, g.firstData + mg.row + mg.rowSpan - 1, mg.col + mg.colSpan);
  }
  for (let r = 0; r < nrow; r++) {
    const sheetRow = ws.getRow(g.firstData + r);
    sheetRow.height = heights[r];
    for (let c = 0; c < ncol; c++) {
      const cell = sheetRow.getCell(c + 1);
      const label = table.rows[r].isTotal && c === 0;
      cell.alignment = { ...cell.alignment, vertical: 'middle', horizontal: label ? 'center' : cell.alignment?.horizontal, wrapText: table.columns[c].kind !== 'money' || undefined };
    }
  }
  for (const s of starts) ws.getRow(g.firstData + s - 1).addPageBreak();
}
