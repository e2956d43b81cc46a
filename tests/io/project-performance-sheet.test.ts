/**
 * The 项目支出绩效目标表 as the CLI writes it (src/io/tables-workbook.ts + tables-body-layout.ts): the
 * national header, the project's cells and the 一级/二级 runs merged on the sheet, print setup as the
 * other tables (A4 landscape, one page wide, repeated header rows, page footer, wrapped text), row
 * heights for merged text, and page breaks only between projects — a project taller than a page is
 * split with its name (…（续）) on the continuation page. LibreOffice checks the printed pages.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { StandardTable } from '../../src/core/tables';
import { bodyLayoutOf } from '../../src/core/tables/project-performance-grid';
import { buildTablesWorkbook } from '../../src/io/tables-workbook';
import { pageStarts } from '../../src/io/tables-body-layout';
import { type Ind, gridTable, perfGoal, projectLine } from '../core/tables/perf-grid-fixtures';

const SOFFICE = '/usr/bin/soffice';
const haveSoffice = fs.existsSync(SOFFICE);

const GRID: readonly Ind[] = [
  ['产出指标', '数量指标', '维修校舍面积', '≥1200平方米'],
  ['产出指标', '数量指标', '维修学校数', '3所'],
  ['产出指标', '质量指标', '工程验收合格率', '100%'],
  ['效益指标', '社会效益指标', '消除校舍安全隐患', '3处'],
  ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%'],
];
const LONG_GOAL = '完成全县 12 所中小学校舍维修改造，消除 3 处 D 级危房安全隐患，保障 3200 名师生教学安全，工程验收合格率 100%。';

/** `count` projects of one unit, each with `grid` (the last one `tall` rows when given). */
function projects(count: number, grid: readonly Ind[] = GRID, tall = 0): StandardTable {
  const lines = [];
  const goals = [];
  for (let i = 1; i <= count; i++) {
    const code = `P${String(i).padStart(3, '0')}`;
    lines.push(projectLine('101', '县教育局', code, `项目${code}`, '一般公共预算拨款', 1_000_000 + i));
    const rows = tall && i === count ? Array.from({ length: tall }, (_, n): Ind => ['产出指标', '数量指标', `指标${n}`, `${n}个`]) : grid;
    goals.push(perfGoal('101', '县教育局', code, `项目${code}`, rows, { goalText: LONG_GOAL }));
  }
  return gridTable(lines, goals);
}

/** The sheet as read back from the written file, and its page breaks (exceljs writes them but does not read them). */
async function sheetOf(t: StandardTable): Promise<{ ws: ExcelJS.Worksheet; breaks: number[] }> {
  const wb = buildTablesWorkbook([{ tables: [t] }]);
  const breaks = breaksOf(wb.worksheets[0]);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return { ws: back.worksheets[0], breaks };
}

const text = (ws: ExcelJS.Worksheet, r: number, c: number) => String(ws.getCell(r, c).value ?? '');
/** The sheet row (1-based) that starts a page at each manual break (a break sits after row `id`). */
const breaksOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { rowBreaks: Array<{ id: number }> }).rowBreaks.map((b) => b.id + 1);

test('the sheet: national header, merges of the project cells and of 一级/二级, print setup, heights', async () => {
  const { ws, breaks } = await sheetOf(projects(2));
  expect([3, 4].map((r) => Array.from({ length: 11 }, (_, c) => text(ws, r, c + 1)))).toEqual([
    ['项目名称', '主管部门', '实施单位', '项目资金', '项目资金', '项目资金', '年度绩效目标', '一级指标', '二级指标', '三级指标', '指标值'],
    ['项目名称', '主管部门', '实施单位', '年度资金总额', '其中：财政拨款', '其他资金', '年度绩效目标', '一级指标', '二级指标', '三级指标', '指标值'],
  ]);
  const merges = ws.model.merges;
  // Project 1 on rows 5–9, project 2 on rows 10–14, 合计 on row 15.
  for (const col of 'ABCDEFG') expect(merges).toEqual(expect.arrayContaining([`${col}5:${col}9`, `${col}10:${col}14`]));
  expect(merges).toEqual(expect.arrayContaining(['H5:H7', 'I5:I6', 'H10:H12', 'I10:I11', 'A15:C15']));
  expect(ws.getCell('D5').value).toBe(1.000001); // 1,000,001 分 in 万元, exact
  expect(ws.getCell('A5').alignment).toMatchObject({ vertical: 'middle', wrapText: true });
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
  expect(ws.headerFooter.oddFooter).toBe('第 &P 页，共 &N 页');
  // The long goal, merged over five rows, gets the room it needs (Excel does not grow rows for merged text).
  const blockPt = [5, 6, 7, 8, 9].reduce((s, r) => s + (ws.getRow(r).height ?? 0), 0);
  expect(blockPt).toBeGreaterThanOrEqual(4 * 13.5);
  expect(breaks).toEqual([]);
});

test('page starts: before a block that would cross the page end; inside a block taller than a page only', () => {
  const layout = { merges: [], repeat: [0], continuedSuffix: '（续）', blocks: [{ start: 0, end: 3 }, { start: 3, end: 6 }, { start: 6, end: 16 }, { start: 16, end: 17 }] };
  const h = new Array<number>(17).fill(10);
  expect(pageStarts(h, layout, 50, 50)).toEqual([3, 6, 11, 16]);
  expect(pageStarts(h, layout, 200, 200)).toEqual([]);
  // One-row blocks need no entry: a row in no block is a block of its own.
  const sparse = { ...layout, blocks: [{ start: 0, end: 3 }, { start: 3, end: 6 }, { start: 6, end: 16 }] };
  expect(pageStarts(h, sparse, 50, 50)).toEqual([3, 6, 11, 16]);
  const rowsOnly = { ...layout, blocks: [] };
  expect(pageStarts(h, rowsOnly, 50, 50)).toEqual([5, 10, 15]);
});

test('many projects: every page break falls between two projects', async () => {
  const t = projects(40);
  const { breaks } = await sheetOf(t);
  const starts = new Set(bodyLayoutOf(t)!.blocks.map((b) => 5 + b.start));
  expect(breaks.length).toBeGreaterThan(2);
  for (const b of breaks) expect(starts.has(b)).toBe(true);
});

test('a project taller than a page is split; the continuation page names the project', async () => {
  const t = projects(2, GRID, 90);
  const { ws, breaks } = await sheetOf(t);
  expect(breaks[0]).toBe(10); // the tall project starts a page
  expect(breaks.length).toBeGreaterThanOrEqual(2);
  for (const b of breaks.slice(1)) {
    expect(text(ws, b, 1)).toBe('项目P002（续）');
    expect([text(ws, b, 2), text(ws, b, 3), text(ws, b, 8), text(ws, b, 9)]).toEqual(['县教育局', '县教育局', '产出指标', '数量指标']);
    // The merges stop at the break and start again after it.
    expect(ws.model.merges).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^A\\d+:A${b - 1}$`)), expect.stringMatching(new RegExp(`^A${b}:A\\d+$`))]));
  }
  // The money is written once, on the project's first row.
  expect(ws.getCell(10, 4).value).toBe(1.000002);
  for (const b of breaks.slice(1)) expect(ws.getCell(b, 4).master.address).toBe(`D${b}`);
  for (const b of breaks.slice(1)) expect(ws.getCell(b, 4).value).toBeNull();
});

(haveSoffice ? describe : describe.skip)('printed by LibreOffice', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-pages-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function printed(t: StandardTable, name: string): Promise<{ pages: string[]; breaks: number }> {
    const wb = buildTablesWorkbook([{ tables: [t] }]);
    const file = path.join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const pdf = file.replace(/\.xlsx$/, '.pdf');
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\f').filter((p) => p.trim() !== '');
    return { pages, breaks: breaksOf(wb.worksheets[0]).length };
  }

  test('40 projects: each project on one page, the header on every page, no page added by LibreOffice', async () => {
    const { pages, breaks } = await printed(projects(40), 'many');
    expect(pages.length).toBe(breaks + 1);
    for (let i = 1; i <= 40; i++) {
      const name = `项目P${String(i).padStart(3, '0')}`;
      expect(pages.filter((p) => p.includes(name)).length).toBe(1);
    }
    for (const p of pages) expect(p).toMatch(/年度资金总额/);
    expect(pages[pages.length - 1]).toMatch(/第 \d+ 页，共 \d+ 页/);
  }, 180_000);

  test('a project taller than a page: every page it spans names it', async () => {
    const { pages, breaks } = await printed(projects(2, GRID, 90), 'tall');
    expect(pages.length).toBe(breaks + 1);
    for (const p of pages.slice(1)) expect(p).toMatch(/项目P002/);
  }, 180_000);
});
