/**
 * The review workbook's copy of an input sheet keeps shared and array formulas as Excel shows them:
 * each cell of a shared formula gets the master's text moved to it (relative references shift, $ ones
 * stay, whole columns and rows too), an array formula keeps its range (<f t="array" ref=…>), and every
 * cell keeps its cached value. The input is raw sheet XML (exceljs cannot write shared formulas), read
 * through `check --out` itself, the streaming writer from the format pass, and an exceljs load (the page).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadInput, loadWorkbooks, LoadedInput } from '../../src/cli/inputs';
import { streamReviewWorkbook } from '../../src/cli/write-outputs';
import { checkWorkbooks } from '../../src/core/check';
import { readXlsxBuffer } from '../../src/io/read-xlsx';
import { buildReviewWorkbook } from '../../src/io/review-workbook';
import { slideFormula } from '../../src/io/xlsx-stream/shared-formula';
import { cli } from './run-cli';
import { SHEET_HEAD, SHEET_TAIL, writeXlsx, xmlFormula as fml, xmlNum as num, xmlStr as str } from './xlsx-stream/xlsx-writer';

const SHEET = '明细';
const PARAMS = '参数';

let dir: string;
let input: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-copy-formulas-'));
  input = path.join(dir, 'input.xlsx');
  writeInput(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


/**
 * 明细: A2:A5 = 1..4; B2:B5 shared =A2*2; C2:C3 one array formula =A2:A3*10; D2:E2 shared across
 * columns =SUM(A:A)+$A$2; F2:F4 shared =参数!A2+B$2; G2:G3 shared =SUM(参数!1:1); H2:H3 shared with a
 * string literal that looks like a reference. 参数: A1:A5 = 100..500.
 */
function writeInput(file: string): void {
  const rows = [
    `<row r="1">${['金额', '上年预算数', '测算', '合计', '合计2', '调整', '行合计', '说明'].map((h, i) => str(`${'ABCDEFGH'[i]}1`, h)).join('')}</row>`,
    `<row r="2">${num('A2', 1)}${fml('B2', '<f t="shared" ref="B2:B5" si="0">A2*2</f>', 2)}${fml('C2', '<f t="array" ref="C2:C3">A2:A3*10</f>', 10)}` +
      `${fml('D2', '<f t="shared" ref="D2:E2" si="1">SUM(A:A)+$A$2</f>', 11)}${fml('E2', '<f t="shared" si="1"/>', 21)}` +
      `${fml('F2', '<f t="shared" ref="F2:F4" si="2">参数!A2+B$2</f>', 202)}${fml('G2', '<f t="shared" ref="G2:G3" si="3">SUM(参数!1:1)</f>', 100)}` +
      `${fml('H2', '<f t="shared" ref="H2:H3" si="4">IF(A2&gt;2,"A2",B2)</f>', 2)}</row>`,
    `<row r="3">${num('A3', 2)}${fml('B3', '<f t="shared" si="0"/>', 4)}${num('C3', 20)}${fml('F3', '<f t="shared" si="2"/>', 302)}` +
      `${fml('G3', '<f t="shared" si="3"/>', 200)}${fml('H3', '<f t="shared" si="4"/>', 4)}</row>`,
    `<row r="4">${num('A4', 3)}${fml('B4', '<f t="shared" si="0"/>', 6)}${fml('F4', '<f t="shared" si="2"/>', 402)}</row>`,
    `<row r="5">${num('A5', 4)}${fml('B5', '<f t="shared" si="0"/>', 8)}</row>`,
  ];
  const params = [1, 2, 3, 4, 5].map((r) => `<row r="${r}">${num(`A${r}`, r * 100)}</row>`);
  writeXlsx(file, [
    { name: SHEET, xml: SHEET_HEAD + rows.join('') + SHEET_TAIL },
    { name: PARAMS, xml: SHEET_HEAD + params.join('') + SHEET_TAIL },
  ]);
}

/** Every formula cell of 明细 as Excel shows it in the input: formula text and cached value. */
const EXPECTED: Record<string, { formula: string; result: number }> = {
  B2: { formula: 'A2*2', result: 2 },
  B3: { formula: 'A3*2', result: 4 },
  B4: { formula: 'A4*2', result: 6 },
  B5: { formula: 'A5*2', result: 8 },
  C2: { formula: 'A2:A3*10', result: 10 },
  D2: { formula: 'SUM(A:A)+$A$2', result: 11 },
  E2: { formula: 'SUM(B:B)+$A$2', result: 21 },
  F2: { formula: '参数!A2+B$2', result: 202 },
  F3: { formula: '参数!A3+B$2', result: 302 },
  F4: { formula: '参数!A4+B$2', result: 402 },
  G2: { formula: 'SUM(参数!1:1)', result: 100 },
  G3: { formula: 'SUM(参数!2:2)', result: 200 },
  H2: { formula: 'IF(A2>2,"A2",B2)', result: 2 },
  H3: { formula: 'IF(A3>2,"A2",B3)', result: 4 },
};

/** Cells without a formula: the values column, and the array formula's other cell (its cached value only). */
const VALUES: Record<string, number> = { A2: 1, A3: 2, A4: 3, A5: 4, C3: 20 };

async function sheetXml(buf: Buffer, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

/** The copy of 明细 in a review workbook: every cell's formula and cached value, and the array formula's XML. */
async function expectFormulas(out: Buffer): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET)!;
  const got: Record<string, { formula: string | undefined; result: unknown }> = {};
  for (const at of Object.keys(EXPECTED)) got[at] = { formula: ws.getCell(at).formula, result: ws.getCell(at).result };
  expect(got).toEqual(EXPECTED);
  for (const [at, v] of Object.entries(VALUES)) expect({ at, value: ws.getCell(at).value, formula: ws.getCell(at).formula }).toEqual({ at, value: v, formula: undefined });
  // The array formula is one formula over C2:C3, as in the input; every other formula is a normal one.
  expect(ws.getCell('C2').value).toEqual({ formula: 'A2:A3*10', result: 10, shareType: 'array', ref: 'C2:C3' });
  const xml = await sheetXml(out, SHEET);
  expect(xml).toContain('<c r="C2"><f t="array" ref="C2:C3">A2:A3*10</f><v>10</v></c>');
  expect(xml).toMatch(/<c r="C3"><v>20<\/v><\/c>/);
  expect(xml.match(/<f[ >]/g)).toHaveLength(Object.keys(EXPECTED).length);
  expect(xml).not.toContain('t="shared"');
}

describe('shared and array formulas in the review workbook', () => {
  it('check --out copies each cell with the formula Excel shows and its cached value', async () => {
    const out = path.join(dir, 'review.xlsx');
    const run = await cli('check', input, '--out', out);
    expect(run.stderr).toBe('');
    await expectFormulas(fs.readFileSync(out));
  });

  it('the streaming writer, from the format pass, does the same', async () => {
    const x = (await loadInput(input, 'input.xlsx', undefined, true)) as LoadedInput;
    await loadWorkbooks([x]);
    expect(x.looks).toBeDefined();
    const sources = [{ display: x.display, grids: x.grids, looks: x.looks }];
    const out = path.join(dir, 'streamed.xlsx');
    await streamReviewWorkbook(checkWorkbooks([x.grids]), sources, {}, out);
    await expectFormulas(fs.readFileSync(out));
  });

  it('from an exceljs load (the page), both writers do the same', async () => {
    const { grids, workbook } = await readXlsxBuffer(fs.readFileSync(input), 'input.xlsx');
    const report = checkWorkbooks([grids]);
    const sources = [{ display: 'input.xlsx', grids, workbook }];
    await expectFormulas(Buffer.from(await buildReviewWorkbook(report, sources).xlsx.writeBuffer()));
    const out = path.join(dir, 'page-streamed.xlsx');
    await streamReviewWorkbook(report, sources, {}, out);
    await expectFormulas(fs.readFileSync(out));
  });
});

describe('slideFormula', () => {
  it.each([
    // [master text, from row, col, to row, col, text in the other cell]
    ['A2*2', 2, 2, 5, 2, 'A5*2'],
    ['SUM($A$2:A2)', 2, 2, 4, 2, 'SUM($A$2:A4)'],
    ['L4*0.9+$L$4+L$4+$L4', 4, 13, 6, 14, 'M6*0.9+$L$4+M$4+$L6'],
    ["Sheet2!A2+'明 细'!B$2+明细!C2", 2, 2, 3, 3, "Sheet2!B3+'明 细'!C$2+明细!D3"],
    ['SUM(A:A)+SUM($A:B)', 1, 2, 1, 4, 'SUM(C:C)+SUM($A:D)'],
    ['SUM(2:2)+SUM($2:3)', 2, 5, 4, 5, 'SUM(4:4)+SUM($2:5)'],
    ['_xlfn.XLOOKUP(A2,B:B,C:C)', 2, 4, 3, 5, '_xlfn.XLOOKUP(B3,C:C,D:D)'],
    ['IF(A2>0,"A2",B2)&"say ""B2"""', 2, 3, 3, 3, 'IF(A3>0,"A2",B3)&"say ""B2"""'],
    ['LOG10(A2)+ATAN2(A2,B2)', 2, 2, 3, 2, 'LOG10(A3)+ATAN2(A3,B3)'],
    ['SUM(Sheet1:Sheet3!A2)', 2, 2, 3, 2, 'SUM(Sheet1:Sheet3!A3)'],
    ['[1]Sheet1!A2', 2, 2, 3, 2, '[1]Sheet1!A3'],
    ['Table1[[#This Row],[FY2024]]*A2', 2, 2, 3, 2, 'Table1[[#This Row],[FY2024]]*A3'],
    ["'It''s'!A2:B3", 2, 2, 3, 2, "'It''s'!A3:B4"],
    ['#REF!+#DIV/0!+A2', 2, 2, 3, 2, '#REF!+#DIV/0!+A3'],
    ['1E+5*A2+rate+XFE1', 2, 2, 3, 2, '1E+5*A3+rate+XFE1'],
    ['A2 B2:C3', 2, 2, 3, 3, 'B3 C3:D4'],
    ['a2*2', 2, 2, 3, 2, 'A3*2'],
    // Moved off the sheet: Excel shows #REF!.
    ['XFD1+A1', 1, 1, 1, 2, '#REF!+B1'],
    ['SUM(A1048575:A1048576)', 1, 1, 2, 1, 'SUM(#REF!)'],
  ])('%s from R%iC%i to R%iC%i is %s', (f, r0, c0, r1, c1, want) => {
    expect(slideFormula(f as string, r0 as number, c0 as number, r1 as number, c1 as number)).toBe(want);
  });
});
