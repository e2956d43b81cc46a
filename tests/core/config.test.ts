import { ConfigError, DEFAULT_CONFIG, PRESETS, configFromSettingRows, presetConfig, resolveConfig } from '../../src/core/config';

describe('rule parameters', () => {
  test('defaults follow SPEC §3/§7', () => {
    expect(DEFAULT_CONFIG.fundScope).toEqual(['一般公共预算拨款']);
    expect(DEFAULT_CONFIG.generalCut.rate).toBe(0.05);
    expect(DEFAULT_CONFIG.generalCut.excludeCodes).toEqual(['30205', '30206', '30208', '30209', '30228', '30229', '30239', '30240']);
    expect(DEFAULT_CONFIG.threePublic).toEqual({ rate: 0, allowVehiclePurchase: false });
    expect(DEFAULT_CONFIG.adminCut.enabled).toBe(false);
    expect(DEFAULT_CONFIG.livelihood.minShare).toBe(0.75);
    expect(DEFAULT_CONFIG.priority.onlyIncrease).toEqual(['205']);
    expect(DEFAULT_CONFIG.zbb).toEqual({ minExecRate: 0.8, minPerfScore: 80 });
    expect(DEFAULT_CONFIG.ppp.maxShare).toBe(0.1);
    expect(DEFAULT_CONFIG.tables.style).toBe('national');
  });

  test('a partial rules file is merged over the defaults; arrays replace', () => {
    const c = resolveConfig({ generalCut: { rate: 0.1 }, livelihood: { functionClasses: ['205'] } });
    expect(c.generalCut.rate).toBe(0.1);
    expect(c.generalCut.economicCodes).toEqual(DEFAULT_CONFIG.generalCut.economicCodes);
    expect(c.livelihood.functionClasses).toEqual(['205']);
    expect(c.livelihood.minShare).toBe(0.75);
  });

  test.each([
    [{ generalCut: { rate: 1.5 } }, '参数 generalCut.rate（一般性支出压减比例）超出范围：应不大于 1'],
    [{ tables: { style: 'beijing' } }, '参数 tables.style（报表样式）的值无效，可选值：national、shanghai'],
    [{ generalCut: { rat: 0.1 } }, '未知参数 generalCut.rat'],
    [{ adminCut: { enabled: 'yes' } }, '参数 adminCut.enabled（启用行政经费压减）的类型不对：应为是/否（true/false）'],
    [{ priority: { onlyIncrease: ['20x'] } }, '参数 priority.onlyIncrease.0'],
    [[1, 2], '规则文件应为 JSON 对象'],
  ])('invalid %j is a clear ConfigError', (input, message) => {
    expect(() => resolveConfig(input)).toThrow(ConfigError);
    expect(() => resolveConfig(input)).toThrow(message);
  });

  test('规则设置 rows: Chinese names and JSON paths, 5% and 0.05, lists, booleans, styles', () => {
    const { partial, unknown } = configFromSettingRows([
      { name: '一般性支出压减比例', value: '5%' },
      { name: 'threePublic.rate', value: 0.02 },
      { name: '只增不减功能分类', value: '205、210，213' },
      { name: '启用行政经费压减', value: '是' },
      { name: '报表样式', value: '上海' },
      { name: '民生占比最少单位数', value: '2' },
      { name: '不存在的参数', value: '1' },
    ]);
    expect(unknown).toEqual(['不存在的参数']);
    const c = resolveConfig(partial);
    expect(c.generalCut.rate).toBe(0.05);
    expect(c.threePublic.rate).toBe(0.02);
    expect(c.priority.onlyIncrease).toEqual(['205', '210', '213']);
    expect(c.adminCut.enabled).toBe(true);
    expect(c.tables.style).toBe('shanghai');
    expect(c.livelihood.minUnits).toBe(2);
  });

  test('two named presets besides the default change parameters', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['default', 'tight', 'narrow-livelihood']);
    expect(presetConfig('tight').generalCut.rate).toBe(0.1);
    expect(presetConfig('tight').adminCut.enabled).toBe(true);
    expect(presetConfig('narrow-livelihood').livelihood.functionClasses).toEqual(['205', '207', '208', '210', '221']);
    expect(() => presetConfig('nope')).toThrow('未知预设 nope');
  });

  test('a rules file may name a preset and override it', () => {
    const c = resolveConfig({ preset: 'tight', generalCut: { rate: 0.08 } });
    expect(c.generalCut.rate).toBe(0.08);
    expect(c.adminCut.enabled).toBe(true);
    expect(() => resolveConfig({ preset: 'loose' })).toThrow('未知预设 loose');
  });
});
