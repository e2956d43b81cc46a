/**
 * Reading sheets into the core's neutral Grid: the used range first, then the values in row blocks.
 * Blocks start at about 10,000 rows (never above 5 million cells) and adapt to the bytes a cell
 * actually costs, so syncs grow with blocks, not rows; a payload error (either face: *PayloadSize-
 * LimitExceeded or, on the web, GeneralException) halves the block and retries. Merged areas come in
 * row blocks of their own: getMergedAreasOrNullObject fails when a range holds more than 512 merged
 * areas (typings), and budget sheets merge cells row by row. Hidden and filtered-out rows and hidden
 * columns are found by narrowing Range.rowHidden / columnHidden down (readHidden), so the core says
 * so once per sheet, as it does for an .xlsx file (issue 19 item 12). Number formats are read last,
 * only for the 指标值 columns of 绩效目标 sheets (readValueFormats).
 */
import type { Cell, Grid, MergeRange, NumFmtRun, WorkbookGrids } from '../core/grid';
import { FormatRuns, isShownFormat } from '../core/number-format';
import { performanceSheetKind, performanceValueColumns } from '../core/performance/read';
import type { HostCaps } from './caps';
import { excelRun, isPayloadError, jsonBytes, PAYLOAD_BUDGET } from './run';
import { parseRect } from './rects';

export interface SheetInfo {
  name: string;
  visible: boolean;
  protected: boolean;
}

// 7,500 rows of 20 columns: a first block of typical Chinese budget text stays near 3 MB, under the 4 MB
// we aim at (Excel refuses 5 MB), before the first measured block adapts the size.
export const START_BLOCK_CELLS = 150_000;
export const MAX_BLOCK_CELLS = 5_000_000;
const MIN_BLOCK_ROWS = 1;
/** Below this many cells a GeneralException is not taken for the payload limit any more. */
const MIN_GENERAL_RETRY_CELLS = 512;
/** Merged areas asked per range: under the 512 at which Excel fails, with room for a denser block. */
const MERGES_PER_QUERY = 400;
/** rowHidden/columnHidden probes per sync: about 150 bytes each, far under the 5 MB request limit. */
const HIDDEN_PROBES_PER_SYNC = 2000;
/** A mixed range is cut into this many pieces per round: few syncs (log16 of the rows) for few ops. */
const HIDDEN_SPLIT = 16;
/** numberFormat cells asked in the first sync (about 12 bytes each for "General"); then sized by what a cell cost. */
const START_FORMAT_CELLS = 100_000;

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** An office.js value as a grid cell: '' is empty, error texts are errors. */
export function toGridCell(v: unknown): Cell {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'boolean') return v;
  const s = String(v);
  return ERROR_TEXT.test(s) ? { error: s } : s;
}

export async function listSheets(): Promise<SheetInfo[]> {
  return excelRun(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility,items/protection/protected');
    await ctx.sync();
    return sheets.items.map((s) => ({ name: s.name, visible: s.visibility === 'Visible', protected: s.protection.protected }));
  });
}

export async function activeSheetName(): Promise<string> {
  return excelRun(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    await ctx.sync();
    return ws.name;
  });
}

export interface ReadOptions {
  /** Sheets to read; all sheets when omitted. */
  sheets?: ReadonlyArray<string>;
  /** The file name findings carry. */
  file: string;
  caps: HostCaps;
  /** Start size of a block in cells (tests use smaller blocks). */
  blockCells?: number;
  onProgress?: (doneCells: number, totalCells: number) => void;
}

interface SheetPlan {
  name: string;
  hidden: boolean;
  protected: boolean;
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  cells: Cell[][];
  merges: MergeRange[];
  next: number; // next row (0-based, relative to row0) to read
  mergesRead: boolean;
  /** Rows per merged-areas query (halves when Excel refuses one). */
  mergeRows: number;
  /** The used range's rowHidden / columnHidden: true all, false none, null some (then narrowed). */
  rowsFace: boolean | null;
  colsFace: boolean | null;
  hiddenRows: number[];
  hiddenCols: number[];
  /** Worksheet.autoFilter.enabled; undefined below ExcelApi 1.9, where it cannot be asked. */
  filtered?: boolean;
  /** Number formats of the 指标值 numbers (Grid.numFmts), when a 绩效目标 sheet has any. */
  numFmts?: NumFmtRun[];
}

/** Read sheets as grids. Hidden sheets are read too (the core decides what they mean). */
export async function readWorkbook(opts: ReadOptions): Promise<WorkbookGrids> {
  return excelRun(async (ctx) => {
    const names = opts.sheets ? [...opts.sheets] : await (async () => {
      const all = ctx.workbook.worksheets;
      all.load('items/name');
      await ctx.sync();
      return all.items.map((s) => s.name);
    })();

    // One sync for every sheet's used range, visibility and protection.
    const probes = names.map((name) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      ws.load('name,visibility');
      ws.protection.load('protected');
      const used = ws.getUsedRangeOrNullObject(true);
      // rowHidden/columnHidden ride on this sync: a sheet that hides nothing costs no extra round trip.
      used.load('rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden');
      if (opts.caps.rangeAreas) ws.autoFilter.load('enabled');
      return { ws, used };
    });
    await ctx.sync();

    const plans: SheetPlan[] = probes.map(({ ws, used }) => {
      const empty = used.isNullObject;
      return {
        rowsFace: empty ? false : used.rowHidden,
        colsFace: empty ? false : used.columnHidden,
        hiddenRows: [],
        hiddenCols: [],
        filtered: opts.caps.rangeAreas ? ws.autoFilter.enabled : undefined,
        name: ws.name,
        hidden: ws.visibility !== 'Visible',
        protected: ws.protection.protected,
        row0: empty ? 0 : used.rowIndex,
        col0: empty ? 0 : used.columnIndex,
        rows: empty ? 0 : used.rowCount,
        cols: empty ? 0 : used.columnCount,
        cells: [],
        merges: [],
        next: 0,
        mergesRead: empty || !opts.caps.mergedAreas,
        mergeRows: empty ? 0 : Math.min(used.rowCount, 1000),
      };
    });

    const total = plans.reduce((s, p) => s + p.rows * p.cols, 0);
    let done = 0;
    let budget = Math.min(opts.blockCells ?? START_BLOCK_CELLS, MAX_BLOCK_CELLS);

    for (;;) {
      const pending = plans.filter((p) => p.next < p.rows);
      if (pending.length === 0) break;
      // Pack blocks of one or more sheets into this sync, up to the cell budget.
      type Block = { plan: SheetPlan; start: number; count: number; range: Excel.Range };
      const blocks: Block[] = [];
      let cells = 0;
      for (const p of pending) {
        if (cells >= budget) break;
        const rowsFit = Math.max(MIN_BLOCK_ROWS, Math.floor((budget - cells) / Math.max(1, p.cols)));
        const count = Math.min(p.rows - p.next, rowsFit);
        const ws = ctx.workbook.worksheets.getItem(p.name);
        const range = ws.getRangeByIndexes(p.row0 + p.next, p.col0, count, p.cols);
        range.load('values');
        blocks.push({ plan: p, start: p.next, count, range });
        cells += count * p.cols;
      }
      try {
        await ctx.sync();
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        if (budget <= MIN_BLOCK_ROWS || ((e as { code?: string }).code === 'GeneralException' && cells <= MIN_GENERAL_RETRY_CELLS)) throw e;
        budget = Math.max(1, Math.floor(budget / 2));
        continue;
      }
      let bytes = 0;
      for (const b of blocks) {
        const values = b.range.values;
        bytes += jsonBytes(values);
        for (let i = 0; i < values.length; i++) b.plan.cells[b.start + i] = trimRow(values[i].map(toGridCell));
        b.plan.next = b.start + b.count;
      }
      done += cells;
      opts.onProgress?.(done, total);
      // Adapt: aim at the payload budget with what a cell really cost.
      const perCell = bytes / Math.max(1, cells);
      budget = Math.max(1, Math.min(MAX_BLOCK_CELLS, Math.floor((PAYLOAD_BUDGET * 0.85) / Math.max(perCell, 1)), budget * 4));
    }

    await readHidden(ctx, plans);
    for (const p of plans) if (!p.mergesRead) p.merges = await readMerges(ctx, p);
    await readValueFormats(ctx, plans);

    const sheets: Grid[] = plans.map((p) => ({
      name: p.name,
      cells: p.cells,
      merges: p.merges,
      origin: { row: p.row0 + 1, col: p.col0 + 1 },
      hidden: p.hidden,
      protected: p.protected,
      hiddenRows: p.hiddenRows,
      hiddenCols: p.hiddenCols,
      // Without the AutoFilter API (below 1.9) a hidden row may have been filtered out: say both.
      filtered: p.filtered ?? p.hiddenRows.length > 0,
      ...(p.numFmts ? { numFmts: p.numFmts } : {}),
    }));
    return { file: opts.file, sheets };
  });
}

/**
 * Hidden rows and columns of each sheet's used range, 0-based into its cells. Excel reports them
 * only per range (rowHidden: true all, false none, null some), so a mixed range is cut into
 * HIDDEN_SPLIT pieces and the pieces are asked again, all sheets' pieces together in each sync, until
 * every piece is all hidden or none. A sheet that hides nothing is settled by the first sync.
 */
async function readHidden(ctx: Excel.RequestContext, plans: SheetPlan[]): Promise<void> {
  type Piece = { plan: SheetPlan; rows: boolean; start: number; count: number };
  const settle = (pc: Piece, face: boolean | null, out: Piece[]): void => {
    if (face === false) return;
    const list = pc.rows ? pc.plan.hiddenRows : pc.plan.hiddenCols;
    if (face === true) {
      for (let i = pc.start; i < pc.start + pc.count; i++) list.push(i);
      return;
    }
    const size = Math.ceil(pc.count / HIDDEN_SPLIT);
    for (let s = pc.start; s < pc.start + pc.count; s += size) out.push({ ...pc, start: s, count: Math.min(size, pc.start + pc.count - s) });
  };
  let todo: Piece[] = [];
  for (const p of plans) {
    if (p.rows === 0) continue;
    settle({ plan: p, rows: true, start: 0, count: p.rows }, p.rowsFace, todo);
    settle({ plan: p, rows: false, start: 0, count: p.cols }, p.colsFace, todo);
  }
  while (todo.length > 0) {
    const batch = todo.slice(0, HIDDEN_PROBES_PER_SYNC);
    const rest = todo.slice(HIDDEN_PROBES_PER_SYNC);
    const asked = batch.map((pc) => {
      const ws = ctx.workbook.worksheets.getItem(pc.plan.name);
      const p = pc.plan;
      const range = pc.rows ? ws.getRangeByIndexes(p.row0 + pc.start, p.col0, pc.count, 1) : ws.getRangeByIndexes(p.row0, p.col0 + pc.start, 1, pc.count);
      range.load(pc.rows ? 'rowHidden' : 'columnHidden');
      return { pc, range };
    });
    await ctx.sync();
    todo = rest;
    for (const { pc, range } of asked) settle(pc, pc.rows ? range.rowHidden : range.columnHidden, todo);
  }
  for (const p of plans) {
    p.hiddenRows.sort((a, b) => a - b);
    p.hiddenCols.sort((a, b) => a - b);
  }
}

/**
 * The number formats of the numbers in the 指标值 columns of 绩效目标 sheets: the only cells whose
 * format the core reads (0.95 under "0%" shown "95%", a date serial as the date it shows). Loading
 * numberFormat with the values would double the payload of a million-row read; here each such
 * column is asked from its first number to its last, in row chunks packed into syncs by a cell
 * budget that adapts to the bytes a cell cost, halving on a payload error, so syncs grow with chunks, never with rows. Merges must be read (headers are
 * found on the filled grid).
 */
async function readValueFormats(ctx: Excel.RequestContext, plans: SheetPlan[]): Promise<void> {
  type Piece = { plan: SheetPlan; col: number; next: number; end: number; runs: FormatRuns };
  const pieces: Piece[] = [];
  const bySheet: Array<{ plan: SheetPlan; runs: FormatRuns }> = [];
  for (const p of plans) {
    if (p.rows === 0) continue;
    const grid: Grid = { name: p.name, cells: p.cells, merges: p.merges };
    if (performanceSheetKind(grid) === null) continue;
    const runs = new FormatRuns();
    bySheet.push({ plan: p, runs });
    for (const col of performanceValueColumns(grid)) {
      let first = -1;
      let last = -1;
      for (let r = 0; r < p.cells.length; r++) {
        if (typeof p.cells[r]?.[col] !== 'number') continue;
        if (first < 0) first = r;
        last = r;
      }
      if (first >= 0) pieces.push({ plan: p, col, next: first, end: last + 1, runs });
    }
  }
  let budget = START_FORMAT_CELLS;
  // After a payload error the halved ask is the most ever asked again (the host's limit may be below ours).
  let ceiling = MAX_BLOCK_CELLS;
  let i = 0;
  while (i < pieces.length) {
    type Ask = { pc: Piece; start: number; count: number; range: Excel.Range };
    const asked: Ask[] = [];
    let cells = 0;
    for (let k = i; k < pieces.length && cells < budget; k++) {
      const pc = pieces[k];
      const count = Math.min(pc.end - pc.next, budget - cells);
      const range = ctx.workbook.worksheets.getItem(pc.plan.name).getRangeByIndexes(pc.plan.row0 + pc.next, pc.plan.col0 + pc.col, count, 1);
      range.load('numberFormat');
      asked.push({ pc, start: pc.next, count, range });
      cells += count;
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (cells <= MIN_BLOCK_ROWS || ((e as { code?: string }).code === 'GeneralException' && cells <= MIN_GENERAL_RETRY_CELLS)) throw e;
      budget = ceiling = Math.max(1, Math.floor(cells / 2));
      continue;
    }
    let bytes = 0;
    for (const { pc, start, count, range } of asked) {
      const formats = range.numberFormat as unknown[][];
      bytes += jsonBytes(formats);
      for (let j = 0; j < count; j++) {
        const r = start + j;
        if (typeof pc.plan.cells[r]?.[pc.col] !== 'number') continue;
        const code = formats[j]?.[0];
        pc.runs.add(r, pc.col, typeof code === 'string' && isShownFormat(code) ? code : null);
      }
      pc.next = start + count;
      if (pc.next >= pc.end) i++;
    }
    const perCell = bytes / Math.max(1, cells);
    budget = Math.max(1, Math.min(ceiling, Math.floor((PAYLOAD_BUDGET * 0.85) / Math.max(perCell, 1)), budget * 4));
  }
  for (const { plan, runs } of bySheet) if (runs.size > 0) plan.numFmts = runs.runs();
}

/**
 * The merged areas of a sheet's used range, in row blocks: several queries per sync, each meant to
 * stay under 512 areas. When a sync fails (Excel refuses a block above 512), the blocks halve and
 * the same rows are asked again; the size then adapts to the density met. An area that crosses a
 * block boundary is reported by both blocks: areas are kept once, by address.
 */
async function readMerges(ctx: Excel.RequestContext, p: SheetPlan): Promise<MergeRange[]> {
  const ws = ctx.workbook.worksheets.getItem(p.name);
  const seen = new Map<string, MergeRange>();
  let next = 0;
  let rows = Math.max(1, p.mergeRows);
  while (next < p.rows) {
    const queries: Array<{ areas: Excel.RangeAreas; count: number }> = [];
    let r = next;
    for (let q = 0; q < 16 && r < p.rows; q++) {
      const count = Math.min(rows, p.rows - r);
      const areas = ws.getRangeByIndexes(p.row0 + r, p.col0, count, p.cols).getMergedAreasOrNullObject();
      areas.load('address,areaCount');
      queries.push({ areas, count });
      r += count;
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (rows <= 1) throw e;
      rows = Math.max(1, Math.floor(rows / 2));
      continue;
    }
    let most = 0;
    for (const { areas } of queries) {
      if (areas.isNullObject) continue;
      most = Math.max(most, areas.areaCount);
      for (const m of parseMerges(areas.address, p.row0, p.col0)) seen.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
    }
    next = r;
    // Aim each query at MERGES_PER_QUERY areas with the density just met.
    if (most > 0) rows = Math.max(1, Math.min(rows * 4, Math.floor((rows * MERGES_PER_QUERY) / most)));
    else rows = Math.min(p.rows, rows * 4);
  }
  return [...seen.values()];
}

function trimRow(row: Cell[]): Cell[] {
  let n = row.length;
  while (n > 0 && row[n - 1] === null) n--;
  return n === row.length ? row : row.slice(0, n);
}

/** "'明细'!A1:B3,'明细'!C4:C9" → merge ranges relative to the grid origin (0-based). */
export function parseMerges(address: string, row0: number, col0: number): MergeRange[] {
  const out: MergeRange[] = [];
  for (const part of splitAddressList(address)) {
    const bang = part.lastIndexOf('!');
    const r = parseRect(bang >= 0 ? part.slice(bang + 1) : part);
    if (r) out.push({ top: r.top - 1 - row0, left: r.left - 1 - col0, bottom: r.bottom - 1 - row0, right: r.right - 1 - col0 });
  }
  return out;
}

/** Split a comma-joined address list, respecting quoted sheet names that contain commas. */
export function splitAddressList(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") {
      if (quoted && s[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}
