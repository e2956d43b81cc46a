/**
 * Goals of a unit the run could not determine, and goals naming their unit by name only, in the
 * per-unit partition (src/core/per-unit.ts, src/core/run-unit.ts): 101001 is written as
 * 县教育局 in a.xlsx and as 县文旅局 in b.xlsx (DATA.UNIT_UNRESOLVED drops its rows), so its goals
 * belong to no unit's workbook either; a goal naming only 县卫健委 (102001 in the lines) joins 102001's.
 */
import { checkWorkbooks } from '../../src/core/check';
import type { CheckReport } from '../../src/core/check';
import type { Grid } from '../../src/core/grid';
import { partitionByUnit, sheetKey } from '../../src/core/per-unit';

const H = ['单位编码', '单位名称', '支出类型', '项目编码', '项目名称', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数', '测算依据', '绩效目标'];
const GOAL_HEADER = ['单位编码', '单位名称', '项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'];
/** One goal of three indicator rows; the 效益 value is vague (PERF.VAGUE_VALUE on its third row). */
const goal = (code: string | null, name: string, project: string, projectName: string, fen: number) => [
  [code, name, project, projectName, fen, '产出指标', '数量指标', `${projectName}数量`, '≥100次'],
  [null, null, null, null, null, '效益指标', '社会效益指标', `${projectName}效益`, '有所改善'],
  [null, null, null, null, null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
];

const detailA: Grid = {
  name: '预算明细',
  cells: [['单位：元'], H,
    ['101001', '县教育局', '项目支出', 'P001', '校舍维修', '2050202', '30213', '一般公共预算拨款', 600000, '按标准', '完成'],
    ['102001', '县卫健委', '项目支出', 'H01', '疾病防控', '2100401', '30227', '一般公共预算拨款', 400000, '按标准', '完成']],
};
const detailB: Grid = {
  name: '预算明细',
  cells: [['单位：元'], H, ['101001', '县文旅局', '项目支出', 'C01', '送戏下乡', '2070109', '30227', '一般公共预算拨款', 50000, '按标准', '完成']],
};
/**
 * Rows 2–4 a goal of 101001-县文旅局, 5–7 a goal naming only 县教育局 (its one code 101001), 8–10 a
 * goal naming only 县卫健委 whose project the budget lacks, 11–13 102001's 疾病防控 (linked).
 */
const goals: Grid = {
  name: '绩效目标',
  cells: [GOAL_HEADER,
    ...goal('101001', '县文旅局', 'C01', '送戏下乡', 50000),
    ...goal(null, '县教育局', 'P001', '校舍维修', 600000),
    ...goal(null, '县卫健委', 'H99', '健康宣传', 80000),
    ...goal('102001', '县卫健委', 'H01', '疾病防控', 400000)],
};
const K = sheetKey('a.xlsx', '绩效目标');

function run(): CheckReport {
  return checkWorkbooks([{ file: 'a.xlsx', sheets: [detailA, goals] }, { file: 'b.xlsx', sheets: [detailB] }]);
}

describe('goals of a unit whose code has two names, and a goal naming its unit by name only', () => {
  const report = run();
  const p = partitionByUnit(report);
  const onGoals = (rows: number[]) => report.findings.filter((f) => f.location.file === 'a.xlsx' && f.location.sheet === '绩效目标' && rows.includes(f.location.row as number));

  test('the fixture: 101001 unresolved; its goals (the one naming only 县教育局 too) not checked; the 县卫健委 one unlinked', () => {
    expect(report.findings.filter((f) => f.rule === 'DATA.UNIT_UNRESOLVED').map((f) => f.location.file)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(report.lines.map((l) => l.unitCode)).toEqual(['102001']);
    const perf = report.findings.filter((f) => f.rule === 'PERF.NOT_CHECKED' || f.rule === 'PERF.UNLINKED').map((f) => [f.rule, f.location.cell]);
    expect(perf).toEqual(expect.arrayContaining([['PERF.NOT_CHECKED', 'D2'], ['PERF.NOT_CHECKED', 'D5'], ['PERF.UNLINKED', 'D8']]));
  });

  test('the findings of 101001’s goals carry no unit (which unit is what the run could not tell)', () => {
    const mine = onGoals([2, 3, 4, 5, 6, 7]);
    expect(mine.map((f) => f.rule)).toEqual(expect.arrayContaining(['PERF.NOT_CHECKED', 'PERF.VAGUE_VALUE']));
    expect(mine.filter((f) => f.unit !== undefined).map((f) => [f.rule, f.location.cell, f.unit])).toEqual([]);
  });

  test('no workbook for 101001 (nor for a name): 102001 is the run’s only unit', () => {
    expect(p.units.map((u) => u.key)).toEqual(['102001']);
  });

  test('101001’s goal rows and their findings are in no unit’s workbook', () => {
    for (const part of p.byKey.values()) {
      const rows = part.sheets.get(K) ?? [];
      expect({ unit: part.unit.key, rows: rows.filter((r) => r >= 2 && r <= 7) }).toEqual({ unit: part.unit.key, rows: [] });
      const flagged = part.findings.filter((f) => f.location.sheet === '绩效目标' && (f.location.row as number) <= 7);
      expect({ unit: part.unit.key, flagged }).toEqual({ unit: part.unit.key, flagged: [] });
    }
  });

  test('the goal naming only 县卫健委 joins 102001’s workbook, with its findings', () => {
    const part = p.byKey.get('102001')!;
    expect(part.sheets.get(K)).toEqual([1, 8, 9, 10, 11, 12, 13]);
    const unlinked = report.findings.find((f) => f.rule === 'PERF.UNLINKED' && f.location.cell === 'D8')!;
    expect(unlinked.unit).toEqual({ code: '102001', name: '县卫健委' });
    expect(part.findings).toContain(unlinked);
    expect(part.findings.filter((f) => f.location.sheet === '绩效目标').map((f) => `${f.rule}@${f.location.cell}`)).toEqual(expect.arrayContaining(['PERF.VAGUE_VALUE@I9', 'PERF.VAGUE_VALUE@I12']));
  });

  test('the report (the --out review workbook) still holds every goal finding', () => {
    expect(onGoals([2, 3, 4]).map((f) => `${f.rule}@${f.location.cell}`)).toEqual(expect.arrayContaining(['PERF.NOT_CHECKED@D2', 'PERF.VAGUE_VALUE@I3']));
  });
});

test('a name-only goal of a unit the budget does not know is filed under that name, as before', () => {
  const detail: Grid = { name: '预算明细', cells: [['单位：元'], H, ['102001', '县卫健委', '项目支出', 'H01', '疾病防控', '2100401', '30227', '一般公共预算拨款', 400000, '按标准', '完成']] };
  const g: Grid = { name: '绩效目标', cells: [GOAL_HEADER, ...goal(null, '县文旅局', 'C01', '送戏下乡', 50000)] };
  const report = checkWorkbooks([{ file: 'a.xlsx', sheets: [detail, g] }]);
  expect(report.findings.find((f) => f.rule === 'PERF.UNLINKED')!.unit).toEqual({ name: '县文旅局' });
  expect(partitionByUnit(report).units.map((u) => u.key)).toEqual(['102001', '县文旅局']);
});
