/** Chinese messages of LIVELIHOOD.* (民生支出占比). */
import { formatPercent, formatWan } from '../money';

export function livelihoodShareLowMessage(a: {
  units: number;
  actualFen: number;
  totalFen: number;
  share: number;
  minShare: number;
  neededFen: number;
}): string {
  return (
    `本次审核的 ${a.units} 个单位合计民生支出 ${formatWan(a.actualFen)} 万元，占支出总额 ${formatWan(a.totalFen)} 万元` +
    `（不含转移性支出、债务还本支出）的 ${formatPercent(a.share)}，低于 ${formatPercent(a.minShare)} 的下限；` +
    `按现有支出总额，民生支出应不低于 ${formatWan(a.neededFen)} 万元，还差 ${formatWan(a.neededFen - a.actualFen)} 万元，` +
    `请调整支出结构或核实民生支出科目`
  );
}

export function livelihoodTooFewUnitsMessage(units: number, minUnits: number): string {
  return (
    `本次审核只含 ${units} 个单位，少于民生占比最少单位数 ${minUnits} 个，单个部门的民生支出占比没有比较意义，` +
    `未检查民生支出占比；请合并审核全部单位（或调整“民生占比最少单位数”）`
  );
}

export function livelihoodNoExpenditureMessage(fundScope: ReadonlyArray<string>): string {
  return `没有资金来源属于${fundScope.join('、')}的支出（不含转移性支出、债务还本支出），无法计算民生支出占比，未检查；请核实“资金来源”列或资金范围设置`;
}
