import { zeroBasedBudgeting } from '../../../src/core/rules/zbb';
import { DEFAULT_COLUMNS, context, flat, rows, source, wan } from './fixtures';
import type { LineInit } from './fixtures';

const fund = '政府性基金预算拨款';
const ok = { basis: '按标准测算', perfGoal: '完成年度任务' };
const edu = { unitName: '县教育局', ...ok };

/** Rows 4–12 of 明细 (columns: D 项目编码, J 金额, N 测算依据, O 绩效目标). */
const detail: LineInit[] = [
  { ...edu, projectCode: 'P001', projectName: '校舍维修', economicCode: '30213', amountFen: wan(50), priorFen: wan(50), execRate: 0.9, perfScore: 90, perfGoal: '' },
  { ...edu, projectCode: 'P001', projectName: '校舍维修', economicCode: '30213', amountFen: wan(10), priorFen: 0, fundSource: fund, basis: ' ', perfGoal: '' },
  { ...edu, projectCode: 'P002', projectName: '课后服务', economicCode: '30227', amountFen: wan(110), priorFen: wan(120), execRate: 0.5 },
  { ...edu, projectCode: 'P003', projectName: '教研活动', economicCode: '30215', amountFen: wan(81), priorFen: wan(80), execRate: 0.55, perfScore: 85 },
  { ...edu, projectCode: 'P004', projectName: '教师培训', economicCode: '30216', amountFen: wan(30), priorFen: wan(30), perfScore: 70 },
  { ...edu, projectCode: 'P005', projectName: '智慧校园', economicCode: '31007', amountFen: wan(200), priorFen: null, execRate: 0.1 },
  { ...edu, projectCode: '', projectName: '校园安保', economicCode: '30227', amountFen: wan(20), priorFen: wan(25) },
  { ...edu, economicCode: '30201', amountFen: wan(5), priorFen: wan(5), basis: '' }, // basic line: no 测算依据 needed
  { ...edu, projectCode: 'P006', projectName: '学生资助', economicCode: '30308', amountFen: wan(41), priorFen: wan(40), execRate: 0.8, perfScore: 80 },
];
const src = source();
const lines = rows(src, 4, detail);

const planted = [
  ['ZBB.BASIS_MISSING', '明细', 'N5'],
  ['ZBB.GOAL_MISSING', '明细', 'O4'],
  ['ZBB.NOT_IN_LIBRARY', '明细', 'D10'],
  ['ZBB.BASE_CARRYOVER', '明细', 'J4'],
  ['ZBB.UNDERPERFORMER_NOT_CUT', '明细', 'J7'],
  ['ZBB.BASE_CARRYOVER', '明细', 'J8'],
  ['ZBB.UNDERPERFORMER_NOT_CUT', '明细', 'J8'],
];

describe('ZBB with prior columns', () => {
  test('planted findings at their cells; the new project and the boundary project (0.8, 80) pass', () => {
    const f = zeroBasedBudgeting.run(context({ lines }));
    expect(flat(f)).toEqual(planted);
    expect(f.every((x) => x.unit?.name === '县教育局')).toBe(true);
    const by = (rule: string, cell: string) => f.find((x) => x.rule === rule && x.location.cell === cell)!;
    expect(by('ZBB.BASIS_MISSING', 'N5').message).toBe('县教育局项目“校舍维修（P001）”未填写测算依据；项目支出应按零基预算逐项测算，请补填测算依据');
    expect(by('ZBB.GOAL_MISSING', 'O4').message).toBe('县教育局项目“校舍维修（P001）”（60.00 万元）没有绩效目标；预算绩效目标应全覆盖，请填写绩效目标');
    expect(by('ZBB.NOT_IN_LIBRARY', 'D10').message).toBe('县教育局项目“校园安保”没有项目编码；项目应先入项目库，未入库不安排预算');
    expect(by('ZBB.BASE_CARRYOVER', 'J4').message).toBe('县教育局项目“校舍维修（P001）”本年安排 50.00 万元，与上年相同，疑似沿用上年基数；请按零基预算重新测算并说明依据');
    expect(by('ZBB.BASE_CARRYOVER', 'J4').severity).toBe('warning');
    const under = by('ZBB.UNDERPERFORMER_NOT_CUT', 'J7');
    expect(under.message).toBe('县教育局项目“教研活动（P003）”上年执行率 55.0%（低于 80.0%），本年安排 81.00 万元，高于上年 80.00 万元；执行率低或绩效差的项目应审减或取消');
    expect(under.figures).toEqual({ actualFen: wan(81), priorFen: wan(80), execRate: 0.55, score: 85 });
    expect(by('ZBB.UNDERPERFORMER_NOT_CUT', 'J8').message).toBe('县教育局项目“教师培训（P004）”上年绩效评价得分 70 分（低于 80 分），本年安排 30.00 万元，与上年 30.00 万元持平；执行率低或绩效差的项目应审减或取消');
    expect(under.location).toEqual({ file: 'a.xlsx', sheet: '明细', cell: 'J7', row: 7 });
  });

  test.each([
    ['lower thresholds: no underperformer', { zbb: { minExecRate: 0.5, minPerfScore: 60 } }, []],
    ['minExecRate 85%: 学生资助 (0.8) too', { zbb: { minExecRate: 0.85 } }, ['J7', 'J8', 'J12']],
    ['minPerfScore 86: 教研活动 by rate and score, 学生资助 by score', { zbb: { minPerfScore: 86 } }, ['J7', 'J8', 'J12']],
  ])('%s', (_name, config, cells) => {
    const f = zeroBasedBudgeting.run(context({ lines, config })).filter((x) => x.rule === 'ZBB.UNDERPERFORMER_NOT_CUT');
    expect(f.map((x) => x.location.cell)).toEqual(cells);
  });

  test('fund scope: with 政府性基金 counted, 校舍维修 is 60.00 vs 50.00, no longer a carried-over base', () => {
    const f = zeroBasedBudgeting.run(context({ lines, config: { fundScope: ['一般公共预算拨款', fund] } }));
    expect(f.filter((x) => x.rule === 'ZBB.BASE_CARRYOVER').map((x) => x.location.cell)).toEqual(['J8']);
  });

  test('a 项目库 sheet: codes not in it are NOT_IN_LIBRARY', () => {
    const projectLibrary = { codes: new Set(['P001', 'P002', 'P003', 'P004', 'P005']), names: new Set<string>(), location: { file: 'a.xlsx', sheet: '项目库' } };
    const f = zeroBasedBudgeting.run(context({ lines, aux: { projectLibrary } })).filter((x) => x.rule === 'ZBB.NOT_IN_LIBRARY');
    expect(flat(f)).toEqual([['ZBB.NOT_IN_LIBRARY', '明细', 'D10'], ['ZBB.NOT_IN_LIBRARY', '明细', 'D12']]);
    expect(f[1].message).toBe('县教育局项目“学生资助（P006）”的编码 P006 不在项目库中；未入库不安排预算');
  });

  test('absent 测算依据/绩效目标/项目编码 columns: NOT_CHECKED per file, never per-line errors', () => {
    const b = source({ file: 'b.xlsx', without: ['basis', 'perfGoal', 'projectCode'] });
    const f = zeroBasedBudgeting.run(context({ lines: rows(b, 4, [
      { unitName: '县卫健局', projectName: '疫苗接种', amountFen: wan(10), priorFen: wan(8) },
      { unitName: '县卫健局', projectName: '疫苗接种', amountFen: wan(1), priorFen: wan(1) },
    ]) }));
    expect(f.map((x) => [x.rule, x.location.file, x.location.cell ?? ''])).toEqual([
      ['ZBB.NOT_CHECKED', 'b.xlsx', ''], ['ZBB.NOT_CHECKED', 'b.xlsx', ''], ['ZBB.NOT_CHECKED', 'b.xlsx', ''],
    ]);
    expect(f.map((x) => x.message)).toEqual([
      'b.xlsx：「明细」表没有“测算依据”列，测算依据填报情况未检查',
      'b.xlsx：「明细」表没有“绩效目标”列，绩效目标填报情况未检查',
      'b.xlsx：「明细」表没有“项目编码”列，项目入库情况未检查',
    ]);
  });

  test('no 执行率/绩效 columns: the underperformer check is NOT_CHECKED; 上年执行数 gives the rate when present', () => {
    const b = source({ file: 'b.xlsx', without: ['priorExecRate', 'perfScore'] });
    const init = [{ ...edu, projectCode: 'P7', projectName: '营养餐', amountFen: wan(40), priorFen: wan(40), priorActualFen: wan(20) }];
    const f = zeroBasedBudgeting.run(context({ lines: rows(b, 4, init) }));
    expect(f.map((x) => x.rule)).toEqual(['ZBB.BASE_CARRYOVER', 'ZBB.NOT_CHECKED']);
    expect(f[1].message).toBe('b.xlsx：「明细」表没有“上年执行率”或“上年绩效评价得分”列，低效项目压减情况未检查');
    const c = source({ file: 'c.xlsx', columns: { ...DEFAULT_COLUMNS, priorActual: 18 }, without: ['priorExecRate', 'perfScore'] });
    const g = zeroBasedBudgeting.run(context({ lines: rows(c, 4, init) }));
    expect(g.map((x) => [x.rule, x.figures?.execRate])).toEqual([['ZBB.BASE_CARRYOVER', undefined], ['ZBB.UNDERPERFORMER_NOT_CUT', 0.5]]);
  });

  test('no prior data: completeness still checked; year-on-year NOT_CHECKED once per input', () => {
    const f = zeroBasedBudgeting.run(context({ lines, prior: 'none' }));
    expect(flat(f)).toEqual([...planted.slice(0, 3), ['ZBB.NOT_CHECKED', '', '']]);
    expect(f[3].location).toEqual({ file: 'a.xlsx' });
    expect(f[3].message).toContain('零基预算同比情况（项目是否沿用上年基数、低效项目是否压减）未检查');
  });

  test('a unit whose projects are all outside fund scope is NOT_CHECKED', () => {
    const f = zeroBasedBudgeting.run(context({ lines: rows(src, 4, [{ unitName: '县住建局', ...ok, projectCode: 'J1', projectName: '旧城改造', fundSource: fund, amountFen: wan(9), priorFen: wan(9) }]) }));
    expect(flat(f)).toEqual([['ZBB.NOT_CHECKED', '明细', 'J4']]);
    expect(f[0].message).toBe('县住建局的项目均没有资金来源为一般公共预算拨款的预算行，零基预算同比情况（项目是否沿用上年基数、低效项目是否压减）未检查（不视为通过）');
  });
});

describe('ZBB with prior lines', () => {
  const cur = source({ without: ['priorAmount'] });
  const pri = source({ file: 'prior.xlsx', prior: true, without: ['priorAmount'] });
  const current = rows(cur, 4, [
    { ...edu, projectCode: 'P001', projectName: '校舍维修', economicCode: '30213', amountFen: wan(50), execRate: 0.9 },
    { ...edu, projectCode: 'P003', projectName: '教研活动', economicCode: '30215', amountFen: wan(80), execRate: 0.6 },
    { ...edu, projectCode: 'P009', projectName: '新建食堂', economicCode: '30905', amountFen: wan(300), execRate: 0.1 },
  ]);
  const prior = rows(pri, 6, [
    { ...edu, projectCode: 'P001', projectName: '校舍维修', economicCode: '30213', amountFen: wan(50) },
    { ...edu, projectCode: 'P003', projectName: '教研活动', economicCode: '30215', amountFen: wan(70) },
    { ...edu, projectCode: 'P003', projectName: '教研活动', economicCode: '30215', amountFen: wan(10), fundSource: fund },
    { ...edu, projectCode: 'P008', projectName: '运动会', economicCode: '30299', amountFen: wan(15) },
  ]);

  test('totals from prior lines; a new project is never judged; new and dropped lines are info', () => {
    const f = zeroBasedBudgeting.run(context({ lines: current, prior }));
    expect(f.map((x) => [x.rule, x.location.file, x.location.cell, x.severity])).toEqual([
      ['ZBB.BASE_CARRYOVER', 'a.xlsx', 'J4', 'warning'],
      ['ZBB.UNDERPERFORMER_NOT_CUT', 'a.xlsx', 'J5', 'error'],
      ['ZBB.NEW_LINE', 'a.xlsx', 'J6', 'info'],
      ['ZBB.DROPPED_LINE', 'prior.xlsx', 'J8', 'info'],
      ['ZBB.DROPPED_LINE', 'prior.xlsx', 'J9', 'info'],
    ]);
    expect(f[1].figures).toEqual({ actualFen: wan(80), priorFen: wan(70), execRate: 0.6 });
    expect(f[2].message).toBe('县教育局新增预算行（项目“新建食堂（P009）”，功能科目 2050101，经济科目 30905，一般公共预算拨款）本年 300.00 万元，上年无对应预算行；请说明新增依据');
    expect(f[3].message).toBe('县教育局上年预算行（项目“教研活动（P003）”，功能科目 2050101，经济科目 30215，政府性基金预算拨款）上年 10.00 万元，本年无对应预算行');
    expect(f[4].message).toBe('县教育局上年预算行（项目“运动会（P008）”，功能科目 2050101，经济科目 30299，一般公共预算拨款）上年 15.00 万元，本年无对应预算行');
    expect(f[4].figures).toEqual({ priorFen: wan(15) });
  });

  test('NEW_LINE and DROPPED_LINE only with a prior sheet, never from prior columns', () => {
    const f = zeroBasedBudgeting.run(context({ lines }));
    expect(f.some((x) => x.rule === 'ZBB.NEW_LINE' || x.rule === 'ZBB.DROPPED_LINE')).toBe(false);
  });
});
