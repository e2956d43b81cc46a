import { livelihoodShare } from '../../../src/core/rules/livelihood';
import type { LineInit } from './fixtures';
import { context, rows, source, wan } from './fixtures';

const src = source();
/** Three units: 教育 (205) + 社保 (208) = livelihood; 一般公共服务 (201) not. */
function lines(extra: LineInit[] = [], livelihoodWan = 70, otherWan = 30) {
  return rows(src, 4, [
    { unitName: '县教育局', functionCode: '2050201', amountFen: wan(livelihoodWan - 10) },
    { unitName: '县民政局', functionCode: '2080201', amountFen: wan(10) },
    { unitName: '县政府办', functionCode: '2010101', amountFen: wan(otherWan) },
    ...extra,
  ]);
}
const run = (init: Parameters<typeof context>[0]) => livelihoodShare.run(context(init));

describe('LIVELIHOOD.SHARE_LOW', () => {
  test('planted: 70% < 75% → one warning, workbook level (file only), with the figures', () => {
    const f = run({ lines: lines() });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['LIVELIHOOD.SHARE_LOW', 'warning', { file: 'a.xlsx' }]]);
    expect(f[0].unit).toBeUndefined();
    expect(f[0].figures).toEqual({ share: 0.7, minShare: 0.75, actualFen: wan(70), totalFen: wan(100) });
    expect(f[0].message).toBe(
      '本次审核的 3 个单位合计民生支出 70.00 万元，占支出总额 100.00 万元（不含转移性支出、债务还本支出）的 70.0%，低于 75.0% 的下限；' +
        '按现有支出总额，民生支出应不低于 75.00 万元，还差 5.00 万元，请调整支出结构或核实民生支出科目',
    );
  });

  test.each<[string, LineInit[], number, number, string[]]>([
    ['exactly 75% passes', [], 75, 25, []],
    ['74.99% is low', [], 74.99, 25.01, ['LIVELIHOOD.SHARE_LOW']],
    ['230/231 are left out of the denominator', [{ unitName: '县财政局', functionCode: '2300201', amountFen: wan(500) }, { functionCode: '2310101', amountFen: wan(9) }], 75, 25, []],
    ['other fund sources are left out', [{ unitName: '县住建局', functionCode: '2120801', fundSource: '政府性基金预算拨款', amountFen: wan(900) }], 75, 25, []],
    ['an out-of-scope livelihood line does not lift the share', [{ functionCode: '2050201', fundSource: '事业收入', amountFen: wan(900) }], 70, 30, ['LIVELIHOOD.SHARE_LOW']],
  ])('%s', (_, extra, lw, ow, rules) => {
    expect(run({ lines: lines(extra, lw, ow) }).map((x) => x.rule)).toEqual(rules);
  });

  test.each<[string, object, string[]]>([
    ['minShare 0.7 makes 70% pass', { livelihood: { minShare: 0.7 } }, []],
    ['counting 201 as livelihood makes it pass', { livelihood: { functionClasses: ['201', '205', '208'] } }, []],
    ['a narrower class list makes it lower', { livelihood: { functionClasses: ['205'] } }, ['LIVELIHOOD.SHARE_LOW']],
    ['fund scope widened to 事业收入 counts those lines', { fundScope: ['一般公共预算拨款', '事业收入'] }, []],
  ])('parameter: %s', (_, config, rules) => {
    const extra: LineInit[] = [{ unitName: '县教育局', functionCode: '2050201', fundSource: '事业收入', amountFen: wan(100) }];
    expect(run({ lines: lines(extra), config }).map((x) => x.rule)).toEqual(rules);
  });
});

describe('LIVELIHOOD.NOT_CHECKED', () => {
  test('fewer units than livelihood.minUnits: info per input saying why; minUnits 2 checks the same run', () => {
    const two = rows(src, 4, [
      { unitName: '县教育局', functionCode: '2050201', amountFen: wan(1) },
      { unitName: '县政府办', functionCode: '2010101', amountFen: wan(9) },
    ]);
    const f = run({ lines: two });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['LIVELIHOOD.NOT_CHECKED', 'info', { file: 'a.xlsx' }]]);
    expect(f[0].message).toContain('只含 2 个单位，少于民生占比最少单位数 3 个');
    expect(run({ lines: two, config: { livelihood: { minUnits: 2 } } }).map((x) => x.rule)).toEqual(['LIVELIHOOD.SHARE_LOW']);
  });

  test('no expenditure in fund scope: NOT_CHECKED, never passed', () => {
    const l = lines().map((x) => ({ ...x, fundSource: '事业收入' }));
    const f = run({ lines: l });
    expect(f.map((x) => x.rule)).toEqual(['LIVELIHOOD.NOT_CHECKED']);
    expect(f[0].message).toContain('一般公共预算拨款');
  });
});
