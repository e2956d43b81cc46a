/**
 * The tables workbook: written with exceljs, read back — titles, unit lines, merged headers, print
 * setup (A4, orientation, repeated header rows, fit to width), exact values and number formats; and
 * the `tables` command end to end on a small detail workbook.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateTables } from '../../src/core/tables';
import { planTableSets, runTables } from '../../src/cli/commands/tables';
import { HEADER_START_ROW, MONEY_FORMAT, buildTablesWorkbook } from '../../src/io/tables-workbook';
import { UserError } from '../../src/cli/errors';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { exampleBLines, yuan } from '../fixtures/example-b-lines';
import { exampleCLines } from '../fixtures/example-c-lines';
import { perfGoal, projectLine } from '../core/tables/perf-grid-fixtures';
import { MAX_ROW_PT, textHeightPt, tablePageGeometry } from '../../src/core/tables/sheet-geometry';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tables-wb-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function roundTrip(wb: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
}

describe('tables workbook (Shanghai style, example C)', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const tables = generateTables(exampleCLines(), { style: 'shanghai', year: 2026 });
    wb = await roundTrip(buildTablesWorkbook([{ tables }]), 'c.xlsx');
  });

  test('one sheet per table, titled and with the unit line', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '1 部门财务收支预算总表',
      '2 部门收入预算总表',
      '3 部门支出预算总表',
      '4 部门财政拨款收支预算总表',
      '5 部门一般公共预算支出功能分类预算表',
      '6 部门政府性基金预算支出功能分类预算表',
      '7 部门国有资本经营预算支出功能分类预算表',
      '8 部门一般公共预算基本支出部门预算经济分类预算表',
      '9 部门“三公”经费和机关运行经费预算表',
    ]);
    const ws = wb.getWorksheet('3 部门支出预算总表')!;
    expect(ws.getCell('A1').value).toBe('2026年部门支出预算总表');
    expect(ws.getCell('A2').value).toBe('编制部门：上海市普陀区建设和管理委员会');
    expect(ws.getCell('E2').value).toBe('单位：元');
  });

  test('merged three-row header of the expenditure table', () => {
    const ws = wb.getWorksheet('3 部门支出预算总表')!;
    expect(merges(ws)).toEqual(['A1:G1', 'A2:D2', 'A3:D3', 'A4:C4', 'D4:D5', 'E2:G2', 'E3:G3', 'E4:E5', 'F4:F5', 'G4:G5'].sort());
    expect([ws.getCell('A3').value, ws.getCell('E3').value, ws.getCell('A4').value, ws.getCell('D4').value, ws.getCell('A5').value, ws.getCell('C5').value]).toEqual([
      '项目', '支出预算', '功能分类科目编码', '功能分类科目名称', '类', '项',
    ]);
  });

  test('print setup: A4, orientation per table, header rows repeated, one page wide', () => {
    const ws = wb.getWorksheet('3 部门支出预算总表')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:5');
    expect(wb.getWorksheet('4 部门财政拨款收支预算总表')!.pageSetup.orientation).toBe('landscape');
  });

  test('values exact in 元 with thousands format; codes as text; borders', () => {
    const ws = wb.getWorksheet('3 部门支出预算总表')!;
    const first = HEADER_START_ROW + 3;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(first, c).value)).toEqual(['208', '', '', '社会保障和就业支出', 16067196.24, 15777676.24, 289520]);
    expect(ws.getCell(first, 5).numFmt).toBe(MONEY_FORMAT);
    expect(ws.getCell(first, 1).numFmt).toBe('@');
    expect(ws.getCell(first, 5).border?.left?.style).toBe('thin');
    const last = ws.getRow(first + 36);
    expect([last.getCell(4).value, last.getCell(5).value, last.getCell(6).value, last.getCell(7).value]).toEqual(['合计', 3286618082.2, 82527880.2, 3204090202]);
    expect(last.getCell(5).font?.bold).toBe(true);
  });

  test('column widths show the longest name', () => {
    const ws = wb.getWorksheet('3 部门支出预算总表')!;
    // 机关事业单位基本养老保险缴费支出: 16 CJK characters = 32 cells
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(32);
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual('3,286,618,082.20'.length);
  });

  test('三公 table in 万元 with exact values; empty table carries its statement', () => {
    const t9 = wb.getWorksheet('9 部门“三公”经费和机关运行经费预算表')!;
    expect(t9.getCell('E2').value).toBe('单位：万元');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => t9.getCell(6, c).value)).toEqual([42.24, 0, 0, 42.24, 0, 42.24, 124.56]);
    expect(t9.getCell(6, 1).numFmt).toBe(MONEY_FORMAT);
    const t7 = wb.getWorksheet('7 部门国有资本经营预算支出功能分类预算表')!;
    expect(t7.getCell('D6').value).toBe('合计');
    expect(t7.getCell('A7').value).toBe('注：本部门2026年无国有资本经营预算财政拨款安排的预算，故本表为空表。');
    expect(merges(t7)).toContain('A7:G7');
  });
});

describe('tables workbook (national style, example B)', () => {
  test('万元 values are the exact 分 ÷ 1,000,000; names indented by level', async () => {
    const tables = generateTables(exampleBLines(), { year: 2026 });
    const wb = await roundTrip(buildTablesWorkbook([{ tables }]), 'b.xlsx');
    expect(wb.worksheets).toHaveLength(10);
    const ws = wb.getWorksheet('5 一般公共预算支出表')!;
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.getCell('A5').value).toBe('207');
    expect(ws.getCell('C5').value).toBe(19933.7712);
    expect(ws.getCell('B7').alignment?.indent).toBe(2);
    expect(ws.getCell('G2').value).toBe('单位：万元');
  });

  test('several sets: sheets prefixed by the unit, names unique and ≤ 31 characters', () => {
    const lines = exampleBLines();
    const sets = planTableSets({ lines, config: DEFAULT_CONFIG, year: 2026 }, { perUnit: true, style: 'shanghai' });
    expect(sets.map((s) => s.label)).toEqual(['汇总', '上海市普陀区文化和旅游局本部', '上海市普陀区文化和旅游局执法大队', '上海市普陀区文旅发展管理中心', '上海市普陀区文化馆', '上海市普陀区图书馆']);
    expect(sets[1].tables[0].title).toBe('2026年单位财务收支预算总表');
    const wb = buildTablesWorkbook(sets);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(54);
    expect(new Set(names).size).toBe(54);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  test('--unit picks one unit by code or name; an unknown unit is a user error', () => {
    const lines = exampleBLines();
    const [set] = planTableSets({ lines, config: DEFAULT_CONFIG, year: null }, { unit: '上海市普陀区图书馆' });
    expect(set.tables[0].title).toBe('单位收支总表');
    expect(set.tables[0].preparedBy).toBe('编制单位：上海市普陀区图书馆');
    expect(() => planTableSets({ lines, config: DEFAULT_CONFIG, year: null }, { unit: '999' })).toThrow(UserError);
    expect(() => planTableSets({ lines, config: DEFAULT_CONFIG, year: null }, { unit: '101001', all: true })).toThrow(/不能同时使用/);
  });
});

describe('row heights within Excel\'s 409 points', () => {
  test('a 项目支出绩效目标表 row whose goal needs more is saved at 409 (Excel shows no more); the other rows as planned', async () => {
    const goal = '完成全县 12 所中小学校舍维修改造，消除 3 处 D 级危房安全隐患，保障 3200 名师生教学安全。'.repeat(20);
    const lines = [projectLine('101', '县教育局', 'P1', '长目标项目', '一般公共预算拨款', 1_000_000), projectLine('101', '县教育局', 'P2', '短目标项目', '一般公共预算拨款', 2_000_000)];
    const goals = [perfGoal('101', '县教育局', 'P1', '长目标项目', [], { goalText: goal }), perfGoal('101', '县教育局', 'P2', '短目标项目', [], { goalText: '按期完工。' })];
    const [t] = generateTables(lines, { tables: ['projectPerformance'], performance: goals, year: 2026 });
    const col = t.columns.findIndex((c) => c.wrap && c.width === 28);
    expect(textHeightPt(goal, tablePageGeometry(t).widths[col])).toBeGreaterThan(MAX_ROW_PT);
    const wb = await roundTrip(buildTablesWorkbook([{ tables: [t] }]), 'tall.xlsx');
    const ws = wb.worksheets[0];
    const first = HEADER_START_ROW + t.headerRows;
    const heights = t.rows.map((_r, i) => ws.getRow(first + i).height);
    const long = t.rows.findIndex((r) => r.cells.includes(goal));
    expect(heights[long]).toBe(MAX_ROW_PT);
    for (const h of heights) expect(h).toBeLessThanOrEqual(MAX_ROW_PT);
    expect(Math.min(...heights)).toBeLessThan(MAX_ROW_PT);
  });
});

describe('budget-review tables (end to end)', () => {
  async function detailWorkbook(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    ws.addRow(['某区教育局2026年部门预算明细表']);
    ws.addRow(['单位：元']);
    ws.addRow(['单位编码', '单位名称', '单位性质', '项目名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额', '绩效目标', '测算依据']);
    ws.addRow(['201001', '某区教育局', '行政单位', '', '人员经费', '2050101 行政运行', '30101', '一般公共预算拨款', 1000000.5, '', '']);
    ws.addRow(['201001', '某区教育局', '行政单位', '', '公用经费', '2050101 行政运行', '30217', '一般公共预算拨款', 20000, '', '']);
    ws.addRow(['201002', '某区第一中学', '事业单位', '校舍维修', '项目支出', '2050203 初中教育', '30213', '一般公共预算拨款', 300000, '完成校舍维修', '按定额']);
    ws.addRow(['201002', '某区第一中学', '事业单位', '', '人员经费', '2050203 初中教育', '30101', '事业收入', 50000, '', '']);
    await wb.xlsx.writeFile(file);
  }

  test('writes the national tables, refuses to overwrite without --force', async () => {
    const input = path.join(dir, '明细.xlsx');
    const out = path.join(dir, '公开表.xlsx');
    await detailWorkbook(input);
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const werr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runTables([input], { out })).toBe(0);
      await expect(runTables([input], { out })).rejects.toThrow(/已存在/);
      expect(await runTables([input], { out, force: true, style: 'shanghai' })).toBe(0);
    } finally {
      write.mockRestore();
      werr.mockRestore();
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets).toHaveLength(9);
    const ws = wb.getWorksheet('3 部门支出预算总表')!;
    expect(ws.getCell('A1').value).toBe('2026年部门支出预算总表');
    expect(ws.getCell('A2').value).toBe('编制部门：某区教育局');
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 5) rows.push([1, 2, 3, 4, 5, 6, 7].map((c) => r.getCell(c).value));
    });
    expect(rows).toEqual([
      ['205', '', '', '教育支出', 1370000.5, 1070000.5, 300000],
      ['205', '01', '', '教育管理事务', 1020000.5, 1020000.5, 0],
      ['205', '01', '01', '行政运行', 1020000.5, 1020000.5, 0],
      ['205', '02', '', '普通教育', 350000, 50000, 300000],
      ['205', '02', '03', '初中教育', 350000, 50000, 300000],
      ['', '', '', '合计', 1370000.5, 1070000.5, 300000],
    ]);
    expect(yuan('1,370,000.50')).toBe(137000050);
  });

  test('a bad --style or a missing --out is a user error before reading', async () => {
    await expect(runTables(['x.xlsx'], { out: path.join(dir, 'y.xlsx'), style: 'beijing' })).rejects.toThrow(/--style/);
    await expect(runTables(['x.xlsx'], {})).rejects.toThrow(/--out/);
  });
});
