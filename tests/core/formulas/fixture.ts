/**
 * The workbooks the 审核公式 tables run on: 明细.xlsx (a detail sheet of two units with 上年预算数)
 * and 表.xlsx (small tables: cells, a two-sided 收支总表, a 万元 支出总表 with codes, a 三公 table
 * with a two-row header, error and text cells); 明细.xlsx's 审核说明 answers one formula.
 */
import { checkWorkbooks, CheckReport } from '../../../src/core/check';
import type { FormulaData } from '../../../src/core/formulas';
import type { Grid, WorkbookGrids } from '../../../src/core/grid';

const grid = (name: string, cells: Grid['cells']): Grid => ({ name, cells });

export const DETAIL: WorkbookGrids = {
  file: '明细.xlsx',
  sheets: [grid('预算明细', [
    ['县本级2025年部门预算明细表'],
    ['单位：元'],
    ['单位编码', '单位名称', '功能分类科目', '部门经济分类科目', '支出类型', '项目名称', '测算依据', '绩效目标', '上年预算数', '金额'],
    ['101001', '县教育局', '2050101', '30101', '基本支出', '', '', '', 100000, 110000],
    ['101001', '县教育局', '2050101', '30215', '基本支出', '', '', '', 20000, 25000],
    ['101001', '县教育局', '2050201', '30227', '项目支出', '校舍维修', '按面积测算', '完成维修', 50000, 40000],
    ['102001', '县卫健委', '2100101', '30215', '基本支出', '', '', '', 10000, 8000],
    ['102001', '县卫健委', '2100101', '30101', '基本支出', '', '', '', 200000, 210000],
  ]), grid('审核说明', [
    ['规则', '单位', '位置', '说明'],
    ['custom.B02', '', '预算明细!J5', '已与财政局核实'],
  ])],
};

export const TABLES: WorkbookGrids = {
  file: '表.xlsx',
  sheets: [
    grid('基本支出', [
      ['基本支出测算'], [], [], [], [], [],
      ['', '合计', 600],
      ['', '工资', 100],
      ['', '津贴', 200],
      ['', '奖金', 300],
      ['', '', '备注'],
      ['', '', null],
    ]),
    grid('部门收支总表', [
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', 1000, '一、教育支出', 1000],
      ['收入总计', 1000, '支出总计', 1000],
    ]),
    grid('支出总表', [
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [212, '城乡社区支出', 30, 10, 20],
      [21201, '城乡社区管理事务', 12, 10, 2],
      ['21202', '城乡社区规划', 18, '', 18],
      ['2120101', '行政运行', 5, 5, 0],
      ['2120201', '行政运行', 6, 6, 0],
      ['', '合计', 30, 10, 20],
    ]),
    grid('三公', [
      ['单位：万元'],
      ['上年预算数', '上年预算数', '本年预算数', '本年预算数'],
      ['合计', '公务接待费', '合计', '公务接待费'],
      [10, 4, 9, 3],
    ]),
    grid('错误值', [[{ error: '#REF!' }], ['abc']]),
  ],
};

export const WORKBOOKS: WorkbookGrids[] = [DETAIL, TABLES];

let cached: CheckReport | null = null;

/** The report of the two workbooks without formulas (its lines feed trialFormula). */
export function baseReport(): CheckReport {
  return (cached ??= checkWorkbooks(WORKBOOKS));
}

export function data(): FormulaData {
  const r = baseReport();
  return { workbooks: WORKBOOKS, lines: r.lines, priorLines: r.priorLines };
}
