/**
 * The per-unit partition of 绩效目标 rows (src/core/per-unit.ts) on a sheet read both for budget lines
 * and for goals (a 预算管理一体化 export): each unit keeps its lines and the indicator rows below them.
 */
import { checkWorkbooks } from '../../src/core/check';
import type { Cell } from '../../src/core/grid';
import { partitionByUnit, sheetKey } from '../../src/core/per-unit';

const HEADER = ['单位编码', '单位名称', '项目名称', '功能分类科目编码', '经济分类科目编码', '资金来源', '预算数', '一级指标', '二级指标', '三级指标', '指标值'];
const row = (code: string, name: string, project: string, fn: string, fen: number, l1: string, l2: string, l3: string, v: string): Cell[] =>
  [code, name, project, fn, '30216', '一般公共预算拨款', fen, l1, l2, l3, v];

test('一体化 export: each unit’s project rows and its indicator rows, not the other unit’s', () => {
  const cells: Cell[][] = [
    ['2025年项目支出预算及绩效目标'],
    ['单位：元'],
    HEADER,
    row('101001', '县教育局', '教师培训', '2050202', 150000, '产出指标', '数量指标', '培训人次', '≥300人次'),
    row('101001', '县教育局', '教师培训', '2050202', 150000, '效益指标', '社会效益指标', '能力', '有所改善'),
    row('102001', '县卫健委', '疾病预防控制', '2100401', 400000, '产出指标', '数量指标', '接种', '≥2000人次'),
    row('102001', '县卫健委', '疾病预防控制', '2100401', 400000, '效益指标', '社会效益指标', '发病率', '明显提升'),
  ];
  const report = checkWorkbooks([{ file: 'x.xlsx', sheets: [{ name: '项目绩效', cells }] }]);
  const p = partitionByUnit(report);
  const k = sheetKey('x.xlsx', '项目绩效');
  expect(p.byKey.get('101001')!.sheets.get(k)).toEqual([1, 2, 3, 4, 5]);
  expect(p.byKey.get('102001')!.sheets.get(k)).toEqual([1, 2, 3, 6, 7]);
  // Each unit's findings point at its own rows.
  for (const key of ['101001', '102001']) {
    const kept = new Set(p.byKey.get(key)!.sheets.get(k));
    for (const f of p.byKey.get(key)!.findings) if (f.location.sheet === '项目绩效' && f.location.row) expect(kept.has(f.location.row)).toBe(true);
  }
  expect(p.byKey.get('101001')!.findings.map((f) => `${f.rule}@${f.location.cell}`)).toContain('PERF.VAGUE_VALUE@K5');
});
