/**
 * The streaming reader gives the same grids as the exceljs reader (src/cli/read-xlsx.ts), so the CLI
 * may use either without changing a finding: on every example workbook, on workbooks exceljs writes
 * with every kind of cell, and on hand-written sheet XML with the constructs exceljs never writes
 * (inline strings, t="str", cells without r=, phonetic guides, _xHHHH_ escapes, custom date formats).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsx } from '../../../src/cli/file-source';
import { readXlsxFile as readXlsxStream } from '../../../src/cli/file-source';
import type { Grid } from '../../../src/core/grid';
import { SHEET_HEAD, SHEET_TAIL, writeXlsx } from './xlsx-writer';

const EXAMPLES = path.join(__dirname, '../../../examples');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-stream-eq-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function both(file: string): Promise<{ stream: Grid[]; exceljs: Grid[] }> {
  const a = await readXlsxStream(file, 'x.xlsx');
  const b = await readXlsx(file, 'x.xlsx');
  expect(a.grids.file).toBe('x.xlsx');
  return { stream: [...a.grids.sheets], exceljs: [...b.grids.sheets] };
}

async function viaExcelJs(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('same grids as exceljs', () => {
  const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx'));

  test('there are example workbooks to compare', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  test.each(examples)('examples/%s', async (f) => {
    const { stream, exceljs } = await both(path.join(EXAMPLES, f));
    expect(stream.length).toBeGreaterThan(0);
    expect(stream).toEqual(exceljs);
  });

  test('every kind of cell exceljs writes, merges, hidden/protected sheets, odd names', async () => {
    const date = new Date(Date.UTC(2025, 2, 31, 12, 30));
    const file = await viaExcelJs('kinds.xlsx', (wb) => {
      const ws = wb.addWorksheet("it's 明细 表");
      ws.getCell('A1').value = 'XX单位2025年部门预算明细表';
      ws.mergeCells('A1:F1');
      ws.getCell('A2').value = '单位名称';
      ws.getCell('B2').value = { richText: [{ text: '金额' }, { font: { bold: true }, text: '（万元）' }] };
      ws.getCell('C2').value = '  前后空格  ';
      ws.getCell('D2').value = '换行\n第二行';
      ws.getCell('E2').value = '<&>"\'';
      ws.getCell('A3').value = '县教育局';
      ws.mergeCells('A3:A5');
      ws.getCell('B3').value = 12.5;
      ws.getCell('C3').value = -0.1;
      ws.getCell('D3').value = 1e21;
      ws.getCell('E3').value = 123456789012.34;
      ws.getCell('F3').value = 0;
      ws.getCell('B4').value = true;
      ws.getCell('C4').value = false;
      ws.getCell('D4').value = date;
      ws.getCell('E4').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('F4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('B5').value = { formula: 'B3*2', result: 25 } as ExcelJS.CellFormulaValue;
      ws.getCell('C5').value = { formula: 'B3-B3', result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell('D5').value = { formula: 'SUM(B3:B4)' } as ExcelJS.CellFormulaValue;
      ws.getCell('E5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('F5').value = { formula: '"文字"', result: '文字' } as ExcelJS.CellFormulaValue;
      ws.getCell('G5').value = { formula: 'TRUE()', result: true } as ExcelJS.CellFormulaValue;
      ws.getCell('H5').value = { formula: 'TODAY()', result: date } as ExcelJS.CellFormulaValue;
      ws.getCell('A6').value = 1;
      ws.getCell('A7').value = 2;
      ws.getCell('B6').value = { formula: 'A6*10', result: 10, shareType: 'shared', ref: 'B6:B8' } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('B7').value = { sharedFormula: 'B6', result: 20 } as unknown as ExcelJS.CellSharedFormulaValue;
      ws.getCell('B8').value = { sharedFormula: 'B6' } as unknown as ExcelJS.CellSharedFormulaValue;
      ws.getCell('C6').value = { text: '政策文件', hyperlink: 'https://example.invalid/a' };
      ws.getCell('D6').numFmt = '0.00'; // styled but empty
      ws.getCell('E6').value = 3.5;
      ws.getCell('E6').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('F6').value = 45000;
      ws.getCell('F6').numFmt = '#,##0.00;[Red]-#,##0.00';
      ws.getCell('Z40').value = 'sparse far cell';
      ws.getCell('B1000').value = 'sparse far row';
      ws.mergeCells('C30:E32');
      const hidden = wb.addWorksheet('隐藏 sheet');
      hidden.state = 'hidden';
      hidden.getCell('A1').value = 'y';
      const very = wb.addWorksheet('very "hidden"');
      very.state = 'veryHidden';
      very.getCell('B2').value = 2;
      const prot = wb.addWorksheet('保护');
      prot.getCell('A1').value = 'z';
      void prot.protect('pw', {});
      wb.addWorksheet('空表');
    });
    const { stream, exceljs } = await both(file);
    expect(stream).toEqual(exceljs);
    // Pin down what "equal" covers, so a reader that lost everything would not pass.
    expect(stream.map((g) => [g.name, g.hidden, g.protected])).toEqual([
      ["it's 明细 表", false, false],
      ['隐藏 sheet', true, false],
      ['very "hidden"', true, false],
      ['保护', false, true],
      ['空表', false, false],
    ]);
    const g = stream[0];
    expect(g.cells[1]).toEqual(['单位名称', '金额（万元）', '  前后空格  ', '换行\n第二行', '<&>"\'']);
    expect(g.cells[2]).toEqual(['县教育局', 12.5, -0.1, 1e21, 123456789012.34, 0]);
    expect(g.cells[3]).toEqual([null, true, false, date, { error: '#REF!' }, { error: '#N/A' }]);
    expect(g.cells[4]).toEqual([null, 25, 0, { error: '#NO_CACHE' }, { error: '#DIV/0!' }, '文字', true, date]);
    // A custom 年月日 format is a date format (the built-in id 31 is not: see the hand-written test).
    expect(g.cells[5].slice(0, 6)).toEqual([1, 10, '政策文件', null, new Date(Date.UTC(1900, 0, 2, 12)), 45000]);
    expect(g.cells[6].slice(0, 2)).toEqual([2, 20]);
    expect(g.cells[7][1]).toEqual({ error: '#NO_CACHE' });
    expect(g.cells[39][25]).toBe('sparse far cell');
    expect(g.cells[999]).toEqual([null, 'sparse far row']);
    expect(g.cells).toHaveLength(1000);
    expect(g.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 2, left: 0, bottom: 4, right: 0 },
      { top: 29, left: 2, bottom: 31, right: 4 },
    ]);
    expect(stream[4].cells).toEqual([]);
  });

  test('the 1904 date system', async () => {
    const date = new Date(Date.UTC(2024, 1, 29));
    const file = await viaExcelJs('d1904.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('日期');
      ws.getCell('A1').value = date;
      ws.getCell('A2').value = 100;
    });
    const { stream, exceljs } = await both(file);
    expect(stream).toEqual(exceljs);
    expect(stream[0].cells[0]).toEqual([date]);
  });

  test('hand-written XML: inline strings, t="str", cells without r=, escapes, phonetic guides, date formats', async () => {
    const strings = ['普通', 'a_x000D_b', '', 'x&amp;y'];
    const sst =
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      strings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('') +
      '<si><r><rPr><b/></rPr><t>粗</t></r><r><t>体_x0041_</t></r></si>' + // 4: rich text
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' + // 5: phonetic guide
      '<si/>' + // 6: no text at all
      '</sst>';
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="177" formatCode="&quot;年&quot;0.00"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"><alignment wrapText="1"/></xf><xf numFmtId="177"/><xf numFmtId="31"/><xf numFmtId="4"/></cellXfs>' +
      '<dxfs count="1"><dxf><numFmt numFmtId="178" formatCode="yyyy"/></dxf></dxfs>' +
      '</styleSheet>';
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t>行内&lt;文本&gt;</t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t xml:space="preserve"> 文本_x0042_</t></r></is></c>' +
        '<c r="C2" t="str"><v>公式文本 &amp;amp; 二次解码</v></c><c r="D2" t="inlineStr"><is><t></t></is></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="b"><v>0</v></c><c r="G2" t="e"><v>#VALUE!</v></c></row>',
      '<row r="4"><c r="A4" t="n"><v>1</v></c><c><v>2.50</v></c><c r="E4"><v>-3</v></c><c><v> 7 </v></c><c><v>1E-3</v></c><c><v>12345678901234567890</v></c></row>',
      '<row r="5"><c r="A5" s="1"><v>45000</v></c><c r="B5" s="2"><v>45000.5</v></c><c r="C5" s="3"><v>45000</v></c><c r="D5" s="4"><v>45000</v></c><c r="E5" s="5"><v>45000</v></c><c r="F5" s="0"><v>45000</v></c><c r="G5" s="1"/></row>',
      '<row r="6"><c r="A6" t="str"><f>A1&amp;"x"</f><v>普通x</v></c><c r="B6" t="b"><f>TRUE()</f><v>1</v></c><c r="C6" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D6"><f>1+1</f><v>2</v></c><c r="E6"><f>1+1</f><v></v></c><c r="F6"><f>1+1</f></c>' +
        '<c r="G6" s="1"><f>TODAY()</f><v>45001</v></c><c r="H6" s="1" t="e"><f>NA()</f><v>#N/A</v></c><c r="I6" s="1" t="str"><f>"x"</f><v>x</v></c><c r="J6" t="shared"><f t="shared" si="0"/><v>5</v></c><c r="K6"><f t="shared" si="0"/></c></row>',
      '<row r="7" spans="1:3"><c r="A7" s="5"/><c r="B7"/><c r="C7" t="s"><v>2</v></c></row>',
      '<row r="9"><c r="C9" t="inlineStr"><is><t>only C</t></is></c></row>',
      '<row r="12"><c r="A12"><v>1</v></c></row><row r="11"><c r="B11"><v>11</v></c></row>', // rows out of order
      '<row r="3"><c r="A3"><v>3</v></c></row>',
      '<row r="13"><c r="A13" s="5"/></row>', // a trailing row with no value
    ];
    const xml = SHEET_HEAD + rows.join('\n') + '</sheetData><sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="A9:C9"/></mergeCells>' + SHEET_TAIL.replace('</sheetData>', '');
    const file = path.join(dir, 'hand.xlsx');
    writeXlsx(file, [{ name: 'R&D 表', xml }], { stylesXml: styles, extraParts: [{ name: 'xl/sharedStrings.xml', body: sst }] });
    const { stream, exceljs } = await both(file);
    expect(stream).toEqual(exceljs);
    const c = stream[0].cells;
    expect(stream[0].name).toBe('R&D 表');
    expect(stream[0].protected).toBe(true);
    expect(c[0]).toEqual(['普通', 'a\rb', '', 'x&y', '粗体A', '漢字']);
    expect(c[1]).toEqual(['行内<文本>', '富 文本B', '公式文本 & 二次解码', undefined, true, false, { error: '#VALUE!' }].map((v) => (v === undefined ? null : v)));
    expect(c[2]).toEqual([3]);
    expect(c[3]).toEqual([1, 2.5, null, null, -3, 7, 0.001, 12345678901234567000]);
    expect(c[4].slice(0, 6)).toEqual([new Date(Date.UTC(2023, 2, 15)), new Date(Date.UTC(2023, 2, 15, 12)), 45000, 45000, 45000, 45000]);
    expect(c[5]).toEqual(['普通x', true, { error: '#DIV/0!' }, 2, { error: '#NO_CACHE' }, { error: '#NO_CACHE' }, new Date(Date.UTC(2023, 2, 16)), { error: '#VALUE!' }, { error: '#VALUE!' }, 5, { error: '#NO_CACHE' }]);
    expect(c[6]).toEqual([null, null, '']);
    expect(c[8]).toEqual([]); // C9 lies under the merge A9:C9, whose top-left is empty
    expect(c[10]).toEqual([null, 11]);
    expect(c[11]).toEqual([1]);
    expect(c).toHaveLength(12);
  });
});
