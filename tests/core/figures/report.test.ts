import { figuresJson, figuresSheetRows, reportFigures } from '../../../src/core/figures';
import { grid, WAN } from './helpers';

const wb = {
  file: 'r.xlsx',
  sheets: [
    grid('预算执行', [
      ['2024年1-6月收支执行表'],
      ['单位：万元'],
      ['项目', '年初预算', '本期累计', '上年同期'],
      ['一般公共预算收入', 1000, 600, null],
    ]),
    grid('报告模板', [['上半年收入{一般公共预算收入.本期累计:万元}万元，'], ['同比{一般公共预算收入.同比:%}。']]),
  ],
};

describe('reportFigures', () => {
  test('uses the 模板 sheet when no template is given; JSON lists the unfilled placeholder', () => {
    const r = reportFigures([wb]);
    expect(r.execution?.month).toBe(6);
    expect(r.fill?.text).toBe('上半年收入600.00万元，\n同比{一般公共预算收入.同比:%}。');
    const j = figuresJson(r);
    expect(j.unresolved).toEqual([{ placeholder: '{一般公共预算收入.同比:%}', reason: '上年同期为空' }]);
    expect(j.figures['一般公共预算收入.本期累计']).toEqual({ value: 600, unit: '万元', fen: 600 * WAN, source: '本期累计' });
  });

  test('an explicit template wins over the sheet; without any, no text and unresolved lists missing figures', () => {
    expect(reportFigures([wb], { template: '{月份}' }).fill?.text).toBe('6');
    const bare = reportFigures([{ file: 'r.xlsx', sheets: [wb.sheets[0]] }]);
    expect(bare.fill).toBeNull();
    const j = figuresJson(bare);
    expect(j.text).toBeUndefined();
    expect(j.unresolved).toContainEqual({ figure: '一般公共预算收入.同比', reason: '上年同期为空' });
  });

  test('figuresSheetRows: header, one row per figure, then the figures that could not be computed', () => {
    const rows = figuresSheetRows(reportFigures([wb]));
    expect(rows[0]).toEqual(['指标', '数值', '单位', '显示', '算法或来源']);
    expect(rows).toContainEqual(['一般公共预算收入.完成率', 60, '%', '60.0%', '本期累计 ÷ 年初预算']);
    expect(rows).toContainEqual(['一般公共预算收入.超序时', 10, '个百分点', '10.0', '完成率 − 序时进度']);
    expect(rows).toContainEqual(['一般公共预算收入.同比', '', '', '无法计算', '上年同期为空']);
  });
});
