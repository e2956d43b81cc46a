/**
 * Reader bugs the hardening fuzzers found (issue 7), each pinned by the smallest input that showed it.
 */
import { checkWorkbooks } from '../../src/core/check';
import type { Cell, Grid } from '../../src/core/grid';

function check(grid: Grid) {
  const report = checkWorkbooks([{ file: 'r.xlsx', sheets: [grid] }]);
  const at = (rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => f.location.cell ?? `row ${f.location.row}`);
  return { report, at };
}

describe('a 合计 row right under the header is data, not a second header row', () => {
  // It used to be read as sub-captions whenever its amounts were not plain non-zero numbers, which
  // turned the label column into the amount column and left the whole sheet unread.
  test.each<[string, Cell]>([
    ['text', '1,234.00'],
    ['zero', 0],
    ['a formula without cached value', { error: '#NO_CACHE' }],
    ['an error value', { error: '#REF!' }],
  ])('one-row header, total as %s', (_what, total) => {
    const { report, at } = check({
      name: '明细',
      cells: [
        ['单位名称', '功能分类科目', '经济分类科目', '金额'],
        ['合计', null, null, total],
        ['县教育局', '2050101', '30101', '1,234.00'],
      ],
    });
    expect(report.lines.map((l) => [l.row, l.unitName, l.amountFen])).toEqual([[3, '县教育局', 123400]]);
    // Only the optional 上年预算数 warning; no required column is missing.
    expect(report.findings.filter((f) => f.rule === 'DATA.MISSING_COLUMN' && f.severity === 'error')).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'DATA.MISSING_COLUMN').map((f) => f.location.row)).toEqual([1]);
    if (typeof total === 'object') expect(at('DATA.BAD_AMOUNT')).toEqual(['D2']);
  });

  test('two-row header with merged 类/款/项 captions and the label under 经济分类科目', () => {
    const { report, at } = check({
      name: '明细',
      cells: [
        ['经济分类科目', '单位名称', '功能分类科目编码', null, null, '本年预算数（元）'],
        [null, null, '类', '款', '项', null],
        ['合计', null, null, null, null, { error: '#NO_CACHE' }],
        ['30101 基本工资', '县教育局', '205', '01', '01', '805,181.21'],
      ],
      merges: [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 1, right: 1 },
        { top: 0, left: 2, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 1, right: 5 },
      ],
    });
    expect(report.lines.map((l) => [l.row, l.functionCode, l.economicCode, l.amountFen])).toEqual([[4, '2050101', '30101', 80518121]]);
    expect(at('DATA.BAD_AMOUNT')).toEqual(['F3']);
  });

  test('a genuine sub-caption row with 合计 beside fund sources is still a header row', () => {
    const { report } = check({
      name: '明细',
      cells: [
        ['单位名称', '功能分类科目', '经济分类科目', '本年预算数', null, null],
        [null, null, null, '合计', '一般公共预算拨款', '单位资金'],
        ['县教育局', '2050101', '30101', 300, 100, 200],
      ],
      merges: [{ top: 0, left: 3, bottom: 0, right: 5 }],
    });
    expect(report.lines.map((l) => [l.fundSource, l.amountFen]).sort()).toEqual([['一般公共预算拨款', 10000], ['单位资金', 20000]]);
    expect(report.findings.filter((f) => f.rule === 'DATA.TOTAL_MISMATCH')).toEqual([]);
  });
});

test('fund and kind headers with the suffix “（单位：万元）” are amount columns in 万元', () => {
  const { report } = check({
    name: '明细',
    cells: [
      ['单位名称', '功能分类科目', '部门经济分类科目', '人员经费（单位：万元）', '项目支出（单位：万元）'],
      ['县教育局', '2050101', '30101', 1.5, null],
      ['县教育局', '2050101', '30227', null, 2],
    ],
  });
  expect(report.lines.map((l) => [l.kind, l.amountFen])).toEqual([['personnel', 1_500_000], ['project', 2_000_000]]);
  expect(report.findings.filter((f) => f.rule === 'DATA.UNIT_UNKNOWN')).toEqual([]);
});

test('a malformed amount in a 其中 row is DATA.BAD_AMOUNT at its cell (the row stays out of the sums)', () => {
  const { report, at } = check({
    name: '明细',
    cells: [
      ['单位：元'],
      ['单位名称', '项目名称', '功能分类科目', '经济分类科目', '金额'],
      ['县教育局', '校舍维修', '2050101', '30213', 1000],
      [null, '其中：本级安排', null, null, '#DIV/0!'],
      [null, '其中：上级补助', null, null, { error: '#N/A' }],
      ['合计', null, null, null, 1000],
    ],
  });
  expect(at('DATA.BAD_AMOUNT')).toEqual(['E4', 'E5']);
  expect(report.lines.map((l) => l.amountFen)).toEqual([100000]);
  expect(report.findings.filter((f) => f.rule === 'DATA.TOTAL_MISMATCH')).toEqual([]);
});

test('an invalid Date in any column (a corrupt serial) is no crash: in the amount column it is DATA.BAD_AMOUNT at its cell', () => {
  const bad = new Date(NaN);
  const { report, at } = check({
    name: '明细',
    cells: [
      ['单位名称', '项目名称', '功能分类科目', '经济分类科目', '金额'],
      [bad, '校舍维修', '2050101', '30213', 1000],
      ['县教育局', bad, bad, '30213', bad],
      ['县教育局', '校舍维修', '2050101', '30213', 500],
    ],
  });
  expect(at('DATA.BAD_AMOUNT')).toEqual(['E3']);
  expect(report.lines.map((l) => l.amountFen)).toEqual(expect.arrayContaining([50000]));
});

test('a first data row of text only (bracketed codes, amount as text) is a line, not a second header row', () => {
  // Found by tests/core/reader/synth-property.test.ts (seed -410559817): "一般公共预算拨款" and
  // "人员经费" read as fund and kind sub-captions, so the only line became part of the header.
  const { report, at } = check({
    name: '预算明细',
    cells: [
      [null, null, null, null, null, null, null, null, null, null, null, '单位：万元'],
      ['单位名称', '单位性质', '支出类型', '项目编码', '项目名称', '功能分类科目', '经济分类科目', '资金来源', '本年预算数', '测算依据', '绩效目标', '三保类型'],
      ['县卫健委机关', '行政单位', '人员经费', null, null, '[2100101]行政运行', '[30101]基本工资', '一般公共预算拨款', '87.902713', null, null, '保工资'],
      ['合计', null, null, null, null, null, null, null, 87.902713, null, null, null],
    ],
  });
  expect(report.lines.map((l) => [l.functionCode, l.economicCode, l.amountFen])).toEqual([['2100101', '30101', 87902713]]);
  expect(at('DATA.TOTAL_MISMATCH')).toEqual([]);
});

test('a real two-row header still reads as one: sub-captions under merged captions', () => {
  const { report } = check({
    name: '明细',
    cells: [
      ['单位名称', '功能分类科目', '经济分类科目', '本年预算', null],
      [null, null, null, '一般公共预算拨款', '政府性基金预算拨款'],
      ['县教育局', '2050101', '30101', 100, 20],
    ],
    merges: [{ top: 0, left: 3, bottom: 0, right: 4 }],
  });
  expect(report.lines.map((l) => [l.fundSource, l.amountFen])).toEqual([['一般公共预算拨款', 10000], ['政府性基金预算拨款', 2000]]);
});
