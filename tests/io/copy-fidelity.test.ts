/**
 * The review workbook's copy of an input sheet is faithful (SPEC §4.2: the input sheets are copied,
 * then the offending cells are filled and noted): formulas stay formulas with their cached results
 * (shared formulas too), hidden rows stay hidden, and the sheet's data validations, conditional
 * formatting and print setup (area, titles, orientation, fit, margins, header/footer) are carried
 * over. Checked by reading the written workbook back with exceljs, through `check --out` (the CLI's
 * own code path, in process), and through the in-memory and streaming writers from an exceljs load
 * (the page's path).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { streamReviewWorkbook } from '../../src/cli/write-outputs';
import { checkWorkbooks } from '../../src/core/check';
import { readXlsxBuffer } from '../../src/io/read-xlsx';
import { buildReviewWorkbook } from '../../src/io/review-workbook';
import { readXlsxFormats, slideFormula } from '../../src/io/xlsx-stream/formats';
import { fileSource } from '../../src/cli/file-source';
import { cli } from '../cli/run-cli';

const SHEET = '预算明细';
const HEADER = ['单位编码', '单位名称', '单位性质', '支出类型', '项目编码', '项目名称', '功能分类科目编码', '功能分类科目名称', '经济分类科目编码', '经济分类科目名称', '资金来源', '本年预算数', '上年预算数'];
const AMOUNTS = [949680.67, 1414165.15, 300000, 120000, 80000, 56000, 43000, 21000];
const TOTAL = AMOUNTS.reduce((a, b) => a + b, 0);

let dir: string;
let input: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-copy-fidelity-'));
  input = path.join(dir, 'input.xlsx');
  await writeInput(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A 预算明细 sheet (title, unit line, header, eight budget lines, a 合计 row) with everything the copy must keep. */
async function writeInput(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET, {
    pageSetup: {
      paperSize: 9 as unknown as ExcelJS.PageSetup['paperSize'],
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.3, top: 0.6, bottom: 0.5, header: 0.2, footer: 0.25 },
      printArea: 'A1:M12',
      printTitlesRow: '1:3',
      horizontalCentered: true,
    },
    headerFooter: { oddHeader: '&C预算明细', oddFooter: '第 &P 页，共 &N 页' } as ExcelJS.HeaderFooter,
  });
  ws.getCell('A1').value = '2025年县教育局部门预算明细表';
  ws.getCell('A2').value = '编制部门：县教育局';
  ws.getCell('M2').value = '单位：元';
  ws.getRow(3).values = HEADER;
  AMOUNTS.forEach((amount, i) => {
    const r = 4 + i;
    ws.getRow(r).values = ['105001', '县教育局', '行政单位', '人员经费', '', '', '2050101', '行政运行', `3010${(i % 9) + 1}`, '基本工资', '一般公共预算拨款', amount];
    // 上年预算数 as a shared formula filled down from M4 (Excel saves filled formulas so).
    ws.getCell(r, 13).value = (i === 0
      ? { formula: 'L4*0.9', result: amount * 0.9, shareType: 'shared', ref: 'M4:M11' }
      : { sharedFormula: 'M4', result: amount * 0.9 }) as ExcelJS.CellValue;
  });
  ws.getCell('A12').value = '合计';
  ws.getCell('L12').value = { formula: 'SUM(L4:L11)', result: TOTAL };
  ws.getRow(10).hidden = true;
  ws.getColumn(11).hidden = true; // K
  ws.getColumn(2).width = 18;
  (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('C4:C11', {
    type: 'list', allowBlank: true, formulae: ['"行政单位,事业单位"'], showErrorMessage: true, errorTitle: '单位性质', error: '请从列表中选择',
  });
  ws.addConditionalFormatting({
    ref: 'L4:L11',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['1000000'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } } }],
  });
  await wb.xlsx.writeFile(file);
}

function formulaOf(c: ExcelJS.Cell): { formula?: string; result?: unknown } {
  const v = c.value as ExcelJS.CellFormulaValue | null;
  if (!v || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return {};
  return { formula: c.formula, result: c.result };
}

/** The copy keeps formulas with their cached results, shared formulas included. */
function expectFormulas(ws: ExcelJS.Worksheet): void {
  expect(formulaOf(ws.getCell('L12'))).toEqual({ formula: 'SUM(L4:L11)', result: TOTAL });
  expect(formulaOf(ws.getCell('M4'))).toEqual({ formula: 'L4*0.9', result: AMOUNTS[0] * 0.9 });
  expect(formulaOf(ws.getCell('M9'))).toEqual({ formula: 'L9*0.9', result: AMOUNTS[5] * 0.9 });
  expect(ws.getCell('L4').value).toBe(AMOUNTS[0]);
}

/** The copy keeps hidden rows, validations, conditional formats and print setup. */
function expectSheetSetup(ws: ExcelJS.Worksheet): void {
  expect(ws.getRow(10).hidden).toBe(true);
  expect(ws.getRow(9).hidden).toBe(false);
  expect(ws.getColumn(11).hidden).toBe(true);
  expect(ws.getCell('C5').dataValidation).toMatchObject({ type: 'list', formulae: ['"行政单位,事业单位"'], showErrorMessage: true, error: '请从列表中选择' });
  expect(ws.getCell('C12').dataValidation).toBeUndefined();
  const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
  expect(cfs).toHaveLength(1);
  expect(cfs[0].ref).toBe('L4:L11');
  expect(cfs[0].rules[0]).toMatchObject({ type: 'cellIs', operator: 'greaterThan', formulae: ['1000000'] });
  expect((cfs[0].rules[0] as { style?: Partial<ExcelJS.Style> }).style?.fill).toMatchObject({ bgColor: { argb: 'FFFFC7CE' } });
  expect(ws.pageSetup).toMatchObject({
    orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, horizontalCentered: true,
    margins: { left: 0.4, right: 0.3, top: 0.6, bottom: 0.5, header: 0.2, footer: 0.25 },
    printArea: 'A1:M12', printTitlesRow: '1:3',
  });
  expect(ws.headerFooter).toMatchObject({ oddHeader: '&C预算明细', oddFooter: '第 &P 页，共 &N 页' });
}

async function readBack(file: string | Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET);
  expect(ws).toBeDefined();
  return ws!;
}

describe('copy of an input sheet into the review workbook', () => {
  it('check --out keeps formulas (with cached results, shared formulas too)', async () => {
    const out = path.join(dir, 'review-cli.xlsx');
    const run = await cli('check', input, '--out', out);
    expect(run.stderr).toBe('');
    const ws = await readBack(out);
    expectFormulas(ws);
    // The values and the column layout stay as before.
    expect(ws.getCell('B4').value).toBe('县教育局');
    expect(ws.getColumn(11).hidden).toBe(true);
    expect(ws.getColumn(2).width).toBe(18);
  });

  // Hidden rows, validations, conditional formats and print setup reach the CLI's copy through
  // src/cli/copy-formats.ts, which passes the format pass's `hiddenRows` and `setup` into the SheetLook.
  it('check --out keeps hidden rows, validations, conditional formats and print setup', async () => {
    const out = path.join(dir, 'review-cli-setup.xlsx');
    await cli('check', input, '--out', out);
    expectSheetSetup(await readBack(out));
  });

  it('the format pass reads formulas, hidden rows, validations, conditional formats and print setup', async () => {
    const f = await readXlsxFormats(fileSource(input));
    const s = f.sheets.find((x) => x.name === SHEET)!;
    expect(s.formulas.get('12,12')).toBe('SUM(L4:L11)');
    expect(s.formulas.get('4,13')).toBe('L4*0.9');
    expect(s.formulas.get('11,13')).toBe('L11*0.9');
    expect(s.hiddenRows).toEqual([10]);
    expect(s.setup?.dataValidations).toEqual([{ range: 'C4:C11', validation: expect.objectContaining({ type: 'list', formulae: ['"行政单位,事业单位"'], allowBlank: true }) }]);
    expect(s.setup?.conditionalFormattingXml).toHaveLength(1);
    expect(s.setup?.conditionalFormattingXml[0]).toMatch(/^<conditionalFormatting sqref="L4:L11"><cfRule [^>]*type="cellIs"[^>]*>.*<formula>1000000<\/formula><\/cfRule><\/conditionalFormatting>$/);
    expect(s.setup?.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printArea: 'A1:M12', printTitlesRow: '1:3', horizontalCentered: true, margins: { left: 0.4, footer: 0.25 } });
    expect(s.setup?.headerFooter).toEqual({ oddHeader: '&C预算明细', oddFooter: '第 &P 页，共 &N 页' });
  });

  it('from an exceljs load (the page), both writers keep formulas, hidden rows, validations, conditional formats and print setup', async () => {
    const { grids, workbook } = await readXlsxBuffer(fs.readFileSync(input), 'input.xlsx');
    const report = checkWorkbooks([grids]);
    const sources = [{ display: 'input.xlsx', grids, workbook }];
    const memory = await readBack(Buffer.from(await buildReviewWorkbook(report, sources).xlsx.writeBuffer()));
    expectFormulas(memory);
    expectSheetSetup(memory);
    const out = path.join(dir, 'review-stream.xlsx');
    await streamReviewWorkbook(report, sources, {}, out);
    const streamed = await readBack(out);
    expectFormulas(streamed);
    expectSheetSetup(streamed);
  });

  it('moves a shared formula to another cell as Excel does', () => {
    expect(slideFormula('L4*0.9+$L$4+L$4+$L4', 4, 13, 6, 14)).toBe('M6*0.9+$L$4+M$4+$L6');
    expect(slideFormula('SUM(L4:L11)+LOG10(A1)&"A1"', 4, 13, 5, 13)).toBe('SUM(L5:L12)+LOG10(A2)&"A1"');
    expect(slideFormula("'明细 表'!B2*2", 1, 1, 3, 1)).toBe("'明细 表'!B4*2");
  });
});
