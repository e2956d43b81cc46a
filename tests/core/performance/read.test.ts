import { checkWorkbooks } from '../../../src/core/check';
import type { Grid } from '../../../src/core/grid';
import { performanceSheetKind, readPerformanceSheet } from '../../../src/core/performance';
import type { PerfGoal } from '../../../src/core/performance';
import { performanceExampleWorkbook } from '../../../src/testing/performance-example';
import { mataGrid, MATA_SOURCE } from '../../fixtures/performance/mata-2023';

/** A goal as a reviewer reads it: header fields and the grid as (一级, 二级, 三级, 指标值, cell). */
function summary(g: PerfGoal) {
  return {
    unit: [g.unitCode, g.unitName], project: [g.projectCode, g.projectName], totalFen: g.totalFen, fiscalFen: g.fiscalFen, goal: g.goalText,
    grid: g.indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.location.cell]),
  };
}

const sheet = (name: string) => performanceExampleWorkbook().sheets.find((s) => s.name === name) as Grid;

describe('the real published 项目绩效目标申报表 (井研县马踏镇 2023)', () => {
  test(`reads exactly, source ${MATA_SOURCE}`, () => {
    const r = readPerformanceSheet('马踏镇.xlsx', mataGrid());
    expect(r.findings).toEqual([]);
    expect(r.goals.map(summary)).toEqual([{
      unit: ['820001', '井研县马踏镇人民政府'], project: ['', '村组干部报酬'], totalFen: 330_984_000, fiscalFen: null, goal: '按时发放村组干部报酬',
      grid: [
        ['效益指标', '社会效益指标', '维护社会稳定', '≥95%', 'I5'],
        ['产出指标', '时效指标', '维持时效', '≥1年', 'I6'],
        ['产出指标', '质量指标', '按时发放', '≥1人/年', 'I7'],
        ['效益指标', '经济效益指标', '促进村集体经济发展', '≥95%', 'I8'],
        ['产出指标', '数量指标', '村组干部230人', '≥230个', 'I9'],
        ['效益指标', '生态效益指标', '保护生态环境卫生', '≥95%', 'I10'],
        ['效益指标', '可持续影响指标', '项目维持时效', '≥95%', 'I11'],
        ['满意度指标', '服务对象满意度指标', '人民群众满意度', '≥95%', 'I12'],
      ],
    }]);
  });

  test('against budget lines that tie, no PERF error (no false FUNDS_MISMATCH)', () => {
    const detail: Grid = {
      name: '预算明细',
      cells: [
        ['单位：元'],
        ['单位编码', '单位名称', '支出类型', '项目名称', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数', '测算依据', '绩效目标'],
        ['820001', '井研县马踏镇人民政府', '项目支出', '村组干部报酬', '2010301', '30305', '一般公共预算拨款', 3000000, '按人数和标准测算', '按时发放村组干部报酬'],
        ['820001', '井研县马踏镇人民政府', '项目支出', '村组干部报酬', '2010301', '30305', '一般公共预算拨款', 309840, '按人数和标准测算', '按时发放村组干部报酬'],
      ],
    };
    const report = checkWorkbooks([{ file: '马踏镇.xlsx', sheets: [detail, mataGrid()] }]);
    const perf = report.findings.filter((f) => f.rule.startsWith('PERF.'));
    expect(perf.filter((f) => f.severity === 'error')).toEqual([]);
    expect(perf.map((f) => f.rule)).toEqual([]);
    // One 分 less in the budget is caught: the check above is not vacuous.
    (detail.cells[3] as unknown[])[7] = 309839.99;
    const off = checkWorkbooks([{ file: '马踏镇.xlsx', sheets: [detail, mataGrid()] }]).findings.filter((f) => f.rule === 'PERF.FUNDS_MISMATCH');
    expect(off.map((f) => [f.location.cell, f.figures?.excessFen])).toEqual([['C5', 1]]);
  });
});

describe('reader layouts', () => {
  test('sheets are recognised by name or by the grid header; an export with 功能科目 columns stays a budget sheet too', () => {
    expect(performanceSheetKind(mataGrid())).toBe('only');
    expect(performanceSheetKind({ name: 'Sheet1', cells: [['项目名称', '一级指标', '二级指标', '三级指标', '指标值']] })).toBe('only');
    expect(performanceSheetKind({ name: 'Sheet1', cells: [['项目名称', '功能分类科目', '金额', '一级指标', '三级指标', '指标值']] })).toBe('also');
    expect(performanceSheetKind({ name: '部门整体支出绩效目标表', cells: [['一级指标', '三级指标']] })).toBe(null);
    expect(performanceSheetKind({ name: '预算明细', cells: [['项目名称', '金额', '绩效目标']] })).toBe(null);
  });

  test('block layout: one goal per block, 一级 merged down, 万元 from the unit line', () => {
    const r = readPerformanceSheet('x.xlsx', sheet('项目支出绩效目标表'));
    expect(r.findings).toEqual([]);
    const goals = r.goals.map(summary);
    expect(goals.map((g) => [g.project, g.totalFen, g.fiscalFen, g.grid.length])).toEqual([
      [['P001', '校舍维修'], 60_000_000, 60_000_000, 6],
      [['P002', '课后服务'], 30_000_000, 30_000_000, 4],
      [['P003', '教研活动'], 20_000_000, 20_000_000, 6],
      [['P004', '教师培训'], 16_000_000, 16_000_000, 4],
    ]);
    expect(goals[0].unit).toEqual(['', '县教育局']);
    expect(goals[0].goal).toBe('完成 3 所小学校舍维修，消除安全隐患');
    expect(goals[0].grid.slice(0, 2)).toEqual([
      ['产出指标', '数量指标', '维修校舍面积', '≥1200平方米', 'E10'],
      ['产出指标', '质量指标', '工程验收合格率', '100%', 'E11'],
    ]);
    expect(goals[0].grid.map((g) => g[0])).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '满意度指标']);
  });

  test('list layout: indicator rows join the project above; 指标性质 + 指标值 + 度量单位 form the value', () => {
    const r = readPerformanceSheet('x.xlsx', sheet('绩效指标清单'));
    expect(r.goals.map((g) => [g.unitCode, g.projectName, g.totalFen, g.indicators.length])).toEqual([
      ['102001', '基本公共卫生服务', 80_000_000, 5],
      ['102001', '疾病预防控制', 40_000_000, 3],
      ['102001', '老年人健康体检', 5_000_000, 3],
    ]);
    expect(r.goals[0].indicators[1].value).toBe('≥90%');
  });

  test('list layout without merges (blank cells below the project) and a bad amount', () => {
    const grid: Grid = {
      name: '绩效目标',
      cells: [
        ['项目编码', '项目名称', '年度资金总额', '一级指标', '二级指标', '三级指标', '指标值', '评价等级'],
        ['P9', '道路养护', '十万', '产出指标', '数量指标', '养护里程', '≥30公里', '中'],
        [null, null, null, null, '质量指标', '路面完好率', '≥90%', null],
        ['合计', null, 100000],
      ],
    };
    const r = readPerformanceSheet('y.xlsx', grid);
    expect(r.goals.map((g) => [g.projectCode, g.projectName, g.totalFen, g.grade, g.indicators.map((i) => [i.level1, i.level2, i.name])])).toEqual([
      ['P9', '道路养护', null, '中', [['产出指标', '数量指标', '养护里程'], ['产出指标', '质量指标', '路面完好率']]],
    ]);
    expect(r.findings.map((f) => [f.rule, f.location.cell])).toEqual([['DATA.BAD_AMOUNT', 'C2']]);
  });

  test('a sheet named 绩效目标 without a grid header is a warning, not a silent skip', () => {
    const r = readPerformanceSheet('z.xlsx', { name: '绩效目标表', cells: [['项目名称', '绩效目标'], ['A', '完成']] });
    expect(r.goals).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['DATA.MISSING_COLUMN', 'warning']]);
  });
});

import { generateTables } from '../../../src/core/tables';

describe('项目支出绩效目标表 with the indicator grid', () => {
  test('from the lines plus the indicator sheet, in the national layout: project head on its first row (merged down), one row per indicator', () => {
    const report = checkWorkbooks([performanceExampleWorkbook()]);
    const [t] = generateTables(report.lines, { config: report.config, tables: ['projectPerformance'], performance: report.performance });
    expect(t.columns.map((c) => c.key)).toEqual(['project', 'department', 'unit', 'total', 'fiscal', 'other', 'goal', 'level1', 'level2', 'level3', 'value']);
    const first = t.rows.slice(0, 7).map((r) => r.cells);
    expect(first).toEqual([
      ['校舍维修', '县教育局', '县教育局', 60_000_000, 60_000_000, 0, '完成 3 所小学校舍维修，消除安全隐患', '产出指标', '数量指标', '维修校舍面积', '≥1200平方米'],
      ['', '', '', null, null, null, '', '', '质量指标', '工程验收合格率', '100%'],
      ['', '', '', null, null, null, '', '', '时效指标', '完工时间', '2025年8月31日前'],
      ['', '', '', null, null, null, '', '', '成本指标', '维修总成本', '≤60万元'],
      ['', '', '', null, null, null, '', '效益指标', '社会效益指标', '消除校舍安全隐患', '3处'],
      ['', '', '', null, null, null, '', '满意度指标', '服务对象满意度指标', '师生满意度', '≥90%'],
      ['课后服务', '县教育局', '县教育局', 30_000_000, 30_000_000, 0, '提升课后服务水平', '产出指标', '数量指标', '参加课后服务学生', '若干'],
    ]);
    // 智慧校园 has no indicators: one row, blank grid.
    expect(t.rows.find((r) => r.name === '智慧校园')?.cells.slice(7)).toEqual(['', '', '', '']);
    const total = t.rows[t.rows.length - 1];
    expect(total.isTotal && total.cells[3]).toBe(295_000_000);
    expect(t.notes).toEqual(['共7个项目，其中编报绩效指标的项目6个，涉及项目资金245.00万元。']);
    // Without the indicator sheet: the same national layout, the grid blank, and the note says why.
    const [plain] = generateTables(report.lines, { config: report.config, tables: ['projectPerformance'] });
    expect(plain.columns.map((c) => c.key)).toEqual(t.columns.map((c) => c.key));
    expect(plain.rows.every((r) => r.cells.slice(7).every((c) => c === ''))).toBe(true);
    expect(plain.rows).toHaveLength(8);
    expect(plain.notes[0]).toMatch(/未提供绩效目标表（一级、二级、三级指标和指标值），指标栏为空。$/);
  });
});

import { goalLookup } from '../../../src/core/performance';
import type { Finding } from '../../../src/core/findings';

describe('the goal beside a finding (pane and page)', () => {
  test('PERF findings on the goal sheet and findings on a linked project line find the project goal; others none', () => {
    const report = checkWorkbooks([performanceExampleWorkbook()]);
    const goalOf = goalLookup(report.lines, report.performance ?? []);
    const name = (rule: string, cell: string) => goalOf(report.findings.find((f) => f.rule === rule && f.location.cell === cell)!)?.projectName;
    expect(name('PERF.VAGUE_VALUE', 'E25')).toBe('课后服务');
    expect(name('PERF.FUNDS_MISMATCH', 'C45')).toBe('教师培训');
    // Row 4 of 预算明细 is 校舍维修's line, but PERF.COVERAGE is about 县教育局 as a whole: no project's grid.
    expect(name('PERF.COVERAGE', 'I4')).toBeUndefined();
    expect(name('PERF.NOT_COVERED', 'E8')).toBeUndefined(); // 智慧校园 has no goal
    expect(goalOf({ rule: 'DATA.NOT_CHECKED', severity: 'info', location: { file: 'x' }, message: '' })).toBeUndefined();
  });

  test('a finding about a unit gets no goal, even on a project line or a goal row; a finding about a line there does', () => {
    const report = checkWorkbooks([performanceExampleWorkbook()]);
    const goalOf = goalLookup(report.lines, report.performance ?? []);
    const coverage = report.findings.find((f) => f.rule === 'PERF.COVERAGE')!;
    const vague = report.findings.find((f) => f.rule === 'PERF.VAGUE_VALUE' && f.location.cell === 'E25')!;
    expect(coverage).toBeDefined();
    const as = (rule: string, f: Finding): Finding => ({ ...f, rule: rule as Finding['rule'] });
    // The same locations, other rules: unit totals and shares, 公开表, 审核公式, NOT_CHECKED — none.
    for (const rule of ['PERF.COVERAGE', 'PERF.NOT_CHECKED', 'GENERAL_CUT.INSUFFICIENT', 'THREE_PUBLIC.OVER_LIMIT', 'THREE_PUBLIC.ITEM_INCREASE', 'ADMIN_CUT.INSUFFICIENT', 'LIVELIHOOD.SHARE_LOW', 'PRIORITY.DECREASED', 'SANBAO.SHORTFALL', 'PPP.OVER_CAP', 'DEBT.INTEREST_SHORT', 'TABLES.ROW_SUM', 'CUSTOM.001', 'ZBB.NOT_CHECKED', 'DATA.TOTAL_MISMATCH']) {
      expect([rule, goalOf(as(rule, coverage))?.projectName]).toEqual([rule, undefined]);
      expect([rule, goalOf(as(rule, vague))?.projectName]).toEqual([rule, undefined]);
    }
    // A finding about the line itself, on the same cell: the line's project goal.
    for (const rule of ['ZBB.BASIS_MISSING', 'ZBB.BASE_CARRYOVER', 'DATA.BAD_AMOUNT', 'PERF.NOT_COVERED']) expect([rule, goalOf(as(rule, coverage))?.projectName]).toEqual([rule, '校舍维修']);
    expect(goalOf(as('PERF.LEVEL_MISSING', vague))?.projectName).toBe('课后服务');
    // Over the whole example: no unit-wide finding carries a grid, every PERF finding on a goal does.
    for (const f of report.findings) {
      const g = goalOf(f);
      if (f.rule === 'PERF.COVERAGE' || f.rule.endsWith('.NOT_CHECKED') || !/^(PERF|ZBB|DATA)\./.test(f.rule)) expect([f.rule, g]).toEqual([f.rule, undefined]);
      if (f.location.sheet && /绩效/.test(f.location.sheet)) expect([f.rule, f.location.cell, !!g]).toEqual([f.rule, f.location.cell, true]);
    }
  });
});
