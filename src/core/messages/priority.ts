/** Chinese messages of PRIORITY.* (只增不减). */
import { FUNCTION_CLASSES, FUNCTION_CLASSES_UNCONFIRMED, FUNCTION_SECTIONS, FUNCTION_SECTIONS_UNCONFIRMED } from '../catalog/function-codes';
import { formatPercent, formatWan } from '../money';

const NAMES: ReadonlyMap<string, string> = new Map([
  ...FUNCTION_CLASSES, ...FUNCTION_CLASSES_UNCONFIRMED, ...FUNCTION_SECTIONS, ...FUNCTION_SECTIONS_UNCONFIRMED,
]);

/** "教育支出（205）", or "功能分类 205" when the catalogue lacks the code. */
export function functionLabel(code: string): string {
  const name = NAMES.get(code);
  return name ? `${name}（${code}）` : `功能分类 ${code}`;
}

export function priorityDecreasedMessage(code: string, actualFen: number, priorFen: number): string {
  const drop = priorFen - actualFen;
  const rate = priorFen > 0 ? `，下降 ${formatPercent(drop / priorFen)}` : '';
  return (
    `全部单位合计${functionLabel(code)}本年预算 ${formatWan(actualFen)} 万元，比上年 ${formatWan(priorFen)} 万元减少 ` +
    `${formatWan(drop)} 万元${rate}；该支出须“只增不减”，应不低于上年，请补足 ${formatWan(drop)} 万元或说明原因`
  );
}

export function priorityNoPriorMessage(reason: string, codes: ReadonlyArray<string>): string {
  return `${reason}，无法比较${codes.map(functionLabel).join('、')}是否“只增不减”，未检查；请提供上年预算数`;
}

export function priorityNoScopeMessage(fundScope: ReadonlyArray<string>): string {
  return `没有资金来源属于${fundScope.join('、')}的支出，未检查“只增不减”；请核实“资金来源”列或资金范围设置`;
}
