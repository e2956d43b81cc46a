/**
 * The pane prints every standard table as the CLI does, compared with the xlsx writer's sheet for
 * the same table: the same column widths (the file's characters as Office.js points), row heights,
 * print setup; for the 项目支出绩效目标表 also the heights of merged wrapped text, the manual page
 * breaks between projects, the （续） cells and cut merges where a project taller than a page
 * continues. No row is planned above Excel's 409 pt, in either writer. Heights, page setups and
 * breaks are batched (syncs grow with payload chunks, never with rows or tables); below ExcelApi 1.9
 * the tables keep widths and heights, no page-layout or break API is called, and the fake host is
 * as strict as Excel about both.
 */
import type ExcelJS from 'exceljs';
import { a1 } from '../../src/core/address';
import { type StandardTable, generateTables } from '../../src/core/tables';
import { bodyLayoutOf } from '../../src/core/tables/project-performance-grid';
import { planBody, planSheet, tablePageGeometry, textHeightPt, widthToPoints } from '../../src/core/tables/sheet-geometry';
import { MAX_ROW_PT, tableLayout, writeTables } from '../../src/excel/tables';
import { buildTablesWorkbook } from '../../src/io/tables-workbook';
import type { FakeSheet, FakeWorkbookModel } from '../../src/testing/fake-excel/model';
import { exampleBLines } from '../fixtures/example-b-lines';
import { exampleCLines } from '../fixtures/example-c-lines';
import { type Ind, SCHOOL, gridTable, perfGoal, projectLine } from '../core/tables/perf-grid-fixtures';
import { fakeHost, paneSet, runOnFake } from './helpers';

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

/** Every merge of the sheet, title and unit line included. */
const cliMerges = (ws: ExcelJS.Worksheet) => ((ws.model as unknown as { merges: string[] }).merges).slice().sort();
const paneMerges = (s: FakeSheet) => s.merges.map((m) => `${a1(m.top + 1, m.left + 1)}:${a1(m.bottom + 1, m.right + 1)}`).sort();

/** Column widths of the CLI's sheet in the points Office.js takes, and of the pane's sheet. */
const cliWidthsPt = (ws: ExcelJS.Worksheet, t: StandardTable) => t.columns.map((_c, c) => widthToPoints(ws.getColumn(c + 1).width!));
const paneWidths = (s: FakeSheet, t: StandardTable) => t.columns.map((_c, c) => s.columnWidths.get(c));

/** The CLI sheet's print setup as the pane's PageLayout writes say it (margins in points, not inches). */
function cliPageLayout(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const p = ws.pageSetup;
  const m = p.margins!;
  expect([p.paperSize, p.fitToPage, p.fitToWidth, p.fitToHeight]).toEqual([9, true, 1, 0]); // A4, one page wide
  const [top, bottom] = p.printTitlesRow!.split(':');
  return {
    orientation: p.orientation === 'landscape' ? 'Landscape' : 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerHorizontally: p.horizontalCentered,
    leftMargin: m.left * 72, rightMargin: m.right * 72, topMargin: m.top * 72, bottomMargin: m.bottom * 72, headerMargin: m.header * 72, footerMargin: m.footer * 72,
    printTitleRows: `$${top}:$${bottom}`, 'footer.centerFooter': ws.headerFooter.oddFooter,
  };
}

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
    expect(paneWidths(pane.sheet, t)).toEqual(cliWidthsPt(ws, t));
    expect(pane.sheet.pageLayout).toEqual(cliPageLayout(ws));
    expect(pane.sheet.pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: `$3:$${2 + t.headerRows}` });
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

describe('Excel limits: no row above 409 points, in the plan and so in both writers', () => {
  test('a 项目支出绩效目标表 row whose text needs more than 409 points is 409 in the CLI file and in the pane', async () => {
    const lines = [projectLine('101', '县教育局', 'P1', '长目标项目', '一般公共预算拨款', 1_000_000)];
    // One row, no indicators: the whole goal must fit one row of the 28-character 年度绩效目标 column.
    const goal = LONG_GOAL.repeat(20);
    const t = gridTable(lines, [perfGoal('101', '县教育局', 'P1', '长目标项目', [], { goalText: goal })]);
    const goalCol = t.columns.findIndex((c) => c.wrap && c.width === 28);
    expect(textHeightPt(goal, tablePageGeometry(t).widths[goalCol])).toBeGreaterThan(MAX_ROW_PT); // the fixture means it
    const plan = planBody(t, bodyLayoutOf(t)!, tablePageGeometry(t));
    expect(Math.max(...plan.heights)).toBe(MAX_ROW_PT);
    const ws = cliSheet(t);
    const { sheet, model } = await paneSheet(t);
    expect(model.failedSyncs()).toEqual([]);
    expect(Math.max(...cliHeights(ws, t).map((h) => h ?? 0))).toBe(MAX_ROW_PT);
    expect(paneHeights(sheet, t)).toEqual(cliHeights(ws, t));
  });

  test('an ordinary table\'s note longer than 20 lines is 409 in both (the CLI wrote 20 pt a line unclamped)', async () => {
    const base = generateTables(exampleBLines(), { year: 2026 }).find((x) => x.id === 'summary')!;
    const t: StandardTable = { ...base, notes: ['本表无数据，' + '说明文字'.repeat(300)] };
    const noteRow = 2 + t.headerRows + t.rows.length; // 0-based
    const ws = cliSheet(t);
    const { sheet, model } = await paneSheet(t);
    expect(model.failedSyncs()).toEqual([]);
    expect(ws.getRow(noteRow + 1).height).toBe(MAX_ROW_PT);
    expect(sheet.rowHeights.get(noteRow)).toBe(MAX_ROW_PT);
    expect(paneHeights(sheet, t)).toEqual(cliHeights(ws, t));
  });
});

describe('column widths: the file\'s characters are Office.js points', () => {
  test('ECMA-376 pixels of the 7 px Calibri digit, at 72/96 points a pixel', () => {
    // Excel's default column: 8.43 characters in its dialog, 9.140625 in the file, 64 px = 48 pt.
    expect(widthToPoints(9.140625)).toBe(48);
    expect(widthToPoints(10)).toBe(52.5); // 70 px
    expect(widthToPoints(16)).toBe(84); // 112 px
    expect(widthToPoints(12.5)).toBe(65.25); // 87 px: Excel truncates to whole pixels
  });
});

/** The ordinary tables the comparison covers: portrait and landscape, widened columns, a note row. */
const ORDINARY: ReadonlyArray<[string, () => StandardTable]> = [
  ['部门收支总表 (national, portrait)', () => generateTables(exampleBLines(), { year: 2026 }).find((t) => t.id === 'summary')!],
  ['一般公共预算支出表 (national, landscape, name column widened)', () => generateTables(exampleBLines(), { year: 2026 }).find((t) => t.id === 'generalPublic')!],
  ['“三公”经费支出表 (national, landscape, empty: a note row)', () => generateTables(exampleBLines(), { year: 2026 }).find((t) => t.id === 'threePublic')!],
  ['部门财务收支预算总表 (Shanghai, money columns widened)', () => generateTables(exampleCLines(), { style: 'shanghai', year: 2026 }).find((t) => t.id === 'summary')!],
];

describe.each(ORDINARY)('%s: the pane draws what the CLI draws', (_name, make) => {
  const t = make();
  const ws = cliSheet(t);
  let pane: PaneSheet;
  beforeAll(async () => {
    pane = await paneSheet(t);
  });

  test('same column widths (in Office.js points), widened as the CLI widens them', () => {
    expect(pane.model.failedSyncs()).toEqual([]);
    expect(paneWidths(pane.sheet, t)).toEqual(cliWidthsPt(ws, t));
    expect(paneWidths(pane.sheet, t)).toEqual(planSheet(t).widths.map(widthToPoints));
  });

  test('same row heights: the title and the notes set, the other rows left to the host in both', () => {
    const want = cliHeights(ws, t);
    expect(want[0]).toBe(32);
    expect(want.filter((h) => h !== undefined).length).toBe(1 + t.notes.length);
    expect(paneHeights(pane.sheet, t)).toEqual(want);
  });

  test('same print setup: A4 in the table\'s orientation, one page wide, margins, header rows, footer; no breaks', () => {
    expect(pane.sheet.pageLayout).toEqual(cliPageLayout(ws));
    expect(pane.sheet.pageLayout.orientation).toBe(t.orientation === 'landscape' ? 'Landscape' : 'Portrait');
    expect(pane.sheet.pageBreaks).toEqual([]);
    expect(cliBreaks(ws)).toEqual([]);
  });
});

/** Every standard table of example B plus a 项目支出绩效目标表 of `n` projects, one set as the pane writes it. */
function fullSet(n: number): StandardTable[] {
  const lines = [...exampleBLines()];
  const goals = [];
  for (let i = 1; i <= n; i++) {
    const code = `P${String(i).padStart(4, '0')}`;
    lines.push(projectLine('101', '县教育局', code, `项目${i}`, '一般公共预算拨款', 1_000_000 * i));
    goals.push(perfGoal('101', '县教育局', code, `项目${i}`, SCHOOL.slice(0, 1 + (i % 6)), { goalText: i % 2 ? LONG_GOAL : '' }));
  }
  return generateTables(lines, { performance: goals, year: 2026 });
}


describe('the full set of tables', () => {
  test('every sheet as the CLI\'s: widths, heights, page setup; syncs do not grow with tables or rows', async () => {
    const small = fullSet(10);
    const large = fullSet(500);
    expect(small.length).toBe(10);
    const a = await paneSet(small);
    const b = await paneSet(large);
    expect(a.model.failedSyncs()).toEqual([]);
    expect(b.model.failedSyncs()).toEqual([]);
    const cli = buildTablesWorkbook([{ tables: large }]).worksheets;
    large.forEach((t, i) => {
      expect([t.shortName, paneWidths(b.sheets[i], t)]).toEqual([t.shortName, cliWidthsPt(cli[i], t)]);
      expect([t.shortName, paneHeights(b.sheets[i], t)]).toEqual([t.shortName, cliHeights(cli[i], t)]);
      expect([t.shortName, b.sheets[i].pageLayout]).toEqual([t.shortName, cliPageLayout(cli[i])]);
    });
    // One sync reads the sheet names, one writes all ten sheets: page setups and heights ride in the chunk.
    expect(a.syncs).toBe(2);
    expect(b.syncs).toBeLessThanOrEqual(a.syncs + 2);
    expect(b.model.maxRequestBytes()).toBeLessThan(4_000_000);
  });

  test.each([8, 7])('ExcelApi 1.%i (no page layout): every table written with its widths and heights, no page setup, no breaks', async (version) => {
    const tables = fullSet(10);
    const { sheets, model, syncs } = await paneSet(tables, version);
    // A page-layout or break op would fail the batch with ApiNotFound on this host.
    expect(model.failedSyncs()).toEqual([]);
    expect(syncs).toBe(2);
    tables.forEach((t, i) => {
      const s = sheets[i];
      const plan = planSheet(t, false);
      expect(s.pageLayout).toEqual({});
      expect(s.pageBreaks).toEqual([]);
      // Every value written (Excel keeps a text's leading apostrophe out of the cell).
      const want = tableLayout(t, false, true).values.map((row) => row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));
      expect(want.map((row, r) => row.map((_v, c) => s.get(r, c)))).toEqual(want);
      expect(paneWidths(s, t)).toEqual(plan.widths.map(widthToPoints));
      expect(paneHeights(s, t)).toEqual(plan.heights.map((h) => h ?? undefined));
    });
  });
});

describe('the fake host is as strict as Excel about heights and breaks', () => {
  const run = async (version: number, batch: (ctx: Excel.RequestContext) => void) => (await runOnFake(version, batch)).failed;
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
