/** Reading filled tables of varied layouts, and what happens with data that cannot be read. */
import type { Finding } from '../../../../src/core/findings';
import type { Cell } from '../../../../src/core/grid';
import { checkFilledTables, readFilledTables } from '../../../../src/core/tables/filled';
import { SheetBuilder, codeTable, workbook } from '../../../fixtures/filled/build';
import { exampleBShanghai } from '../../../fixtures/filled/example-b';
import { flat, withCell } from '../../../fixtures/filled/edit';

function sheetOf(name: string, rows: Cell[][]) {
  const b = new SheetBuilder();
  for (const r of rows) b.add(r);
  return b.grid(name);
}


/** Findings about a table, not about the file (TABLES.MISSING, the one-table-only note). */
const tableLevel = (f: Finding): boolean => f.location.sheet !== undefined;

describe('layouts', () => {
  test('项 rows that leave 类 and 款 blank inherit them', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['部门支出总表'],
      ['单位：元'],
      ['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'],
      [207, null, null, '文化旅游体育与传媒支出', 300, 100, 200],
      [null, '01', null, '文化和旅游', 300, 100, 200],
      [null, null, '01', '行政运行', 100, 100, null],
      [null, null, '09', '群众文化', 200, null, 200],
      ['合计', null, null, null, 300, 100, 200],
    ])]);
    const t = readFilledTables(wb)[0];
    expect(t.blocks[0].rows.map((r) => [r.code, r.role])).toEqual([
      ['207', 'item'], ['20701', 'item'], ['2070101', 'item'], ['2070109', 'item'], [null, 'total'],
    ]);
    expect(checkFilledTables(wb).findings.filter(tableLevel)).toEqual([]);
  });

  test('codes written with their names in one column ("[2070101]行政运行", "2070109 群众文化")', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['一般公共预算支出表'],
      ['金额单位：万元'],
      ['功能分类科目', '合计', '基本支出', '项目支出'],
      ['207 文化旅游体育与传媒支出', 3, 1, 2],
      ['[20701]文化和旅游', 3, 1, 2],
      ['2070101-行政运行', 1, 1, null],
      ['2070109 群众文化', 2.5, null, 2.5],
      ['合计', 3, 1, 2],
    ])]);
    const t = readFilledTables(wb)[0];
    expect(t.blocks[0].rows.map((r) => [r.code, r.label])).toEqual([
      ['207', '文化旅游体育与传媒支出'], ['20701', '文化和旅游'], ['2070101', '行政运行'], ['2070109', '群众文化'], [null, '合计'],
    ]);
    const f = checkFilledTables(wb).findings.filter((x) => x.rule === 'TABLES.HIERARCHY_SUM');
    expect(flat(f)).toEqual([['TABLES.HIERARCHY_SUM', 's', 'B5'], ['TABLES.HIERARCHY_SUM', 's', 'D5']]);
    expect(f[0].message).toContain('3.50 万元');
  });

  test('a group caption written once over unmerged cells (基本支出 over 人员经费 and 公用经费)', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['一般公共预算支出表'],
      ['单位：元'],
      ['科目编码', '科目名称', '合计', '基本支出', null, '项目支出'],
      [null, null, null, '人员经费', '公用经费', null],
      ['2010101', '行政运行', 100, 60, 30, 10],
      ['2010102', '一般行政管理事务', 50, null, null, 50],
      ['合计', null, 150, 60, 30, 60],
    ])]);
    const t = readFilledTables(wb)[0];
    expect(t.blocks[0].columns.map((c) => [c.path.join('/'), c.key])).toEqual([
      ['合计', 'total'], ['基本支出/人员经费', 'personnel'], ['基本支出/公用经费', 'public'], ['项目支出', 'project'],
    ]);
    expect(flat(checkFilledTables(wb).findings, ['TABLES.ROW_SUM', 'TABLES.HIERARCHY_SUM'])).toEqual([]);
    // 公用经费 of row 5 raised by 1: 合计 of row 5 and the 公用经费 of 合计 no longer agree.
    const planted = checkFilledTables(withCell(wb, 's', 4, 4, 31)).findings;
    expect(flat(planted, ['TABLES.ROW_SUM', 'TABLES.HIERARCHY_SUM'])).toEqual([
      ['TABLES.ROW_SUM', 's', 'C5'],
      ['TABLES.HIERARCHY_SUM', 's', 'E7'],
    ]);
  });

  test('收入总表 with income source columns: 合计 = Σ sources', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['部门收入总表'],
      ['单位：元'],
      ['科目编码', '科目名称', '合计', '上年结转', '一般公共预算拨款收入', '事业收入', '其他收入'],
      ['2010101', '行政运行', 1000, 100, 700, 150, 40],
      ['合计', null, 1000, 100, 700, 150, 40],
    ])]);
    expect(flat(checkFilledTables(wb).findings, ['TABLES.ROW_SUM'])).toEqual([
      ['TABLES.ROW_SUM', 's', 'C4'],
      ['TABLES.ROW_SUM', 's', 'C5'],
    ]);
  });

  test('“三公” table laid out down the rows (江北区 2021, P4) passes', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['2021年区本级“三公”经费预算支出表'],
      ['单位:万元'],
      ['项目', '预算数'],
      ['合计', 4432],
      ['1.因公出国(境)费用', 39],
      ['2.公务接待费', 323],
      ['3.公务用车购置及运行维护费', 4070],
      ['其中:公务用车运行维护费', 2648],
      ['公务用车购置', 1422],
    ])]);
    expect(checkFilledTables(wb).findings.filter(tableLevel)).toEqual([]);
  });

  test('“三公” rows that do not add up (桂林市司法局 2015, P35) are flagged', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['2015年“三公”经费预算表'],
      ['单位：万元'],
      ['项目', '本年预算数', '其中：公共预算财政拨款'],
      ['合计', 34.35, 34.35],
      ['因公出国（境）费', 0, 0],
      ['公务接待费', 1.7, 1.7],
      ['公务用车费', 0, 0],
      ['其中：公务用车运行维护费', 32.65, 32.65],
      ['公务用车购置费', 0, 0],
    ])]);
    const { findings } = checkFilledTables(wb);
    // The “其中” column C repeats both slips, and is checked too.
    expect(flat(findings, ['TABLES.ROW_SUM']).sort()).toEqual([['TABLES.ROW_SUM', 's', 'B4'], ['TABLES.ROW_SUM', 's', 'B7'], ['TABLES.ROW_SUM', 's', 'C4'], ['TABLES.ROW_SUM', 's', 'C7']]);
    expect(findings.find((f) => f.location.cell === 'B7')?.figures).toEqual({ actualFen: 0, expectedFen: 32650000, differenceFen: -32650000, toleranceFen: 15000 });
  });
});

describe('data that cannot be read gives findings, never an exception', () => {
  test('an amount cell holding text is DATA.BAD_AMOUNT, and sums through it are skipped', () => {
    // 部门支出预算总表 row 8 (2070101 行政运行), column E (合计).
    const wb = withCell(exampleBShanghai(), '3 支出总表', 7, 4, '四百六十五万');
    const { findings } = checkFilledTables(wb);
    expect(flat(findings)).toEqual([['DATA.BAD_AMOUNT', '3 支出总表', 'E8']]);
    expect(findings[0].message).toContain('四百六十五万');
  });

  test('a table whose header cannot be found is TABLES.NOT_CHECKED at its title', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['部门支出总表'],
      [100, 60, 40],
      [200, 100, 100],
    ])]);
    const { findings } = checkFilledTables(wb);
    expect(flat(findings.filter(tableLevel), ['TABLES.NOT_CHECKED'])).toEqual([['TABLES.NOT_CHECKED', 's', 'A1']]);
    expect(findings[0].severity).toBe('info');
    expect(findings[0].message).toContain('未找到表头');
  });

  test('rows without codes: the hierarchy is reported as not checked', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['部门支出总表'],
      ['单位：元'],
      ['科目名称', '合计', '基本支出', '项目支出'],
      ['文化旅游体育与传媒支出', 100, 60, 40],
      ['合计', 100, 60, 40],
    ])]);
    const f = checkFilledTables(wb).findings.filter(tableLevel).filter((x) => x.rule === 'TABLES.NOT_CHECKED');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('没有科目编码');
  });

  test('no unit line: DATA.UNIT_UNKNOWN, checked as 元', () => {
    const b = new SheetBuilder();
    codeTable(b, {
      title: '部门支出总表', department: '某局', amountUnit: 'yuan', captions: ['合计', '基本支出', '项目支出'], codeKind: 'function', split: false,
      rows: [['2010101', '行政运行', 100, 60, 40]], total: [100, 60, 40],
    });
    b.rows[1] = [];
    const { findings, tables } = checkFilledTables(workbook('t.xlsx', [b.grid('s')]));
    expect(tables[0]).toMatchObject({ amountUnit: 'yuan', amountUnitFound: false });
    expect(flat(findings, ['DATA.UNIT_UNKNOWN'])).toEqual([['DATA.UNIT_UNKNOWN', 's', 'A1']]);
  });

  test('a unit in the amount header ("金额（万元）") is taken', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['部门支出总表'],
      ['科目编码', '科目名称', '合计（万元）', '基本支出（万元）', '项目支出（万元）'],
      ['2010101', '行政运行', 1.5, 1, 0.5],
    ])]);
    expect(readFilledTables(wb)[0]).toMatchObject({ amountUnit: 'wan', amountUnitFound: true });
  });

  test('a workbook without any standard table is TABLES.NOT_CHECKED at file level', () => {
    const { findings, tables } = checkFilledTables(workbook('x.xlsx', [sheetOf('s', [['随便写的'], [1, 2, 3]])]));
    expect(tables).toEqual([]);
    expect(findings.map((f) => [f.rule, f.location])).toEqual([['TABLES.NOT_CHECKED', { file: 'x.xlsx' }]]);
  });

  test('error values, dates and ragged rows do not throw', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['部门支出总表'],
      ['单位：元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['2010101', '行政运行', { error: '#REF!' }, new Date(2025, 0, 1), 40],
      ['2010102'],
      [],
      ['合计', null, true, 60],
    ])]);
    const { findings } = checkFilledTables(wb);
    expect(flat(findings, ['DATA.BAD_AMOUNT'])).toEqual([
      ['DATA.BAD_AMOUNT', 's', 'C4'], ['DATA.BAD_AMOUNT', 's', 'D4'], ['DATA.BAD_AMOUNT', 's', 'C7'],
    ]);
  });
});

test('三公 blocks headed by year: the earlier year is the prior block, the later the current', () => {
  for (const [earlier, later] of [['2024年预算数', '2025年预算数'], ['上年预算数', '本年预算数']]) {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['一般公共预算“三公”经费支出表'],
      ['单位：元'],
      [earlier, null, null, null, null, null, later, null, null, null, null, null],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, '小计', '公务用车购置费', '公务用车运行费', null, null, null, '小计', '公务用车购置费', '公务用车运行费', null],
      [100, 10, 60, 20, 40, 30, 90, 10, 50, 10, 40, 30],
    ])]);
    const cols = readFilledTables(wb)[0].blocks[0].columns;
    expect(cols.map((c) => c.prior)).toEqual([true, true, true, true, true, true, false, false, false, false, false, false]);
  }
  // One year alone is this year's (“2016年预算数: 小计 | 其中…”).
  const one = workbook('t.xlsx', [sheetOf('s', [
    ['一般公共预算“三公”经费支出表'],
    ['单位：元'],
    ['2016年预算数', null, null, null, null, null],
    ['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
    [null, null, '小计', '公务用车购置费', '公务用车运行费', null],
    [90, 10, 50, 10, 40, 30],
  ])]);
  expect(readFilledTables(one)[0].blocks[0].columns.every((c) => !c.prior)).toBe(true);
});
