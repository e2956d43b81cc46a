import { checkWorkbooks } from '../../../src/core/check';
import type { Finding } from '../../../src/core/findings';
import * as path from 'path';
import { performanceExampleWorkbook, PERFORMANCE_EXAMPLE_FILE } from '../../../src/testing/performance-example';
import { cli } from '../../cli/run-cli';

type Row = [rule: string, project: string, sheet: string, cell: string];

/** The project a PERF finding names (its message names it first). */
const projectOf = (f: Finding) => /项目“([^”（]+)/.exec(f.message)?.[1] ?? '';
const flat = (findings: Finding[]): Row[] =>
  findings.filter((f) => f.rule.startsWith('PERF.')).map((f) => [f.rule, projectOf(f), f.location.sheet ?? '', f.location.cell ?? '']);

const B = '项目支出绩效目标表';
const L = '绩效指标清单';
const D = '预算明细';

/** Every planted problem of src/testing/performance-example.ts, in report order. */
const EXPECTED: Row[] = [
  ['PERF.LEVEL_MISSING', '疾病预防控制', L, 'B9'],
  ['PERF.VAGUE_VALUE', '疾病预防控制', L, 'I10'],
  ['PERF.UNLINKED', '老年人健康体检', L, 'B12'],
  ['PERF.LEVEL_MISSING', '课后服务', B, 'B17'],
  ['PERF.VAGUE_VALUE', '课后服务', B, 'E24'],
  ['PERF.VAGUE_VALUE', '课后服务', B, 'E25'],
  ['PERF.VAGUE_VALUE', '课后服务', B, 'E26'],
  ['PERF.VAGUE_VALUE', '课后服务', B, 'E27'],
  ['PERF.COPIED', '教研活动', B, 'B29'],
  ['PERF.COST_EXCEEDS', '教研活动', B, 'E39'],
  ['PERF.FUNDS_MISMATCH', '教师培训', B, 'C45'],
  ['PERF.FUNDS_MISMATCH', '教师培训', B, 'C46'],
  ['PERF.COVERAGE', '', D, 'I4'],
  ['PERF.NOT_COVERED', '智慧校园', D, 'E8'],
];

describe('PERF on the example workbook (block layout + 一体化 list)', () => {
  const report = checkWorkbooks([performanceExampleWorkbook()]);
  const by = (rule: string, cell: string) => report.findings.find((f) => f.rule === rule && f.location.cell === cell)!;

  test('reports exactly the planted problems; the good projects (校舍维修, 基本公共卫生服务) pass', () => {
    expect(flat(report.findings)).toEqual(EXPECTED);
  });

  test('severities, figures and messages', () => {
    expect(by('PERF.NOT_COVERED', 'E8').severity).toBe('error');
    expect(by('PERF.FUNDS_MISMATCH', 'C45').severity).toBe('error');
    expect(by('PERF.FUNDS_MISMATCH', 'C45').figures).toEqual({ actualFen: 16_000_000, expectedFen: 15_000_000, excessFen: 1_000_000 });
    expect(by('PERF.FUNDS_MISMATCH', 'C45').message).toBe('县教育局项目“教师培训（P004）”绩效目标表的年度资金总额 16 万元（160,000.00 元），预算明细为 150,000.00 元（15 万元），多 10,000.00 元；绩效目标应与预算草案同步编审、金额一致');
    const cov = by('PERF.COVERAGE', 'I4');
    expect(cov.severity).toBe('warning');
    expect(cov.figures).toEqual({ projects: 5, coveredProjects: 4, totalFen: 175_000_000, coveredFen: 125_000_000, share: 125 / 175 });
    expect(cov.message).toBe('县教育局项目支出 5 个、共 175.00 万元；编报绩效目标的项目 4 个，涉及资金 125.00 万元（占 71.4%），未实现绩效目标全覆盖');
    expect(by('PERF.VAGUE_VALUE', 'E25').message).toContain('指标值“明显提升”是定性表述，无法衡量');
    expect(by('PERF.VAGUE_VALUE', 'E24').message).toContain('没有数字，数量指标应量化');
    expect(by('PERF.COST_EXCEEDS', 'E39').figures).toEqual({ actualFen: 60_000_000, limitFen: 20_000_000, excessFen: 40_000_000 });
    expect(by('PERF.COPIED', 'B29').message).toBe('县教育局项目“教研活动（P003）”的 6 条绩效指标与项目“校舍维修（P001）”完全相同；不同项目应按各自内容设置绩效指标，照搬的指标请退回修改');
    expect(by('PERF.LEVEL_MISSING', 'B9').unit).toEqual({ code: '102001', name: '县卫健委' });
  });

  test.each([
    ['no 满意度 needed outside the listed classes', { perf: { publicServiceClasses: [] } }, (r: Row[]) => !r.some(([rule, p]) => rule === 'PERF.LEVEL_MISSING' && p === '课后服务')],
    ['a larger copy threshold', { perf: { minCopiedIndicators: 7 } }, (r: Row[]) => !r.some(([rule]) => rule === 'PERF.COPIED')],
    ['coverage by funds at 70%', { perf: { minCoverage: 0.7 } }, (r: Row[]) => !r.some(([rule]) => rule === 'PERF.COVERAGE')],
    ['a vague word list without 明显提升', { perf: { vagueWords: ['有所改善'] } }, (r: Row[]) => r.filter(([rule, p]) => rule === 'PERF.VAGUE_VALUE' && p === '课后服务').length === 4],
    ['明显提升 accepted as measurable', { perf: { vagueWords: [], measurableWords: ['明显提升'] } }, (r: Row[]) => !r.some(([rule, , , cell]) => rule === 'PERF.VAGUE_VALUE' && cell === 'E25')],
  ])('parameters: %s', (_name, rules, ok) => {
    const rows = flat(checkWorkbooks([performanceExampleWorkbook()], { rules }).findings);
    expect(ok(rows)).toBe(true);
    expect(rows.length).toBeLessThan(EXPECTED.length + 1);
  });

  test('规则设置 names reach the PERF parameters', () => {
    const wb = performanceExampleWorkbook();
    const settings = { name: '规则设置', cells: [['参数', '值'], ['雷同指标最少条数', 7], ['绩效目标覆盖率下限', '70%']] };
    const rows = flat(checkWorkbooks([{ ...wb, sheets: [...wb.sheets, settings] }]).findings);
    expect(rows.some(([r]) => r === 'PERF.COPIED' || r === 'PERF.COVERAGE')).toBe(false);
  });

  test('`budget-review check` on the committed example workbook reports the same PERF findings', async () => {
    const run = await cli('check', path.join(__dirname, '../../../examples', PERFORMANCE_EXAMPLE_FILE), '--json');
    expect(run.code).toBe(1);
    expect(flat((JSON.parse(run.stdout) as { findings: Finding[] }).findings)).toEqual(EXPECTED);
  });

  test('without a 绩效目标 sheet the indicators are reported unchecked, never passed', () => {
    const wb = performanceExampleWorkbook();
    const rows = checkWorkbooks([{ ...wb, sheets: [wb.sheets[0]] }]).findings.filter((f) => f.rule.startsWith('PERF.'));
    expect(rows.map((f) => [f.rule, f.severity, f.location.file])).toEqual([['PERF.NOT_CHECKED', 'info', wb.file]]);
  });
});

import { zeroBasedBudgeting } from '../../../src/core/rules/zbb';
import type { PerfGoal } from '../../../src/core/performance';
import { context, rows, source, wan } from './fixtures';

describe('ZBB.UNDERPERFORMER_NOT_CUT names the 评价等级 of the 绩效目标 sheet', () => {
  const goal = (grade: string): PerfGoal => ({
    file: 'a.xlsx', sheet: '绩效目标', unitCode: '', unitName: '县教育局', department: '', projectCode: 'P003', projectName: '教研活动',
    totalFen: null, fiscalFen: null, otherFen: null, goalText: '', grade, indicators: [], location: { file: 'a.xlsx', sheet: '绩效目标', cell: 'B2', row: 2 }, layout: 'list',
  });
  const edu = { unitName: '县教育局', projectCode: 'P003', projectName: '教研活动', basis: '按标准', perfGoal: '完成' };

  test('with an execution rate: the grade is added to the reasons', () => {
    const lines = rows(source(), 4, [{ ...edu, economicCode: '30215', amountFen: wan(81), priorFen: wan(80), execRate: 0.55 }]);
    const f = zeroBasedBudgeting.run(context({ lines, aux: { performance: [goal('中')] } })).filter((x) => x.rule === 'ZBB.UNDERPERFORMER_NOT_CUT');
    expect(f.map((x) => x.message)).toEqual(['县教育局项目“教研活动（P003）”上年执行率 55.0%（低于 80.0%），上年绩效评价得分 60 分（低于 80 分），上年绩效评价等级为“中”，本年安排 81.00 万元，高于上年 80.00 万元；执行率低或绩效差的项目应审减或取消']);
  });

  test('without rate or score columns the grade alone decides, instead of NOT_CHECKED', () => {
    const lines = rows(source({ without: ['priorExecRate', 'perfScore'] }), 4, [{ ...edu, economicCode: '30215', amountFen: wan(81), priorFen: wan(80) }]);
    const with差 = zeroBasedBudgeting.run(context({ lines, aux: { performance: [goal('差')] } }));
    expect(with差.filter((x) => x.rule === 'ZBB.UNDERPERFORMER_NOT_CUT').map((x) => x.location.cell)).toEqual(['J4']);
    const without = zeroBasedBudgeting.run(context({ lines }));
    expect(without.some((x) => x.rule === 'ZBB.UNDERPERFORMER_NOT_CUT')).toBe(false);
    expect(without.some((x) => x.rule === 'ZBB.NOT_CHECKED')).toBe(true);
  });
});

describe('ZBB.UNDERPERFORMER_NOT_CUT names the 评价等级 of a 绩效评价 sheet (project + 评价等级)', () => {
  const header = ['单位名称', '项目编码', '项目名称', '本年预算数', '上年预算数', '功能分类科目编码', '经济分类科目编码', '资金来源', '支出类型', '测算依据', '绩效目标'];
  const detail = {
    name: '预算明细',
    cells: [
      header,
      ['县教育局', 'P003', '教研活动', 810000, 800000, '2050202', '30215', '一般公共预算拨款', '项目支出', '按标准', '开展教研活动'],
      ['县教育局', 'P004', '教师培训', 160000, 150000, '2050202', '30216', '一般公共预算拨款', '项目支出', '按标准', '培训教师 300 人次'],
      ['县卫健委', 'P003', '教研活动', 90000, 80000, '2100401', '30215', '一般公共预算拨款', '项目支出', '按标准', '开展教研'],
    ],
  };
  const grades = (rows: Array<Array<string>>) => ({ name: '2024年项目绩效评价结果', cells: [['2024年度项目支出绩效评价结果'], ['单位名称', '项目编码', '项目名称', '评价等级'], ...rows] });
  const underperformers = (sheets: Array<{ name: string; cells: unknown[][] }>) =>
    checkWorkbooks([{ file: 'a.xlsx', sheets } as never]).findings.filter((f) => f.rule === 'ZBB.UNDERPERFORMER_NOT_CUT');

  test('the grade is read as supporting data, linked by unit and code, and decides and is named', () => {
    const f = underperformers([detail, grades([['县教育局', 'P003', '教研活动', '差'], ['县教育局', 'P004', '教师培训', '优']])]);
    // Only 县教育局's P003: the same code in 县卫健委 has no grade, P004 is 优.
    expect(f.map((x) => [x.location.sheet, x.location.row, x.unit?.name])).toEqual([['预算明细', 2, '县教育局']]);
    expect(f[0].message).toContain('上年绩效评价等级为“差”');
    expect(f[0].message).toContain('上年绩效评价得分 0 分');
  });

  test('a project found by name only (no code column) links too; without the sheet nothing is judged', () => {
    const byName = { name: '绩效评价', cells: [['项目名称', '单位名称', '绩效评价等级'], ['教师培训', '县教育局', '中']] };
    const f = underperformers([detail, byName]);
    expect(f.map((x) => [x.location.row, /等级为“中”/.test(x.message)])).toEqual([[3, true]]);
    expect(underperformers([detail])).toEqual([]);
  });

  test('the 绩效评价 sheet is not read as budget lines, and a grade-less row is skipped', () => {
    const report = checkWorkbooks([{ file: 'a.xlsx', sheets: [detail, grades([['县教育局', 'P003', '教研活动', '']])] } as never]);
    expect(report.lines).toHaveLength(3);
    expect(report.findings.filter((f) => f.rule === 'ZBB.UNDERPERFORMER_NOT_CUT')).toEqual([]);
  });
});
