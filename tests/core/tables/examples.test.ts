/**
 * Real examples B and C (domain §1.5, §1.6): Shanghai-style tables generated from line sets whose
 * marginals match the published budgets reproduce the published tables row for row.
 */
import { formatWan } from '../../../src/core/money';
import { type StandardTable, type TableValue, generateTables } from '../../../src/core/tables';
import { exampleBLines, yuan } from '../../fixtures/example-b-lines';
import { exampleCLines } from '../../fixtures/example-c-lines';
import { B_T3, B_T8, C_T3, C_T8 } from './examples.data';
import { byId, flat, published } from './helpers';

const y = yuan;

/** T2 rows from T3 rows: 合计 = 财政拨款收入, the other sources 0 (all income is 财政拨款). */
function incomeRows(t3: ReadonlyArray<readonly string[]>): string[][] {
  return t3.map((r) => [...r.slice(0, 4), r[4], r[4], '', '', '']);
}

/** The same rows with the 21208 (政府性基金) part taken out: T5 of example C. */
function withoutFund(t3: ReadonlyArray<readonly string[]>): string[][] {
  const fund = y('2,792,857,000.00');
  const fmt = (fen: number) => String(fen / 100);
  return t3
    .filter((r) => !(r[0] === '212' && r[1] === '08'))
    .map((r) => (r[0] === '212' && r[1] === '' ? [...r.slice(0, 4), fmt(y(r[4]) - fund), r[5], fmt(y(r[6]) - fund)] : r[0] === '' ? [...r.slice(0, 4), fmt(y(r[4]) - fund), r[5], fmt(y(r[6]) - fund)] : [...r]));
}

describe('example B — 上海市普陀区文化和旅游局 2026 (Shanghai style)', () => {
  const tables = generateTables(exampleBLines(), { style: 'shanghai', year: 2026 });

  test('nine tables with the published titles and unit lines', () => {
    expect(tables.map((t) => t.title)).toEqual([
      '2026年部门财务收支预算总表',
      '2026年部门收入预算总表',
      '2026年部门支出预算总表',
      '2026年部门财政拨款收支预算总表',
      '2026年部门一般公共预算支出功能分类预算表',
      '2026年部门政府性基金预算支出功能分类预算表',
      '2026年部门国有资本经营预算支出功能分类预算表',
      '2026年部门一般公共预算基本支出部门预算经济分类预算表',
      '2026年部门“三公”经费和机关运行经费预算表',
    ]);
    for (const t of tables) expect(t.preparedBy).toBe('编制部门：上海市普陀区文化和旅游局');
    expect(tables.map((t) => t.unitLabel)).toEqual([...new Array(8).fill('单位：元'), '单位：万元']);
  });

  test('T1 部门财务收支预算总表', () => {
    const t = byId(tables, 'summary');
    expect(flat(t)).toEqual<TableValue[][]>([
      ['一、财政拨款收入', y('278,076,101'), '一、文化旅游体育与传媒支出', y('199,337,712')],
      ['1. 一般公共预算', y('278,076,101'), '二、社会保障和就业支出', y('16,682,825')],
      ['2. 政府性基金预算', 0, '三、卫生健康支出', y('5,238,443')],
      ['3. 国有资本经营预算', 0, '四、资源勘探工业信息等支出', y('50,200,000')],
      ['二、事业收入', 0, '五、住房保障支出', y('6,617,121')],
      ['三、事业单位经营收入', 0, null, null],
      ['四、其他收入', 0, null, null],
      ['收入总计', y('278,076,101'), '支出总计', y('278,076,101')],
    ]);
    expect(t.header.map((h) => h.text)).toEqual(['本年收入', '本年支出', '项目', '预算数', '项目', '预算数']);
  });

  test('T2 部门收入预算总表: every row, 合计 = 财政拨款收入', () => {
    const t = byId(tables, 'income');
    expect(flat(t)).toEqual(published(t, incomeRows(B_T3)));
    expect(t.columns.map((c) => c.key)).toEqual(['class', 'section', 'item', 'name', 'total', 'fiscal', 'business', 'operating', 'other']);
  });

  test('T3 部门支出预算总表 and T5 一般公共预算支出功能分类预算表: every published row', () => {
    for (const id of ['expenditure', 'generalPublic'] as const) {
      const t = byId(tables, id);
      expect(flat(t)).toEqual(published(t, B_T3));
    }
  });

  test('T3 header: 项目 / 功能分类科目编码 (类 款 项) / 功能分类科目名称, 支出预算 over 合计 基本支出 项目支出', () => {
    const t = byId(tables, 'expenditure');
    expect(t.headerRows).toBe(3);
    expect(t.header).toEqual([
      { text: '项目', row: 0, col: 0, rowSpan: 1, colSpan: 4 },
      { text: '支出预算', row: 0, col: 4, rowSpan: 1, colSpan: 3 },
      { text: '功能分类科目编码', row: 1, col: 0, rowSpan: 1, colSpan: 3 },
      { text: '功能分类科目名称', row: 1, col: 3, rowSpan: 2, colSpan: 1 },
      { text: '合计', row: 1, col: 4, rowSpan: 2, colSpan: 1 },
      { text: '基本支出', row: 1, col: 5, rowSpan: 2, colSpan: 1 },
      { text: '项目支出', row: 1, col: 6, rowSpan: 2, colSpan: 1 },
      { text: '类', row: 2, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '款', row: 2, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '项', row: 2, col: 2, rowSpan: 1, colSpan: 1 },
    ]);
    expect(t.rows.slice(0, 3).map((r) => [r.code, r.level])).toEqual([['207', 1], ['20701', 2], ['2070101', 3]]);
  });

  test('T4 部门财政拨款收支预算总表', () => {
    const t = byId(tables, 'fiscalSummary');
    const r = (name: string, v: string): TableValue[] => [name, y(v), y(v), 0, 0];
    expect(flat(t)).toEqual<TableValue[][]>([
      ['一、一般公共预算', y('278,076,101'), ...r('一、文化旅游体育与传媒支出', '199,337,712')],
      ['二、政府性基金预算', 0, ...r('二、社会保障和就业支出', '16,682,825')],
      ['三、国有资本经营预算', 0, ...r('三、卫生健康支出', '5,238,443')],
      [null, null, ...r('四、资源勘探工业信息等支出', '50,200,000')],
      [null, null, ...r('五、住房保障支出', '6,617,121')],
      ['收入总计', y('278,076,101'), '支出总计', y('278,076,101'), y('278,076,101'), 0, 0],
    ]);
  });

  test('T6/T7 are empty with the statement of SPEC §4.4', () => {
    const fund = byId(tables, 'govFund');
    const capital = byId(tables, 'stateCapital');
    expect(fund.empty && capital.empty).toBe(true);
    expect(fund.notes).toEqual(['注：本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。']);
    expect(capital.notes).toEqual(['注：本部门2026年无国有资本经营预算财政拨款安排的预算，故本表为空表。']);
    expect(flat(fund)).toEqual([['', '', '', '合计', 0, 0, 0]]);
  });

  test('T8 基本支出经济分类: every row, 303 退休费 split 人员/公用 as published', () => {
    const t = byId(tables, 'generalPublicBasic');
    expect(flat(t)).toEqual(published(t, B_T8));
    expect(t.header.find((h) => h.text === '部门预算经济分类科目编码')).toMatchObject({ colSpan: 2 });
  });

  test('T9 “三公”经费和机关运行经费: exact 分, displayed as published in 万元', () => {
    const t = byId(tables, 'threePublic');
    expect(flat(t)).toEqual([[y('114,850'), 0, y('21,100'), y('93,750'), 0, y('93,750'), y('1,826,500')]]);
    expect((t.rows[0].cells as number[]).map((f) => formatWan(f))).toEqual(['11.49', '0.00', '2.11', '9.38', '0.00', '9.38', '182.65']);
    expect(t.header.filter((h) => h.row === 0).map((h) => h.text)).toEqual(['“三公”经费预算数', '机关运行经费预算数']);
  });
});

describe('example C — 上海市普陀区建设和管理委员会 2026 (Shanghai style, 政府性基金)', () => {
  const tables = generateTables(exampleCLines(), { style: 'shanghai', year: 2026 });

  test('编制部门 from the units', () => {
    expect(tables[0].preparedBy).toBe('编制部门：上海市普陀区建设和管理委员会');
  });

  test('T1 部门财务收支预算总表', () => {
    expect(flat(byId(tables, 'summary'))).toEqual<TableValue[][]>([
      ['一、财政拨款收入', y('3,286,618,082.20'), '一、社会保障和就业支出', y('16,067,196.24')],
      ['1. 一般公共预算', y('493,761,082.20'), '二、卫生健康支出', y('4,484,631.60')],
      ['2. 政府性基金预算', y('2,792,857,000.00'), '三、城乡社区支出', y('3,182,716,265.16')],
      ['3. 国有资本经营预算', 0, '四、农林水支出', y('15,950,000.00')],
      ['二、事业收入', 0, '五、资源勘探工业信息等支出', y('62,000,000.00')],
      ['三、事业单位经营收入', 0, '六、住房保障支出', y('5,399,989.20')],
      ['四、其他收入', 0, null, null],
      ['收入总计', y('3,286,618,082.20'), '支出总计', y('3,286,618,082.20')],
    ]);
  });

  test('T2 and T3: every published row', () => {
    const t2 = byId(tables, 'income');
    const t3 = byId(tables, 'expenditure');
    expect(flat(t2)).toEqual(published(t2, incomeRows(C_T3)));
    expect(flat(t3)).toEqual(published(t3, C_T3));
  });

  test('T4 财政拨款收支: 城乡社区 = 一般公共预算 389,859,265.16 + 政府性基金 2,792,857,000.00', () => {
    const t = byId(tables, 'fiscalSummary');
    const gp = (name: string, v: string): TableValue[] => [name, y(v), y(v), 0, 0];
    expect(flat(t)).toEqual<TableValue[][]>([
      ['一、一般公共预算', y('493,761,082.20'), ...gp('一、社会保障和就业支出', '16,067,196.24')],
      ['二、政府性基金预算', y('2,792,857,000.00'), ...gp('二、卫生健康支出', '4,484,631.60')],
      ['三、国有资本经营预算', 0, '三、城乡社区支出', y('3,182,716,265.16'), y('389,859,265.16'), y('2,792,857,000.00'), 0],
      [null, null, ...gp('四、农林水支出', '15,950,000.00')],
      [null, null, ...gp('五、资源勘探工业信息等支出', '62,000,000.00')],
      [null, null, ...gp('六、住房保障支出', '5,399,989.20')],
      ['收入总计', y('3,286,618,082.20'), '支出总计', y('3,286,618,082.20'), y('493,761,082.20'), y('2,792,857,000.00'), 0],
    ]);
  });

  test('T5 = T3 without the 21208 rows; T6 holds them', () => {
    const t5 = byId(tables, 'generalPublic');
    expect(flat(t5)).toEqual(published(t5, withoutFund(C_T3)));
    expect(flat(t5).at(-1)).toEqual(['', '', '', '合计', y('493,761,082.20'), y('82,527,880.20'), y('411,233,202.00')]);
    const t6 = byId(tables, 'govFund');
    expect(t6.empty).toBe(false);
    expect(t6.notes).toEqual([]);
    expect(flat(t6)).toEqual(
      published(t6, [
        ['212', '', '', '城乡社区支出', '2,792,857,000.00', '', '2,792,857,000.00'],
        ['212', '08', '', '国有土地使用权出让收入安排的支出', '2,792,857,000.00', '', '2,792,857,000.00'],
        ['212', '08', '03', '城市建设支出', '2,792,857,000.00', '', '2,792,857,000.00'],
        ['', '', '', '合计', '2,792,857,000.00', '', '2,792,857,000.00'],
      ]),
    );
    expect(byId(tables, 'stateCapital').empty).toBe(true);
  });

  test('T8: every row; 人员 74,220,229.00 + 公用 8,307,651.20', () => {
    const t = byId(tables, 'generalPublicBasic');
    expect(flat(t)).toEqual(published(t, C_T8));
  });

  test('T9: 42.24 | 0 | 0 | 42.24 | 0 | 42.24 | 机关运行经费 124.56', () => {
    const t = byId(tables, 'threePublic');
    expect((t.rows[0].cells as number[]).map((f) => formatWan(f))).toEqual(['42.24', '0.00', '0.00', '42.24', '0.00', '42.24', '124.56']);
  });
});

describe('example B in national style', () => {
  const tables = generateTables(exampleBLines(), { year: 2026 });
  const titles = (ts: StandardTable[]) => ts.map((t) => t.title);

  test('the national ten, in 万元, with one 科目编码 column', () => {
    expect(titles(tables)).toEqual([
      '2026年部门收支总表',
      '2026年部门收入总表',
      '2026年部门支出总表',
      '2026年财政拨款收支总表',
      '2026年一般公共预算支出表',
      '2026年一般公共预算基本支出表',
      '2026年一般公共预算“三公”经费支出表',
      '2026年政府性基金预算支出表',
      '2026年国有资本经营预算支出表',
      '2026年项目支出绩效目标表',
    ]);
    for (const t of tables) expect(t.amountUnit).toBe('wan');
    const t3 = byId(tables, 'expenditure');
    expect(t3.columns.map((c) => c.key)).toEqual(['code', 'name', 'total', 'basic', 'project']);
    expect(flat(t3)[2]).toEqual(['2070101', '行政运行', y('4,654,597'), y('4,614,597'), y('40,000')]);
  });

  test('一般公共预算支出表 splits 基本支出 into 人员经费 and 公用经费', () => {
    const t = byId(tables, 'generalPublic');
    expect(t.header.find((h) => h.text === '基本支出')).toMatchObject({ row: 0, colSpan: 3 });
    const total = flat(t).at(-1)!;
    expect(total).toEqual(['', '合计', y('278,076,101'), y('102,306,237'), y('84,243,069'), y('18,063,168'), y('175,769,864')]);
  });

  test('收支总表: 本年收入合计, 上年结转, 收入总计 beside 本年支出合计, 结转下年, 支出总计', () => {
    const rows = flat(byId(tables, 'summary'));
    expect(rows.slice(-3)).toEqual([
      ['本年收入合计', y('278,076,101'), '本年支出合计', y('278,076,101')],
      ['上年结转', 0, '结转下年', 0],
      ['收入总计', y('278,076,101'), '支出总计', y('278,076,101')],
    ]);
    expect(rows[0]).toEqual(['一、一般公共预算拨款收入', y('278,076,101'), '一、文化旅游体育与传媒支出', y('199,337,712')]);
  });

  test('“三公” table: 上年预算数 and 本年预算数 blocks, 增减额, and a sentence', () => {
    const t = byId(tables, 'threePublic');
    const items = [y('114,850'), 0, y('93,750'), 0, y('93,750'), y('21,100')];
    expect(flat(t)).toEqual([['“三公”经费', ...items, ...items, 0]]);
    expect(t.header.filter((h) => h.row === 0).map((h) => [h.text, h.colSpan, h.rowSpan])).toEqual([['项目', 1, 3], ['上年预算数', 6, 1], ['本年预算数', 6, 1], ['增减额', 1, 3]]);
    expect(t.notes).toEqual(['2026年“三公”经费预算11.49万元，与上年预算持平。']);
  });

  test('项目支出绩效目标表 without a 绩效目标 sheet: the national layout, the grid columns blank, the note says why', () => {
    const t = byId(tables, 'projectPerformance');
    expect(t.rows).toHaveLength(15);
    expect(flat(t)[0]).toEqual([
      '项目1（2070101）', '上海市普陀区文化和旅游局', '上海市普陀区文化和旅游局执法大队', y('40,000'), y('40,000'), 0, '完成项目1年度任务，服务对象满意度不低于90%', '', '', '', '',
    ]);
    expect(t.columns.map((c) => c.key)).toEqual(['project', 'department', 'unit', 'total', 'fiscal', 'other', 'goal', 'level1', 'level2', 'level3', 'value']);
    expect(flat(t).at(-1)).toEqual(['合计', '', '', y('175,769,864'), y('175,769,864'), 0, '', '', '', '', '']);
    expect(t.notes[0]).toMatch(/^共14个项目，其中预算明细填有绩效目标的项目12个，涉及项目资金[\d,.]+万元；未提供绩效目标表（一级、二级、三级指标和指标值），指标栏为空。$/);
  });

  test('one unit: 单位 titles and statements', () => {
    const one = generateTables(exampleBLines(), { year: 2026, units: ['101005'], style: 'shanghai' });
    expect(one[0].title).toBe('2026年单位财务收支预算总表');
    expect(one[0].preparedBy).toBe('编制单位：上海市普陀区图书馆');
    expect(byId(one, 'govFund').notes).toEqual(['注：本单位2026年无政府性基金预算财政拨款安排的预算，故本表为空表。']);
  });
});
