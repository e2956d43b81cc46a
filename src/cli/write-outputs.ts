/**
 * What only the CLI does with the workbooks src/io builds: refuse an existing output without
 * --force, write to a temporary name and rename into place, and plan and write one review workbook
 * per unit (--per-unit-out).
 */
import type ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { CheckReport } from '../core/check';
import { buildReviewWorkbook, reportUnits, ReviewSource, ReviewUnit, unitFileName } from '../io/review-workbook';
import { MAX_FILE_NAME_BYTES, truncateUtf8, uniqueFileNames, utf8Length } from '../io/file-name';
import { UserError } from './errors';
import { sizeNoteBoxes } from './note-box';

// Notes of the review workbook get boxes sized to their text (Node's exceljs only).
sizeNoteBoxes();

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

/** Write to a temporary name in the same folder, then rename over the target. */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, out: string, force: boolean): Promise<void> {
  const abs = path.resolve(out);
  // The temporary name must fit the 255-byte limit too: the target's name is cut, the suffix kept.
  const suffix = `.${process.pid}.${Date.now().toString(36)}.tmp`;
  const tmp = path.join(path.dirname(abs), `.${truncateUtf8(path.basename(abs), MAX_FILE_NAME_BYTES - 1 - utf8Length(suffix))}${suffix}`);
  try {
    await wb.xlsx.writeFile(tmp);
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

/** Write one review workbook per unit; returns the written paths. */
export async function writePerUnit(
  report: CheckReport,
  sources: ReadonlyArray<ReviewSource>,
  plan: PerUnitPlan,
  onWritten: (done: number, file: string) => void = () => undefined,
): Promise<string[]> {
  fs.mkdirSync(plan.dir, { recursive: true });
  const written: string[] = [];
  for (const p of plan.files) {
    await writeWorkbookAtomic(buildReviewWorkbook(report, sources, { unit: p.unit }), p.file, plan.force);
    written.push(p.file);
    onWritten(written.length, p.file);
  }
  return written;
}
