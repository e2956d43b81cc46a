/** Messages of GENERAL_CUT.* (一般性支出压减). */
import { priorAndChange, unmetRequirement, wanText } from './year-on-year';

export const GENERAL_CUT_CHECK = '一般性支出压减';

export interface GeneralCutParams {
  unit: string;
  actualFen: number;
  priorFen: number;
  limitFen: number;
  rate: number;
}

/**
 * "县教育局一般性支出 132.50 万元，上年 136.00 万元，压减 2.6%，未达到 5% 的压减要求，需再压减 3.30 万元"
 */
export function generalCutInsufficient(p: GeneralCutParams): string {
  const excess = p.actualFen - p.limitFen;
  const need = p.actualFen <= p.priorFen && p.priorFen > 0 ? '需再压减' : '需压减';
  return `${p.unit}一般性支出 ${wanText(p.actualFen)}，${priorAndChange(p.actualFen, p.priorFen)}，${unmetRequirement(p.rate)}，${need} ${wanText(excess)}`;
}
