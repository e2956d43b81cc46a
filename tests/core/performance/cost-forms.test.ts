/**
 * The money forms a 成本指标 is written in (万 without 元, 亿元, 不超过…, full width), read exactly in 分;
 * per-unit costs and rates are not a project's total. And a COST_EXCEEDS message whose two amounts
 * print alike in 万元 prints them in 元 to the 分 (“60.00 万元，超过 60.00 万元” contradicted itself).
 */
import type { Finding } from '../../../src/core/findings';
import { perfCostExceedsOf } from '../../../src/core/messages/performance';
import { costFen } from '../../../src/core/performance/values';
import type { Indicator, PerfGoal } from '../../../src/core/performance/model';
import { projectPerformance } from '../../../src/core/rules/performance';
import { context, rows, source, wan } from '../rules/fixtures';

const YUAN = 100;

// 指标值 → 分 (null: not the project's total money).
const FORMS: Array<[value: string, fen: number | null]> = [
  ['≤70万', 70_000_000],
  ['≤70万元', 70_000_000],
  ['不超过70万元', 70_000_000],
  ['不超过70万', 70_000_000],
  ['不大于70万元', 70_000_000],
  ['70万以内', 70_000_000],
  ['≤0.007亿元', 70_000_000],
  ['≤0.007亿', 70_000_000],
  ['1亿元', 10_000_000_000],
  ['≤1.23456789亿元', 12_345_678_900],
  ['≤0.0000000001亿元', 1], // 1 分: exact, no float product
  ['≤７０万', 70_000_000], // full-width digits
  ['≦０．００７亿元', 70_000_000],
  ['≤ 600,001 元', 600_001 * YUAN],
  ['≤６００，００１元', 600_001 * YUAN],
  ['30元/人', null],
  ['每人30元', null],
  ['≤70万元/年', null],
  ['≤1亿元/年', null],
  ['人均30元', null],
  ['≤5%', null],
  ['70万人次', null],
  ['≤100000000亿元', null], // beyond MAX_ABS_FEN
];

test.each(FORMS)('costFen(%j) = %p', (value, fen) => {
  expect(costFen(value)).toBe(fen);
});

const GOALS = '绩效目标';
const at = (row: number) => ({ file: 'a.xlsx', sheet: GOALS, cell: `E${row}`, row });

/** 产出·数量, 效益 and 满意度 rows plus one 成本指标 per value, from row 11 on. */
function goal(costs: ReadonlyArray<string>): PerfGoal {
  const indicators: Indicator[] = [
    { level1: '产出指标', level2: '数量指标', name: '维修面积', value: '≥1200平方米', location: at(10) },
    ...costs.map((value, k): Indicator => ({ level1: '产出指标', level2: '成本指标', name: `成本${k + 1}`, value, location: at(11 + k) })),
    { level1: '效益指标', level2: '社会效益指标', name: '消除隐患', value: '3处', location: at(30) },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', value: '≥90%', location: at(31) },
  ];
  return {
    file: 'a.xlsx', sheet: GOALS, unitCode: '101001', unitName: '县教育局', department: '', projectCode: 'E01', projectName: '办公楼维修',
    totalFen: null, fiscalFen: null, otherFen: null, goalText: '', grade: '', indicators, location: { file: 'a.xlsx', sheet: GOALS, cell: 'B10', row: 10 }, layout: 'block',
  };
}

type Row = [rule: string, project: string, cell: string, unit: string, actualFen: number, limitFen: number];
const flat = (fs: ReadonlyArray<Finding>): Row[] => fs.map((f) => [
  f.rule, /项目“([^”]+)”/.exec(f.message)?.[1] ?? '', f.location.cell ?? '', `${f.unit?.code ?? ''} ${f.unit?.name ?? ''}`,
  (f.figures as { actualFen: number }).actualFen, (f.figures as { limitFen: number }).limitFen,
]);

describe('PERF.COST_EXCEEDS against 600,000 元 of budget lines', () => {
  const lines = rows(source(), 4, [{ unitCode: '101001', unitName: '县教育局', projectCode: 'E01', projectName: '办公楼维修', amountFen: wan(60) }]);
  const values = ['≤70万', '≤0.007亿元', '1亿元', '不超过70万元', '≤７０万', '≤600001元', '≤60万元', '30元/人', '每人70万元', '≤70万元/年'];
  const findings = projectPerformance.run(context({ lines, aux: { performance: [goal(values)] } }));
  const P = '办公楼维修（E01）';
  const U = '101001 县教育局';
  const LIMIT = 600_000 * YUAN;

  test('every money form above the funds is reported; per-unit costs and rates are not', () => {
    expect(flat(findings)).toEqual<Row[]>([
      ['PERF.COST_EXCEEDS', P, 'E11', U, 70_000_000, LIMIT],
      ['PERF.COST_EXCEEDS', P, 'E12', U, 70_000_000, LIMIT],
      ['PERF.COST_EXCEEDS', P, 'E13', U, 10_000_000_000, LIMIT],
      ['PERF.COST_EXCEEDS', P, 'E14', U, 70_000_000, LIMIT],
      ['PERF.COST_EXCEEDS', P, 'E15', U, 70_000_000, LIMIT],
      ['PERF.COST_EXCEEDS', P, 'E16', U, 600_001 * YUAN, LIMIT],
    ]);
    expect(findings[2].figures).toEqual({ actualFen: 10_000_000_000, limitFen: LIMIT, excessFen: 10_000_000_000 - LIMIT });
  });

  test('amounts that print alike in 万元 are printed in 元 to the 分; others stay in 万元', () => {
    expect(findings[5].message).toBe('县教育局项目“办公楼维修（E01）”的成本指标“成本6”为 600,001.00 元，超过项目资金 600,000.00 元；成本指标不应超过项目预算');
    expect(findings[0].message).toBe('县教育局项目“办公楼维修（E01）”的成本指标“成本1”为 70.00 万元，超过项目资金 60.00 万元；成本指标不应超过项目预算');
  });

  test.each([
    [600_000_01, 600_000_00, '为 600,000.01 元，超过项目资金 600,000.00 元'],
    [600_004_99, 600_000_00, '为 600,004.99 元，超过项目资金 600,000.00 元'], // 60.00 万元 both
    [600_050_00, 600_000_00, '为 60.01 万元，超过项目资金 60.00 万元'],
  ])('perfCostExceedsOf(%i, %i)', (cost, funds, text) => {
    expect(perfCostExceedsOf('县教育局项目“办公楼维修”', '总成本', cost, funds)).toContain(text);
  });
});
