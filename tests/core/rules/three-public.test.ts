import { threePublicExpenses } from '../../../src/core/rules/three-public';
import { context, flatWithUnit, rows, source, wan } from './fixtures';
import type { LineInit } from './fixtures';

const src = source();
const fund = '政府性基金预算拨款';

const detail: LineInit[] = [
  // 县教育局 (rows 4–8): total 17.00 = prior 17.00 (at the limit), but 公务接待费 rose
  { unitName: '县教育局', economicCode: '30201', amountFen: wan(100), priorFen: wan(100) },
  { unitName: '县教育局', economicCode: '30212', amountFen: wan(2), priorFen: wan(3) },
  { unitName: '县教育局', economicCode: '30217', amountFen: wan(5), priorFen: wan(4) },
  { unitName: '县教育局', economicCode: '30231', amountFen: wan(10), priorFen: wan(10) },
  { unitName: '县教育局', economicCode: '31013', amountFen: 0, priorFen: 0 },
  // 县卫健局 (rows 9–12): 12.60 vs 12.00, an unapproved car purchase, an approved one from 政府性基金
  { unitName: '县卫健局', economicCode: '30217', amountFen: wan(2), priorFen: wan(2) },
  { unitName: '县卫健局', economicCode: '30231', amountFen: wan(0.6), priorFen: wan(10) },
  { unitName: '县卫健局', economicCode: '31013', amountFen: wan(10), priorFen: 0 },
  { unitName: '县卫健局', economicCode: '31013', amountFen: wan(5), priorFen: 0, fundSource: fund, approved: true },
  // 县民政局 (rows 13–14): 30913 is not counted; an approved 31013 purchase
  { unitName: '县民政局', economicCode: '30913', amountFen: wan(8), priorFen: 0 },
  { unitName: '县民政局', economicCode: '30201', amountFen: wan(1), priorFen: wan(1) },
];
const lines = rows(src, 4, detail);

describe('THREE_PUBLIC with prior columns', () => {
  test('planted findings at the unit rows and the purchase cell; the total at the limit passes', () => {
    const f = threePublicExpenses.run(context({ lines }));
    expect(flatWithUnit(f)).toEqual([
      ['THREE_PUBLIC.ITEM_INCREASE', '明细', 'J4', '县教育局'],
      ['THREE_PUBLIC.OVER_LIMIT', '明细', 'J9', '县卫健局'],
      ['THREE_PUBLIC.ITEM_INCREASE', '明细', 'J9', '县卫健局'],
      ['THREE_PUBLIC.VEHICLE_PURCHASE', '明细', 'J11', '县卫健局'],
    ]);
    const [eduItem, over, carItem, purchase] = f;
    expect(over.message).toBe('县卫健局“三公”经费 12.60 万元，超过上限 12.00 万元（上年 12.00 万元，压减 0%），超出 0.60 万元');
    expect(over.figures).toEqual({ actualFen: 12_600_000, priorFen: 12_000_000, limitFen: 12_000_000, excessFen: 600_000 });
    expect(over.severity).toBe('error');
    expect(eduItem.message).toBe('县教育局公务接待费 5.00 万元，比上年 4.00 万元增加 1.00 万元（增长 25.0%），“三公”经费应只减不增，请压减或说明原因');
    expect(eduItem.severity).toBe('warning');
    expect(eduItem.figures).toEqual({ actualFen: wan(5), priorFen: wan(4), limitFen: wan(4), excessFen: wan(1) });
    expect(carItem.message).toBe('县卫健局公务用车购置及运行维护费 10.60 万元，比上年 10.00 万元增加 0.60 万元（增长 6.0%），“三公”经费应只减不增，请压减或说明原因');
    expect(purchase.message).toBe('县卫健局公务用车购置（31013）10.00 万元，未见批准（“是否批准”未填“是”，也没有审批文号）；公务用车购置须经批准，请补填审批文号或取消该项');
    expect(purchase.location).toEqual({ file: 'a.xlsx', sheet: '明细', cell: 'J11', row: 11 });
  });

  test.each([
    ['rate 5%: 县教育局 17.00 > 16.15 as well', { threePublic: { rate: 0.05 } }, [['OVER_LIMIT', '县教育局'], ['OVER_LIMIT', '县卫健局'], ['VEHICLE_PURCHASE', '县卫健局']]],
    ['purchases allowed: never flagged', { threePublic: { allowVehiclePurchase: true } }, [['OVER_LIMIT', '县卫健局']]],
  ])('%s', (_name, config, expected) => {
    const f = threePublicExpenses.run(context({ lines, config })).filter((x) => x.rule !== 'THREE_PUBLIC.ITEM_INCREASE');
    expect(f.map((x) => [x.rule.replace('THREE_PUBLIC.', ''), x.unit?.name])).toEqual(expected);
  });

  test('政府性基金 lines count only when fundScope includes them', () => {
    const f = threePublicExpenses.run(context({ lines, config: { fundScope: ['一般公共预算拨款', fund] } }));
    expect(f.find((x) => x.rule === 'THREE_PUBLIC.OVER_LIMIT')!.figures?.actualFen).toBe(wan(17.6));
  });

  test('an approval given by 审批文号 (line.approved) or 是否批准 is not flagged', () => {
    const ok = rows(src, 4, [{ unitName: '县卫健局', economicCode: '31013', amountFen: wan(10), priorFen: wan(10), approved: true }]);
    expect(threePublicExpenses.run(context({ lines: ok }))).toEqual([]);
  });

  test('no 是否批准/审批文号 column: NOT_CHECKED for the sheet instead of per-line errors', () => {
    const b = source({ file: 'b.xlsx', without: ['approved', 'approvalNo'] });
    const f = threePublicExpenses.run(context({ lines: rows(b, 4, [{ unitName: '县卫健局', economicCode: '31013', amountFen: wan(10), priorFen: wan(10) }]) }));
    expect(f.map((x) => [x.rule, x.location])).toEqual([['THREE_PUBLIC.NOT_CHECKED', { file: 'b.xlsx', sheet: '明细' }]]);
    expect(f[0].message).toBe('b.xlsx「明细」表有公务用车购置 10.00 万元，但没有“是否批准”或“审批文号”列，公务用车购置审批情况未检查');
  });
});

describe('THREE_PUBLIC with prior lines or none', () => {
  const cur = source({ without: ['priorAmount'] });
  const pri = source({ file: 'prior.xlsx', prior: true, without: ['priorAmount'] });
  const current = rows(cur, 4, [
    { unitName: '县教育局', economicCode: '30217', amountFen: wan(3) },
    { unitName: '县教育局', economicCode: '30231', amountFen: wan(9) },
    { unitName: '县财政局', economicCode: '30212', amountFen: wan(4) },
    { unitName: '县新区管委会', economicCode: '30217', amountFen: wan(1) },
  ]);
  const prior = rows(pri, 4, [
    { unitName: '县教育局', economicCode: '30217', amountFen: wan(4) },
    { unitName: '县教育局', economicCode: '30231', amountFen: wan(8) },
    { unitName: '县财政局', economicCode: '30212', amountFen: wan(3) },
    { unitName: '县财政局', economicCode: '30212', amountFen: wan(50), fundSource: fund },
  ]);

  test('totals from prior lines: at the limit passes, a rise is flagged, a new unit is NOT_CHECKED', () => {
    const f = threePublicExpenses.run(context({ lines: current, prior }));
    expect(flatWithUnit(f)).toEqual([
      ['THREE_PUBLIC.NOT_CHECKED', '明细', 'J7', '县新区管委会'],
      ['THREE_PUBLIC.ITEM_INCREASE', '明细', 'J4', '县教育局'],
      ['THREE_PUBLIC.OVER_LIMIT', '明细', 'J6', '县财政局'],
      ['THREE_PUBLIC.ITEM_INCREASE', '明细', 'J6', '县财政局'],
    ]);
    expect(f[1].message).toContain('公务用车购置及运行维护费 9.00 万元，比上年 8.00 万元增加 1.00 万元（增长 12.5%）');
    expect(f[2].figures).toEqual({ actualFen: wan(4), priorFen: wan(3), limitFen: wan(3), excessFen: wan(1) });
  });

  test('no prior: NOT_CHECKED per input, the purchase check still runs', () => {
    const withCar = [...current, ...rows(cur, 8, [{ unitName: '县教育局', economicCode: '31013', amountFen: wan(20) }])];
    const f = threePublicExpenses.run(context({ lines: withCar, prior: 'none' }));
    expect(flat3(f)).toEqual([['THREE_PUBLIC.NOT_CHECKED', '', ''], ['THREE_PUBLIC.VEHICLE_PURCHASE', '明细', 'J8']]);
    expect(f[0].message).toBe('a.xlsx：未提供上年预算数据（明细表没有“上年预算数”列，也未提供上年预算表），“三公”经费同比压减未检查；请提供上年预算数（“上年预算数”列或上年预算表）');
  });
});

function flat3(f: ReturnType<typeof threePublicExpenses.run>) {
  return f.map((x) => [x.rule, x.location.sheet ?? '', x.location.cell ?? '']);
}
