/**
 * The grids of examples/审核公式示例-县财政局.xlsx (scripts/make-formulas-example.ts): a county
 * bureau's detail sheet of two units, two small tables of its own (表1, 表3) and a 审核公式 sheet
 * with the checks it adds to the built-in rules — 表内, 表间 and over the budget lines, 强制 and
 * 提示, one of them mistyped to show CUSTOM.INVALID. What each formula finds is listed in
 * tests/core/formulas/example.test.ts.
 */
import type { Grid, WorkbookGrids } from '../core/grid';

export const FORMULAS_EXAMPLE_FILE = '审核公式示例-县财政局.xlsx';

const W = 10000; // 元 per 万元

function detail(): Grid {
  const head = ['单位编码', '单位名称', '支出类型', '项目名称', '功能分类科目', '部门经济分类科目', '资金来源', '测算依据', '绩效目标', '上年预算数', '本年预算数'];
  const rows: Array<[string, string, string, string, string, string, number, number]> = [
    // unit code, name, kind, project, function, economic, prior 万元, current 万元
    ['201001', '县住建局', '基本支出', '', '2120101', '30101', 120, 126],
    ['201001', '县住建局', '基本支出', '', '2120101', '30201', 8, 7.6],
    ['201001', '县住建局', '基本支出', '', '2120101', '30215', 3, 4],
    ['201001', '县住建局', '基本支出', '', '2120101', '30227', 20, 19],
    ['201001', '县住建局', '项目支出', '老旧小区改造', '2120201', '31005', 300, 280],
    ['202001', '县农业农村局', '基本支出', '', '2130101', '30101', 90, 92],
    ['202001', '县农业农村局', '基本支出', '', '2130101', '30201', 6, 5.7],
    ['202001', '县农业农村局', '基本支出', '', '2130101', '30215', 2, 1.5],
    ['202001', '县农业农村局', '基本支出', '', '2130101', '30227', 10, 8.5],
    ['202001', '县农业农村局', '项目支出', '高标准农田建设', '2130153', '31005', 200, 210],
  ];
  const cells: Grid['cells'] = [
    ['县本级2025年部门预算明细表'],
    ['单位：元'],
    head,
    ...rows.map(([code, name, kind, project, fn, econ, prior, cur]) => [
      code, name, kind, project, fn, econ, '一般公共预算拨款',
      kind === '项目支出' ? '按工程量和单价测算' : '', kind === '项目支出' ? '按期完工率100%' : '',
      Math.round(prior * W), Math.round(cur * W),
    ]),
  ];
  return { name: '预算明细', cells };
}

/** 表1 城乡社区支出 by 类/款 in 万元 (its 212 row is written wrong on purpose: 表内01 fails). */
function table1(): Grid {
  return {
    name: '表1',
    cells: [
      ['表1 县住建局支出分科目汇总'],
      ['单位：万元'],
      ['行次', '科目', '名称', '本年'],
      [1, '212', '城乡社区支出', 437.6],
      [2, '21201', '城乡社区管理事务', 156.6],
      [3, '21202', '城乡社区规划与管理', 280],
      [4, '', '', ''],
      [5, '', '', ''],
      [6, '', '', ''],
      [7, '', '', ''],
      [8, '', '', ''],
      [9, '', '基本支出合计', 156.6],
      [10, '', '项目支出合计', 280],
      [11, '', '合计', 436.6],
    ],
  };
}

/** 表3 基本支出 in 万元: its 第7行 must equal 表1's 基本支出合计. */
function table3(): Grid {
  return {
    name: '表3',
    cells: [
      ['表3 县住建局基本支出'],
      ['单位：万元'],
      ['行次', '名称', '本年'],
      [1, '工资福利支出', 126],
      [2, '商品和服务支出', 30.6],
      [3, '', ''],
      [4, '基本支出合计', 156.6],
    ],
  };
}

/** The bureau's own checks: 编号 | 公式 | 类型 | 说明 | 适用范围. */
export const EXAMPLE_FORMULAS: ReadonlyArray<[string, string, string, string, string]> = [
  ['会议费', '本年(经济分类="30215") <= 上年(经济分类="30215") 按单位', '强制', '会议费不得超过上年', ''],
  ['委托业务费', '本年(经济分类="30227") <= 上年(经济分类="30227") * (1 - 10%) 按单位', '提示', '本级 30227 委托业务费压减 10%', ''],
  ['表间01', '表3!C7 = 表1!D12', '强制', '表3第7行应等于表1第12行', ''],
  ['表内01', '[表1](行="212").本年 = [表1](行="21201").本年 + [表1](行="21202").本年', '强制', '城乡社区支出应等于其各款之和', ''],
  ['表内02', 'SUM(表3!C4:C6) = 表3!C7 容差 1', '强制', '基本支出合计应等于各项之和', ''],
  ['明细对表', '本年(功能分类="212*") = [表1](行="合计").本年 容差 100', '强制', '明细表城乡社区支出应与表1合计一致', '县住建局'],
  ['人员占比', '本年(经济分类="301*") / 本年(支出类型="基本支出") <= 85% 按单位', '提示', '工资福利支出占基本支出不宜超过 85%', ''],
  ['项目增幅', 'ABS(本年(支出类型="项目支出") / 上年(支出类型="项目支出") - 1) <= 10% 按单位', '强制', '项目支出增减幅度不超过 10%', ''],
  ['写错的', 'SUM(基本支出表!C8:C20) = 基本支出表!C7', '强制', '（示例：工作表名写错时给出 CUSTOM.INVALID）', ''],
];

function formulasSheet(): Grid {
  return { name: '审核公式', cells: [['编号', '公式', '类型', '说明', '适用范围'], ...EXAMPLE_FORMULAS.map((r) => [...r])] };
}

function explanations(): Grid {
  return {
    name: '审核说明',
    cells: [['规则', '单位', '位置', '说明'], ['CUSTOM.人员占比', '202001', '预算明细!K9', '乡镇农技人员划转，工资福利支出占比较高，已报县政府同意']],
  };
}

export function formulasExampleWorkbook(): WorkbookGrids {
  return { file: FORMULAS_EXAMPLE_FILE, sheets: [detail(), table1(), table3(), formulasSheet(), explanations()] };
}
