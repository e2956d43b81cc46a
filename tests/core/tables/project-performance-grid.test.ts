/**
 * The 项目支出绩效目标表 with a 绩效目标 sheet, in the national layout (domain §1.2 C, P32/P33):
 * 项目名称 · 主管部门 · 实施单位 · 项目资金 (年度资金总额 · 其中：财政拨款 · 其他资金) · 年度绩效目标 ·
 * 一级指标 · 二级指标 · 三级指标 · 指标值, the project's cells merged down its indicator rows, 一级/二级
 * merged down their runs, and money that ties to the project's lines to the 分.
 */
import fc from 'fast-check';
import type { Level1 } from '../../../src/core/performance/model';
import { type StandardTable, fenOf } from '../../../src/core/tables';
import { allBlocks, type BodyLayout, bodyLayoutOf } from '../../../src/core/tables/project-performance-grid';
import { flat } from './helpers';
import { type Ind, SCHOOL, gridTable, perfGoal, projectLine } from './perf-grid-fixtures';

const layoutOf = (t: StandardTable): BodyLayout => {
  const l = bodyLayoutOf(t);
  if (!l) throw new Error('the table carries no body layout');
  return l;
};

/** Merges as [row, col key, rowSpan] (one column wide), for the rows [from, to). */
const downMerges = (t: StandardTable, from = 0, to = t.rows.length) =>
  layoutOf(t).merges.filter((m) => m.colSpan === 1 && m.row >= from && m.row < to).map((m) => [m.row, t.columns[m.col].key, m.rowSpan]);

describe('项目支出绩效目标表 in the national layout', () => {
  const lines = [
    projectLine('101', '县教育局', 'P001', '校舍维修', '一般公共预算拨款', 50_000_001),
    projectLine('101', '县教育局', 'P001', '校舍维修', '政府性基金预算拨款', 9_999_999),
    projectLine('101', '县教育局', 'P001', '校舍维修', '事业收入', 1_234_567),
    projectLine('101', '县教育局', 'P002', '智慧校园', '一般公共预算拨款', 500_000_00),
  ];
  const goals = [perfGoal('101', '县教育局', 'P001', '校舍维修', SCHOOL, { department: '县教育体育局' })];
  const t = gridTable(lines, goals, '某县教育系统');

  test('headers present and in order: 项目名称 · 主管部门 · 实施单位 · 项目资金 (年度资金总额 · 其中：财政拨款 · 其他资金) · 年度绩效目标 · 一级 · 二级 · 三级 · 指标值', () => {
    const captions = [...t.header].sort((a, b) => a.row - b.row || a.col - b.col).map((h) => [h.text, h.row, h.col, h.rowSpan, h.colSpan]);
    expect(captions).toEqual([
      ['项目名称', 0, 0, 2, 1], ['主管部门', 0, 1, 2, 1], ['实施单位', 0, 2, 2, 1], ['项目资金', 0, 3, 1, 3], ['年度绩效目标', 0, 6, 2, 1],
      ['一级指标', 0, 7, 2, 1], ['二级指标', 0, 8, 2, 1], ['三级指标', 0, 9, 2, 1], ['指标值', 0, 10, 2, 1],
      ['年度资金总额', 1, 3, 1, 1], ['其中：财政拨款', 1, 4, 1, 1], ['其他资金', 1, 5, 1, 1],
    ]);
    expect(t.columns.map((c) => c.key)).toEqual(['project', 'department', 'unit', 'total', 'fiscal', 'other', 'goal', 'level1', 'level2', 'level3', 'value']);
    expect(t.header.map((h) => h.text)).not.toContain('合计');
    expect(t.header.map((h) => h.text)).not.toContain('项目编码');
    expect(t.title).toBe('2026年项目支出绩效目标表');
  });

  test('one row per indicator; the project cells, and 一级/二级 runs, are written once at the top of their merge', () => {
    expect(flat(t).slice(0, 6)).toEqual([
      ['校舍维修', '县教育体育局', '县教育局', 61_234_567, 60_000_000, 1_234_567, '校舍维修年度目标', '产出指标', '数量指标', '维修校舍面积', '≥1200平方米'],
      ['', '', '', null, null, null, '', '', '', '维修学校数', '3所'],
      ['', '', '', null, null, null, '', '', '质量指标', '工程验收合格率', '100%'],
      ['', '', '', null, null, null, '', '', '时效指标', '完工时间', '2026年8月31日前'],
      ['', '', '', null, null, null, '', '效益指标', '社会效益指标', '消除校舍安全隐患', '3处'],
      ['', '', '', null, null, null, '', '满意度指标', '服务对象满意度指标', '师生满意度', '≥90%'],
    ]);
  });

  test('merges: 项目名称 … 年度绩效目标 down the project rows, 一级 and 二级 down their runs', () => {
    expect(downMerges(t, 0, 6)).toEqual([
      [0, 'level1', 4],
      [0, 'level2', 2],
      [0, 'project', 6], [0, 'department', 6], [0, 'unit', 6], [0, 'total', 6], [0, 'fiscal', 6], [0, 'other', 6], [0, 'goal', 6],
    ]);
    // One-row projects and the 合计 need no entry of their own; every row is still in one block.
    expect(layoutOf(t).blocks).toEqual([{ start: 0, end: 6 }]);
    expect(allBlocks(layoutOf(t), t.rows.length)).toEqual([{ start: 0, end: 6 }, { start: 6, end: 7 }, { start: 7, end: 8 }]);
  });

  test('a 二级 run does not merge across a 一级 boundary; blank 一级 cells are not merged', () => {
    const odd = gridTable([projectLine('101', '县教育局', 'P009', '试点', '一般公共预算拨款', 100)], [
      perfGoal('101', '县教育局', 'P009', '试点', [
        ['产出指标', '数量指标', 'a', '1个'],
        ['效益指标', '数量指标', 'b', '2个'],
        ['', '其他', 'c', '3个'],
        ['', '其他', 'd', '4个'],
      ]),
    ]);
    expect(downMerges(odd, 0, 4).filter(([, k]) => k === 'level1' || k === 'level2')).toEqual([[2, 'level2', 2]]);
    expect(flat(odd).slice(0, 4).map((r) => r.slice(7, 9))).toEqual([['产出指标', '数量指标'], ['效益指标', '数量指标'], ['', '其他'], ['', '']]);
  });

  test('年度资金总额 ties to the project lines to the 分: 财政拨款 = 一般公共预算 + 政府性基金, 其他 = the rest', () => {
    const first = t.rows[0];
    expect(fenOf(t, first, 'total')).toBe(50_000_001 + 9_999_999 + 1_234_567);
    expect(fenOf(t, first, 'fiscal')).toBe(50_000_001 + 9_999_999);
    expect(fenOf(t, first, 'other')).toBe(1_234_567);
    const total = t.rows[t.rows.length - 1];
    expect(total.isTotal).toBe(true);
    expect(fenOf(t, total, 'total')).toBe(lines.reduce((s, l) => s + l.amountFen, 0));
    // Each amount is written once: Σ of the project rows is the 合计 row.
    for (const k of ['total', 'fiscal', 'other']) expect(t.rows.filter((r) => !r.isTotal).reduce((s, r) => s + fenOf(t, r, k), 0)).toBe(fenOf(t, total, k));
  });

  test('a project with no indicators keeps one row: its cells, a blank goal (its lines state none) and grid, no merges', () => {
    expect(flat(t)[6]).toEqual(['智慧校园', '某县教育系统', '县教育局', 50_000_000, 50_000_000, 0, '', '', '', '', '']);
    expect(downMerges(t, 6, 7)).toEqual([]);
    expect(t.notes).toEqual(['共2个项目，其中编报绩效指标的项目1个，涉及项目资金61.23万元。']);
  });

  test('合计 row: label across 项目名称 … 实施单位, the sums of the projects', () => {
    const last = t.rows.length - 1;
    expect(flat(t)[last]).toEqual(['合计', '', '', 111_234_567, 110_000_000, 1_234_567, '', '', '', '', '']);
    expect(layoutOf(t).merges.filter((m) => m.row === last)).toEqual([{ row: last, col: 0, rowSpan: 1, colSpan: 3 }]);
  });
});

test('two projects in one unit: two blocks in project-code order, each with its own merges and money', () => {
  const lines = [
    projectLine('102', '县卫健委', 'P102', '疾病预防控制', '一般公共预算拨款', 40_000_000),
    projectLine('102', '县卫健委', 'P101', '基本公共卫生服务', '一般公共预算拨款', 70_000_000),
    projectLine('102', '县卫健委', 'P101', '基本公共卫生服务', '其他收入', 10_000_050),
  ];
  const t = gridTable(lines, [
    perfGoal('102', '县卫健委', 'P102', '疾病预防控制', [['产出指标', '数量指标', '接种人次', '≥20000人次'], ['满意度指标', '服务对象满意度指标', '群众满意度', '≥85%']]),
    perfGoal('102', '县卫健委', 'P101', '基本公共卫生服务', [['产出指标', '数量指标', '健康档案', '≥12000份'], ['产出指标', '质量指标', '建档率', '≥90%'], ['效益指标', '社会效益指标', '健康管理率', '≥70%']]),
  ]);
  expect(t.rows.map((r) => [r.cells[0], r.cells[2], r.cells[3], r.cells[9]])).toEqual([
    ['基本公共卫生服务', '县卫健委', 80_000_050, '健康档案'],
    ['', '', null, '建档率'],
    ['', '', null, '健康管理率'],
    ['疾病预防控制', '县卫健委', 40_000_000, '接种人次'],
    ['', '', null, '群众满意度'],
    ['合计', '', 120_000_050, ''],
  ]);
  expect(layoutOf(t).blocks).toEqual([{ start: 0, end: 3 }, { start: 3, end: 5 }]);
  expect(allBlocks(layoutOf(t), t.rows.length)).toEqual([{ start: 0, end: 3 }, { start: 3, end: 5 }, { start: 5, end: 6 }]);
  expect(downMerges(t).filter(([, k]) => k === 'project' || k === 'level1')).toEqual([[0, 'level1', 2], [0, 'project', 3], [3, 'project', 2]]);
  expect(t.rows[0].code).toBe('P101');
  expect(fenOf(t, t.rows[0], 'other')).toBe(10_000_050);
});

// ---- property: money ties and the layout is well formed, on random lines and goals ----------------

const FUNDS = ['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款', '事业收入', '其他收入'];
const FISCAL = new Set(FUNDS.slice(0, 3));
const UNITS = [['001', '某局本级'], ['002', '某中心']] as const;
const LEVELS: ReadonlyArray<readonly [Level1, string]> = [['产出指标', '数量指标'], ['产出指标', '质量指标'], ['效益指标', '社会效益指标'], ['满意度指标', '服务对象满意度指标'], ['', '其他']];

const lineArb = fc
  .record({ unit: fc.constantFrom(...UNITS), project: fc.integer({ min: 1, max: 5 }), fund: fc.constantFrom(...FUNDS), amountFen: fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 1e13 })) })
  .map((r) => projectLine(r.unit[0], r.unit[1], `P${r.project}`, `项目${r.project}`, r.fund, r.amountFen));
const goalArb = fc
  .record({ unit: fc.constantFrom(...UNITS), project: fc.integer({ min: 1, max: 6 }), levels: fc.array(fc.integer({ min: 0, max: LEVELS.length - 1 }), { maxLength: 12 }) })
  .map((g) => perfGoal(g.unit[0], g.unit[1], `P${g.project}`, `项目${g.project}`, [...g.levels].sort().map((i, n): Ind => [...LEVELS[i], `指标${n}`, `${n}个`])));

test('property: 年度资金总额 of each block ties to its lines, 合计 to all project lines; blocks partition the rows; merges stay inside a block', () => {
  fc.assert(
    fc.property(fc.array(lineArb, { maxLength: 40 }), fc.array(goalArb, { maxLength: 8 }), (lines, goals) => {
      const t = gridTable(lines, goals);
      const layout = layoutOf(t);
      const rows = t.rows;
      const totalRow = rows[rows.length - 1];
      expect(totalRow.isTotal).toBe(true);
      expect(fenOf(t, totalRow, 'total')).toBe(lines.reduce((s, l) => s + l.amountFen, 0));
      expect(fenOf(t, totalRow, 'fiscal')).toBe(lines.filter((l) => FISCAL.has(l.fundSource)).reduce((s, l) => s + l.amountFen, 0));
      // Blocks cover every row once, in order.
      let at = 0;
      const blocks = allBlocks(layout, rows.length);
      for (const b of layout.blocks) expect(b.end - b.start).toBeGreaterThan(1);
      for (const b of blocks) {
        expect(b.start).toBe(at);
        expect(b.end).toBeGreaterThan(b.start);
        at = b.end;
        const head = rows[b.start];
        if (head.isTotal) continue;
        const unit = UNITS.find((u) => u[1] === head.cells[2])!;
        const mine = lines.filter((l) => l.unitCode === unit[0] && l.projectCode === head.code);
        expect(fenOf(t, head, 'total')).toBe(mine.reduce((s, l) => s + l.amountFen, 0));
        expect(fenOf(t, head, 'fiscal')).toBe(mine.filter((l) => FISCAL.has(l.fundSource)).reduce((s, l) => s + l.amountFen, 0));
        expect(fenOf(t, head, 'total')).toBe(fenOf(t, head, 'fiscal') + fenOf(t, head, 'other'));
        // Money only on the block's first row.
        for (let r = b.start + 1; r < b.end; r++) for (const k of ['total', 'fiscal', 'other']) expect(rows[r].cells[t.columns.findIndex((c) => c.key === k)]).toBeNull();
      }
      expect(at).toBe(rows.length);
      for (const k of ['total', 'fiscal', 'other']) expect(rows.filter((r) => !r.isTotal).reduce((s, r) => s + fenOf(t, r, k), 0)).toBe(fenOf(t, totalRow, k));
      // Merges: inside one block, not overlapping, nothing written under a merge's top cell.
      const seen = new Set<string>();
      for (const m of layout.merges) {
        const b = blocks.find((x) => m.row >= x.start && m.row < x.end)!;
        expect(m.row + m.rowSpan).toBeLessThanOrEqual(b.end);
        for (let r = m.row; r < m.row + m.rowSpan; r++) {
          for (let c = m.col; c < m.col + m.colSpan; c++) {
            const k = `${r}:${c}`;
            expect(seen.has(k)).toBe(false);
            seen.add(k);
            if (r !== m.row || c !== m.col) expect(rows[r].cells[c] === null || rows[r].cells[c] === '').toBe(true);
          }
        }
      }
      for (const r of rows) for (const c of r.cells) if (typeof c === 'number') expect(Number.isSafeInteger(c)).toBe(true);
    }),
    { numRuns: 150 },
  );
});
