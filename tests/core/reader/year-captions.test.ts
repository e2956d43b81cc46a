/**
 * Amount columns headed by year instead of 本年/上年 ("2025年预算数 | 2024年预算数"), as many real
 * sheets are: the current year's columns are this year's amounts, an earlier year's are the prior
 * year's (SPEC §2.1 priorAmount, priorActual and the 上年 fund columns of wide layouts).
 */
import { checkWorkbooks } from '../../../src/core/check';
import type { Cell, Grid } from '../../../src/core/grid';

function read(cells: Cell[][], merges: Grid['merges'] = [], title: Cell[][] = [['单位：元']]) {
  const off = title.length;
  const grid: Grid = { name: '明细', cells: [...title, ...cells], merges: (merges ?? []).map((m) => ({ ...m, top: m.top + off, bottom: m.bottom + off })) };
  const r = checkWorkbooks([{ file: 'y.xlsx', sheets: [grid] }]);
  return {
    lines: r.lines.map((l) => ({ fund: l.fundSource, amountFen: l.amountFen, priorFen: l.priorFen, priorActualFen: l.priorActualFen })),
    data: r.findings.filter((f) => f.rule.startsWith('DATA.')).map((f) => f.rule),
  };
}

const HEAD = ['单位名称', '功能分类科目', '经济分类科目'];
const ROW = ['县教育局', '2050101', '30101'];

test('one header row: 2025年预算数 is the amount, 2024年预算数 the prior, 2024年执行数 the prior actual', () => {
  const r = read([[...HEAD, '2024年预算数', '2024年执行数', '2025年预算数'], [...ROW, 90, 80, 100]]);
  expect(r.lines).toEqual([{ fund: '一般公共预算拨款', amountFen: 10000, priorFen: 9000, priorActualFen: 8000 }]);
  expect(r.data).toEqual([]);
});

test('two header rows: 预算数 over 2025年 | 2024年', () => {
  const r = read([[...HEAD, '预算数', null], [null, null, null, '2025年', '2024年'], [...ROW, 100, 90]], [{ top: 0, left: 3, bottom: 0, right: 4 }]);
  expect(r.lines).toEqual([{ fund: '一般公共预算拨款', amountFen: 10000, priorFen: 9000, priorActualFen: null }]);
  expect(r.data).toEqual([]);
});

test('wide layout: fund columns under 2025年预算数 are this year, under 2024年预算数 the prior year', () => {
  const r = read(
    [
      [...HEAD, '2025年预算数', null, '2024年预算数', null],
      [null, null, null, '一般公共预算拨款', '政府性基金预算拨款', '一般公共预算拨款', '政府性基金预算拨款'],
      [...ROW, 100, 20, 90, 10],
    ],
    [{ top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 0, right: 6 }],
  );
  expect(r.lines).toEqual([
    { fund: '一般公共预算拨款', amountFen: 10000, priorFen: 9000, priorActualFen: null },
    { fund: '政府性基金预算拨款', amountFen: 2000, priorFen: 1000, priorActualFen: null },
  ]);
});

test('the title’s year decides which column is current, whatever the column order', () => {
  const cells: Cell[][] = [[...HEAD, '2025年预算数', '2026年预算数'], [...ROW, 90, 100]];
  // Without a title the latest year is current …
  expect(read(cells).lines).toEqual([{ fund: '一般公共预算拨款', amountFen: 10000, priorFen: 9000, priorActualFen: null }]);
  // … with "2025年部门预算" above, 2025 is current (and the 2026 column is not read as prior).
  const titled = read(cells, [], [['县教育局2025年部门预算明细表'], ['单位：元']]);
  expect(titled.lines).toEqual([{ fund: '一般公共预算拨款', amountFen: 9000, priorFen: null, priorActualFen: null }]);
});

test('only an earlier year’s column: no amount is invented, the missing column is reported', () => {
  const r = read([[...HEAD, '2024年预算数'], [...ROW, 90]], [], [['2025年部门预算'], ['单位：元']]);
  expect(r.lines).toEqual([]);
  expect(r.data).toContain('DATA.MISSING_COLUMN');
});

test.each(['年初预算数', '年初预算', '预算', '2025年预算（元）', '2025年年初预算数'])('“%s” heads the amount column', (caption) => {
  const r = read([[...HEAD, caption], [...ROW, 100]]);
  expect(r.lines).toEqual([{ fund: '一般公共预算拨款', amountFen: 10000, priorFen: null, priorActualFen: null }]);
});

test('this year’s columns without a year and one year written (合计 | 人员经费 … | 2024年预算数): that year is the prior', () => {
  const r = read([[...HEAD, '合计', '人员经费', '公用经费', '2024年预算数'], [...ROW, 100, 100, 0, 90]]);
  expect(r.lines).toEqual([{ fund: '一般公共预算拨款', amountFen: 10000, priorFen: 9000, priorActualFen: null }]);
});
