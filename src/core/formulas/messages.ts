/**
 * Every message of the 审核公式 module, in one place: the tests walk this table so that each one is
 * shown to be reachable. Positions are 1-based characters of the formula as written.
 */
import type { FindingUnit } from '../findings';
import { PAST_EXACT_RANGE } from '../messages/data';

/** Where in the formula (0-based offset) → “第 N 个字符”. */
export function position(at: number): string {
  return `第 ${at + 1} 个字符`;
}

export const FUNCTIONS_ZH = 'ABS、ROUND、IF、AND、OR、NOT、SUM、MAX、MIN';
export const AGGREGATES_ZH = '本年、上年、上年执行、条数';

export const formulaErrors = {
  empty: () => '公式为空',
  tooLong: (n: number, max: number) => `公式有 ${n} 个字符，超过 ${max} 个字符的上限`,
  tooDeep: (max: number) => `括号嵌套超过 ${max} 层`,
  syntax: (found: string | null) => (found === null ? '公式不完整，缺少后面的内容（如右括号或比较的另一边）' : `这里不应出现“${found}”`),
  unclosedString: () => '引号没有配对',
  unknownFunction: (name: string) => `不认识的函数“${name}”，可用的函数有 ${FUNCTIONS_ZH}，按预算行汇总用 ${AGGREGATES_ZH}`,
  argCount: (name: string, want: string, got: number) => `函数 ${name} 需要 ${want} 个参数，这里有 ${got} 个`,
  unknownField: (field: string, fields: string) => `条件中的“${field}”不是可用的字段，可用：${fields}`,
  badKindValue: (value: string) => `支出类型“${value}”无法识别，应为 基本支出、人员经费、公用经费 或 项目支出`,
  bareCell: (ref: string) => `单元格“${ref}”没有写工作表名，请写成 工作表名!${ref}`,
  rangeOutside: (ref: string) => `区域 ${ref} 只能用在 SUM、MAX、MIN 之中`,
  stringOutside: (s: string) => `文字“${s}”不能参与计算（文字只用在行名和条件中）`,
  notBoolean: () => '公式的结果不是判断：请用 =、<>、<、<=、>、>= 比较两边，或用 AND、OR、IF 组合比较',
  notNumber: (what: string) => `${what}应为数值，这里是判断（比较）的结果`,
  notCondition: (name: string, i: number) => `${name} 的第 ${i} 个参数应为判断（比较）`,
  moneyTimesMoney: () => '两个金额不能相乘（金额只能乘以比例或数字）',
  numberByMoney: () => '不能用数字除以金额',
  moneyRange: () => `这里的金额（按绝对值）${PAST_EXACT_RANGE}，公式无法准确计算；请核对所引用的金额和单位（元/万元）`,
  divideByZero: (what: string) => `除数为 0（${what}）`,
  roundDigits: () => 'ROUND 的小数位数应为 0 到 6 的整数',
  noSheet: (name: string) => `找不到工作表“${name}”`,
  noTable: (name: string) => `找不到表“${name}”（既不是工作表名，也不是表标题）`,
  ambiguousTable: (name: string, where: string) => `“${name}”同时对应 ${where}，请写完整的工作表名或表标题`,
  noRow: (table: string, row: string) => `在“${table}”中找不到行“${row}”`,
  ambiguousRow: (table: string, row: string, rows: string) => `“${table}”中有多行都是“${row}”（第 ${rows} 行），请改用科目编码或写明列`,
  noColumn: (table: string, col: string) => `在“${table}”的表头中找不到列“${col}”`,
  noValue: (table: string) => `“${table}”后面应写明行或列，例如 [${table}](行="合计").合计`,
  noDataRow: (table: string, col: string) => `“${table}”的列“${col}”下没有数字`,
  cellOutside: (sheet: string, ref: string) => `单元格 ${sheet}!${ref} 超出 Excel 的范围`,
  cellText: (where: string, text: string) => `${where} 的内容“${text}”不是数字`,
  cellError: (where: string, error: string) => `${where} 是错误值 ${error}`,
  noLines: () => '没有读到预算明细行，按预算行汇总的公式无法计算',
  noPrior: () => '没有上年数（既无上年预算表，也无上年预算数列），“上年(…)”无法计算',
  tooManyCells: (ref: string, max: number) => `区域 ${ref} 超过 ${max} 个单元格`,
  tooMany: (max: number) => `审核公式超过 ${max} 条，其余未计算`,
  duplicateId: (id: string) => `编号“${id}”重复，每条公式的编号应唯一`,
  badType: (t: string) => `类型“${t}”无法识别，应为 强制 或 提示`,
  internal: (why: string) => `公式计算出错：${why}`,
};

export type FormulaErrorKey = keyof typeof formulaErrors;

/** CUSTOM.INVALID: “审核公式 A01「…」无法计算：第 14 个字符：找不到工作表“基本支出表””. */
export function invalidMessage(id: string, formula: string, detail: string, at: number | null, unit?: FindingUnit): string {
  const who = unit && (unit.name || unit.code) ? `${unit.name || unit.code}：` : '';
  return `${who}审核公式 ${id}「${formula}」无法计算：${at === null ? '' : position(at) + '：'}${detail}`;
}

export interface SideText {
  left: string;
  right: string;
  difference: string | null;
  tolerance: string | null;
}

/** CUSTOM.<编号>: the formula, both sides (money in 万元), the difference and the staff's 说明. */
export function failedMessage(id: string, formula: string, note: string, sides: SideText | null, advisory: boolean, unit?: FindingUnit): string {
  const who = unit && (unit.name || unit.code) ? `${unit.name || unit.code}：` : '';
  const head = `${who}${note ? note + '。' : ''}审核公式 ${id}「${formula}」不成立`;
  const body = sides
    ? `：左边 ${sides.left}，右边 ${sides.right}${sides.difference ? `，相差 ${sides.difference}` : ''}${sides.tolerance ? `（容差 ${sides.tolerance}）` : ''}`
    : '';
  const tail = advisory ? '；此为提示性公式，如属合理情况，请在“审核说明”中写明原因' : '';
  return head + body + tail;
}
