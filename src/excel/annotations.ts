/**
 * Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10) in bulk: listing them with their
 * cells in payload-sized blocks, and adding many of them so that one that Excel refuses costs that
 * cell only, never the batch.
 */
import { quoteSheet } from '../core/address';
import { parseRect } from './rects';
import { errorCode, jsonBytes, ProgressSink, readRowBlocks } from './run';

export interface ListedAnnotation {
  /** The sheet of the cell (for comments, from the location's address). */
  sheet: string;
  row: number;
  col: number;
  content: string;
  /** Comments only: how many replies the thread has. */
  replies?: number;
  /** The proxy, for delete(). */
  item: Excel.Note | Excel.Comment;
}

/** "'明细'!H12" → sheet and 1-based cell. */
export function splitQualified(address: string): { sheet: string; row: number; col: number } | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = address.slice(0, bang);
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const rect = parseRect(address.slice(bang + 1));
  return rect ? { sheet, row: rect.top, col: rect.left } : null;
}

/**
 * Every threaded comment of the workbook with its cell and, when `withReplies`, its reply count:
 * getCount, then getItemAt in blocks (one loaded collection of all contents can exceed 5 MB).
 */
export async function listComments(ctx: Excel.RequestContext, withReplies: boolean): Promise<ListedAnnotation[]> {
  const count = ctx.workbook.comments.getCount();
  await ctx.sync();
  return readRowBlocks<ListedAnnotation>(ctx, count.value, (start, n) => {
    const got: Array<{ c: Excel.Comment; loc: Excel.Range; replies?: OfficeExtension.ClientResult<number> }> = [];
    for (let i = start; i < start + n; i++) {
      const c = ctx.workbook.comments.getItemAt(i);
      c.load('content');
      const loc = c.getLocation();
      loc.load('address');
      got.push({ c, loc, replies: withReplies ? c.replies.getCount() : undefined });
    }
    return () => got.flatMap(({ c, loc, replies }) => {
      const at = splitQualified(loc.address);
      return at ? [{ ...at, content: c.content, replies: replies?.value, item: c }] : [];
    });
  }, { startRows: 2000, bytesOf: (rows) => jsonBytes(rows.map((r) => [r.sheet, r.row, r.col, r.content])) + 80 * rows.length });
}

/** Every note of a sheet with its cell (ExcelApi 1.18). */
export async function listNotes(ctx: Excel.RequestContext, sheet: string): Promise<ListedAnnotation[]> {
  const notes = ctx.workbook.worksheets.getItem(sheet).notes;
  const count = notes.getCount();
  await ctx.sync();
  return readRowBlocks<ListedAnnotation>(ctx, count.value, (start, n) => {
    const got: Array<{ note: Excel.Note; loc: Excel.Range }> = [];
    for (let i = start; i < start + n; i++) {
      const note = notes.getItemAt(i);
      note.load('content');
      const loc = note.getLocation();
      loc.load('address');
      got.push({ note, loc });
    }
    return () => got.flatMap(({ note, loc }) => {
      const at = splitQualified(loc.address);
      return at ? [{ ...at, sheet, content: note.content, item: note }] : [];
    });
  }, { startRows: 2000, bytesOf: (rows) => jsonBytes(rows.map((r) => [r.row, r.col, r.content])) + 80 * rows.length });
}

export interface AnnotationJob {
  sheet: string;
  /** "H12" */
  cell: string;
  content: string;
}

/** Error codes with which Excel refuses one note or comment (the cell is taken, or holds a legacy note). */
const PER_CELL_REFUSALS = new Set(['InvalidOperation', 'InvalidArgument', 'InvalidCellAddress', 'GeneralException', 'ItemAlreadyExists']);

/**
 * Adds notes (`mode` 'note') or threaded comments ('comment'). Excel runs a batch's operations in
 * order and stops at the first that fails, keeping the ones before it; so when a batch fails, the
 * counts of the collections tell how many were added, the next one is the cell Excel refused
 * (below ExcelApi 1.18 a cell with a legacy note refuses a comment, office-js#1847), and the rest
 * go on in the next batch. Returns the jobs that were refused.
 */
export async function addAnnotations(ctx: Excel.RequestContext, mode: 'note' | 'comment', jobs: ReadonlyArray<AnnotationJob>, budget: number, meter?: ProgressSink): Promise<{ added: number; refused: AnnotationJob[] }> {
  const wb = ctx.workbook;
  const refused: AnnotationJob[] = [];
  let added = 0;
  let i = 0;
  const countsOf = async (sheets: Iterable<string>): Promise<Map<string, number>> => {
    const res = new Map<string, OfficeExtension.ClientResult<number>>();
    if (mode === 'comment') res.set('', wb.comments.getCount());
    else for (const s of sheets) res.set(s, wb.worksheets.getItem(s).notes.getCount());
    await ctx.sync();
    return new Map([...res].map(([k, v]) => [k, v.value]));
  };
  const keyOf = (j: AnnotationJob) => (mode === 'comment' ? '' : j.sheet);
  let counts = jobs.length > 0 ? await countsOf(new Set(jobs.map((j) => j.sheet))) : new Map<string, number>();
  while (i < jobs.length) {
    const start = i;
    let bytes = 0;
    for (; i < jobs.length; i++) {
      const j = jobs[i];
      const b = jsonBytes(j.content) + j.sheet.length * 3 + 400;
      if (i > start && bytes + b > budget) break;
      bytes += b;
      if (mode === 'note') wb.worksheets.getItem(j.sheet).notes.add(j.cell, j.content);
      else wb.comments.add(`${quoteSheet(j.sheet)}!${j.cell}`, j.content);
    }
    try {
      await ctx.sync();
      added += i - start;
      meter?.add(i - start);
      meter?.synced();
      for (let k = start; k < i; k++) counts.set(keyOf(jobs[k]), (counts.get(keyOf(jobs[k])) ?? 0) + 1);
    } catch (e) {
      if (!PER_CELL_REFUSALS.has(errorCode(e))) throw e;
      const after = await countsOf(new Set(jobs.slice(start, i).map((j) => j.sheet)));
      let applied = 0;
      for (const [k, n] of after) applied += n - (counts.get(k) ?? 0);
      const culprit = start + applied;
      if (applied < 0 || culprit >= i) throw e;
      added += applied;
      counts = new Map([...counts, ...after]);
      refused.push(jobs[culprit]);
      meter?.add(applied + 1);
      meter?.synced();
      i = culprit + 1;
    }
  }
  return { added, refused };
}
