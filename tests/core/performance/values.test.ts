import { costFen, MEASURABLE_WORDS, NUMERIC_LEVEL2, VAGUE_WORDS, valueClassifier } from '../../../src/core/performance';
import { splitCodeName } from '../../../src/core/performance/headers';
import { perfVagueTail } from '../../../src/core/messages/performance';

const classify = valueClassifier({ vagueWords: VAGUE_WORDS, measurableWords: MEASURABLE_WORDS, numericLevel2: NUMERIC_LEVEL2 });

describe('指标值: measurable or not (PERF.VAGUE_VALUE)', () => {
  test.each([
    // 财预〔2021〕101号-style quantified values
    ['数量指标', '≥1200平方米', null],
    ['质量指标', '≥95%', null],
    ['时效指标', '≤30 日', null],
    ['时效指标', '2025年12月31日前', null],
    ['成本指标', '≤50万元', null],
    ['质量指标', '达标', null],
    ['效益指标', '是', null],
    ['社会效益指标', '＞９０％', null], // full width
    // vague
    ['质量指标', '明显提升', 'vagueWord:明显提升'],
    ['社会效益指标', '有所改善', 'vagueWord:有所改善'],
    ['质量指标', '良好', 'vagueWord:良好'],
    ['可持续影响指标', '逐步完善', 'vagueWord:逐步完善'],
    ['经济效益指标', '进一步提高', 'vagueWord:进一步提高'],
    ['质量指标', '确保安全', 'vagueWord:确保'],
    ['数量指标', '若干', 'noNumber'],
    ['时效指标', '按期完成', 'noNumber'],
    ['成本指标', '控制在预算内', 'noNumber'],
    ['社会效益指标', '促进社会和谐', 'notMeasurable'],
    ['质量指标', '', 'blank'],
  ])('%s “%s” → %s', (level2, value, expected) => {
    const v = classify(level2, value);
    expect(v === null ? null : v.kind === 'vagueWord' ? `vagueWord:${v.word}` : v.kind).toBe(expected);
  });

  test('the lists are data: a replaced list changes the verdict', () => {
    const strict = valueClassifier({ vagueWords: ['良好'], measurableWords: [], numericLevel2: NUMERIC_LEVEL2 });
    expect(strict('质量指标', '达标')?.kind).toBe('notMeasurable');
    expect(strict('质量指标', '明显提升')?.kind).toBe('notMeasurable');
  });
});

describe('成本指标 money', () => {
  test.each([
    ['≤50万元', 50_000_000],
    ['≤ 500,000 元', 50_000_000],
    ['60万元以内', 60_000_000],
    ['30元/人', null],
    ['每人不超过300元', null],
    ['≤95%', null],
  ])('%s → %s', (value, fen) => expect(costFen(value)).toBe(fen));
});

describe('code-name cells', () => {
  test.each([
    ['820001-井研县马踏镇人民政府', '820001', '井研县马踏镇人民政府'],
    ['[P001]校舍维修', '', '[P001]校舍维修'],
    ['【511123】教育局', '511123', '教育局'],
    ['2025年春季开学补助', '', '2025年春季开学补助'],
    ['县教育局', '', '县教育局'],
  ])('%s', (s, code, name) => expect(splitCodeName(s)).toEqual({ code, name }));
});

describe('the VAGUE_VALUE message names the vague word only when the value says more', () => {
  test.each([
    ['良好', '”指标值“良好”是定性表述，无法衡量；'],
    [' 良 好 ', '”指标值“ 良 好 ”是定性表述，无法衡量；'],
    ['服务质量明显提升', '”指标值“服务质量明显提升”用“明显提升”表述，无法衡量；'],
  ])('%s', (value, start) => {
    const v = classify('质量指标', value);
    expect(v).not.toBeNull();
    expect(perfVagueTail(value, '质量指标', v!)).toMatch(new RegExp('^' + start));
  });
});
