import { grid, check } from './helpers';

test('an auxiliary sheet without a unit line takes the main sheet\'s unit (万元)', () => {
  const detail = grid('明细', [
    ['单位：万元'],
    ['单位名称', '支出类型', '功能分类科目', '经济分类科目', '金额'],
    ['甲局', '人员经费', '2010101', '30101', 100],
  ]);
  const needs = grid('三保需求', [['单位', '三保类型', '需求数'], ['甲局', '保工资', 120]]);
  const r = check([detail, needs]);
  const f = r.findings.find((x) => x.rule === 'SANBAO.SHORTFALL')!;
  expect(f.figures).toMatchObject({ actualFen: 100_000_000, expectedFen: 120_000_000 });
});
