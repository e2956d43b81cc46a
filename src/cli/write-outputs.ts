/**
 * What only the CLI does with the workbooks src/io builds: refuse an existing output without
 * --force, write to a temporary name and rename into place, and plan and write one review workbook
 * per unit (--per-unit-out).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { CheckReport } from '../core/check';
import { buildReviewWorkbook, drawInMemory, planReviewWorkbook, BuildOptions, reportUnits, ReviewBook, ReviewPlan, ReviewSource, ReviewUnit, unitFileName } from '../io/review-workbook';
import { partitionByUnit } from '../core/per-unit';
import { stampOutput } from '../io/own-output';
import { MAX_FILE_NAME_BYTES, truncateUtf8, uniqueFileNames, utf8Length } from '../io/file-name';
import { UserError } from './errors';
import { sizeNoteBoxes } from './note-box';
import { streamPrintOptions } from './stream-print-options';

// Notes of the review workbook get boxes sized to their text (Node's exceljs only), and streamed
// sheets keep their print options (centred on the page).
sizeNoteBoxes();
streamPrintOptions();

/** Refuse an existing output without --force (before any work is written). */
export function assertWritable(out: string, force: boolean, inputs: ReadonlyArray<string> = []): void {
  const abs = path.resolve(out);
  if (inputs.some((p) => path.resolve(p) === abs)) throw new UserError(`输出文件 ${out} 是输入文件之一，不能覆盖输入文件，请换一个输出文件名。`);
  if (!force && fs.existsSync(abs)) throw new UserError(`输出文件 ${out} 已存在；如需覆盖，请加 --force。`);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) throw new UserError(`输出文件夹 ${path.dirname(out)} 不存在。`);
}

/** Why a write failed, from its error code, in words the user can act on (not always the disk's fault). */
function writeFailure(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '没有写入权限';
    case 'ENAMETOOLONG':
      return '文件名或路径过长，请换一个较短的输出文件名或文件夹';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    case 'EISDIR':
      return '目标是一个文件夹';
    case 'ENOENT':
    case 'ENOTDIR':
      return '输出文件夹不存在';
    case 'EINVAL':
      return '文件名无效';
    default:
      return '请检查路径和磁盘空间';
  }
}

/** Write to a temporary name in the same folder (by `write`), then rename over the target. */
async function writeAtomic(out: string, force: boolean, write: (tmp: string) => Promise<void>): Promise<void> {
  const abs = path.resolve(out);
  // The temporary name must fit the 255-byte limit too: the target's name is cut, the suffix kept.
  const suffix = `.${process.pid}.${Date.now().toString(36)}.tmp`;
  const tmp = path.join(path.dirname(abs), `.${truncateUtf8(path.basename(abs), MAX_FILE_NAME_BYTES - 1 - utf8Length(suffix))}${suffix}`);
  try {
    await write(tmp);
    if (!force && fs.existsSync(abs)) throw new UserError(`输出文件 ${out} 已存在；如需覆盖，请加 --force。`);
    fs.renameSync(tmp, abs);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    if (e instanceof UserError) throw e;
    throw new UserError(`无法写入 ${out}：${writeFailure((e as NodeJS.ErrnoException).code)}。`);
  }
}

/** Write an in-memory workbook atomically (tables workbooks, and the review workbook's old path). */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, out: string, force: boolean): Promise<void> {
  await writeAtomic(out, force, (tmp) => wb.xlsx.writeFile(tmp));
}

/**
 * Which writer the review workbooks use: exceljs's streaming writer (rows go to the file as they are
 * drawn, so memory stays flat however many rows), or, with BUDGET_REVIEW_WRITER=memory, the
 * in-memory one the page uses — kept only so that bench/run.ts can report the before and after.
 */
export function reviewWriter(): 'stream' | 'memory' {
  return process.env.BUDGET_REVIEW_WRITER === 'memory' ? 'memory' : 'stream';
}

/** Buffered bytes a sheet being streamed may hold before drawing waits for the zip to take them. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * Let the zip take what a sheet has buffered: drawing is synchronous, so without this the whole
 * sheet would pile up in memory before archiver compressed any of it. Also lets the progress bar draw.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  // exceljs's StreamBuf writes into the zip's pipeline without heeding backpressure: what waits is
  // in its own buffers and in the writable side of the stream it pipes to (the deflate stage).
  // (archiver's PassThrough, from readable-stream, has no writableLength: its state says.) Each turn
  // of the event loop moves only a chunk or so through deflate, so waiting is what lets it catch up.
  type Piped = { writableLength?: number; _writableState?: { length?: number } };
  const buf = (ws as unknown as { _stream?: { buffers?: Array<{ length: number }>; pipes?: Piped[] } })._stream;
  const buffered = () => (buf?.buffers ?? []).reduce((n, b) => n + b.length, 0) + (buf?.pipes ?? []).reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0), 0);
  do await new Promise((r) => setImmediate(r));
  while (buffered() > MAX_BUFFERED_BYTES);
}

/** Rows written of the total, for a progress bar. */
export type WriteProgress = (done: number, total: number) => void;

/**
 * Stream one review workbook (src/io/review-workbook.ts planReviewWorkbook) to `file` with exceljs's
 * WorkbookWriter: inline strings (no shared-strings table held in memory), styles kept, every row
 * committed as it is drawn.
 */
export async function streamReviewWorkbook(report: CheckReport, sources: ReadonlyArray<ReviewSource>, opts: BuildOptions, file: string, progress: WriteProgress = () => undefined): Promise<void> {
  await streamPlan(planReviewWorkbook(report, sources, opts), file, progress);
}

async function streamPlan(plan: ReviewPlan, file: string, progress: WriteProgress = () => undefined): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  stampOutput(wb as unknown as ExcelJS.Workbook);
  wb.created = new Date();
  let done = 0;
  progress(0, plan.rows);
  try {
    for (const ws of plan.write(wb as unknown as ReviewBook, (n) => progress((done += n), plan.rows))) await drained(ws);
    await wb.commit();
  } catch (e) {
    // Close the file before the caller removes it, whatever went wrong while drawing: a write
    // stream still opening would otherwise create the temporary file again after its removal.
    const stream = (wb as unknown as { stream?: fs.WriteStream }).stream;
    if (stream && !stream.closed) {
      await new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.destroy();
      });
    }
    throw e;
  }
}

/**
 * Below this many rows a review workbook is drawn in memory and written in one go: the streaming
 * writer's fixed cost per file (archiver, one stream per part) makes tiny files slower (10,000 units
 * of about ten lines: 64 s in memory against 91 s streamed), while from a few hundred rows streaming
 * is twice as fast (400 units of about 290 rows: 14.2 s against 27.6 s; bench/run.ts --review-only,
 * 2026-12-04, once unstyled cells share one style). Both writers draw the same sheets from the same
 * plan (tests/cli/review-stream.test.ts).
 */
export const STREAM_MIN_ROWS = 100;

/** Write the review workbook (all units, or one with opts.unit) to `out` atomically, with the writer in force. */
export async function writeReviewWorkbook(report: CheckReport, sources: ReadonlyArray<ReviewSource>, opts: BuildOptions, out: string, force: boolean, progress?: WriteProgress): Promise<void> {
  if (reviewWriter() === 'memory') return writeWorkbookAtomic(buildReviewWorkbook(report, sources, opts), out, force);
  const plan = planReviewWorkbook(report, sources, opts);
  if (plan.rows < STREAM_MIN_ROWS) return writeWorkbookAtomic(drawInMemory(plan, progress), out, force);
  await writeAtomic(out, force, (tmp) => streamPlan(plan, tmp, progress));
}

export interface PerUnitPlan {
  dir: string;
  force: boolean;
  files: Array<{ unit: ReviewUnit; file: string }>;
}

/** Decide the per-unit file names and refuse existing ones without --force, before anything is written. */
export function planPerUnit(report: CheckReport, dir: string, force: boolean): PerUnitPlan {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UserError(`--per-unit-out 应为文件夹，但 ${dir} 是一个文件。`);
  // Names fit 255 bytes with the temporary suffix, are valid on every system, and are distinct
  // however the file system compares them (src/io/file-name.ts).
  const units = reportUnits(report);
  const names = uniqueFileNames(units.map((u) => unitFileName(u)));
  const files = units.map((u, i) => ({ unit: u, file: path.join(dir, names[i]) }));
  if (!force) {
    const existing = files.filter((p) => fs.existsSync(p.file));
    if (existing.length > 0) throw new UserError(`文件夹 ${dir} 中已有单位审核文件 ${path.basename(existing[0].file)}；如需覆盖，请加 --force。`);
  }
  return { dir, force, files };
}

/**
 * Write one review workbook per unit, one after another (4 at once was slower on 2 cores: 9.2 against
 * 6.4 ms a unit, bench/per-unit.ts); returns the written paths. The first failure stops the run.
 */
export async function writePerUnit(
  report: CheckReport,
  sources: ReadonlyArray<ReviewSource>,
  plan: PerUnitPlan,
  onWritten: (done: number, file: string) => void = () => undefined,
): Promise<string[]> {
  fs.mkdirSync(plan.dir, { recursive: true });
  const written: string[] = [];
  // The run's partition by unit once, not once per unit's workbook (10,000 units: issue 19 item 17).
  const partition = partitionByUnit(report);
  for (const p of plan.files) {
    await writeReviewWorkbook(report, sources, { unit: p.unit, partition }, p.file, plan.force);
    written.push(p.file);
    onWritten(written.length, p.file);
  }
  return written;
}
