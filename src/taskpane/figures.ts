/**
 * 报告数字 in the pane, without React or office.js: the figures of the opened workbook(s) computed
 * as the CLI's `budget-review figures` computes them (a check for the budget lines, then
 * reportFigures), the user's paragraph filled, and the rows of the figures sheet.
 */
import { checkWorkbooks } from '../core/check';
import { figuresJson, figuresSheetRows, FiguresJson, FiguresReport, reportFigures, templateFromSheets } from '../core/figures';
import type { WorkbookGrids } from '../core/grid';
import type { FiguresSheet } from '../excel/figures';
import { baseConfig, RuleSettings } from './model';

/** The paragraph offered when the workbook has no 模板 sheet: a typical work-report sentence. */
export const EXAMPLE_TEMPLATE =
  '1-{月份}月，全区一般公共预算收入完成{一般公共预算收入.本期累计:万元}万元，为年初预算的{一般公共预算收入.完成率:%}，' +
  '同比{一般公共预算收入.同比:增减}{一般公共预算收入.同比:%}，{一般公共预算收入.超序时:超低}序时进度{一般公共预算收入.超序时:pp}个百分点。' +
  '全区一般公共预算支出完成{一般公共预算支出.本期累计:万元}万元，同比{一般公共预算支出.同比:增减}{一般公共预算支出.同比:%}。';

/** A template from a sheet whose name holds 模板, else null. */
export function templateOf(workbooks: ReadonlyArray<WorkbookGrids>): string | null {
  for (const wb of workbooks) {
    const t = templateFromSheets(wb.sheets);
    if (t !== null) return t;
  }
  return null;
}

/** The text box's paragraph as the CLI reads a template file: no BOM, \n line breaks, no trailing breaks. */
export function normalizeTemplate(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

export interface PaneFigures {
  report: FiguresReport;
  json: FiguresJson;
  sheet: FiguresSheet;
}

/**
 * Compute the figures and fill `template` (blank: no paragraph). Throws with a Chinese message
 * when the inputs hold neither a 预算执行 sheet nor budget lines.
 */
export function paneFigures(workbooks: ReadonlyArray<WorkbookGrids>, settings: RuleSettings, template: string): PaneFigures {
  const check = checkWorkbooks(workbooks, { base: baseConfig(settings) });
  const t = normalizeTemplate(template);
  const blank = t.trim() === '';
  const computed = reportFigures(workbooks, {
    lines: check.lines,
    priorLines: check.priorLines.length > 0 ? check.priorLines : undefined,
    config: check.config,
    // An empty box asks for the figures only, never for a 模板 sheet behind the user's back.
    template: blank ? undefined : t,
  });
  const report: FiguresReport = blank ? { ...computed, fill: null, template: null } : computed;
  if (!report.execution && check.lines.length === 0) {
    throw new Error('没有找到预算执行表（表头：项目、年初预算、调整预算、本期累计、上年同期、月份），也没有预算明细，无法计算报告数字');
  }
  return {
    report,
    json: figuresJson(report),
    sheet: { rows: figuresSheetRows(report), text: report.fill?.text, unresolved: report.fill?.unresolved.map((u) => ({ placeholder: u.placeholder, reason: u.reason })) },
  };
}
