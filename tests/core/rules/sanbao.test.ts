import type { SanbaoNeed } from '../../../src/core/context';
import type { SanbaoType } from '../../../src/core/lines';
import { sanbaoCoverage, sanbaoTypeOf } from '../../../src/core/rules/sanbao';
import type { LineInit } from './fixtures';
import { context, flatWithUnit, line, rows, source, wan } from './fixtures';

const src = source();
const base: LineInit[] = [
  { unitCode: '101001', unitName: '县教育局', kind: 'personnel', economicCode: '30101', amountFen: wan(100) }, // row 4
  { unitCode: '101001', unitName: '县教育局', kind: 'public', economicCode: '30201', amountFen: wan(20) },
  { unitCode: '101001', unitName: '县教育局', projectCode: 'P1', economicCode: '30101', amountFen: wan(50) }, // project: not 保工资
  { unitCode: '101001', unitName: '县教育局', kind: 'personnel', economicCode: '30101', sanbao: '保基本民生', amountFen: wan(10) }, // tag wins
  { unitCode: '101001', unitName: '县教育局', projectCode: 'P2', economicCode: '30305', sanbao: '保基本民生', amountFen: wan(30) },
  { unitCode: '101002', unitName: '县卫健局', kind: 'personnel', economicCode: '30101', amountFen: wan(80) }, // row 9
  { unitCode: '101002', unitName: '县卫健局', kind: 'public', economicCode: '30201', amountFen: wan(5) },
];

let needRow = 2;
const need = (unit: string, type: SanbaoType, w: number): SanbaoNeed => ({
  unit, type, needFen: wan(w), location: { file: 'a.xlsx', sheet: '三保需求', cell: `C${needRow}`, row: needRow++ },
});
function needs(): SanbaoNeed[] {
  needRow = 2;
  return [
    need('县教育局', '保工资', 100), // exactly met: 100 (the tagged and project 301 lines do not count)
    need('101001', '保运转', 25), // by code: 20 < 25
    need('县教育局', '保基本民生', 40), // exactly met: 10 + 30
    need('县卫健局', '保工资', 90), // 80 < 90
    need('县民政局', '保工资', 5), // no lines at all
  ];
}
const run = (init: Parameters<typeof context>[0]) => sanbaoCoverage.run(context(init));

describe('SANBAO.SHORTFALL', () => {
  test('planted shortfalls: per unit and type, at the unit’s first line; a unit without lines at its need row', () => {
    const f = run({ lines: rows(src, 4, base), aux: { sanbaoNeeds: needs() } });
    expect(flatWithUnit(f)).toEqual([
      ['SANBAO.SHORTFALL', '明细', 'J4', '县教育局'],
      ['SANBAO.SHORTFALL', '明细', 'J9', '县卫健局'],
      ['SANBAO.SHORTFALL', '三保需求', 'C6', '县民政局'],
    ]);
    expect(f.map((x) => x.figures)).toEqual([
      { actualFen: wan(20), expectedFen: wan(25) },
      { actualFen: wan(80), expectedFen: wan(90) },
      { actualFen: 0, expectedFen: wan(5) },
    ]);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(f[0].unit).toEqual({ code: '101001', name: '县教育局' });
    expect(f[0].message).toBe(
      '县教育局“三保”保运转预算 20.00 万元（基本支出 302 商品和服务支出及标为保运转的行），低于测算需求 25.00 万元，缺口 5.00 万元；请足额安排，不留缺口',
    );
    expect(f[2].message).toContain('没有该单位的任何预算行');
  });

  test('several need rows of one unit and type add up, whether written by name or code', () => {
    needRow = 2;
    const f = run({ lines: rows(src, 4, base), aux: { sanbaoNeeds: [need('县卫健局', '保运转', 3), need('101002', '保运转', 3)] } });
    expect(f.map((x) => x.figures)).toEqual([{ actualFen: wan(5), expectedFen: wan(6) }]);
  });

  test.each<[string, LineInit, number]>([
    ['a 301 line tagged 保运转 counts for 保运转 only', { kind: 'personnel', economicCode: '30101', sanbao: '保运转', amountFen: wan(5) }, 2],
    ['an untagged project 302 line does not count', { projectCode: 'P9', economicCode: '30201', amountFen: wan(5) }, 3],
    ['an out-of-scope 302 line does not count', { kind: 'public', economicCode: '30201', fundSource: '事业收入', amountFen: wan(5) }, 3],
  ])('%s', (_, extra, count) => {
    const l = rows(src, 4, [...base, { unitCode: '101001', unitName: '县教育局', ...extra }]);
    expect(run({ lines: l, aux: { sanbaoNeeds: needs() } })).toHaveLength(count);
  });

  test('parameter fundScope: counting 事业收入 closes the 保运转 gap', () => {
    const l = rows(src, 4, [...base, { unitCode: '101001', unitName: '县教育局', kind: 'public', economicCode: '30201', fundSource: '事业收入', amountFen: wan(5) }]);
    const units = (config?: object) => run({ lines: l, aux: { sanbaoNeeds: needs() }, config }).map((x) => x.unit?.name);
    expect(units()).toEqual(['县教育局', '县卫健局', '县民政局']);
    expect(units({ fundScope: ['一般公共预算拨款', '事业收入'] })).toEqual(['县卫健局', '县民政局']);
  });

  test.each<[LineInit, SanbaoType | null]>([
    [{ kind: 'personnel', economicCode: '30101' }, '保工资'],
    [{ kind: 'public', economicCode: '30299' }, '保运转'],
    [{ kind: 'personnel', economicCode: '30302' }, null],
    [{ projectCode: 'P', economicCode: '30101' }, null],
    [{ projectCode: 'P', economicCode: '31002', sanbao: '保运转' }, '保运转'],
  ])('sanbaoTypeOf %p → %p', (init, type) => {
    expect(sanbaoTypeOf(line(init))).toBe(type);
  });
});

describe('SANBAO.NOT_CHECKED', () => {
  test.each<[string, SanbaoNeed[] | null, LineInit[], string]>([
    ['no 三保需求 sheet', null, base, '未提供三保需求表'],
    ['an empty 三保需求 sheet', [], base, '没有可用的需求数据'],
    ['no line in fund scope', needs(), base.map((b) => ({ ...b, fundSource: '事业收入' })), '一般公共预算拨款'],
  ])('%s', (_, sanbaoNeeds, l, text) => {
    const f = run({ lines: rows(src, 4, l), aux: { sanbaoNeeds } });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['SANBAO.NOT_CHECKED', 'info', { file: 'a.xlsx' }]]);
    expect(f[0].message).toContain(text);
  });
});
