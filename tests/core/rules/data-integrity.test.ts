import { grid, check, flat } from '../reader/helpers';

describe('DATA.* line checks against the catalogue', () => {
  const g = grid('明细', [
    ['单位：元'],
    ['单位名称', '支出类型', '功能分类科目', '经济分类科目', '金额'],
    ['甲局', '人员经费', '2010101 行政运行', '30101 基本工资', 100], // clean
    ['甲局', '人员经费', '2010101 一般行政管理事务', '30102 津贴补贴', 100], // function name wrong
    ['甲局', '公用经费', '9990101', '30201', 100], // unknown class
    ['甲局', '公用经费', '2019801', '30201', 100], // unknown 款 (warning)
    ['甲局', '公用经费', '20101', '30202', 100], // 款 level only
    ['甲局', '公用经费', '2010101', '302', 100], // economic class only
    ['甲局', '人员经费', '2010101', '30201', 100], // 人员经费 with 302
    ['甲局', '基本支出', '2010101', '31201', 100], // undivided basic with 312
    ['甲局', '公用经费', '', '30205', 100], // blank function code
    ['甲局', '公用经费', '行政运行', '30206', 100], // name without code
    ['甲局', '人员经费', '2010101 行政运行', '30101 基本工资', 5], // duplicate of row 3
    ['甲局', '公用经费', '2010101', '30213 维修(护)费', 1], // bracket width differs: fine
  ]);

  test('each planted problem is found at its cell, and nothing else', () => {
    const r = check([g]);
    const got = flat(r.findings).filter(([rule]) => !['DATA.MISSING_COLUMN'].includes(rule));
    expect(got).toEqual([
      ['DATA.CODE_NAME_MISMATCH', 'C4', 'warning'],
      ['DATA.UNKNOWN_CODE', 'C5', 'error'],
      ['DATA.UNKNOWN_CODE', 'C6', 'warning'],
      ['DATA.CODE_LEVEL', 'C7', 'warning'],
      ['DATA.CODE_LEVEL', 'D8', 'warning'],
      ['DATA.KIND_CODE_MISMATCH', 'D9', 'error'],
      ['DATA.KIND_CODE_MISMATCH', 'D10', 'error'],
      ['DATA.UNKNOWN_CODE', 'C11', 'error'],
      ['DATA.UNKNOWN_CODE', 'C12', 'error'],
      ['DATA.DUPLICATE_LINE', 'E13', 'warning'],
    ]);
    const byCell = new Map(r.findings.map((f) => [f.location.cell, f]));
    expect(byCell.get('C4')!.message).toBe('功能分类科目 2010101 的名称应为“行政运行”，表中写作“一般行政管理事务”，请核对编码与名称是否对应');
    expect(byCell.get('E13')!.message).toContain('与第 3 行重复');
    expect(byCell.get('C4')!.unit).toEqual({ name: '甲局' });
  });

  test('a 科目 sheet extends the catalogue', () => {
    const extra = grid('科目', [
      ['科目编码', '科目名称'],
      ['20198', '本地特色款'],
      ['2019801', '本地特色事务'],
    ]);
    const r = check([g, extra]);
    const cells = flat(r.findings).filter(([rule]) => rule === 'DATA.UNKNOWN_CODE').map(([, c]) => c);
    expect(cells).toEqual(['C5', 'C11', 'C12']); // 2019801 is now known; 999 stays unknown
  });
});
