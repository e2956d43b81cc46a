/** Chinese messages of DEBT.* (债券付息). */
import { formatWan } from '../money';

export function debtInterestShortMessage(a: { actualFen: number; expectedFen: number; bonds: number }): string {
  return (
    `债务付息支出（232）预算 ${formatWan(a.actualFen)} 万元，低于债券付息表 ${a.bonds} 只债券的应付利息合计 ` +
    `${formatWan(a.expectedFen)} 万元，缺口 ${formatWan(a.expectedFen - a.actualFen)} 万元；请足额安排债券付息支出` +
    `（一般债券付息列 23203，专项债券付息列 23204）`
  );
}

export function debtNoSheetMessage(): string {
  return '未提供债券付息表（债券名称、应付利息），无法核对债务付息支出是否足额，未检查；请添加债券付息表';
}

export function debtEmptySheetMessage(): string {
  return '债券付息表中没有可用的应付利息数据，未检查债务付息支出；请填写各债券的应付利息';
}

export function debtNoLinesMessage(): string {
  return '没有读到任何预算行，未检查债务付息支出';
}
