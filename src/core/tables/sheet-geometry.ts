/**
 * The print geometry and look of a standard table's sheet, shared by the xlsx writer
 * (src/io/tables-workbook.ts, tables-body-layout.ts) and the task pane (src/excel/tables.ts,
 * table-look.ts), so both draw the same sheet: the font, sizes and header fill, the unit line's
 * split, each body cell's alignment, indent and weight (bodyCellLook); and (planSheet)
 * column widths, the print setup, the title and note row heights, and for a table with
 * a body layout (the 项目支出绩效目标表, bodyLayoutOf) the row heights computed from the wrapped text
 * (Excel and LibreOffice do not grow a row for a merged cell's text) and the page starts that keep
 * a project block on one page. A block taller than a page is split where the page ends; the split
 * areas of the layout's `repeat` columns carry their text again on the new page, so every page
 * names its project.
 *
 * Pages are counted from A4 in the table's orientation, the sheet's margins, the fit-to-width scale
 * and the repeated header rows, with some room to spare, so Excel's own breaks fall after ours.
 * Every planned height is at most 409 pt, Excel's limit, so the file and the pane hold the same value
 * (a taller text clips). Pure: no host, no exceljs.
 */
import { FEN_PER_UNIT } from '../money';
import type { StandardTable } from './model';
import { allBlocks, type BodyLayout, type BodyMerge, bodyLayoutOf } from './project-performance-grid';

/** Points per line of 10 pt 宋体, and the padding of a row. */
const LINE_PT = 13.5;
const PAD_PT = 4;
const MIN_ROW_PT = 18;
/** A4 in points. */
const A4 = { short: 595.28, long: 841.89 };
/**
 * Maximum digit width in pixels of the Normal font of the written workbook (exceljs writes Calibri
 * 11, 7 px at 96 dpi): the unit of a column width in the file.
 */
const MAX_DIGIT_PX = 7;
/** Points per pixel at 96 dpi. */
const PT_PER_PX = 72 / 96;
/** Points per character of a column width (7 px at 96 dpi), counted low so the scale is not underestimated. */
const PT_PER_CHAR = MAX_DIGIT_PX * PT_PER_PX;
/** The share of a page the blocks may fill (Excel and LibreOffice measure rows and widths a little differently). */
const PAGE_FILL = 0.92;

/** Excel's limit on a row's height in points (Office.js refuses more; a file's larger value is not shown). */
export const MAX_ROW_PT = 409;

/** Height of the title row, and the room the unit line takes under it (both above the header). */
export const TITLE_ROW_PT = 32;
export const UNIT_ROW_PT = 20;

/** Page margins in inches, as a sheet's page setup gives them. */
export interface PageMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/** The margins of every table sheet. */
export const TABLE_MARGINS: PageMargins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** Excel's margins when a sheet sets none. */
export const DEFAULT_MARGINS: PageMargins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** The page footer of every table sheet (page codes as Excel and exceljs read them). */
export const TABLE_FOOTER = '第 &P 页，共 &N 页';

/**
 * A column width of the file (characters of the Normal font's digit width, padding included, as
 * exceljs and the xlsx `<col width>` hold it) in points, as Office.js RangeFormat.columnWidth takes
 * it (points: office-js#187, a 40 pt width shows as 53 px in office-js#3036). Pixels per ECMA-376
 * Part 1 §18.3.1.13: Truncate(((256 × width + Truncate(128 / MDW)) / 256) × MDW); the default
 * 8.43-character column (file width 9.140625) is 64 px, 48 pt. Points, not characters, keep the
 * pane's column as wide on paper as the file's whatever the Normal font of the user's workbook.
 */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / MAX_DIGIT_PX)) / 256) * MAX_DIGIT_PX);
  return px * PT_PER_PX;
}

/** Display width of a text in character cells: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”‘’]/.test(ch) ? 2 : 1;
  return w;
}

function moneyText(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Indent the name column by level in national style (one code column); Shanghai splits the codes instead. */
export function indentOf(table: StandardTable, col: number, level: number): number {
  return table.columns[col].indent && table.style === 'national' && level > 1 ? level - 1 : 0;
}

/**
 * The look of a table sheet, the same in both writers: 宋体 throughout, the title at 16 pt bold and
 * everything else at 10 pt, the header bold on a light grey fill, thin borders on every header and
 * body cell, all vertically centred.
 */
export const TABLE_FONT = '宋体';
export const TITLE_FONT_PT = 16;
export const TABLE_FONT_PT = 10;
/** The header's fill, RRGGBB. */
export const HEADER_FILL_RGB = 'F2F2F2';

/**
 * Columns the left part of the unit line (编制部门：…) spans from A, merged; the right part (单位：…)
 * spans the rest. A one-column table holds both parts in A.
 */
export function unitLineSplit(ncol: number): number {
  return Math.max(1, Math.ceil(ncol / 2));
}

/** How a body cell is drawn (besides its borders, font and vertical centring, the same for all). */
export interface BodyCellLook {
  readonly horizontal: 'left' | 'center' | 'right';
  readonly wrap: boolean;
  /** Indent level (Excel's IndentLevel, exceljs alignment.indent), 0 for none. */
  readonly indent: number;
  readonly bold: boolean;
}

/**
 * The look of body cell (r, c): money right, codes centred, text left and indented by level; total
 * rows bold with their label centred. A table with a body layout (bodyLayoutOf) wraps every text
 * cell and centres the 合计 label in column A.
 */
export function bodyCellLook(table: StandardTable, r: number, c: number): BodyCellLook {
  const col = table.columns[c];
  const row = table.rows[r];
  if (col.kind === 'money') return { horizontal: 'right', wrap: false, indent: 0, bold: row.isTotal };
  const laidOut = bodyLayoutOf(table) !== undefined;
  const centered = col.kind === 'code' || (row.isTotal && (!!col.indent || (laidOut && c === 0)));
  // Excel indents only left- (or right-) aligned text, so a centred cell carries no indent.
  return { horizontal: centered ? 'center' : 'left', wrap: laidOut || !!col.wrap, indent: centered ? 0 : indentOf(table, c, row.level), bold: row.isTotal };
}

/** The column's suggested width, widened to its longest value (names, formatted money), capped at 60. */
export function columnWidth(table: StandardTable, c: number): number {
  const col = table.columns[c];
  if (col.wrap) return col.width;
  let w = col.width;
  for (const row of table.rows) {
    const v = row.cells[c];
    if (v === null) continue;
    const text = col.kind === 'money' && typeof v === 'number' ? moneyText(v / FEN_PER_UNIT[table.amountUnit]) : String(v);
    w = Math.max(w, displayWidth(text) + 2 + 2 * indentOf(table, c, row.level));
  }
  // Single-column captions must fit on at most two lines.
  for (const h of table.header) if (h.col === c && h.colSpan === 1) w = Math.max(w, Math.ceil(displayWidth(h.text) / 2) + 2);
  return Math.min(60, w);
}

function totalWidth(table: StandardTable): number {
  return table.columns.reduce((s, _c, i) => s + columnWidth(table, i), 0);
}

/** Height of a note row (the empty-table statement), merged across the width. */
export function noteRowHeight(table: StandardTable, note: string): number {
  return Math.min(MAX_ROW_PT, 20 * Math.max(1, Math.ceil(displayWidth(note) / Math.max(40, totalWidth(table)))));
}

/** Lines a text takes in a cell `width` characters wide, wrapped. */
function linesOf(text: string, width: number): number {
  const cap = Math.max(1, width - 1);
  let n = 0;
  for (const part of text.split('\n')) n += Math.max(1, Math.ceil(displayWidth(part) / cap));
  return n;
}

const needPt = (lines: number) => Math.max(MIN_ROW_PT, lines * LINE_PT + PAD_PT);

/** Points a wrapped text needs in one row of a cell `width` characters wide, before the 409 pt limit. */
export function textHeightPt(text: string, width: number): number {
  return needPt(linesOf(text, width));
}

export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
}

/**
 * Heights of `count` rows holding `areas` (one per written cell, merged or not): each row fits its
 * one-row areas; a taller area that does not fit its rows gets the rest spread over them, evenly
 * over the rows still below MAX_ROW_PT (a row at the cap passes its share to the others), so an
 * area gets all it needs whenever its rows can hold it. No row exceeds MAX_ROW_PT.
 */
export function rowHeights(count: number, areas: readonly Area[], widths: readonly number[]): number[] {
  const h = new Array<number>(count).fill(MIN_ROW_PT);
  const width = (a: Area) => widths.slice(a.col, a.col + a.colSpan).reduce((s, w) => s + w, 0);
  const tall: Area[] = [];
  for (const a of areas) {
    if (a.rowSpan > 1) tall.push(a);
    else if (a.text !== '') h[a.row] = Math.min(MAX_ROW_PT, Math.max(h[a.row], needPt(linesOf(a.text, width(a)))));
  }
  for (const a of tall) {
    if (a.text === '') continue;
    const end = Math.min(count, a.row + a.rowSpan);
    let short = needPt(linesOf(a.text, width(a)));
    for (let r = a.row; r < end; r++) short -= h[r];
    // Water-filling: each pass shares what is still short among the rows with room left.
    while (short > 1e-9) {
      let open = 0;
      for (let r = a.row; r < end; r++) if (h[r] < MAX_ROW_PT) open++;
      if (open === 0) break; // taller than its rows can ever be: Excel shows what fits
      const share = short / open;
      for (let r = a.row; r < end; r++) {
        const add = Math.min(share, MAX_ROW_PT - h[r]);
        if (add <= 0) continue;
        h[r] += add;
        short -= add;
      }
    }
  }
  return h.map((x) => Math.min(MAX_ROW_PT, Math.ceil(x * 4) / 4));
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

/**
 * Body rows (0-based) that start a new page: before a block that would cross the page end, and inside
 * a block taller than a page. A row in no block is a block of its own (a project of one row needs no
 * entry: a big budget has hundreds of thousands).
 */
export function pageStarts(heights: readonly number[], layout: BodyLayout, pagePt: number, firstPagePt: number): number[] {
  const starts: number[] = [];
  let room = firstPagePt;
  let used = 0;
  for (const b of allBlocks(layout, heights.length)) {
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

/** A body cell that carries its area's text again after a page start: 项目名称（续）, the unit, 一级/二级. */
export interface RepeatedText {
  readonly row: number;
  readonly col: number;
  readonly text: string;
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

/** What the sheet's page looks like, for counting pages. */
export interface PageGeometry {
  /** Column widths in character cells, as set on the sheet (columnWidth). */
  readonly widths: readonly number[];
  /** Points above the header on the first page (title and unit line). */
  readonly aboveHeaderPt: number;
  readonly margins: PageMargins;
}

/** The body of a laid-out table as drawn: every renderer writes exactly this. */
export interface BodyPlan {
  /** Heights in points of the header rows and of the body rows (0-based in table.rows). */
  readonly headerHeights: readonly number[];
  readonly heights: readonly number[];
  /** Body rows (0-based) that start a page: a manual page break sits above each. */
  readonly pageStarts: readonly number[];
  /** The layout's merges, cut at the page starts. */
  readonly merges: readonly BodyMerge[];
  /** Text written again at the top of a cut area, in table order of the merges. */
  readonly texts: readonly RepeatedText[];
}

/** The printable page of a table in points: A4 less the margins at the fit-to-width scale, less the repeated header rows. */
function pageRoom(table: StandardTable, g: PageGeometry, headerPt: number): { pagePt: number; firstPagePt: number } {
  const landscape = table.orientation === 'landscape';
  const m = g.margins;
  const printW = (landscape ? A4.long : A4.short) - (m.left + m.right) * 72;
  const printH = (landscape ? A4.short : A4.long) - (m.top + m.bottom) * 72;
  const tableW = g.widths.reduce((s, w) => s + w, 0) * PT_PER_CHAR;
  const scale = Math.min(1, Math.floor((printW / tableW) * 100) / 100);
  const pagePt = (printH / scale) * PAGE_FILL - headerPt;
  return { pagePt, firstPagePt: pagePt - g.aboveHeaderPt };
}

/**
 * Plans the body of `table` under `layout`: header and body row heights and, with `paginate`, the
 * page starts and the merges cut there. Without `paginate` (a host that cannot place page breaks)
 * the merges stay whole: a （续） where no page starts would only mislead.
 */
export function planBody(table: StandardTable, layout: BodyLayout, g: PageGeometry, paginate = true): BodyPlan {
  const headerHeights = rowHeights(table.headerRows, table.header.map((h) => ({ row: h.row, col: h.col, rowSpan: h.rowSpan, colSpan: h.colSpan, text: h.text })), g.widths);
  const headerPt = headerHeights.reduce((s, h) => s + h, 0);
  const { pagePt, firstPagePt } = pageRoom(table, g, headerPt);
  const nrow = table.rows.length;
  const first = rowHeights(nrow, bodyAreas(table, layout.merges, new Map()), g.widths);
  const starts = paginate ? pageStarts(first, layout, pagePt, firstPagePt) : [];
  if (starts.length === 0) return { headerHeights, heights: first, pageStarts: [], merges: layout.merges, texts: [] };
  const { merges, texts } = splitMerges(table, layout, starts);
  const heights = rowHeights(nrow, bodyAreas(table, merges, texts), g.widths);
  const repeated = [...texts].map(([k, text]) => {
    const [row, col] = k.split(':').map(Number);
    return { row, col, text };
  });
  return { headerHeights, heights, pageStarts: starts, merges, texts: repeated };
}

/** The page geometry of a table sheet as both renderers set it up. */
export function tablePageGeometry(table: StandardTable, margins: PageMargins = TABLE_MARGINS): PageGeometry {
  return { widths: table.columns.map((_c, c) => columnWidth(table, c)), aboveHeaderPt: TITLE_ROW_PT + UNIT_ROW_PT, margins };
}

/** The 0-based sheet row of the first header row: under the title and the unit line. */
export const HEADER_START = 2;

/** The print setup of a table sheet: A4, one page wide, as tall as it runs, centred across. */
export interface PrintSetup {
  readonly orientation: StandardTable['orientation'];
  readonly margins: PageMargins;
  /** Sheet rows (1-based, inclusive) repeated at the top of every page: the header. */
  readonly titleRows: readonly [number, number];
  readonly footer: string;
}

/** A standard table's sheet as every renderer draws it, from A1. */
export interface SheetPlan {
  /** Column widths in character cells (the file's unit; widthToPoints for Office.js). */
  readonly widths: readonly number[];
  /** Height in points of each sheet row (0-based, title to last note), null where the row keeps the host's height. */
  readonly heights: readonly (number | null)[];
  readonly print: PrintSetup;
  /** Sheet rows (0-based) that start a printed page: a manual break above each. */
  readonly pageBreaks: readonly number[];
  /** The body plan of a table with a body layout (merges, repeated texts), rows 0-based in table.rows. */
  readonly body?: BodyPlan;
}

/**
 * Plans the sheet of any standard table. Without a body layout only the title and note rows get a
 * height (the host fits the others to their text); with one, header and body rows too, and with
 * `paginate` the page breaks that keep each project on one page (see planBody).
 */
export function planSheet(table: StandardTable, paginate = true): SheetPlan {
  const geometry = tablePageGeometry(table);
  const layout = bodyLayoutOf(table);
  const body = layout ? planBody(table, layout, geometry, paginate) : undefined;
  const first = HEADER_START + table.headerRows;
  const heights: (number | null)[] = new Array<number | null>(first + table.rows.length + table.notes.length).fill(null);
  heights[0] = TITLE_ROW_PT;
  body?.headerHeights.forEach((h, i) => (heights[HEADER_START + i] = h));
  body?.heights.forEach((h, i) => (heights[first + i] = h));
  table.notes.forEach((note, i) => (heights[first + table.rows.length + i] = noteRowHeight(table, note)));
  return {
    widths: geometry.widths,
    heights,
    print: { orientation: table.orientation, margins: geometry.margins, titleRows: [HEADER_START + 1, first], footer: TABLE_FOOTER },
    pageBreaks: (body?.pageStarts ?? []).map((s) => first + s),
    body,
  };
}
