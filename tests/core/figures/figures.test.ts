import { computeFigures, lookupFigure } from '../../../src/core/figures/figures';
import type { FigureSet } from '../../../src/core/figures/figures';
import { fillTemplate } from '../../../src/core/figures/template';
import { resolveConfig } from '../../../src/core/config';
import { execRow, line, WAN } from './helpers';

/** The placeholder's filled text, or throw with the unresolved reason. */
function fill(set: FigureSet, placeholder: string): string {
  const r = fillTemplate(placeholder, set);
  if (r.unresolved.length > 0) throw new Error(`${placeholder}: ${r.unresolved[0].reason}`);
  return r.text;
}

function reason(set: FigureSet, placeholder: string): string {
  const r = fillTemplate(placeholder, set);
  expect(r.text).toBe(placeholder);
  expect(r.unresolved).toHaveLength(1);
  return r.unresolved[0].reason;
}

describe('domain/ §5 cases', () => {
  test('泉州 2023 Q1: 31.7% of the annual budget in Q1 is 超序时进度 6.7 个百分点', () => {
    const set = computeFigures({ execution: [execRow('一般公共预算收入', { initial: 100_000, actual: 31_700, month: 3 })] });
    expect(fill(set, '{一般公共预算收入.完成率:%}')).toBe('31.7%');
    expect(fill(set, '{一般公共预算收入.序时进度:%}')).toBe('25.0%');
    expect(fill(set, '{一般公共预算收入.超序时:pp}')).toBe('6.7');
    expect(fill(set, '{一般公共预算收入.超序时:超低}')).toBe('超');
    // 超序时金额 = 6.7% × 100,000 = 6,700 万元
    expect(fill(set, '{一般公共预算收入.超序时金额:万元}')).toBe('6,700.00');
  });

  test('大姚 2024年4月: 24,627 of 年初预算 60,999 = 40.4%, 减收 1,070, 下降 4.2%', () => {
    const set = computeFigures({ execution: [execRow('一般公共预算收入', { initial: 60_999, actual: 24_627, prior: 25_697, month: 4 })] });
    const t = '收入{一般公共预算收入.本期累计:万元}万元，完成年初预算的{一般公共预算收入.完成率:%}；比上年{一般公共预算收入.增收额:增收/减收}{一般公共预算收入.增收额:万元}万元，{一般公共预算收入.同比:增减}{一般公共预算收入.同比:%}。';
    const r = fillTemplate(t, set);
    expect(r.unresolved).toEqual([]);
    expect(r.text).toBe('收入24,627.00万元，完成年初预算的40.4%；比上年减收1,070.00万元，下降4.2%。');
    // 40.37% − 33.33% computed exactly: 7.04 → 7.0 (not 40.4 − 33.3 = 7.1 from rounded parts)
    expect(fill(set, '{一般公共预算收入.超序时:pp}')).toBe('7.0');
    expect(fill(set, '{一般公共预算收入.序时进度:%}')).toBe('33.3%');
  });

  test('荔城 2024: 491,446 of 调整预算 489,000 = 100.5%, 增长 0.6%', () => {
    const set = computeFigures({ execution: [execRow('一般公共预算总收入', { initial: 470_000, adjusted: 489_000, actual: 491_446, prior: 488_500, month: 12 })] });
    expect(fill(set, '{一般公共预算总收入.完成率:%}')).toBe('100.5%');
    expect(fill(set, '{一般公共预算总收入.调整完成率:%}')).toBe('100.5%');
    expect(fill(set, '{一般公共预算总收入.年初完成率:%}')).toBe('104.6%');
    expect(fill(set, '{一般公共预算总收入.预算:万元}')).toBe('489,000.00');
    expect(fill(set, '{一般公共预算总收入.同比:增减}{一般公共预算总收入.同比:%}')).toBe('增长0.6%');
    expect(fill(set, '{一般公共预算总收入.增收额:万元}')).toBe('2,946.00');
    // December: 序时 100%, 超序时 0.5 个百分点
    expect(fill(set, '{一般公共预算总收入.超序时:超低}序时进度{一般公共预算总收入.超序时:pp}个百分点')).toBe('超序时进度0.5个百分点');
  });

  test('绵竹 2025 “三公”经费 from budget lines: 1,969 vs 2,190 万元 → 压减 221 万元, 10.1%', () => {
    const lines = [
      line({ economicCode: '30212', amountWan: 0, priorWan: 31 }),
      line({ economicCode: '30217', amountWan: 402, priorWan: 422 }),
      line({ economicCode: '30231', amountWan: 1_567, priorWan: 1_737 }),
      line({ economicCode: '30201', amountWan: 5_000, priorWan: 4_000 }), // 办公费: not 三公
      line({ economicCode: '30217', amountWan: 99, priorWan: 1, fundSource: '事业收入' }), // outside fund scope
    ];
    const set = computeFigures({ execution: [], lines });
    expect(fill(set, '{三公经费:万元}')).toBe('1,969.00');
    expect(fill(set, '{三公经费上年:万元}')).toBe('2,190.00');
    expect(fill(set, '{“三公”经费压减额:万元}')).toBe('221.00');
    expect(fill(set, '{“三公”经费压减率:%}')).toBe('10.1%');
    expect(set.figures.get('三公经费压减额')?.value).toEqual({ kind: 'money', fen: 221 * WAN });
  });

  test('绵竹 from prior-year lines instead of prior columns', () => {
    const cur = [line({ economicCode: '30217', amountWan: 1_969 })];
    const prior = [line({ economicCode: '30231', amountWan: 2_000 }), line({ economicCode: '31013', amountWan: 190 })];
    const set = computeFigures({ execution: [], lines: cur, priorLines: prior });
    expect(fill(set, '{三公经费压减率:%}')).toBe('10.1%');
  });

  test('绵竹 from a “三公”经费 row of the execution sheet', () => {
    const set = computeFigures({ execution: [execRow('“三公”经费', { actual: 1_969, prior: 2_190 })] });
    expect(fill(set, '{三公经费压减额:万元}，{三公经费压减率:%2}')).toBe('221.00，10.09%');
    expect(fill(set, '{“三公”经费.同比:增减}{“三公”经费.同比:%}')).toBe('下降10.1%');
  });
});

describe('workbook figures', () => {
  const rows = [
    execRow('一般公共预算收入', { initial: 100_000, actual: 40_000, prior: 38_000, month: 4 }),
    execRow('税收收入', { initial: 70_000, actual: 26_476, prior: 25_000, month: 4 }),
    execRow('一般公共预算支出', { initial: 200_000, actual: 60_000, prior: 62_000, month: 4 }),
    execRow('民生支出', { actual: 45_000, prior: 44_000, month: 4 }),
    execRow('保工资', { actual: 10_000, prior: 9_800, month: 4 }),
    execRow('保运转', { actual: 1_000, prior: 1_000, month: 4 }),
    execRow('保基本民生', { actual: 5_000, prior: 4_800, month: 4 }),
  ];
  const set = computeFigures({ execution: rows });

  test('税收占比 = 税收收入 ÷ 一般公共预算收入', () => {
    expect(fill(set, '{税收占比:%2}')).toBe('66.19%');
  });

  test('民生支出占比 from rows', () => {
    expect(fill(set, '{民生支出占比}')).toBe('75.0%');
    expect(set.figures.get('民生支出占比')?.source).toBe('民生支出 ÷ 一般公共预算支出（本期累计）');
  });

  test('“三保”支出 and its growth from 保工资 + 保运转 + 保基本民生', () => {
    expect(fill(set, '{三保支出:亿元}亿元，较上年{三保支出增长:增减}{三保支出增长:%}')).toBe('1.60亿元，较上年增长2.6%');
  });

  test('月份 shared by all rows', () => {
    expect(fill(set, '1-{月份}月')).toBe('1-4月');
  });

  test('民生支出占比 from budget lines with the configured classes, excluding 230/231 from the total', () => {
    const lines = [
      line({ functionCode: '2050201', amountWan: 600 }),
      line({ functionCode: '2080501', amountWan: 150 }),
      line({ functionCode: '2010101', amountWan: 250 }),
      line({ functionCode: '2310301', amountWan: 400 }), // 债务还本: out of the denominator
    ];
    const s = computeFigures({ execution: [], lines });
    expect(fill(s, '{民生支出占比:%}')).toBe('75.0%');
    const narrow = computeFigures({ execution: [], lines, config: resolveConfig({ livelihood: { functionClasses: ['205'] } }) });
    expect(fill(narrow, '{民生支出占比:%}')).toBe('60.0%');
  });

  test('“三保”支出 growth from lines tagged 三保', () => {
    const lines = [line({ sanbao: '保工资', amountWan: 1_028, priorWan: 1_000 }), line({ amountWan: 50, priorWan: 10 })];
    const s = computeFigures({ execution: [], lines });
    expect(fill(s, '{三保支出增长:%}')).toBe('2.8%');
  });

  test('workbook figures that cannot be computed give their reason', () => {
    const s = computeFigures({ execution: [execRow('一般公共预算收入', { actual: 1 })] });
    expect(reason(s, '{税收占比}')).toBe('预算执行表中没有“税收收入”行');
    expect(reason(s, '{三公经费压减率}')).toMatch(/没有“三公”经费/);
    expect(reason(s, '{民生支出占比}')).toMatch(/没有“民生支出”/);
    const noPrior = computeFigures({ execution: [], lines: [line({ economicCode: '30217', amountWan: 5 })] });
    expect(reason(noPrior, '{三公经费压减率}')).toMatch(/上年数为空/);
  });
});

describe('missing inputs and division by zero (domain/ §4.2 G6)', () => {
  const set = computeFigures({
    execution: [
      execRow('非税收入', { initial: 0, actual: 500, month: 4 }),
      execRow('政府性基金收入', { initial: 1_000, actual: 300, prior: 0 }),
    ],
  });

  test('年初预算 0 is not a 完成率 denominator', () => {
    expect(reason(set, '{非税收入.完成率:%}')).toBe('年初预算为 0，不能作为完成率的分母');
    expect(reason(set, '{非税收入.超序时:pp}')).toBe('年初预算为 0，无法计算完成率');
  });

  test('blank 上年同期, 上年同期 0 and no month', () => {
    expect(reason(set, '{非税收入.同比:%}')).toBe('上年同期为空');
    expect(reason(set, '{非税收入.增收额:万元}')).toBe('上年同期为空');
    expect(reason(set, '{政府性基金收入.同比:%}')).toBe('上年同期为 0，无法计算同比');
    expect(reason(set, '{政府性基金收入.序时进度:%}')).toMatch(/未给出月份/);
  });

  test('unknown row and unknown 指标', () => {
    expect(reason(set, '{税收收入.同比}')).toMatch(/没有“税收收入”行/);
    expect(reason(set, '{收入.同比}')).toBe('预算执行表中没有“收入”行，是否指“非税收入”“政府性基金收入”？');
    expect(reason(set, '{非税收入.增长倍数}')).toMatch(/^未知指标“增长倍数”/);
    expect(reason(set, '{不存在的指标}')).toMatch(/^未知指标/);
  });

  test('调整预算 0 counts as not filled', () => {
    const s = computeFigures({ execution: [execRow('收入', { initial: 200, adjusted: 0, actual: 50 })] });
    expect(fill(s, '{收入.完成率}')).toBe('25.0%');
    expect(reason(s, '{收入.调整完成率}')).toBe('调整预算为 0，不能作为完成率的分母');
  });
});

describe('lookup', () => {
  const set = computeFigures({ execution: [execRow('一般公共预算收入', { initial: 100, actual: 40, prior: 50, month: 6 })] });

  test('aliases of 指标 and a bare row name mean the same figure', () => {
    const names = ['完成数', '累计', '本期累计'].map((m) => (lookupFigure(set, '一般公共预算收入', m) as { figure: { name: string } }).figure.name);
    expect(new Set(names)).toEqual(new Set(['一般公共预算收入.本期累计']));
    expect(fill(set, '{一般公共预算收入}')).toBe('40.00');
    expect(fill(set, '{一般公共预算收入.同比增长:%}')).toBe('-20.0%');
    expect(fill(set, '{一般公共预算收入.超序时进度:超低}')).toBe('低于');
  });

  test('超序时金额 is negative when behind 序时 and rounds to the 分', () => {
    const s = computeFigures({ execution: [execRow('收入', { initial: 0.07, actual: 0.01, month: 1 })] });
    // 0.01 − 0.07 × 1/12 万元 = 100 − 58.33 元 = 41.67 元
    expect(s.figures.get('收入.超序时金额')?.value).toEqual({ kind: 'money', fen: 4167 });
    const behind = computeFigures({ execution: [execRow('收入', { initial: 0.07, actual: 0, month: 1 })] });
    expect(behind.figures.get('收入.超序时金额')?.value).toEqual({ kind: 'money', fen: -5833 }); // −58.33 元
  });
});
