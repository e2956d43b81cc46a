/** Chinese messages of PPP.* (PPP 10% 红线). */
import { formatPercent, formatWan } from '../money';

export function pppOverCapMessage(a: { actualFen: number; totalFen: number; limitFen: number; share: number; maxShare: number }): string {
  return (
    `PPP 项目支出 ${formatWan(a.actualFen)} 万元，占一般公共预算支出 ${formatWan(a.totalFen)} 万元的 ${formatPercent(a.share)}，` +
    `超过 ${formatPercent(a.maxShare)} 的红线（上限 ${formatWan(a.limitFen)} 万元），超出 ${formatWan(a.actualFen - a.limitFen)} 万元；` +
    `超过红线不得新上 PPP 项目，请压减 PPP 支出或核实“是否PPP”标识`
  );
}

export function pppNoColumnMessage(): string {
  return '预算明细中没有“是否PPP”列（项目类别中也没有 PPP），无法识别 PPP 项目支出，未检查 PPP 10% 红线；请增加“是否PPP”列';
}

export function pppNoScopeMessage(fundScope: ReadonlyArray<string>): string {
  return `没有资金来源属于${fundScope.join('、')}的支出，无法计算 PPP 支出占比，未检查；请核实“资金来源”列或资金范围设置`;
}
