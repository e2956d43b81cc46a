/** Departments of a run: from 部门+单位 codes, else from the input file (issue 14). */
import { departmentCode, listDepartments } from '../../../src/core/tables/departments';
import { listUnits } from '../../../src/core/tables';
import type { BudgetLine } from '../../../src/core/lines';
import { budgetLine } from '../../fixtures/example-b-lines';

function line(file: string, unitCode: string, unitName: string): BudgetLine {
  const l = budgetLine({ unitCode, unitName, amountFen: 100 });
  return { ...l, src: { ...l.src, file } };
}

describe('departmentCode', () => {
  it.each([
    ['101001', '101'],
    ['101002', '101'],
    ['1010001', '1010'],
    ['105', ''],
    ['', ''],
    ['A01001', ''],
  ])('%s → %s', (code, dept) => expect(departmentCode(code)).toBe(dept));
});

describe('listDepartments', () => {
  it('groups coded units by department code and uncoded units by their file', () => {
    const lines = [
      line('a.xlsx', '101002', '县第一中学'),
      line('a.xlsx', '101001', '县教育局本级'),
      line('b.xlsx', '102001', '县卫健委'),
      line('上海.xlsx', '', '上海市示例区文化和旅游局'),
      line('上海.xlsx', '', '上海市示例区图书馆'),
    ];
    const d = listDepartments(lines, listUnits(lines));
    expect(d.map((x) => [x.key, x.code, x.name, x.units])).toEqual([
      ['101', '101', '县教育局', ['101001', '101002']],
      ['102', '102', '县卫健委', ['102001']],
      ['file:上海.xlsx', '', '上海市示例区文化和旅游局', ['上海市示例区文化和旅游局', '上海市示例区图书馆']],
    ]);
  });

  it('one department for the units of one department spread over files', () => {
    const lines = [line('a.xlsx', '101001', '县教育局'), line('b.xlsx', '101002', '县第一中学')];
    expect(listDepartments(lines, listUnits(lines))).toHaveLength(1);
  });
});
