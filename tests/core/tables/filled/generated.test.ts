/**
 * Issue 4 "Every generated workbook passes TABLES.*": the standard tables generated from the lines
 * behind examples B and C, rendered to .xlsx by the CLI renderer and read back, are recognised as a
 * complete filled-tables workbook and pass every TABLES.* rule.
 */
import { readXlsxBuffer } from '../../../../src/io/read-xlsx';
import { buildTablesWorkbook } from '../../../../src/io/tables-workbook';
import { generateTables } from '../../../../src/core/tables';
import type { TableStyle } from '../../../../src/core/tables';
import { checkFilledTables, isFilledTablesWorkbook } from '../../../../src/core/tables/filled';
import { exampleBLines } from '../../../fixtures/example-b-lines';
import { exampleCLines } from '../../../fixtures/example-c-lines';
import { withCell } from '../../../fixtures/filled/edit';

async function roundTrip(lines: ReturnType<typeof exampleBLines>, style: TableStyle) {
  const tables = generateTables(lines, { style, year: 2026 });
  const wb = buildTablesWorkbook([{ tables }]);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return (await readXlsxBuffer(buf, `generated-${style}.xlsx`)).grids;
}

describe.each([
  ['B', exampleBLines],
  ['C', exampleCLines],
])('tables generated from the lines of example %s', (_name, lines) => {
  test.each<[TableStyle, number]>([
    ['national', 10],
    ['shanghai', 9],
  ])('%s style pass TABLES.*', async (style, count) => {
    const grids = await roundTrip(lines(), style);
    expect(isFilledTablesWorkbook(grids)).toBe(true);
    const { findings, tables } = checkFilledTables(grids);
    expect(findings.map((f) => `${f.rule} ${f.location.sheet ?? ''}!${f.location.cell ?? ''} ${f.message}`)).toEqual([]);
    expect(tables).toHaveLength(count);
    expect(new Set(tables.map((t) => t.family).filter((f) => f !== null))).toEqual(new Set([style]));
  });
});

test('an error planted in a generated workbook is found at its cell', async () => {
  const grids = await roundTrip(exampleBLines(), 'national');
  const expense = checkFilledTables(grids).tables.find((t) => t.kind === 'expense')!;
  const first = expense.blocks[0].rows.find((r) => r.code === '20701')!;
  const cell = first.cells[0]!;
  const sheet = grids.sheets.find((g) => g.name === expense.sheet)!;
  const origin = sheet.origin ?? { row: 1, col: 1 };
  const planted = withCell(grids, sheet.name, cell.row - origin.row, cell.col - origin.col, (cell.fen + 1_000_000) / 1_000_000);
  const { findings } = checkFilledTables(planted);
  expect(findings.filter((f) => f.location.cell === cell.address).map((f) => f.rule).sort()).toEqual(['TABLES.HIERARCHY_SUM', 'TABLES.ROW_SUM']);
  expect(expense.amountUnit).toBe('wan');
  expect(expense.blocks[0].rows.length).toBeGreaterThan(30);
});
