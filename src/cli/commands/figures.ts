/**
 * `budget-review figures <file> [--template text.txt] [--json] [--rules rules.json]` (SPEC §5.1, §5.3):
 * the report figures of the 预算执行 sheet (and of the budget lines, for 民生/三保/三公) and the user's
 * paragraph with its placeholders filled. Exit 0 when every placeholder was filled (or there was no
 * template), 1 when some placeholders are left unfilled, 2 for user problems (no such file, no
 * 预算执行 sheet and no budget lines, unreadable template).
 */
import type { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbooks } from '../../core/check';
import { ConfigError } from '../../core/config';
import { figuresJson, reportFigures, ROW_METRICS, WORKBOOK_FIGURES } from '../../core/figures';
import type { FiguresReport } from '../../core/figures';
import { formatFigure } from '../../core/figures/template';
import { UserError } from '../errors';
import { displayName, isLoaded, loadInput, unreadableSentence } from '../inputs';
import { printJsonText, printOut } from '../print';
import { loadRulesFile } from './check';

export interface FiguresCommandOptions {
  template?: string;
  json?: boolean;
  rules?: string;
}

export interface FiguresRun {
  report: FiguresReport;
  /** Text for stdout. */
  stdout: string;
  code: number;
}

function readTemplate(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`找不到模板文件 ${file}，或无法读取。`);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/** Load, compute and render; throws UserError for every exit-2 situation. Writes nothing. */
export async function runFigures(file: string, opts: FiguresCommandOptions): Promise<FiguresRun> {
  const rules = opts.rules !== undefined ? loadRulesFile(opts.rules) : undefined;
  const template = opts.template !== undefined ? readTemplate(opts.template) : undefined;
  const abs = path.resolve(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new UserError(`找不到文件 ${file}。`);
  }
  if (!st.isFile()) throw new UserError(`figures 需要一个 .xlsx 或 .csv 文件：${file}`);
  const loaded = await loadInput(abs, displayName(abs));
  if (!isLoaded(loaded)) throw new UserError(unreadableSentence(loaded));

  let check;
  try {
    check = checkWorkbooks([loaded.grids], { rules });
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError(`规则设置有误：${e.message}。`);
    throw e;
  }
  const report = reportFigures([loaded.grids], {
    lines: check.lines,
    priorLines: check.priorLines.length > 0 ? check.priorLines : undefined,
    config: check.config,
    template,
  });
  if (!report.execution && check.lines.length === 0) {
    throw new UserError(`${loaded.display} 中没有预算执行表（表头：项目、年初预算、调整预算、本期累计、上年同期、月份），也没有预算明细，无法计算报告数字。`);
  }
  const stdout = opts.json ? JSON.stringify(figuresJson(report), null, 2) + '\n' : humanFigures(report);
  const code = report.fill && report.fill.unresolved.length > 0 ? 1 : 0;
  return { report, stdout, code };
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (r: string[]): string => r.map((c, i) => pad(c, widths[i], i > 0)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

/** The columns of the per-row table (the rest are in --json). */
const TABLE_METRICS = ['本期累计', '预算', '完成率', '上年同期', '同比', '增收额', '序时进度', '超序时', '超序时金额'] as const;

export function humanFigures(r: FiguresReport): string {
  let s = '';
  const e = r.execution;
  const show = (name: string): string => {
    const f = r.set.figures.get(name);
    if (!f) return '—';
    const t = formatFigure(f, null, false);
    return t.ok ? t.text : '—';
  };
  if (e) {
    const month = e.month ? `，1-${e.month}月` : '';
    s += `预算执行表：${e.file} / ${e.sheet}（金额单位：万元${month}；超序时单位：个百分点）\n\n`;
    const rows = [...r.set.rows.values()].map((row) => [row.item, ...TABLE_METRICS.map((m) => show(`${row.item}.${m}`))]);
    s += table(['项目', ...TABLE_METRICS], rows);
  } else {
    s += '没有预算执行表，只计算来自预算明细的指标。\n';
  }
  const wb = WORKBOOK_FIGURES.filter((n) => r.set.figures.has(n));
  if (wb.length > 0) {
    s += '\n' + table(['全表指标', '数值', '单位'], wb.map((n) => [n, show(n), r.set.figures.get(n)!.unit]));
  }
  for (const n of r.notes) s += `注意：${n}\n`;
  if (r.fill) {
    s += `\n填好的段落：\n${r.fill.text}\n`;
    if (r.fill.unresolved.length > 0) {
      s += `\n有 ${r.fill.unresolved.length} 个占位符未能填入（已原样保留）：\n`;
      for (const u of r.fill.unresolved) s += `  ${u.placeholder}：${u.reason}\n`;
    }
  } else {
    s += `\n可用 --template 模板.txt 填写段落，占位符写法如 {一般公共预算收入.同比:%}；行指标：${ROW_METRICS.join('、')}。\n`;
  }
  return s;
}

export function registerFiguresCommand(program: Command, setExit?: (code: number) => void): void {
  program
    .command('figures')
    .description('计算工作报告中的数字（完成率、同比、超序时进度、民生占比、“三保”增长、“三公”压减），并填入模板段落')
    .argument('<file>', '含预算执行表（或预算明细）的 .xlsx 文件')
    .option('--template <file>', '含占位符的段落文本（UTF-8），如 {一般公共预算收入.同比:%}')
    .option('--json', '打印 JSON：{ figures, unresolved, text }')
    .option('--rules <file>', '规则参数文件（JSON），如民生支出功能分类')
    .action(async (file: string, opts: FiguresCommandOptions) => {
      const run = await runFigures(file, opts);
      if (opts.json) printJsonText(run.stdout);
      else printOut(run.stdout);
      if (setExit) setExit(run.code);
      else if (run.code !== 0) process.exitCode = run.code;
    });
}
