import { createCatalog, defaultCatalog, entriesFromCatalogRows } from '../../../src/core/catalog';
import { FUNCTION_CLASSES, FUNCTION_ITEMS, FUNCTION_SECTIONS } from '../../../src/core/catalog/function-codes';
import { ECONOMIC_CLASSES, ECONOMIC_SECTIONS, GOV_ECONOMIC_CONFIRMED } from '../../../src/core/catalog/economic-codes';

const cat = defaultCatalog;

describe('function codes at each level', () => {
  test.each([
    ['201', '一般公共服务支出'],
    ['210', '卫生健康支出'],
    ['229', '其他支出'],
    ['20805', '行政事业单位养老支出'],
    ['21208', '国有土地使用权出让收入安排的支出'],
    ['2010101', '行政运行'],
    ['2080505', '机关事业单位基本养老保险缴费支出'],
    ['2120803', '城市建设支出'],
  ])('%s → %s', (code, name) => {
    expect(cat.functionName(code)).toBe(name);
  });

  test('unknown codes have no name', () => {
    expect(cat.functionName('218')).toBeUndefined();
    expect(cat.functionName('20898')).toBeUndefined();
    expect(cat.functionName('2')).toBeUndefined();
    expect(cat.functionName('')).toBeUndefined();
  });

  test('class and section membership look at the code prefix', () => {
    expect(cat.hasFunctionClass('2010101')).toBe(true);
    expect(cat.hasFunctionClass('218')).toBe(false);
    expect(cat.hasFunctionSection('2080599')).toBe(true);
    expect(cat.hasFunctionSection('20805')).toBe(true);
    expect(cat.hasFunctionSection('2089801')).toBe(false);
    expect(cat.hasFunctionSection('208')).toBe(false);
  });

  test('the administrative 项 pattern names unlisted 01/02/03/50 items of allow-listed 款', () => {
    expect(cat.functionName('2012901')).toBe('行政运行');
    expect(cat.functionName('2012903')).toBe('机关服务');
    expect(cat.functionName('2012950')).toBe('事业运行');
    expect(cat.functionName('2120103')).toBe('机关服务');
    // a listed 项 wins over the pattern
    expect(cat.functionName('2012902')).toBe('一般行政管理事务');
  });

  test('the pattern stays off where 款 use 01/02/03 for other things, and for xx99', () => {
    expect(cat.functionName('2101103')).toBeUndefined(); // 行政事业单位医疗, not 机关服务
    expect(cat.functionName('2210202')).toBeUndefined(); // 住房改革支出
    expect(cat.functionName('2080503')).toBeUndefined(); // 行政事业单位养老支出
    expect(cat.functionName('2013399')).toBeUndefined(); // 其他…支出 names vary
    expect(cat.nameMatches('function', '2101103', '公务员医疗补助')).toBe(true);
  });
});

describe('economic codes', () => {
  test.each([
    ['301', '工资福利支出'],
    ['30212', '因公出国（境）费用'],
    ['30213', '维修（护）费'],
    ['31013', '公务用车购置'],
    ['501', '机关工资福利支出'],
    ['50101', '工资奖金津补贴'],
    ['50501', '工资福利支出'],
  ])('%s → %s', (code, name) => {
    expect(cat.economicName(code)).toBe(name);
  });

  test('membership', () => {
    expect(cat.hasEconomicClass('30217')).toBe(true);
    expect(cat.hasEconomicClass('304')).toBe(false);
    expect(cat.hasEconomicSection('30217')).toBe(true);
    expect(cat.hasEconomicSection('30230')).toBe(false);
    expect(cat.hasEconomicSection('302')).toBe(false);
    expect(cat.hasEconomicSection('50201')).toBe(true);
  });

  test('function and economic code spaces are separate', () => {
    expect(cat.economicName('201')).toBeUndefined();
    expect(cat.functionName('301')).toBeUndefined();
  });
});

describe('nameMatches', () => {
  test('old class names still match (207/210/215/220 renames)', () => {
    expect(cat.nameMatches('function', '210', '医疗卫生与计划生育支出')).toBe(true);
    expect(cat.nameMatches('function', '207', '文化体育与传媒支出')).toBe(true);
    expect(cat.nameMatches('function', '215', '资源勘探信息等支出')).toBe(true);
    expect(cat.nameMatches('function', '220', '国土海洋气象等支出')).toBe(true);
    // the old stem inside a 款/项 name
    expect(cat.nameMatches('function', '20799', '其他文化体育与传媒支出')).toBe(true);
    expect(cat.nameMatches('function', '2079999', '其他文化体育与传媒支出')).toBe(true);
  });

  test('an old name only aliases its own class', () => {
    expect(cat.nameMatches('function', '208', '医疗卫生与计划生育支出')).toBe(false);
    expect(cat.nameMatches('function', '207', '医疗卫生与计划生育支出')).toBe(false);
  });

  test('a wrong name is a mismatch', () => {
    expect(cat.nameMatches('function', '2010101', '一般行政管理事务')).toBe(false);
    expect(cat.nameMatches('function', '2012901', '一般行政管理事务')).toBe(false); // pattern name is 行政运行
    expect(cat.nameMatches('function', '21011', '行政事业单位养老支出')).toBe(false);
    expect(cat.nameMatches('economic', '30217', '会议费')).toBe(false);
    expect(cat.nameMatches('economic', '30213', '维修费')).toBe(false);
  });

  test('width, spaces and brackets are normalised', () => {
    expect(cat.nameMatches('economic', '30213', '维修(护)费')).toBe(true);
    expect(cat.nameMatches('economic', '30213', '维修【护】费')).toBe(true);
    expect(cat.nameMatches('economic', '30212', ' 因公出国(境)费用 ')).toBe(true);
    expect(cat.nameMatches('economic', '30303', '退职(役)费')).toBe(true);
    expect(cat.nameMatches('function', '2010101', '行 政 运 行')).toBe(true);
    expect(cat.nameMatches('function', '20103', '政府办公厅(室)及相关机构事务')).toBe(true);
  });

  test('spellings the domain file shows for one economic code', () => {
    expect(cat.nameMatches('economic', '30212', '因公出国（境）费')).toBe(true);
    expect(cat.nameMatches('economic', '30231', '公务用车运行费')).toBe(true);
    expect(cat.nameMatches('economic', '31013', '公务用车购置费')).toBe(true);
    // no general 费/费用 rule
    expect(cat.nameMatches('economic', '30239', '其他交通费')).toBe(false);
  });

  test('ordinals, 其中 and a repeated code are not part of the name', () => {
    expect(cat.nameMatches('function', '201', '一、一般公共服务支出')).toBe(true);
    expect(cat.nameMatches('function', '201', '一般公共服务支出')).toBe(true);
    expect(cat.nameMatches('economic', '30231', '其中：公务用车运行维护费')).toBe(true);
    expect(cat.nameMatches('function', '2010101', '[2010101]行政运行')).toBe(true);
    expect(cat.nameMatches('function', '2010101', '2010101-行政运行')).toBe(true);
    expect(cat.nameMatches('function', '2010101', '2010101 一般行政管理事务')).toBe(false);
  });

  test('nothing to compare is a match', () => {
    expect(cat.nameMatches('function', '2189999', '随便什么')).toBe(true);
    expect(cat.nameMatches('function', '2013399', '其他宣传事务支出')).toBe(true);
    expect(cat.nameMatches('economic', '30230', '随便什么')).toBe(true);
    expect(cat.nameMatches('function', '2010101', '   ')).toBe(true);
  });
});

describe('extend', () => {
  test('adds and renames codes without touching the default catalogue', () => {
    const ext = defaultCatalog.extend([
      { code: '2189901', name: '测试项目', kind: 'function' },
      { code: '218', name: '测试类', kind: 'function' },
      { code: '30230', name: '测试款', kind: 'economic' },
      { code: '2010101', name: '机关行政运行', kind: 'function' },
    ]);
    expect(ext.functionName('2189901')).toBe('测试项目');
    expect(ext.hasFunctionClass('2189901')).toBe(true);
    expect(ext.hasFunctionSection('2189901')).toBe(false);
    expect(ext.economicName('30230')).toBe('测试款');
    expect(ext.nameMatches('function', '2010101', '机关行政运行')).toBe(true);
    expect(ext.nameMatches('function', '2010101', '行政运行')).toBe(false);
    expect(ext.functionName('201')).toBe('一般公共服务支出');

    expect(defaultCatalog.functionName('2189901')).toBeUndefined();
    expect(defaultCatalog.hasFunctionClass('218')).toBe(false);
    expect(defaultCatalog.economicName('30230')).toBeUndefined();
    expect(defaultCatalog.functionName('2010101')).toBe('行政运行');
  });

  test('a renamed economic code keeps the domain spellings', () => {
    const ext = defaultCatalog.extend([{ code: '30212', name: '因公出国（境）费用', kind: 'economic' }]);
    expect(ext.nameMatches('economic', '30212', '因公出国(境)费')).toBe(true);
  });

  test('createCatalog builds on the default', () => {
    const c = createCatalog([{ code: '21899', name: '其他测试支出', kind: 'function' }]);
    expect(c.functionName('21899')).toBe('其他测试支出');
    expect(c.functionName('2010101')).toBe('行政运行');
    expect(createCatalog().functionName('2080505')).toBe('机关事业单位基本养老保险缴费支出');
  });

  test('invalid entries are a programming error with a hint', () => {
    expect(() => defaultCatalog.extend([{ code: '2010', name: 'x', kind: 'function' }])).toThrow(/entriesFromCatalogRows/);
    expect(() => defaultCatalog.extend([{ code: '3021701', name: 'x', kind: 'economic' }])).toThrow(/3 or 5/);
    expect(() => defaultCatalog.extend([{ code: '30217', name: ' ', kind: 'economic' }])).toThrow(/empty name/);
  });
});

describe('entriesFromCatalogRows', () => {
  test('infers the kind from the first digit and skips what is not a code', () => {
    const rows = [
      { code: '科目编码', name: '科目名称' },
      { code: '2010101', name: '行政运行' },
      { code: '30217', name: '公务接待费' },
      { code: '50201', name: '办公经费' },
      { code: '１０１', name: '税收收入' }, // 收入分类: not held
      { code: '2010', name: '长度不对' },
      { code: '302170', name: '长度不对' },
      { code: '20101', name: '' },
      { code: ' 201 01 ', name: '　人大事务　' },
      { code: '2080505', name: '2080505 机关事业单位基本养老保险缴费支出' },
      { code: '2010102', name: '[2010102]一般行政管理事务' },
    ];
    expect(entriesFromCatalogRows(rows)).toEqual([
      { code: '2010101', name: '行政运行', kind: 'function' },
      { code: '30217', name: '公务接待费', kind: 'economic' },
      { code: '50201', name: '办公经费', kind: 'economic' },
      { code: '20101', name: '人大事务', kind: 'function' },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', kind: 'function' },
      { code: '2010102', name: '一般行政管理事务', kind: 'function' },
    ]);
  });

  test('a type column decides the kind; other types are skipped', () => {
    const rows = [
      { code: '2010101', name: '行政运行', type: '功能分类' },
      { code: '30217', name: '公务接待费', type: '部门经济分类' },
      { code: '50206', name: '公务接待费', type: '政府经济分类' },
      { code: '2070101', name: '行政运行', type: '' },
      { code: '10101', name: '增值税', type: '收入' },
    ];
    expect(entriesFromCatalogRows(rows)).toEqual([
      { code: '2010101', name: '行政运行', kind: 'function' },
      { code: '30217', name: '公务接待费', kind: 'economic' },
      { code: '50206', name: '公务接待费', kind: 'economic' },
      { code: '2070101', name: '行政运行', kind: 'function' },
    ]);
  });

  test('its output extends a catalogue', () => {
    const c = createCatalog(entriesFromCatalogRows([{ code: '2189901', name: '测试项目' }]));
    expect(c.nameMatches('function', '2189901', '测试项目')).toBe(true);
    expect(c.nameMatches('function', '2189901', '别的项目')).toBe(false);
  });
});

describe('data tables', () => {
  const all = [...FUNCTION_CLASSES, ...FUNCTION_SECTIONS, ...FUNCTION_ITEMS, ...ECONOMIC_CLASSES, ...ECONOMIC_SECTIONS, ...GOV_ECONOMIC_CONFIRMED];

  test('every code is well formed and listed once', () => {
    const seen = new Set<string>();
    for (const [code, name] of all) {
      expect([3, 5, 7]).toContain(code.length);
      expect(code).toMatch(/^\d+$/);
      expect(name.trim()).toBe(name);
      expect(seen.has(code)).toBe(false);
      seen.add(code);
    }
  });

  test('every listed 款 and 项 sits under a known parent', () => {
    for (const [code] of [...FUNCTION_SECTIONS, ...FUNCTION_ITEMS]) {
      expect({ code, classKnown: cat.hasFunctionClass(code) }).toEqual({ code, classKnown: true });
    }
    for (const [code] of FUNCTION_ITEMS) {
      expect({ code, sectionKnown: cat.hasFunctionSection(code) }).toEqual({ code, sectionKnown: true });
    }
    for (const [code] of ECONOMIC_SECTIONS) {
      expect({ code, classKnown: cat.hasEconomicClass(code) }).toEqual({ code, classKnown: true });
    }
  });
});
