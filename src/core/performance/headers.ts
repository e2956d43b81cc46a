/**
 * Header words of the 绩效目标 sheets: the indicator grid's columns and, in list layouts, the project
 * columns on the same header row; in block layouts, the labels of the project header rows.
 */
import { normalizeText, stripUnitSuffix } from '../text';
import type { AmountUnit } from '../money';

export type GridField =
  | 'level1' | 'level2' | 'level3' | 'value' | 'op' | 'measure'
  | 'unitCode' | 'unit' | 'projectCode' | 'projectName' | 'total' | 'fiscal' | 'goal' | 'grade';

const GRID_ALIASES: ReadonlyArray<readonly [GridField, RegExp]> = [
  ['level1', /^一级(绩效)?指标(名称)?$/],
  ['level2', /^二级(绩效)?指标(名称)?$/],
  ['level3', /^(三级(绩效)?指标(名称|内容)?|指标名称|指标内容|绩效指标名称)$/],
  // "指标值", "年度目标值", "全年指标值", "预期指标值", "指标值（包含数字及文字描述）", "目标值（年度）"
  // (brackets are gone from the normalised text); not "指标值说明", a column of its own.
  ['value', /^(年度|全年|预期|本年度?)?(绩效)?(指标)?(指标值|目标值)(目标值|标准|年度|包含.*)?$/],
  ['op', /^(指标性质|计算符号|符号|运算符|指标符号)$/],
  ['measure', /^(度量单位|计量单位|指标单位)$/],
  ['unitCode', /^(单位编码|单位代码|预算单位编码|预算单位代码)$/],
  ['unit', /^(单位名称|预算单位|预算单位名称|实施单位|单位)$/],
  ['projectCode', /^(项目编码|项目代码|项目编号|项目id)$/],
  ['projectName', /^(项目名称|项目)$/],
  ['total', /^(预算数|年度资金总额|资金总额|项目金额|预算金额|项目资金|金额|项目预算数|合计)$/],
  ['fiscal', /^(其中财政拨款|财政拨款|其中:财政拨款|财政资金)$/],
  ['goal', /^(年度目标|年度绩效目标|绩效目标|年度总体目标|总体目标)$/],
  ['grade', /^(评价等级|绩效评价等级|上年绩效评价等级|上年评价等级|上年绩效评价结果|绩效评价结果)$/],
];

/** The normalised header text of a cell and the unit its suffix states ("项目资金（万元）"). */
export function labelText(raw: string): { text: string; amountUnit: AmountUnit | null } {
  const { text, amountUnit: unit } = stripUnitSuffix(raw);
  return { text: normalizeText(text).replace(/[:：]$/, ''), amountUnit: unit };
}

export function gridField(text: string): GridField | null {
  for (const [f, re] of GRID_ALIASES) if (re.test(text)) return f;
  return null;
}

/** Block-layout labels (the rows above the grid). */
export type BlockLabel = 'projectName' | 'projectCode' | 'department' | 'unit' | 'total' | 'fiscal' | 'other' | 'goal' | 'grade';

const BLOCK_ALIASES: ReadonlyArray<readonly [BlockLabel, RegExp]> = [
  ['projectName', /^项目名称$/],
  ['projectCode', /^(项目编码|项目代码|项目编号)$/],
  ['department', /^(主管部门|主管部门及代码|主管单位)$/],
  ['unit', /^(实施单位|项目实施单位|预算单位|单位名称)$/],
  ['total', /^(年度资金总额|资金总额|年度金额|项目资金总额)$/],
  ['fiscal', /^(其中财政拨款|其中:财政拨款|财政拨款|其中财政资金|财政资金)$/],
  ['other', /^(其他资金|其中其他资金)$/],
  ['goal', /^(年度绩效目标|年度目标|绩效目标|年度总体目标)$/],
  ['grade', /^(上年绩效评价等级|绩效评价等级|评价等级|上年绩效评价结果)$/],
];

export function blockLabel(text: string): BlockLabel | null {
  for (const [f, re] of BLOCK_ALIASES) if (re.test(text)) return f;
  return null;
}

/** "820001-井研县马踏镇人民政府", "[P001]校舍维修" → code and name; plain names keep code ''. */
export function splitCodeName(s: string): { code: string; name: string } {
  const t = s.trim();
  // A separator or brackets are required: "2025年春季补助" is a name, not code 2025. Codes may be
  // written in full-width digits ("１０１００１－县教育局"); the name keeps its own characters.
  const m = /^[[【［]([0-9０-９][0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{2,})[\]】］]\s*(.*)$/.exec(t) ?? /^([0-9０-９][0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{2,})(?:[\s\-－—_、:：]+(.*))?$/.exec(t);
  if (!m) return { code: '', name: t };
  return { code: m[1].normalize('NFKC'), name: (m[2] ?? '').trim() };
}
