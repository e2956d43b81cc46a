/** The 报告数字 sheet on the fake Excel host: values as the core made them, never replacing a user's sheet. */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { workbookToGrids } from '../../src/io/read-xlsx';
import { FIGURES_SHEET, figuresSheetValues, paragraphRowHeight, writeFiguresSheet } from '../../src/excel/figures';
import { DEFAULT_SETTINGS } from '../../src/excel/settings';
import { paneFigures } from '../../src/taskpane/figures';
import { fakeHost } from './helpers';
import { widthToPoints } from '../../src/core/tables/sheet-geometry';

async function exampleFigures(template: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.resolve(__dirname, '../../examples/预算执行-示例.xlsx'));
  return paneFigures([workbookToGrids(wb, '预算执行-示例.xlsx')], DEFAULT_SETTINGS, template);
}

test("a user's 报告数字 sheet is kept (ours gets a suffix); our own earlier sheet is replaced", async () => {
  const { model, uninstall } = fakeHost(18);
  try {
    const user = model.put(FIGURES_SHEET, [['用户自己的数字']]);
    const r = await exampleFigures('收入同比{一般公共预算收入.同比:增减}{一般公共预算收入.同比:%}，{土地出让收入.同比:%}');
    const name = await writeFiguresSheet(r.sheet, []);
    expect(name).toBe('报告数字(2)');
    expect(user.get(0, 0)).toBe('用户自己的数字');
    const s = model.sheet(name)!;
    const values = figuresSheetValues(r.sheet);
    // Excel keeps a leading apostrophe as a text prefix, not as part of the value.
    values.forEach((row, i) => row.forEach((v, c) => expect(s.get(i, c)).toBe(typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
    const revenue = values.findIndex((row) => row[0] === '一般公共预算收入.本期累计');
    expect(s.get(revenue, 1)).toBe(74356);
    expect(s.formats.get(`${revenue},1`)!.numberFormat).toBe('#,##0.00');
    expect(s.formats.get(`${revenue},0`)!.numberFormat).toBe('@');
    expect(s.get(values.length - 4, 0)).toBe('收入同比增长6.0%，{土地出让收入.同比:%}');
    expect(s.get(values.length - 1, 0)).toBe('{土地出让收入.同比:%}');
    expect(s.frozenRows).toBe(1);
    // Column widths in points from the character widths the page's download uses (30 characters = 157.5 pt).
    expect([0, 1, 2, 3, 4].map((c) => s.columnWidths.get(c))).toEqual([30, 14, 10, 14, 44].map(widthToPoints));
    expect(s.columnWidths.get(0)).toBe(157.5);
    // The paragraph: one cell merged across the table, wrapped, with a row tall enough for it.
    const para = values.length - 4;
    expect(s.merges).toContainEqual({ top: para, left: 0, bottom: para, right: 4 });
    expect(s.formats.get(`${para},0`)).toMatchObject({ wrapText: true, rowHeight: paragraphRowHeight(values[para][0] as string) });
    expect(model.failedSyncs()).toEqual([]);

    // Again, with ours named in the settings: replaced in place, the user's sheet still untouched.
    const again = await writeFiguresSheet(r.sheet, [name]);
    expect(again).toBe('报告数字(2)');
    expect(model.sheets.filter((x) => x.name.startsWith(FIGURES_SHEET)).map((x) => x.name)).toEqual([FIGURES_SHEET, '报告数字(2)']);
    expect(user.get(0, 0)).toBe('用户自己的数字');
  } finally {
    uninstall();
  }
});

test('ExcelApi 1.7: the sheet is written in a few syncs, a leading = stays text', async () => {
  const { model, uninstall } = fakeHost(7);
  try {
    const r = await exampleFigures('={一般公共预算收入.本期累计:万元}');
    const before = model.syncs.length;
    const name = await writeFiguresSheet(r.sheet, []);
    expect(name).toBe(FIGURES_SHEET);
    expect(model.syncs.length - before).toBeLessThanOrEqual(3);
    const s = model.sheet(name)!;
    const values = figuresSheetValues(r.sheet);
    expect(s.get(values.length - 1, 0)).toBe('=74,356.00');
    expect(s.formulas.size).toBe(0);
  } finally {
    uninstall();
  }
});

test('the paragraph row grows with the text and stops at Excel’s 409 pt', () => {
  expect(paragraphRowHeight('短句。')).toBe(18);
  expect(paragraphRowHeight('收'.repeat(54))).toBe(18);
  expect(paragraphRowHeight('收'.repeat(55))).toBe(33);
  expect(paragraphRowHeight('一行\n二行\n三行')).toBe(48);
  expect(paragraphRowHeight('收'.repeat(10_000))).toBe(409);
});
