/**
 * The review workbook's copy of an input sheet keeps how the sheet looks when its formats come from
 * the light format pass (src/io/xlsx-stream/formats.ts + src/cli/copy-formats.ts) instead of an exceljs
 * load of the input (issue 14): fills, fonts, number formats, borders, alignment, widths, heights,
 * merges, the frozen pane, a formula's cached value and text, and the input's notes. Checked by
 * reading the written review workbook back with exceljs, for the in-memory and the streaming writer.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileSource } from '../../src/cli/file-source';
import { loadInput, loadWorkbooks, LoadedInput } from '../../src/cli/inputs';
import { streamReviewWorkbook } from '../../src/cli/write-outputs';
import { checkWorkbooks } from '../../src/core/check';
import { flagCell } from '../../src/core/review';
import { workbookLooks } from '../../src/cli/copy-formats';
import { readXlsxBuffer } from '../../src/io/read-xlsx';
import { buildReviewWorkbook } from '../../src/io/review-workbook';
import { readXlsxFormats } from '../../src/io/xlsx-stream/formats';
import { workbookDiff } from './workbook-diff';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-copy-formats-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SHEET = '明细表';

async function styledInput(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' }] });
  ws.getCell('A1').value = 'XX县2025年部门预算明细表';
  ws.mergeCells('A1:D1');
  ws.getCell('A1').font = { name: '黑体', size: 16, bold: true, color: { argb: 'FF1F3864' } };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.getRow(2).values = ['单位名称', '经济分类科目', '金额', '备注'];
  ws.getRow(2).eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'double', color: { argb: 'FFFF0000' } }, left: { style: 'thin' }, right: { style: 'thin' } };
    c.font = { name: '宋体', size: 11, italic: true };
  });
  ws.addRow(['县教育局', '30201', 1200.5, '']);
  ws.addRow(['县教育局', '30202', 300, '']);
  ws.addRow(['合计', '', { formula: 'SUM(C3:C4)', result: 1500.5 }, '']);
  ws.getCell('C3').numFmt = '#,##0.00';
  ws.getCell('C4').numFmt = '0.00%';
  ws.getCell('C5').numFmt = '#,##0.00';
  ws.getCell('C5').font = { bold: true, underline: true };
  // A formula without a cached value shows its text in the copy.
  ws.getCell('E5').value = { formula: 'C5*2' } as ExcelJS.CellFormulaValue;
  // A styled empty cell (a bordered blank of a table) keeps its border.
  ws.getCell('D4').border = { bottom: { style: 'medium' } };
  ws.getCell('B3').note = '原表批注';
  ws.getColumn(1).width = 21;
  ws.getColumn(3).width = 14.5;
  ws.getColumn(4).hidden = true;
  ws.getRow(3).height = 22;
  await wb.xlsx.writeFile(file);
}

function report(x: LoadedInput) {
  return checkWorkbooks([x.grids]);
}

function noteText(n: unknown): string {
  if (!n) return '';
  if (typeof n === 'string') return n;
  return ((n as ExcelJS.Comment).texts ?? []).map((t) => t.text).join('');
}

/** The copied sheet against the input sheet: every input cell's value and style, and the sheet's layout. */
function expectSameLook(copy: ExcelJS.Worksheet, input: ExcelJS.Worksheet, flagged: ReadonlySet<string> = new Set()): void {
  const pick = (c: ExcelJS.Cell) => ({ font: c.font, fill: c.fill, border: c.border, alignment: c.alignment, numFmt: c.numFmt });
  input.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const out = copy.getCell(r, c);
      // A cell the review flags takes the flag's fill and note; its value and the rest stay.
      if (flagged.has(cell.address)) {
        expect({ at: cell.address, note: noteText(out.note) !== '' }).toEqual({ at: cell.address, note: true });
        expect({ at: cell.address, font: out.font, border: out.border, numFmt: out.numFmt }).toEqual({ at: cell.address, font: cell.font, border: cell.border, numFmt: cell.numFmt });
        return;
      }
      expect({ at: cell.address, ...pick(out) }).toEqual({ at: cell.address, ...pick(cell) });
    });
    expect({ r, height: copy.getRow(r).height }).toEqual({ r, height: row.height });
  });
  for (let c = 1; c <= 5; c++) {
    expect({ c, width: copy.getColumn(c).width, hidden: copy.getColumn(c).hidden }).toEqual({ c, width: input.getColumn(c).width, hidden: input.getColumn(c).hidden });
  }
  expect(copy.getCell('B1').isMerged).toBe(true);
  expect(copy.getCell('D1').isMerged).toBe(true);
  expect(copy.getCell('E1').isMerged).toBe(false);
  expect(copy.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
  expect(copy.getCell('A1').value).toBe('XX县2025年部门预算明细表');
  expect(copy.getCell('C3').value).toBe(1200.5);
  // The formula's cached value is copied (the copy holds values); one without a cache shows its text.
  expect(copy.getCell('C5').value).toEqual({ formula: 'SUM(C3:C4)', result: 1500.5 });
  expect(copy.getCell('E5').value).toEqual({ formula: 'C5*2' });
  expect(noteText(copy.getCell('B3').note)).toBe('原表批注');
}

describe('copy of an input sheet from the format pass', () => {
  it('keeps fills, fonts, number formats, borders, widths, heights, merges, frozen pane, formulas and notes', async () => {
    const file = path.join(dir, 'styled.xlsx');
    await styledInput(file);
    const x = (await loadInput(file, 'styled.xlsx')) as LoadedInput;
    await loadWorkbooks([x]);
    expect(x.looks).toBeDefined();
    expect(x.workbook).toBeUndefined();
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(file);
    const sources = [{ display: x.display, grids: x.grids, looks: x.looks }];
    const flagged = new Set(report(x).findings.filter((f) => f.location.sheet === SHEET).map(flagCell).filter((c): c is string => c !== undefined));

    // In memory (small files, the page's writer).
    const memory = new ExcelJS.Workbook();
    await memory.xlsx.load(await buildReviewWorkbook(report(x), sources).xlsx.writeBuffer());
    expectSameLook(memory.getWorksheet(SHEET)!, input.getWorksheet(SHEET)!, flagged);

    // Streamed (big files).
    const out = path.join(dir, 'streamed.xlsx');
    await streamReviewWorkbook(report(x), sources, {}, out);
    const streamed = new ExcelJS.Workbook();
    await streamed.xlsx.readFile(out);
    expectSameLook(streamed.getWorksheet(SHEET)!, input.getWorksheet(SHEET)!, flagged);
  });

  it('gives the same review workbook as copying from an exceljs load of the input, on the examples', async () => {
    const EXAMPLES = path.join(__dirname, '../../examples');
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx'));
    for (const f of files) {
      const abs = path.join(EXAMPLES, f);
      const x = (await loadInput(abs, f)) as LoadedInput;
      if (!('grids' in x)) continue;
      const { workbook } = await readXlsxBuffer(fs.readFileSync(abs), f);
      const looks = await workbookLooks(await readXlsxFormats(fileSource(abs)), x.grids);
      const r = report(x);
      const viaExceljs = Buffer.from(await buildReviewWorkbook(r, [{ display: f, grids: x.grids, workbook }]).xlsx.writeBuffer());
      const viaLooks = Buffer.from(await buildReviewWorkbook(r, [{ display: f, grids: x.grids, looks }]).xlsx.writeBuffer());
      // The one difference allowed: styled empty cells (a table's bordered blanks), which the copy from
      // exceljs dropped (it visits only cells with a value) and the format pass keeps.
      const diff = (await workbookDiff(viaExceljs, viaLooks, 10_000)).filter((d) => !/ style: \{\} vs \{/.test(d));
      expect({ f, diff }).toEqual({ f, diff: [] });
    }
  }, 120_000);
});

describe('formats gathered in the values pass (check --out, --per-unit-out)', () => {
  it('equal those of the separate format pass, sheet by sheet, on the styled input and the examples', async () => {
    const styled = path.join(dir, 'styled-one-pass.xlsx');
    await styledInput(styled);
    const EXAMPLES = path.join(__dirname, '../../examples');
    const files = [styled, ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(EXAMPLES, f))];
    let sheets = 0;
    for (const abs of files) {
      const x = (await loadInput(abs, path.basename(abs), undefined, true)) as LoadedInput;
      expect(x.sheetFormats).toBeDefined();
      const separate = await readXlsxFormats(fileSource(abs));
      const reused = await readXlsxFormats(fileSource(abs), undefined, x.sheetFormats);
      // The values pass gathers everything but the notes (read afterwards from the comments parts).
      expect(x.sheetFormats).toEqual(separate.sheets.map((s) => ({ ...s, notes: new Map() })));
      expect(reused).toEqual(separate);
      sheets += separate.sheets.length;
    }
    expect(sheets).toBeGreaterThan(files.length);
  });

  it('are what loadWorkbooks turns into looks, and are let go afterwards', async () => {
    const file = path.join(dir, 'styled-looks.xlsx');
    await styledInput(file);
    const x = (await loadInput(file, 'styled.xlsx', undefined, true)) as LoadedInput;
    const gathered = x.sheetFormats!;
    // Marked, so that the look can only have come from the gathered formats.
    gathered[0].heights.set(3, 44);
    await loadWorkbooks([x]);
    expect(x.looks?.sheet(SHEET)?.height(3)).toBe(44);
    expect(x.sheetFormats).toBeUndefined();
  });

  it('are not gathered past the sheet XML limit, nor without the option', async () => {
    const file = path.join(dir, 'styled-limit.xlsx');
    await styledInput(file);
    const { readXlsxFile } = await import('../../src/cli/file-source');
    const small = await readXlsxFile(file, 'styled.xlsx', { formats: { maxSheetXmlBytes: 100 } });
    expect(small.sheetXmlBytes).toBeGreaterThan(100);
    expect(small.sheetFormats).toBeUndefined();
    const enough = await readXlsxFile(file, 'styled.xlsx', { formats: { maxSheetXmlBytes: small.sheetXmlBytes } });
    expect(enough.sheetFormats?.map((s) => s.name)).toEqual([SHEET]);
    expect((await readXlsxFile(file, 'styled.xlsx')).sheetFormats).toBeUndefined();
    // The values are the same either way.
    expect(small.grids).toEqual(enough.grids);
  });

  it('never cost the values: a format side that fails is dropped, and the sheet still reads', async () => {
    const file = path.join(dir, 'styled-fail.xlsx');
    await styledInput(file);
    const { readXlsxFile } = await import('../../src/cli/file-source');
    const { FormatsBuilder } = await import('../../src/io/xlsx-stream/formats');
    const plain = await readXlsxFile(file, 'styled.xlsx');
    const spy = jest.spyOn(FormatsBuilder.prototype, 'open').mockImplementation(() => {
      throw new Error('format side broken');
    });
    try {
      const r = await readXlsxFile(file, 'styled.xlsx', { formats: { maxSheetXmlBytes: 1 << 30 } });
      expect(spy).toHaveBeenCalled();
      expect(r.sheetFormats).toBeUndefined();
      expect(r.grids).toEqual(plain.grids);
    } finally {
      spy.mockRestore();
    }
  });
});
