import { cleanItemName, findExecutionSheet, matchExecutionHeader, monthFromText, readExecutionSheet } from '../../../src/core/figures/execution';
import { grid, WAN } from './helpers';

describe('monthFromText', () => {
  test.each([
    ['XX区2024年1-4月一般公共预算收支执行情况表', 4],
    ['2023年1—12月', 12],
    ['1至9月', 9],
    ['１－４月', 4],
    ['截至4月底', 4],
    ['2023年一季度财政收支情况', 3],
    ['上半年', 6],
    ['前三季度', 9],
    ['2024年4月份', 4],
    ['一至四月', 4],
    ['2024年部门预算', null],
    ['单位：万元', null],
  ])('%s → %p', (text, month) => {
    expect(monthFromText(text)).toBe(month);
  });
});

describe('headers and item names', () => {
  test.each([
    ['项目', 'item'], ['科目名称', 'item'], ['年初预算数（万元）', 'initial'], ['调整预算', 'adjusted'],
    ['本期累计', 'actual'], ['累计完成', 'actual'], ['上年同期数', 'priorSame'], ['上年同期累计', 'priorSame'], ['月份', 'month'],
  ])('%s → %s', (h, field) => {
    expect(matchExecutionHeader(h)?.field).toBe(field);
  });

  test('"1-4月累计" is 本期累计 and states the month', () => {
    expect(matchExecutionHeader('1-4月累计完成')).toEqual({ field: 'actual', month: 4 });
  });

  test.each([
    ['一、一般公共预算收入', '一般公共预算收入'],
    ['其中：税收收入', '税收收入'],
    ['（一）税收收入', '税收收入'],
    ['1.增值税', '增值税'],
    ['  民生支出 ', '民生支出'],
    ['一般公共预算支出', '一般公共预算支出'],
    ['三保支出', '三保支出'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanItemName(raw)).toBe(clean);
  });
});

describe('readExecutionSheet', () => {
  const titled = grid('预算执行', [
    ['XX区2024年1-4月财政预算执行情况表'],
    [null, null, null, '单位：万元'],
    ['项目', '年初预算', '调整预算', '本期累计', '上年同期', '完成率'],
    ['一、一般公共预算收入', 60999, null, 24627, 25697, '40.4%'],
    ['其中：税收收入', '40,000.5', '', '16,000', '-', null],
    ['注：本表为快报数'],
  ]);

  test('title rows, unit line, month from the title, blank and "-" cells stay null', () => {
    const s = readExecutionSheet(titled, 'a.xlsx')!;
    expect(s.amountUnit).toBe('wan');
    expect(s.unitStated).toBe(true);
    expect(s.month).toBe(4);
    expect(s.headerRow).toBe(3);
    expect(s.rows.map((r) => [r.item, r.initialFen, r.adjustedFen, r.actualFen, r.priorSameFen, r.month])).toEqual([
      ['一般公共预算收入', 60999 * WAN, null, 24627 * WAN, 25697 * WAN, 4],
      ['税收收入', 40000.5 * WAN, null, 16000 * WAN, null, 4],
    ]);
    expect(s.rows[0].location).toEqual({ file: 'a.xlsx', sheet: '预算执行', cell: 'A4', row: 4 });
    expect(s.notes).toEqual([]);
  });

  test('recognised by its header alone, below a different sheet name; month column and 元 suffix', () => {
    const g = grid('Sheet1', [
      ['项目', '年初预算（元）', '本期累计（元）', '上年同期（元）', '月份'],
      ['一般公共预算支出', 1_000_000, 400_000.25, 390_000, '4月'],
      ['民生支出', 800_000, 300_000, 290_000, 5],
    ]);
    const s = readExecutionSheet(g, 'b.xlsx')!;
    expect(s.amountUnit).toBe('yuan');
    expect(s.rows.map((r) => [r.actualFen, r.month])).toEqual([[40_000_025, 4], [30_000_000, 5]]);
  });

  test('a budget detail sheet is not an execution sheet', () => {
    const detail = grid('明细', [['单位名称', '项目名称', '功能分类科目', '经济分类科目', '金额']]);
    expect(readExecutionSheet(detail, 'c.xlsx')).toBeNull();
    const onlyActual = grid('Sheet2', [['项目', '本期累计'], ['收入', 1]]);
    expect(readExecutionSheet(onlyActual, 'c.xlsx')).toBeNull();
    expect(readExecutionSheet({ ...onlyActual, name: '2024年预算执行' }, 'c.xlsx')?.rows).toHaveLength(1);
  });

  test('no unit: the default is assumed and said; bad cells are noted and left blank; duplicates noted', () => {
    const g = grid('预算执行', [
      ['项目', '年初预算', '本期累计', '上年同期'],
      ['其他收入', 100, '#REF!', 'abc'],
      ['其他收入', 5, 6, 7],
    ]);
    const s = readExecutionSheet(g, 'd.xlsx', 'yuan')!;
    expect(s.amountUnit).toBe('yuan');
    expect(s.rows[0].actualFen).toBeNull();
    expect(s.rows[0].priorSameFen).toBeNull();
    expect(s.notes).toEqual([
      '预算执行：未找到金额单位，按元计算',
      '预算执行!C2：错误值 #REF!，该数按空白处理',
      '预算执行!D2：不是数字（abc），该数按空白处理',
      '预算执行：“其他收入”出现多次（第2行、第3行），占位符取第2行',
    ]);
  });

  test('findExecutionSheet prefers a sheet named 预算执行 and notes the others', () => {
    const other = grid('收入表', [['项目', '年初预算', '本期累计'], ['收入', 1, 1]]);
    const s = findExecutionSheet([{ file: 'x.xlsx', sheets: [other, titled] }])!;
    expect(s.sheet).toBe('预算执行');
    expect(s.notes).toEqual(['另有预算执行表未使用：x.xlsx：收入表']);
    expect(findExecutionSheet([{ file: 'y.xlsx', sheets: [grid('明细', [['金额']])] }])).toBeNull();
  });
});
