/**
 * Chinese messages of the TABLES.* findings on filled standard tables. Each names the table, the row,
 * the figures and the difference, in the table's own unit.
 */
import { AmountUnit, formatFen } from '../money';

/** An amount in the table's unit: "1,234.00 元", "11.49 万元" (more decimals only when written). */
export function amountText(fen: number, unit: AmountUnit): string {
  if (unit === 'yuan') return `${formatFen(fen, 'yuan', 2)} 元`;
  let decimals = 2;
  while (decimals < 6 && Math.abs(fen) % 10 ** (6 - decimals) !== 0) decimals++;
  return `${formatFen(fen, 'wan', decimals)} 万元`;
}

function where(table: string, row: number, label: string): string {
  return `${table}第 ${row} 行${label ? `“${label}”` : ''}`;
}

export interface SumMessage {
  table: string;
  row: number;
  label: string;
  /** Caption of the total (合计, 小计, 收入总计…). */
  totalLabel: string;
  /** What the parts are: "基本支出＋项目支出", "各款之和". */
  partsLabel: string;
  actualFen: number;
  expectedFen: number;
  amountUnit: AmountUnit;
  toleranceFen: number;
}

function tolerance(m: { toleranceFen: number; amountUnit: AmountUnit }): string {
  return m.toleranceFen > 0 ? `（允许尾差 ${amountText(m.toleranceFen, m.amountUnit)}）` : '';
}

/** TABLES.ROW_SUM */
export function rowSumMessage(m: SumMessage): string {
  const diff = m.actualFen - m.expectedFen;
  return `${where(m.table, m.row, m.label)}：${m.totalLabel} ${amountText(m.actualFen, m.amountUnit)}，不等于${m.partsLabel} ${amountText(m.expectedFen, m.amountUnit)}，相差 ${amountText(diff, m.amountUnit)}${tolerance(m)}，请核对该行合计数`;
}

/** TABLES.HIERARCHY_SUM */
export function hierarchyMessage(m: SumMessage & { column: string }): string {
  const diff = m.actualFen - m.expectedFen;
  return `${where(m.table, m.row, m.label)}“${m.column}”栏 ${amountText(m.actualFen, m.amountUnit)}，不等于${m.partsLabel} ${amountText(m.expectedFen, m.amountUnit)}，相差 ${amountText(diff, m.amountUnit)}${tolerance(m)}，请核对上下级科目金额`;
}

export interface CrossSide {
  table: string;
  /** "'表3'!E40" style reference or a row description. */
  where: string;
  label: string;
  fen: number;
  unit: AmountUnit;
}

/** TABLES.CROSS_TABLE: two figures that must agree (or one that must not exceed the other). */
export function crossMessage(rule: string, a: CrossSide, b: CrossSide, differenceFen: number, toleranceFen: number, relation: '=' | '<='): string {
  const verb = relation === '=' ? '不等于' : '超过';
  const tol = toleranceFen > 0 ? `（允许尾差 ${amountText(toleranceFen, 'wan')}）` : '';
  const diffUnit: AmountUnit = a.unit === 'wan' || b.unit === 'wan' ? 'wan' : 'yuan';
  return `${rule}：${a.table}${a.label} ${amountText(a.fen, a.unit)}（${a.where}）${verb}${b.table}${b.label} ${amountText(b.fen, b.unit)}（${b.where}），相差 ${amountText(differenceFen, diffUnit)}${tol}`;
}

/** TABLES.MISSING */
export function missingMessage(table: string, familyName: string): string {
  return `缺少“${table}”：按${familyName}公开表格式应有此表，请补充（无数据的表也应公开并注明原因）`;
}

/** TABLES.EMPTY_UNEXPLAINED */
export function emptyUnexplainedMessage(table: string): string {
  return `“${table}”为空表，但未说明原因；请注明“本部门本年度无相关预算财政拨款安排的预算，故本表为空表”`;
}

/** TABLES.NOT_CHECKED */
export function notCheckedMessage(table: string, reason: string): string {
  return `“${table}”未能核对：${reason}`;
}

/** DATA.BAD_AMOUNT inside a filled table. */
export function badAmountMessage(table: string, row: number, text: string, reason: string): string {
  return `${table}第 ${row} 行金额“${text}”无法识别（${reason}），该格涉及的合计未核对`;
}

/** DATA.UNIT_UNKNOWN for a filled table. */
export function unitUnknownMessage(table: string): string {
  return `“${table}”未找到金额单位（如“单位：元”“单位：万元”），已按元核对`;
}

/** TABLES.CONTRADICTION: a table that says it is empty and prints figures. */
export function contradictionMessage(table: string, statement: string): string {
  return `“${table}”注明“${statement}”，但表中列有金额；请核对：无此项预算时应删除金额，有预算时应删除空表说明`;
}

/**
 * TABLES.ROUNDING: totals that differ from their parts only within the printed rounding (万元 tables
 * rounded from 元, 决算 especially), said rather than passed over in silence.
 */
export function roundingMessage(table: string, count: number, maxFen: number, where: string): string {
  return `“${table}”有 ${count} 处合计与分项之和相差在四舍五入尾差以内（最大 ${amountText(maxFen, 'wan')}，如${where}），按尾差核对，未作差错报告`;
}

/** DATA.CODE_LEVEL for a 款 code printed without its leading zero ("2" under 类 301). */
export function shortCodeMessage(table: string, row: number, printed: string, read: string): string {
  return `${table}第 ${row} 行科目编码印为“${printed}”，不是完整的两位款级编码，已按上级科目读作 ${read}；请补全编码`;
}
