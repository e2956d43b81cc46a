import { classifyAuxSheet, parseSanbaoType, readAuxSheets, readBondInterest, readCatalog, readCodeMap, readExecution, readExplanations, readProjectLibrary, readSanbaoNeeds, readSettings } from '../../../src/core/supporting';
import { createCatalog, entriesFromCatalogRows } from '../../../src/core/catalog';
import { configFromSettingRows } from '../../../src/core/config';
import type { Cell, Grid } from '../../../src/core/grid';

const grid = (name: string, cells: Cell[][], extra: Partial<Grid> = {}): Grid => ({ name, cells, ...extra });

const sanbaoRows: Cell[][] = [
  ['单位', '三保类型', '需求数'],
  ['县教育局', '保工资', 120],
  ['101002', '003002', '30.5'],
  ['县卫健局', '003003', 10],
];

describe('classifyAuxSheet', () => {
  test.each<[string, Grid, string | null]>([
    ['项目库 by name', grid('2025年项目库', [['随便']]), 'projectLibrary'],
    ['三保需求 by name', grid('三保需求', []), 'sanbaoNeeds'],
    ['债券付息 by name', grid('债券付息', []), 'bondInterest'],
    ['科目对照 by name', grid('科目对照', []), 'codeMap'],
    ['规则设置 by name', grid('规则设置', []), 'settings'],
    ['审核说明 by name', grid('审核说明', []), 'explanations'],
    ['科目 by name', grid('科目', []), 'catalog'],
    ['预算执行 by name', grid('预算执行', []), 'execution'],
    [
      '三保需求 by header below titles',
      grid('Sheet3', [['2025年县级“三保”需求测算表'], [null, null, '单位：万元'], ...sanbaoRows]),
      'sanbaoNeeds',
    ],
    ['项目库 by header', grid('Sheet1', [['项目库清单'], ['项目编码', '项目名称', '申报单位']]), 'projectLibrary'],
    ['债券付息 by header', grid('Sheet2', [['债券名称', '应付利息（万元）']]), 'bondInterest'],
    ['科目对照 by header', grid('对照', [['上年功能分类科目', '本年功能分类科目']]), 'codeMap'],
    ['规则设置 by header', grid('设置', [['参数', '值', '备注']]), 'settings'],
    ['审核说明 by header', grid('说明', [['规则', '单位', '位置', '说明']]), 'explanations'],
    ['科目 by header', grid('目录', [['科目编码', '科目名称', '类型']]), 'catalog'],
    ['a budget sheet with project columns is not a 项目库', grid('明细', [['单位名称', '项目编码', '项目名称', '功能分类科目', '经济分类科目', '金额']]), null],
    ['a 科目 header beside amounts is not the catalogue', grid('表1', [['科目编码', '科目名称', '金额']]), null],
    ['the review workbook’s 审核结果 is never read back', grid('审核结果', [['序号', '级别', '规则', '单位', '位置', '说明']]), null],
    ['a findings header elsewhere is not 审核说明', grid('导出', [['序号', '级别', '规则', '单位', '位置', '说明']]), null],
    ['a detail sheet', grid('预算明细', [['单位名称', '功能分类科目', '经济分类科目', '金额']]), null],
  ])('%s', (_, g, kind) => {
    expect(classifyAuxSheet(g)).toBe(kind);
  });
});

describe('三保需求', () => {
  test('codes 003001/2/3 and names; unit from a 单位：万元 line above the header', () => {
    const g = grid('Sheet3', [['2025年县级“三保”需求测算表'], [null, null, '单位：万元'], ...sanbaoRows]);
    const r = readSanbaoNeeds('a.xlsx', g);
    expect(r.findings).toEqual([]);
    expect(r.data!.map((n) => [n.unit, n.type, n.needFen, n.location.cell])).toEqual([
      ['县教育局', '保工资', 120_000_000, 'C4'],
      ['101002', '保运转', 30_500_000, 'C5'],
      ['县卫健局', '保基本民生', 10_000_000, 'C6'],
    ]);
  });

  test.each<[Cell, string | null]>([
    ['保工资', '保工资'], ['003001', '保工资'], [3001, '保工资'], ['003002 保运转', '保运转'], ['保运转', '保运转'],
    ['003003', '保基本民生'], ['基本民生', '保基本民生'], ['其他', null], [null, null],
  ])('三保类型 %p → %p', (cell, type) => {
    expect(parseSanbaoType(cell)).toBe(type);
  });

  test('unit filled down, 合计 skipped, header suffix unit, bad amount at its cell, unknown type reported', () => {
    const g = grid('三保需求', [
      ['单位', '三保类型', '需求数（万元）'],
      ['县教育局', '保工资', 1],
      [null, '保运转', 2],
      ['县卫健局', '保吃饭', 3],
      ['县民政局', '保工资', 'abc'],
      ['合计', null, 6],
    ], { origin: { row: 3, col: 2 } });
    const r = readSanbaoNeeds('a.xlsx', g);
    expect(r.data!.map((n) => [n.unit, n.type, n.needFen])).toEqual([['县教育局', '保工资', 1_000_000], ['县教育局', '保运转', 2_000_000]]);
    expect(r.findings.map((f) => [f.rule, f.severity, f.location.cell])).toEqual([
      ['SANBAO.NOT_CHECKED', 'info', 'C6'],
      ['DATA.BAD_AMOUNT', 'error', 'D7'],
    ]);
    expect(r.findings[1].message).toContain('abc');
  });

  test('default unit 元, or the caller’s (the main sheet’s)', () => {
    const g = grid('三保需求', sanbaoRows);
    expect(readSanbaoNeeds('a.xlsx', g).data![0].needFen).toBe(12_000);
    expect(readSanbaoNeeds('a.xlsx', g, { defaultUnit: 'wan' }).data![0].needFen).toBe(120_000_000);
  });

  test('a sheet named 三保需求 without its header: DATA.MISSING_COLUMN warning, no data', () => {
    const r = readSanbaoNeeds('a.xlsx', grid('三保需求', [['说明：见附件']]));
    expect(r.data).toBeNull();
    expect(r.findings.map((f) => [f.rule, f.severity, f.location.sheet])).toEqual([['DATA.MISSING_COLUMN', 'warning', '三保需求']]);
  });
});

describe('the other readers', () => {
  test('项目库: codes and names; numbers as text', () => {
    const r = readProjectLibrary('a.xlsx', grid('项目库', [['项目库'], ['项目编码', '项目名称'], ['P001', '校舍维修'], [2002, '课后服务'], ['合计', null]]));
    expect([...r.data!.codes]).toEqual(['P001', '2002']);
    expect([...r.data!.names]).toEqual(['校舍维修', '课后服务']);
  });

  test('债券付息: 万元 from the title area, 合计 skipped', () => {
    const r = readBondInterest('b.xlsx', grid('债券付息', [['2025年债券付息表', '单位：万元'], ['债券名称', '应付利息'], ['2020年一般债券', '12.5'], ['2021年专项债券', 7.5], ['合计', 20]]));
    expect(r.data!.map((b) => [b.bond, b.dueFen, b.location.file, b.location.cell])).toEqual([
      ['2020年一般债券', 12_500_000, 'b.xlsx', 'B3'],
      ['2021年专项债券', 7_500_000, 'b.xlsx', 'B4'],
    ]);
  });

  test('科目对照: codes with names', () => {
    const r = readCodeMap('a.xlsx', grid('科目对照', [['上年科目', '本年科目'], ['2070101 行政运行', '[2070199]其他'], [30299, 30226]]));
    expect([...r.data!]).toEqual([['2070101', '2070199'], ['30299', '30226']]);
  });

  test('规则设置 → configFromSettingRows; blank values keep the default', () => {
    const r = readSettings('a.xlsx', grid('规则设置', [['参数', '值'], ['一般性支出压减比例', '10%'], ['民生占比最少单位数', 1], ['PPP支出占比上限', ''], ['livelihood.minShare', 0.7]]));
    expect(r.data!.map((x) => [x.name, x.value])).toEqual([['一般性支出压减比例', '10%'], ['民生占比最少单位数', 1], ['livelihood.minShare', 0.7]]);
    expect(configFromSettingRows(r.data!).partial).toEqual({ generalCut: { rate: 0.1 }, livelihood: { minUnits: 1, minShare: 0.7 } });
  });

  test('审核说明: rule IDs in any case or as Chinese titles', () => {
    const r = readExplanations('a.xlsx', grid('审核说明', [['规则', '单位', '位置', '说明'], ['ppp.over_cap', '', '', '存量项目'], ['“三保”预算不足', '县教育局', '', '年中追加'], ['DATA.BAD_AMOUNT', '', '明细!J5', '']]));
    expect(r.data!.map((e) => [e.rule, e.unit, e.at, e.text])).toEqual([['PPP.OVER_CAP', '', '', '存量项目'], ['SANBAO.SHORTFALL', '县教育局', '', '年中追加']]);
  });

  test('科目: rows feed the catalogue; the name may follow the code', () => {
    const r = readCatalog('a.xlsx', grid('科目', [['科目编码', '科目名称', '类型'], ['2079999', '其他文化旅游体育与传媒支出', '功能分类'], ['30299', '其他商品和服务支出', ''], ['2130101 行政运行', null, null]]));
    expect(r.data!.map((c) => [c.code, c.name, c.type])).toEqual([
      ['2079999', '其他文化旅游体育与传媒支出', '功能分类'],
      ['30299', '其他商品和服务支出', undefined],
      ['2130101', '行政运行', undefined],
    ]);
    const cat = createCatalog(entriesFromCatalogRows(r.data!));
    expect(cat.functionName('2079999')).toBe('其他文化旅游体育与传媒支出');
  });

  test('预算执行: optional columns null, month parsed', () => {
    const r = readExecution('a.xlsx', grid('预算执行', [['单位：万元'], ['项目', '年初预算', '调整预算', '本期累计', '上年同期', '月份'], ['一般公共预算收入', 100, null, 40, 38, '4月']]));
    expect(r.data).toEqual([{ item: '一般公共预算收入', initialFen: 100_000_000, adjustedFen: null, actualFen: 40_000_000, priorSameFen: 38_000_000, month: 4, location: { file: 'a.xlsx', sheet: '预算执行', row: 3, cell: 'A3' } }]);
  });
});

describe('readAuxSheets', () => {
  test('reads and merges every auxiliary sheet; detail sheets untouched', () => {
    const r = readAuxSheets('a.xlsx', [
      grid('预算明细', [['单位名称', '功能分类科目', '经济分类科目', '金额']]),
      grid('三保需求', sanbaoRows),
      grid('Sheet9', [['单位', '三保类型', '需求数'], ['县民政局', '保工资', 5]]),
      grid('债券付息', [['债券名称', '应付利息'], ['一般债', 100]]),
      grid('规则设置', [['参数', '值'], ['PPP支出占比上限', '5%']]),
      grid('科目', [['科目编码', '科目名称'], ['2130199', '其他农业农村支出']]),
      grid('项目库', [['项目编码', '项目名称'], ['P1', '甲']]),
      grid('项目库2', [['项目编码', '项目名称'], ['P2', '乙']]),
    ], { defaultUnit: 'wan' });
    expect(r.usedSheets).toEqual(['三保需求', 'Sheet9', '债券付息', '规则设置', '科目', '项目库', '项目库2']);
    expect(r.aux.sanbaoNeeds!.map((n) => n.unit)).toEqual(['县教育局', '101002', '县卫健局', '县民政局']);
    expect(r.aux.bondInterest!.map((b) => b.dueFen)).toEqual([100_000_000]);
    expect([...r.aux.projectLibrary!.codes]).toEqual(['P1', 'P2']);
    expect(r.settings.map((s) => [s.name, s.value])).toEqual([['PPP支出占比上限', '5%']]);
    expect(r.catalogRows.map((c) => c.code)).toEqual(['2130199']);
    expect(r.aux.explanations).toBeUndefined();
    expect(r.findings).toEqual([]);
  });
});
