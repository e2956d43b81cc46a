import { generalSpendingCut } from '../../../src/core/rules/general-cut';
import { context, flatWithUnit, rows, source, wan } from './fixtures';
import type { LineInit } from './fixtures';

const src = source();
const fund = '政府性基金预算拨款';

/** 县教育局: 132.50 vs 136.00 (rows 4–9); 县卫健局: exactly at the 5% limit (10–11); 县民政局: only 政府性基金 (12). */
const detail: LineInit[] = [
  { unitName: '县教育局', economicCode: '30201', amountFen: wan(100), priorFen: wan(100) },
  { unitName: '县教育局', economicCode: '30211', amountFen: wan(20), priorFen: wan(24) },
  { unitName: '县教育局', projectCode: 'P001', projectName: '课程改革', economicCode: '30227', amountFen: wan(12.5), priorFen: wan(12) },
  { unitName: '县教育局', economicCode: '30205', amountFen: wan(50), priorFen: wan(10) }, // 水费: rigid, excluded
  { unitName: '县教育局', economicCode: '30201', amountFen: wan(1000), priorFen: null, fundSource: fund }, // out of fund scope
  { unitName: '县教育局', economicCode: '30101', amountFen: wan(500), priorFen: wan(100) }, // not 一般性支出
  { unitName: '县卫健局', economicCode: '30201', amountFen: wan(90), priorFen: wan(90) },
  { unitName: '县卫健局', economicCode: '31002', amountFen: wan(5), priorFen: wan(10) },
  { unitName: '县民政局', economicCode: '30201', amountFen: wan(9), priorFen: wan(1), fundSource: fund },
];
const lines = rows(src, 4, detail);

describe('GENERAL_CUT with prior columns', () => {
  test('flags the planted unit at its first row; the boundary unit passes; no in-scope line is NOT_CHECKED', () => {
    const f = generalSpendingCut.run(context({ lines }));
    expect(flatWithUnit(f)).toEqual([
      ['GENERAL_CUT.NOT_CHECKED', '明细', 'J12', '县民政局'],
      ['GENERAL_CUT.INSUFFICIENT', '明细', 'J4', '县教育局'],
    ]);
    const cut = f.find((x) => x.rule === 'GENERAL_CUT.INSUFFICIENT')!;
    expect(cut.severity).toBe('error');
    expect(cut.location).toEqual({ file: 'a.xlsx', sheet: '明细', cell: 'J4', row: 4 });
    expect(cut.message).toBe('县教育局一般性支出 132.50 万元，上年 136.00 万元，压减 2.6%，未达到 5% 的压减要求，需再压减 3.30 万元');
    expect(cut.figures).toEqual({ actualFen: 132_500_000, priorFen: 136_000_000, limitFen: 129_200_000, excessFen: 3_300_000 });
    expect(f[0].severity).toBe('info');
    expect(f[0].message).toBe('县民政局没有资金来源为一般公共预算拨款的预算行，一般性支出压减未检查（不视为通过）');
  });

  test.each([
    ['rate 2%: 县教育局 now within its limit', { generalCut: { rate: 0.02 } }, []],
    ['rate 6%: 县卫健局 (95.00 vs 94.00) is flagged too', { generalCut: { rate: 0.06 } }, ['县教育局', '县卫健局']],
    ['30205 no longer excluded: 县教育局 182.50 vs 146.00', { generalCut: { excludeCodes: [] } }, ['县教育局']],
    ['only 31002 counts: 县卫健局 5.00 vs 10.00 passes, 县教育局 0 vs 0 passes', { generalCut: { economicCodes: ['31002'] } }, []],
  ])('%s', (_name, config, units) => {
    const f = generalSpendingCut.run(context({ lines, config }));
    expect(f.filter((x) => x.rule === 'GENERAL_CUT.INSUFFICIENT').map((x) => x.unit?.name)).toEqual(units);
  });

  test('widening fundScope brings 政府性基金 lines in', () => {
    const f = generalSpendingCut.run(context({ lines, config: { fundScope: ['一般公共预算拨款', fund] } }));
    expect(flatWithUnit(f)).toEqual([
      ['GENERAL_CUT.INSUFFICIENT', '明细', 'J4', '县教育局'],
      ['GENERAL_CUT.INSUFFICIENT', '明细', 'J12', '县民政局'],
    ]);
    expect(f[0].figures?.actualFen).toBe(wan(1132.5));
  });

  test('a sheet without the 上年预算数 column gives one NOT_CHECKED for its file', () => {
    const b = source({ file: 'b.xlsx', without: ['priorAmount'] });
    const f = generalSpendingCut.run(context({ lines: [...lines, ...rows(b, 4, [{ unitName: '县林业局', amountFen: wan(3) }, { unitName: '县林业局', amountFen: wan(4) }])] }));
    const nc = f.filter((x) => x.location.file === 'b.xlsx');
    expect(nc.map((x) => [x.rule, x.location])).toEqual([['GENERAL_CUT.NOT_CHECKED', { file: 'b.xlsx' }]]);
    expect(nc[0].message).toBe('b.xlsx：「明细」表没有“上年预算数”列，也未提供上年预算表，一般性支出压减未检查；请提供上年预算数（“上年预算数”列或上年预算表）');
  });
});

describe('GENERAL_CUT with prior lines or none', () => {
  const cur = source({ without: ['priorAmount'] });
  const pri = source({ file: 'prior.xlsx', prior: true, without: ['priorAmount'] });
  const current = rows(cur, 4, [
    { unitName: '县教育局', economicCode: '30201', amountFen: wan(112.5) },
    { unitName: '县教育局', economicCode: '30211', amountFen: wan(20) },
    { unitName: '县新区管委会', economicCode: '30201', amountFen: wan(8) },
    { unitName: '县卫健局', economicCode: '30201', amountFen: wan(5) },
  ]);
  const prior = rows(pri, 4, [
    { unitName: '县教育局', economicCode: '30201', amountFen: wan(100) },
    { unitName: '县教育局', economicCode: '30211', amountFen: wan(36) },
    { unitName: '县教育局', economicCode: '30201', amountFen: wan(400), fundSource: fund },
    { unitName: '县卫健局', economicCode: '30101', amountFen: wan(200) },
  ]);

  test('sums prior lines in fund scope; a new unit is NOT_CHECKED; a prior of 0 makes the limit 0', () => {
    const f = generalSpendingCut.run(context({ lines: current, prior }));
    expect(flatWithUnit(f)).toEqual([
      ['GENERAL_CUT.NOT_CHECKED', '明细', 'J6', '县新区管委会'],
      ['GENERAL_CUT.INSUFFICIENT', '明细', 'J4', '县教育局'],
      ['GENERAL_CUT.INSUFFICIENT', '明细', 'J7', '县卫健局'],
    ]);
    expect(f[1].message).toBe('县教育局一般性支出 132.50 万元，上年 136.00 万元，压减 2.6%，未达到 5% 的压减要求，需再压减 3.30 万元');
    expect(f[0].message).toBe('县新区管委会在上年预算数据中没有对应预算（新增单位或单位名称、编码变化），一般性支出压减未检查');
    expect(f[2].message).toBe('县卫健局一般性支出 5.00 万元，上年未安排，未达到 5% 的压减要求，需压减 5.00 万元');
    expect(f[2].figures).toEqual({ actualFen: wan(5), priorFen: 0, limitFen: 0, excessFen: wan(5) });
  });

  test('no prior data: one NOT_CHECKED per input file, location file only', () => {
    const f = generalSpendingCut.run(context({ lines: current, prior: 'none' }));
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([['GENERAL_CUT.NOT_CHECKED', 'info', { file: 'a.xlsx' }]]);
    expect(f[0].message).toContain('一般性支出压减未检查');
  });
});
