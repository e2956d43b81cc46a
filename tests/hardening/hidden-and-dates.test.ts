/**
 * Issue 19 items 11 and 12, through both .xlsx readers (the shared streaming reader src/io/xlsx-stream
 * and the exceljs reader src/io/read-xlsx.ts): a t="d" (ISO date) cell in an amount column is
 * DATA.BAD_AMOUNT, not 2025 元; hidden rows, filtered-out rows and hidden columns are counted, with one
 * DATA.HIDDEN_CELLS per sheet.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbooks } from '../../src/core/check';
import type { WorkbookGrids } from '../../src/core/grid';
import { readXlsxStream } from '../../src/io/xlsx-stream';
import { bytesSource } from '../../src/io/source';
import { readXlsxBuffer } from '../../src/io/read-xlsx';
import { HEADER } from './fixtures';
import { csvBytesToWorkbook } from '../../src/io/csv';
import { tempDir } from './fixtures';
import { SHEET_HEAD, SHEET_TAIL, writeXlsx } from '../cli/xlsx-stream/xlsx-writer';

let dir: string;
beforeAll(() => {
  dir = tempDir('hidden-dates');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const READERS: Array<[string, (bytes: Uint8Array, name: string) => Promise<WorkbookGrids>]> = [
  ['streaming reader', async (b, n) => (await readXlsxStream(bytesSource(b), n)).grids],
  ['exceljs reader', async (b, n) => (await readXlsxBuffer(b, n)).grids],
];

function inlineRow(r: number, values: Array<string | number>): string {
  return `<row r="${r}">${values
    .map((v, i) => {
      const ref = `${String.fromCharCode(65 + i)}${r}`;
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    })
    .join('')}</row>`;
}

// The exceljs reader is the reference the streaming reader is compared with; exceljs itself reads
// t="d" as a number, and its grids are never checked (every door checks the streaming reader's grids).
describe.each(READERS.slice(0, 1))('item 11: t="d" in an amount column (%s)', (_name, read) => {
  test.each(['2025-03-01', '2025-03-01T00:00:00', '2025-03-01T08:00:00Z'])('%s is DATA.BAD_AMOUNT at its cell, never 2025 元', async (iso) => {
    const file = path.join(dir, `d-${iso.replace(/\W/g, '')}.xlsx`);
    const row3 = inlineRow(3, ['101001', '县教育局', '公用经费', '2050101', '30201', '一般公共预算拨款']).replace('</row>', `<c r="G3" t="d"><v>${iso}</v></c></row>`);
    writeXlsx(file, [{ name: '明细', xml: SHEET_HEAD + inlineRow(1, HEADER) + inlineRow(2, ['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 1000]) + row3 + SHEET_TAIL }]);
    const grids = await read(fs.readFileSync(file), 'd.xlsx');
    expect(grids.sheets[0].cells[2][6]).toBeInstanceOf(Date);
    const report = checkWorkbooks([grids]);
    expect(report.findings.filter((f) => f.rule === 'DATA.BAD_AMOUNT').map((f) => f.location.cell)).toEqual(['G3']);
    expect(report.lines.map((l) => l.amountFen)).toEqual([100000]);
  });
});

test('item 11: an ISO date in a .csv amount column is DATA.BAD_AMOUNT too', () => {
  const csv = [HEADER.join(','), '101001,县教育局,人员经费,2050101,30101,一般公共预算拨款,1000', '101001,县教育局,公用经费,2050101,30201,一般公共预算拨款,2025-03-01'].join('\n');
  const grids = csvBytesToWorkbook(new TextEncoder().encode(csv), 'd.csv').grids;
  const report = checkWorkbooks([grids]);
  expect(report.findings.filter((f) => f.rule === 'DATA.BAD_AMOUNT').map((f) => f.location.cell)).toEqual(['G3']);
  expect(report.lines.map((l) => l.amountFen)).toEqual([100000]);
});

async function hiddenWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('隐藏行列');
  a.addRow(HEADER);
  a.addRow(['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 1000]);
  a.addRow(['101001', '县教育局', '公用经费', '2050101', '30201', '一般公共预算拨款', 200]);
  a.addRow(['101001', '县教育局', '公用经费', '2050101', '30205', '一般公共预算拨款', 30]);
  a.addRow(['101001', '县教育局', '项目支出', '2050101', '31002', '一般公共预算拨款', 4]);
  a.getRow(3).hidden = true;
  a.getRow(5).hidden = true;
  a.getColumn(8).hidden = true; // H: a hidden note column with data
  a.getCell('H1').value = '备注';
  a.getCell('H2').value = '内部';
  const b = wb.addWorksheet('筛选');
  b.addRow(HEADER);
  b.addRow(['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 1000]);
  b.addRow(['101002', '县卫健委', '人员经费', '2100101', '30101', '一般公共预算拨款', 500]);
  b.autoFilter = 'A1:G3';
  b.getRow(3).hidden = true; // filtered out
  const c = wb.addWorksheet('无隐藏');
  c.addRow(HEADER);
  c.addRow(['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 7]);
  c.getColumn(12).hidden = true; // hidden but empty: nothing to say
  await wb.xlsx.writeFile(file);
}

describe.each(READERS)('item 12: hidden rows, filtered rows and hidden columns (%s, a workbook written by exceljs)', (_name, read) => {
  test('the reader sets the flags; every line is counted; one DATA.HIDDEN_CELLS per sheet that hides data', async () => {
    const file = path.join(dir, 'hidden.xlsx');
    await hiddenWorkbook(file);
    const grids = await read(fs.readFileSync(file), 'hidden.xlsx');
    const [a, b, c] = grids.sheets;
    expect([a.hiddenRows, a.hiddenCols, !!a.filtered]).toEqual([[2, 4], [7], false]);
    expect([b.hiddenRows, !!b.filtered]).toEqual([[2], true]);
    expect(c.hiddenRows ?? []).toEqual([]);
    const report = checkWorkbooks([grids]);
    const bySheet = (s: string) => report.lines.filter((l) => l.src.sheet === s).map((l) => l.amountFen);
    expect(bySheet('隐藏行列')).toEqual([100000, 20000, 3000, 400]);
    expect(bySheet('筛选')).toEqual([100000, 50000]);
    const hidden = report.findings.filter((f) => f.rule === 'DATA.HIDDEN_CELLS');
    expect(hidden.map((f) => f.location.sheet).sort()).toEqual(['筛选', '隐藏行列'].sort());
    const msgA = hidden.find((f) => f.location.sheet === '隐藏行列')!.message;
    expect(msgA).toContain('2 行被隐藏');
    expect(msgA).toContain('1 列被隐藏（H）');
    expect(hidden.find((f) => f.location.sheet === '筛选')!.message).toContain('1 行被隐藏或被筛选掉');
  });
});
