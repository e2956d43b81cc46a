/**
 * SPEC §3 tolerances: 元 tables add up exactly; in 万元 a total of n rounded parts may differ from
 * their sum by at most 0.005 万元 × (n + 1), inclusive; a 元 figure against a 万元 one allows the
 * 万元 rounding.
 */
import { checkFilledTables } from '../../../../src/core/tables/filled';
import { CodeRow, SheetBuilder, codeTable, shanghaiThreePublic, workbook } from '../../../fixtures/filled/build';
import { exampleBShanghai, shanghaiB } from '../../../fixtures/filled/example-b';
import { flat } from '../../../fixtures/filled/edit';

function threePublicOnly(values: [number, number, number, number, number, number, number]) {
  const b = new SheetBuilder();
  shanghaiThreePublic(b, { title: '部门“三公”经费和机关运行经费预算表', department: '某局', values });
  return workbook('t.xlsx', [b.grid('三公')]);
}

const sums = (wb: ReturnType<typeof threePublicOnly>) => flat(checkFilledTables(wb).findings, ['TABLES.ROW_SUM', 'TABLES.HIERARCHY_SUM']);

describe('万元 rounding inside a table', () => {
  test('合计 of three parts: 0.02 万元 off passes, 0.03 fails', () => {
    expect(sums(threePublicOnly([11.51, 0, 2.11, 9.38, 0, 9.38, 1]))).toEqual([]);
    expect(sums(threePublicOnly([11.47, 0, 2.11, 9.38, 0, 9.38, 1]))).toEqual([]);
    expect(sums(threePublicOnly([11.52, 0, 2.11, 9.38, 0, 9.38, 1]))).toEqual([['TABLES.ROW_SUM', '三公', 'A6']]);
    expect(sums(threePublicOnly([11.46, 0, 2.11, 9.38, 0, 9.38, 1]))).toEqual([['TABLES.ROW_SUM', '三公', 'A6']]);
  });

  test('小计 of two parts: 0.015 万元 off passes, 0.016 fails', () => {
    expect(sums(threePublicOnly([11.505, 0, 2.11, 9.395, 0, 9.38, 1]))).toEqual([]);
    expect(sums(threePublicOnly([11.506, 0, 2.11, 9.396, 0, 9.38, 1]))).toEqual([['TABLES.ROW_SUM', '三公', 'D6']]);
  });

  test('a 类 row over three 款 rows: 0.02 万元 off passes, 0.03 fails', () => {
    const table = (classTotal: number) => {
      const rows: CodeRow[] = [
        ['201', '一般公共服务支出', classTotal, classTotal, null],
        ['20101', '人大事务', 10000, 10000, null],
        ['20103', '政府办公厅（室）及相关机构事务', 20000, 20000, null],
        ['20106', '财政事务', 30000, 30000, null],
      ];
      const b = new SheetBuilder();
      codeTable(b, {
        title: '一般公共预算支出表', department: '某局', amountUnit: 'wan', captions: ['合计', '基本支出', '项目支出'],
        codeKind: 'function', split: false, rows, total: [classTotal, classTotal, null],
      });
      return workbook('t.xlsx', [b.grid('表5')]);
    };
    expect(sums(table(60200))).toEqual([]); // 6.02 万元 against 1 + 2 + 3
    expect(sums(table(59800))).toEqual([]);
    expect(sums(table(60300))).toEqual([
      ['TABLES.HIERARCHY_SUM', '表5', 'C4'],
      ['TABLES.HIERARCHY_SUM', '表5', 'D4'],
    ]);
  });
});

describe('元 tables add up exactly', () => {
  test('0.01 元 off in a 元 table is an error', () => {
    const b = new SheetBuilder();
    codeTable(b, {
      title: '部门支出总表', department: '某局', amountUnit: 'yuan', captions: ['合计', '基本支出', '项目支出'],
      codeKind: 'function', split: false,
      rows: [['2010101', '行政运行', 100.01, 60, 40]],
      total: [100.01, 60, 40.01],
    });
    const { findings } = checkFilledTables(workbook('t.xlsx', [b.grid('表3')]));
    expect(flat(findings, ['TABLES.ROW_SUM', 'TABLES.HIERARCHY_SUM'])).toEqual([
      ['TABLES.ROW_SUM', '表3', 'C4'],
      ['TABLES.HIERARCHY_SUM', '表3', 'E5'],
    ]);
    expect(findings.find((f) => f.rule === 'TABLES.ROW_SUM')?.figures).toEqual({ actualFen: 10001, expectedFen: 10000, differenceFen: 1 });
  });
});

describe('元 against 万元 across tables', () => {
  // 30231 公务用车运行维护费 is 93,750 元 = 9.375 万元 in the 基本支出表 (元).
  const withOperation = (op: number) =>
    exampleBShanghai({ overrides: { t9: (b) => shanghaiB.t9(b, [Math.round((2.11 + op) * 100) / 100, 0, 2.11, op, 0, op, 182.65]) } });

  test('9.37 万元 is within the rounding of 93,750 元', () => {
    expect(flat(checkFilledTables(withOperation(9.37)).findings)).toEqual([]);
  });

  test('9.36 万元 is below it', () => {
    expect(flat(checkFilledTables(withOperation(9.36)).findings)).toEqual([['TABLES.CROSS_TABLE', '9 三公经费', 'F6']]);
  });
});
