import { adminExpenseCut, canonicalUnitKind } from '../../../src/core/rules/admin-cut';
import { context, flatWithUnit, rows, source, wan } from './fixtures';
import type { LineInit } from './fixtures';

const src = source();
const on = { adminCut: { enabled: true } };

const detail: LineInit[] = [
  // 县财政局 行政单位 (rows 4–8): 行政经费 75.00 vs 100.00, limit 70.00
  { unitName: '县财政局', unitKind: '行政单位', economicCode: '30201', amountFen: wan(70), priorFen: wan(100) },
  { unitName: '县财政局', unitKind: '行政单位', economicCode: '31002', amountFen: wan(5), priorFen: 0 },
  { unitName: '县财政局', unitKind: '行政单位', projectCode: 'P9', projectName: '财政信息化', economicCode: '30201', amountFen: wan(100), priorFen: 0 },
  { unitName: '县财政局', unitKind: '行政单位', kind: 'personnel', economicCode: '30101', amountFen: wan(500), priorFen: wan(400) },
  { unitName: '县财政局', unitKind: '行政单位', economicCode: '30201', amountFen: wan(50), priorFen: 0, fundSource: '政府性基金预算拨款' },
  // 县机关事务中心 参公 (row 9): exactly at the limit
  { unitName: '县机关事务中心', unitKind: '参公事业单位', economicCode: '30201', amountFen: wan(70), priorFen: wan(100) },
  // 县医院 事业单位 (row 10): not a kind the rule applies to
  { unitName: '县医院', unitKind: '事业单位', economicCode: '30201', amountFen: wan(100), priorFen: wan(100) },
  // 县文联 (row 11): 单位性质 blank
  { unitName: '县文联', unitKind: '', economicCode: '30201', amountFen: wan(10), priorFen: wan(10) },
];
const lines = rows(src, 4, detail);

describe('ADMIN_CUT', () => {
  test('disabled by default: nothing at all is reported', () => {
    expect(adminExpenseCut.run(context({ lines }))).toEqual([]);
    expect(adminExpenseCut.run(context({ lines, prior: 'none' }))).toEqual([]);
  });

  test('enabled: the planted unit is flagged, the boundary unit passes, a blank kind is NOT_CHECKED', () => {
    const f = adminExpenseCut.run(context({ lines, config: on }));
    expect(flatWithUnit(f)).toEqual([
      ['ADMIN_CUT.NOT_CHECKED', '明细', 'J11', '县文联'],
      ['ADMIN_CUT.INSUFFICIENT', '明细', 'J4', '县财政局'],
    ]);
    expect(f[1].message).toBe('县财政局（行政单位）行政经费 75.00 万元，上年 100.00 万元，压减 25.0%，未达到 30% 的压减要求，需再压减 5.00 万元');
    expect(f[1].figures).toEqual({ actualFen: wan(75), priorFen: wan(100), limitFen: wan(70), excessFen: wan(5) });
    expect(f[0].message).toBe('县文联未填写单位性质，无法判断是否适用行政经费压减，行政经费压减未检查');
  });

  test.each([
    ['rate 20%: within the limit', { adminCut: { enabled: true, rate: 0.2 } }, []],
    ['事业单位 added to the kinds', { adminCut: { enabled: true, unitKinds: ['行政单位', '事业单位'] } }, ['县财政局', '县医院']],
    ['only 302 counts: 70.00 = limit', { adminCut: { enabled: true, economicCodes: ['302'] } }, []],
    ['政府性基金 in scope: 125.00', { adminCut: { enabled: true }, fundScope: ['一般公共预算拨款', '政府性基金预算拨款'] }, ['县财政局']],
  ])('%s', (_name, config, units) => {
    const f = adminExpenseCut.run(context({ lines, config })).filter((x) => x.rule === 'ADMIN_CUT.INSUFFICIENT');
    expect(f.map((x) => x.unit?.name)).toEqual(units);
  });

  test('a sheet without a 单位性质 column: one NOT_CHECKED for the file', () => {
    const b = source({ file: 'b.xlsx', without: ['unitKind'] });
    const f = adminExpenseCut.run(context({ lines: rows(b, 4, [{ unitName: '县林业局' }, { unitName: '县水利局' }]), config: on }));
    expect(f.map((x) => [x.rule, x.location])).toEqual([['ADMIN_CUT.NOT_CHECKED', { file: 'b.xlsx' }]]);
    expect(f[0].message).toBe('b.xlsx：「明细」表没有“单位性质”列，无法判断哪些单位适用行政经费压减，行政经费压减未检查');
  });

  test('prior from prior lines; no prior gives NOT_CHECKED per input', () => {
    const cur = source({ without: ['priorAmount'] });
    const current = rows(cur, 4, [{ unitName: '县财政局', unitKind: '行政单位', economicCode: '30201', amountFen: wan(71) }]);
    const prior = rows(source({ file: 'p.xlsx', prior: true }), 4, [{ unitName: '县财政局', unitKind: '行政单位', economicCode: '30211', amountFen: wan(100) }]);
    expect(flatWithUnit(adminExpenseCut.run(context({ lines: current, prior, config: on })))).toEqual([['ADMIN_CUT.INSUFFICIENT', '明细', 'J4', '县财政局']]);
    const none = adminExpenseCut.run(context({ lines: current, prior: 'none', config: on }));
    expect(none.map((x) => [x.rule, x.location])).toEqual([['ADMIN_CUT.NOT_CHECKED', { file: 'a.xlsx' }]]);
  });

  test.each([['参公单位', '参照公务员法管理事业单位'], ['参照公务员法管理的事业单位', '参照公务员法管理事业单位'], ['行政', '行政单位'], ['行政单位', '行政单位']])(
    'unit kind %s reads as %s', (raw, canon) => expect(canonicalUnitKind(raw)).toBe(canon));
});
