/**
 * Real examples B and C (domain §1.5, §1.6) typed into filled-table workbooks pass TABLES.* with no
 * finding; errors planted in copies are each found at their cell.
 */
import { checkFilledTables } from '../../../../src/core/tables/filled';
import type { CodeRow } from '../../../fixtures/filled/build';
import {
  B_ECONOMIC_ROWS, B_ECONOMIC_TOTAL, B_FUNCTION_ROWS, exampleBNational, exampleBShanghai, shanghaiB,
} from '../../../fixtures/filled/example-b';
import { exampleCShanghai } from '../../../fixtures/filled/example-c';
import { flat, withCell } from '../../../fixtures/filled/edit';

describe('real examples pass', () => {
  test.each([
    ['B, Shanghai layout (元, 类/款/项 split)', exampleBShanghai(), 9],
    ['C, Shanghai layout (元 with 分, 政府性基金 filled)', exampleCShanghai(), 9],
    ['B, national layout (万元 rounded, one code column, stacked tables)', exampleBNational(), 10],
  ])('%s', (_name, wb, count) => {
    const { findings, tables } = checkFilledTables(wb);
    expect(findings).toEqual([]);
    expect(tables).toHaveLength(count);
    expect(tables.every((t) => t.problem === null)).toBe(true);
  });

  test('B is read with every row and its codes', () => {
    const { tables } = checkFilledTables(exampleBShanghai());
    const expense = tables.find((t) => t.kind === 'expense')!;
    const rows = expense.blocks[0].rows;
    expect(rows).toHaveLength(B_FUNCTION_ROWS.length + 1);
    expect(rows.map((r) => r.code).slice(0, 3)).toEqual(['207', '20701', '2070101']);
    expect(rows[rows.length - 1]).toMatchObject({ role: 'total', label: '合计' });
    expect(rows[rows.length - 1].cells.map((c) => c?.fen)).toEqual([27807610100, 10230623700, 17576986400]);
    const three = tables.find((t) => t.kind === 'threePublic')!;
    expect(three.amountUnit).toBe('wan');
    expect(expense.amountUnit).toBe('yuan');
    expect(expense.department).toBe('上海市普陀区文化和旅游局');
  });
});

describe('planted errors in example B are found at their cell', () => {
  test('a 款 row off by 100 元 (部门支出预算总表 20701 合计)', () => {
    const rows = B_FUNCTION_ROWS.map((r) => (r[0] === '20701' ? (['20701', r[1], 174517812, r[3], r[4]] as CodeRow) : r));
    const { findings } = checkFilledTables(exampleBShanghai({ overrides: { t3: (b) => shanghaiB.t3(b, rows) } }));
    // Row 6 is 207, row 7 is 20701; column E is 合计.
    expect(flat(findings)).toEqual([
      ['TABLES.ROW_SUM', '3 支出总表', 'E7'],
      ['TABLES.HIERARCHY_SUM', '3 支出总表', 'E6'],
      ['TABLES.HIERARCHY_SUM', '3 支出总表', 'E7'],
    ]);
    const kuan = findings.find((f) => f.rule === 'TABLES.HIERARCHY_SUM' && f.location.cell === 'E7')!;
    expect(kuan.figures).toEqual({ actualFen: 17451781200, expectedFen: 17451771200, differenceFen: 10000 });
    expect(kuan.location).toEqual({ file: '例B-上海格式.xlsx', sheet: '3 支出总表', cell: 'E7', row: 7 });
    expect(kuan.severity).toBe('error');
    expect(kuan.message).toContain('部门支出预算总表第 7 行“20701 文化和旅游”');
    expect(kuan.message).toContain('174,517,812.00 元');
    expect(kuan.message).toContain('相差 100.00 元');
  });

  test('三公 小计 ≠ 购置 + 运行', () => {
    // 小计 9.48 with 合计 11.59 = 0 + 2.11 + 9.48 consistent: only 小计 is wrong.
    const { findings } = checkFilledTables(exampleBShanghai({ overrides: { t9: (b) => shanghaiB.t9(b, [11.59, 0, 2.11, 9.48, 0, 9.38, 182.65]) } }));
    expect(flat(findings)).toEqual([['TABLES.ROW_SUM', '9 三公经费', 'D6']]);
    expect(findings[0].figures).toEqual({ actualFen: 9480000, expectedFen: 9380000, differenceFen: 100000, toleranceFen: 15000 });
    expect(findings[0].message).toContain('公务用车购置及运行费小计 9.48 万元');
    expect(findings[0].message).toContain('购置费＋运行费 9.38 万元');
  });

  test('三公 合计 ≠ 出国 + 接待 + 车小计', () => {
    const { findings } = checkFilledTables(exampleBShanghai({ overrides: { t9: (b) => shanghaiB.t9(b, [12.49, 0, 2.11, 9.38, 0, 9.38, 182.65]) } }));
    expect(flat(findings)).toEqual([['TABLES.ROW_SUM', '9 三公经费', 'A6']]);
    expect(findings[0].figures?.differenceFen).toBe(1000000);
  });

  test('基本支出 (支出总表) ≠ 基本支出表 合计', () => {
    // 30201 办公费 raised by 1,000 元 in the 基本支出表, with its 类 and 合计 rows kept consistent.
    const plus = (r: CodeRow): CodeRow => [r[0], r[1], (r[2] as number) + 1000, r[3], (r[4] as number) + 1000];
    const rows = B_ECONOMIC_ROWS.map((r) => (r[0] === '30201' || r[0] === '302' ? plus(r) : r));
    const total = [B_ECONOMIC_TOTAL[0] + 1000, B_ECONOMIC_TOTAL[1], B_ECONOMIC_TOTAL[2] + 1000];
    const { findings } = checkFilledTables(exampleBShanghai({ overrides: { t8: (b) => shanghaiB.t8(b, rows, total) } }));
    // Row 40 is the 合计 row of the function tables; column F is 基本支出.
    expect(flat(findings)).toEqual([
      ['TABLES.CROSS_TABLE', '5 一般公共预算支出', 'F40'],
      ['TABLES.CROSS_TABLE', '3 支出总表', 'F40'],
    ]);
    const f = findings[1];
    expect(f.figures).toEqual({ actualFen: 10230623700, expectedFen: 10230723700, differenceFen: -100000 });
    expect(f.message).toContain('部门支出预算总表');
    expect(f.message).toContain('部门一般公共预算基本支出部门预算经济分类预算表');
    expect(f.message).toContain('8 基本支出!D43');
  });

  test('收入总计 ≠ 支出总计, and 财政拨款收支总表 ≠ 收支总表', () => {
    // 部门财务收支预算总表 row 12: 收入总计 | … | 支出总计 (column D).
    const wb = withCell(exampleBShanghai(), '1 财务收支总表', 11, 3, 278076201);
    const { findings } = checkFilledTables(wb);
    expect(flat(findings)).toEqual([
      ['TABLES.ROW_SUM', '1 财务收支总表', 'D12'],
      ['TABLES.CROSS_TABLE', '1 财务收支总表', 'D12'],
      ['TABLES.CROSS_TABLE', '4 财政拨款收支总表', 'D10'],
      ['TABLES.CROSS_TABLE', '3 支出总表', 'E40'],
    ]);
  });

  test('财政拨款收支总表 支出 ≠ 一般公共预算 + 政府性基金 + 国有资本经营 支出表', () => {
    // 部门财政拨款收支预算总表 row 10: 支出总计 合计 (D) and 一般公共预算 (E).
    let wb = withCell(exampleBShanghai(), '4 财政拨款收支总表', 9, 3, 278076001);
    wb = withCell(wb, '4 财政拨款收支总表', 9, 4, 278076001);
    const { findings } = checkFilledTables(wb);
    expect(flat(findings, ['TABLES.CROSS_TABLE'])).toEqual([
      ['TABLES.CROSS_TABLE', '4 财政拨款收支总表', 'D10'],
      ['TABLES.CROSS_TABLE', '4 财政拨款收支总表', 'D10'],
      ['TABLES.CROSS_TABLE', '4 财政拨款收支总表', 'D10'],
      ['TABLES.CROSS_TABLE', '4 财政拨款收支总表', 'E10'],
    ]);
    expect(findings.filter((f) => f.rule === 'TABLES.CROSS_TABLE').map((f) => f.figures?.differenceFen)).toEqual([-10000, -10000, -10000, -10000]);
  });

  test('a 三公 item in the 基本支出表 above the 三公 table (元 against 万元)', () => {
    // 30217 公务接待费 21,100 元 in the 基本支出表, but only 2.00 万元 in the 三公 table.
    const { findings } = checkFilledTables(exampleBShanghai({ overrides: { t9: (b) => shanghaiB.t9(b, [11.38, 0, 2.0, 9.38, 0, 9.38, 182.65]) } }));
    expect(flat(findings)).toEqual([['TABLES.CROSS_TABLE', '9 三公经费', 'C6']]);
    expect(findings[0].figures).toEqual({ actualFen: 2000000, expectedFen: 2110000, differenceFen: -110000, toleranceFen: 5000 });
    expect(findings[0].message).toContain('30217 公务接待费');
  });

  test('a planted error in example C is located through the sheet origin (tables start at B3)', () => {
    // 表9: data row is the sixth row of the grid (sheet row 8); 运行费 is the sixth column (G).
    const { findings } = checkFilledTables(withCell(exampleCShanghai(), '表9', 5, 5, 40));
    expect(flat(findings)).toEqual([
      ['TABLES.ROW_SUM', '表9', 'E8'],
      ['TABLES.CROSS_TABLE', '表9', 'G8'],
    ]);
    expect(findings[0].location.row).toBe(8);
  });
});
