/**
 * Readings on the 山东烟台 2026 市级部门 layout (tests/fixtures/published-sets/sd-ytsjj-2026, 烟台市审计局):
 * page numbers printed between dashes under each table (“—8—”, “— 14 —”). Figures illustrative.
 */
import type { Cell } from '../../../../src/core/grid';
import { checkFilledTables } from '../../../../src/core/tables/filled';
import { workbook } from '../../../fixtures/filled/build';
import { flat } from '../../../fixtures/filled/edit';

function sheetOf(name: string, rows: Cell[][]) {
  return { name, cells: rows, merges: [] };
}

describe('山东烟台 2026 layout: a page number between dashes is no row', () => {
  const expense = (project: Cell, footer: Cell[]) => workbook('t.xlsx', [sheetOf('s', [
    ['支出总体情况表'],
    [null, null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    [null, '合计', '30.00', '20.00', project],
    ['211', '节能环保支出', '30.00', '20.00', project],
    footer,
  ])]);

  test.each([
    ['one cell “—8—”', [null, null, '—8—']],
    ['one cell “— 14 —”', [null, null, null, '— 14 —']],
    ['split over cells “— 10” | “—”', [null, null, '— 10', '—']],
    ['a bare page number', [null, null, null, '7']],
  ])('%s: no DATA.BAD_AMOUNT, no false sum', (_name, footer) => {
    const { findings } = checkFilledTables(expense('10.00', footer as Cell[]));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip in 项目支出 is still found with such a footer', () => {
    expect(flat(checkFilledTables(expense('11.00', [null, null, '— 14 —'])).findings, ['TABLES.ROW_SUM']).map((f) => f[2])).toEqual(['C4', 'C5']);
  });

  test('a dash-only or text cell is not taken for a page number (a figure “—” stays a figure cell)', () => {
    const { findings } = checkFilledTables(expense('10.00', ['212', '城乡社区支出', '—8—']));
    expect(findings.some((f) => f.rule === 'DATA.BAD_AMOUNT')).toBe(true);
  });
});

describe('山东烟台 2026 layout: 收支总表 children printed without numbers under a numbered item', () => {
  const summary = (general: Cell) => workbook('t.xlsx', [sheetOf('s', [
    ['收支总体情况表'],
    [null, null, null, '单位：万元'],
    ['收   入', null, '支   出'],
    ['项目', '预算数', '项目', '预算数'],
    ['一、财政拨款收入', '100.00', '一、一般公共服务支出', '110.00'],
    ['一般公共预算收入', general, '二、外交支出'],
    ['政府性基金预算收入', null, '三、公共安全支出'],
    ['二、财政专户管理资金收入', null, '四、教育支出'],
    ['三、其他收入', '10.00'],
    ['本 年 收 入 合 计', '110.00', '本 年 支 出 合 计', '110.00'],
    ['上年结转', null, '结转下年'],
    ['收 入 总 计', '110.00', '支 出 总 计', '110.00'],
    [null, null, '— 7 —'],
  ])]);

  test('“一般公共预算收入” between 一、 and 二、 is a child of 一、财政拨款收入, not a second item (no false ROW_SUM)', () => {
    const { findings } = checkFilledTables(summary('100.00'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip in the child is found on its item', () => {
    expect(flat(checkFilledTables(summary('99.00')).findings, ['TABLES.ROW_SUM']).map((f) => f[2])).toEqual(['B5']);
  });
});

describe('山东烟台 2026 layout: 基本支出表 printing a 类 again under a second 政府经济分类', () => {
  const basic = (second: Cell) => workbook('t.xlsx', [sheetOf('s', [
    ['一般公共预算基本支出情况表'],
    [null, null, null, null, null, null, '单位：万元'],
    ['科目编码', null, null, '科目编码', null, null, '基本支出预算'],
    [null, null, '部门预算支出经济分类科目名称', null, null, '政府预算支出经济分类科目名称'],
    ['类', '款', null, '类', '款', null, '小计', '人员支出', '日常公用支出'],
    [null, null, '合计', null, null, null, '40.00', '30.00', '10.00'],
    ['301', null, '工资福利支出', '501', null, '机关工资福利支出', '20.00', '20.00'],
    ['301', '01', '基本工资', '501', '01', '工资奖金津补贴', '20.00', '20.00'],
    ['301', null, '工资福利支出', '505', null, '对事业单位经常性补助', '10.00', '10.00'],
    ['301', '01', '基本工资', '505', '01', '工资福利支出', second, second],
    ['302', null, '商品和服务支出', '502', null, '机关商品和服务支出', '10.00', null, '10.00'],
    ['302', '01', '办公费', '502', '01', '办公经费', '10.00', null, '10.00'],
  ])]);

  test('each 301 row adds the 款 rows below it, not all 301xx of the table', () => {
    const { findings } = checkFilledTables(basic('10.00'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip under the second 301 is found on that 301 row', () => {
    expect(flat(checkFilledTables(basic('11.00')).findings, ['TABLES.HIERARCHY_SUM']).map((f) => f[2])).toEqual(expect.arrayContaining(['G9']));
  });
});

describe('山东烟台 2026 layout: 一般公共预算支出表 with 项目支出 printed on the line of 合计, right of the 基本支出 group', () => {
  const general = (staff: Cell) => workbook('t.xlsx', [sheetOf('s', [
    ['一般公共预算支出情况表'],
    [null, null, null, null, null, null, null, '单位：万元'],
    // 基本支出 over its first column, as a merged caption over 小计 | 人员支出 | 日常公用支出 arrives.
    ['科目编码', null, null, null, null, '基本支出'],
    [null, null, null, '科目名称', '合   计', null, null, null, '项目支出'],
    ['类', '款', '项', null, null, '小   计', '人员支出', '日常公用支出'],
    [null, null, null, '合    计', '34.00', '30.00', staff, '10.00', '4.00'],
    ['201', null, null, '一般公共服务支出', '34.00', '30.00', staff, '10.00', '4.00'],
  ]), sheetOf('b', [
    ['一般公共预算基本支出情况表'],
    [null, null, null, null, '单位：万元'],
    ['科目编码', null, '科目名称', '小计', '人员支出', '日常公用支出'],
    [null, null, '合计', '30.00', '20.00', '10.00'],
    ['301', null, '工资福利支出', '20.00', '20.00'],
    ['302', null, '商品和服务支出', '10.00', null, '10.00'],
  ])]);

  test('项目支出 is not read under 基本支出: no false row sum, 基本支出 ties to the 基本支出表', () => {
    const { findings } = checkFilledTables(general('20.00'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip in 人员支出 is found on its rows', () => {
    expect(flat(checkFilledTables(general('21.00')).findings, ['TABLES.ROW_SUM']).map((f) => f[2])).toEqual(expect.arrayContaining(['F6', 'F7']));
  });
});
