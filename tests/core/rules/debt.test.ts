import type { BondInterest } from '../../../src/core/context';
import { debtInterest } from '../../../src/core/rules/debt';
import type { LineInit } from './fixtures';
import { context, rows, source, wan } from './fixtures';

const src = source();
const bonds = (...dueWan: number[]): BondInterest[] =>
  dueWan.map((w, i) => ({ bond: `债券${i + 1}`, dueFen: wan(w), location: { file: 'aux.xlsx', sheet: '债券付息', cell: `B${i + 2}`, row: i + 2 } }));
const lines = (extra: LineInit[] = []) =>
  rows(src, 4, [
    { unitName: '县财政局', functionCode: '2320301', economicCode: '30701', amountFen: wan(60) }, // 一般债券付息
    { unitName: '县财政局', functionCode: '2320411', economicCode: '30701', fundSource: '政府性基金预算拨款', amountFen: wan(30) }, // 专项债券付息
    { unitName: '县财政局', functionCode: '2310301', amountFen: wan(500) }, // 债务还本: not interest
    ...extra,
  ]);
const run = (init: Parameters<typeof context>[0]) => debtInterest.run(context(init));

describe('DEBT.INTEREST_SHORT', () => {
  test('planted: 232 budget 90 < 应付利息 100 → one error located at the 债券付息 sheet’s file', () => {
    const f = run({ lines: lines(), aux: { bondInterest: bonds(70, 30) } });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['DEBT.INTEREST_SHORT', 'error', { file: 'aux.xlsx' }]]);
    expect(f[0].figures).toEqual({ actualFen: wan(90), expectedFen: wan(100) });
    expect(f[0].message).toBe(
      '债务付息支出（232）预算 90.00 万元，低于债券付息表 2 只债券的应付利息合计 100.00 万元，缺口 10.00 万元；请足额安排债券付息支出（一般债券付息列 23203，专项债券付息列 23204）',
    );
  });

  test.each<[string, number[], LineInit[], string[]]>([
    ['exactly covered passes (every fund source counts)', [60, 30], [], []],
    ['one 分 short is flagged', [60, 30.000001], [], ['DEBT.INTEREST_SHORT']],
    ['事业收入-funded 232 lines count too', [100], [{ functionCode: '2320301', fundSource: '事业收入', amountFen: wan(10) }], []],
    ['a zero schedule passes', [0], [], []],
  ])('%s', (_, due, extra, rules) => {
    expect(run({ lines: lines(extra), aux: { bondInterest: bonds(...due) } }).map((x) => x.rule)).toEqual(rules);
  });

  test('fundScope does not limit DEBT (parameter without effect by design)', () => {
    const f = run({ lines: lines(), aux: { bondInterest: bonds(90) }, config: { fundScope: ['政府性基金预算拨款'] } });
    expect(f).toEqual([]);
  });
});

describe('DEBT.NOT_CHECKED', () => {
  test.each<[string, BondInterest[] | null, string]>([
    ['no 债券付息 sheet', null, '未提供债券付息表'],
    ['an empty 债券付息 sheet', [], '没有可用的应付利息数据'],
  ])('%s', (_, bondInterest, text) => {
    const f = run({ lines: lines(), aux: { bondInterest } });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['DEBT.NOT_CHECKED', 'info', { file: 'a.xlsx' }]]);
    expect(f[0].message).toContain(text);
  });
});
