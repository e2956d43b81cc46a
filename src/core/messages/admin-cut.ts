/** Messages of ADMIN_CUT.* (行政经费压减). */
import { priorAndChange, unmetRequirement, wanText } from './year-on-year';

export const ADMIN_CUT_CHECK = '行政经费压减';

export interface AdminCutParams {
  unit: string;
  unitKind: string;
  actualFen: number;
  priorFen: number;
  limitFen: number;
  rate: number;
}

/** "县财政局（行政单位）行政经费 50.00 万元，上年 60.00 万元，压减 16.7%，未达到 30% 的压减要求，需再压减 8.00 万元" */
export function adminCutInsufficient(p: AdminCutParams): string {
  const need = p.actualFen <= p.priorFen && p.priorFen > 0 ? '需再压减' : '需压减';
  return `${p.unit}（${p.unitKind}）行政经费 ${wanText(p.actualFen)}，${priorAndChange(p.actualFen, p.priorFen)}，${unmetRequirement(p.rate)}，${need} ${wanText(p.actualFen - p.limitFen)}`;
}

/** A unit whose 单位性质 cell is blank. */
export function adminCutNoUnitKind(unit: string): string {
  return `${unit}未填写单位性质，无法判断是否适用行政经费压减，${ADMIN_CUT_CHECK}未检查`;
}

/** A sheet without a 单位性质 column. */
export function adminCutNoUnitKindColumn(file: string, sheets: ReadonlyArray<string>): string {
  return `${file}：${sheets.map((s) => `「${s}」`).join('、')}表没有“单位性质”列，无法判断哪些单位适用行政经费压减，${ADMIN_CUT_CHECK}未检查`;
}
