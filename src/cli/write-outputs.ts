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
import { UserError } from './errors';

/** Refuse an existing output without --force (before any work is written). */
export function assertWritable(out: string, force: boolean, inputs: ReadonlyArray<string> = []): void {
  const abs = path.resolve(out);
  if (inputs.some((p) => path.resolve(p) === abs)) throw new UserError(`输出文件 ${out} 是输入文件之一，不能覆盖输入文件，请换一个输出文件名。`);
  if (!force && fs.existsSync(abs)) throw new UserError(`输出文件 ${out} 已存在；如需覆盖，请加 --force。`);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) throw new UserError(`输出文件夹 ${path.dirname(out)} 不存在。`);
}

/** Write to a temporary name in the same folder, then rename over the target. */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, out: string, force: boolean): Promise<void> {
  const abs = path.resolve(out);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
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
    throw new UserError(`无法写入 ${out}：${(e as NodeJS.ErrnoException).code === 'EACCES' ? '没有写入权限' : '请检查路径和磁盘空间'}。`);
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
  const names = new Set<string>();
  const files = reportUnits(report).map((u) => {
    let name = unitFileName(u);
    for (let n = 2; names.has(name.toLowerCase()); n++) name = unitFileName(u).replace(/\.xlsx$/, `(${n}).xlsx`);
    names.add(name.toLowerCase());
    return { unit: u, file: path.join(dir, name) };
  });
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
