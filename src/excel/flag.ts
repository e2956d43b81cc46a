/**
 * 标记 / 清除标记: fill the offending cells, add a note or comment, and restore every original fill
 * exactly. Before any format changes, the originals go to a very hidden record sheet; 清除标记
 * restores a cell only where it still carries the flag's fill (a user's later change stays), and
 * removes only the notes and comments we wrote, unchanged (the user's own are never touched, nor a
 * comment of ours that somebody replied to). Writing formats clears Excel's undo stack, so
 * flagging is always an explicit action of the user.
 *
 * What real Excel does that this file relies on (each modelled by src/testing/fake-excel):
 * - a VeryHidden sheet cannot be deleted (typings, Worksheet.delete; office-js#365): the record is
 *   made Hidden first, in the same batch;
 * - strings written through `values` are parsed (office-js#229): every text cell goes through asText;
 * - 5 MB per request and response (GeneralException on the web): every op is budgeted before it
 *   is queued, reads go in adaptive blocks;
 * - getRanges fails below 8,192 characters on the web (office-js#5198): pieces halve on InvalidArgument;
 * - No Fill reads as #FFFFFF with a null tint (office-js#4900, #6218), gradients cannot be written;
 * - notes need ExcelApi 1.18 (Office 2021 has 1.14, 2024 1.17): rows this host cannot clear stay in
 *   the record for a host that can;
 * - a comment cannot be added where a legacy note is (office-js#1847): that cell alone is skipped.
 */
import type { Finding, Severity } from '../core/findings';
import { addAnnotations, AnnotationJob, ListedAnnotation, listComments, listNotes } from './annotations';
import type { HostCaps } from './caps';
import { decodeStates, encodeStates, FillRecord, fromCellProperties, fromColorOnly, isFlagFill, isGradient, stateKey } from './fill-state';
import { cellsToRects, parseRect, Rect, rectAddress, rectCellList, rectCells } from './rects';
import { Batcher, errorCode, excelRun, HostStateError, jsonBytes, OnProgress, PAYLOAD_BUDGET, ProgressMeter, ProgressSink, readRowBlocks } from './run';
import { asText } from './sheet-names';
import { FLAG_RGB, flagCell, noteLine } from '../core/review';

/** The review model's flag colours (src/core/review) as #RRGGBB. */
export const FLAG_COLOR: Record<Severity, string | null> = { error: `#${FLAG_RGB.error}`, warning: `#${FLAG_RGB.warning}`, info: null };
export const RECORD_SHEET = '预算审核_标记记录';
export const NOTE_PREFIX = '【预算审核】';
/** Rectangles recorded in one record row stay small enough for one cell (32,767 characters). */
const MAX_RECT_CELLS = 256;
const RECORD_COLS = 6;
/**
 * The sixth column holds each row's size in bytes, so 清除标记 can read the record in blocks that
 * are known to fit the 5 MB response before asking (short fill rows and long note rows mix).
 */
const RECORD_HEADER = ['类型', '工作表', '地址', '标记色', '原格式（预算审核助手用于清除标记，请勿修改）', '字节'];
const SIZE_HEADER = '字节';

/** A record row as written: the five fields (as text) and their size. */
function recordLine(r: ReadonlyArray<string>): Array<string | number> {
  const cells = r.map(asText);
  return [...cells, jsonBytes(cells) + 24];
}
const FILL_PROPS = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };
/** Our note text stays well inside a record cell (32,767 characters). */
const MAX_NOTE_CHARS = 8000;
export const STRUCTURE_PROTECTED_MESSAGE = '工作簿结构受保护（审阅 → 保护工作簿），无法添加或删除标记记录表。请先撤消工作簿保护，再标记或清除标记。';

export interface FlagTarget {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  severity: Severity;
  text: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One target per flagged cell: the worst severity, the messages joined. Info findings get no fill. */
export function flagTargets(findings: ReadonlyArray<Finding>): FlagTarget[] {
  const byCell = new Map<string, FlagTarget>();
  for (const f of findings) {
    const sheet = f.location.sheet;
    const cell = flagCell(f);
    if (!sheet || !cell || FLAG_COLOR[f.severity] === null) continue;
    const r = parseRect(cell);
    if (!r) continue;
    const k = `${sheet}\u0000${r.top},${r.left}`;
    const line = noteLine(f);
    const t = byCell.get(k);
    if (!t) byCell.set(k, { sheet, row: r.top, col: r.left, cell: rectAddress({ top: r.top, left: r.left, bottom: r.top, right: r.left }), severity: f.severity, text: line });
    else {
      if (RANK[f.severity] < RANK[t.severity]) t.severity = f.severity;
      if (!t.text.includes(line)) t.text += `\n${line}`;
    }
  }
  return [...byCell.values()];
}

export interface FlagResult {
  flaggedCells: number;
  /** Protected sheets left untouched (their findings are in the 审核结果 sheet only). */
  protectedSheets: string[];
  noteMode: 'note' | 'comment' | 'none';
  notesAdded: number;
  /** Cells that already had a note or comment of the user's (or that Excel refused one): ours was not added. */
  notesSkipped: number;
  /** Cells with a gradient fill: left unfilled, since Excel cannot write a gradient back. */
  gradientCells: number;
  /** Flags of an earlier run that were cleared first. */
  clearedFirst: ClearResult | null;
  /** Sentences for the user about what was left as it was, and why. */
  remarks: string[];
}

export interface ClearResult {
  restoredCells: number;
  /** Flagged cells whose fill the user changed since: their change stays. */
  keptUserChanges: number;
  notesRemoved: number;
  /** Comments of ours that somebody replied to: kept with their replies. */
  repliedComments: number;
  /** Notes or comments this Excel cannot remove (notes need ExcelApi 1.18): their record stays. */
  pendingNotes: number;
  /** Sheets deleted, renamed or protected since flagging: their flags stay. */
  skippedSheets: string[];
  /** Sentences for the user about what was left as it was, and why. */
  remarks: string[];
}

function noteModeOf(caps: HostCaps): FlagResult['noteMode'] {
  return caps.notes ? 'note' : caps.comments ? 'comment' : 'none';
}

function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row},${col}`;
}


/** Whether the workbook structure is protected (ExcelApi 1.7; older hosts are not supported). */
function loadStructureProtection(ctx: Excel.RequestContext, caps: HostCaps): (() => boolean) {
  if (caps.version < 7) return () => false;
  const p = ctx.workbook.protection;
  p.load('protected');
  return () => p.protected;
}

/** Flag the cells of the findings. Clears an earlier run's flags first (so originals stay the user's). */
export async function flagFindings(findings: ReadonlyArray<Finding>, caps: HostCaps, onProgress?: OnProgress): Promise<FlagResult> {
  const targets = flagTargets(findings);
  const noteMode = noteModeOf(caps);
  return excelRun(async (ctx) => {
    const wb = ctx.workbook;
    const record = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
    record.load('name');
    const structure = loadStructureProtection(ctx, caps);
    const sheetNames = [...new Set(targets.map((t) => t.sheet))];
    const sheets = new Map<string, Excel.Worksheet>();
    for (const name of sheetNames) {
      const ws = wb.worksheets.getItemOrNullObject(name);
      ws.load('name');
      ws.protection.load('protected');
      sheets.set(name, ws);
    }
    await ctx.sync();
    if (structure()) throw new HostStateError(STRUCTURE_PROTECTED_MESSAGE, 'AccessDenied');

    const cleared = record.isNullObject ? null : await clearIn(ctx, caps);
    const clearedFirst = cleared ? cleared.result : null;
    if (clearedFirst && clearedFirst.skippedSheets.length > 0) {
      throw new Error(`上次的标记未能全部清除（工作表 ${clearedFirst.skippedSheets.join('、')} 已被保护、删除或改名）。请取消保护后先“清除标记”，再重新标记。`);
    }
    /** Record rows an earlier clear had to leave (notes this Excel cannot remove): ours go after them. */
    const keptRows = cleared ? cleared.kept : 0;

    const protectedSheets: string[] = [];
    const usable = new Set<string>();
    for (const [name, ws] of sheets) {
      if (ws.isNullObject) continue;
      if (ws.protection.protected) protectedSheets.push(name);
      else usable.add(name);
    }
    const live = targets.filter((t) => usable.has(t.sheet));
    const remarks: string[] = [];

    // Existing notes and comments: ours only go where the user has none. Threaded comments block
    // notes and vice versa: look at both where the host has them.
    const occupied = new Set<string>();
    if (noteMode !== 'none' && live.length > 0) {
      const listed: ListedAnnotation[] = [];
      if (noteMode === 'note') for (const name of usable) listed.push(...(await listNotes(ctx, name)));
      if (caps.comments) listed.push(...(await listComments(ctx, false)));
      for (const a of listed) occupied.add(cellKey(a.sheet, a.row, a.col));
    }

    // Original fills of every rectangle we are about to fill.
    // Our notes go only where the user has none.
    const noteJobs: AnnotationJob[] = noteMode === 'none' ? [] : live.filter((t) => !occupied.has(cellKey(t.sheet, t.row, t.col))).map((t) => ({ sheet: t.sheet, cell: t.cell, content: noteContent(t.text) }));
    type RectJob = { sheet: string; color: string; rect: Rect; props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>; fill?: Excel.RangeFill; states?: FillRecord[] };
    let jobs: RectJob[] = [];
    const groups = new Map<string, FlagTarget[]>();
    for (const t of live) {
      const k = `${t.sheet}\u0000${FLAG_COLOR[t.severity]}`;
      const g = groups.get(k);
      if (g) g.push(t);
      else groups.set(k, [t]);
    }
    for (const g of groups.values()) {
      const { sheet } = g[0];
      const color = FLAG_COLOR[g[0].severity]!;
      for (const rect of cellsToRects(g, MAX_RECT_CELLS)) jobs.push({ sheet, color, rect });
    }
    // Read, record, fill, note: each rectangle is read, recorded and filled; each note recorded and added.
    const jobsRead = jobs.length;
    const m = new ProgressMeter(3 * jobsRead + 2 * noteJobs.length + 1, onProgress);
    const batch = new Batcher(ctx, PAYLOAD_BUDGET, m);
    for (const j of jobs) {
      const n = rectCells(j.rect);
      await batch.reserve(320 + j.sheet.length * 3, caps.rangeAreas ? 140 * n + 60 : 80);
      const range = wb.worksheets.getItem(j.sheet).getRange(rectAddress(j.rect));
      if (caps.rangeAreas) j.props = range.getCellProperties({ format: { fill: FILL_PROPS } });
      else {
        j.fill = range.format.fill;
        j.fill.load('color');
      }
      m.add();
    }
    await batch.flush();
    // Without getCellProperties a mixed rectangle reads as null: read its cells one by one.
    const perCell: Array<{ job: RectJob; fills: Excel.RangeFill[] }> = [];
    for (const j of jobs) {
      if (j.props) j.states = j.props.value.flat().map((p) => fromCellProperties(p.format?.fill));
      else if (j.fill && j.fill.color !== null) j.states = Array(rectCells(j.rect)).fill(fromColorOnly(j.fill.color));
      else {
        const ws = wb.worksheets.getItem(j.sheet);
        const fills: Excel.RangeFill[] = [];
        for (const c of rectCellList(j.rect)) {
          await batch.reserve(300, 80);
          const f = ws.getRange(rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col })).format.fill;
          f.load('color');
          fills.push(f);
        }
        perCell.push({ job: j, fills });
      }
    }
    await batch.flush();
    for (const { job, fills } of perCell) job.states = fills.map((f) => fromColorOnly(f.color));

    // A gradient cannot be written back (typings, RangeFill.pattern): such a cell keeps its fill and
    // gets the note only. Its rectangle splits into the other cells.
    let gradientCells = 0;
    jobs = jobs.flatMap((j) => {
      if (!j.states!.some(isGradient)) return [j];
      const out: RectJob[] = [];
      let i = 0;
      for (const c of rectCellList(j.rect)) {
        const s = j.states![i++];
        if (isGradient(s)) gradientCells++;
        else out.push({ sheet: j.sheet, color: j.color, rect: { top: c.row, left: c.col, bottom: c.row, right: c.col }, states: [s] });
      }
      return out;
    });
    if (gradientCells) remarks.push(`${gradientCells} 个单元格是渐变填充，Excel 无法还原渐变，故未改其填充色，只添加了问题说明`);

    // The record first, then the fills, then the notes: in this order, each in its own syncs.
    const recordRows: string[][] = jobs.map((j) => ['fill', j.sheet, rectAddress(j.rect), j.color, encodeStates(j.states!)]);
    for (const t of noteJobs) recordRows.push([noteMode, t.sheet, t.cell, '', t.content]);
    // Gradient cells split their rectangles: the record and the fills are scaled to their budget.
    const recordPart = m.part(jobsRead + noteJobs.length + 1, recordRows.length + 1);
    const recordBatch = new Batcher(ctx, PAYLOAD_BUDGET, recordPart);
    if (recordRows.length > 0) {
      let rec: Excel.Worksheet;
      if (keptRows > 0) {
        rec = wb.worksheets.getItem(RECORD_SHEET);
        await writeRows(rec, recordBatch, recordRows.map(recordLine), keptRows + 2);
      } else {
        await recordBatch.reserve(600);
        rec = wb.worksheets.add(RECORD_SHEET);
        rec.visibility = 'VeryHidden' as Excel.SheetVisibility;
        await writeRows(rec, recordBatch, [RECORD_HEADER.map(asText), ...recordRows.map(recordLine)]);
      }
      await recordBatch.flush();
    }
    const fillGroups = new Map<string, { sheet: string; color: string; addrs: string[] }>();
    for (const j of jobs) {
      const k = `${j.sheet}\u0000${j.color}`;
      const g = fillGroups.get(k) ?? { sheet: j.sheet, color: j.color, addrs: [] };
      g.addrs.push(rectAddress(j.rect));
      fillGroups.set(k, g);
    }
    await applyFills(ctx, caps, [...fillGroups.values()].map((g) => ({ sheet: g.sheet, addrs: g.addrs, apply: (f: Excel.RangeFill) => setFlagFill(f, g.color), bytes: 500 })), m.part(jobsRead, jobs.length));
    let notesAdded = 0;
    let refused = 0;
    if (noteMode !== 'none' && noteJobs.length > 0) {
      const r = await addAnnotations(ctx, noteMode, noteJobs, PAYLOAD_BUDGET, m);
      notesAdded = r.added;
      refused = r.refused.length;
      if (refused) remarks.push(`${refused} 个单元格已有批注（例如 WPS 或旧版 Excel 的批注，此版本 Excel 读不到），Excel 拒绝再添加，这些单元格只标了颜色`);
    }
    m.finish();
    return {
      flaggedCells: jobs.reduce((s, j) => s + rectCells(j.rect), 0),
      protectedSheets,
      noteMode,
      notesAdded,
      notesSkipped: noteMode === 'none' ? 0 : live.length - noteJobs.length + refused,
      gradientCells,
      clearedFirst,
      remarks,
    };
  });
}

function noteContent(text: string): string {
  const s = NOTE_PREFIX + text;
  return s.length <= MAX_NOTE_CHARS ? s : `${s.slice(0, MAX_NOTE_CHARS - 1)}…`;
}

/** Write rows from row `startRow` down, in chunks that respect the payload budget. */
export async function writeRows(ws: Excel.Worksheet, batch: Batcher, rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>, startRow = 1, startCol = 1, formulas = false): Promise<void> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  // An op of at most a third of the budget, so a batch holds a few and none is ever too big.
  const maxOp = Math.max(10_000, Math.floor(batch.budget / 3));
  let i = 0;
  while (i < rows.length) {
    let bytes = 0;
    let j = i;
    while (j < rows.length && (j === i || bytes + jsonBytes(rows[j]) + width * 2 < maxOp)) bytes += jsonBytes(rows[j++]) + width * 2;
    const chunk = rows.slice(i, j).map((r) => {
      const out = r.slice();
      while (out.length < width) out.push('');
      return out;
    });
    await batch.reserve(bytes + 400);
    const range = ws.getRangeByIndexes(startRow - 1 + i, startCol - 1, chunk.length, width);
    if (formulas) range.formulas = chunk as unknown[][] as string[][];
    else range.values = chunk as unknown[][] as string[][];
    batch.meter?.add(chunk.length);
    i = j;
  }
}

/** The getRanges piece size that this host accepted last (on the web it is below 8,192: office-js#5198). */
const rangesLimit = { chars: 2000, areas: 150 };

/** Split addresses into comma-joined pieces within the current getRanges limits. */
function pieces(addrs: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  let cur = '';
  let n = 0;
  for (const a of addrs) {
    const next = cur === '' ? a : `${cur},${a}`;
    if (cur !== '' && (next.length > rangesLimit.chars || n + 1 > rangesLimit.areas)) {
      out.push(cur);
      cur = a;
      n = 1;
    } else {
      cur = next;
      n++;
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

/**
 * Applies fill changes to many cells: a few getRanges per sync (ExcelApi 1.9), else one getRange
 * per rectangle. When Excel refuses a piece with InvalidArgument (the undocumented web limit), the
 * pieces halve and the batch runs again: fills are idempotent, so what the failed batch already did
 * is simply done again.
 */
export async function applyFills(ctx: Excel.RequestContext, caps: HostCaps, groups: ReadonlyArray<{ sheet: string; addrs: string[]; apply: (f: Excel.RangeFill) => void; bytes: number }>, meter?: ProgressSink): Promise<void> {
  const wb = ctx.workbook;
  type Piece = { g: number; address: string };
  const split = (gs: ReadonlyArray<{ g: number; addrs: string[] }>): Piece[] => gs.flatMap(({ g, addrs }) => (caps.rangeAreas ? pieces(addrs) : addrs).map((address) => ({ g, address })));
  let list = split(groups.map((g, i) => ({ g: i, addrs: g.addrs })));
  let i = 0;
  while (i < list.length) {
    const start = i;
    let bytes = 0;
    for (; i < list.length; i++) {
      const p = list[i];
      const b = p.address.length + groups[p.g].sheet.length * 3 + groups[p.g].bytes;
      if (i > start && bytes + b > PAYLOAD_BUDGET) break;
      bytes += b;
      const ws = wb.worksheets.getItem(groups[p.g].sheet);
      groups[p.g].apply(caps.rangeAreas ? ws.getRanges(p.address).format.fill : ws.getRange(p.address).format.fill);
    }
    try {
      await ctx.sync();
      // One unit per rectangle filled (a piece joins several with commas).
      if (meter) {
        for (let k = start; k < i; k++) meter.add(list[k].address.split(',').length);
        meter.synced();
      }
    } catch (e) {
      const many = list.slice(start, i).some((p) => p.address.includes(','));
      if (errorCode(e) !== 'InvalidArgument' || !caps.rangeAreas || !many) throw e;
      rangesLimit.chars = Math.max(20, Math.floor(rangesLimit.chars / 2));
      rangesLimit.areas = Math.max(1, Math.floor(rangesLimit.areas / 2));
      const rest = list.slice(start);
      const regrouped = new Map<number, string[]>();
      for (const p of rest) regrouped.set(p.g, [...(regrouped.get(p.g) ?? []), ...p.address.split(',')]);
      list = [...list.slice(0, start), ...split([...regrouped].map(([g, addrs]) => ({ g, addrs })))];
      i = start;
    }
  }
}

/** 清除标记. */
export async function clearFlags(caps: HostCaps, onProgress?: OnProgress): Promise<ClearResult> {
  return excelRun(async (ctx) => (await clearIn(ctx, caps, onProgress)).result);
}

export async function hasFlags(): Promise<boolean> {
  return excelRun(async (ctx) => {
    const rec = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
    rec.load('name');
    await ctx.sync();
    return !rec.isNullObject;
  });
}

interface RecordRow {
  kind: string;
  sheet: string;
  address: string;
  color: string;
  data: string;
}

function emptyClear(): ClearResult {
  return { restoredCells: 0, keptUserChanges: 0, notesRemoved: 0, repliedComments: 0, pendingNotes: 0, skippedSheets: [], remarks: [] };
}

/** Clears what the record lists; returns the result and how many record rows had to stay. */
async function clearIn(ctx: Excel.RequestContext, caps: HostCaps, onProgress?: OnProgress): Promise<{ result: ClearResult; kept: number }> {
  const wb = ctx.workbook;
  const result = emptyClear();
  const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
  rec.load('name,visibility');
  const structure = loadStructureProtection(ctx, caps);
  await ctx.sync();
  // Nothing was flagged: no record sheet, nothing to do (and no method may be called on the null object).
  if (rec.isNullObject) return { result, kept: 0 };
  if (structure()) throw new HostStateError(STRUCTURE_PROTECTED_MESSAGE, 'AccessDenied');
  const used = rec.getUsedRangeOrNullObject(true);
  used.load('rowCount');
  const header = rec.getRangeByIndexes(0, 0, 1, RECORD_COLS);
  header.load('values');
  const all = wb.worksheets;
  all.load('items/name,items/protection/protected');
  await ctx.sync();

  // The record, in blocks that fit the 5 MB response (a 15k-flag record with real messages is more).
  const rows: RecordRow[] = [];
  if (!used.isNullObject && used.rowCount > 1) {
    const n = used.rowCount - 1;
    const blockOf = (start: number, count: number) => {
      const range = rec.getRangeByIndexes(1 + start, 0, count, RECORD_COLS);
      range.load('values');
      return () => range.values;
    };
    let read: unknown[][];
    if (String(header.values[0][RECORD_COLS - 1]) === SIZE_HEADER) {
      // Sizes first (short numbers, one column), then blocks planned to fit the budget.
      const sizes = await readRowBlocks<unknown[]>(ctx, n, (start, count) => {
        const range = rec.getRangeByIndexes(1 + start, RECORD_COLS - 1, count, 1);
        range.load('values');
        return () => range.values;
      }, { startRows: 50_000 });
      read = [];
      for (let i = 0; i < n;) {
        let bytes = 0;
        let j = i;
        while (j < n && (j === i || bytes + (Number(sizes[j][0]) || 2000) < PAYLOAD_BUDGET * 0.9)) bytes += Number(sizes[j++][0]) || 2000;
        const get = blockOf(i, j - i);
        await ctx.sync();
        read.push(...get());
        i = j;
      }
    } else read = await readRowBlocks<unknown[]>(ctx, n, blockOf, { startRows: 4000 });
    for (const v of read) rows.push({ kind: String(v[0]), sheet: String(v[1]), address: String(v[2]), color: String(v[3]), data: String(v[4]) });
  }
  const writable = new Set(all.items.filter((s) => !s.protection.protected).map((s) => s.name));
  const skipped = new Set<string>();
  const keep: RecordRow[] = [];
  const live: RecordRow[] = [];
  for (const r of rows) {
    if (r.kind === '' && r.sheet === '') continue;
    if (!writable.has(r.sheet)) {
      skipped.add(r.sheet);
      keep.push(r);
    } else if ((r.kind === 'note' && !caps.notes) || (r.kind === 'comment' && !caps.comments)) {
      // Flagged in an Excel with notes (Microsoft 365, the web), cleared in one without (2021,
      // 2024): this host cannot see the note, so its record stays for a host that can.
      result.pendingNotes++;
      keep.push(r);
    } else live.push(r);
  }
  result.skippedSheets = [...skipped];

  // Current fills of the flagged rectangles; our notes and comments as they are now.
  // Progress: each record row is read once, then each rectangle restored and each note removed.
  const fillRows = live.filter((r) => r.kind === 'fill').length;
  const meter = new ProgressMeter(2 * live.length + keep.length, onProgress);
  const batch = new Batcher(ctx, PAYLOAD_BUDGET, meter);
  type FillJob = { row: RecordRow; rect: Rect; props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>; fills?: Excel.RangeFill[] };
  const fillJobs: FillJob[] = [];
  const noteJobs: Array<{ row: RecordRow; note: Excel.Note }> = [];
  for (const row of live) {
    if (row.kind === 'fill') {
      const rect = parseRect(row.address);
      if (!rect) continue;
      const ws = wb.worksheets.getItem(row.sheet);
      const job: FillJob = { row, rect };
      if (caps.rangeAreas) {
        await batch.reserve(320 + row.sheet.length * 3, 100 * rectCells(rect) + 60);
        job.props = ws.getRange(row.address).getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      } else {
        job.fills = [];
        for (const c of rectCellList(rect)) {
          await batch.reserve(300, 80);
          const f = ws.getRange(rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col })).format.fill;
          f.load('color');
          job.fills.push(f);
        }
      }
      fillJobs.push(job);
    } else if (row.kind === 'note') {
      await batch.reserve(320 + row.sheet.length * 3, jsonBytes(row.data) + 120);
      const note = wb.worksheets.getItem(row.sheet).notes.getItemOrNullObject(row.address);
      note.load('content');
      noteJobs.push({ row, note });
    }
    meter.add();
  }
  await batch.flush();
  const commentRows = live.filter((r) => r.kind === 'comment');
  const ourComments: ListedAnnotation[] = [];
  if (commentRows.length > 0) {
    const wanted = new Set(commentRows.map((r) => `${r.sheet}\u0000${r.address}\u0000${r.data}`));
    for (const c of await listComments(ctx, true)) {
      const addr = rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col });
      if (wanted.has(`${c.sheet}\u0000${addr}\u0000${c.content}`)) ourComments.push(c);
    }
  }

  // Restore: group cells by original state, so the writes grow with states, not cells.
  const restore = new Map<string, { sheet: string; state: FillRecord; cells: Array<{ row: number; col: number }> }>();
  for (const job of fillJobs) {
    const originals = decodeStates(job.row.data);
    const current: FillRecord[] = job.props
      ? job.props.value.flat().map((p) => fromCellProperties(p.format?.fill))
      : job.fills!.map((f) => fromColorOnly(f.color));
    let i = 0;
    for (const c of rectCellList(job.rect)) {
      const orig = originals[i];
      const cur = current[i++];
      if (!isFlagFill(cur, job.row.color) || orig === undefined) {
        result.keptUserChanges++;
        continue;
      }
      const k = `${job.row.sheet}\u0000${stateKey(orig)}`;
      const g = restore.get(k) ?? { sheet: job.row.sheet, state: orig, cells: [] };
      g.cells.push(c);
      restore.set(k, g);
      result.restoredCells++;
    }
  }
  const restoreGroups = [...restore.values()].map((g) => ({ sheet: g.sheet, addrs: cellsToRects(g.cells).map(rectAddress), apply: (f: Excel.RangeFill) => applyState(f, g.state, caps), bytes: 900 }));
  await applyFills(ctx, caps, restoreGroups, meter.part(fillRows, restoreGroups.reduce((n, g) => n + g.addrs.length, 0)));

  for (const { row, note } of noteJobs) {
    if (!note.isNullObject && note.content === row.data) {
      await batch.reserve(320);
      note.delete();
      result.notesRemoved++;
    }
    meter.add();
  }
  for (const c of ourComments) {
    // Comment.delete() deletes the replies too (typings): a thread somebody answered stays.
    if ((c.replies ?? 0) > 0) {
      result.repliedComments++;
      continue;
    }
    await batch.reserve(320);
    (c.item as Excel.Comment).delete();
    result.notesRemoved++;
    meter.add();
  }
  await batch.flush();
  if (result.repliedComments) result.remarks.push(`${result.repliedComments} 条本助手添加的批注已有他人回复，为保留回复未删除`);
  if (result.pendingNotes) result.remarks.push(`${result.pendingNotes} 条备注由支持“备注”的 Excel（Microsoft 365 或网页版）添加，此版本 Excel 无法删除；已保留记录，请在 Microsoft 365 或网页版 Excel 中再次“清除标记”`);

  if (keep.length === 0) {
    // A VeryHidden sheet cannot be deleted (typings, Worksheet.delete; office-js#365): Hidden first.
    await batch.reserve(600);
    if (rec.visibility === 'VeryHidden') rec.visibility = 'Hidden' as Excel.SheetVisibility;
    rec.delete();
  } else {
    // Keep the records we could not act on, so a later 清除标记 can finish the job.
    await batch.reserve(600);
    rec.getRangeByIndexes(1, 0, Math.max(1, rows.length), RECORD_COLS).clear('Contents' as Excel.ClearApplyTo);
    await writeRows(rec, batch, keep.map((r) => recordLine([r.kind, r.sheet, r.address, r.color, r.data])), 2);
  }
  await batch.flush();
  meter.finish();
  return { result, kept: keep.length };
}

/** A plain solid fill of the flag colour, whatever pattern or tint the cell had. */
function setFlagFill(fill: Excel.RangeFill, color: string): void {
  fill.clear();
  fill.color = color;
}

/** Puts a recorded fill back. Only recorded (never null) properties are written; a gradient cannot be. */
function applyState(fill: Excel.RangeFill, s: FillRecord, caps: HostCaps): void {
  if (s === 'none') {
    fill.clear();
    return;
  }
  fill.color = s.c;
  if (!caps.rangeAreas) return;
  if (typeof s.p === 'string' && !isGradient(s)) fill.pattern = s.p as Excel.FillPattern;
  if (typeof s.pc === 'string') fill.patternColor = s.pc;
  if (typeof s.t === 'number') fill.tintAndShade = s.t;
  if (typeof s.pt === 'number') fill.patternTintAndShade = s.pt;
}
