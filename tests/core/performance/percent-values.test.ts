/**
 * 指标值 written as numbers under a number format read as Excel shows them ("95%", "12所"), from the runs
 * the adapters put in Grid.numFmts; other columns keep their numbers, a merged value shows its
 * top-left cell's format, and without numFmts a number reads as written.
 */
import type { Grid } from '../../../src/core/grid';
import { costFen, performanceValueColumns, readPerformanceSheet } from '../../../src/core/performance';

const block = (numFmts?: Grid['numFmts']): Grid => ({
  name: '绩效目标',
  cells: [
    ['项目名称', '校舍维修'],
    ['年度资金总额（元）', 0.95],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '质量指标', '验收合格率', 0.95],
    ['产出指标', '质量指标', '设备完好率', 1],
    ['产出指标', '时效指标', '按期完成率', 0.955],
    ['产出指标', '数量指标', '维修学校数', 12],
    ['满意度指标', '服务对象满意度指标', '家长满意度', 0.9],
    ['满意度指标', '服务对象满意度指标', '师生满意度', null],
  ],
  merges: [{ top: 7, left: 3, bottom: 8, right: 3 }],
  ...(numFmts ? { numFmts } : {}),
});

const RUNS = [
  { col: 1, top: 1, bottom: 1, code: '0%' }, // an amount under a percent format stays an amount
  { col: 3, top: 3, bottom: 4, code: '0%' },
  { col: 3, top: 5, bottom: 5, code: '0.0%' },
  { col: 3, top: 7, bottom: 7, code: '0%' },
];

test('the value column through its runs: 95%, 100%, 95.5%, 12; a merged value down two rows shows 90% on both', () => {
  const r = readPerformanceSheet('a.xlsx', block(RUNS));
  expect(r.findings).toEqual([]);
  expect(r.goals[0].indicators.map((i) => [i.name, i.value, i.location.cell])).toEqual([
    ['验收合格率', '95%', 'D4'], ['设备完好率', '100%', 'D5'], ['按期完成率', '95.5%', 'D6'], ['维修学校数', '12', 'D7'],
    ['家长满意度', '90%', 'D8'], ['师生满意度', '90%', 'D9'],
  ]);
  expect(r.goals[0].totalFen).toBe(95);
});

test('without numFmts the numbers read as written (what every door read before)', () => {
  const r = readPerformanceSheet('a.xlsx', block());
  expect(r.goals[0].indicators.map((i) => i.value)).toEqual(['0.95', '1', '0.955', '12', '0.9', '0.9']);
});

test('the 指标值 columns the Office.js adapter asks formats for', () => {
  expect(performanceValueColumns(block())).toEqual([3]);
  const list: Grid = { name: '绩效目标', cells: [['单位名称', '项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位']] };
  expect(performanceValueColumns(list)).toEqual([6]);
});

test('any format the value shows with: a 成本指标 in 万元 is money PERF.COST_EXCEEDS can weigh, a 时效指标 the date it shows', () => {
  const g: Grid = {
    name: '绩效目标',
    cells: [
      ['项目名称', '校舍维修'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '成本指标', '单校维修成本', 12.5],
      ['产出指标', '时效指标', '完工时间', 46387],
      ['产出指标', '数量指标', '维修学校数', 12],
      ['满意度指标', '服务对象满意度指标', '满意度', 0],
      ['产出指标', '时效指标', '验收时间', new Date(Date.UTC(2026, 5, 30))],
    ],
    numFmts: [
      { col: 3, top: 2, bottom: 2, code: '0.00"万元"' },
      { col: 3, top: 3, bottom: 3, code: 'yyyy"年"m"月"d"日"' },
      { col: 3, top: 4, bottom: 4, code: '0"所"' },
      { col: 3, top: 5, bottom: 5, code: '0%;-0%;"-"' },
      { col: 3, top: 6, bottom: 6, code: 'yyyy"年"m"月"底' },
    ],
  };
  const values = readPerformanceSheet('a.xlsx', g).goals[0].indicators.map((i) => i.value);
  // A zero its format shows as "-" is still the number 0.
  // A date cell (the .xlsx readers make one of a date code) is shown under its code too.
  expect(values).toEqual(['12.50万元', '2026年12月31日', '12所', '0', '2026年6月底']);
  expect(costFen(values[0])).toBe(12_500_000);
});
