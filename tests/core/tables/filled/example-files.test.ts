/** The committed examples/公开表-*.xlsx (scripts/make-filled-examples.ts) are current and pass TABLES.*. */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsx } from '../../../../src/cli/file-source';
import { checkFilledTables, isFilledTablesWorkbook } from '../../../../src/core/tables/filled';
import { FILLED_EXAMPLES, filledExampleBuffer } from '../../../../scripts/make-filled-examples';

const EXAMPLES = path.join(__dirname, '..', '..', '..', '..', 'examples');

describe.each(FILLED_EXAMPLES.map((e) => [e.file, e] as const))('%s', (file, ex) => {
  test('reads back as a filled-tables workbook with no finding', async () => {
    const { grids } = await readXlsx(path.join(EXAMPLES, file), file);
    expect(isFilledTablesWorkbook(grids)).toBe(true);
    const { findings, tables } = checkFilledTables(grids);
    expect(findings).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(9);
  });

  test('is what the script writes today', async () => {
    const fresh = await filledExampleBuffer(ex.make());
    expect(fresh.equals(fs.readFileSync(path.join(EXAMPLES, file)))).toBe(true);
  });
});

test('an error planted in the example C file is located at its sheet cell (tables start at B3)', async () => {
  const file = '公开表-例C-上海格式.xlsx';
  const { grids } = await readXlsx(path.join(EXAMPLES, file), file);
  const sheet = grids.sheets.find((g) => g.name === '表9')!;
  // 运行费 of the data row stands at G8 of the sheet; change 42.24 to 40.
  const origin = sheet.origin ?? { row: 1, col: 1 };
  const cells = sheet.cells.map((r) => r.slice());
  expect(cells[8 - origin.row][7 - origin.col]).toBe(42.24);
  cells[8 - origin.row][7 - origin.col] = 40;
  const planted = { ...grids, sheets: grids.sheets.map((g) => (g === sheet ? { ...g, cells } : g)) };
  expect(checkFilledTables(planted).findings.map((f) => [f.rule, f.location.sheet, f.location.cell])).toEqual([
    ['TABLES.ROW_SUM', '表9', 'E8'],
    ['TABLES.CROSS_TABLE', '表9', 'G8'],
  ]);
});
