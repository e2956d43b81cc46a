import { compareGroups, currentTotals, inScope, matchPriorLines, missingPriorReason, priorTotals } from '../../../src/core/rules/prior';
import { unitKey } from '../../../src/core/lines';
import { context, line, rows, source, wan } from './fixtures';

const all = () => true;
const byUnit = (l: { unitCode: string; unitName: string }) => unitKey(l);

describe('prior totals from columns', () => {
  const src = source();
  const lines = rows(src, 4, [
    { unitName: '县教育局', amountFen: wan(10), priorFen: wan(12) },
    { unitName: '县教育局', amountFen: wan(5), priorFen: null },
    { unitName: '县教育局', amountFen: wan(7), priorFen: wan(3), fundSource: '政府性基金预算拨款' },
    { unitName: '县卫健局', amountFen: wan(1), priorFen: wan(1) },
  ]);
  const ctx = context({ lines });

  test('sums priorFen in fund scope; a blank prior cell counts as 0', () => {
    const p = priorTotals(ctx, all, byUnit)!;
    expect(p.kind).toBe('columns');
    expect([...p.known]).toEqual([['县教育局', wan(12)], ['县卫健局', wan(1)]]);
    expect([...currentTotals(ctx, all, byUnit)]).toEqual([['县教育局', wan(15)], ['县卫健局', wan(1)]]);
  });

  test('a unit whose sheet lacks the 上年预算数 column is unknown', () => {
    const noCol = source({ file: 'b.xlsx', without: ['priorAmount'] });
    const c = context({ lines: [...lines, line({ unitName: '县民政局', amountFen: wan(2), row: 9 }, noCol)] });
    const cmp = compareGroups(c, all, byUnit)!;
    expect(cmp.map((g) => [g.key, g.status])).toEqual([['县教育局', 'compared'], ['县卫健局', 'compared'], ['县民政局', 'noPrior']]);
    expect(missingPriorReason(c, 'b.xlsx')).toContain('「明细」表没有“上年预算数”列');
  });

  test('a unit with no line in fund scope is outOfScope', () => {
    const c = context({ lines: [line({ unitName: '县水利局', fundSource: '政府性基金预算拨款', amountFen: 1, priorFen: 1 }, src)] });
    expect(compareGroups(c, all, byUnit)!.map((g) => g.status)).toEqual(['outOfScope']);
    expect(inScope(c.config, c.lines[0])).toBe(false);
  });
});

describe('prior totals from prior lines', () => {
  const cur = source();
  const pri = source({ prior: true, file: 'prior.xlsx' });
  const current = rows(cur, 4, [
    { unitName: '县教育局', economicCode: '30201', amountFen: wan(10) },
    { unitName: '县新成立局', economicCode: '30201', amountFen: wan(3) },
    { unitName: '县卫健局', economicCode: '30201', amountFen: wan(3) },
  ]);
  const prior = rows(pri, 4, [
    { unitName: '县教育局', economicCode: '30201', amountFen: wan(8) },
    { unitName: '县教育局', economicCode: '30211', amountFen: wan(4) },
    { unitName: '县教育局', economicCode: '30201', amountFen: wan(100), fundSource: '政府性基金预算拨款' },
    { unitName: '县卫健局', economicCode: '30101', amountFen: wan(50) },
  ]);
  const ctx = context({ lines: current, prior });

  test('sums prior lines in scope; absent unit unknown; prior 0 known', () => {
    const only302 = (l: { economicCode: string }) => l.economicCode.startsWith('302');
    const cmp = compareGroups(ctx, only302, byUnit)!;
    expect(cmp).toEqual([
      expect.objectContaining({ key: '县教育局', status: 'compared', actualFen: wan(10), priorFen: wan(12) }),
      expect.objectContaining({ key: '县新成立局', status: 'noPrior' }),
      expect.objectContaining({ key: '县卫健局', status: 'compared', actualFen: wan(3), priorFen: 0 }),
    ]);
  });

  test('no prior at all gives null', () => {
    expect(priorTotals(context({ lines: current, prior: 'none' }), all, byUnit)).toBeNull();
    expect(compareGroups(context({ lines: current, prior: 'none' }), all, byUnit)).toBeNull();
  });

  test('matchPriorLines pairs keys as multisets', () => {
    const m = matchPriorLines(current, prior);
    expect(m.unmatchedCurrent.map((l) => [l.unitName, l.row])).toEqual([['县新成立局', 5], ['县卫健局', 6]]);
    expect(m.unmatchedPrior.map((l) => [l.unitName, l.economicCode, l.row])).toEqual([
      ['县教育局', '30211', 5], ['县教育局', '30201', 6], ['县卫健局', '30101', 7],
    ]);
    const twice = matchPriorLines([current[0], { ...current[0], row: 9 }], [prior[0]]);
    expect(twice.unmatchedCurrent.map((l) => l.row)).toEqual([9]);
    expect(twice.unmatchedPrior).toEqual([]);
  });
});
