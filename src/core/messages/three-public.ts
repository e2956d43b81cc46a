/** Messages of THREE_PUBLIC.* (“三公”经费). */
import { formatPercent } from '../money';
import { rateText, wanText } from './year-on-year';

export const THREE_PUBLIC_CHECK = '“三公”经费同比压减';

export interface ThreePublicLimitParams {
  unit: string;
  actualFen: number;
  priorFen: number;
  limitFen: number;
  rate: number;
}

/** "XX局“三公”经费 12.60 万元，超过上限 12.00 万元（上年 12.00 万元，压减 0%），超出 0.60 万元" */
export function threePublicOverLimit(p: ThreePublicLimitParams): string {
  return `${p.unit}“三公”经费 ${wanText(p.actualFen)}，超过上限 ${wanText(p.limitFen)}（上年 ${wanText(p.priorFen)}，压减 ${rateText(p.rate)}），超出 ${wanText(p.actualFen - p.limitFen)}`;
}

export interface ItemIncreaseParams {
  unit: string;
  /** 因公出国（境）费, 公务接待费, 公务用车购置及运行维护费 */
  item: string;
  actualFen: number;
  priorFen: number;
}

/** "县教育局公务接待费 2.50 万元，比上年 2.00 万元增加 0.50 万元（增长 25.0%），“三公”经费应只减不增" */
export function threePublicItemIncrease(p: ItemIncreaseParams): string {
  const up = p.actualFen - p.priorFen;
  const pct = p.priorFen > 0 ? `（增长 ${formatPercent(up / p.priorFen)}）` : '（上年未安排）';
  return `${p.unit}${p.item} ${wanText(p.actualFen)}，比上年 ${wanText(p.priorFen)}增加 ${wanText(up)}${pct}，“三公”经费应只减不增，请压减或说明原因`;
}

export interface VehiclePurchaseParams {
  unit: string;
  amountFen: number;
  economicCode: string;
}

/** "县教育局公务用车购置（31013）25.00 万元，未填写批准情况…" */
export function threePublicVehiclePurchase(p: VehiclePurchaseParams): string {
  return `${p.unit}公务用车购置（${p.economicCode}）${wanText(p.amountFen)}，未见批准（“是否批准”未填“是”，也没有审批文号）；公务用车购置须经批准，请补填审批文号或取消该项`;
}

/** A sheet with 公务用车购置 lines but neither a 是否批准 nor a 审批文号 column. */
export function threePublicNoApprovalColumn(file: string, sheet: string, totalFen: number): string {
  return `${file}「${sheet}」表有公务用车购置 ${wanText(totalFen)}，但没有“是否批准”或“审批文号”列，公务用车购置审批情况未检查`;
}
