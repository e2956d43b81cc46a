/**
 * 标记 / 清除标记: fill the offending cells, add a note or comment, and restore every original fill
 * exactly. Before any format changes, the originals go to a very hidden record sheet; 清除标记
 * restores a cell only where it still carries the flag's fill (a user's later change stays), and
 * removes only the notes and comments we wrote, unchanged (the user's own are never touched).
 * Writing formats clears Excel's undo stack, so flagging is always an explicit action of the user.
 */
import { quoteSheet } from '../core/address';
import type { Finding, Severity } from '../core/findings';
import { ruleTitle } from '../core/findings';
import type { HostCaps } from './caps';
import { decodeStates, encodeStates, FillRecord, fromCellProperties, fromColorOnly, isFlagFill, stateKey } from './fill-state';
import { cellsToRects, joinAddresses, parseRect, Rect, rectAddress, rectCellList, rectCells } from './rects';
import { Batcher, excelRun, jsonBytes } from './run';

export const FLAG_COLOR: Record<Severity, string | null> = { error: '#FFC7CE', warning: '#FFEB9C', info: null };
export const RECORD_SHEET = '预算审核_标记记录';
export const NOTE_PREFIX = '【预算审核】';
/** Rectangles recorded in one record row stay small enough for one cell (32,767 characters). */
const MAX_RECT_CELLS = 256;
const RECORD_COLS = 5;
const FILL_PROPS = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };

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
    const { sheet, cell } = f.location;
    if (!sheet || !cell || FLAG_COLOR[f.severity] === null) continue;
    const r = parseRect(cell);
    if (!r) continue;
    const k = `${sheet}\u0000${r.top},${r.left}`;
    const line = `${ruleTitle(f.rule)}：${f.message}`;
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
  /** Cells that already had a note or comment of the user's: ours was not added. */
  notesSkipped: number;
  /** Flags of an earlier run that were cleared first. */
  clearedFirst: ClearResult | null;
}

export interface ClearResult {
  restoredCells: number;
  /** Flagged cells whose fill the user changed since: their change stays. */
  keptUserChanges: number;
  notesRemoved: number;
  /** Sheets deleted, renamed or protected since flagging: their flags stay. */
  skippedSheets: string[];
}

function noteModeOf(caps: HostCaps): FlagResult['noteMode'] {
  return caps.notes ? 'note' : caps.comments ? 'comment' : 'none';
}

function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row},${col}`;
}

/** "'明细'!H12" → sheet and cell (1-based). */
function splitQualified(address: string): { sheet: string; rect: Rect } | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = address.slice(0, bang);
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const rect = parseRect(address.slice(bang + 1));
  return rect ? { sheet, rect } : null;
}

/** Flag the cells of the findings. Clears an earlier run's flags first (so originals stay the user's). */
export async function flagFindings(findings: ReadonlyArray<Finding>, caps: HostCaps): Promise<FlagResult> {
  const targets = flagTargets(findings);
  const noteMode = noteModeOf(caps);
  return excelRun(async (ctx) => {
    const wb = ctx.workbook;
    const record = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
    record.load('name');
    const sheetNames = [...new Set(targets.map((t) => t.sheet))];
    const sheets = new Map<string, Excel.Worksheet>();
    for (const name of sheetNames) {
      const ws = wb.worksheets.getItemOrNullObject(name);
      ws.load('name');
      ws.protection.load('protected');
      sheets.set(name, ws);
    }
    await ctx.sync();

    const clearedFirst = record.isNullObject ? null : await clearIn(ctx, caps);
    if (clearedFirst && clearedFirst.skippedSheets.length > 0) {
      throw new Error(`上次的标记未能全部清除（工作表 ${clearedFirst.skippedSheets.join('、')} 已被保护、删除或改名）。请取消保护后先“清除标记”，再重新标记。`);
    }

    const protectedSheets: string[] = [];
    const usable = new Set<string>();
    for (const [name, ws] of sheets) {
      if (ws.isNullObject) continue;
      if (ws.protection.protected) protectedSheets.push(name);
      else usable.add(name);
    }
    const live = targets.filter((t) => usable.has(t.sheet));

    // Existing notes / comments: ours are only added where the user has none.
    const batch = new Batcher(ctx);
    const occupied = new Set<string>();
    const noteLocs: Array<{ sheet: string; range: Excel.Range }> = [];
    if (noteMode !== 'none' && live.length > 0) {
      const notesBySheet = new Map<string, Excel.NoteCollection>();
      let comments: Excel.CommentCollection | null = null;
      if (noteMode === 'note') for (const name of usable) {
        const n = wb.worksheets.getItem(name).notes;
        n.load('items/content');
        notesBySheet.set(name, n);
      }
      // Threaded comments block notes and vice versa: look at both where the host has them.
      if (caps.comments) {
        comments = wb.comments;
        comments.load('items/content');
      }
      await batch.reserve(200);
      await batch.flush();
      for (const [name, coll] of notesBySheet) for (const n of coll.items) {
        const r = n.getLocation();
        r.load('address');
        noteLocs.push({ sheet: name, range: r });
        await batch.reserve(150, 100);
      }
      if (comments) for (const c of comments.items) {
        const r = c.getLocation();
        r.load('address');
        noteLocs.push({ sheet: '', range: r });
        await batch.reserve(150, 100);
      }
    }

    // Original fills of every rectangle we are about to fill.
    type RectJob = { sheet: string; color: string; rect: Rect; props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>; fill?: Excel.RangeFill; states?: FillRecord[] };
    const jobs: RectJob[] = [];
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
    for (const j of jobs) {
      const range = wb.worksheets.getItem(j.sheet).getRange(rectAddress(j.rect));
      const n = rectCells(j.rect);
      if (caps.rangeAreas) j.props = range.getCellProperties({ format: { fill: FILL_PROPS } });
      else {
        j.fill = range.format.fill;
        j.fill.load('color');
      }
      await batch.reserve(220 + j.sheet.length * 2, caps.rangeAreas ? 130 * n : 40);
    }
    await batch.flush();
    for (const { sheet, range } of noteLocs) {
      const loc = splitQualified(range.address);
      if (loc) occupied.add(cellKey(sheet || loc.sheet, loc.rect.top, loc.rect.left));
    }
    // Without getCellProperties a mixed rectangle reads as null: read its cells one by one.
    const perCell: Array<{ job: RectJob; fills: Excel.RangeFill[] }> = [];
    for (const j of jobs) {
      if (j.props) j.states = j.props.value.flat().map((p) => fromCellProperties(p.format?.fill));
      else if (j.fill && j.fill.color !== null) j.states = Array(rectCells(j.rect)).fill(fromColorOnly(j.fill.color));
      else {
        const ws = wb.worksheets.getItem(j.sheet);
        const fills: Excel.RangeFill[] = [];
        for (const c of rectCellList(j.rect)) {
          const f = ws.getRange(rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col })).format.fill;
          f.load('color');
          fills.push(f);
          await batch.reserve(200, 40);
        }
        perCell.push({ job: j, fills });
      }
    }
    await batch.flush();
    for (const { job, fills } of perCell) job.states = fills.map((f) => fromColorOnly(f.color));

    // The record first, then the fills, then the notes: in this order within the batches.
    const recordRows: string[][] = jobs.map((j) => ['fill', j.sheet, rectAddress(j.rect), j.color, encodeStates(j.states!)]);
    const noteJobs = noteMode === 'none' ? [] : live.filter((t) => !occupied.has(cellKey(t.sheet, t.row, t.col)));
    for (const t of noteJobs) recordRows.push([noteMode, t.sheet, t.cell, '', NOTE_PREFIX + t.text]);
    if (jobs.length > 0 || noteJobs.length > 0) {
      const rec = wb.worksheets.add(RECORD_SHEET);
      rec.visibility = 'VeryHidden' as Excel.SheetVisibility;
      await writeRows(rec, batch, [['类型', '工作表', '地址', '标记色', '原格式（预算审核助手用于清除标记，请勿修改）'], ...recordRows]);
    }
    for (const [, g] of groups) {
      const ws = wb.worksheets.getItem(g[0].sheet);
      const color = FLAG_COLOR[g[0].severity]!;
      const addrs = jobs.filter((j) => j.sheet === g[0].sheet && j.color === color).map((j) => rectAddress(j.rect));
      if (caps.rangeAreas) {
        for (const joined of joinAddresses(addrs)) {
          setFlagFill(ws.getRanges(joined).format.fill, color);
          await batch.reserve(joined.length * 2 + 300);
        }
      } else {
        for (const a of addrs) {
          setFlagFill(ws.getRange(a).format.fill, color);
          await batch.reserve(a.length * 2 + 300);
        }
      }
    }
    for (const t of noteJobs) {
      const content = NOTE_PREFIX + t.text;
      if (noteMode === 'note') wb.worksheets.getItem(t.sheet).notes.add(t.cell, content);
      else wb.comments.add(`${quoteSheet(t.sheet)}!${t.cell}`, content);
      await batch.reserve(jsonBytes(content) + 200);
    }
    await batch.flush();
    return {
      flaggedCells: jobs.reduce((s, j) => s + rectCells(j.rect), 0),
      protectedSheets,
      noteMode,
      notesAdded: noteJobs.length,
      notesSkipped: noteMode === 'none' ? 0 : live.length - noteJobs.length,
      clearedFirst,
    };
  });
}

/** Write rows from A1 down, in chunks that respect the payload budget. */
export async function writeRows(ws: Excel.Worksheet, batch: Batcher, rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>, startRow = 1, startCol = 1, formulas = false): Promise<void> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  let i = 0;
  while (i < rows.length) {
    let bytes = 0;
    let j = i;
    while (j < rows.length && (j === i || bytes + jsonBytes(rows[j]) < 1.5 * 1024 * 1024)) bytes += jsonBytes(rows[j++]);
    const chunk = rows.slice(i, j).map((r) => {
      const out = r.slice();
      while (out.length < width) out.push('');
      return out;
    });
    const range = ws.getRangeByIndexes(startRow - 1 + i, startCol - 1, chunk.length, width);
    if (formulas) range.formulas = chunk as unknown[][] as string[][];
    else range.values = chunk as unknown[][] as string[][];
    await batch.reserve(bytes + 200);
    i = j;
  }
}

/** 清除标记. */
export async function clearFlags(caps: HostCaps): Promise<ClearResult> {
  return excelRun(async (ctx) => clearIn(ctx, caps));
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

async function clearIn(ctx: Excel.RequestContext, caps: HostCaps): Promise<ClearResult> {
  const wb = ctx.workbook;
  const result: ClearResult = { restoredCells: 0, keptUserChanges: 0, notesRemoved: 0, skippedSheets: [] };
  const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
  const used = rec.getUsedRangeOrNullObject(true);
  used.load('rowCount');
  const all = wb.worksheets;
  all.load('items/name,items/protection/protected');
  let comments: Excel.CommentCollection | null = null;
  if (caps.comments) {
    comments = wb.comments;
    comments.load('items/content');
  }
  rec.load('name');
  await ctx.sync();
  if (rec.isNullObject) return result;
  const batch = new Batcher(ctx);
  const rows: RecordRow[] = [];
  if (!used.isNullObject) {
    const n = used.rowCount;
    const blocks: Excel.Range[] = [];
    for (let r = 0; r < n; r += 20000) {
      const range = rec.getRangeByIndexes(r, 0, Math.min(20000, n - r), RECORD_COLS);
      range.load('values');
      blocks.push(range);
      await batch.reserve(200, 20000 * 150);
    }
    await batch.flush();
    for (const b of blocks) for (const v of b.values) rows.push({ kind: String(v[0]), sheet: String(v[1]), address: String(v[2]), color: String(v[3]), data: String(v[4]) });
    rows.shift(); // header
  }
  const writable = new Set(all.items.filter((s) => !s.protection.protected).map((s) => s.name));
  const skipped = new Set<string>();
  const live = rows.filter((r) => {
    if (writable.has(r.sheet)) return true;
    skipped.add(r.sheet);
    return false;
  });
  result.skippedSheets = [...skipped];

  // Current fills of the flagged rectangles; our notes and comments as they are now.
  type FillJob = { row: RecordRow; rect: Rect; props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>; fills?: Excel.RangeFill[] };
  const fillJobs: FillJob[] = [];
  const noteJobs: Array<{ row: RecordRow; note: Excel.Note }> = [];
  for (const row of live) {
    const ws = wb.worksheets.getItem(row.sheet);
    if (row.kind === 'fill') {
      const rect = parseRect(row.address);
      if (!rect) continue;
      const job: FillJob = { row, rect };
      if (caps.rangeAreas) {
        job.props = ws.getRange(row.address).getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
        await batch.reserve(220, 90 * rectCells(rect));
      } else {
        job.fills = [];
        for (const c of rectCellList(rect)) {
          const f = ws.getRange(rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col })).format.fill;
          f.load('color');
          job.fills.push(f);
          await batch.reserve(200, 40);
        }
      }
      fillJobs.push(job);
    } else if (row.kind === 'note' && caps.notes) {
      const note = ws.notes.getItemOrNullObject(row.address);
      note.load('content');
      noteJobs.push({ row, note });
      await batch.reserve(200, jsonBytes(row.data) + 50);
    }
  }
  const ourComments: Array<{ comment: Excel.Comment; range: Excel.Range }> = [];
  if (comments) for (const c of comments.items) {
    if (!c.content.startsWith(NOTE_PREFIX)) continue;
    const range = c.getLocation();
    range.load('address');
    ourComments.push({ comment: c, range });
    await batch.reserve(150, 100);
  }
  await batch.flush();

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
      if (!isFlagFill(cur, job.row.color)) {
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
  for (const g of restore.values()) {
    const ws = wb.worksheets.getItem(g.sheet);
    const addrs = cellsToRects(g.cells).map(rectAddress);
    const targets: Array<{ fill: Excel.RangeFill; size: number }> = [];
    if (caps.rangeAreas) for (const joined of joinAddresses(addrs)) targets.push({ fill: ws.getRanges(joined).format.fill, size: joined.length });
    else for (const a of addrs) targets.push({ fill: ws.getRange(a).format.fill, size: a.length });
    for (const t of targets) {
      applyState(t.fill, g.state, caps);
      await batch.reserve(t.size + 400);
    }
  }
  for (const { row, note } of noteJobs) {
    if (!note.isNullObject && note.content === row.data) {
      note.delete();
      result.notesRemoved++;
      await batch.reserve(150);
    }
  }
  const wantedComments = new Set(live.filter((r) => r.kind === 'comment').map((r) => `${r.sheet}\u0000${r.address}\u0000${r.data}`));
  for (const { comment, range } of ourComments) {
    const loc = splitQualified(range.address);
    if (!loc) continue;
    if (wantedComments.has(`${loc.sheet}\u0000${rectAddress(loc.rect)}\u0000${comment.content}`)) {
      comment.delete();
      result.notesRemoved++;
      await batch.reserve(150);
    }
  }
  if (skipped.size === 0) rec.delete();
  else {
    // Keep the records of sheets we could not restore, so a later 清除标记 can finish the job.
    const keep = rows.filter((r) => skipped.has(r.sheet));
    rec.getRangeByIndexes(1, 0, rows.length, RECORD_COLS).clear('Contents' as Excel.ClearApplyTo);
    await writeRows(rec, batch, keep.map((r) => [r.kind, r.sheet, r.address, r.color, r.data]), 2);
  }
  await batch.reserve(100);
  await batch.flush();
  return result;
}

/** A plain solid fill of the flag colour, whatever pattern or tint the cell had. */
function setFlagFill(fill: Excel.RangeFill, color: string): void {
  fill.clear();
  fill.color = color;
}

function applyState(fill: Excel.RangeFill, s: FillRecord, caps: HostCaps): void {
  if (s === 'none') {
    fill.clear();
    return;
  }
  fill.color = s.c;
  if (!caps.rangeAreas) return;
  if (s.p !== undefined) fill.pattern = s.p as Excel.FillPattern;
  if (s.pc !== undefined) fill.patternColor = s.pc;
  if (s.t !== undefined) fill.tintAndShade = s.t;
  if (s.pt !== undefined) fill.patternTintAndShade = s.pt;
}
