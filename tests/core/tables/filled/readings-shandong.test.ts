/**
 * Readings on the 山东烟台 2026 市级部门 layout (tests/fixtures/published-sets/sd-ytsjj-2026, 烟台市审计局):
 * page numbers printed between dashes under each table (“—8—”, “— 14 —”). Figures illustrative.
 */
import type { Cell } from '../../../../src/core/grid';
import { checkFilledTables } from '../../../../src/core/tables/filled';
import { workbook } from '../../../fixtures/filled/build';
import { flat } from '../../../fixtures/filled/edit';

function sheetOf(name: string, rows: Cell[][]) {
  return { name, cells: rows, merges: [] };
}

describe('山东烟台 2026 layout: a page number between dashes is no row', () => {
  const expense = (project: Cell, footer: Cell[]) => workbook('t.xlsx', [sheetOf('s', [
    ['支出总体情况表'],
    [null, null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    [null, '合计', '30.00', '20.00', project],
    ['211', '节能环保支出', '30.00', '20.00', project],
    footer,
  ])]);

  test.each([
    ['one cell “—8—”', [null, null, '—8—']],
    ['one cell “— 14 —”', [null, null, null, '— 14 —']],
    ['split over cells “— 10” | “—”', [null, null, '— 10', '—']],
    ['a bare page number', [null, null, null, '7']],
  ])('%s: no DATA.BAD_AMOUNT, no false sum', (_name, footer) => {
    const { findings } = checkFilledTables(expense('10.00', footer as Cell[]));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip in 项目支出 is still found with such a footer', () => {
    expect(flat(checkFilledTables(expense('11.00', [null, null, '— 14 —'])).findings, ['TABLES.ROW_SUM']).map((f) => f[2])).toEqual(['C4', 'C5']);
  });

  test('a dash-only or text cell is not taken for a page number (a figure “—” stays a figure cell)', () => {
    const { findings } = checkFilledTables(expense('10.00', ['212', '城乡社区支出', '—8—']));
    expect(findings.some((f) => f.rule === 'DATA.BAD_AMOUNT')).toBe(true);
  });
});
