/**
 * Phrases shared by the year-on-year rule messages (一般性支出, “三公”经费, 行政经费, 零基预算):
 * money in 万元 with 2 decimals, changes and rates as percentages.
 */
import { formatPercent, formatWan } from '../money';

/** "132.50 万元" */
export function wanText(fen: number): string {
  return `${formatWan(fen)} 万元`;
}

/** "上年 136.00 万元，压减 2.6%", "上年 50.00 万元，增长 3.0%", or "上年未安排" when the prior is 0. */
export function priorAndChange(actualFen: number, priorFen: number): string {
  if (priorFen === 0) return '上年未安排';
  return `上年 ${wanText(priorFen)}，${changeText(actualFen, priorFen)}`;
}

/** A configured rate as written in policy: 0.05 → "5%", 0.075 → "7.5%". */
export function rateText(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}

/** The change from prior to actual: "压减 2.6%", "增长 3.0%", "与上年持平", "上年为 0". */
export function changeText(actualFen: number, priorFen: number): string {
  if (priorFen === 0) return actualFen === 0 ? '与上年持平' : '上年为 0';
  if (actualFen === priorFen) return '与上年持平';
  const r = (priorFen - actualFen) / priorFen;
  return r > 0 ? `压减 ${formatPercent(r)}` : `增长 ${formatPercent(-r)}`;
}

/** The requirement a limit rule enforces: "未达到 5% 的压减要求" or, at rate 0, "超过上年水平". */
export function unmetRequirement(rate: number): string {
  return rate === 0 ? '超过上年水平（要求只减不增）' : `未达到 ${rateText(rate)} 的压减要求`;
}

/** "{file}：{reason}，{check}未检查" — the per-input NOT_CHECKED sentence. */
export function notCheckedNoPrior(file: string, reason: string, check: string): string {
  return `${file}：${reason}，${check}未检查；请提供上年预算数（“上年预算数”列或上年预算表）`;
}

/** A unit with no line in fund scope. */
export function notCheckedOutOfScope(unit: string, fundScope: ReadonlyArray<string>, check: string): string {
  return `${unit}没有资金来源为${fundScope.join('、')}的预算行，${check}未检查（不视为通过）`;
}

/** A unit absent from the prior-year lines. */
export function notCheckedNewUnit(unit: string, check: string): string {
  return `${unit}在上年预算数据中没有对应预算（新增单位或单位名称、编码变化），${check}未检查`;
}
