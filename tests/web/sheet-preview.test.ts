/** hasSheetWindow answers what sheetWindow would, without building the window (asked per drawn finding row). */
import type { Finding } from '../../src/core/findings';
import type { WorkbookGrids } from '../../src/core/grid';
import { hasSheetWindow, sheetWindow } from '../../src/web/sheet-preview';

const books: WorkbookGrids[] = [
  { file: 'a.xlsx', sheets: [{ name: '明细', cells: [['单位', '金额'], ['甲', 12345.5]], origin: { row: 3, col: 2 } }] },
  { file: 'b.xlsx', sheets: [{ name: '明细', cells: [['x']] }] },
];

const at = (location: Finding['location']): Finding => ({ rule: 'DATA.BAD_AMOUNT', severity: 'error', location, message: 'm' }) as Finding;

test.each([
  ['a cell of a sheet read', at({ file: 'a.xlsx', sheet: '明细', cell: 'C4' }), true],
  ['a row of a sheet read', at({ file: 'b.xlsx', sheet: '明细', row: 1 }), true],
  ['a sheet not read', at({ file: 'a.xlsx', sheet: '其他', cell: 'A1' }), false],
  ['a file not read (two files: no guessing)', at({ file: 'c.xlsx', sheet: '明细', cell: 'A1' }), false],
  ['a whole file', at({ file: 'a.xlsx' }), false],
  ['a sheet without cell or row', at({ file: 'a.xlsx', sheet: '明细' }), false],
])('%s', (_name, f, expected) => {
  expect(hasSheetWindow(books, f)).toBe(expected);
  expect(sheetWindow(books, f) !== null).toBe(expected);
});

test('the window itself still shows the cell, formatted', () => {
  const w = sheetWindow(books, at({ file: 'a.xlsx', sheet: '明细', cell: 'C4' }))!;
  const target = w.rows.flatMap((r) => r.cells).filter((c) => c.target);
  expect(target).toEqual([{ text: '12,345.5', target: true }]);
});
