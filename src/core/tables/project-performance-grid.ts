/**
 * 项目支出绩效目标表 with the indicator grid, in the national layout (issue 16; domain §1.2 C, from the
 * 财预〔2021〕101号 template and the county tables that publish it, P32/P33): per project 项目名称 ·
 * 主管部门 · 实施单位 · 项目资金 (年度资金总额 · 其中：财政拨款 · 其他资金) · 年度绩效目标, then one row per
 * indicator 一级指标 · 二级指标 · 三级指标 · 指标值. The project's cells are merged down its indicator
 * rows and each run of one 一级 (and, inside it, one 二级) is merged down too, as the template prints
 * them. Money from the budget lines, the grid from the 绩效目标 sheet. A project without indicators
 * keeps one row.
 *
 * The merges and the project blocks travel with the table as a BodyLayout (see bodyLayoutOf): the
 * model keeps each value once, in the top cell of its merged area, so every amount appears once and
 * Σ of the project rows is the 合计 row, to the 分.
 */
import { formatWan } from '../money';
import type { Indicator, PerfGoal } from '../performance/model';
import { type HeaderNode, type ProjectInfo, leaf, money } from './common';
import { type TableContext, makeTable, row, tableName } from './layout';
import type { StandardTable, TableRow, TableValue } from './model';

/** The project columns of the one-row-per-project form: 单位名称 · 项目编码 · 项目名称 · 项目资金 (合计 · 其中：财政拨款 · 其他资金) · 年度绩效目标. */
export function projectHeadTree([unit, code, name, fund, goal]: readonly number[]): HeaderNode[] {
  return [
    leaf('单位名称', { key: 'unit', kind: 'text', width: unit }),
    leaf('项目编码', { key: 'projectCode', kind: 'code', width: code }),
    leaf('项目名称', { key: 'project', kind: 'text', width: name }),
    { text: '项目资金', children: [leaf('合计', money('total', fund)), leaf('其中：财政拨款', money('fiscal', fund)), leaf('其他资金', money('other', fund))] },
    leaf('年度绩效目标', { key: 'goal', kind: 'text', width: goal, wrap: true }),
  ];
}

/** The national header: 项目名称 · 主管部门 · 实施单位 · 项目资金 (年度资金总额 · 其中：财政拨款 · 其他资金) · 年度绩效目标 · 一级指标 · 二级指标 · 三级指标 · 指标值. */
export function nationalGridTree(): HeaderNode[] {
  return [
    leaf('项目名称', { key: 'project', kind: 'text', width: 20, wrap: true }),
    leaf('主管部门', { key: 'department', kind: 'text', width: 14, wrap: true }),
    leaf('实施单位', { key: 'unit', kind: 'text', width: 16, wrap: true }),
    { text: '项目资金', children: [leaf('年度资金总额', money('total', 12)), leaf('其中：财政拨款', money('fiscal', 12)), leaf('其他资金', money('other', 12))] },
    leaf('年度绩效目标', { key: 'goal', kind: 'text', width: 28, wrap: true }),
    leaf('一级指标', { key: 'level1', kind: 'text', width: 10, wrap: true }),
    leaf('二级指标', { key: 'level2', kind: 'text', width: 14, wrap: true }),
    leaf('三级指标', { key: 'level3', kind: 'text', width: 22, wrap: true }),
    leaf('指标值', { key: 'value', kind: 'text', width: 14, wrap: true }),
  ];
}

// Column indexes of the national header (nationalGridTree's leaves, in order).
const C_PROJECT = 0;
const C_UNIT = 2;
const C_GOAL = 6;
const C_LEVEL1 = 7;
const C_LEVEL2 = 8;
const WIDTH = 11;

/** A merged area of the body; row is 0-based in table.rows, col 0-based in table.columns. */
export interface BodyMerge {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** Rows [start, end) of table.rows that belong together (one project): kept on one page when they fit. */
export interface RowBlock {
  readonly start: number;
  readonly end: number;
}

/**
 * How the body is laid out beyond one value per cell. A renderer that knows it merges the areas and
 * keeps each block on one page; a block taller than a page is split where the page ends, and the
 * split areas of the `repeat` columns carry their text again on the new page (the first of them with
 * `continuedSuffix`), so a continuation page still names its project.
 */
export interface BodyLayout {
  readonly merges: readonly BodyMerge[];
  /** Blocks of several rows, ascending; a row in none is a block of its own. */
  readonly blocks: readonly RowBlock[];
  readonly repeat: readonly number[];
  readonly continuedSuffix: string;
}

/** Every block of a body of `rows` rows, in order: BodyLayout.blocks plus a block for each row in none. */
export function allBlocks(layout: BodyLayout, rows: number): RowBlock[] {
  const out: RowBlock[] = [];
  let next = 0;
  for (const b of layout.blocks) {
    for (; next < b.start; next++) out.push({ start: next, end: next + 1 });
    out.push(b);
    next = b.end;
  }
  for (; next < rows; next++) out.push({ start: next, end: next + 1 });
  return out;
}

/** A table that carries a BodyLayout; still a StandardTable for every other consumer. */
export interface LaidOutTable extends StandardTable {
  readonly bodyLayout: BodyLayout;
}

/** The table's BodyLayout, or undefined for the tables that have none (every table but this one). */
export function bodyLayoutOf(table: StandardTable): BodyLayout | undefined {
  return (table as Partial<LaidOutTable>).bodyLayout;
}

const NONE: readonly PerfGoal[] = [];
const NO_INDICATORS: readonly Indicator[] = [];
const NONE_TEXT: readonly string[] = [];

const key = (p: ProjectInfo) => (p.unitCode || p.unitName) + '\u0001' + (p.projectCode || p.projectName);

/** Runs of equal, non-blank values in values[from, to): [start, end) pairs. */
function runs(values: readonly string[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = from;
  for (let i = from + 1; i <= to; i++) {
    if (i === to || values[i] !== values[s]) {
      if (values[s] !== '') out.push([s, i]);
      s = i;
    }
  }
  return out;
}

/**
 * `withSheet`: whether the run read a 绩效目标 sheet. Without one the grid columns are blank and the
 * note counts the projects whose lines carry a 绩效目标 text instead of those with indicators.
 */
export function projectPerformanceGridTable(ctx: TableContext, projects: readonly ProjectInfo[], goals: ReadonlyMap<string, readonly PerfGoal[]>, withSheet = true): StandardTable {
  const rows: TableRow[] = [];
  const merges: BodyMerge[] = [];
  const blocks: RowBlock[] = [];
  const down = (r: number, col: number, span: number) => {
    if (span > 1) merges.push({ row: r, col, rowSpan: span, colSpan: 1 });
  };
  let total = 0;
  let fiscal = 0;
  let covered = 0;
  let coveredFen = 0;
  let withText = 0;
  let withTextFen = 0;
  // Indexed, with a short path for a project without indicators: a big budget has hundreds of
  // thousands of projects, most of them without a goal sheet row.
  for (let q = 0; q < projects.length; q++) {
    const p = projects[q];
    const pname = p.projectName || p.projectCode || '（未命名项目）';
    const mine = goals.size === 0 ? NONE : goals.get(key(p)) ?? NONE;
    const indicators = mine.length === 0 ? NO_INDICATORS : mine.length === 1 ? mine[0].indicators : mine.flatMap((g) => g.indicators);
    // The sheet's 年度绩效目标 where it gives one, else the text on the budget lines.
    const sheetGoals = mine.length === 0 ? NONE_TEXT : mine.map((g) => g.goalText).filter((t) => t !== '');
    const texts = sheetGoals.length ? sheetGoals : p.goals;
    const goalText = texts.length === 0 ? '' : texts.length === 1 ? texts[0] : [...new Set(texts)].join('；');
    // 主管部门 as the 绩效目标 block states it, else the department the tables are made for.
    const department = mine.length === 0 ? ctx.department : mine.find((g) => g.department !== '')?.department ?? ctx.department;
    const start = rows.length;
    total += p.totalFen;
    fiscal += p.fiscalFen;
    if (p.goals.length > 0) {
      withText++;
      withTextFen += p.totalFen;
    }
    if (indicators.length === 0) {
      // A row of its own: no block entry (BodyLayout.blocks lists only blocks of several rows).
      rows.push(row([pname, department, p.unitName || p.unitCode, p.totalFen, p.fiscalFen, p.totalFen - p.fiscalFen, goalText, '', '', '', ''], p.projectCode, pname, 0));
      continue;
    }
    covered++;
    coveredFen += p.totalFen;
    const n = indicators.length;
    const head: TableValue[] = [pname, department, p.unitName || p.unitCode, p.totalFen, p.fiscalFen, p.totalFen - p.fiscalFen, goalText];
    // 一级 and 二级 written at the top of their run only: the run is one merged cell.
    const l1 = indicators.map((i) => i.level1 as string);
    const l2 = indicators.map((i) => i.level2);
    const l1Top = new Set<number>();
    const l2Top = new Set<number>();
    for (const [s1, e1] of runs(l1, 0, l1.length)) {
      l1Top.add(s1);
      down(start + s1, C_LEVEL1, e1 - s1);
    }
    // 二级 runs never cross a 一级 boundary (a blank 一级 run included).
    let b = 0;
    for (let i = 1; i <= l1.length; i++) {
      if (i < l1.length && l1[i] === l1[b]) continue;
      for (const [s2, e2] of runs(l2, b, i)) {
        l2Top.add(s2);
        down(start + s2, C_LEVEL2, e2 - s2);
      }
      b = i;
    }
    indicators.forEach((ind, i) => {
      const lead: TableValue[] = i === 0 ? head : ['', '', '', null, null, null, ''];
      rows.push(row([...lead, l1Top.has(i) ? ind.level1 : '', l2Top.has(i) ? ind.level2 : '', ind.name, ind.value], i === 0 ? p.projectCode : '', i === 0 ? pname : ind.name, 0));
    });
    for (let c = C_PROJECT; c <= C_GOAL; c++) down(start, c, n);
    if (n > 1) blocks.push({ start, end: start + n });
  }
  const totalAt = rows.length;
  rows.push(row(['合计', '', '', total, fiscal, total - fiscal, '', '', '', '', ''], '', '合计', 0, true));
  merges.push({ row: totalAt, col: C_PROJECT, rowSpan: 1, colSpan: C_UNIT - C_PROJECT + 1 });
  const table = makeTable(ctx, {
    id: 'projectPerformance',
    name: tableName(ctx, 'projectPerformance'),
    orientation: 'landscape',
    tree: nationalGridTree(),
    rows,
    notes: [withSheet
      ? `共${projects.length}个项目，其中编报绩效指标的项目${covered}个，涉及项目资金${formatWan(coveredFen)}万元。`
      : `共${projects.length}个项目，其中预算明细填有绩效目标的项目${withText}个，涉及项目资金${formatWan(withTextFen)}万元；未提供绩效目标表（一级、二级、三级指标和指标值），指标栏为空。`],
    empty: projects.length === 0,
  });
  if (table.columns.length !== WIDTH) throw new Error(`projectPerformanceGridTable: the header has ${table.columns.length} columns, the layout expects ${WIDTH}`);
  const bodyLayout: BodyLayout = { merges, blocks, repeat: [C_PROJECT, 1, C_UNIT, C_LEVEL1, C_LEVEL2], continuedSuffix: '（续）' };
  const laidOut: LaidOutTable = { ...table, bodyLayout };
  return laidOut;
}
