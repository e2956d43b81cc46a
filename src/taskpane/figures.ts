/**
 * 报告数字 in the pane, without React or office.js: the figures of the opened workbook(s) computed
 * as the CLI's `budget-review figures` computes them (a check for the budget lines, then
 * reportFigures), the user's paragraph filled, and the rows of the figures sheet.
 */
import { checkWorkbooks } from '../core/check';
import { figuresJson, figuresSheetRows, FiguresJson, FiguresReport, fillDraft, reportFigures, templateFromSheets } from '../core/figures';
import type { DraftFillResult } from '../core/figures';
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

/** The draft offered in the 报告原文 box: sentences as drafts are written, X's and all. */
export const EXAMPLE_DRAFT =
  '1-XX月，全区一般公共预算收入完成XXX万元，同比增长XX%，超序时进度X个百分点。其中，税收收入完成XX亿元，增长XX%，占比XX%。\n' +
  '1-XX月份，全区财政支出XXX万元，同比增长XX%。其中，用于民生领域支出达XXX万元，占总支出比重为XX%。';

export interface PaneDraft {
  report: FiguresReport;
  fill: DraftFillResult;
}

/**
 * Fill the X's of a pasted draft and check its written figures, as `figures --fill` does. Throws
 * with a Chinese message when the inputs hold no 预算执行 sheet (the draft's rows come from it).
 */
export function paneFillDraft(workbooks: ReadonlyArray<WorkbookGrids>, settings: RuleSettings, draft: string, fixWords: boolean): PaneDraft {
  const check = checkWorkbooks(workbooks, { base: baseConfig(settings) });
  const report = reportFigures(workbooks, {
    lines: check.lines,
    priorLines: check.priorLines.length > 0 ? check.priorLines : undefined,
    config: check.config,
  });
  if (!report.execution) throw new Error('没有找到预算执行表（表头：项目、年初预算、调整预算、本期累计、上年同期、月份），无法填写报告中的数字');
  const text = draft.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return { report, fill: fillDraft(text, report.set, { fixWords }) };
}

/** A line of the filled text cut at its highlights, for the pane to render as text with marks. */
export type DraftPiece = { text: string; kind: 'plain' | 'filled' | 'unresolved' | 'mismatch'; title?: string };

export function draftPieces(fill: DraftFillResult): DraftPiece[][] {
  const lines = fill.text.split('\n');
  const marks: Array<{ line: number; start: number; end: number; kind: DraftPiece['kind']; title: string }> = [
    ...fill.filled.map((f) => ({ line: f.line, start: f.start, end: f.end, kind: 'filled' as const, title: `${f.row ? `${f.row} ` : ''}${f.measure}${f.total ? `（占${f.total}）` : ''}${f.word ? `；已把“${f.word.from}”改为“${f.word.to}”` : ''}` })),
    ...fill.unresolved.map((u) => ({ line: u.line, start: u.start, end: u.end, kind: 'unresolved' as const, title: u.reason })),
    ...fill.mismatches.map((m) => ({ line: m.line, start: m.start, end: m.end, kind: 'mismatch' as const, title: `数据为 ${m.actual}` })),
  ];
  return lines.map((text, i) => {
    const here = marks.filter((m) => m.line === i + 1 && m.end > m.start).sort((a, b) => a.start - b.start);
    const out: DraftPiece[] = [];
    let at = 0;
    for (const m of here) {
      if (m.start < at) continue;
      if (m.start > at) out.push({ text: text.slice(at, m.start), kind: 'plain' });
      out.push({ text: text.slice(m.start, m.end), kind: m.kind, title: m.title });
      at = m.end;
    }
    if (at < text.length || out.length === 0) out.push({ text: text.slice(at), kind: 'plain' });
    return out;
  });
}
