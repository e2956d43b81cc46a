/**
 * `budget-review check <file|dir>…` (SPEC §5.1): read the inputs, run the core, print JSON or a
 * Chinese summary, write the review workbook(s). Exit 0 no errors, 1 errors found, 2 user problems.
 * Inputs are read by the streaming reader; exceljs loads an input only when a review workbook is
 * written (--out, --per-unit-out), to copy its sheets with their formats (see inputs.loadWorkbooks).
 */
import type { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbooks, CheckReport, reportJson } from '../../core/check';
import { ConfigError, resolveConfig } from '../../core/config';
import type { WorkbookGrids } from '../../core/grid';
import { UserError } from '../errors';
import { displayName, expandInputs, isLoaded, isOwnReviewWorkbook, LoadedInput, loadInput, loadWorkbooks, SkippedFile, skippedSentence, UnreadableInput, unreadableForCheck, unreadableSentence } from '../inputs';
import { loadInputs } from '../parallel';
import { isToolOutputFile } from '../file-source';
import { assertNotFolder, assertOutputsSafe, PlannedOutput, ProtectedFile, ROLE_INPUT, ROLE_PRIOR, ROLE_RULES, sameFile } from '../paths';
import { createProgress, createRowsProgress } from '../progress';
import { printErr, printJson, printOut } from '../print';
import { assertWritable, planPerUnit, writePerUnit, writeReviewWorkbook } from '../write-outputs';
import { humanSummary } from '../summary';
import { jsonSyntaxError } from '../json-errors';
import { prepareOutputPath } from '../output-path';

export interface CheckCommandOptions {
  rules?: string;
  prior?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  perUnitOut?: string;
  /** Create a missing --out folder. */
  mkdir?: boolean;
  /** Worker threads reading the inputs (default: the machine's cores). */
  jobs?: string;
}

/** --jobs N: a whole number ≥ 1. */
function parseJobs(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--jobs 应为不小于 1 的整数：${v}`);
  return n;
}

export interface CheckRun {
  report: CheckReport;
  loaded: LoadedInput[];
  unreadable: UnreadableInput[];
  /** Files of the input folders that were not read (lock files, hidden files, non-spreadsheets). */
  skippedFiles?: SkippedFile[];
  /** Every file the run read (inputs, --prior, --rules): no output may replace one. */
  protectedFiles?: ProtectedFile[];
}

// Everything printed goes through print.ts, which removes terminal control sequences (item 14).
const out = printOut;
const err = printErr;

/** Read and validate a --rules file: JSON, then the config schema (ConfigError → exit 2). */
export function loadRulesFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`找不到规则文件 ${file}，或无法读取。`);
  }
  let rules: unknown;
  const json = text.replace(/^\uFEFF/, '');
  const syntax = jsonSyntaxError(json);
  if (syntax) throw new UserError(`规则文件 ${file} 不是有效的 JSON，${syntax}。`);
  rules = JSON.parse(json);
  try {
    resolveConfig(rules);
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError(`规则文件 ${file} 有误：${e.message}。`);
    throw e;
  }
  return rules;
}

async function loadPrior(file: string): Promise<WorkbookGrids> {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new UserError(`找不到上年数据文件 ${file}。`);
  }
  if (!st.isFile()) throw new UserError(`--prior 应为一个 .xlsx 或 .csv 文件：${file}`);
  const r = await loadInput(path.resolve(file), displayName(path.resolve(file)));
  if (!isLoaded(r)) throw new UserError(`上年数据文件 ${unreadableSentence(r)}`);
  return r.grids;
}

/**
 * Refuse, even with --force, an existing output path that the folder arguments would have read as an
 * input but that this tool did not write: `check 预算/ --out 预算/a.xlsx --force` must not replace
 * a.xlsx. (The path was left out of the inputs only because outputs are not checked again.)
 */
async function assertNotSweptInput(out: string, args: ReadonlyArray<string>): Promise<void> {
  const abs = path.resolve(out);
  // By identity: the folder may be reached through a link, or the name spelled in another case.
  if (!fs.existsSync(abs) || !expandInputs(args).some((f) => sameFile(f, abs)) || (await isToolOutputFile(abs))) return;
  throw new UserError(`输出文件 ${out} 位于输入文件夹中，是一份待检查的文件而不是本工具写出的结果，即使加 --force 也不会覆盖它；请换一个输出文件名。`);
}

/** Load and check; throws UserError for every exit-2 situation. Writes nothing. */
export async function runCheck(args: ReadonlyArray<string>, opts: CheckCommandOptions): Promise<CheckRun> {
  const rules = opts.rules !== undefined ? loadRulesFile(opts.rules) : undefined;
  const exclude = [opts.out, opts.perUnitOut].filter((p): p is string => !!p);
  const skippedFiles: SkippedFile[] = [];
  const files = expandInputs(args, exclude, skippedFiles);
  // No output may be a file the run reads, however it is reached; --force does not change that.
  const protectedFiles: ProtectedFile[] = [
    ...files.map((f) => ({ path: f, role: ROLE_INPUT })),
    ...(opts.prior !== undefined ? [{ path: opts.prior, role: ROLE_PRIOR }] : []),
    ...(opts.rules !== undefined ? [{ path: opts.rules, role: ROLE_RULES }] : []),
  ];
  if (opts.out) {
    const out: PlannedOutput = { path: opts.out, label: '输出文件' };
    assertOutputsSafe([out], protectedFiles);
    if (opts.perUnitOut) assertNotFolder(out, opts.perUnitOut, '--per-unit-out 的输出文件夹');
    // After the input guard, whose refusal says more than a wrong extension would.
    prepareOutputPath(opts.out, { option: '--out', ext: '.xlsx', mkdir: opts.mkdir });
  }
  if (opts.out) assertWritable(opts.out, !!opts.force, files);
  if (opts.out && opts.force) await assertNotSweptInput(opts.out, args);
  const prior = opts.prior !== undefined ? [await loadPrior(opts.prior)] : undefined;

  const progress = createProgress(files.length);
  const loaded: LoadedInput[] = [];
  const unreadable: UnreadableInput[] = [];
  const skipped: string[] = [];
  try {
    // Several inputs are read by worker threads (--jobs); results come back in input order.
    progress.update(0, '读取中');
    const results = await loadInputs(
      files.map((f) => ({ path: f, display: displayName(f) })),
      {
        jobs: opts.jobs !== undefined ? parseJobs(opts.jobs) : undefined,
        onLoaded: (done, display) => progress.update(done, `已读取 ${display}`),
        // The review workbook copies the inputs' sheets with their formats: read them in the same pass.
        formats: !!(opts.out || opts.perUnitOut),
      },
    );
    for (const r of results) {
      if (!isLoaded(r)) unreadable.push(r);
      else if (isOwnReviewWorkbook(r)) skipped.push(r.display);
      else loaded.push(r);
    }
    progress.update(files.length, '检查中');
  } finally {
    progress.finish();
  }
  for (const s of skipped) err(`已跳过本工具生成的审核工作簿 ${s}\n`);
  if (files.length === 1 && skipped.length === 1) throw new UserError(`${skipped[0]} 是本工具生成的审核工作簿，不是预算明细表，请检查原始文件。`);
  if (files.length === 1 && unreadable.length === 1) throw new UserError(unreadableSentence(unreadable[0]));
  if (loaded.length === 0 && unreadable.length === 0) throw new UserError('输入中只有本工具生成的审核工作簿，没有需要检查的预算文件。');
  if (loaded.length === 0) {
    throw new UserError(`${unreadable.length} 个输入文件都无法读取，例如 ${unreadableSentence(unreadable[0])}`);
  }

  let report: CheckReport;
  try {
    report = checkWorkbooks(loaded.map((l) => l.grids), {
      rules,
      prior,
      unreadable: unreadableForCheck(unreadable, loaded),
    });
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError(`规则设置有误：${e.message}。`);
    throw e;
  }
  if (!report.recognised) {
    // The sheet that was the detail may be the one the file lacks: say so rather than only "none found".
    const unread = loaded.flatMap((l) => (l.unreadableSheets ?? []).map((s) => ({ at: `${l.display}「${s.sheet}」`, reason: s.reason })));
    const also = unread.length ? `注意：${unread.slice(0, 3).map((u) => u.at).join('、')}${unread.length > 3 ? ` 等 ${unread.length} 张` : ''}表无法读取（${unread[0].reason}），未检查；请重新获取原文件后再检查。` : '';
    throw new UserError(`输入中没有可识别的预算明细表：需要一张表头至少含两个可识别列（如 单位名称、功能分类科目、经济分类科目、金额）的工作表。${also}`);
  }
  return { report, loaded, unreadable, skippedFiles, protectedFiles };
}

/** Print and write the results of a run; returns the exit code (1 when errors were found). */
export async function reportRun(run: CheckRun, opts: CheckCommandOptions): Promise<number> {
  const { report, loaded } = run;
  // Decide every output name (and refuse existing ones) before writing anything.
  const plan = opts.perUnitOut ? planPerUnit(report, opts.perUnitOut, !!opts.force) : null;
  // Every planned output against the files read and against every other output (the --out workbook
  // must not be a unit's file inside --per-unit-out), before anything is printed or written.
  assertOutputsSafe(
    [
      ...(opts.out ? [{ path: opts.out, label: '输出文件（--out）' }] : []),
      ...(plan?.files ?? []).map((p) => ({ path: p.file, label: `单位“${[p.unit.code, p.unit.name].filter(Boolean).join(' ') || p.unit.key}”的审核文件` })),
    ],
    run.protectedFiles ?? [],
  );
  if (plan?.force) {
    // --force replaces earlier per-unit review files, never someone's workbook that shares a unit's name.
    for (const p of plan.files) {
      if (fs.existsSync(p.file) && !(await isToolOutputFile(p.file))) {
        throw new UserError(`文件夹 ${plan.dir} 中的 ${path.basename(p.file)} 不是本工具写出的审核文件，即使加 --force 也不会覆盖它；请换一个输出文件夹。`);
      }
    }
  }
  const say = opts.json ? err : out;
  for (const u of run.unreadable) err(`已跳过无法读取的文件 ${unreadableSentence(u)}\n`);
  const notRead = skippedSentence(run.skippedFiles ?? []);
  if (notRead) printErr(notRead + '\n');
  if (opts.json) printJson(reportJson(report));
  else out(humanSummary(report));
  if (opts.out || plan) await loadWorkbooks(loaded);
  const sources = loaded.map((l) => ({ display: l.display, grids: l.grids, workbook: l.workbook, looks: l.looks }));
  // Writing a big review workbook takes long: the bar says what is happening (terminal only).
  if (opts.out) {
    // The bar counts the rows written, once the workbook is planned (terminal only).
    const bar = createRowsProgress(`写出审核工作簿 ${path.basename(opts.out)}（行）`);
    try {
      await writeReviewWorkbook(report, sources, {}, opts.out, !!opts.force, (done, total) => bar.update(done, total));
    } finally {
      bar.finish();
    }
    say(`审核工作簿已写入 ${opts.out}\n`);
  }
  if (plan) {
    const bar = createProgress(plan.files.length);
    bar.update(0, '写出各单位审核工作簿');
    let written: string[];
    try {
      written = await writePerUnit(report, sources, plan, (done, file) => bar.update(done, `已写出 ${path.basename(file)}`));
    } finally {
      bar.finish();
    }
    say(`已为 ${written.length} 个单位分别写入审核工作簿：${plan.dir}\n`);
  }
  return report.summary.errors > 0 ? 1 : 0;
}

export function registerCheckCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('审核预算明细表（.xlsx 或 .csv 文件，或包含它们的文件夹）')
    .argument('<inputs...>', '要检查的文件或文件夹')
    .option('--rules <file>', '规则参数文件（JSON）')
    .option('--prior <file>', '上年预算数据文件（同样格式）')
    .option('--json', '在标准输出打印审核结果 JSON')
    .option('--out <file>', '写出审核工作簿（.xlsx）')
    .option('--force', '允许覆盖已存在的输出文件（输入文件和输入文件夹中的预算文件除外）')
    .option('--per-unit-out <dir>', '为每个单位分别写出只含本单位内容的审核工作簿')
    .option('--mkdir', '--out 所在文件夹不存在时自动创建')
    .option('--jobs <n>', '并行读取输入文件的线程数（默认为 CPU 核数）')
    .action(async (inputs: string[], opts: CheckCommandOptions) => {
      const run = await runCheck(inputs, opts);
      setExit(await reportRun(run, opts));
    });
}
