/**
 * The pane prints the 项目支出绩效目标表 as the CLI does: the same row heights (merged wrapped text
 * gets its room), the same manual page breaks between projects, the same （续） cells and cut merges
 * where a project taller than a page continues, the same print setup — compared cell for cell with
 * the xlsx writer's sheet for the same table. Heights and breaks are batched (syncs grow with
 * payload chunks, never with rows); below ExcelApi 1.9 the table keeps its heights, no break API is
 * called, and the fake host is as strict as Excel about both.
 */
import type ExcelJS from 'exceljs';
import { a1 } from '../../src/core/address';
import type { StandardTable } from '../../src/core/tables';
import { bodyLayoutOf } from '../../src/core/tables/project-performance-grid';
import { planBody, tablePageGeometry } from '../../src/core/tables/sheet-geometry';
import { capsFromVersion } from '../../src/excel/caps';
import { MAX_ROW_PT, writeTables } from '../../src/excel/tables';
import { buildTablesWorkbook } from '../../src/io/tables-workbook';
import type { FakeSheet, FakeWorkbookModel } from '../../src/testing/fake-excel/model';
import { type Ind, SCHOOL, gridTable, perfGoal, projectLine } from '../core/tables/perf-grid-fixtures';
import { fakeHost } from './helpers';

const LONG_GOAL = '完成全县 12 所中小学校舍维修改造，消除 3 处 D 级危房安全隐患，保障 3200 名师生教学安全，工程验收合格率 100%。';

/**
 * `count` projects of one unit with varied grids and goals; project `tall` (1-based) gets `tallRows`
 * indicators, two 一级 runs, so it is taller than a page; every fifth project has no grid at all.
 */
function projects(count: number, tall = 0, tallRows = 90): StandardTable {
  const lines = [];
  const goals = [];
  for (let i = 1; i <= count; i++) {
    const code = `P${String(i).padStart(4, '0')}`;
    const name = `项目${code}${i % 4 === 0 ? '（县第一中学、县实验小学等十二所学校校舍维修改造）' : ''}`;
    lines.push(projectLine('101', '县教育局', code, name, '一般公共预算拨款', 1_000_000 * i + i));
    if (i % 3 === 0) lines.push(projectLine('101', '县教育局', code, name, '事业收入', 12_345 * i));
    if (i % 5 === 0) continue;
    const grid: readonly Ind[] = i === tall
      ? Array.from({ length: tallRows }, (_, n): Ind => [n < tallRows / 2 ? '产出指标' : '效益指标', '数量指标', `指标${n}`, `${n}个`])
      : SCHOOL.slice(0, 1 + (i % 6));
    goals.push(perfGoal('101', '县教育局', code, name, grid, { goalText: i % 2 ? LONG_GOAL.repeat(1 + (i % 3)) : '' }));
  }
  return gridTable(lines, goals, '某县教育系统');
}

interface PaneSheet {
  sheet: FakeSheet;
  model: FakeWorkbookModel;
  syncs: number;
}

/** The table written by the pane on a fake host of ExcelApi 1.`version` (caps detected from the host). */
async function paneSheet(t: StandardTable, version = 18): Promise<PaneSheet> {
  const { model, uninstall } = fakeHost(version);
  try {
    const s0 = model.syncCount;
    const [name] = await writeTables([t]);
    return { sheet: model.sheet(name)!, model, syncs: model.syncCount - s0 };
  } finally {
    uninstall();
  }
}

function cliSheet(t: StandardTable): ExcelJS.Worksheet {
  return buildTablesWorkbook([{ tables: [t] }]).worksheets[0];
}

const lastRow = (t: StandardTable) => 2 + t.headerRows + t.rows.length + t.notes.length;

/** Row heights of sheet rows 1…last (1-based), undefined where the row keeps the default. */
const cliHeights = (ws: ExcelJS.Worksheet, t: StandardTable) => Array.from({ length: lastRow(t) }, (_, i) => ws.getRow(i + 1).height);
const paneHeights = (s: FakeSheet, t: StandardTable) => Array.from({ length: lastRow(t) }, (_, i) => s.rowHeights.get(i));
/** Sheet rows (1-based) that start a printed page; exceljs keeps a break under row `id`. */
const cliBreaks = (ws: ExcelJS.Worksheet) => (ws as unknown as { rowBreaks: Array<{ id: number }> }).rowBreaks.map((b) => b.id + 1);
const paneBreaks = (s: FakeSheet) => s.pageBreaks.map((r) => r + 1);

/** Merges from the header down (the unit line is laid out differently by design: one cell each side). */
const cliMerges = (ws: ExcelJS.Worksheet) => ((ws.model as unknown as { merges: string[] }).merges).filter((m) => Number(/\d+/.exec(m)![0]) >= 3).sort();
const paneMerges = (s: FakeSheet) => s.merges.filter((m) => m.top >= 2).map((m) => `${a1(m.top + 1, m.left + 1)}:${a1(m.bottom + 1, m.right + 1)}`).sort();

/** Body and note cells as both show them: text, exact money, blank. */
function cliCells(ws: ExcelJS.Worksheet, t: StandardTable): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  for (let r = 3; r <= lastRow(t); r++) out.push(t.columns.map((_c, c) => {
    const cell = ws.getCell(r, c + 1);
    // A merged cell's slaves read as their master in exceljs; the file holds them blank.
    if (cell.isMerged && cell.master.address !== cell.address) return '';
    const v = cell.value;
    return v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v);
  }));
  return out;
}
function paneCells(s: FakeSheet, t: StandardTable): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  for (let r = 2; r < lastRow(t); r++) out.push(t.columns.map((_c, c) => s.get(r, c) as string | number));
  return out;
}

describe('项目支出绩效目标表: the pane prints what the CLI prints', () => {
  // Eight projects, the third taller than a page: breaks between projects and inside the tall one.
  const t = projects(8, 3);
  const ws = cliSheet(t);
  let pane: PaneSheet;
  beforeAll(async () => {
    pane = await paneSheet(t);
  });

  test('the table needs breaks, between projects and inside the tall one (the fixture is what the tests mean)', () => {
    const breaks = cliBreaks(ws);
    const body = 3 + t.headerRows;
    const starts = new Set(bodyLayoutOf(t)!.blocks.map((b) => body + b.start));
    expect(breaks.some((b) => starts.has(b))).toBe(true);
    expect(breaks.some((b) => !starts.has(b))).toBe(true);
    expect(Math.max(...cliHeights(ws, t).map((h) => h ?? 0))).toBeLessThanOrEqual(MAX_ROW_PT);
  });

  test('same row heights, row for row (title, header, body, note)', () => {
    expect(pane.model.failedSyncs()).toEqual([]);
    const want = cliHeights(ws, t);
    expect(want.filter((h) => h !== undefined).length).toBe(lastRow(t) - 1); // all but the unit line
    expect(paneHeights(pane.sheet, t)).toEqual(want);
  });

  test('same page breaks', () => {
    expect(paneBreaks(pane.sheet)).toEqual(cliBreaks(ws));
  });

  test('same cells, （续） included, and the same merges, cut at the breaks', () => {
    expect(paneCells(pane.sheet, t)).toEqual(cliCells(ws, t));
    expect(paneMerges(pane.sheet)).toEqual(cliMerges(ws));
    const continued = paneCells(pane.sheet, t).filter((r) => String(r[0]).endsWith('（续）'));
    expect(continued.length).toBeGreaterThan(0);
    for (const r of continued) expect(r[0]).toBe('项目P0003（续）');
  });

  test('same column widths and print setup: A4 landscape, one page wide, margins, header rows, footer', () => {
    t.columns.forEach((_c, c) => expect(pane.sheet.columnWidths.get(c)).toBe(ws.getColumn(c + 1).width! * 7));
    const m = ws.pageSetup.margins!;
    expect(pane.sheet.pageLayout).toMatchObject({
      orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerHorizontally: true,
      leftMargin: m.left * 72, rightMargin: m.right * 72, topMargin: m.top * 72, bottomMargin: m.bottom * 72, headerMargin: m.header * 72, footerMargin: m.footer * 72,
      printTitleRows: `$3:$${2 + t.headerRows}`, 'footer.centerFooter': ws.headerFooter.oddFooter,
    });
  });
});

describe('batched: syncs grow with payload chunks, never with rows', () => {
  test('10 and 500 projects (one taller than a page each)', async () => {
    const small = projects(10, 4);
    const large = projects(500, 4);
    const a = await paneSheet(small);
    const b = await paneSheet(large);
    expect(a.model.failedSyncs()).toEqual([]);
    expect(b.model.failedSyncs()).toEqual([]);
    // The large table has far more heights and breaks than syncs: they ride in the chunks.
    expect(b.sheet.pageBreaks.length).toBeGreaterThan(50);
    expect(b.sheet.rowHeights.size).toBe(lastRow(large) - 1);
    expect(b.sheet.rowHeights.size).toBeGreaterThan(1500);
    expect(paneBreaks(b.sheet)).toEqual(cliBreaks(cliSheet(large)));
    expect(paneHeights(b.sheet, large)).toEqual(cliHeights(cliSheet(large), large));
    expect(b.syncs).toBeLessThanOrEqual(a.syncs + 2);
    expect(b.syncs).toBeLessThan(10);
    expect(b.model.maxRequestBytes()).toBeLessThan(4_000_000);
  });
});

describe('a host without ExcelApi 1.9 (Office 2019)', () => {
  test('the table is written with its heights; no page setup, no break API, so no （续）', async () => {
    const t = projects(8, 3);
    const { sheet, model } = await paneSheet(t, 8);
    // A break or page-layout op would fail the batch with ApiNotFound on this host.
    expect(model.failedSyncs()).toEqual([]);
    expect(sheet.pageBreaks).toEqual([]);
    expect(sheet.pageLayout).toEqual({});
    const layout = bodyLayoutOf(t)!;
    const plan = planBody(t, layout, tablePageGeometry(t), false);
    const body = 2 + t.headerRows;
    plan.heights.forEach((h, i) => expect(sheet.rowHeights.get(body + i)).toBe(h));
    expect(sheet.rowHeights.get(0)).toBe(32);
    // Whole merges, as the model has them: nothing cut where no page starts.
    const bodyMerges = sheet.merges.filter((m) => m.top >= body && m.top < body + t.rows.length).map((m) => [m.top - body, m.left, m.bottom - m.top + 1, m.right - m.left + 1]);
    expect(bodyMerges.sort()).toEqual(layout.merges.map((m) => [m.row, m.col, m.rowSpan, m.colSpan]).sort());
    expect(paneCells(sheet, t).flat().some((v) => String(v).includes('（续）'))).toBe(false);
  });
});

describe('Excel limits', () => {
  test('a planned row above 409 points is drawn at 409 (Excel refuses more)', async () => {
    const lines = [projectLine('101', '县教育局', 'P1', '长目标项目', '一般公共预算拨款', 1_000_000)];
    // One row, no indicators: the whole goal must fit one row of the 28-character 年度绩效目标 column.
    const t = gridTable(lines, [perfGoal('101', '县教育局', 'P1', '长目标项目', [], { goalText: LONG_GOAL.repeat(20) })]);
    const plan = planBody(t, bodyLayoutOf(t)!, tablePageGeometry(t));
    expect(Math.max(...plan.heights)).toBeGreaterThan(MAX_ROW_PT);
    const { sheet, model } = await paneSheet(t);
    expect(model.failedSyncs()).toEqual([]);
    expect(Math.max(...sheet.rowHeights.values())).toBe(MAX_ROW_PT);
  });
});

describe('the fake host is as strict as Excel about heights and breaks', () => {
  async function run(version: number, batch: (ctx: Excel.RequestContext) => void): Promise<string[]> {
    const { model, uninstall } = fakeHost(version);
    try {
      model.put('表', [['x']]);
      await Excel.run(async (ctx) => {
        batch(ctx);
        await ctx.sync();
      }).catch(() => undefined);
      return model.failedSyncs();
    } finally {
      uninstall();
    }
  }
  const ws = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('表');

  test('rowHeight: 0–409 points, ExcelApi 1.2', async () => {
    expect(await run(18, (ctx) => (ws(ctx).getRange('A1:B2').format.rowHeight = 409))).toEqual([]);
    expect(await run(18, (ctx) => (ws(ctx).getRange('A1').format.rowHeight = 409.5))).toEqual(['InvalidArgument']);
    expect(await run(18, (ctx) => (ws(ctx).getRange('A1').format.rowHeight = -1))).toEqual(['InvalidArgument']);
    expect(await run(1, (ctx) => (ws(ctx).getRange('A1').format.rowHeight = 20))).toEqual(['ApiNotFound']);
  });

  test('horizontal page breaks: ExcelApi 1.9, at most 1,026 a sheet', async () => {
    expect(await run(8, (ctx) => ws(ctx).horizontalPageBreaks.add('A5'))).toEqual(['ApiNotFound']);
    expect(await run(9, (ctx) => ws(ctx).horizontalPageBreaks.add('A5'))).toEqual([]);
    expect(await run(18, (ctx) => {
      for (let r = 2; r <= 1028; r++) ws(ctx).horizontalPageBreaks.add(`A${r}`);
    })).toEqual(['InvalidOperation']);
  });
});
