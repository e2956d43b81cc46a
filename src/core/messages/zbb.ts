/** Messages of ZBB.* (零基预算, 项目绩效与入库). */
import { formatPercent } from '../money';
import { wanText } from './year-on-year';

export const ZBB_YOY_CHECK = '零基预算同比情况（项目是否沿用上年基数、低效项目是否压减）';

/** "县教育局项目“校舍维修（P001）”未填写测算依据；项目支出应按零基预算逐项测算，请补填测算依据" */
export function zbbBasisMissing(unit: string, project: string): string {
  return `${unit}项目“${project}”未填写测算依据；项目支出应按零基预算逐项测算，请补填测算依据`;
}

export function zbbGoalMissing(unit: string, project: string, amountFen: number): string {
  return `${unit}项目“${project}”（${wanText(amountFen)}）没有绩效目标；预算绩效目标应全覆盖，请填写绩效目标`;
}

export function zbbNoProjectCode(unit: string, project: string): string {
  return `${unit}项目“${project}”没有项目编码；项目应先入项目库，未入库不安排预算`;
}

export function zbbNotInLibrary(unit: string, project: string, code: string): string {
  return `${unit}项目“${project}”的编码 ${code} 不在项目库中；未入库不安排预算`;
}

/** "…本年安排 50.00 万元，与上年 50.00 万元相同，疑似沿用上年基数…" */
export function zbbBaseCarryover(unit: string, project: string, amountFen: number): string {
  return `${unit}项目“${project}”本年安排 ${wanText(amountFen)}，与上年相同，疑似沿用上年基数；请按零基预算重新测算并说明依据`;
}

export interface UnderperformerParams {
  unit: string;
  project: string;
  execRate: number | null;
  minExecRate: number;
  score: number | null;
  minScore: number;
  actualFen: number;
  priorFen: number;
  /** 上年绩效评价等级 from a 绩效目标 sheet, '' or absent when none is given. */
  grade?: string;
}

function scoreText(n: number): string {
  return `${Number(n.toFixed(1))} 分`;
}

/** "县教育局项目“X”上年执行率 55.0%（低于 80.0%），本年安排 100.00 万元，未低于上年 100.00 万元；…应审减" */
export function zbbUnderperformer(p: UnderperformerParams): string {
  const why: string[] = [];
  if (p.execRate !== null && p.execRate < p.minExecRate) why.push(`上年执行率 ${formatPercent(p.execRate)}（低于 ${formatPercent(p.minExecRate)}）`);
  if (p.score !== null && p.score < p.minScore) why.push(`上年绩效评价得分 ${scoreText(p.score)}（低于 ${scoreText(p.minScore)}）`);
  if (p.grade) why.push(`上年绩效评价等级为“${p.grade}”`);
  const vs = p.actualFen === p.priorFen ? `与上年 ${wanText(p.priorFen)}持平` : `高于上年 ${wanText(p.priorFen)}`;
  return `${p.unit}项目“${p.project}”${why.join('，')}，本年安排 ${wanText(p.actualFen)}，${vs}；执行率低或绩效差的项目应审减或取消`;
}

export interface LineDescription {
  unit: string;
  project: string;
  functionCode: string;
  economicCode: string;
  fundSource: string;
}

function describe(d: LineDescription): string {
  const parts = [d.project ? `项目“${d.project}”` : '', d.functionCode ? `功能科目 ${d.functionCode}` : '', d.economicCode ? `经济科目 ${d.economicCode}` : '', d.fundSource];
  return parts.filter(Boolean).join('，');
}

export function zbbNewLine(d: LineDescription, amountFen: number): string {
  return `${d.unit}新增预算行（${describe(d)}）本年 ${wanText(amountFen)}，上年无对应预算行；请说明新增依据`;
}

export function zbbDroppedLine(d: LineDescription, priorFen: number): string {
  return `${d.unit}上年预算行（${describe(d)}）上年 ${wanText(priorFen)}，本年无对应预算行`;
}

/** A sheet with project lines but no column for the field (测算依据, 绩效目标, 项目编码, 执行率/绩效). */
export function zbbNoColumn(file: string, sheets: ReadonlyArray<string>, column: string, check: string): string {
  return `${file}：${sheets.map((s) => `「${s}」`).join('、')}表没有“${column}”列，${check}未检查`;
}

export function zbbProjectsOutOfScope(unit: string, fundScope: ReadonlyArray<string>): string {
  return `${unit}的项目均没有资金来源为${fundScope.join('、')}的预算行，${ZBB_YOY_CHECK}未检查（不视为通过）`;
}
