/**
 * The pane's standard tables look like the CLI's: every cell of every sheet, title to last note,
 * compared with the xlsx writer's exceljs sheet for the same table — merges, borders (thin on every
 * header and body cell), font (宋体, 16 pt bold title, 10 pt elsewhere, bold header and totals),
 * fill, alignment, wrapping, indent, column widths. National tables indent names with IndentLevel,
 * so the cell holds the bare name; a host without ExcelApi 1.9 gets full-width spaces in the text
 * instead, and everything else still right. The look is batched (syncs grow with payload chunks,
 * not rows), and the fake host is as strict as Excel about the format properties it takes.
 */
import type ExcelJS from 'exceljs';
import { a1 } from '../../src/core/address';
import { type StandardTable, generateTables } from '../../src/core/tables';
import { bodyLayoutOf } from '../../src/core/tables/project-performance-grid';
import { widthToPoints } from '../../src/core/tables/sheet-geometry';
import { rectangles } from '../../src/excel/table-look';
import { buildTablesWorkbook } from '../../src/io/tables-workbook';
import type { CellBorder, FakeSheet } from '../../src/testing/fake-excel/model';
import { MAX_COLUMN_WIDTH_PT } from '../../src/testing/fake-excel';
import { exampleBLines } from '../fixtures/example-b-lines';
import { exampleCLines } from '../fixtures/example-c-lines';
import { SCHOOL, perfGoal, projectLine } from '../core/tables/perf-grid-fixtures';
import { fakeHost, paneSet, runOnFake } from './helpers';

/** A cell's look in the words both writers can be read in. */
interface Look {
  font: [string | undefined, number | undefined, boolean];
  fill: string | undefined;
  horizontal: string | undefined;
  vertical: string | undefined;
  wrap: boolean;
  indent: number;
  /** top, right, bottom, left: 'thin' or absent. */
  borders: [string?, string?, string?, string?];
}

const SIDES = ['top', 'right', 'bottom', 'left'] as const;

function cliLook(cell: ExcelJS.Cell): Look {
  const f = cell.font ?? {};
  const al = cell.alignment ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return {
    font: [f.name, f.size, !!f.bold],
    fill: fill?.pattern === 'solid' ? fill.fgColor?.argb?.slice(2) : undefined,
    horizontal: al.horizontal,
    vertical: al.vertical === 'middle' ? 'center' : al.vertical,
    wrap: !!al.wrapText,
    indent: al.indent ?? 0,
    borders: SIDES.map((s) => cell.border?.[s]?.style) as Look['borders'],
  };
}

/** Office.js's border style and weight as the file's style name (Continuous + Thin is exceljs 'thin'). */
function fileStyle(b: CellBorder | undefined): string | undefined {
  if (!b) return undefined;
  return b.style === 'Continuous' && (b.weight ?? 'Thin') === 'Thin' ? 'thin' : `${b.style}/${b.weight}`;
}

function paneLook(s: FakeSheet, r: number, c: number): Look {
  const f = s.formats.get(`${r},${c}`) ?? {};
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);
  return {
    font: [f['font.name'] as string | undefined, f['font.size'] as number | undefined, !!f['font.bold']],
    fill: s.fills.has(`${r},${c}`) ? s.fill(r, c).color.slice(1) : undefined,
    horizontal: lower(f.horizontalAlignment),
    vertical: lower(f.verticalAlignment),
    wrap: !!f.wrapText,
    indent: (f.indentLevel as number | undefined) ?? 0,
    borders: SIDES.map((side) => fileStyle(f[`border.${side}`] as CellBorder | undefined)) as Look['borders'],
  };
}

const lastRow = (t: StandardTable) => 2 + t.headerRows + t.rows.length + t.notes.length;

/** Every cell's look, row by row from A1, keyed by its address so a failure names the cell. */
function looks(t: StandardTable, at: (r: number, c: number) => Look): Array<[string, Look]> {
  const out: Array<[string, Look]> = [];
  for (let r = 0; r < lastRow(t); r++) for (let c = 0; c < t.columns.length; c++) out.push([a1(r + 1, c + 1), at(r, c)]);
  return out;
}
const cliLooks = (ws: ExcelJS.Worksheet, t: StandardTable) => looks(t, (r, c) => cliLook(ws.getCell(r + 1, c + 1)));
const paneLooks = (s: FakeSheet, t: StandardTable) => looks(t, (r, c) => paneLook(s, r, c));
const withoutIndent = (l: Array<[string, Look]>) => l.map(([k, x]): [string, Look] => [k, { ...x, indent: 0 }]);

const cliMerges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges.slice().sort();
const paneMerges = (s: FakeSheet) => s.merges.map((m) => `${a1(m.top + 1, m.left + 1)}:${a1(m.bottom + 1, m.right + 1)}`).sort();

/** Body text cells as the file holds them (blank under a merge's top-left cell). */
function cliTexts(ws: ExcelJS.Worksheet, t: StandardTable): string[][] {
  const body = 3 + t.headerRows;
  return t.rows.map((_row, i) => t.columns.map((_c, c) => {
    const cell = ws.getCell(body + i, c + 1);
    if (cell.isMerged && cell.master.address !== cell.address) return '';
    return typeof cell.value === 'string' ? cell.value : '';
  }));
}
function paneTexts(s: FakeSheet, t: StandardTable): string[][] {
  const body = 2 + t.headerRows;
  return t.rows.map((_row, i) => t.columns.map((_c, c) => {
    const v = s.get(body + i, c);
    return typeof v === 'string' ? v : '';
  }));
}

/** Example B's ten national tables (the last a 项目支出绩效目标表 of `projects` projects) and example C's nine Shanghai ones. */
function tableSets(projects = 8): Array<[string, StandardTable[]]> {
  const lines = [...exampleBLines()];
  const goals = [];
  for (let i = 1; i <= projects; i++) {
    const code = `P${String(i).padStart(4, '0')}`;
    lines.push(projectLine('101', '县教育局', code, `项目${i}`, '一般公共预算拨款', 1_000_000 * i));
    goals.push(perfGoal('101', '县教育局', code, `项目${i}`, SCHOOL.slice(0, 1 + (i % 6)), { goalText: i % 2 ? '完成全县校舍维修改造，消除安全隐患。'.repeat(3) : '' }));
  }
  return [
    ['national', generateTables(lines, { performance: goals, year: 2026 })],
    ['shanghai', generateTables(exampleCLines(), { style: 'shanghai', year: 2026 })],
  ];
}


describe.each(tableSets())('%s tables: the pane draws every cell as the CLI does', (style, tables) => {
  const cli = buildTablesWorkbook([{ tables }]).worksheets;
  let pane: Awaited<ReturnType<typeof paneSet>>;
  beforeAll(async () => {
    pane = await paneSet(tables, 18);
  });

  test('the fixture means it: indented names, totals, notes, wrapped text, a laid-out table (national)', () => {
    expect(pane.model.failedSyncs()).toEqual([]);
    const all = tables.flatMap((t, i) => cliLooks(cli[i], t).map(([, l]) => l));
    expect(all.some((l) => l.font[2] && l.font[1] === 10)).toBe(true);
    expect(all.some((l) => l.wrap)).toBe(true);
    expect(tables.some((t) => t.notes.length > 0)).toBe(true);
    if (style === 'national') {
      expect(all.some((l) => l.indent === 2)).toBe(true);
      expect(tables.some((t) => bodyLayoutOf(t))).toBe(true);
    }
  });

  test.each(tables.map((t, i) => [t.shortName, i] as const))('%s: merges, every cell\'s font, fill, borders, alignment, wrap and indent, widths', (_name, i) => {
    const t = tables[i];
    const s = pane.sheets[i];
    expect(paneMerges(s)).toEqual(cliMerges(cli[i]));
    expect(paneLooks(s, t)).toEqual(cliLooks(cli[i], t));
    expect(t.columns.map((_c, c) => s.columnWidths.get(c))).toEqual(t.columns.map((_c, c) => widthToPoints(cli[i].getColumn(c + 1).width!)));
    // The indent is a format: the cell holds the name as the CLI's does, no leading spaces to copy.
    expect(paneTexts(s, t)).toEqual(cliTexts(cli[i], t));
  });
});

describe('a host without ExcelApi 1.9 (Office 2019): names indented with full-width spaces, the rest as the CLI', () => {
  const [, tables] = tableSets()[0];
  const cli = buildTablesWorkbook([{ tables }]).worksheets;

  test.each([8, 7])('ExcelApi 1.%i', async (version) => {
    const { sheets, model } = await paneSet(tables, version);
    // An indentLevel op would fail the batch with ApiNotFound on this host.
    expect(model.failedSyncs()).toEqual([]);
    let indented = 0;
    tables.forEach((t, i) => {
      const s = sheets[i];
      expect(paneMerges(s)).toEqual(cliMerges(cli[i]));
      expect(paneLooks(s, t)).toEqual(withoutIndent(cliLooks(cli[i], t)));
      for (const [, l] of paneLooks(s, t)) expect(l.indent).toBe(0);
      // Each indent level is one full-width space, where the CLI has its IndentLevel.
      const body = 3 + t.headerRows;
      const want = cliTexts(cli[i], t).map((row, r) => row.map((v, c) => {
        const n = cli[i].getCell(body + r, c + 1).alignment?.indent ?? 0;
        indented += n > 0 ? 1 : 0;
        return '\u3000'.repeat(n) + v;
      }));
      expect(paneTexts(s, t)).toEqual(want);
    });
    expect(indented).toBeGreaterThan(10);
  });
});

/** The 一般公共预算支出表 of example B (35 rows) with its body repeated `times` times: 类/款/项 rows, totals between. */
function longTable(times: number): StandardTable {
  const t = generateTables(exampleBLines(), { year: 2026 }).find((x) => x.id === 'generalPublic')!;
  return { ...t, rows: Array.from({ length: times }, () => t.rows).flat() };
}

describe('batched: the look adds ops by runs, syncs only by payload chunks', () => {
  test('a national table of 35 rows and one of 14,000: the same look as the CLI, syncs differ by chunks only', async () => {
    const small = longTable(1);
    const large = longTable(400);
    expect(large.rows.length).toBe(14_000);
    const a = await paneSet([small], 18);
    const b = await paneSet([large], 18);
    expect(a.model.failedSyncs()).toEqual([]);
    expect(b.model.failedSyncs()).toEqual([]);
    expect(paneLooks(b.sheets[0], large)).toEqual(cliLooks(buildTablesWorkbook([{ tables: [large] }]).worksheets[0], large));
    expect(a.syncs).toBe(2);
    // 14,000 rows of values and their formats are about 2.7 MB: one more chunk, not one sync per row.
    expect(b.syncs).toBeLessThanOrEqual(a.syncs + 2);
    expect(b.model.maxRequestBytes()).toBeLessThan(4_000_000);
    const ops = b.model.syncs.reduce((n, x) => n + x.ops, 0);
    // Far fewer ops than cells: one per run of equal looks, not per cell (14,000 rows × 7 columns).
    expect(ops).toBeLessThan(large.rows.length * 2);
  });

  test('rectangles: column runs, joined across columns with the same run; skipped values left out', () => {
    const grid = [
      ['a', 'a', 'b', 'a'],
      ['a', 'a', 'b', 'a'],
      ['c', 'c', 'b', 'a'],
    ];
    const rects = rectangles(3, 4, (r, c) => grid[r][c]).map((x) => [x.row, x.col, x.rows, x.cols, x.value]);
    // Column D's run of 'a' is not column B's (three rows, not two), and C breaks the join anyway.
    expect(rects.sort()).toEqual([[0, 0, 2, 2, 'a'], [2, 0, 1, 2, 'c'], [0, 2, 3, 1, 'b'], [0, 3, 3, 1, 'a']].sort());
    expect(rectangles(3, 3, (r, c) => grid[r][c], (v) => v !== 'b').map((x) => [x.row, x.col, x.rows, x.cols])).toEqual([[0, 2, 3, 1]]);
  });
});

describe('the fake host is as strict as Excel about the look\'s formats', () => {
  const run = runOnFake;
  const range = (ctx: Excel.RequestContext, address = 'A1') => ctx.workbook.worksheets.getItem('表').getRange(address);
  const fails = async (version: number, batch: (ctx: Excel.RequestContext) => void) => (await run(version, batch)).failed;

  test('indentLevel: an integer 0–250, ExcelApi 1.9', async () => {
    expect(await fails(18, (ctx) => (range(ctx).format.indentLevel = 250))).toEqual([]);
    expect(await fails(18, (ctx) => (range(ctx).format.indentLevel = 251))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.indentLevel = -1))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.indentLevel = 1.5))).toEqual(['InvalidArgument']);
    expect(await fails(8, (ctx) => (range(ctx).format.indentLevel = 1))).toEqual(['ApiNotFound']);
    expect(await fails(9, (ctx) => (range(ctx).format.indentLevel = 1))).toEqual([]);
  });

  test('columnWidth: points from 0 to 255 characters, ExcelApi 1.2, kept by column', async () => {
    const ok = await run(18, (ctx) => (range(ctx, 'B1:C4').format.columnWidth = 52.5));
    expect(ok.failed).toEqual([]);
    expect([...ok.sheet.columnWidths]).toEqual([[1, 52.5], [2, 52.5]]);
    expect(await fails(18, (ctx) => (range(ctx).format.columnWidth = MAX_COLUMN_WIDTH_PT))).toEqual([]);
    expect(await fails(18, (ctx) => (range(ctx).format.columnWidth = MAX_COLUMN_WIDTH_PT + 1))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.columnWidth = -1))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.columnWidth = NaN))).toEqual(['InvalidArgument']);
    expect(await fails(1, (ctx) => (range(ctx).format.columnWidth = 50))).toEqual(['ApiNotFound']);
  });

  test('borders: only Excel\'s edges, line styles and weights; edges and inside lines land on the cells\' sides', async () => {
    expect(await fails(18, (ctx) => (range(ctx).format.borders.getItem('Top' as Excel.BorderIndex).style = 'Continuous'))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.borders.getItem('EdgeTop').style = 'Thin' as Excel.BorderLineStyle))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.borders.getItem('EdgeTop').weight = 'Bold' as Excel.BorderWeight))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.borders.getItem('EdgeTop').color = 'not a colour'))).toEqual(['InvalidArgument']);
    const { failed, sheet } = await run(1, (ctx) => {
      const b = range(ctx, 'A1:B2').format.borders;
      b.getItem('EdgeTop').style = 'Continuous';
      b.getItem('InsideHorizontal').style = 'Continuous';
      b.getItem('InsideHorizontal').weight = 'Thin';
    });
    expect(failed).toEqual([]);
    const sides = (r: number, c: number) => SIDES.filter((s) => sheet.formats.get(`${r},${c}`)?.[`border.${s}`]);
    expect([sides(0, 0), sides(0, 1), sides(1, 0), sides(1, 1)]).toEqual([['top', 'bottom'], ['top', 'bottom'], ['top'], ['top']]);
    expect(sheet.formats.get('1,0')!['border.top']).toEqual({ style: 'Continuous', weight: 'Thin' });
  });

  test('fonts, alignment, wrap: Excel\'s values only', async () => {
    expect(await fails(18, (ctx) => {
      const f = range(ctx).format;
      f.font.name = '宋体';
      f.font.size = 409;
      f.font.bold = true;
      f.horizontalAlignment = 'Center';
      f.verticalAlignment = 'Center';
      f.wrapText = true;
    })).toEqual([]);
    expect(await fails(18, (ctx) => (range(ctx).format.font.size = 0))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.font.size = 410))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.font.name = ''))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.horizontalAlignment = 'left' as Excel.HorizontalAlignment))).toEqual(['InvalidArgument']);
    expect(await fails(18, (ctx) => (range(ctx).format.verticalAlignment = 'Middle' as Excel.VerticalAlignment))).toEqual(['InvalidArgument']);
  });
});
