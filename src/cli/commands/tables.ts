/**
 * `budget-review tables <file>… --out tables.xlsx [--unit CODE | --all] [--per-unit] [--style …]`
 * (SPEC §5.1): read the inputs as `check` does, generate the standard tables (src/core/tables) for the
 * department (all units consolidated, the default) or one unit, optionally one more set per unit, and
 * write them to one print-ready workbook. Exit 0 when written, 2 for problems the user must fix.
 */
import type { Command } from 'commander';
import type { CheckReport } from '../../core/check';
import { type StandardTable, type TableStyle, type UnitInfo, generateTables, listUnits } from '../../core/tables';
import { UserError } from '../errors';
import { printErr, printOut } from '../print';
import { writeWorkbookAtomic } from '../review-workbook';
import { type TableSet, buildTablesWorkbook } from '../tables-workbook';
import { runCheck } from './check';

export interface TablesCommandOptions {
  out?: string;
  unit?: string;
  all?: boolean;
  perUnit?: boolean;
  style?: string;
  rules?: string;
  force?: boolean;
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

/** The table sets a run asks for: the department (or --unit) first, then one per unit with --per-unit. */
export function planTableSets(report: Pick<CheckReport, 'lines' | 'config' | 'year'>, opts: TablesCommandOptions): TableSet[] {
  if (opts.unit !== undefined && opts.all) throw new UserError('--unit 与 --all 不能同时使用：--all 生成全部单位的汇总表，--unit 只生成一个单位的表。');
  const style = parseStyle(opts.style) ?? report.config.tables.style;
  const base = { config: report.config, style, year: report.config.tables.year ?? report.year ?? null };
  const units = listUnits(report.lines);
  if (units.length === 0) throw new UserError('输入中没有可用于生成公开表的预算明细行。');
  const sets: TableSet[] = [];
  if (opts.unit !== undefined) {
    const u = findUnit(units, opts.unit);
    sets.push({ label: opts.perUnit ? unitLabel(u) : undefined, tables: generateTables(report.lines, { ...base, units: [u.key], department: u.name || undefined }) });
  } else {
    sets.push({ label: opts.perUnit ? '汇总' : undefined, tables: generateTables(report.lines, base) });
  }
  if (opts.perUnit) {
    for (const u of units) {
      if (opts.unit !== undefined && u.key === findUnit(units, opts.unit).key) continue;
      sets.push({ label: unitLabel(u), tables: generateTables(report.lines, { ...base, units: [u.key], department: u.name || undefined }) });
    }
  }
  return sets;
}

function countTables(sets: readonly TableSet[]): number {
  return sets.reduce((s, x) => s + x.tables.length, 0);
}

/** Load, generate and write; returns the exit code. */
export async function runTables(inputs: ReadonlyArray<string>, opts: TablesCommandOptions): Promise<number> {
  if (!opts.out) throw new UserError('请用 --out 指定输出文件，例如：budget-review tables 预算.xlsx --out 公开表.xlsx');
  if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`输出文件应以 .xlsx 结尾：${opts.out}`);
  parseStyle(opts.style); // refuse a bad --style before reading anything
  const run = await runCheck(inputs, { rules: opts.rules, out: opts.out, force: opts.force });
  for (const u of run.unreadable) printErr(`已跳过无法读取的文件 ${u.display}：${u.reason}\n`);
  const sets = planTableSets(run.report, opts);
  await writeWorkbookAtomic(buildTablesWorkbook(sets), opts.out, !!opts.force);
  const empty = sets[0].tables.filter((t: StandardTable) => t.empty).map((t) => t.shortName);
  printOut(`公开表已写入 ${opts.out}：${sets.length} 套，共 ${countTables(sets)} 张表${empty.length ? `（空表：${empty.join('、')}）` : ''}\n`);
  return 0;
}

export function registerTablesCommand(program: Command, setExit: (code: number) => void = () => undefined): void {
  program
    .command('tables')
    .description('由预算明细生成部门预算公开表（部门收支总表……项目支出绩效目标表），写入 .xlsx')
    .argument('<inputs...>', '预算明细文件（.xlsx 或 .csv）或文件夹')
    .option('--out <file>', '输出的公开表工作簿（.xlsx）')
    .option('--unit <code>', '只生成该单位的表（单位编码或名称）')
    .option('--all', '生成全部单位的汇总表（默认）')
    .option('--per-unit', '另为每个单位各生成一套表')
    .option('--style <style>', '表样：national（全国，默认）或 shanghai（上海）')
    .option('--rules <file>', '规则参数文件（JSON），其中 tables 设置年度、编制部门、样式')
    .option('--force', '允许覆盖已存在的输出文件（输入文件和输入文件夹中的预算文件除外）')
    .action(async (files: string[], opts: TablesCommandOptions) => {
      setExit(await runTables(files, opts));
    });
}
