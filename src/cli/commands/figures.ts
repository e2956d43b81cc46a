/**
 * `budget-review figures <file> [--template text.txt] [--json] [--rules rules.json]` (SPEC §5.1, §5.3):
 * the report figures of the 预算执行 sheet (and of the budget lines, for 民生/三保/三公) and the user's
 * paragraph with its placeholders filled. Exit 0 when every placeholder was filled (or there was no
 * template), 1 when some placeholders are left unfilled, 2 for user problems (no such file, no
 * 预算执行 sheet and no budget lines, unreadable template).
 *
 * `--fill 报告.txt [--out 报告-已填.txt] [--fix-words]` (issue 17): the draft as written, its X's filled
 * and the figures already in it checked; exit 1 when an X is left or a written figure disagrees.
 */
import type { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbooks } from '../../core/check';
import { ConfigError } from '../../core/config';
import { compileWords, DEFAULT_DRAFT_WORDS, fillDraft, figuresJson, mergeDraftWords, reportFigures, ROW_METRICS, WORKBOOK_FIGURES, WRITTEN_UNITS } from '../../core/figures';
import type { DraftFillResult, FiguresReport, WrittenUnit } from '../../core/figures';
import { formatFigure } from '../../core/figures/template';
import { UserError } from '../errors';
import { assertOutputsSafe, ROLE_INPUT, ROLE_RULES } from '../paths';
import { assertWritable } from '../write-outputs';
import { displayName, isLoaded, loadInput, unreadableSentence } from '../inputs';
import { printJsonText, printOut } from '../print';
import { loadRulesFile } from './check';

export interface FiguresCommandOptions {
  template?: string;
  json?: boolean;
  rules?: string;
  /** A draft with X's to fill. */
  fill?: string;
  out?: string;
  force?: boolean;
  fixWords?: boolean;
  /** A JSON file of extra words over fill-words.json. */
  words?: string;
  /** "万元=0,%=2". */
  decimals?: string;
}

export interface FiguresRun {
  report: FiguresReport;
  /** Present with --fill. */
  draft?: DraftFillResult;
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
  if (opts.fill !== undefined && opts.template !== undefined) throw new UserError('--fill 与 --template 只能选一个：--fill 填写文稿中的 X，--template 填写 {行.指标} 占位符。');
  if (opts.fill === undefined && (opts.out !== undefined || opts.fixWords || opts.words !== undefined || opts.decimals !== undefined)) {
    throw new UserError('--out、--fix-words、--words 和 --decimals 只用于 --fill 报告.txt。');
  }
  const rules = opts.rules !== undefined ? loadRulesFile(opts.rules) : undefined;
  const template = opts.template !== undefined ? readTemplate(opts.template) : undefined;
  const draft = opts.fill !== undefined ? readDraft(opts.fill) : undefined;
  const words = opts.words !== undefined ? readWords(opts.words) : undefined;
  const decimals = opts.decimals !== undefined ? parseDecimals(opts.decimals) : undefined;
  if (opts.out !== undefined) {
    // Issue 19 item 5: the filled draft never replaces a file the run reads (the workbook, the draft,
    // --rules, --words), however reached (links, hard links, case), whatever --force says.
    const reads = [
      { path: file, role: ROLE_INPUT },
      { path: opts.fill as string, role: '文稿文件（--fill）' },
      ...(opts.rules !== undefined ? [{ path: opts.rules, role: ROLE_RULES }] : []),
      ...(opts.words !== undefined ? [{ path: opts.words, role: '词表文件（--words）' }] : []),
    ];
    assertOutputsSafe([{ path: opts.out, label: '输出文件（--out）' }], reads);
    assertWritable(opts.out, !!opts.force);
  }
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
  if (draft !== undefined) {
    const filled = fillDraft(draft.text, report.set, { fixWords: opts.fixWords, decimals, words });
    if (opts.out !== undefined) writeText(opts.out, draft.crlf ? filled.text.replace(/\n/g, '\r\n') : filled.text, !!opts.force);
    const stdout = opts.json ? JSON.stringify(draftJson(filled, report), null, 2) + '\n' : humanDraft(filled, report, opts);
    const code = filled.unresolved.length > 0 || filled.mismatches.length > 0 ? 1 : 0;
    return { report, draft: filled, stdout, code };
  }
  const stdout = opts.json ? JSON.stringify(figuresJson(report), null, 2) + '\n' : humanFigures(report);
  const code = report.fill && report.fill.unresolved.length > 0 ? 1 : 0;
  return { report, stdout, code };
}

/** The draft as written: BOM dropped, line breaks read as \n (and written back as they were). */
function readDraft(file: string): { text: string; crlf: boolean } {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`找不到文稿文件 ${file}，或无法读取。`);
  }
  if (raw.includes('\uFFFD')) throw new UserError(`文稿文件 ${file} 不是 UTF-8 编码；请在记事本中“另存为”UTF-8 后再试。`);
  const text = raw.replace(/^\uFEFF/, '');
  return { text: text.replace(/\r\n?/g, '\n'), crlf: /\r\n/.test(text) };
}

function readWords(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError(`词表文件 ${file} 无法读取，或不是 JSON。`);
  }
  try {
    return compileWords(mergeDraftWords(json, DEFAULT_DRAFT_WORDS));
  } catch (e) {
    throw new UserError(`${file}：${(e as Error).message}。`);
  }
}

/** "万元=0,%=2" → { 万元: 0, '%': 2 }. */
function parseDecimals(spec: string): Partial<Record<WrittenUnit, number>> {
  const out: Partial<Record<WrittenUnit, number>> = {};
  for (const part of spec.split(/[,，]/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^(.+?)[=＝:：](\d)$/.exec(part);
    const unit = m?.[1].replace('％', '%') as WrittenUnit | undefined;
    if (!m || !unit || !WRITTEN_UNITS.includes(unit)) throw new UserError(`--decimals ${spec} 看不懂：写成“万元=0,%=2”，单位可用 ${WRITTEN_UNITS.join('、')}，小数位 0–9。`);
    out[unit] = Number(m[2]);
  }
  return out;
}

/** Write next to the target, then rename over it: a failed run leaves no half-written report. */
function writeText(out: string, text: string, force: boolean): void {
  const abs = path.resolve(out);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text, 'utf8');
    if (!force && fs.existsSync(abs)) throw new UserError(`输出文件 ${out} 已存在；如需覆盖，请加 --force。`);
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError(`无法写入 ${out}：请检查路径和写入权限。`);
  }
}

/** The JSON of issue 17: { text, filled, unresolved, mismatches } and what could not be checked. */
export function draftJson(d: DraftFillResult, r: FiguresReport): Record<string, unknown> {
  const out: Record<string, unknown> = { text: d.text, filled: d.filled, unresolved: d.unresolved, mismatches: d.mismatches, unchecked: d.unchecked, checked: d.checked };
  if (r.notes.length > 0) out.notes = r.notes;
  return out;
}

export function humanDraft(d: DraftFillResult, r: FiguresReport, opts: FiguresCommandOptions): string {
  let s = '';
  const e = r.execution;
  if (e) s += `预算执行表：${e.file} / ${e.sheet}${e.month ? `（1-${e.month}月）` : ''}\n`;
  for (const n of r.notes) s += `注意：${n}\n`;
  s += opts.out !== undefined ? `填好的文稿已写入 ${opts.out}\n` : `\n填好的文稿：\n${d.text.replace(/\n+$/, '')}\n`;
  s += `\n已填 ${d.filled.length} 处`;
  const turned = d.filled.filter((f) => f.word);
  if (turned.length > 0) s += `（其中 ${turned.length} 处改写了词语：${turned.map((f) => `${f.word!.from}→${f.word!.to}`).join('、')}）`;
  s += `；已写的数字核对 ${d.checked} 处，不符 ${d.mismatches.length} 处。\n`;
  if (d.unresolved.length > 0) {
    s += `\n未填 ${d.unresolved.length} 处（X 原样保留）：\n`;
    for (const u of d.unresolved) s += `  第${u.line}行「${u.context}」：${u.reason}\n`;
    if (!opts.fixWords && d.unresolved.some((u) => /^数据为/.test(u.reason))) s += '  方向词与数据相反的，可加 --fix-words 改写（增长↔下降、超↔低于）后填入。\n';
  }
  if (d.mismatches.length > 0) {
    s += `\n与数据不符 ${d.mismatches.length} 处：\n`;
    for (const m of d.mismatches) s += `  第${m.line}行「${m.context}」：原文 ${m.stated}，数据 ${m.actual}（${m.row ? `${m.row} ` : ''}${m.measure}）\n`;
  }
  if (d.unchecked.length > 0) {
    s += `\n未能核对 ${d.unchecked.length} 处：\n`;
    for (const u of d.unchecked) s += `  第${u.line}行「${u.context}」${u.stated}：${u.reason}\n`;
  }
  return s;
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
    .option('--json', '打印 JSON：{ figures, unresolved, text }；与 --fill 同用时 { text, filled, unresolved, mismatches }')
    .option('--rules <file>', '规则参数文件（JSON），如民生支出功能分类')
    .option('--fill <file>', '工作报告文稿（UTF-8 文本），把其中的 X 填成数字，并核对已写的数字')
    .option('--out <file>', '与 --fill 同用：填好的文稿写入此文件')
    .option('--force', '允许覆盖已存在的 --out 文件（输入文件除外）')
    .option('--fix-words', '与 --fill 同用：数据方向与原文相反时改写词语（增长↔下降、超↔低于）后填入')
    .option('--words <file>', '与 --fill 同用：补充的词表（JSON，格式见 docs/figures.md）')
    .option('--decimals <spec>', '与 --fill 同用：小数位，如 万元=0,%=2')
    .action(async (file: string, opts: FiguresCommandOptions) => {
      const run = await runFigures(file, opts);
      if (opts.json) printJsonText(run.stdout);
      else printOut(run.stdout);
      if (setExit) setExit(run.code);
      else if (run.code !== 0) process.exitCode = run.code;
    });
}
