/**
 * `budget-review tables <file>… --out tables.xlsx [--unit CODE | --all] [--per-unit] [--style …]`
 * (SPEC §5.1): read the inputs as `check` does, generate the standard tables (src/core/tables) for the
 * department (all units consolidated, the default) or one unit, optionally one more set per unit, and
 * write them to one print-ready workbook. Exit 0 when written, 2 for problems the user must fix.
 */
import type { Command } from 'commander';
import type { CheckReport } from '../../core/check';
import { type StandardTable, type TableStyle, type UnitInfo, generateTables, listUnits } from '../../core/tables';
import { assertOutputsSafe } from '../paths';
import { type Department, departmentLabel, listDepartments } from '../../core/tables/departments';
import * as path from 'path';
import { UserError } from '../errors';
import { assertWritable, writeWorkbookAtomic } from '../write-outputs';
import { unitFileName } from '../../io/review-workbook';
import { type TableSet, buildTablesWorkbook } from '../../io/tables-workbook';
import { printErr, printOut } from '../print';
import { runCheck } from './check';
import { prepareOutputPath } from '../output-path';

export interface TablesCommandOptions {
  out?: string;
  unit?: string;
  /** One department (部门 code or name) of a run that holds several. */
  dept?: string;
  all?: boolean;
  perUnit?: boolean;
  style?: string;
  rules?: string;
  force?: boolean;
  /** Create a missing --out folder. */
  mkdir?: boolean;
}

function parseStyle(s: string | undefined): TableStyle | undefined {
  if (s === undefined) return undefined;
  const v = s.normalize('NFKC').trim().toLowerCase();
  if (v === 'national' || v === '全国') return 'national';
  if (v === 'shanghai' || v === '上海') return 'shanghai';
  throw new UserError(`--style 应为 national（全国样式）或 shanghai（上海样式），而不是 ${s}。`);
}

/** The unit named by --unit: its code, its name, or (for units without a code) its key. */
export function findUnit(units: readonly UnitInfo[], wanted: string): UnitInfo {
  const w = wanted.trim();
  const u = units.find((x) => x.code === w) ?? units.find((x) => x.name === w) ?? units.find((x) => x.key === w);
  if (u) return u;
  const list = units.slice(0, 10).map((x) => [x.code, x.name].filter(Boolean).join(' ')).join('；');
  throw new UserError(`输入中没有单位 ${wanted}；可用的单位：${list}${units.length > 10 ? ' 等' : ''}。`);
}

function unitLabel(u: UnitInfo): string {
  return u.name || u.code;
}

/** The department named by --dept: its code or its name. */
export function findDepartment(departments: readonly Department[], wanted: string): Department {
  const w = wanted.trim();
  const d = departments.find((x) => x.code === w) ?? departments.find((x) => x.name === w) ?? departments.find((x) => departmentLabel(x) === w);
  if (d) return d;
  throw new UserError(`输入中没有部门 ${wanted}；可用的部门：${departments.map(departmentLabel).join('；')}。`);
}

/** One workbook of tables: a department's sets (its consolidated set, then one per unit with --per-unit). */
export interface TablesWorkbookPlan {
  department: Department | null;
  sets: TableSet[];
}

type ReportPart = Pick<CheckReport, 'lines' | 'config' | 'year' | 'performance'>;

/**
 * The workbooks a run asks for. A run that holds several departments gets one workbook per
 * department with --all, or the one named by --dept; without either it is refused, since merging
 * unrelated departments under one 编制部门 would publish wrong tables (issue 14).
 */
export function planTablesWorkbooks(report: ReportPart, opts: TablesCommandOptions): TablesWorkbookPlan[] {
  if (opts.unit !== undefined && (opts.all || opts.dept !== undefined)) throw new UserError('--unit 不能与 --all 或 --dept 同时使用：--unit 只生成一个单位的表。');
  const units = listUnits(report.lines);
  if (units.length === 0) throw new UserError('输入中没有可用于生成公开表的预算明细行。');
  if (opts.unit !== undefined) return [{ department: null, sets: planTableSets(report, opts) }];
  const departments = listDepartments(report.lines, units);
  let chosen = departments;
  if (opts.dept !== undefined) chosen = [findDepartment(departments, opts.dept)];
  else if (departments.length > 1 && !opts.all) {
    throw new UserError(
      `输入中有 ${departments.length} 个部门（${departments.map(departmentLabel).join('；')}），公开表按部门编制：` +
        `请用 --dept ${departments[0].code || departments[0].name} 指定一个部门，或用 --all 为每个部门各写一个工作簿。`,
    );
  }
  return chosen.map((d) => ({ department: d, sets: planTableSets(report, opts, d) }));
}

/** The table sets of one workbook: the department (or --unit) first, then one per unit with --per-unit. */
export function planTableSets(report: ReportPart, opts: TablesCommandOptions, department?: Department): TableSet[] {
  if (opts.unit !== undefined && opts.all) throw new UserError('--unit 与 --all 不能同时使用：--all 为每个部门生成公开表，--unit 只生成一个单位的表。');
  const style = parseStyle(opts.style) ?? report.config.tables.style;
  const base = { config: report.config, style, year: report.config.tables.year ?? report.year ?? null, performance: report.performance };
  const all = listUnits(report.lines);
  if (all.length === 0) throw new UserError('输入中没有可用于生成公开表的预算明细行。');
  const inDept = department ? new Set(department.units) : null;
  const units = inDept ? all.filter((u) => inDept.has(u.key)) : all;
  // The configured 编制部门 names one department; with several, each set is titled by its own.
  const deptName = department && !report.config.tables.department ? department.name : undefined;
  const deptBase = inDept ? { ...base, units: units.map((u) => u.key), department: deptName } : base;
  const sets: TableSet[] = [];
  if (opts.unit !== undefined) {
    const u = findUnit(units, opts.unit);
    sets.push({ label: opts.perUnit ? unitLabel(u) : undefined, tables: generateTables(report.lines, { ...base, units: [u.key], department: u.name || undefined }) });
  } else {
    sets.push({ label: opts.perUnit ? '汇总' : undefined, tables: generateTables(report.lines, deptBase) });
  }
  if (opts.perUnit) {
    for (const u of units) {
      if (opts.unit !== undefined && u.key === findUnit(units, opts.unit).key) continue;
      sets.push({ label: unitLabel(u), tables: generateTables(report.lines, { ...base, units: [u.key], department: u.name || undefined }) });
    }
  }
  return sets;
}

/** Where a department's workbook goes: --out itself for one, "公开表-101 县教育局.xlsx" beside it for several. */
export function departmentOutPath(out: string, plans: readonly TablesWorkbookPlan[], plan: TablesWorkbookPlan): string {
  if (plans.length === 1 || !plan.department) return out;
  const d = plan.department;
  const stem = path.basename(out).replace(/\.xlsx$/i, '');
  return path.join(path.dirname(out), `${stem}-${unitFileName({ key: d.key, code: d.code, name: d.name })}`);
}

/**
 * Tables built from inputs with errors carry those errors into the published figures: say so, with
 * the count and the first one, so nobody publishes them unknowingly (issue 14).
 */
export function inputErrorsWarning(report: Pick<CheckReport, 'findings' | 'summary'>): string | null {
  const n = report.summary.errors;
  if (n === 0) return null;
  const first = report.findings.find((f) => f.severity === 'error');
  const where = first ? `${first.location.file}${first.location.sheet ? ` ${first.location.sheet}${first.location.cell ? '!' + first.location.cell : ''}` : ''}` : '';
  return `注意：输入中有 ${n} 条错误${first ? `（第一条：${where}  ${first.message}）` : ''}，公开表是按现有数据生成的，公开前请先用 budget-review check 核对并改正。`;
}

function countTables(sets: readonly TableSet[]): number {
  return sets.reduce((s, x) => s + x.tables.length, 0);
}

/** Load, generate and write; returns the exit code. */
export async function runTables(inputs: ReadonlyArray<string>, opts: TablesCommandOptions): Promise<number> {
  if (!opts.out) throw new UserError('请用 --out 指定输出文件，例如：budget-review tables 预算.xlsx --out 公开表.xlsx');
  prepareOutputPath(opts.out, { option: '--out', ext: '.xlsx', mkdir: opts.mkdir });
  parseStyle(opts.style); // refuse a bad --style before reading anything
  const run = await runCheck(inputs, { rules: opts.rules, out: opts.out, force: opts.force });
  for (const u of run.unreadable) printErr(`已跳过无法读取的文件 ${u.display}：${u.reason}\n`);
  const plans = planTablesWorkbooks(run.report, opts);
  const outs = plans.map((p) => departmentOutPath(opts.out!, plans, p));
  // Every name is decided, and existing ones refused, before anything is written. The per-department
  // names (--all) are guarded like every other output: none is a file the run reads, however reached
  // (realpath, inode, links, case), none is another's, whatever --force says.
  assertOutputsSafe(
    outs.map((o, i) => ({ path: o, label: plans.length > 1 && plans[i].department ? `公开表（${departmentLabel(plans[i].department!)}）` : '输出文件' })),
    run.protectedFiles ?? [],
  );
  if (plans.length > 1) for (const o of outs) assertWritable(o, !!opts.force);
  for (let i = 0; i < plans.length; i++) {
    const { sets, department } = plans[i];
    await writeWorkbookAtomic(buildTablesWorkbook(sets), outs[i], !!opts.force);
    const empty = sets[0].tables.filter((t: StandardTable) => t.empty).map((t) => t.shortName);
    const who = department && plans.length > 1 ? `（${departmentLabel(department)}）` : '';
    printOut(`公开表${who}已写入 ${outs[i]}：${sets.length} 套，共 ${countTables(sets)} 张表${empty.length ? `（空表：${empty.join('、')}）` : ''}\n`);
  }
  const warning = inputErrorsWarning(run.report);
  if (warning) printErr(warning + '\n');
  return 0;
}

export function registerTablesCommand(program: Command, setExit: (code: number) => void = () => undefined): void {
  program
    .command('tables')
    .description('由预算明细生成部门预算公开表（部门收支总表……项目支出绩效目标表），写入 .xlsx')
    .argument('<inputs...>', '预算明细文件（.xlsx 或 .csv）或文件夹')
    .option('--out <file>', '输出的公开表工作簿（.xlsx）')
    .option('--unit <code>', '只生成该单位的表（单位编码或名称）')
    .option('--dept <code>', '输入含多个部门时，只生成该部门的表（部门编码或名称）')
    .option('--all', '输入含多个部门时，为每个部门各写一个工作簿（文件名后加部门）')
    .option('--per-unit', '另为每个单位各生成一套表')
    .option('--style <style>', '表样：national（全国，默认）或 shanghai（上海）')
    .option('--rules <file>', '规则参数文件（JSON），其中 tables 设置年度、编制部门、样式')
    .option('--force', '允许覆盖已存在的输出文件（输入文件和输入文件夹中的预算文件除外）')
    .option('--mkdir', '--out 所在文件夹不存在时自动创建')
    .action(async (files: string[], opts: TablesCommandOptions) => {
      setExit(await runTables(files, opts));
    });
}
