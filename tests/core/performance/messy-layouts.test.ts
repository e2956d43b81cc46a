/**
 * 绩效目标 sheets in the shapes offices really send, as a reviewer found them misread (2026-12-07
 * review): each case is the sheet, what the reader must make of it, and the findings that follow, as
 * (rule, file, cell). Before the fixes every case here failed: titles per block made the whole
 * workbook skip its checks, 万元 list headers were read as 元, projects split or vanished, unit lines
 * became indicators, goals linked across units.
 */
import { checkWorkbooks } from '../../../src/core/check';
import type { Grid, WorkbookGrids } from '../../../src/core/grid';
import { readPerformanceSheet } from '../../../src/core/performance';
import type { PerfGoal } from '../../../src/core/performance';

const H = ['单位编码', '单位名称', '支出类型', '项目编码', '项目名称', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数', '测算依据', '绩效目标'];
const detail: Grid = {
  name: '预算明细',
  cells: [['单位：元'], H,
    ['101001', '县教育局', '项目支出', 'P001', '校舍维修', '2050202', '30213', '一般公共预算拨款', 600000, '按标准', '完成'],
    ['101001', '县教育局', '项目支出', 'P002', '课后服务', '2050202', '30227', '一般公共预算拨款', 300000, '按标准', '完成']],
};
const GOOD = [['产出指标', '数量指标', '面积', '≥1200平方米'], ['效益指标', '社会效益指标', '隐患', '3处'], ['满意度指标', '服务对象满意度指标', '满意度', '≥90%']];
/** A second project's grid: not a copy of GOOD (PERF.COPIED). */
const GOOD2 = [['产出指标', '数量指标', '服务学生', '≥300人'], ['效益指标', '社会效益指标', '减轻负担', '每日1小时'], ['满意度指标', '服务对象满意度指标', '家长满意度', '≥90%']];

/** PERF and DATA findings of a run as (rule, file, cell), in order. */
function findings(workbooks: WorkbookGrids[]): Array<[string, string, string | undefined]> {
  return checkWorkbooks(workbooks).findings
    // The detail sheets' own warnings (no 上年 column) are not what these cases are about.
    .filter((f) => f.rule.startsWith('PERF.') || f.rule === 'TABLES.NOT_CHECKED' || (f.rule.startsWith('DATA.') && f.location.sheet !== '预算明细'))
    .map((f) => [f.rule, f.location.file, f.location.cell]);
}
/** P002 (课后服务) has no goal: its NOT_COVERED, and 县教育局's coverage (⅔ of its funds) below perf.minCoverage. */
const P002_UNCOVERED: Array<[string, string, string]> = [['PERF.COVERAGE', 't.xlsx', 'I3'], ['PERF.NOT_COVERED', 't.xlsx', 'E4']];
const one = (goal: Grid) => findings([{ file: 't.xlsx', sheets: [detail, goal] }]);
const goalsOf = (g: Grid): PerfGoal[] => readPerformanceSheet('t.xlsx', g).goals;
const grid = (g: PerfGoal) => g.indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.location.cell]);

describe('block layout', () => {
  const block = (name: string, code: string, total: number, opts: { title?: boolean; header?: boolean } = {}) => [
    ...(opts.title ? [['2025年项目支出绩效目标表'], ['单位：元']] : []),
    ['项目名称', name, null, '项目编码', code], ['项目资金', '年度资金总额', total],
    ...(opts.header === false ? [] : [['一级指标', '二级指标', '三级指标', '指标值']]), ...(code === 'P001' ? GOOD : GOOD2), [],
  ];

  test('a title repeated on each block: still a 绩效目标 sheet, and the detail sheet is checked', () => {
    const g: Grid = { name: '项目支出绩效目标表', cells: [...block('校舍维修', 'P001', 990000, { title: true }), ...block('课后服务', 'P002', 300000, { title: true })] };
    expect(goalsOf(g).map((x) => [x.projectCode, x.totalFen, x.indicators.length])).toEqual([['P001', 99_000_000, 3], ['P002', 30_000_000, 3]]);
    expect(one(g)).toEqual([['PERF.FUNDS_MISMATCH', 't.xlsx', 'C4']]);
  });

  test('the same, sent as a workbook of its own beside the department detail', () => {
    const g: Grid = { name: '项目支出绩效目标表', cells: [...block('校舍维修', 'P001', 990000, { title: true }), ...block('课后服务', 'P002', 300000, { title: true })] };
    expect(findings([{ file: '明细.xlsx', sheets: [detail] }, { file: '绩效目标.xlsx', sheets: [g] }])).toEqual([['PERF.FUNDS_MISMATCH', '绩效目标.xlsx', 'C4']]);
  });

  test('a grid header two rows tall (评分 over 权重 · 分值)', () => {
    const g: Grid = {
      name: '项目支出绩效目标表',
      cells: [['单位：元'], ['项目名称', '校舍维修', null, '项目编码', 'P001'], ['项目资金', '年度资金总额', 600000],
        ['一级指标', '二级指标', '三级指标', '指标值', '评分', null], [null, null, null, null, '权重', '分值'],
        ...GOOD.map((r) => [...r, 30, 30]), [], ['项目名称', '课后服务', null, '项目编码', 'P002'], ['项目资金', '年度资金总额', 300000],
        ['一级指标', '二级指标', '三级指标', '指标值', '评分', null], [null, null, null, null, '权重', '分值'], ...GOOD2.map((r) => [...r, 30, 30])],
      merges: [3, 11].flatMap((top) => [0, 1, 2, 3].map((c) => ({ top, left: c, bottom: top + 1, right: c })).concat([{ top, left: 4, bottom: top, right: 5 }])),
    };
    expect(goalsOf(g).map(grid)).toEqual([
      [['产出指标', '数量指标', '面积', '≥1200平方米', 'D6'], ['效益指标', '社会效益指标', '隐患', '3处', 'D7'], ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', 'D8']],
      [['产出指标', '数量指标', '服务学生', '≥300人', 'D14'], ['效益指标', '社会效益指标', '减轻负担', '每日1小时', 'D15'], ['满意度指标', '服务对象满意度指标', '家长满意度', '≥90%', 'D16']],
    ]);
    expect(one(g)).toEqual([]);
  });

  test('a block that repeats no grid header takes the columns of the one above', () => {
    const g: Grid = { name: '项目支出绩效目标表', cells: [['单位：元'], ...block('校舍维修', 'P001', 600000), ...block('课后服务', 'P002', 300000, { header: false })] };
    expect(goalsOf(g).map((x) => [x.projectCode, x.indicators.length, x.indicators[0]?.location.cell])).toEqual([['P001', 3, 'D5'], ['P002', 3, 'D11']]);
    expect(one(g)).toEqual([]);
  });

  test('a unit line above each block: that block’s unit, never an indicator', () => {
    const g: Grid = {
      name: '项目支出绩效目标表',
      cells: [[null, null, null, '单位：元'], ...block('校舍维修', 'P001', 600000), [null, null, null, '单位：万元'], ...block('课后服务', 'P002', 30)],
    };
    const goals = goalsOf(g);
    expect(goals.map((x) => [x.projectCode, x.totalFen, x.indicators.length])).toEqual([['P001', 60_000_000, 3], ['P002', 30_000_000, 3]]);
    expect(one(g)).toEqual([]);
  });

  test('二级 starts again under a new 一级 (效益 rows do not inherit 成本指标)', () => {
    const g: Grid = {
      name: '项目支出绩效目标表',
      cells: [['单位：元'], ['项目名称', '校舍维修', null, '项目编码', 'P001'], ['项目资金', '年度资金总额', 600000], ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '面积', '≥1200平方米'], [null, '成本指标', '维修成本', '≤60万元'], ['效益指标', null, '群众出行更便利', '是'], ['满意度指标', null, '师生满意度', '≥90%']],
    };
    expect(goalsOf(g)[0].indicators.map((i) => [i.level1, i.level2])).toEqual([['产出指标', '数量指标'], ['产出指标', '成本指标'], ['效益指标', ''], ['满意度指标', '']]);
    expect(one(g).filter(([r]) => r === 'PERF.VAGUE_VALUE')).toEqual([]);
  });

  test('label and value in one cell (“项目名称：校舍维修”, “年度资金总额：60”)', () => {
    const g: Grid = {
      name: '项目支出绩效目标表',
      cells: [['单位：万元'], ['项目名称：校舍维修', null, '项目编码：P001'], ['年度资金总额：60'], ['一级指标', '二级指标', '三级指标', '指标值'], ...GOOD],
    };
    expect(goalsOf(g).map((x) => [x.projectCode, x.projectName, x.totalFen, x.indicators.length])).toEqual([['P001', '校舍维修', 60_000_000, 3]]);
    expect(one(g)).toEqual(P002_UNCOVERED);
  });

  test('实施单位 with its code in full-width digits links to that unit', () => {
    const twoUnits: Grid = {
      name: '预算明细',
      cells: [['单位：元'], H,
        ['101001', '县教育局', '项目支出', '', '办公楼维修', '2050202', '30213', '一般公共预算拨款', 600000, '按标准', '完成'],
        ['102001', '县卫健委', '项目支出', '', '办公楼维修', '2100101', '30213', '一般公共预算拨款', 400000, '按标准', '完成']],
    };
    const g: Grid = {
      name: '项目支出绩效目标表',
      cells: [['单位：元'], ['项目名称', '办公楼维修'], ['实施单位', '１０１００１－县教育局'], ['项目资金', '年度资金总额', 600000], ['一级指标', '二级指标', '三级指标', '指标值'], ...GOOD],
    };
    expect(goalsOf(g).map((x) => [x.unitCode, x.unitName])).toEqual([['101001', '县教育局']]);
    expect(findings([{ file: 't.xlsx', sheets: [twoUnits, g] }])).toEqual([['PERF.NOT_COVERED', 't.xlsx', 'E4'], ['PERF.COVERAGE', 't.xlsx', 'I4']]);
  });
});

describe('list layout', () => {
  test('预算数（万元）: the header’s unit, not the sheet’s', () => {
    const g: Grid = {
      name: '绩效目标',
      cells: [['项目编码', '项目名称', '预算数（万元）', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 60, ...GOOD[0]], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]]],
    };
    expect(goalsOf(g)[0].totalFen).toBe(60_000_000);
    expect(one(g)).toEqual(P002_UNCOVERED);
  });

  test.each([
    [600_449.99, []],
    [600_350.00, []],
    [600_450.01, [['PERF.FUNDS_MISMATCH', 't.xlsx', 'C3']]],
    [600_349.99, [['PERF.FUNDS_MISMATCH', 't.xlsx', 'C3']]],
  ])('60.04 万元 against lines of %s 元: to half the sheet’s step (0.005 万元)', (yuan, expected) => {
    const d: Grid = { ...detail, cells: [detail.cells[0], detail.cells[1], [...detail.cells[2].slice(0, 8), yuan, '按标准', '完成']] };
    const g: Grid = {
      name: '绩效目标',
      cells: [['单位：万元'], ['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 60.04, ...GOOD[0]], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]]],
    };
    expect(findings([{ file: 't.xlsx', sheets: [d, g] }])).toEqual(expected);
  });

  test.each([
    [600_450.01, '校舍维修（P001）”绩效目标表的年度资金总额 60.04 万元（600,400.00 元），预算明细为 600,450.01 元（约 60.05 万元），少 50.01 元；'],
    [600_300.00, '校舍维修（P001）”绩效目标表的年度资金总额 60.04 万元（600,400.00 元），预算明细为 600,300.00 元（60.03 万元），多 100.00 元；'],
  ])('a mismatch written in 万元 is quoted in 万元 as the sheet shows it (lines of %s 元)', (yuan, text) => {
    const d: Grid = { ...detail, cells: [detail.cells[0], detail.cells[1], [...detail.cells[2].slice(0, 8), yuan, '按标准', '完成']] };
    const g: Grid = {
      name: '绩效目标',
      cells: [['单位：万元'], ['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 60.04, ...GOOD[0]], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]]],
    };
    const f = checkWorkbooks([{ file: 't.xlsx', sheets: [d, g] }]).findings.filter((x) => x.rule === 'PERF.FUNDS_MISMATCH');
    expect(f.map((x) => x.message.slice(x.message.indexOf('校舍维修'), x.message.indexOf('；') + 1))).toEqual([text]);
  });

  test('a mismatch written in 元 stays in 元', () => {
    const d: Grid = { ...detail, cells: [detail.cells[0], detail.cells[1], [...detail.cells[2].slice(0, 8), 600_300, '按标准', '完成']] };
    const g: Grid = {
      name: '绩效目标',
      cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 600400, ...GOOD[0]], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]]],
    };
    const f = checkWorkbooks([{ file: 't.xlsx', sheets: [d, g] }]).findings.filter((x) => x.rule === 'PERF.FUNDS_MISMATCH');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('年度资金总额 600,400.00 元，预算明细为 600,300.00 元，多 100.00 元；')]);
  });

  test.each([
    ['the name only on the first row', ['P001', '校舍维修'], ['P001', null]],
    ['the code only on the first row', ['P001', '校舍维修'], [null, '校舍维修']],
  ])('%s: one project', (_, first, rest) => {
    const g: Grid = {
      name: '绩效目标',
      cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], [...first, 600000, ...GOOD[0]], [...rest, null, ...GOOD[1]], [...rest, null, ...GOOD[2]]],
    };
    expect(goalsOf(g).map((x) => [x.projectCode, x.projectName, x.indicators.length])).toEqual([['P001', '校舍维修', 3]]);
    expect(one(g)).toEqual(P002_UNCOVERED);
  });

  test('指标值 over 指标性质 · 指标值 · 度量单位 (a two-row header)', () => {
    const g: Grid = {
      name: '绩效目标',
      cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值', null, null], [null, null, null, null, null, null, '指标性质', '指标值', '度量单位'],
        ['P001', '校舍维修', 600000, '产出指标', '数量指标', '面积', '≥', '1200', '平方米']],
      merges: [0, 1, 2, 3, 4, 5].map((c) => ({ top: 0, left: c, bottom: 1, right: c })).concat([{ top: 0, left: 6, bottom: 0, right: 8 }]),
    };
    expect(goalsOf(g).map(grid)).toEqual([[['产出指标', '数量指标', '面积', '≥1200平方米', 'H3']]]);
  });

  test.each(['指标值（包含数字及文字描述）', '年度目标值', '目标值（年度）', '全年指标值', '预期指标值'])('指标值 headed “%s”', (head) => {
    const g: Grid = { name: '绩效目标', cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', head], ['P001', '校舍维修', 600000, ...GOOD[0]]] };
    expect(goalsOf(g).map(grid)).toEqual([[['产出指标', '数量指标', '面积', '≥1200平方米', 'G2']]]);
  });

  test('no 指标值 column: said once, and the values are not called vague', () => {
    const g: Grid = { name: '绩效目标', cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '完成情况'], ['P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]]] };
    expect(one(g)).toEqual([['DATA.MISSING_COLUMN', 't.xlsx', 'F1'], ...P002_UNCOVERED]);
  });

  test('hidden rows on a 绩效目标 sheet are said, as on detail sheets', () => {
    const g: Grid = {
      name: '绩效目标',
      cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]]],
      hiddenRows: [2],
    };
    expect(one(g)).toEqual([['DATA.HIDDEN_CELLS', 't.xlsx', undefined], ...P002_UNCOVERED]);
  });
});

describe('预算管理一体化 export: budget lines and indicators in one sheet', () => {
  const h = ['单位编码', '单位名称', '项目编码', '项目名称', '功能分类科目编码', '经济分类科目编码', '资金来源', '预算数', '测算依据', '绩效目标', '一级指标', '二级指标', '三级指标', '指标值'];
  const base = ['101001', '县教育局', 'P001', '校舍维修', '2050202'];
  const run = (cells: Grid['cells'], merges?: Grid['merges']) => {
    const report = checkWorkbooks([{ file: 't.xlsx', sheets: [{ name: '项目明细', cells: [['单位：元'], h, ...cells], ...(merges ? { merges } : {}) }] }]);
    return {
      lines: report.lines.map((l) => [l.projectCode, l.economicCode, l.amountFen]),
      findings: report.findings.filter((f) => f.rule.startsWith('PERF.') || f.rule === 'DATA.DUPLICATE_LINE' || f.rule === 'DATA.MERGED_AMOUNT').map((f) => [f.rule, f.location.cell]),
    };
  };

  test('a row that only adds indicators (amount blank) is not a line; the funds are the lines', () => {
    expect(run([
      [...base, '30213', '一般公共预算拨款', 400000, '按标准', '完成', ...GOOD[0]],
      [...base, '30201', '一般公共预算拨款', 200000, '按标准', '完成', ...GOOD[1]],
      [...base, '30201', '一般公共预算拨款', null, '按标准', '完成', ...GOOD[2]],
    ])).toEqual({ lines: [['P001', '30213', 40_000_000], ['P001', '30201', 20_000_000]], findings: [] });
  });

  test('every indicator row repeating the line: one line, not three', () => {
    const line = [...base, '30213', '一般公共预算拨款', 600000, '按标准', '完成'];
    expect(run(GOOD.map((g) => [...line, ...g]))).toEqual({ lines: [['P001', '30213', 60_000_000]], findings: [] });
  });

  test('the line merged down its indicator rows: one line, no 合并 warning', () => {
    const line = [...base, '30213', '一般公共预算拨款', 600000, '按标准', '完成'];
    const merges = Array.from({ length: 10 }, (_, c) => ({ top: 2, left: c, bottom: 4, right: c }));
    expect(run([[...line, ...GOOD[0]], [...line.map(() => null), ...GOOD[1]], [...line.map(() => null), ...GOOD[2]]], merges))
      .toEqual({ lines: [['P001', '30213', 60_000_000]], findings: [] });
  });
});

describe('what was checked', () => {
  test('the same project listed twice: said at the second listing, naming the first', () => {
    const g: Grid = {
      name: '绩效目标',
      cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]],
        ['P002', '课后服务', 300000, ...GOOD2[0]], [null, null, null, ...GOOD2[1]], [null, null, null, ...GOOD2[2]],
        ['P001', '校舍维修', 500000, '产出指标', '数量指标', '面积', '≥1500平方米'], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]]],
    };
    const out = checkWorkbooks([{ file: 't.xlsx', sheets: [detail, g] }]).findings.filter((f) => f.rule.startsWith('PERF.'));
    expect(out.map((f) => [f.rule, f.location.cell])).toEqual([['PERF.FUNDS_MISMATCH', 'C8'], ['PERF.DUPLICATE_GOAL', 'B8']]);
    expect(out[1].message).toBe('县教育局项目“校舍维修（P001）”在绩效目标表中填报了 2 次（首次在「绩效目标」表 B2，此处「绩效目标」表 B8）；同一项目应只有一套绩效目标和指标，请合并或删除重复的填报');
  });

  test('a department without 绩效目标 beside one that sent them: not checked, never uncovered', () => {
    const other: Grid = {
      name: '预算明细',
      cells: [['单位：元'], H, ['102001', '县卫健委', '项目支出', 'H01', '疾病防控', '2100101', '30227', '一般公共预算拨款', 400000, '按标准', '完成']],
    };
    const g: Grid = { name: '绩效目标', cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, ...GOOD[1]], [null, null, null, ...GOOD[2]]] };
    expect(findings([{ file: '教育局.xlsx', sheets: [detail, g] }, { file: '卫健委.xlsx', sheets: [other] }])).toEqual([
      ['PERF.NOT_CHECKED', '卫健委.xlsx', undefined],
      ['PERF.COVERAGE', '教育局.xlsx', 'I3'],
      ['PERF.NOT_COVERED', '教育局.xlsx', 'E4'],
    ]);
  });

  test('a 绩效目标 sheet whose header cannot be read: not checked rather than 没有绩效目标', () => {
    const g: Grid = { name: '绩效目标', cells: [['项目编码', '项目名称', '预算数', '一级', '二级', '指标', '目标'], ['P001', '校舍维修', 600000, ...GOOD[0]]] };
    const out = one(g);
    expect(out).toContainEqual(['DATA.MISSING_COLUMN', 't.xlsx', undefined]);
    expect(out.filter(([r]) => r === 'PERF.NOT_COVERED')).toEqual([]);
    expect(out).toContainEqual(['PERF.NOT_CHECKED', 't.xlsx', undefined]);
  });
});

describe('messages say what the run did', () => {
  const g: Grid = {
    name: '绩效目标',
    cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, '效益指标', '社会效益指标', '隐患', '达标'], [null, null, null, ...GOOD[2]]],
    hiddenRows: [2],
  };
  const report = (rules?: object) => checkWorkbooks([{ file: 't.xlsx', sheets: [detail, g] }], rules ? { rules } : {}).findings;

  test('the advice of VAGUE_VALUE names the countable terms the run accepts (规则设置 may replace them)', () => {
    const vague = report({ perf: { measurableWords: ['及时'] } }).filter((f) => f.rule === 'PERF.VAGUE_VALUE');
    expect(vague.map((f) => [f.location.cell, f.message.slice(f.message.indexOf('；'))])).toEqual([['G3', '；指标值应细化量化（数字加单位、≥/≤比较值、日期，或及时）']]);
    expect(report().filter((f) => f.rule === 'PERF.VAGUE_VALUE')).toEqual([]);
  });

  test('NOT_COVERED speaks of the 绩效目标 sheets (the line itself may carry 绩效目标 text)', () => {
    expect(report().find((f) => f.rule === 'PERF.NOT_COVERED')?.message).toContain('课后服务（P002）”（30.00 万元）绩效目标表中没有该项目的绩效目标和指标');
  });

  test('DATA.HIDDEN_CELLS names the hidden rows', () => {
    expect(report().find((f) => f.rule === 'DATA.HIDDEN_CELLS')?.message).toBe('工作表“绩效目标”有 1 行被隐藏（第 3 行），其中的数据已照常读取并计入审核；请取消隐藏和筛选后核对');
  });
});

describe('a 绩效目标 workbook without any budget detail', () => {
  test('its grids are checked and NOT_CHECKED says the funds were not — never a clean result', () => {
    const g: Grid = {
      name: '绩效目标',
      cells: [['项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, '效益指标', '社会效益指标', '隐患', '明显提升'], [null, null, null, ...GOOD[2]]],
    };
    const report = checkWorkbooks([{ file: '绩效目标.xlsx', sheets: [g] }]);
    expect(report.findings.map((f) => [f.rule, f.location.cell])).toEqual([['PERF.VAGUE_VALUE', 'G3'], ['PERF.NOT_CHECKED', undefined]]);
    expect(report.findings[1].message).toBe('绩效目标.xlsx：本次审核没有预算明细，绩效目标的资金和覆盖情况未与预算核对（不视为通过）；绩效指标本身已检查');
  });
});

describe('a goal of a unit whose code and name conflict', () => {
  test('is not checked against the budget (its lines belong to no unit), never “unlinked”', () => {
    const other: Grid = {
      name: '预算明细',
      cells: [['单位：元'], H, ['105001', '县教育局', '项目支出', 'P009', '教师培训', '2050202', '30216', '一般公共预算拨款', 100000, '按标准', '完成'],
        ['102001', '县卫健委', '项目支出', 'H01', '疾病防控', '2100101', '30227', '一般公共预算拨款', 400000, '按标准', '完成']],
    };
    const g: Grid = { name: '绩效目标', cells: [['单位编码', '单位名称', '项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['101001', '县教育局', 'P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, null, null, ...GOOD[1]], [null, null, null, null, null, ...GOOD[2]]] };
    const out = checkWorkbooks([{ file: 'a.xlsx', sheets: [detail, g] }, { file: 'b.xlsx', sheets: [other] }]).findings.filter((f) => f.rule.startsWith('PERF.'));
    expect(out.map((f) => [f.rule, f.location.file, f.location.cell])).toEqual([['PERF.NOT_CHECKED', 'a.xlsx', 'D2'], ['PERF.NOT_CHECKED', 'b.xlsx', undefined]]);
    expect(out[0].message).toContain('所属单位的编码与名称在预算明细中不一致');
    // Which unit is exactly what the run could not tell: the finding is filed under none.
    expect(out[0].unit).toBeUndefined();
  });

  test('a goal naming only a name whose one code conflicts is not checked either, and carries no unit', () => {
    const other: Grid = { name: '预算明细', cells: [['单位：元'], H, ['101001', '县卫健委', '项目支出', 'H01', '疾病防控', '2100101', '30227', '一般公共预算拨款', 400000, '按标准', '完成']] };
    const g: Grid = { name: '绩效目标', cells: [['单位名称', '项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['县教育局', 'P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, null, ...GOOD[1]], [null, null, null, null, ...GOOD[2]]] };
    const out = checkWorkbooks([{ file: 'a.xlsx', sheets: [detail, g] }, { file: 'b.xlsx', sheets: [other] }]).findings.filter((f) => f.rule.startsWith('PERF.') && f.location.sheet === '绩效目标');
    expect(out.map((f) => [f.rule, f.location.cell, f.unit])).toEqual([['PERF.NOT_CHECKED', 'C2', undefined]]);
  });

  test('every line dropped by the conflict: said so, not “没有预算明细”', () => {
    const other: Grid = { name: '预算明细', cells: [['单位：元'], H, ['101001', '县卫健委', '项目支出', 'H01', '疾病防控', '2100101', '30227', '一般公共预算拨款', 400000, '按标准', '完成']] };
    const g: Grid = { name: '绩效目标', cells: [['单位编码', '单位名称', '项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['101001', '县教育局', 'P001', '校舍维修', 600000, ...GOOD[0]], [null, null, null, null, null, ...GOOD[1]], [null, null, null, null, null, ...GOOD[2]]] };
    const r = checkWorkbooks([{ file: 'a.xlsx', sheets: [detail, g] }, { file: 'b.xlsx', sheets: [other] }]);
    expect(r.lines).toHaveLength(0);
    const out = r.findings.filter((f) => f.rule.startsWith('PERF.'));
    expect(out.map((f) => [f.rule, f.location.file, f.location.cell])).toEqual([['PERF.NOT_CHECKED', 'a.xlsx', 'D2'], ['PERF.NOT_CHECKED', 'a.xlsx', undefined]]);
    expect(out[1].message).toBe('a.xlsx：预算明细的各行因单位编码与名称不一致未计入任何单位（见“无法确定所属单位”），绩效目标的资金和覆盖情况未与预算核对（不视为通过）；绩效指标本身已检查');
    expect(r.findings.some((f) => f.rule === 'DATA.UNIT_UNRESOLVED')).toBe(true);
  });
});
