import fc from 'fast-check';
import { computeFigures } from '../../../src/core/figures/figures';
import { fillTemplate, parsePlaceholder, placeholdersOf, templateFromSheets } from '../../../src/core/figures/template';
import { execRow } from './helpers';

const set = computeFigures({
  execution: [
    execRow('一般公共预算收入', { initial: 60_999, actual: 24_627, prior: 25_697, month: 4 }),
    execRow('一般公共预算支出', { initial: 100_000, actual: 40_000, prior: 38_000, month: 4 }),
  ],
});
const fillText = (t: string): string => fillTemplate(t, set).text;

describe('placeholder grammar', () => {
  test('row, 指标 and 格式; full-width separators; workbook figures without a row', () => {
    expect(parsePlaceholder('{一般公共预算收入.同比:%1}')).toEqual({ text: '{一般公共预算收入.同比:%1}', row: '一般公共预算收入', metric: '同比', format: '%1' });
    expect(parsePlaceholder('{一般公共预算收入．同比：增减}')).toMatchObject({ row: '一般公共预算收入', metric: '同比', format: '增减' });
    expect(parsePlaceholder('{税收占比}')).toMatchObject({ row: null, metric: '税收占比', format: null });
    expect(placeholdersOf('a{x.y}b{{c}}{z:%}').map((p) => p.text)).toEqual(['{x.y}', '{z:%}']);
  });

  test('formats: 万元, 亿元, 元, %, %N, pp, 增减, 超低, word pairs, default by figure', () => {
    expect(fillText('{一般公共预算收入.本期累计:万元}|{一般公共预算收入.本期累计:亿元}|{一般公共预算收入.本期累计:元}')).toBe('24,627.00|2.46|246,270,000.00');
    expect(fillText('{一般公共预算收入.完成率:%}|{一般公共预算收入.完成率:%1}|{一般公共预算收入.完成率:%2}|{一般公共预算收入.完成率:%0}')).toBe('40.4%|40.4%|40.37%|40%');
    expect(fillText('{一般公共预算收入.超序时:pp}|{一般公共预算收入.超序时:超低}|{一般公共预算支出.同比:增减}')).toBe('7.0|超|增长');
    expect(fillText('{一般公共预算收入.增收额:增收/减收}|{一般公共预算支出.增收额:增收/减收}')).toBe('减收|增收');
    expect(fillText('{一般公共预算收入.本期累计}|{一般公共预算收入.同比}|{一般公共预算收入.超序时}|{一般公共预算收入.月份}')).toBe('24,627.00|-4.2%|7.0|4');
  });

  test('{{ and }} are literal braces', () => {
    expect(fillText('{{注}}{一般公共预算收入.月份}')).toBe('{注}4');
  });
});

describe('sign rule', () => {
  test('a number prints its sign unless a direction placeholder for the same figure precedes it in the sentence', () => {
    expect(fillText('同比{一般公共预算收入.同比:%}')).toBe('同比-4.2%');
    expect(fillText('同比{一般公共预算收入.同比:增减}{一般公共预算收入.同比:%}')).toBe('同比下降4.2%');
    // Another figure's direction word does not make this one a magnitude.
    expect(fillText('{一般公共预算支出.同比:增减}，{一般公共预算收入.同比:%}')).toBe('增长，-4.2%');
    // A new sentence needs its own direction word.
    expect(fillText('{一般公共预算收入.同比:增减}。{一般公共预算收入.同比:%}')).toBe('下降。-4.2%');
    expect(fillText('{一般公共预算收入.同比:增减}；\n{一般公共预算收入.增收额:万元}')).toBe('下降；\n-1,070.00');
    // Commas do not end the sentence.
    expect(fillText('{一般公共预算收入.增收额:增收/减收}，共{一般公共预算收入.增收额:万元}万元')).toBe('减收，共1,070.00万元');
    // A hard-coded 增长 never hides a decline.
    expect(fillText('同比增长{一般公共预算收入.同比:%}')).toBe('同比增长-4.2%');
  });

  test('zero takes the first word', () => {
    const flat = computeFigures({ execution: [execRow('收入', { actual: 10, prior: 10 })] });
    expect(fillTemplate('{收入.同比:增减}{收入.同比:%}', flat).text).toBe('增长0.0%');
  });

  test('property: "{增减}{%}" is the signed "%" with its sign turned into a word', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (actualFen, priorFen) => {
        const s = computeFigures({ execution: [{ ...execRow('收入', {}), actualFen, priorSameFen: priorFen }] });
        const signed = fillTemplate('{收入.同比:%}', s).text;
        const worded = fillTemplate('{收入.同比:增减}{收入.同比:%}', s).text;
        const expected = actualFen < priorFen ? `下降${signed.replace(/^-/, '')}` : `增长${signed}`;
        expect(worded).toBe(expected);
      }),
    );
  });
});

describe('unresolved placeholders', () => {
  test('are left as written and listed once each, in order, with the reason', () => {
    const t = '{一般公共预算收入.完成率:%}，{税收收入.同比:%}，{一般公共预算收入.同比:万元}，{一般公共预算收入.完成率:元}，{一般公共预算收入.完成率:千分比}，{税收收入.同比:%}，{}';
    const r = fillTemplate(t, set);
    expect(r.text).toBe('40.4%，{税收收入.同比:%}，{一般公共预算收入.同比:万元}，{一般公共预算收入.完成率:元}，{一般公共预算收入.完成率:千分比}，{税收收入.同比:%}，{}');
    expect(r.filled).toBe(1);
    expect(r.unresolved).toEqual([
      { placeholder: '{税收收入.同比:%}', reason: '预算执行表中没有“税收收入”行' },
      { placeholder: '{一般公共预算收入.同比:万元}', reason: '格式“万元”只用于金额，一般公共预算收入.同比 是比率' },
      { placeholder: '{一般公共预算收入.完成率:元}', reason: '格式“元”只用于金额，一般公共预算收入.完成率 是比率' },
      { placeholder: '{一般公共预算收入.完成率:千分比}', reason: '未知格式“千分比”：可用 万元、亿元、元、%、%N、pp、增减、超低 或“甲/乙”' },
      { placeholder: '{}', reason: '占位符是空的' },
    ]);
  });

  test('property: filling never throws and text outside placeholders is kept', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const plain = s.replace(/[{}]/g, '');
        const r = fillTemplate(plain + '{不存在.同比}', set);
        expect(r.text).toBe(plain + '{不存在.同比}');
        expect(r.unresolved).toHaveLength(1);
      }),
    );
  });
});

describe('templateFromSheets', () => {
  test('a sheet named …模板… gives its text rows', () => {
    expect(templateFromSheets([{ name: '预算执行', cells: [] }, { name: '报告模板', cells: [['第一段', null], [], [null, '第二段{月份}']] }])).toBe('第一段\n第二段{月份}');
    expect(templateFromSheets([{ name: '预算执行', cells: [['x']] }])).toBeNull();
  });
});
