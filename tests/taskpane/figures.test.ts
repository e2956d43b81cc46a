/** 报告数字 in the pane: the same figures and paragraph as `budget-review figures`, on the examples. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { workbookToGrids } from '../../src/io/read-xlsx';
import { DEFAULT_SETTINGS } from '../../src/excel/settings';
import { figuresSheetValues } from '../../src/excel/figures';
import { figuresWorkbook } from '../../src/web/downloads';
import { EXAMPLE_TEMPLATE, normalizeTemplate, paneFigures, templateOf } from '../../src/taskpane/figures';
import { cli } from '../cli/run-cli';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples', '预算执行-示例.xlsx');
const TEMPLATE_FILE = path.join(ROOT, 'examples', '工作报告模板.txt');

async function grids(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookToGrids(wb, path.basename(file));
}

test('the paragraph and the figures equal the CLI --json output on the example', async () => {
  const template = fs.readFileSync(TEMPLATE_FILE, 'utf8');
  const pane = paneFigures([await grids(EXAMPLE)], DEFAULT_SETTINGS, template);
  const run = await cli('figures', EXAMPLE, '--template', TEMPLATE_FILE, '--json');
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(pane.json.text).toBe(json.text);
  expect(pane.json.text).toContain('超序时进度6.5个百分点');
  expect(pane.json.figures).toEqual(json.figures);
  expect(pane.json.unresolved).toEqual([]);
  // The sheet: header, one row per figure, then the paragraph.
  const values = figuresSheetValues(pane.sheet);
  expect(values[0]).toEqual(['指标', '数值', '单位', '显示', '算法或来源']);
  expect(values).toContainEqual(['一般公共预算收入.本期累计', 74356, '万元', '74,356.00', '本期累计']);
  expect(values[values.length - 2]).toEqual(['填好的段落']);
  expect(values[values.length - 1]).toEqual([json.text]);
});

test('unresolved placeholders are listed and kept; a blank box gives the figures only', async () => {
  const g = await grids(EXAMPLE);
  const pane = paneFigures([g], DEFAULT_SETTINGS, '土地出让收入{土地出让收入.同比:%}，收入{一般公共预算收入.同比:%}\r\n');
  expect(pane.report.fill!.text).toBe('土地出让收入{土地出让收入.同比:%}，收入6.0%');
  expect(pane.sheet.unresolved).toEqual([{ placeholder: '{土地出让收入.同比:%}', reason: expect.stringContaining('土地出让收入') }]);
  const values = figuresSheetValues(pane.sheet);
  expect(values[values.length - 1]).toEqual(['{土地出让收入.同比:%}', '', '', '', expect.stringContaining('土地出让收入')]);

  const bare = paneFigures([g], DEFAULT_SETTINGS, '  \n');
  expect(bare.report.fill).toBeNull();
  expect(bare.sheet.text).toBeUndefined();
  expect(bare.sheet.rows.length).toBeGreaterThan(10);
});

test('a 模板 sheet prefills the paragraph; the example template fills on the example workbook', async () => {
  const g = await grids(EXAMPLE);
  expect(templateOf([g])).toBeNull();
  const withSheet = { ...g, sheets: [...g.sheets, { name: '报告模板', cells: [['收入完成{一般公共预算收入.本期累计:万元}万元'], [null, '同比{一般公共预算收入.同比:%}']], merges: [], origin: { row: 1, col: 1 } }] };
  expect(templateOf([withSheet])).toBe('收入完成{一般公共预算收入.本期累计:万元}万元\n同比{一般公共预算收入.同比:%}');
  const ex = paneFigures([g], DEFAULT_SETTINGS, EXAMPLE_TEMPLATE);
  expect(ex.report.fill!.unresolved).toEqual([]);
  expect(ex.report.fill!.text.startsWith('1-4月，全区一般公共预算收入完成74,356.00万元')).toBe(true);
  expect(normalizeTemplate('\uFEFFa\r\nb\n\n')).toBe('a\nb');
});

test('no execution sheet and no budget lines: a Chinese error, not an empty table', () => {
  const empty = { file: 'x.xlsx', sheets: [{ name: 'Sheet1', cells: [['你好']], merges: [], origin: { row: 1, col: 1 } }] };
  expect(() => paneFigures([empty], DEFAULT_SETTINGS, EXAMPLE_TEMPLATE)).toThrow(/没有找到预算执行表/);
});

test('the offline figures workbook holds the same cells, numbers as numbers', async () => {
  const pane = paneFigures([await grids(EXAMPLE)], DEFAULT_SETTINGS, fs.readFileSync(TEMPLATE_FILE, 'utf8'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await figuresWorkbook(pane.sheet).xlsx.writeBuffer());
  const ws = wb.getWorksheet('报告数字')!;
  const want = figuresSheetValues(pane.sheet, (v) => v);
  for (let r = 0; r < want.length; r++) {
    for (let c = 0; c < want[r].length; c++) {
      const v = ws.getCell(r + 1, c + 1).value;
      expect(v === null ? '' : v).toEqual(want[r][c]);
    }
  }
});
