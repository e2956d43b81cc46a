/**
 * Header recognition (SPEC §2.1): which field a header cell names. Headers are normalised (full/half
 * width, spaces, brackets, the unit suffix) before matching, and matched against anchored patterns so
 * that "功能分类科目名称" is a name column, not a code column.
 */
import type { Field } from '../lines';
import { normalizeText, stripUnitSuffix } from '../text';

/** Canonical fund sources (SPEC §2.1, §7 Fund-source names). */
export const FUND_GENERAL = '一般公共预算拨款';
export const FUND_GOV = '政府性基金预算拨款';
export const FUND_SOE = '国有资本经营预算拨款';
export const FUND_SPECIAL = '财政专户管理资金';

const FUND_ALIASES: ReadonlyArray<[RegExp, string]> = [
  [/^(一般公共预算(拨款|资金|拨款收入)?|财政拨款一般公共预算|公共预算(拨款)?|一般预算(拨款)?)$/, FUND_GENERAL],
  [/^(政府性基金(预算)?(拨款|资金|拨款收入)?|财政拨款政府性基金(预算)?)$/, FUND_GOV],
  [/^(国有资本经营(预算)?(拨款|资金|拨款收入)?|财政拨款国有资本经营预算)$/, FUND_SOE],
  [/^(财政专户(管理资金|资金|管理的资金|拨款)?|纳入专户管理的(非税)?收入)$/, FUND_SPECIAL],
  [/^事业收入$/, '事业收入'],
  [/^事业单位经营收入$/, '事业单位经营收入'],
  [/^上级补助收入$/, '上级补助收入'],
  [/^附属单位上缴收入$/, '附属单位上缴收入'],
  [/^其他收入$/, '其他收入'],
  [/^(上年结转(结余)?|上年结转资金)$/, '上年结转'],
  [/^单位资金$/, '单位资金'],
  [/^用事业基金弥补收支差额$/, '用事业基金弥补收支差额'],
];

/** Canonical fund source of a cell or header text, or null when it names none. */
export function canonicalFund(text: string): string | null {
  const n = normalizeText(text);
  if (!n) return null;
  for (const [re, name] of FUND_ALIASES) if (re.test(n)) return name;
  return null;
}

/** Fund-source column headers of wide layouts: the list above plus any header ending in 拨款/资金/收入. */
export function wideFundHeader(text: string): string | null {
  const known = canonicalFund(text);
  if (known) return known;
  const n = normalizeText(text);
  if (/^上年/.test(n)) return null;
  if (/(拨款|资金|收入)$/.test(n) && n.length <= 16 && !/来源|性质|合计|小计|总计/.test(n)) return n;
  return null;
}

export type KindColumn = 'basic' | 'personnel' | 'public' | 'project';

/** Amount columns split by kind (合计 | 基本支出 | 项目支出, or 人员经费 | 公用经费 | 项目支出). */
export function kindHeader(text: string): KindColumn | null {
  const n = normalizeText(text);
  if (/^基本支出$/.test(n)) return 'basic';
  if (/^人员经费$/.test(n)) return 'personnel';
  if (/^(日常)?公用经费$/.test(n)) return 'public';
  if (/^项目支出$/.test(n)) return 'project';
  return null;
}

const FIELD_PATTERNS: ReadonlyArray<[Field, RegExp]> = [
  ['unitCode', /^(预算)?(单位|部门)(编码|代码|编号)$/],
  ['unitName', /^((预算)?(单位|部门)(名称|全称)?|预算单位名称)$/],
  ['unitKind', /^单位(性质|类型|类别)$/],
  ['projectCode', /^项目(编码|代码|编号)$/],
  ['projectName', /^(项目名称|项目)$/],
  ['kind', /^(支出类型|支出性质|预算类型|项目类别|支出类别|经费类型|经费性质|项目类型|支出分类)$/],
  ['functionName', /^(支出)?功能(分类)?(科目)?名称$/],
  ['functionCode', /^(支出)?功能(分类)?(科目)?(编码|代码)?$/],
  ['govEconomicCode', /^政府(预算)?(支出)?经济(分类)?(科目)?(编码|代码)?$/],
  ['economicName', /^(部门)?(预算)?(支出)?经济(分类)?(科目)?名称$/],
  ['economicCode', /^(部门)?(预算)?(支出)?经济(分类)?(科目)?(编码|代码)?$/],
  ['fundSource', /^资金(来源|性质|类型|渠道)$/],
  ['priorAmount', /^(上年(预算)?(数|金额)?|上年预算安排数|上年安排数)$/],
  ['priorActual', /^上年(执行数|决算数|实际支出数?|执行)$/],
  ['priorExecRate', /^(上年(预算)?执行率|(上年)?支出进度|执行率|上年执行进度)$/],
  ['perfScore', /^(上年)?绩效(评价)?(得分|等级|结果|评分)$/],
  ['perfGoal', /^(项目)?(年度)?绩效目标$/],
  ['basis', /^测算(依据|过程|说明|依据及说明)$/],
  ['sanbao', /^三保(类型|标识|类别)?$/],
  ['ppp', /^是否ppp(项目)?$/],
  ['approved', /^是否(批准|审批)$/],
  ['approvalNo', /^(审批|批准)文号$/],
  ['amount', /^(金额|预算数|本年预算数?|预算金额|本年预算金额|合计|总计|本年数|预算安排数|(本年)?安排数|本年合计|预算数合计)$/],
];

/** Field named by a header cell, plus the unit suffix it carries ("金额（万元）"). */
export function headerField(text: string): { field: Field | null; amountUnit: 'yuan' | 'wan' | null } {
  const { text: stripped, amountUnit: unit } = stripUnitSuffix(text);
  const n = normalizeText(stripped);
  if (!n) return { field: null, amountUnit: unit };
  for (const [field, re] of FIELD_PATTERNS) if (re.test(n)) return { field, amountUnit: unit };
  return { field: null, amountUnit: unit };
}

/** 类 / 款 / 项 sub-columns of a split function code. */
export function splitCodeHeader(text: string): 'functionClass' | 'functionSection' | 'functionItem' | null {
  const n = normalizeText(text);
  if (n === '类') return 'functionClass';
  if (n === '款') return 'functionSection';
  if (n === '项') return 'functionItem';
  return null;
}

/** Label text of subtotal rows: 合计/总计/小计 alone or as a prefix ("小计（县教育局）"). */
export function subtotalKind(text: string): 'total' | 'subtotal' | null {
  const n = normalizeText(text);
  if (/^(合计|总计)/.test(n)) return 'total';
  if (/^小计/.test(n)) return 'subtotal';
  return null;
}

/** Rows labelled 其中… are breakdowns of the row above. */
export function isBreakdownLabel(text: string): boolean {
  return /^其中/.test(normalizeText(text));
}
