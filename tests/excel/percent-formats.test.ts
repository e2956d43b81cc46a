/**
 * The Office.js adapter reads the number formats of the 指标值 numbers of 绩效目标 sheets (and of
 * nothing else): 0.95 under "0%" reads "95%", a date serial the date it shows. numberFormat is asked per value column in row chunks,
 * so syncs grow with chunks, never with rows, and a payload error halves the chunk.
 */
import type { Grid } from '../../src/core/grid';
import { readPerformanceSheet } from '../../src/core/performance';
import { readWorkbook } from '../../src/excel/read';
import { budgetRows, fakeHost } from './helpers';

const HEAD = ['单位名称', '项目名称', '一级指标', '二级指标', '三级指标', '指标值'];
const valuesOf = (g: Grid) => readPerformanceSheet('book.xlsx', g).goals.flatMap((x) => x.indicators.map((i) => i.value));

test('a goal sheet off A1: 0.95 "0%" → 95%, 1 "0%" → 100%, 0.955 "0.0%" → 95.5%, 12 General → 12', async () => {
  const { model, caps, uninstall } = fakeHost(18);
  try {
    const rows: Array<Array<string | number>> = [
      HEAD,
      ['县教育局', '校舍维修', '产出指标', '质量指标', '验收合格率', 0.95],
      ['县教育局', '校舍维修', '产出指标', '质量指标', '设备完好率', 1],
      ['县教育局', '校舍维修', '产出指标', '时效指标', '按期完成率', 0.955],
      ['县教育局', '校舍维修', '产出指标', '数量指标', '维修学校数', 12],
    ];
    const s = model.put('绩效目标', rows, 2, 1);
    ['0%', '0%', '0.0%'].forEach((f, i) => void (s.format(3 + i, 6).numberFormat = f));
    const budget = model.put('明细', budgetRows(10, 6));
    budget.format(1, 4).numberFormat = '0%';
    const wb = await readWorkbook({ file: 'book.xlsx', caps });
    const g = wb.sheets.find((x) => x.name === '绩效目标') as Grid;
    expect(g.origin).toEqual({ row: 3, col: 2 });
    expect(g.numFmts).toEqual([{ col: 5, top: 1, bottom: 2, code: '0%' }, { col: 5, top: 3, bottom: 3, code: '0.0%' }]);
    expect(valuesOf(g)).toEqual(['95%', '100%', '95.5%', '12']);
    expect(readPerformanceSheet('book.xlsx', g).goals[0].indicators[1].location.cell).toBe('G5');
    expect(wb.sheets.find((x) => x.name === '明细')?.numFmts).toBeUndefined();
  } finally {
    uninstall();
  }
});

test('Office.js gives a date as its serial: 指标值 read as the sheet shows them (date, 人次, escaped %), 年度资金总额 stays a number', async () => {
  const { model, caps, uninstall } = fakeHost(18);
  try {
    const rows: Array<Array<string | number>> = [
      [...HEAD, '年度资金总额'],
      ['县教育局', '校舍维修', '产出指标', '时效指标', '完成时间', 46387, 500000],
      ['县教育局', '校舍维修', '产出指标', '数量指标', '培训人次', 1200, 500000],
      ['县教育局', '校舍维修', '效益指标', '社会效益指标', '覆盖率', 95, 500000],
      ['县教育局', '校舍维修', '满意度指标', '服务对象满意度指标', '满意度', 0.9, 500000],
    ];
    const s = model.put('绩效目标', rows);
    ['yyyy"年"m"月"d"日"', '0"人次"', '0\\%', '0%'].forEach((f, i) => void (s.format(1 + i, 5).numberFormat = f));
    for (let r = 1; r <= 4; r++) s.format(r, 6).numberFormat = '#,##0.00';
    const wb = await readWorkbook({ file: 'book.xlsx', caps });
    const g = wb.sheets.find((x) => x.name === '绩效目标') as Grid;
    expect(valuesOf(g)).toEqual(['2026年12月31日', '1200人次', '95%', '90%']);
    // Only the 指标值 column is asked: the amounts are read as numbers.
    expect(g.numFmts?.every((r) => r.col === 5)).toBe(true);
    expect(readPerformanceSheet('book.xlsx', g).goals[0].totalFen).toBe(50_000_000);
  } finally {
    uninstall();
  }
});

/** A list-layout goal sheet of n indicator rows, every value a number under `fmt` but each tenth General. */
function bigGoals(n: number, fmt: string, head = HEAD): { rows: Array<Array<string | number>>; formats: Array<[number, string]> } {
  const rows: Array<Array<string | number>> = [head];
  const formats: Array<[number, string]> = [];
  for (let i = 0; i < n; i++) {
    rows.push([`单位${i % 7}`, `项目${Math.floor(i / 5)}`, '产出指标', '质量指标', `指标${i}`, (i % 100) / 100]);
    if (i % 10 !== 9) formats.push([i + 1, fmt]);
  }
  return { rows, formats };
}

async function syncsOf(name: string, n: number, fmt: string, payloadLimit?: number, head = HEAD) {
  const { model, caps, uninstall } = fakeHost(18);
  try {
    const { rows, formats } = bigGoals(n, fmt, head);
    const s = model.put(name, rows);
    for (const [r, f] of formats) s.format(r, 5).numberFormat = f;
    if (payloadLimit !== undefined) model.payloadLimit = payloadLimit;
    model.resetStats();
    const wb = await readWorkbook({ file: 'book.xlsx', caps });
    return { grid: wb.sheets[0], syncs: model.syncCount, failed: model.failedSyncs(), maxResponse: model.maxResponseBytes() };
  } finally {
    uninstall();
  }
}

test('50,000 indicator rows: the formats cost one more sync, not one per row; a budget sheet costs none', async () => {
  const goals = await syncsOf('绩效目标', 50_000, '0.0%');
  // The same cells under a name and header no 绩效目标 reader takes: no numberFormat is asked.
  const twin = await syncsOf('明细', 50_000, '0.0%', undefined, ['单位名称', '项目名称', '支出类型', '资金来源', '摘要', '执行率']);
  expect(twin.grid.numFmts).toBeUndefined();
  expect(goals.syncs - twin.syncs).toBe(1);
  expect(goals.maxResponse).toBeLessThan(4_000_000);
  const values = valuesOf(goals.grid);
  expect(values.length).toBe(50_000);
  expect(values.slice(0, 3)).toEqual(['0.0%', '1.0%', '2.0%']);
  expect(values[9]).toBe('0.09'); // each tenth value is General
  expect(goals.grid.numFmts?.length).toBe(5_000);
});

test('a long format code past the payload limit halves the chunk and still reads every format', async () => {
  const code = '#,##0.00%;[Red]-#,##0.00%_);[Blue]0.00%';
  const r = await syncsOf('绩效目标', 50_000, code, 1_000_000);
  // The values fail at this limit too: the long code adds failures of its own (a short one fits).
  const short = await syncsOf('绩效目标', 50_000, '0%', 1_000_000);
  expect(r.failed.length).toBeGreaterThan(short.failed.length);
  expect(r.syncs - short.syncs).toBeLessThan(6);
  expect(r.maxResponse).toBeLessThanOrEqual(1_000_000);
  const values = valuesOf(r.grid);
  expect(values.slice(0, 3)).toEqual(['0.00%', '1.00%', '2.00%']);
  expect(values[49_998]).toBe('98.00%');
});
