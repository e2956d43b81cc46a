import { pppCap } from '../../../src/core/rules/ppp';
import type { LineInit } from './fixtures';
import { context, rows, source, wan } from './fixtures';

const src = source({ columns: { unitName: 2, functionCode: 7, economicCode: 8, fundSource: 9, amount: 10, ppp: 11 } });
const lines = (pppWan: number, extra: LineInit[] = [], s = src) =>
  rows(s, 4, [
    { unitName: '县住建局', projectCode: 'P1', functionCode: '2120399', economicCode: '31005', ppp: true, amountFen: wan(pppWan) },
    { unitName: '县教育局', functionCode: '2050201', amountFen: wan(100 - pppWan) },
    ...extra,
  ]);
const run = (init: Parameters<typeof context>[0]) => pppCap.run(context(init));

describe('PPP.OVER_CAP', () => {
  test('planted: 12 of 100 > 10% → one error at the file, with the figures', () => {
    const f = run({ lines: lines(12) });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['PPP.OVER_CAP', 'error', { file: 'a.xlsx' }]]);
    expect(f[0].figures).toEqual({ actualFen: wan(12), limitFen: wan(10), excessFen: wan(2), totalFen: wan(100), share: 0.12, maxShare: 0.1 });
    expect(f[0].message).toBe(
      'PPP 项目支出 12.00 万元，占一般公共预算支出 100.00 万元的 12.0%，超过 10.0% 的红线（上限 10.00 万元），超出 2.00 万元；超过红线不得新上 PPP 项目，请压减 PPP 支出或核实“是否PPP”标识',
    );
  });

  test.each<[string, number, LineInit[], string[]]>([
    ['exactly 10% passes', 10, [], []],
    ['one 分 over is flagged', 10.000001, [], ['PPP.OVER_CAP']],
    ['a PPP column without PPP lines passes', 0, [], []],
    ['an out-of-scope PPP line does not count', 10, [{ ppp: true, fundSource: '政府性基金预算拨款', amountFen: wan(50) }], []],
    ['out-of-scope expenditure does not widen the base', 12, [{ fundSource: '政府性基金预算拨款', amountFen: wan(900) }], ['PPP.OVER_CAP']],
  ])('%s', (_, pppWan, extra, rules) => {
    expect(run({ lines: lines(pppWan, extra) }).map((x) => x.rule)).toEqual(rules);
  });

  test.each<[string, object, number, string[]]>([
    ['maxShare 0.15 lets 12% pass', { ppp: { maxShare: 0.15 } }, 12, []],
    ['maxShare 0.05 flags 6%', { ppp: { maxShare: 0.05 } }, 6, ['PPP.OVER_CAP']],
    ['default maxShare passes 6%', {}, 6, []],
    ['fund scope widened to 政府性基金 dilutes 12%', { fundScope: ['一般公共预算拨款', '政府性基金预算拨款'] }, 12, []],
    ['default fund scope keeps 12% over', {}, 12, ['PPP.OVER_CAP']],
  ])('parameter: %s', (_, config, pppWan, rules) => {
    const extra: LineInit[] = [{ functionCode: '2120801', fundSource: '政府性基金预算拨款', amountFen: wan(100) }];
    expect(run({ lines: lines(pppWan, extra), config }).map((x) => x.rule)).toEqual(rules);
  });

  test('PPP marked through 项目类别 (no 是否PPP column) is checked', () => {
    const noCol = source({ without: ['ppp'] });
    expect(run({ lines: lines(12, [], noCol) }).map((x) => x.rule)).toEqual(['PPP.OVER_CAP']);
  });
});

describe('PPP.NOT_CHECKED', () => {
  test('no PPP column anywhere and no PPP line: cannot tell, info per input', () => {
    const noCol = source({ without: ['ppp'] });
    const f = run({ lines: lines(0, [], noCol).map((l) => ({ ...l, ppp: false })) });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['PPP.NOT_CHECKED', 'info', { file: 'a.xlsx' }]]);
    expect(f[0].message).toContain('没有“是否PPP”列');
  });

  test('no expenditure in fund scope', () => {
    const f = run({ lines: lines(12).map((l) => ({ ...l, fundSource: '事业收入' })) });
    expect(f.map((x) => x.rule)).toEqual(['PPP.NOT_CHECKED']);
  });
});
