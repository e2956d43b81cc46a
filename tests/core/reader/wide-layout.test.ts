import { grid, check, flat } from './helpers';

// A messy 万元 sheet as offices send it: title lines, a two-row merged header, code+name cells,
// unit names merged down, 小计 rows, a 其中 row, blank rows and a 合计 row.
function wideSheet(opts: { subtotal2?: number; rowTotal?: number } = {}) {
  return grid(
    '预算明细',
    [
      ['县卫健委2025年部门预算明细表'],
      [null, null, null, null, null, null, null, '单位：万元'],
      ['单位名称', '支出类型', '功能分类科目', '经济分类科目', '本年预算数', '资金来源', null, null],
      [null, null, null, null, '合计', '一般公共预算拨款', '政府性基金预算拨款', '单位资金'],
      ['县卫健委机关', '人员经费', '2100101 行政运行', '30101 基本工资', opts.rowTotal ?? 120.5, 120.5, null, '-'],
      [null, '公用经费', '[2100101]行政运行', '30201-办公费', 10.123456, 10.123456, 0, null],
      ['小计（县卫健委机关）', null, null, null, 130.623456, 130.623456, 0, 0],
      [null, null, null, null, null, null, null, null],
      ['县疾控中心', '项目支出', '2100401 疾病预防控制机构', '30218 专用材料费', 55, 30, 20, 5],
      ['其中：疫苗', null, null, null, 10, 10, null, null],
      [null, '项目支出', '2100401 疾病预防控制机构', '31003 专用设备购置', 45, 45, null, null],
      ['小计（县疾控中心）', null, null, null, opts.subtotal2 ?? 100, 75, 20, 5],
      ['合计', null, null, null, 230.623456, 205.623456, 20, 5],
    ],
    [
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 3, right: 3 },
      { top: 2, left: 5, bottom: 2, right: 7 },
      { top: 4, left: 0, bottom: 5, right: 0 },
      { top: 8, left: 0, bottom: 10, right: 0 },
    ],
  );
}

describe('wide layout in 万元 with a two-row merged header', () => {
  test('each non-zero fund column is a line; names merged down apply to every row', () => {
    const r = check([wideSheet()]);
    const lines = r.lines.map((l) => [l.row, l.unitName, l.kind, l.functionCode, l.economicCode, l.fundSource, l.amountFen, l.functionName, l.economicName]);
    expect(lines).toEqual([
      [5, '县卫健委机关', 'personnel', '2100101', '30101', '一般公共预算拨款', 120500000, '行政运行', '基本工资'],
      [6, '县卫健委机关', 'public', '2100101', '30201', '一般公共预算拨款', 10123456, '行政运行', '办公费'],
      [9, '县疾控中心', 'project', '2100401', '30218', '一般公共预算拨款', 30000000, '疾病预防控制机构', '专用材料费'],
      [9, '县疾控中心', 'project', '2100401', '30218', '政府性基金预算拨款', 20000000, '疾病预防控制机构', '专用材料费'],
      [9, '县疾控中心', 'project', '2100401', '30218', '单位资金', 5000000, '疾病预防控制机构', '专用材料费'],
      [11, '县疾控中心', 'project', '2100401', '31003', '一般公共预算拨款', 45000000, '疾病预防控制机构', '专用设备购置'],
    ]);
    expect(r.lines[0].amountCol).toBe(6);
    expect(flat(r.findings).filter(([x]) => x === 'DATA.TOTAL_MISMATCH')).toEqual([]);
  });

  test('a 小计 that matches neither adjacent block is flagged at its cell', () => {
    const r = check([wideSheet({ subtotal2: 99.99 })]);
    const f = r.findings.filter((x) => x.rule === 'DATA.TOTAL_MISMATCH');
    expect(f.map((x) => x.location.cell)).toEqual(['E12']);
    expect(f[0].figures).toEqual({ actualFen: 99990000, expectedFen: 100000000 });
  });

  test('a row whose 合计 differs from its fund columns is flagged beyond half a display step', () => {
    const ok = check([wideSheet({ rowTotal: 120.504 })]); // within 0.005 万元
    expect(ok.findings.filter((x) => x.rule === 'DATA.TOTAL_MISMATCH' && x.location.row === 5)).toEqual([]);
    const bad = check([wideSheet({ rowTotal: 120.51 })]);
    expect(bad.findings.filter((x) => x.rule === 'DATA.TOTAL_MISMATCH').map((x) => x.location.cell)).toEqual(['E5', 'E7', 'E13']);
    // E7 and E13 follow from E5: the 合计 column's subtotal no longer equals its lines.
  });

  test('a 小计 written for the block below passes', () => {
    const g = grid('明细', [
      ['单位：元'],
      ['单位名称', '功能分类科目', '经济分类科目', '金额'],
      ['小计', null, null, 300],
      ['甲局', '2010101', '30201', 100],
      ['甲局', '2010101', '30202', 200],
      [null, null, null, null],
      ['小计', null, null, 50],
      ['乙局', '2010101', '30201', 50],
    ]);
    expect(flat(check([g]).findings).filter(([x]) => x === 'DATA.TOTAL_MISMATCH')).toEqual([]);
  });
});

describe('Shanghai style: split 类/款/项 columns under a merged caption', () => {
  const g = grid(
    '单位预算',
    [
      ['单位：元'],
      ['单位名称', '功能分类科目编码', null, null, '功能分类科目名称', '经济分类科目', '金额'],
      [null, '类', '款', '项', null, null, null],
      ['甲街道', '208', null, null, '社会保障和就业支出', null, 1500],
      ['甲街道', '208', '05', null, '行政事业单位养老支出', null, 1500],
      ['甲街道', '208', '05', '01', '行政单位离退休', '30302', 1000],
      ['甲街道', 208, 5, 5, '机关事业单位基本养老保险缴费支出', '30108', 500.25],
    ],
    [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 1, left: 4, bottom: 2, right: 4 },
      { top: 1, left: 5, bottom: 2, right: 5 },
      { top: 1, left: 6, bottom: 2, right: 6 },
    ],
  );

  test('类/款/项 parts join into 7-digit codes; 类 and 款 rows are verified, not lines', () => {
    const r = check([g]);
    expect(r.lines.map((l) => [l.functionCode, l.economicCode, l.amountFen, l.kind])).toEqual([
      ['2080501', '30302', 100000, 'personnel'],
      ['2080505', '30108', 50025, 'personnel'],
    ]);
    const tm = r.findings.filter((x) => x.rule === 'DATA.TOTAL_MISMATCH');
    expect(tm.map((x) => [x.location.cell, x.figures])).toEqual([
      ['G4', { actualFen: 150000, expectedFen: 150025 }],
      ['G5', { actualFen: 150000, expectedFen: 150025 }],
    ]);
  });
});

describe('amounts split by kind, and 预算管理一体化 project classes', () => {
  test('合计 | 人员经费 | 公用经费 | 项目支出: each non-zero part is a line of that kind', () => {
    const g = grid('明细', [
      ['单位：元'],
      ['单位名称', '功能分类科目', '经济分类科目', '合计', '人员经费', '公用经费', '项目支出'],
      ['甲局', '2010101', '30101', 100, 100, null, null],
      ['甲局', '2010101', '30201', 70, null, 50, 20],
      ['甲局', '2010101', '30202', 10, null, 5, 4],
    ]);
    const r = check([g]);
    expect(r.lines.map((l) => [l.row, l.kind, l.amountFen])).toEqual([
      [3, 'personnel', 10000], [4, 'public', 5000], [4, 'project', 2000], [5, 'public', 500], [5, 'project', 400],
    ]);
    expect(flat(r.findings).filter(([x]) => x === 'DATA.TOTAL_MISMATCH')).toEqual([['DATA.TOTAL_MISMATCH', 'D5', 'error']]);
  });

  test('人员类 / 运转类 / 特定目标类 map to 人员经费 / 公用经费 / 项目支出', () => {
    const g = grid('指标', [
      ['单位：元'],
      ['预算单位', '项目类别', '项目名称', '支出功能分类科目编码', '部门经济分类', '金额'],
      ['甲局', '人员类', '工资福利', '2010101', '30101', 100],
      ['甲局', '运转类', '公用经费', '2010101', '30201', 50],
      ['甲局', '特定目标类', '信息化建设', '2010199', '31007', 30],
      ['甲局', 'PPP', '污水处理PPP', '2120399', '31005', 30],
    ]);
    const r = check([g]);
    expect(r.lines.map((l) => [l.kind, l.ppp])).toEqual([['personnel', false], ['public', false], ['project', false], ['project', true]]);
  });

  test('without a kind column, lines with a project are 项目支出 and the rest split by code', () => {
    const g = grid('明细', [
      ['单位：元'],
      ['单位名称', '项目名称', '功能分类科目', '经济分类科目', '金额'],
      ['甲局', null, '2010101', '30101', 1],
      ['甲局', null, '2010101', '30302', 1],
      ['甲局', null, '2010101', '30201', 1],
      ['甲局', null, '2010101', '31002', 1],
      ['甲局', '培训', '2010102', '30216', 1],
    ]);
    expect(check([g]).lines.map((l) => l.kind)).toEqual(['personnel', 'personnel', 'public', 'public', 'project']);
  });
});
