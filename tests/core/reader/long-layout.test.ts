import { grid, check, flat } from './helpers';

const HEADER = ['单位编码', '单位名称', '支出类型', '项目名称', '功能分类科目编码', '功能分类科目名称', '经济分类科目编码', '经济分类科目名称', '资金来源', '本年预算数', '测算依据', '绩效目标'];

function longSheet(total: number | string = 6250000.5) {
  return grid('明细', [
    ['县教育局2025年部门预算明细表'],
    ['编制单位：县教育局', null, null, null, null, null, null, null, null, '单位：元'],
    HEADER,
    ['101001', '县教育局', '人员经费', null, '2050101', '行政运行', '30101', '基本工资', '一般公共预算拨款', 1200000, null, null],
    ['101001', '县教育局', '人员经费', null, '2050101', '行政运行', '30102', '津贴补贴', '一般公共预算拨款', '800,000.50', null, null],
    ['101001', '县教育局', '公用经费', null, '2050101', '行政运行', '30201', '办公费', '一般公共预算拨款', 250000, null, null],
    ['101001', '县教育局', '项目支出', '学生资助', '2050202', '小学教育', '30308', '助学金', '政府性基金', 4000000, '按 2000 人 × 2000 元', '资助覆盖率 100%'],
    [null, '合计', null, null, null, null, null, null, null, total, null, null],
  ]);
}

describe('long layout in 元', () => {
  test('reads every line exactly, with unit, kind, fund source and cells', () => {
    const r = check([longSheet()]);
    expect(r.recognised).toBe(true);
    expect(r.lines).toHaveLength(4);
    const [a, b, c, d] = r.lines;
    expect(a).toMatchObject({ unitCode: '101001', unitName: '县教育局', kind: 'personnel', functionCode: '2050101', economicCode: '30101', fundSource: '一般公共预算拨款', amountFen: 120000000, row: 4 });
    expect(b.amountFen).toBe(80000050);
    expect(c.kind).toBe('public');
    expect(d).toMatchObject({ kind: 'project', fundSource: '政府性基金预算拨款', projectName: '学生资助', basis: '按 2000 人 × 2000 元' });
    expect(a.src.amountUnit).toBe('yuan');
    expect(r.inputs).toEqual([{ file: 'a.xlsx', sheets: ['明细'], lines: 4, unit: '元' }]);
    expect(flat(r.findings).filter(([rule]) => rule === 'DATA.TOTAL_MISMATCH')).toEqual([]);
    expect(r.year).toBe(2025);
  });

  test('a wrong 合计 is DATA.TOTAL_MISMATCH at its cell, with both figures in 分', () => {
    const r = check([longSheet(6250001.5)]);
    const f = r.findings.filter((x) => x.rule === 'DATA.TOTAL_MISMATCH');
    expect(f).toHaveLength(1);
    expect(f[0].location).toEqual({ file: 'a.xlsx', sheet: '明细', row: 8, cell: 'J8' });
    expect(f[0].figures).toEqual({ actualFen: 625000150, expectedFen: 625000050 });
    expect(f[0].message).toContain('相差 1.00 元');
  });

  test('a 合计 row at the top covers the whole sheet', () => {
    const g = longSheet();
    const rows = g.cells.slice();
    const total = rows.pop()!;
    rows.splice(3, 0, total);
    const r = check([{ ...g, cells: rows }]);
    expect(r.lines).toHaveLength(4);
    expect(r.findings.filter((x) => x.rule === 'DATA.TOTAL_MISMATCH')).toEqual([]);
  });

  test('bad, negative and odd amounts', () => {
    const g = grid('明细', [
      ['单位：元'],
      ['单位名称', '功能分类科目', '经济分类科目', '金额'],
      ['甲局', '2010101', '30201', '１２３．００'],
      ['甲局', '2010101', '30202', '(50.00)'],
      ['甲局', '2010101', '30205', 'abc'],
      ['甲局', '2010101', '30206', { error: '#REF!' }],
      ['甲局', '2010101', '30207', '-'],
      ['甲局', '2010101', '30209', 1e15],
    ]);
    const r = check([g]);
    expect(r.lines.map((l) => l.amountFen)).toEqual([12300, -5000, 0]);
    expect(flat(r.findings).filter(([rule]) => /AMOUNT/.test(rule))).toEqual([
      ['DATA.NEGATIVE_AMOUNT', 'D4', 'warning'],
      ['DATA.BAD_AMOUNT', 'D5', 'error'],
      ['DATA.BAD_AMOUNT', 'D6', 'error'],
      ['DATA.BAD_AMOUNT', 'D8', 'error'],
    ]);
    const bad = r.findings.find((f) => f.location.cell === 'D5')!;
    expect(bad.message).toContain('“abc”');
  });

  test('no unit line: the default is assumed with DATA.UNIT_UNKNOWN; 万元 header suffix is read', () => {
    const g = grid('明细', [
      ['单位名称', '功能分类科目', '经济分类科目', '金额'],
      ['甲局', '2010101', '30201', 1.5],
    ]);
    const r = check([g]);
    expect(flat(r.findings).filter(([x]) => x === 'DATA.UNIT_UNKNOWN')).toEqual([['DATA.UNIT_UNKNOWN', 'row 1', 'warning']]);
    expect(r.lines[0].amountFen).toBe(150);
    const g2 = grid('明细', [
      ['单位名称', '功能分类科目', '经济分类科目', '金额（万元）'],
      ['甲局', '2010101', '30201', 1.5],
    ]);
    const r2 = check([g2]);
    expect(r2.lines[0].amountFen).toBe(1500000);
    expect(r2.findings.some((f) => f.rule === 'DATA.UNIT_UNKNOWN')).toBe(false);
    const r3 = check([g], { rules: { defaultUnit: '万元' } });
    expect(r3.lines[0].amountFen).toBe(1500000);
  });

  test('a required column missing is DATA.MISSING_COLUMN at the header row', () => {
    const g = grid('明细', [
      ['单位：元'],
      ['单位名称', '功能分类科目', '金额'],
      ['甲局', '2010101', 100],
    ]);
    const r = check([g]);
    expect(flat(r.findings).filter(([x]) => x === 'DATA.MISSING_COLUMN')).toEqual([['DATA.MISSING_COLUMN', 'row 2', 'error']]);
    expect(r.findings.find((f) => f.rule === 'DATA.MISSING_COLUMN')!.message).toContain('经济分类科目');
    expect(r.summary.errors).toBeGreaterThan(0);
  });

  test('a sheet with no header is not recognised; other sheets are reported as unchecked', () => {
    const r = check([grid('说明', [['本表为部门预算说明'], ['无数据']])]);
    expect(r.recognised).toBe(false);
    expect(r.findings.map((f) => f.rule)).toEqual(['DATA.NOT_CHECKED']);
  });
});
