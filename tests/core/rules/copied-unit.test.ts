/**
 * PERF.COPIED is filed under the linked project's unit (code and name from its first budget line) and
 * names both projects as the other PERF findings do, “名称（编码）”; only an unlinked goal is named as
 * the goal sheet writes it. It used to carry the goal sheet's unit ({name:'县教育局'}, no code).
 */
import { checkWorkbooks } from '../../../src/core/check';
import type { Finding } from '../../../src/core/findings';
import type { Indicator, PerfGoal } from '../../../src/core/performance/model';
import { projectPerformance } from '../../../src/core/rules/performance';
import { performanceExampleWorkbook } from '../../../src/testing/performance-example';
import { context, rows, source, wan } from './fixtures';

type Row = [rule: string, project: string, cell: string, unit: string];
const projectOf = (f: Finding) => /项目“([^”]+)”/.exec(f.message)?.[1] ?? '';
const flat = (fs: ReadonlyArray<Finding>): Row[] => fs.map((f) => [f.rule, projectOf(f), f.location.cell ?? '', `${f.unit?.code ?? ''} ${f.unit?.name ?? ''}`]);

test('the example workbook: 教研活动 copies 校舍维修, filed under 101001 县教育局', () => {
  const copied = checkWorkbooks([performanceExampleWorkbook()]).findings.filter((f) => f.rule === 'PERF.COPIED');
  expect(flat(copied)).toEqual<Row[]>([['PERF.COPIED', '教研活动（P003）', 'B29', '101001 县教育局']]);
  expect(copied[0].unit).toEqual({ code: '101001', name: '县教育局' });
  expect(copied[0].message).toBe('县教育局项目“教研活动（P003）”的 6 条绩效指标与项目“校舍维修（P001）”完全相同；不同项目应按各自内容设置绩效指标，照搬的指标请退回修改');
  expect(copied[0].figures).toEqual({ indicators: 6 });
});

const GOALS = '绩效目标';
const at = (cell: string, row: number) => ({ file: 'a.xlsx', sheet: GOALS, cell, row });

/** The same three rows (产出·数量, 效益, 满意度) for every goal: any two are copies. */
function grid(row: number): Indicator[] {
  return [
    { level1: '产出指标', level2: '数量指标', name: '培训人次', value: '≥300人次', location: at(`E${row}`, row) },
    { level1: '效益指标', level2: '社会效益指标', name: '能力提升', value: '达标', location: at(`E${row + 1}`, row + 1) },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', value: '≥90%', location: at(`E${row + 2}`, row + 2) },
  ];
}

function goal(row: number, unitCode: string, unitName: string, projectCode: string, projectName: string): PerfGoal {
  return {
    file: 'a.xlsx', sheet: GOALS, unitCode, unitName, department: '', projectCode, projectName, totalFen: null, fiscalFen: null, otherFen: null,
    goalText: '', grade: '', indicators: grid(row), location: at(`B${row}`, row), layout: 'block',
  };
}

test('a goal sheet naming the unit differently: the finding names the budget’s unit and projects', () => {
  const lines = rows(source(), 4, [
    { unitCode: '101001', unitName: '县教育局', projectCode: 'P001', projectName: '教师培训', amountFen: wan(15) },
    { unitCode: '101001', unitName: '县教育局', projectCode: 'P003', projectName: '教研活动', amountFen: wan(20) },
    { unitCode: '102001', unitName: '县卫健委', projectCode: 'H01', projectName: '疾病防控', amountFen: wan(40) },
  ]);
  const goals = [
    goal(10, '', '教育局', 'P001', '教师培训'), // linked by its code (the only project carrying it)
    goal(20, '', '教育局', 'P003', '教研活动'), // a copy of 教师培训: under 101001 县教育局
    goal(30, '102001', '', 'H01', '疾病防控'), // another unit's copy: names 县教育局 as the first carrier
    goal(40, '', '县民政局', 'M01', '养老服务'), // unlinked: named as the goal sheet writes it
  ];
  const findings = projectPerformance.run(context({ lines, aux: { performance: goals } }));
  const copied = findings.filter((f) => f.rule === 'PERF.COPIED');
  expect(flat(copied)).toEqual<Row[]>([
    ['PERF.COPIED', '教研活动（P003）', 'B20', '101001 县教育局'],
    ['PERF.COPIED', '疾病防控（H01）', 'B30', '102001 县卫健委'],
    ['PERF.COPIED', '养老服务', 'B40', ' 县民政局'],
  ]);
  expect(copied.map((f) => f.message.split('；')[0])).toEqual([
    '县教育局项目“教研活动（P003）”的 3 条绩效指标与项目“教师培训（P001）”完全相同',
    '县卫健委项目“疾病防控（H01）”的 3 条绩效指标与县教育局项目“教师培训（P001）”完全相同',
    '县民政局项目“养老服务”的 3 条绩效指标与县教育局项目“教师培训（P001）”完全相同',
  ]);
});
