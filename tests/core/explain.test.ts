import { readAuxSheets } from '../../src/core/supporting';
import type { Explanation } from '../../src/core/context';
import { applyExplanations, explanationKey, explanationKeyString, parseAt } from '../../src/core/explain';
import type { Finding } from '../../src/core/findings';
import { summarize } from '../../src/core/findings';
import type { Cell } from '../../src/core/grid';

const lineFinding: Finding = {
  rule: 'ZBB.BASIS_MISSING', severity: 'error', unit: { code: '101001', name: '县教育局' },
  location: { file: 'a.xlsx', sheet: '明细', cell: 'N5', row: 5 }, message: '缺少测算依据',
};
const rowFinding: Finding = {
  rule: 'DATA.MISSING_COLUMN', severity: 'warning', location: { file: 'a.xlsx', sheet: '预算 明细', row: 3 }, message: '缺少列',
};
const unitFinding: Finding = {
  rule: 'SANBAO.SHORTFALL', severity: 'error', unit: { name: '县卫健局' },
  location: { file: 'a.xlsx', sheet: '明细', cell: 'J9', row: 9 }, message: '三保不足', figures: { actualFen: 1, expectedFen: 2 },
};
const workbookFinding: Finding = { rule: 'PPP.OVER_CAP', severity: 'error', location: { file: 'a.xlsx' }, message: 'PPP 超红线' };

describe('explanationKey', () => {
  test.each<[string, Finding, { rule: string; unit: string; at: string }]>([
    ['line finding: sheet!cell, unit code', lineFinding, { rule: 'ZBB.BASIS_MISSING', unit: '101001', at: '明细!N5' }],
    ['row finding: sheet!第N行', rowFinding, { rule: 'DATA.MISSING_COLUMN', unit: '', at: '预算 明细!第3行' }],
    ['unit finding: no location (its first line moves)', unitFinding, { rule: 'SANBAO.SHORTFALL', unit: '县卫健局', at: '' }],
    ['workbook finding', workbookFinding, { rule: 'PPP.OVER_CAP', unit: '', at: '' }],
  ])('%s', (_, f, key) => {
    expect(explanationKey(f)).toEqual(key);
  });
});

describe('round trip through a 审核说明 sheet', () => {
  test('every key written is read back and answers its finding on re-check; errors stay errors', () => {
    const findings = [lineFinding, rowFinding, unitFinding, workbookFinding];
    const texts = ['依据见附件', '该列不适用', '年中追加', '存量项目，已报批'];
    const sheet: Cell[][] = [['审核说明'], ['规则', '单位', '位置', '说明'], ...findings.map((f, i) => {
      const k = explanationKey(f);
      return [k.rule, k.unit, k.at, texts[i]] as Cell[];
    })];
    const { aux } = readAuxSheets('a.xlsx', [{ name: '审核说明', cells: sheet }]);
    // Re-check: the same findings come back (new objects, unexplained).
    const again = applyExplanations(findings.map((f) => ({ ...f })), aux.explanations!);
    expect(again.map((f) => [f.rule, f.severity, f.explained, f.explanation])).toEqual(findings.map((f, i) => [f.rule, f.severity, true, texts[i]]));
    expect(summarize(again)).toMatchObject({ errors: 3, warnings: 1, explained: 4 });
    expect(findings[0].explained).toBeUndefined(); // inputs untouched
  });
});

describe('lenient location matching', () => {
  const exp = (at: string, extra: Partial<Explanation> = {}): Explanation => ({
    rule: 'ZBB.BASIS_MISSING', unit: '县教育局', at, text: '已说明', location: { file: 'a.xlsx', sheet: '审核说明', row: 3 }, ...extra,
  });
  test.each<[string, Explanation, boolean]>([
    ['sheet!cell', exp('明细!N5'), true],
    ['quoted sheet and $ signs', exp("'明细'!$N$5"), true],
    ['lower-case cell, spaces', exp(' 明细 ! n5 '), true],
    ['row in Chinese', exp('明细!第5行'), true],
    ['row in English', exp('明细!row 5'), true],
    ['cell without sheet', exp('N5'), true],
    ['unit by code', exp('明细!N5', { unit: '101001' }), true],
    ['rule as written in lower case', exp('明细!N5', { rule: 'zbb.basis_missing' }), true],
    ['another cell', exp('明细!N6'), false],
    ['another row', exp('明细!第6行'), false],
    ['another sheet', exp('汇总!N5'), false],
    ['another unit', exp('明细!N5', { unit: '县卫健局' }), false],
    ['another rule', exp('明细!N5', { rule: 'ZBB.GOAL_MISSING' }), false],
    ['another file’s 审核说明', exp('明细!N5', { location: { file: 'b.xlsx' } }), false],
    ['no location does not blanket line findings', exp(''), false],
  ])('%s', (_, e, explained) => {
    expect(applyExplanations([lineFinding], [e])[0].explained === true).toBe(explained);
  });

  test('a unit finding is also answered by its written location, and several answers are joined', () => {
    const e1: Explanation = { rule: 'SANBAO.SHORTFALL', unit: '县卫健局', at: '', text: '年中追加', location: { file: 'a.xlsx' } };
    const e2: Explanation = { rule: 'SANBAO.SHORTFALL', unit: '县卫健局', at: '明细!J9', text: '已报政府常务会', location: { file: 'a.xlsx' } };
    const [f] = applyExplanations([unitFinding], [e1, e2]);
    expect(f.explanation).toBe('年中追加；已报政府常务会');
    expect(f.severity).toBe('error');
  });

  test('parseAt and the key string normalise the same location written differently', () => {
    expect(parseAt("'my ''sheet'''!$B$2")).toEqual({ sheet: "my 'sheet'", row: 2, cell: 'B2' });
    expect(parseAt('')).toBeNull();
    expect(explanationKeyString(lineFinding)).toBe('ZBB.BASIS_MISSING|101001|明细!N5');
  });
});
