/**
 * Which auxiliary sheet a grid is (SPEC §2.2): recognised by its name ("三保需求", "2025年项目库") or,
 * whatever its name, by a header row holding the sheet's columns (possibly below title lines).
 */
import type { Grid } from '../grid';
import { normalizeText } from '../text';
import { findHeader } from './table';
import type { TableSpec } from './table';

export type AuxKind =
  | 'projectLibrary' // 项目库
  | 'sanbaoNeeds' // 三保需求
  | 'bondInterest' // 债券付息
  | 'codeMap' // 科目对照
  | 'settings' // 规则设置
  | 'explanations' // 审核说明
  | 'formulas' // 审核公式
  | 'catalog' // 科目
  | 'execution' // 预算执行
  | 'perfGrades'; // 绩效评价 (上年绩效评价等级 by project)

/** A header row with function/economic code or amount columns belongs to a budget detail sheet. */
function looksLikeBudgetSheet(headers: ReadonlyArray<string>): boolean {
  return headers.some((h) => /功能|经济/.test(h) || /^(金额|预算数|本年预算数?|资金来源|资金性质|支出类型|支出性质)$/.test(h));
}

/** The review workbook's own 审核结果 sheet has 级别 and 序号 beside 规则/说明: never an explanation sheet. */
function looksLikeFindingsSheet(headers: ReadonlyArray<string>): boolean {
  return headers.some((h) => h === '级别' || h === '严重程度');
}

export const SPECS: Readonly<Record<AuxKind, TableSpec>> = {
  projectLibrary: {
    title: '项目库',
    columns: [
      { field: 'code', aliases: ['项目编码', '项目代码', '项目编号', '项目id'] },
      { field: 'name', aliases: ['项目名称', '项目'], signature: ['项目名称'] },
    ],
    signature: ['code', 'name'],
    required: [['code', 'name']],
    reject: looksLikeBudgetSheet,
  },
  sanbaoNeeds: {
    title: '三保需求',
    columns: [
      { field: 'unitCode', aliases: ['单位编码', '单位代码', '预算单位编码', '预算单位代码'] },
      { field: 'unit', aliases: ['单位', '单位名称', '预算单位', '预算单位名称', '部门', '部门名称'] },
      { field: 'type', aliases: ['三保类型', '三保标识', '三保', '三保要素', '三保项目', '类型', '保障类型'], signature: ['三保类型', '三保标识', '三保', '三保要素', '三保项目'] },
      { field: 'need', aliases: ['需求数', '需求', '需求金额', '需求额', '测算需求', '测算需求数', '三保需求', '需求测算数', '测算数'] },
    ],
    signature: ['type', 'need'],
    required: [['unit', 'unitCode'], ['type'], ['need']],
  },
  bondInterest: {
    title: '债券付息',
    columns: [
      { field: 'bond', aliases: ['债券名称', '债券', '债券简称', '债券代码', '债券编码', '债券编号'] },
      { field: 'due', aliases: ['应付利息', '应付利息数', '应付利息额', '本年应付利息', '应付息', '付息金额', '应付利息金额', '利息'], signature: ['应付利息', '应付利息数', '应付利息额', '本年应付利息', '应付利息金额'] },
    ],
    signature: ['bond', 'due'],
    required: [['due']],
  },
  codeMap: {
    title: '科目对照',
    columns: [
      { field: 'from', aliases: [/^(上年|原|旧)(功能分类|经济分类|支出功能分类|部门经济分类)?科目(编码|代码)?$/, '上年编码', '原编码'] },
      { field: 'to', aliases: [/^(本年|新|现)(功能分类|经济分类|支出功能分类|部门经济分类)?科目(编码|代码)?$/, '本年编码', '新编码'] },
    ],
    signature: ['from', 'to'],
    required: [['from'], ['to']],
  },
  settings: {
    title: '规则设置',
    columns: [
      { field: 'name', aliases: ['参数', '参数名称', '参数名', '设置项', '规则参数', '参数项'] },
      { field: 'value', aliases: ['值', '取值', '参数值', '设置值', '数值'] },
    ],
    signature: ['name', 'value'],
    required: [['name'], ['value']],
  },
  explanations: {
    title: '审核说明',
    columns: [
      { field: 'rule', aliases: ['规则', '规则编号', '规则id', '审核规则', '规则代码', '规则名称'] },
      { field: 'unit', aliases: ['单位', '单位名称', '单位编码', '预算单位', '单位代码'] },
      { field: 'at', aliases: ['位置', '单元格', '定位', '单元格位置'] },
      { field: 'text', aliases: ['说明', '审核说明', '情况说明', '解释说明', '原因说明', '说明理由'] },
    ],
    signature: ['rule', 'text'],
    required: [['rule'], ['text']],
    reject: looksLikeFindingsSheet,
  },
  formulas: {
    title: '审核公式',
    columns: [
      { field: 'id', aliases: ['编号', '公式编号', '序号', '代码'] },
      { field: 'formula', aliases: ['公式', '审核公式', '校验公式', '勾稽公式', '表达式'] },
      { field: 'type', aliases: ['类型', '公式类型', '审核类型', '强制/提示', '性质'] },
      { field: 'note', aliases: ['说明', '公式说明', '描述', '含义', '提示信息', '错误提示'] },
      { field: 'scope', aliases: ['适用范围', '范围', '适用单位', '适用于'] },
    ],
    signature: ['formula'],
    required: [['formula']],
    reject: looksLikeFindingsSheet,
  },
  catalog: {
    title: '科目',
    columns: [
      { field: 'code', aliases: ['科目编码', '科目代码', '编码', '代码'], signature: ['科目编码', '科目代码'] },
      { field: 'name', aliases: ['科目名称', '名称'], signature: ['科目名称'] },
      { field: 'type', aliases: ['类型', '科目类型', '分类', '类别', '科目分类'] },
    ],
    signature: ['code', 'name'],
    required: [['code']],
    reject: looksLikeBudgetSheet,
  },
  perfGrades: {
    title: '绩效评价',
    columns: [
      { field: 'unitCode', aliases: ['单位编码', '单位代码', '预算单位编码', '预算单位代码'] },
      { field: 'unit', aliases: ['单位', '单位名称', '预算单位', '预算单位名称', '实施单位'] },
      { field: 'code', aliases: ['项目编码', '项目代码', '项目编号', '项目id'] },
      { field: 'name', aliases: ['项目名称', '项目'] },
      {
        field: 'grade',
        aliases: ['评价等级', '绩效评价等级', '上年绩效评价等级', '上年评价等级', '绩效评价结果', '上年绩效评价结果', '评价结果', '绩效等级'],
        signature: ['评价等级', '绩效评价等级', '上年绩效评价等级', '上年评价等级', '绩效评价结果', '上年绩效评价结果'],
      },
    ],
    signature: ['grade'],
    required: [['code', 'name'], ['grade']],
    // A detail sheet with a 绩效评价等级 column is budget lines; a 绩效目标 grid is read by core/performance.
    reject: (h) => looksLikeBudgetSheet(h) || h.some((x) => /^一级(绩效)?指标/.test(x)),
  },
  execution: {
    title: '预算执行',
    columns: [
      { field: 'item', aliases: ['项目', '项目名称', '收支项目', '科目', '科目名称', '指标', '预算科目'] },
      { field: 'initial', aliases: ['年初预算', '年初预算数'] },
      { field: 'adjusted', aliases: ['调整预算', '调整预算数', '调整后预算', '变动预算'] },
      { field: 'actual', aliases: ['本期累计', '本期累计数', '累计完成', '累计完成数', '完成数', '累计执行', '累计执行数', '本年累计'] },
      { field: 'priorSame', aliases: ['上年同期', '上年同期数', '上年同期累计', '上年同期完成'] },
      { field: 'month', aliases: ['月份', '月'] },
    ],
    signature: ['item', 'initial', 'actual'],
    required: [['item'], ['initial', 'adjusted', 'actual']],
  },
};

/** Sheet-name patterns (tested on the normalised name). Order matters: 科目对照 before 科目. */
const NAME_PATTERNS: ReadonlyArray<readonly [AuxKind, RegExp]> = [
  ['perfGrades', /绩效评价|评价结果/],
  ['projectLibrary', /项目库/],
  ['sanbaoNeeds', /三保(需求|测算)/],
  ['bondInterest', /债券付息|债券利息|应付利息/],
  ['codeMap', /科目(对照|衔接|转换)|新旧科目/],
  ['settings', /规则设置|审核设置|参数设置/],
  ['formulas', /审核公式|校验公式|勾稽公式/],
  ['explanations', /审核说明/],
  ['catalog', /^(\d{4}年)?(政府收支分类|收支分类)?科目(表|目录|清单)?$/],
  ['execution', /预算执行/],
];

/** Sheets the product writes itself, never read back as auxiliary data. */
const OWN_OUTPUT = /审核结果|单位汇总/;

/** The kind the sheet's name announces, if any. */
export function kindByName(name: string): AuxKind | null {
  const n = normalizeText(name);
  if (OWN_OUTPUT.test(n)) return null;
  for (const [kind, re] of NAME_PATTERNS) if (re.test(n)) return kind;
  return null;
}

/** The kind the sheet's header announces (a row with every signature column), if any. */
export function kindByHeader(grid: Grid): AuxKind | null {
  if (OWN_OUTPUT.test(normalizeText(grid.name))) return null;
  for (const [kind] of NAME_PATTERNS) if (findHeader(grid.cells, SPECS[kind], true)) return kind;
  return null;
}

/** Which auxiliary sheet this is (by name first, then by header), or null for any other sheet. */
export function classifyAuxSheet(grid: Grid): AuxKind | null {
  return kindByName(grid.name) ?? kindByHeader(grid);
}
