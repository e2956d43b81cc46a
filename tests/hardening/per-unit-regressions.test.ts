/**
 * Per-unit partition regressions found by the leak property test (tests/hardening/per-unit.test.ts).
 */
import { checkWorkbooks } from '../../src/core/check';
import type { Cell } from '../../src/core/grid';
import { partitionByUnit } from '../../src/core/per-unit';

const HEADER: Cell[] = ['单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '本年预算数'];

it('a 小计 naming a unit whose own rows are unresolved goes to no unit, not to the block above', () => {
  // seed 1458276580: 红枫站's only line has an uncached name, so its 小计 must not reach 白桦所's file.
  const cells: Cell[][] = [
    HEADER,
    ['小计（白桦所）', null, null, null, null, '12..5'],
    ['白桦所', '人员经费', '2080201', '30101', '一般公共预算拨款', '12..5'],
    ['小计（红枫站）', null, null, null, null, 130.58],
    [{ error: '#NO_CACHE' } as unknown as Cell, '人员经费', '2130101', '30101', '一般公共预算拨款', 130.58],
  ];
  const report = checkWorkbooks([{ file: 'a.xlsx', sheets: [{ name: '明细', cells }] }]);
  const part = partitionByUnit(report).byKey.get('白桦所');
  expect(part).toBeDefined();
  const rows = part!.sheets.get('a.xlsx\u0001明细') ?? [];
  expect(rows).toContain(3);
  expect(rows).not.toContain(4);
  expect(rows).not.toContain(5);
  for (const f of part!.findings) expect(JSON.stringify(f)).not.toContain('红枫站');
  expect(report.findings.some((f) => f.rule === 'DATA.UNIT_UNRESOLVED' && f.location.row === 5)).toBe(true);
});
