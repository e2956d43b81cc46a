import { checkWorkbooks } from '../../../src/core/check';
import { grid, check } from './helpers';

const header = ['单位名称', '功能分类科目', '经济分类科目', '金额'];
const current = grid('2025年明细', [['2025年部门预算'], ['单位：元'], header, ['甲局', '2010101', '30201', 95], ['甲局', '2010101', '30202', 10]]);
const prior = grid('上年预算', [['2024年部门预算'], ['单位：元'], header, ['甲局', '2010101', '30201', 100], ['甲局', '2010101', '30211', 20]]);

describe('prior-year data', () => {
  test('a sheet named 上年… in the same workbook is read as prior-year lines', () => {
    const r = check([current, prior]);
    expect(r.lines.map((l) => l.economicCode)).toEqual(['30201', '30202']);
    expect(r.priorLines.map((l) => [l.economicCode, l.amountFen, l.src.prior])).toEqual([['30201', 10000, true], ['30211', 2000, true]]);
    const rules = r.findings.map((f) => f.rule);
    expect(rules).toContain('ZBB.NEW_LINE');
    expect(rules).toContain('ZBB.DROPPED_LINE');
    expect(rules).not.toContain('DATA.MISSING_COLUMN');
  });

  test('a prior year in the title marks the prior sheet even without 上年 in its name', () => {
    const r = check([current, { ...prior, name: 'Sheet2' }]);
    expect(r.priorLines).toHaveLength(2);
  });

  test('--prior workbooks are read as prior lines, recoded through 科目对照', () => {
    const map = grid('科目对照', [['上年科目', '本年科目'], ['30211', '30202']]);
    const r = checkWorkbooks([{ file: 'cur.xlsx', sheets: [current, map] }], { prior: [{ file: 'old.xlsx', sheets: [{ ...prior, name: '明细' }] }] });
    expect(r.priorLines.map((l) => [l.economicCode, l.src.file])).toEqual([['30201', 'old.xlsx'], ['30202', 'old.xlsx']]);
    expect(r.findings.filter((f) => f.rule === 'ZBB.DROPPED_LINE')).toEqual([]);
  });

  test('without any prior data, one DATA.MISSING_COLUMN warning per sheet says why', () => {
    const r = check([current]);
    const mc = r.findings.filter((f) => f.rule === 'DATA.MISSING_COLUMN');
    expect(mc).toHaveLength(1);
    expect(mc[0].severity).toBe('warning');
    expect(mc[0].message).toContain('上年预算数');
  });
});
