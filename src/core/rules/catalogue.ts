/**
 * The rule catalogue (SPEC §3, issue 12 part 5): every built-in rule code once, with its default
 * severity, its Chinese title and the figure keys its findings carry. RULE_IDS, DEFAULT_SEVERITY and
 * RULE_TITLE_ZH are derived from this table, and every renderer labels figures from FIGURE_KEYS, so
 * adding a rule touches its family, its messages and one row here.
 */

/** How a figure is written: money in 分, a ratio (0.192 = 19.2%), or a count. */
export type FigureKind = 'fen' | 'ratio' | 'count' | 'number';

/** Every figure key any finding may carry, with its Chinese label and kind. */
export const FIGURE_KEYS = {
  actualFen: { label: '实际数', kind: 'fen' },
  expectedFen: { label: '应为', kind: 'fen' },
  priorFen: { label: '上年数', kind: 'fen' },
  limitFen: { label: '上限', kind: 'fen' },
  excessFen: { label: '超出', kind: 'fen' },
  differenceFen: { label: '差额', kind: 'fen' },
  toleranceFen: { label: '容差', kind: 'fen' },
  totalFen: { label: '合计', kind: 'fen' },
  coveredFen: { label: '已编报资金', kind: 'fen' },
  share: { label: '占比', kind: 'ratio' },
  minShare: { label: '占比下限', kind: 'ratio' },
  maxShare: { label: '占比上限', kind: 'ratio' },
  execRate: { label: '执行率', kind: 'ratio' },
  score: { label: '绩效得分', kind: 'number' },
  projects: { label: '项目数', kind: 'count' },
  coveredProjects: { label: '编报项目数', kind: 'count' },
  indicators: { label: '指标数', kind: 'count' },
  left: { label: '左式', kind: 'number' },
  right: { label: '右式', kind: 'number' },
} as const satisfies Record<string, { label: string; kind: FigureKind }>;

export type FigureKey = keyof typeof FIGURE_KEYS;

export type Severity = 'error' | 'warning' | 'info';

interface RuleEntry {
  readonly severity: Severity;
  readonly title: string;
  readonly figures: ReadonlyArray<FigureKey>;
}

const LIMIT = ['actualFen', 'priorFen', 'limitFen', 'excessFen'] as const;
const SUMS = ['actualFen', 'expectedFen', 'differenceFen', 'toleranceFen'] as const;
const NONE = [] as const;

/** One row per rule code, grouped by family in report order. */
export const RULE_CATALOGUE = {
  // DATA — data integrity (SPEC §3.1)
  'DATA.MISSING_COLUMN': { severity: 'error', title: '缺少必填列', figures: NONE },
  'DATA.BAD_AMOUNT': { severity: 'error', title: '金额无法识别', figures: NONE },
  'DATA.NEGATIVE_AMOUNT': { severity: 'warning', title: '负数金额', figures: ['actualFen'] },
  'DATA.UNKNOWN_CODE': { severity: 'error', title: '科目编码不在目录中', figures: NONE },
  'DATA.CODE_NAME_MISMATCH': { severity: 'warning', title: '科目编码与名称不符', figures: NONE },
  'DATA.UNREADABLE_FILE': { severity: 'error', title: '文件无法读取', figures: NONE },
  'DATA.CODE_LEVEL': { severity: 'warning', title: '科目级次不正确', figures: NONE },
  'DATA.KIND_CODE_MISMATCH': { severity: 'error', title: '经济分类与支出类型不符', figures: NONE },
  'DATA.TOTAL_MISMATCH': { severity: 'error', title: '合计数不等于明细之和', figures: ['actualFen', 'expectedFen'] },
  'DATA.DUPLICATE_LINE': { severity: 'warning', title: '重复行', figures: NONE },
  'DATA.UNIT_UNKNOWN': { severity: 'warning', title: '未找到金额单位', figures: NONE },
  'DATA.NOT_CHECKED': { severity: 'info', title: '数据检查未执行', figures: NONE },
  'DATA.UNIT_UNRESOLVED': { severity: 'error', title: '无法确定所属单位', figures: NONE },
  'DATA.MERGED_AMOUNT': { severity: 'warning', title: '金额单元格合并', figures: NONE },
  'DATA.HIDDEN_CELLS': { severity: 'warning', title: '含隐藏或筛选的行列', figures: NONE },
  // ZBB — 零基预算
  'ZBB.BASIS_MISSING': { severity: 'error', title: '缺少测算依据', figures: NONE },
  'ZBB.GOAL_MISSING': { severity: 'error', title: '缺少绩效目标', figures: ['actualFen'] },
  'ZBB.NOT_IN_LIBRARY': { severity: 'error', title: '项目未入库', figures: ['actualFen'] },
  'ZBB.BASE_CARRYOVER': { severity: 'warning', title: '项目沿用上年基数', figures: ['actualFen', 'priorFen'] },
  'ZBB.NEW_LINE': { severity: 'info', title: '新增预算行', figures: ['actualFen'] },
  'ZBB.DROPPED_LINE': { severity: 'info', title: '上年预算行本年取消', figures: ['priorFen'] },
  'ZBB.UNDERPERFORMER_NOT_CUT': { severity: 'error', title: '低效项目未压减', figures: ['actualFen', 'priorFen', 'execRate', 'score'] },
  'ZBB.NOT_CHECKED': { severity: 'info', title: '零基预算未检查', figures: NONE },
  // GENERAL_CUT — 一般性支出压减
  'GENERAL_CUT.INSUFFICIENT': { severity: 'error', title: '一般性支出压减不到位', figures: LIMIT },
  'GENERAL_CUT.NOT_CHECKED': { severity: 'info', title: '一般性支出压减未检查', figures: NONE },
  // THREE_PUBLIC — “三公”经费
  'THREE_PUBLIC.OVER_LIMIT': { severity: 'error', title: '“三公”经费超上限', figures: LIMIT },
  'THREE_PUBLIC.ITEM_INCREASE': { severity: 'warning', title: '“三公”经费单项增长', figures: LIMIT },
  'THREE_PUBLIC.VEHICLE_PURCHASE': { severity: 'error', title: '公务用车购置未经批准', figures: ['actualFen'] },
  'THREE_PUBLIC.NOT_CHECKED': { severity: 'info', title: '“三公”经费未检查', figures: NONE },
  // ADMIN_CUT — 行政经费压减
  'ADMIN_CUT.INSUFFICIENT': { severity: 'error', title: '行政经费压减不到位', figures: LIMIT },
  'ADMIN_CUT.NOT_CHECKED': { severity: 'info', title: '行政经费压减未检查', figures: NONE },
  // LIVELIHOOD — 民生支出占比
  'LIVELIHOOD.SHARE_LOW': { severity: 'warning', title: '民生支出占比偏低', figures: ['share', 'minShare', 'actualFen', 'totalFen'] },
  'LIVELIHOOD.NOT_CHECKED': { severity: 'info', title: '民生支出占比未检查', figures: NONE },
  // PRIORITY — 只增不减
  'PRIORITY.DECREASED': { severity: 'error', title: '只增不减支出下降', figures: ['actualFen', 'priorFen'] },
  'PRIORITY.NOT_CHECKED': { severity: 'info', title: '只增不减未检查', figures: NONE },
  // SANBAO — “三保”
  'SANBAO.SHORTFALL': { severity: 'error', title: '“三保”预算不足', figures: ['actualFen', 'expectedFen'] },
  'SANBAO.NOT_CHECKED': { severity: 'info', title: '“三保”未检查', figures: NONE },
  // PPP — 10% 红线
  'PPP.OVER_CAP': { severity: 'error', title: 'PPP 支出超 10% 红线', figures: ['actualFen', 'limitFen', 'excessFen', 'totalFen', 'share', 'maxShare'] },
  'PPP.NOT_CHECKED': { severity: 'info', title: 'PPP 未检查', figures: NONE },
  // DEBT — 债券付息
  'DEBT.INTEREST_SHORT': { severity: 'error', title: '债券付息预算不足', figures: ['actualFen', 'expectedFen'] },
  'DEBT.NOT_CHECKED': { severity: 'info', title: '债券付息未检查', figures: NONE },
  // PERF — 绩效目标
  'PERF.NOT_COVERED': { severity: 'error', title: '项目没有绩效指标', figures: ['actualFen'] },
  'PERF.COVERAGE': { severity: 'warning', title: '绩效目标未全覆盖', figures: ['projects', 'coveredProjects', 'totalFen', 'coveredFen', 'share'] },
  'PERF.FUNDS_MISMATCH': { severity: 'error', title: '绩效目标资金与预算不符', figures: ['actualFen', 'expectedFen', 'excessFen'] },
  'PERF.LEVEL_MISSING': { severity: 'warning', title: '绩效指标层级不全', figures: NONE },
  'PERF.VAGUE_VALUE': { severity: 'warning', title: '指标值无法衡量', figures: NONE },
  'PERF.COST_EXCEEDS': { severity: 'warning', title: '成本指标超项目资金', figures: ['actualFen', 'limitFen', 'excessFen'] },
  'PERF.COPIED': { severity: 'warning', title: '绩效指标雷同', figures: ['indicators'] },
  'PERF.UNLINKED': { severity: 'warning', title: '绩效目标找不到预算项目', figures: NONE },
  'PERF.DUPLICATE_GOAL': { severity: 'warning', title: '项目绩效目标重复填报', figures: NONE },
  'PERF.NOT_CHECKED': { severity: 'info', title: '绩效指标未检查', figures: NONE },
  // TABLES — filled 公开表
  'TABLES.MISSING': { severity: 'warning', title: '缺少公开表', figures: NONE },
  'TABLES.ROW_SUM': { severity: 'error', title: '表内合计不符', figures: SUMS },
  'TABLES.HIERARCHY_SUM': { severity: 'error', title: '类款项合计不符', figures: SUMS },
  'TABLES.CROSS_TABLE': { severity: 'error', title: '表间数据不符', figures: SUMS },
  'TABLES.EMPTY_UNEXPLAINED': { severity: 'warning', title: '空表未说明', figures: NONE },
  'TABLES.NOT_CHECKED': { severity: 'info', title: '公开表未检查', figures: NONE },
  'TABLES.CONTRADICTION': { severity: 'warning', title: '公开表前后矛盾', figures: NONE },
  'TABLES.ROUNDING': { severity: 'info', title: '公开表尾差', figures: NONE },
  // CUSTOM — 审核公式 that cannot be computed (the formulas' own findings are CUSTOM.<编号>)
  'CUSTOM.INVALID': { severity: 'error', title: '审核公式无法计算', figures: NONE },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULE_CATALOGUE;

/** The figures a finding of rule R may carry, typed by the catalogue row. */
export type FiguresOf<R extends RuleId> = Partial<Record<(typeof RULE_CATALOGUE)[R]['figures'][number], number>>;

/** The family of a code: its prefix before the dot (DATA, ZBB, …). */
export function familyOf(rule: string): string {
  const i = rule.indexOf('.');
  return i < 0 ? rule : rule.slice(0, i);
}

/** The catalogue row of a code, or undefined for codes it does not list (CUSTOM.<编号>). */
export function catalogueEntry(rule: string): RuleEntry | undefined {
  return Object.prototype.hasOwnProperty.call(RULE_CATALOGUE, rule) ? (RULE_CATALOGUE as Record<string, RuleEntry>)[rule] : undefined;
}

/**
 * The label and kind of a figure key. A key the catalogue does not list still reads in Chinese (金额
 * for money, 比例 for a ratio, 数值 otherwise): a renderer never prints an English key.
 */
export function figureKey(key: string): { label: string; kind: FigureKind } {
  if (Object.prototype.hasOwnProperty.call(FIGURE_KEYS, key)) return (FIGURE_KEYS as Record<string, { label: string; kind: FigureKind }>)[key];
  if (key.endsWith('Fen')) return { label: '金额', kind: 'fen' };
  if (/(Share|Rate|share|rate)$/.test(key)) return { label: '比例', kind: 'ratio' };
  return { label: '数值', kind: 'number' };
}
