/**
 * The frame of a 绩效目标 sheet in the per-unit partition (src/core/per-unit.ts): a unit keeps the
 * rows the performance reader took for titles, 单位 lines and header (PerfGoal.frameRows) and its own
 * goals; rows above the first goal that are none of these (a stray indicator row of another unit,
 * a department line, a 合计) are in no unit's workbook.
 */
import { checkWorkbooks } from '../../src/core/check';
import type { Cell } from '../../src/core/grid';
import { partitionByUnit, sheetKey } from '../../src/core/per-unit';
import { readPerformanceSheet } from '../../src/core/performance/read';

const FILE = '绩效.xlsx';
const SHEET = '绩效指标清单';
const LIST_HEADER = ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'];

/**
 * Rows 1–2 title and unit line, 3 header, 4 a stray indicator row of 县卫健委 (no project), 5 a
 * department line of 县卫健委, 6 a 合计, 7–8 县教育局's goal, 9–10 县卫健委's.
 */
function listSheet(): Cell[][] {
  return [
    ['部门预算项目绩效目标申报表（2025年度）'],
    ['金额单位：元'],
    LIST_HEADER,
    ['102001-县卫健委', null, null, null, '产出指标', '数量指标', '秘密指标', '≥', '99', '%'],
    ['102001-县卫健委', null, 8_800_000],
    ['合计', null, 1_000_000],
    ['101001-县教育局', '课后服务', 300000, '课后服务', '产出指标', '数量指标', '参加学生', '≥', '800', '人'],
    ['101001-县教育局', '课后服务', 300000, '课后服务', '效益指标', '社会效益指标', '家长负担', '', '有所改善', ''],
    ['102001-县卫健委', '基本公共卫生服务', 700000, '公共卫生', '产出指标', '数量指标', '建立居民健康档案', '≥', '12000', '份'],
    ['102001-县卫健委', '基本公共卫生服务', 700000, '公共卫生', '满意度指标', '服务对象满意度指标', '居民满意度', '≥', '85', '%'],
  ];
}

describe('绩效目标 list sheet with rows above the first goal that are no frame', () => {
  const report = checkWorkbooks([{ file: FILE, sheets: [{ name: SHEET, cells: listSheet() }] }]);
  const p = partitionByUnit(report);
  const k = sheetKey(FILE, SHEET);

  test('the reader: two goals, the stray indicator row said so, the frame is title, unit line and header', () => {
    expect(report.performance?.map((g) => [g.unitCode, g.projectName, g.location.row])).toEqual([['101001', '课后服务', 7], ['102001', '基本公共卫生服务', 9]]);
    expect(report.performance?.map((g) => g.frameRows)).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(report.findings.filter((f) => f.rule === 'DATA.NOT_CHECKED' && f.location.sheet === SHEET).map((f) => [f.location.row, f.unit])).toEqual([[4, undefined]]);
  });

  test('each unit: the frame and its own goal rows; rows 4–6 in neither', () => {
    expect(p.byKey.get('101001')!.sheets.get(k)).toEqual([1, 2, 3, 7, 8]);
    expect(p.byKey.get('102001')!.sheets.get(k)).toEqual([1, 2, 3, 9, 10]);
  });

  test('each unit’s findings on the sheet point at its own rows; the stray row’s finding is in no unit’s', () => {
    for (const key of ['101001', '102001']) {
      const kept = new Set(p.byKey.get(key)!.sheets.get(k));
      const rows = p.byKey.get(key)!.findings.filter((f) => f.location.sheet === SHEET && f.location.row !== undefined).map((f) => f.location.row as number);
      expect(rows.length).toBeGreaterThan(0);
      expect({ key, outside: rows.filter((r) => !kept.has(r)) }).toEqual({ key, outside: [] });
    }
    expect(p.byKey.get('101001')!.findings.map((f) => `${f.rule}@${f.location.cell}`)).toContain('PERF.VAGUE_VALUE@I8');
  });
});

test('a sheet of one unit’s goals: a stray row of another unit above them is still not that unit’s, nor its finding', () => {
  const cells = listSheet().filter((_, i) => i !== 8 && i !== 9);
  const report = checkWorkbooks([{ file: FILE, sheets: [{ name: SHEET, cells }] }]);
  const part = partitionByUnit(report).byKey.get('101001')!;
  expect(part.sheets.get(sheetKey(FILE, SHEET))).toEqual([1, 2, 3, 7, 8]);
  expect(part.findings.filter((f) => f.location.sheet === SHEET).map((f) => f.location.row)).not.toContain(4);
  // The main review workbook keeps it: the finding is in the report.
  expect(report.findings.some((f) => f.rule === 'DATA.NOT_CHECKED' && f.location.row === 4)).toBe(true);
});

describe('the reader’s frame rows', () => {
  const frame = (cells: Cell[][]) => readPerformanceSheet(FILE, { name: SHEET, cells }).goals.map((g) => g.frameRows);

  test('a list: captions and notes above the header are frame, a row naming a unit or data is not', () => {
    const cells: Cell[][] = [
      ['部门预算项目绩效目标申报表（2025年度）', null, null, '金额单位：元'],
      ['编制单位：县财政局', null, '填报日期：2025年1月'],
      ['单位名称：102001-县卫健委'],
      ['102001-县卫健委'],
      ['县卫健委', '基本公共卫生服务', 700000],
      [],
      LIST_HEADER,
      ['101001-县教育局', '课后服务', 300000, '课后服务', '产出指标', '数量指标', '参加学生', '≥', '800', '人'],
    ];
    expect(frame(cells)).toEqual([[1, 2, 6, 7]]);
  });

  test('a list with a two-row header: both header rows', () => {
    const cells: Cell[][] = [
      ['2025年项目绩效目标'],
      ['单位名称', '项目名称', '一级指标', '二级指标', '三级指标', '指标值'],
      [null, null, '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
      ['101001-县教育局', '课后服务', '产出指标', '数量指标', '参加学生', '≥', '800', '人'],
    ];
    expect(frame(cells)).toEqual([[1, 2, 3]]);
  });

  test('blocks: the rows above the first 项目名称, without a grid of no project above it', () => {
    const grid = (n: string): Cell[][] => [['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'], ['绩效指标', '产出指标', '数量指标', n, '≥1个']];
    const cells: Cell[][] = [
      ['2025年项目支出绩效目标表', '2025年项目支出绩效目标表', '2025年项目支出绩效目标表'],
      ['单位：万元'],
      ['实施单位', '102001-县卫健委'],
      ...grid('无主指标'),
      [],
      ['项目名称', '校舍维修', null, '项目编码', 'P001'],
      ['主管部门', '县教育局', null, '实施单位', '101001-县教育局'],
      ['项目资金', '年度资金总额', 60],
      ...grid('维修面积'),
    ];
    expect(frame(cells)).toEqual([[1, 2]]);
  });
});
