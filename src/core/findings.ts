/**
 * Findings are data: a rule ID, a severity, where, which unit, the figures in 分. The Chinese sentence
 * is rendered from the templates in ./messages so that JSON, pane and review workbook say the same.
 */

export const RULE_IDS = [
  'DATA.MISSING_COLUMN', 'DATA.BAD_AMOUNT', 'DATA.NEGATIVE_AMOUNT', 'DATA.UNKNOWN_CODE',
  'DATA.CODE_NAME_MISMATCH', 'DATA.UNREADABLE_FILE', 'DATA.CODE_LEVEL', 'DATA.KIND_CODE_MISMATCH',
  'DATA.TOTAL_MISMATCH', 'DATA.DUPLICATE_LINE', 'DATA.UNIT_UNKNOWN', 'DATA.NOT_CHECKED',
  'DATA.UNIT_UNRESOLVED', 'DATA.MERGED_AMOUNT', 'DATA.HIDDEN_CELLS',
  'ZBB.BASIS_MISSING', 'ZBB.GOAL_MISSING', 'ZBB.NOT_IN_LIBRARY', 'ZBB.BASE_CARRYOVER',
  'ZBB.NEW_LINE', 'ZBB.DROPPED_LINE', 'ZBB.UNDERPERFORMER_NOT_CUT', 'ZBB.NOT_CHECKED',
  'GENERAL_CUT.INSUFFICIENT', 'GENERAL_CUT.NOT_CHECKED',
  'THREE_PUBLIC.OVER_LIMIT', 'THREE_PUBLIC.ITEM_INCREASE', 'THREE_PUBLIC.VEHICLE_PURCHASE', 'THREE_PUBLIC.NOT_CHECKED',
  'ADMIN_CUT.INSUFFICIENT', 'ADMIN_CUT.NOT_CHECKED',
  'LIVELIHOOD.SHARE_LOW', 'LIVELIHOOD.NOT_CHECKED',
  'PRIORITY.DECREASED', 'PRIORITY.NOT_CHECKED',
  'SANBAO.SHORTFALL', 'SANBAO.NOT_CHECKED',
  'PPP.OVER_CAP', 'PPP.NOT_CHECKED',
  'DEBT.INTEREST_SHORT', 'DEBT.NOT_CHECKED',
  'PERF.NOT_COVERED', 'PERF.COVERAGE', 'PERF.FUNDS_MISMATCH', 'PERF.LEVEL_MISSING', 'PERF.VAGUE_VALUE',
  'PERF.COST_EXCEEDS', 'PERF.COPIED', 'PERF.UNLINKED', 'PERF.NOT_CHECKED',
  'TABLES.MISSING', 'TABLES.ROW_SUM', 'TABLES.HIERARCHY_SUM', 'TABLES.CROSS_TABLE',
  'TABLES.EMPTY_UNEXPLAINED', 'TABLES.NOT_CHECKED', 'TABLES.CONTRADICTION',
  'TABLES.EMPTY_UNEXPLAINED', 'TABLES.NOT_CHECKED',
  'CUSTOM.INVALID',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
/** A staff-written 审核公式 (src/core/formulas): CUSTOM.<编号>. */
export type CustomRuleId = `CUSTOM.${string}`;
/** The rule of a finding: a built-in rule or a 审核公式. */
export type FindingRule = RuleId | CustomRuleId;

export function isCustomRule(rule: string): rule is CustomRuleId {
  return rule.startsWith('CUSTOM.');
}
export type Severity = 'error' | 'warning' | 'info';

export interface FindingLocation {
  file: string;
  sheet?: string;
  /** A1 address of the offending cell. */
  cell?: string;
  /** 1-based sheet row. */
  row?: number;
}

export interface FindingUnit {
  code?: string;
  name?: string;
}

/** Figures: money as integer 分 in keys ending in Fen; ratios as decimals. */
export type Figures = Record<string, number>;

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  unit?: FindingUnit;
  location: FindingLocation;
  message: string;
  figures?: Figures;
  explained?: boolean;
  explanation?: string;
}

const WARNING_RULES: ReadonlySet<string> = new Set([
  'DATA.NEGATIVE_AMOUNT', 'DATA.CODE_NAME_MISMATCH', 'DATA.CODE_LEVEL', 'DATA.DUPLICATE_LINE',
  'DATA.UNIT_UNKNOWN', 'DATA.MERGED_AMOUNT', 'DATA.HIDDEN_CELLS', 'ZBB.BASE_CARRYOVER', 'THREE_PUBLIC.ITEM_INCREASE', 'LIVELIHOOD.SHARE_LOW',
  'TABLES.MISSING', 'TABLES.EMPTY_UNEXPLAINED', 'TABLES.CONTRADICTION',
  'PERF.COVERAGE', 'PERF.LEVEL_MISSING', 'PERF.VAGUE_VALUE', 'PERF.COST_EXCEEDS', 'PERF.COPIED', 'PERF.UNLINKED',
]);

function defaultSeverity(id: RuleId): Severity {
  if (id.endsWith('.NOT_CHECKED') || id === 'ZBB.NEW_LINE' || id === 'ZBB.DROPPED_LINE') return 'info';
  return WARNING_RULES.has(id) ? 'warning' : 'error';
}

/** Severity of each rule per SPEC §3 (DATA.UNKNOWN_CODE and DATA.MISSING_COLUMN may be lowered per case). */
export const DEFAULT_SEVERITY = Object.fromEntries(RULE_IDS.map((id) => [id, defaultSeverity(id)])) as Record<RuleId, Severity>;

/** Chinese names of severities for the pane and the review workbook. */
export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Short Chinese titles of rules, for grouping in the pane and the 审核结果 sheet. */
export const RULE_TITLE_ZH: Record<RuleId, string> = {
  'DATA.MISSING_COLUMN': '缺少必填列', 'DATA.BAD_AMOUNT': '金额无法识别', 'DATA.NEGATIVE_AMOUNT': '负数金额',
  'DATA.UNKNOWN_CODE': '科目编码不在目录中', 'DATA.CODE_NAME_MISMATCH': '科目编码与名称不符',
  'DATA.UNREADABLE_FILE': '文件无法读取', 'DATA.CODE_LEVEL': '科目级次不正确',
  'DATA.KIND_CODE_MISMATCH': '经济分类与支出类型不符', 'DATA.TOTAL_MISMATCH': '合计数不等于明细之和',
  'DATA.DUPLICATE_LINE': '重复行', 'DATA.UNIT_UNKNOWN': '未找到金额单位', 'DATA.NOT_CHECKED': '数据检查未执行',
  'DATA.UNIT_UNRESOLVED': '无法确定所属单位', 'DATA.MERGED_AMOUNT': '金额单元格合并', 'DATA.HIDDEN_CELLS': '含隐藏或筛选的行列',
  'ZBB.BASIS_MISSING': '缺少测算依据', 'ZBB.GOAL_MISSING': '缺少绩效目标', 'ZBB.NOT_IN_LIBRARY': '项目未入库',
  'ZBB.BASE_CARRYOVER': '项目沿用上年基数', 'ZBB.NEW_LINE': '新增预算行', 'ZBB.DROPPED_LINE': '上年预算行本年取消',
  'ZBB.UNDERPERFORMER_NOT_CUT': '低效项目未压减', 'ZBB.NOT_CHECKED': '零基预算未检查',
  'GENERAL_CUT.INSUFFICIENT': '一般性支出压减不到位', 'GENERAL_CUT.NOT_CHECKED': '一般性支出压减未检查',
  'THREE_PUBLIC.OVER_LIMIT': '“三公”经费超上限', 'THREE_PUBLIC.ITEM_INCREASE': '“三公”经费单项增长',
  'THREE_PUBLIC.VEHICLE_PURCHASE': '公务用车购置未经批准', 'THREE_PUBLIC.NOT_CHECKED': '“三公”经费未检查',
  'ADMIN_CUT.INSUFFICIENT': '行政经费压减不到位', 'ADMIN_CUT.NOT_CHECKED': '行政经费压减未检查',
  'LIVELIHOOD.SHARE_LOW': '民生支出占比偏低', 'LIVELIHOOD.NOT_CHECKED': '民生支出占比未检查',
  'PRIORITY.DECREASED': '只增不减支出下降', 'PRIORITY.NOT_CHECKED': '只增不减未检查',
  'SANBAO.SHORTFALL': '“三保”预算不足', 'SANBAO.NOT_CHECKED': '“三保”未检查',
  'PPP.OVER_CAP': 'PPP 支出超 10% 红线', 'PPP.NOT_CHECKED': 'PPP 未检查',
  'DEBT.INTEREST_SHORT': '债券付息预算不足', 'DEBT.NOT_CHECKED': '债券付息未检查',
  'PERF.NOT_COVERED': '项目没有绩效指标', 'PERF.COVERAGE': '绩效目标未全覆盖', 'PERF.FUNDS_MISMATCH': '绩效目标资金与预算不符',
  'PERF.LEVEL_MISSING': '绩效指标层级不全', 'PERF.VAGUE_VALUE': '指标值无法衡量', 'PERF.COST_EXCEEDS': '成本指标超项目资金',
  'PERF.COPIED': '绩效指标雷同', 'PERF.UNLINKED': '绩效目标找不到预算项目', 'PERF.NOT_CHECKED': '绩效指标未检查',
  'TABLES.MISSING': '缺少公开表', 'TABLES.ROW_SUM': '表内合计不符', 'TABLES.HIERARCHY_SUM': '类款项合计不符',
  'TABLES.CROSS_TABLE': '表间数据不符', 'TABLES.EMPTY_UNEXPLAINED': '空表未说明', 'TABLES.NOT_CHECKED': '公开表未检查',
  'TABLES.CONTRADICTION': '公开表前后矛盾',
  'CUSTOM.INVALID': '审核公式无法计算',
};

/** The Chinese title of any finding's rule: a built-in title, or “审核公式 <编号>”. */
export function ruleTitle(rule: string): string {
  const t = (RULE_TITLE_ZH as Record<string, string>)[rule];
  if (t !== undefined) return t;
  return isCustomRule(rule) ? `审核公式 ${rule.slice('CUSTOM.'.length)}` : rule;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  explained: number;
  byRule: Partial<Record<FindingRule, number>>;
}

export function summarize(findings: ReadonlyArray<Finding>): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0, explained: 0, byRule: {} };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
    if (f.explained) s.explained++;
    s.byRule[f.rule] = (s.byRule[f.rule] ?? 0) + 1;
  }
  return s;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for reports: by file, sheet, row, then severity and rule. */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location.file, fb = b.location.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  const sa = a.location.sheet ?? '', sb = b.location.sheet ?? '';
  if (sa !== sb) return sa === '' ? 1 : sb === '' ? -1 : sa < sb ? -1 : 1;
  const ra = a.location.row ?? Number.MAX_SAFE_INTEGER, rb = b.location.row ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}
