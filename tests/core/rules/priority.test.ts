import { priorityOnlyIncrease } from '../../../src/core/rules/priority';
import type { LineInit } from './fixtures';
import { context, line, rows, source, wan } from './fixtures';

const src = source();
const current = (eduWan: number, extra: LineInit[] = []) =>
  rows(src, 4, [
    { unitName: '县教育局', functionCode: '2050201', amountFen: wan(eduWan - 20), priorFen: wan(80) },
    { unitName: '县一中', functionCode: '2050204', amountFen: wan(20), priorFen: wan(20) },
    { unitName: '县卫健局', functionCode: '2100101', amountFen: wan(5), priorFen: wan(50) },
    ...extra,
  ]);
const run = (init: Parameters<typeof context>[0]) => priorityOnlyIncrease.run(context(init));

describe('PRIORITY.DECREASED', () => {
  test('planted: 教育 90 < 上年 100 → one error at the file, with the figures', () => {
    const f = run({ lines: current(90) });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['PRIORITY.DECREASED', 'error', { file: 'a.xlsx' }]]);
    expect(f[0].figures).toEqual({ actualFen: wan(90), priorFen: wan(100) });
    expect(f[0].message).toBe(
      '全部单位合计教育支出（205）本年预算 90.00 万元，比上年 100.00 万元减少 10.00 万元，下降 10.0%；该支出须“只增不减”，应不低于上年，请补足 10.00 万元或说明原因',
    );
  });

  test.each<[string, LineInit[], number, string[]]>([
    ['equal to the prior year passes', [], 100, []],
    ['an increase passes', [], 100.01, []],
    ['one 分 less is flagged', [], 99.999999, ['PRIORITY.DECREASED']],
    ['out-of-scope lines do not make up the gap', [{ functionCode: '2050201', fundSource: '事业收入', amountFen: wan(50), priorFen: 0 }], 90, ['PRIORITY.DECREASED']],
    ['out-of-scope prior is not compared', [{ functionCode: '2050201', fundSource: '事业收入', amountFen: 0, priorFen: wan(500) }], 100, []],
  ])('%s', (_, extra, eduWan, rules) => {
    expect(run({ lines: current(eduWan, extra) }).map((x) => x.rule)).toEqual(rules);
  });

  test.each<[string, string[], string[]]>([
    ['adding 210 卫生健康 flags its fall too', ['205', '210'], ['PRIORITY.DECREASED', 'PRIORITY.DECREASED']],
    ['only 210', ['210'], ['PRIORITY.DECREASED']],
    ['a 款: 20502 普通教育 fell', ['20502'], ['PRIORITY.DECREASED']],
    ['a 款: 20504 has no lines, nothing to compare', ['20504'], []],
    ['no priorities', [], []],
  ])('parameter priority.onlyIncrease: %s', (_, onlyIncrease, rules) => {
    expect(run({ lines: current(90), config: { priority: { onlyIncrease } } }).map((x) => x.rule)).toEqual(rules);
  });

  test('prior-year lines: a class budgeted last year and dropped entirely is flagged with actual 0', () => {
    const priorSrc = source({ prior: true });
    const prior = rows(priorSrc, 4, [
      { functionCode: '2050201', amountFen: wan(30) },
      { functionCode: '2050201', amountFen: wan(70), fundSource: '政府性基金预算拨款' },
    ]);
    const now = [line({ unitName: '县卫健局', functionCode: '2100101', amountFen: wan(5) }, src)];
    const f = run({ lines: now, prior });
    expect(f.map((x) => [x.rule, x.figures])).toEqual([['PRIORITY.DECREASED', { actualFen: 0, priorFen: wan(30) }]]);
  });

  test('prior-year lines without the class: nothing can decrease', () => {
    const prior = [line({ functionCode: '2100101', amountFen: wan(5) }, source({ prior: true }))];
    expect(run({ lines: current(90), prior })).toEqual([]);
  });
});

describe('PRIORITY.NOT_CHECKED', () => {
  test('no prior data at all: info per input naming what is missing', () => {
    const f = run({ lines: current(90), prior: 'none' });
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['PRIORITY.NOT_CHECKED', 'info', { file: 'a.xlsx' }]]);
    expect(f[0].message).toContain('未提供上年预算数据');
    expect(f[0].message).toContain('教育支出（205）');
  });

  test('class lines on a sheet without a 上年预算数 column: NOT_CHECKED for that file only', () => {
    const b = source({ file: 'b.xlsx', without: ['priorAmount'] });
    const f = run({ lines: [...current(100), line({ functionCode: '2050201', amountFen: wan(1) }, b)] });
    expect(f.map((x) => [x.rule, x.location.file])).toEqual([['PRIORITY.NOT_CHECKED', 'b.xlsx']]);
    expect(f[0].message).toContain('「明细」表没有“上年预算数”列');
  });

  test('no line in fund scope', () => {
    const f = run({ lines: current(90).map((l) => ({ ...l, fundSource: '事业收入' })) });
    expect(f.map((x) => x.rule)).toEqual(['PRIORITY.NOT_CHECKED']);
  });
});
