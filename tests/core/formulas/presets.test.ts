/**
 * The national 公开表 presets and TABLES.CROSS_TABLE agree on the example workbooks: no finding on
 * the published example B (national layout), and both report each planted error.
 */
import { checkWorkbooks } from '../../../src/core/check';
import { NATIONAL_TABLE_FORMULAS } from '../../../src/core/formulas';
import type { WorkbookGrids } from '../../../src/core/grid';
import { exampleBNational } from '../../fixtures/filled/example-b';
import { withCell } from '../../fixtures/filled/edit';

function both(wb: WorkbookGrids): { cross: string[]; custom: string[] } {
  const r = checkWorkbooks([wb], { rules: { formulas: NATIONAL_TABLE_FORMULAS.map((f) => ({ ...f })) } });
  return {
    cross: r.findings.filter((f) => f.rule === 'TABLES.CROSS_TABLE').map((f) => `${f.location.sheet}!${f.location.cell}`),
    custom: r.findings.filter((f) => f.rule.startsWith('CUSTOM.')).map((f) => f.rule),
  };
}

test('example B (national layout): every preset evaluates and holds, and CROSS_TABLE finds nothing', () => {
  expect(both(exampleBNational())).toEqual({ cross: [], custom: [] });
});

// [what, sheet, 0-based row, 0-based column, planted value, presets that must fail]
const planted: Array<[string, string, number, number, number, string[]]> = [
  ['收支总表 支出总计 ≠ 收入总计', '收支总表', 13, 3, 27900, ['CUSTOM.公开表01']],
  ['支出总表 合计 ≠ 收支总表 本年支出合计', '收支总表', 93, 2, 27000, ['CUSTOM.公开表04', 'CUSTOM.公开表08']],
  ['财政拨款收支总表 一般公共预算支出 ≠ 一般公共预算支出表', '财政拨款收支总表', 9, 4, 27000, ['CUSTOM.公开表12']],
  ['“三公”经费表 公务接待费 below the 基本支出表 30217', '三公经费', 5, 11, 1, ['CUSTOM.公开表15']],
];

test.each(planted)('%s: both the built-in check and the presets report it', (_what, sheet, r, c, v, presets) => {
  const got = both(withCell(exampleBNational(), sheet, r, c, v));
  expect(got.cross.length).toBeGreaterThan(0);
  expect(got.custom.sort()).toEqual(presets);
});
