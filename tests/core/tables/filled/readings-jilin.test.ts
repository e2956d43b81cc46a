/**
 * Readings fixed on the 长春 2026 set (tests/fixtures/published-sets/jl-ccxfj-2026, 长春市信访局（本级）
 * 2026 部门预算): titles numbered “（预算表 N）”, 国有资本经营预算支出明细表, “一、财政拨款收入” over
 * unnumbered breakdown rows, “一、本年收入 / 一、本年支出” over the year's rows, a “说明：” heading under
 * the “三公” table's one line of figures, and the conversion's `join` of cells the PDF wraps over lines.
 * Figures in the built workbooks are illustrative unless a test names the set.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Cell } from '../../../../src/core/grid';
import { readCsvBuffer } from '../../../../src/cli/read-csv';
import { checkWorkbooks } from '../../../../src/core/check';
import { checkFilledTables, matchTitle } from '../../../../src/core/tables/filled';
import { workbook } from '../../../fixtures/filled/build';
import { PUBLISHED_SETS_DIR, convertPage } from '../../../../scripts/convert-published';

function sheetOf(name: string, rows: Cell[][]) {
  return { name, cells: rows, merges: [] };
}

describe('长春 2026 titles', () => {
  test.each([
    ['收支总表（预算表 1）', 'summary'],
    ['收入总表(预算表 2)', 'income'],
    ['支出总表（预算表 3）', 'expense'],
    ['财政拨款收支总表(预算表 4)', 'fiscalSummary'],
    ['本年一般公共预算支出表（预算表 5）', 'generalExpense'],
    ['本年一般公共预算基本支出表(预算表 6)', 'generalBasic'],
    ['本年一般公共预算“三公”经费支出表(预算表 7)', 'threePublic'],
    ['本年政府性基金预算支出表(预算表 8)', 'govFund'],
    ['国有资本经营预算支出明细表(预算表 10)', 'stateCapital'],
    ['长春市信访局 2026 年项目支出绩效目标表预算表（预算表 11）', 'performance'],
  ])('%s', (title, kind) => {
    expect(matchTitle(title)).toMatchObject({ kind, stage: 'budget' });
  });

  test('a table number is numbering; another table named after the title still is not this one', () => {
    expect(matchTitle('项目支出表(预算表 9)')).toBeNull();
    expect(matchTitle('收支总表说明表')).toBeNull();
  });
});

describe('长春 2026 收支总表 layout (figures illustrative)', () => {
  const summary = (general: string) => workbook('t.xlsx', [sheetOf('s', [
    ['收支总表（预算表 1）'],
    ['预算单位：某局', null, null, null, null, null, null, '单位：万元'],
    ['收 入', null, null, null, '支 出'],
    ['项 目', '本年预算', '编制预算', '上年结转', '项 目', '本年预算', '编制预算', '上年结转'],
    ['一、财政拨款收入', '100.00', '100.00', '0.00', '一、一般公共服务支出', '80.00', '80.00', '0.00'],
    ['一般公共预算拨款收入', general, general, '0.00', '二、住房保障支出', '30.00', '30.00', '0.00'],
    ['政府性基金预算拨款收入', '0.00', '0.00', '0.00'],
    ['二、单位资金收入', '10.00', '10.00', '0.00'],
    ['事业收入', '10.00', '10.00', '0.00'],
    ['本年收入合计', '110.00', '110.00', '0.00', '本年支出合计', '110.00', '110.00', '0.00'],
    ['收入总计', '110.00', '110.00', '0.00', '支出总计', '110.00', '110.00', '0.00'],
  ])]);

  test('unnumbered rows under “一、…” are its breakdown: not added to the side again, and must add up to it', () => {
    expect(checkFilledTables(summary('100.00')).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const slip = checkFilledTables(summary('99.00')).findings.filter((f) => f.severity === 'error');
    expect(slip.map((f) => [f.rule, f.location.cell])).toEqual([['TABLES.ROW_SUM', 'B5'], ['TABLES.ROW_SUM', 'C5']]);
  });

  test('“一、本年支出” opens the year\'s rows, numbered too, up to “二、结转下年支出”', () => {
    const fiscal = (first: string) => workbook('t.xlsx', [sheetOf('s', [
      ['财政拨款收支总表(预算表 4)'],
      ['收 入', null, null, '支 出'],
      ['项 目', '本年预算', '上年结转', '项 目', '本年预算', '上年结转'],
      ['一、本年收入', '110.00', '0.00', '一、本年支出', '110.00', '0.00'],
      ['一般公共预算拨款', '110.00', '0.00', '一、一般公共服务支出', first, '0.00'],
      ['政府性基金预算拨款', '0.00', '0.00', '二、住房保障支出', '30.00', '0.00'],
      [null, null, null, '二、结转下年支出'],
      ['收 入 总 计', '110.00', '0.00', '支 出 总 计', '110.00', '0.00'],
    ])]);
    expect(checkFilledTables(fiscal('80.00')).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const slip = checkFilledTables(fiscal('81.00')).findings.filter((f) => f.severity === 'error');
    expect(slip.map((f) => [f.rule, f.location.cell])).toEqual([['TABLES.ROW_SUM', 'E4']]);
  });
});

describe('长春 2026 收支总表: 本年预算 = 编制预算 ＋ 上年结转 on every row (figures illustrative)', () => {
  const summary = (first: string[], second: string[]) => workbook('t.xlsx', [sheetOf('s', [
    ['收支总表（预算表 1）'],
    ['预算单位：某局', null, null, null, null, null, null, '单位：万元'],
    ['收 入', null, null, null, '支 出'],
    ['项 目', '本年预算', '编制预算', '上年结转', '项 目', '本年预算', '编制预算', '上年结转'],
    ['一、财政拨款收入', '100.00', '90.00', '10.00', '一、一般公共服务支出', ...first],
    ['一般公共预算拨款收入', '100.00', '90.00', '10.00', '二、住房保障支出', ...second],
    ['政府性基金预算拨款收入', '0.00', '0.00', '0.00'],
    ['二、单位资金收入', '10.00', '10.00', '0.00'],
    ['事业收入', '10.00', '10.00', '0.00'],
    ['本年收入合计', '110.00', '100.00', '10.00', '本年支出合计', '110.00', '100.00', '10.00'],
    ['收入总计', '110.00', '100.00', '10.00', '支出总计', '110.00', '100.00', '10.00'],
  ])]);
  const errors = (wb: ReturnType<typeof summary>) => checkFilledTables(wb).findings.filter((f) => f.severity === 'error');

  test('with money carried over, every row adds up: no error', () => {
    expect(errors(summary(['80.00', '70.00', '10.00'], ['30.00', '30.00', '0.00']))).toEqual([]);
  });

  test('a carry-over written on the wrong row is found at both rows, though every column adds up', () => {
    // 编制预算 70 + 30 = 100 and 上年结转 0 + 10 = 10 still tie to 本年支出合计: only the rows tell.
    const slip = errors(summary(['80.00', '70.00', '0.00'], ['30.00', '30.00', '10.00']));
    expect(slip.map((f) => [f.rule, f.location.cell, f.figures?.differenceFen])).toEqual([
      ['TABLES.ROW_SUM', 'F5', 10_000_000], // 10.00 万元
      ['TABLES.ROW_SUM', 'F6', -10_000_000],
    ]);
    expect(slip[0].message).toContain('本年预算');
    expect(slip[0].message).toContain('编制预算＋上年结转');
  });

  test('本年预算 | 上年结转 without 编制预算 says nothing of how the two relate: not summed', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['财政拨款收支总表(预算表 4)'],
      ['收 入', null, null, '支 出'],
      ['项 目', '本年预算', '上年结转', '项 目', '本年预算', '上年结转'],
      ['一、本年收入', '110.00', '5.00', '一、本年支出', '110.00', '5.00'],
      ['一般公共预算拨款', '110.00', '5.00', '一、一般公共服务支出', '80.00', '5.00'],
      ['政府性基金预算拨款', '0.00', '0.00', '二、住房保障支出', '30.00', '0.00'],
      ['收 入 总 计', '110.00', '5.00', '支 出 总 计', '110.00', '5.00'],
    ])]);
    expect(errors(wb)).toEqual([]);
  });
});

test('a “说明：” heading under the “三公” table\'s one line of figures is no row (it gave DATA.BAD_AMOUNT)', () => {
  const wb = workbook('t.xlsx', [sheetOf('s', [
    ['本年一般公共预算“三公”经费支出表(预算表 7)'],
    ['预算单位：某局', null, null, null, null, null, '单位：万元'],
    ['“三公”经费合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
    [null, null, '小计', '公务用车购置费', '公务用车运行费'],
    ['7.61', '0.00', '6.75', '0.00', '6.75', '0.86'],
    ['说明：'],
    ['1、“本年预算数”的单位范围包括部门本级及所属0 个预算单位。'],
  ])]);
  expect(checkFilledTables(wb).findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

describe('convert-published `join`: a cell the PDF wraps over lines', () => {
  const page = [
    '                1682.7   0.0',
    ' 总计：' + ' '.repeat(26) + '997.20',
    '                6        0',
  ].join('\n');

  test('each column\'s pieces are joined top down onto the line named', () => {
    expect(convertPage(page, { cuts: [0, 16, 25, 30], join: [{ lines: [0, 2], into: 1 }] })).toEqual([['总计：', '1682.76', '0.00', '997.20']]);
  });

  test('restricted to columns: the others stay on their lines; a cell joined twice stops the conversion', () => {
    expect(convertPage(page, { cuts: [0, 16, 25, 30], join: [{ lines: [0, 2], cols: [1] }] }))
      .toEqual([['', '1682.76', '0.0'], ['总计：', '', '', '997.20'], ['', '', '0']]);
    expect(() => convertPage(page, { cuts: [0, 16, 25, 30], join: [{ lines: [0, 1] }, { lines: [1, 2] }] })).toThrow(/already joined/);
  });
});

describe('the 长春 2026 set as published (jl-ccxfj-2026)', () => {
  const dir = path.join(PUBLISHED_SETS_DIR, 'jl-ccxfj-2026');
  const sheets = fs.readdirSync(dir).filter((f) => /^p\d+\.csv$/.test(f)).sort()
    .map((f) => ({ ...readCsvBuffer(fs.readFileSync(path.join(dir, f)), f).sheets[0], name: f.replace('.csv', '') }));
  const { findings } = checkWorkbooks([{ file: '2026年长春市信访局部门预算.xlsx', sheets }]);
  const at = (sheet: string) => findings.filter((f) => f.severity === 'error' && f.location.sheet === sheet).map((f) => `${f.rule}@${f.location.cell}`);

  test('支出总表: 2014002 and 2014099 print 当年预算小计 0.00 under 项目支出 458.00 and 16.56', () => {
    expect(at('p08')).toEqual(['TABLES.HIERARCHY_SUM@D7', 'TABLES.ROW_SUM@D9', 'TABLES.ROW_SUM@C9', 'TABLES.ROW_SUM@D10', 'TABLES.ROW_SUM@C10']);
  });

  test('基本支出表: 301 prints 911.21 over 款 adding to 920.96, 302 prints 211.00 over 221.37', () => {
    expect(at('p11')).toEqual(['TABLES.HIERARCHY_SUM@C6', 'TABLES.HIERARCHY_SUM@D6', 'TABLES.HIERARCHY_SUM@E6', 'TABLES.HIERARCHY_SUM@C16', 'TABLES.HIERARCHY_SUM@D16', 'TABLES.HIERARCHY_SUM@F16']);
    expect(findings.find((f) => f.location.cell === 'C6')?.message).toContain('920.96');
  });

  test('no other error anywhere in the set', () => {
    expect(findings.filter((f) => f.severity === 'error' && !['p08', 'p11'].includes(f.location.sheet ?? ''))).toEqual([]);
  });
});
