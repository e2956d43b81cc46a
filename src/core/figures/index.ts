/**
 * Report figures (SPEC §5.3): find the 预算执行 sheet, compute the figures, fill the user's template.
 * The one entry point the CLI `figures` command and the pane's 报表 tab call.
 */
import type { RuleConfig } from '../config';
import type { WorkbookGrids } from '../grid';
import type { BudgetLine } from '../lines';
import type { AmountUnit } from '../money';
import { findExecutionSheet } from './execution';
import type { ExecutionSheet } from './execution';
import { computeFigures, figureJson } from './figures';
import type { FigureJson, FigureSet } from './figures';
import { fillTemplate, formatFigure, templateFromSheets } from './template';
import type { FillResult } from './template';

export interface FiguresOptions {
  /** Current-year budget lines (CheckReport.lines), for 民生/三保/三公 figures from lines. */
  lines?: ReadonlyArray<BudgetLine>;
  priorLines?: ReadonlyArray<BudgetLine>;
  config?: RuleConfig;
  /** The user's paragraph; when absent, a sheet named …模板… in the inputs is used if there is one. */
  template?: string;
  /** Unit assumed for an execution sheet that states none. */
  defaultUnit?: AmountUnit;
}

export interface FiguresReport {
  /** The 预算执行 sheet used, null when the inputs have none. */
  execution: ExecutionSheet | null;
  set: FigureSet;
  /** Present when a template was given or found. */
  fill: FillResult | null;
  template: string | null;
  notes: string[];
}

export function reportFigures(workbooks: ReadonlyArray<WorkbookGrids>, opts: FiguresOptions = {}): FiguresReport {
  const defaultUnit = opts.defaultUnit ?? (opts.config?.defaultUnit === '万元' ? 'wan' : 'yuan');
  const execution = findExecutionSheet(workbooks, defaultUnit);
  const set = computeFigures({ execution: execution?.rows ?? [], lines: opts.lines, priorLines: opts.priorLines, config: opts.config });
  let template = opts.template ?? null;
  if (template === null) for (const wb of workbooks) template = template ?? templateFromSheets(wb.sheets);
  const fill = template === null ? null : fillTemplate(template, set);
  return { execution, set, fill, template, notes: execution ? [...execution.notes] : [] };
}

/** One entry of the JSON `unresolved` list: a figure that could not be computed, or a placeholder. */
export type UnresolvedJson = { figure: string; reason: string } | { placeholder: string; reason: string };

export interface FiguresJson {
  figures: Record<string, FigureJson>;
  unresolved: UnresolvedJson[];
  text?: string;
  notes?: string[];
}

/** Inputs a sheet may leave blank on purpose (no adjustment yet, no prior column): not worth listing. */
const OPTIONAL_INPUT = /\.(年初预算|调整预算|上年同期|年初完成率|调整完成率)$/;

/**
 * SPEC §5.3 JSON: `{ figures: { name: { value, unit } }, unresolved: [...], text? }`. Without a
 * template, `unresolved` lists the figures that could not be computed; with one, the placeholders
 * left unfilled (the figures the template does not ask for are not noise in that list). Blank
 * optional inputs (调整预算, 上年同期 …) are not listed themselves; the figures they block (同比) are.
 */
export function figuresJson(r: FiguresReport): FiguresJson {
  const figures: Record<string, FigureJson> = {};
  for (const [name, f] of r.set.figures) figures[name] = figureJson(f);
  const unresolved: UnresolvedJson[] = r.fill
    ? r.fill.unresolved.map((u) => ({ placeholder: u.placeholder, reason: u.reason }))
    : [...r.set.missing].filter(([name]) => !OPTIONAL_INPUT.test(name)).map(([figure, reason]) => ({ figure, reason }));
  const out: FiguresJson = { figures, unresolved };
  if (r.fill) out.text = r.fill.text;
  if (r.notes.length > 0) out.notes = r.notes;
  return out;
}

/**
 * Rows for a figures sheet (the pane's 报表 tab): header, then one row per figure with its number
 * (万元 for money, percent or 个百分点 for ratios, unrounded), the display text and its source, then
 * the figures that could not be computed with their reasons.
 */
export function figuresSheetRows(r: FiguresReport): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [['指标', '数值', '单位', '显示', '算法或来源']];
  for (const f of r.set.figures.values()) {
    const j = figureJson(f);
    const shown = formatFigure(f, null, false);
    rows.push([f.name, j.value, j.unit, shown.ok ? shown.text : '', j.source]);
  }
  for (const [name, reason] of r.set.missing) if (!OPTIONAL_INPUT.test(name)) rows.push([name, '', '', '无法计算', reason]);
  return rows;
}

export { computeFigures, lookupFigure, ROW_METRICS, WORKBOOK_FIGURES } from './figures';
export type { Figure, FigureSet, FigureUnit, FigureValue, FigureInputs } from './figures';
export { fillTemplate, formatFigure, parsePlaceholder, placeholdersOf, templateFromSheets } from './template';
export type { FillResult, Placeholder, UnresolvedPlaceholder } from './template';
export { findExecutionSheet, readExecutionSheet, monthFromText, cleanItemName } from './execution';
export type { ExecutionSheet } from './execution';
export { fillDraft } from './draft-fill';
export type { DraftFillOptions, DraftFillResult, DraftFilled, DraftMismatch, DraftUnchecked, DraftUnresolved } from './draft-fill';
export { compileWords, DEFAULT_DRAFT_WORDS, draftWordsSchema, mergeDraftWords, WRITTEN_UNITS } from './draft-words';
export type { CompiledWords, DraftWords, WrittenUnit } from './draft-words';
