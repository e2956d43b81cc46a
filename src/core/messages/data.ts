/** Chinese message templates for the DATA.* findings (kept apart from the reading logic). */
import { formatFen, AmountUnit, MAX_RUN_FEN } from '../money';

const UNIT_ZH: Record<AmountUnit, string> = { yuan: '元', wan: '万元' };

export function money(fen: number, unit: AmountUnit): string {
  return `${formatFen(fen, unit, unit === 'wan' ? 2 : 2)} ${UNIT_ZH[unit]}`;
}

/** Money with enough decimals to show a difference smaller than the display step. */
function diffMoney(fen: number, unit: AmountUnit): string {
  const decimals = unit === 'wan' && Math.abs(fen) % 10000 !== 0 ? 6 : 2;
  return `${formatFen(fen, unit, decimals)} ${UNIT_ZH[unit]}`;
}

export const FIELD_ZH: Record<string, string> = {
  unitCode: '单位编码', unitName: '单位名称', unitKind: '单位性质', projectCode: '项目编码', projectName: '项目名称',
  kind: '支出类型', functionCode: '功能分类科目', economicCode: '经济分类科目', fundSource: '资金来源',
  amount: '金额（本年预算数）', priorAmount: '上年预算数', priorActual: '上年执行数', priorExecRate: '上年执行率',
  perfScore: '上年绩效评价得分', perfGoal: '绩效目标', basis: '测算依据', sanbao: '三保类型', ppp: '是否PPP',
  approved: '是否批准', unit: '单位名称或单位编码',
};

/** The exact range of money (money.ts MAX_RUN_FEN) as every message past it states it. */
export const PAST_EXACT_RANGE = `超过 ${formatFen(MAX_RUN_FEN, 'yuan')} 元，超出精确到分的计算范围`;

/** Why an amount past the check's exact range (money.ts MAX_RUN_FEN) is not used. */
export const RUN_MAGNITUDE = `本次审核读入的金额（按绝对值）累计${PAST_EXACT_RANGE}`;

export const dataMessages = {
  missingColumn: (p: { sheet: string; field: string; purpose: string }) =>
    `工作表“${p.sheet}”缺少“${FIELD_ZH[p.field] ?? p.field}”列，${p.purpose}`,
  badAmount: (p: { cell: string; text: string; reason: string }) =>
    `单元格 ${p.cell} 的金额“${p.text}”无法识别为金额（${p.reason}），请改为数字`,
  /** The cell that would take the check's amounts past MAX_RUN_FEN (money.ts). */
  runMagnitude: (p: { cell?: string; text: string }) =>
    `${p.cell ? `单元格 ${p.cell} 的` : ''}金额“${p.text}”使${RUN_MAGNITUDE}，该金额未使用；请核对金额和单位（元/万元）`,
  negativeAmount: (p: { unitName: string; fen: number; amountUnit: AmountUnit }) =>
    `${p.unitName}预算金额为负数（${money(p.fen, p.amountUnit)}），请核实是否填错`,
  unknownClass: (p: { what: string; code: string }) =>
    `${p.what}“${p.code}”的类级科目 ${p.code.slice(0, 3)} 不在科目目录中，请核对编码`,
  unknownSection: (p: { what: string; code: string }) =>
    `${p.what}“${p.code}”的款级科目 ${p.code.slice(0, 5)} 不在内置科目目录中，请核对编码（如为本地科目，可在“科目”工作表中补充）`,
  blankCode: (p: { what: string }) => `${p.what}为空，无法归类，请填写科目编码`,
  badCode: (p: { what: string; text: string }) => `${p.what}“${p.text}”不是科目编码，请填写数字编码`,
  codeName: (p: { what: string; code: string; written: string; expected: string }) =>
    `${p.what} ${p.code} 的名称应为“${p.expected}”，表中写作“${p.written}”，请核对编码与名称是否对应`,
  codeLevel: (p: { what: string; code: string; level: string }) =>
    `${p.what} ${p.code} 未细化到${p.level}，请填列到${p.level}科目`,
  kindCode: (p: { kindZh: string; code: string; allowed: string }) =>
    `${p.kindZh}只能使用 ${p.allowed} 类经济科目，此行经济分类为 ${p.code}，请核对支出类型或经济科目`,
  totalMismatch: (p: { label: string; cell: string; actualFen: number; expectedFen: number; amountUnit: AmountUnit; what: string }) =>
    `${p.label} ${p.cell} 为 ${money(p.actualFen, p.amountUnit)}，${p.what}为 ${money(p.expectedFen, p.amountUnit)}，相差 ${diffMoney(p.actualFen - p.expectedFen, p.amountUnit)}`,
  duplicate: (p: { firstRow: number }) =>
    `与第 ${p.firstRow} 行重复（单位、支出类型、项目、功能科目、经济科目和资金来源均相同），请合并或删除`,
  unitUnknown: (p: { sheet: string; assumed: string }) =>
    `工作表“${p.sheet}”未写明金额单位，已按“${p.assumed}”计算；请在表头上方注明“单位：元”或“单位：万元”`,
  unreadable: (p: { file: string; reason: string }) => `文件“${p.file}”无法读取：${p.reason}；其余文件已照常检查`,
  sheetSkipped: (p: { sheet: string }) => `工作表“${p.sheet}”未识别为预算明细表或辅助表（未找到表头），未检查`,
  unitUnresolved: (p: { rows: string; reason: string }) =>
    `${p.rows}${p.reason}，无法确定所属单位：这些行不计入任何单位，也不写入任何单位的审核工作簿；请补全或更正单位编码和单位名称`,
  /**
   * A unit code written with several names (`names`), or a unit name written with several codes
   * (`codes`), each with where it is written; `rows` are the rows of the finding's sheet it concerns.
   */
  unitConflict: (p: {
    code: string;
    names: ReadonlyArray<{ name: string; places: ReadonlyArray<string> }>;
    codes: ReadonlyArray<{ name: string; codes: ReadonlyArray<{ code: string; places: ReadonlyArray<string> }> }>;
    rows: string;
    /** Set when the rows give only a unit name (this one): the code is its name's one code, if any. */
    nameOnly?: string;
  }) => {
    const at = (places: ReadonlyArray<string>) => (places.length ? `（见${places.slice(0, 3).join('、')}${places.length > 3 ? '等' : ''}）` : '');
    const clauses: string[] = [];
    if (p.names.length) clauses.push(`单位编码 ${p.code} 对应不同的单位名称：${p.names.map((n) => `“${n.name}”${at(n.places)}`).join('、')}`);
    for (const c of p.codes) clauses.push(`单位名称“${c.name}”对应不同的单位编码：${c.codes.map((x) => `${x.code}${at(x.places)}`).join('、')}`);
    const which = p.nameOnly === undefined ? `单位编码 ${p.code}` : p.code ? `只填了单位名称“${p.nameOnly}”，该名称对应单位编码 ${p.code}` : `只填了单位名称“${p.nameOnly}”`;
    return `${clauses.join('；')}。本表${p.rows}（${which}）无法确定属于哪个单位：这些行不计入任何单位，也不写入任何单位的审核工作簿；请统一单位编码和单位名称`;
  },
  mergedAmount: (p: { cell: string; range: string; anchor: string }) =>
    `金额单元格 ${p.cell} 位于合并区域 ${p.range} 内：合并单元格的金额只计入第一行（${p.anchor}），本行按 0 计；请取消合并并逐行填写金额`,
  hiddenCells: (p: { sheet: string; parts: string }) =>
    `工作表“${p.sheet}”有${p.parts}，其中的数据已照常读取并计入审核；请取消隐藏和筛选后核对`,
  noUnit: (p: { sheet: string }) =>
    `工作表“${p.sheet}”既没有单位名称/单位编码列，也没有“编制单位：”行，无法按单位检查`,
};
