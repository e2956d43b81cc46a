/**
 * figures --fill (issue 17): tables of (draft sentence, sheet, filled sentence) in the wording of
 * county finance-bureau drafts. The expected numbers were worked out by hand from the sheet below:
 *   一般公共预算收入 74,356 / 年初 186,500 / 上年 70,120, 1-4月: 同比 +6.04%, 完成率 39.87%,
 *     超序时 39.87 − 33.33 = 6.54 个百分点, 增收 4,236, 7.4356 亿元;
 *   税收收入 52,873 / 上年 49,500: +6.81%, 占收入 71.11%;   非税收入 21,483 / 20,620: +4.19%, 28.89%;
 *   一般公共预算支出 118,642 / 调整 360,000 / 年初 352,000 / 上年 121,850: −2.63%, 完成率 32.96%,
 *     年初完成率 33.70%, 超序时 −0.38, 减支 3,208;
 *   民生支出 91,038 / 上年 90,210: +0.92%, 占支出 76.73%;   “三保”支出 61,250 / 59,580: +2.80%, 6.125 亿元;
 *   土地出让收入 30,000, 上年同期空白.
 */
import { computeFigures, fillDraft } from '../../../src/core/figures';
import { compileWords, mergeDraftWords } from '../../../src/core/figures/draft-words';
import type { ExecutionRow } from '../../../src/core/context';
import { execRow } from './helpers';

const SHEET: ExecutionRow[] = [
  execRow('一般公共预算收入', { initial: 186_500, actual: 74_356, prior: 70_120, month: 4 }),
  execRow('税收收入', { initial: 128_000, actual: 52_873, prior: 49_500, month: 4 }),
  execRow('非税收入', { initial: 58_500, actual: 21_483, prior: 20_620, month: 4 }),
  execRow('一般公共预算支出', { initial: 352_000, adjusted: 360_000, actual: 118_642, prior: 121_850, month: 4 }),
  execRow('民生支出', { initial: 270_000, adjusted: 275_000, actual: 91_038, prior: 90_210, month: 4 }),
  execRow('“三保”支出', { initial: 180_000, actual: 61_250, prior: 59_580, month: 4 }),
  execRow('土地出让收入', { initial: 90_000, actual: 30_000, prior: null, month: 4 }),
];
/** The same county a month later, named 地方一般公共预算收入 and 财政支出 on the sheet. */
const SHEET_B: ExecutionRow[] = [
  execRow('地方一般公共预算收入', { initial: 200_000, actual: 210_600, prior: 183_400, month: 12 }),
  execRow('税收收入', { actual: 150_300, prior: 128_500, month: 12 }),
  execRow('财政支出', { actual: 402_000, prior: 415_000, month: 12 }),
];

const fill = (draft: string, rows: ExecutionRow[] = SHEET, fixWords = false) => fillDraft(draft, computeFigures({ execution: rows }), { fixWords });

describe('every measure, 万元 and 亿元: (draft, sheet, filled)', () => {
  test.each([
    ['本期累计 in 万元, 月份', '1-XX月，全县一般公共预算收入完成XXX万元。', SHEET, '1-4月，全县一般公共预算收入完成74,356.00万元。'],
    ['本期累计 in 亿元, the row after 完成', '全年完成地方一般公共预算收入XX亿元。', SHEET_B, '全年完成地方一般公共预算收入21.06亿元。'],
    ['同比增长, 超序时进度 … 个百分点, 增收', '1-XX月，全区一般公共预算收入完成XXX万元，同比增长XX%，超序时进度X个百分点，增收XXX万元。', SHEET,
      '1-4月，全区一般公共预算收入完成74,356.00万元，同比增长6.0%，超序时进度6.5个百分点，增收4,236.00万元。'],
    ['财政支出 = 一般公共预算支出, 同比下降 shows the magnitude', '1-XX月份，全县财政支出XXX万元，同比下降XX%。', SHEET, '1-4月份，全县财政支出118,642.00万元，同比下降2.6%。'],
    ['低于序时进度, 减支', '全县一般公共预算支出完成XXX万元，低于序时进度X个百分点，同比减支XXX万元。', SHEET,
      '全县一般公共预算支出完成118,642.00万元，低于序时进度0.4个百分点，同比减支3,208.00万元。'],
    ['完成率: 完成调整预算的 / 为年初预算的 / 完成年度目标任务的', '全县一般公共预算支出完成调整预算的XX%，为年初预算的XX%；一般公共预算收入完成年度目标任务的XX%。', SHEET,
      '全县一般公共预算支出完成调整预算的33.0%，为年初预算的33.7%；一般公共预算收入完成年度目标任务的39.9%。'],
    ['占年度目标任务 on a year-end sheet', '预计完成地方一般公共预算收入XX亿元，占年度目标任务XX%，增长XX%。', SHEET_B,
      '预计完成地方一般公共预算收入21.06亿元，占年度目标任务105.3%，增长14.8%。'],
    ['占比 of the row before 其中', '1-XX月份，全县财政支出XXX万元，同比下降XX%，其中民生领域支出XXX万元，占比XX%。', SHEET,
      '1-4月份，全县财政支出118,642.00万元，同比下降2.6%，其中民生领域支出91,038.00万元，占比76.7%。'],
    ['占…比重为 names the total; 其中 in a sentence of its own', '全区财政支出完成XXX万元，同比下降XX%。其中，用于民生领域支出达XXX万元，占总支出比重为XX%。', SHEET,
      '全区财政支出完成118,642.00万元，同比下降2.6%。其中，用于民生领域支出达91,038.00万元，占总支出比重为76.7%。'],
    ['占比 without 其中: the listed parent (税收收入 → 一般公共预算收入)', '税收收入XX亿元，占比XX%；非税收入XX亿元，占一般公共预算收入的XX%。', SHEET,
      '税收收入5.29亿元，占比71.1%；非税收入2.15亿元，占一般公共预算收入的28.9%。'],
    ['“三保”支出 in 亿元 (6.125 rounds away from zero), 较上年增长', '“三保”支出XX亿元，较上年增长XX%。', SHEET, '“三保”支出6.13亿元，较上年增长2.8%。'],
    ['x, Ｘ and X.XX: the X\'s after the dot fix the decimals', '全县一般公共预算收入完成ｘｘｘ万元，同比增长X.XX%，超序时进度Ｘ个百分点。', SHEET,
      '全县一般公共预算收入完成74,356.00万元，同比增长6.04%，超序时进度6.5个百分点。'],
    ['XX县 is a name and 20XX年 a year, not figures', 'XX县20XX年1-XX月一般公共预算收入完成XXX万元。', SHEET, 'XX县20XX年1-4月一般公共预算收入完成74,356.00万元。'],
  ])('%s', (_what, draft, rows, filled) => {
    const r = fill(draft, rows);
    expect(r.text).toBe(filled);
    expect(r.unresolved).toEqual([]);
    expect(r.mismatches).toEqual([]);
  });
});

describe('carried-over rows', () => {
  test.each([
    ['the 增长 after 其中税收收入 is 税收收入\'s', '全县一般公共预算收入完成XXX万元，增长XX%，其中税收收入完成XX亿元，增长XX%。',
      '全县一般公共预算收入完成74,356.00万元，增长6.0%，其中税收收入完成5.29亿元，增长6.8%。', ['一般公共预算收入', '一般公共预算收入', '税收收入', '税收收入']],
    ['a clause naming the row without a figure', '一般公共预算收入中，税收收入XX亿元，同比增长XX%，非税收入XX亿元，同比增长XX%。',
      '一般公共预算收入中，税收收入5.29亿元，同比增长6.8%，非税收入2.15亿元，同比增长4.2%。', ['税收收入', '税收收入', '非税收入', '非税收入']],
    ['across a 。 within the paragraph', '全县一般公共预算支出完成XXX万元。比上年同期下降XX%。',
      '全县一般公共预算支出完成118,642.00万元。比上年同期下降2.6%。', ['一般公共预算支出', '一般公共预算支出']],
  ])('%s', (_what, draft, filled, rows) => {
    const r = fill(draft);
    expect(r.text).toBe(filled);
    expect(r.filled.map((f) => f.row)).toEqual(rows);
  });

  test('a new line starts without a row: 同比增长XX% alone is not guessed', () => {
    const r = fill('全县一般公共预算收入完成XXX万元。\n同比增长XX%。');
    expect(r.text).toBe('全县一般公共预算收入完成74,356.00万元。\n同比增长XX%。');
    expect(r.unresolved).toEqual([expect.objectContaining({ line: 2, context: '同比增长XX%', reason: expect.stringContaining('没有写明是哪一项') })]);
  });
});

describe('signs and words', () => {
  test.each([
    ['增长 with a decline stays X and is reported', '全县财政支出XXX万元，同比增长XX%。', false, '全县财政支出118,642.00万元，同比增长XX%。', '数据为下降 2.6%，原文为“增长”'],
    ['超序时进度 with a lag', '一般公共预算支出超序时进度X个百分点。', false, '一般公共预算支出超序时进度X个百分点。', '数据为低于 0.4个百分点，原文为“超”'],
    ['下降 with a rise', '全县一般公共预算收入同比下降XX%。', false, '全县一般公共预算收入同比下降XX%。', '数据为增长 6.0%，原文为“下降”'],
    ['--fix-words: 增长 → 下降', '全县财政支出XXX万元，同比增长XX%。', true, '全县财政支出118,642.00万元，同比下降2.6%。', null],
    ['--fix-words: 超 → 低于', '一般公共预算支出超序时进度X个百分点。', true, '一般公共预算支出低于序时进度0.4个百分点。', null],
    ['--fix-words: 下降 → 增长, 减收 → 增收', '全县一般公共预算收入同比下降XX%，减收XXX万元。', true, '全县一般公共预算收入同比增长6.0%，增收4,236.00万元。', null],
    ['--fix-words: 增支 → 减支', '全县一般公共预算支出同比增支XXX万元。', true, '全县一般公共预算支出同比减支3,208.00万元。', null],
  ])('%s', (_what, draft, fixWords, filled, reason) => {
    const r = fill(draft, SHEET, fixWords);
    expect(r.text).toBe(filled);
    if (reason === null) {
      expect(r.unresolved).toEqual([]);
      expect(r.filled.some((f) => f.word)).toBe(true);
      expect(r.text).not.toMatch(/-\d/);
    } else expect(r.unresolved.map((u) => u.reason)).toEqual([reason]);
  });

  test('the turned word is recorded, and the highlight covers the inserted number', () => {
    const r = fill('全县财政支出同比增长XX%。', SHEET, true);
    expect(r.filled).toEqual([{ line: 1, context: '全县财政支出同比增长XX%', row: '一般公共预算支出', measure: '同比', value: '2.6%', start: 10, end: 13, word: { from: '增长', to: '下降' } }]);
    expect(r.text.slice(r.filled[0].start, r.filled[0].end)).toBe('2.6');
  });
});

describe('figures already written', () => {
  test.each([
    ['within the printed rounding: 7% for 6.81%, 6.0% for 6.04%', '其中税收收入完成XX亿元，增长7%；一般公共预算收入同比增长6.0%。', SHEET, [], 2],
    ['amounts at their printed decimals and separators', '全县一般公共预算收入完成74,356万元，其中税收收入5.3亿元。', SHEET, [], 2],
    ['a rise written where the data fell', '全县财政支出同比增长2.6%。', SHEET, [{ stated: '增长2.6%', actual: '下降2.6%' }], 1],
    ['a figure that is off', '全县民生支出XXX万元，占比76.1%，同比增长0.9%，“三保”支出6.1亿元，较上年增长3.6%。', SHEET,
      [{ stated: '76.1%', actual: '76.7%' }, { stated: '3.6%', actual: '2.8%' }], 4],
    ['a month that is not the sheet\'s', '1-3月，全县一般公共预算收入同比增长6.0%。', SHEET, [{ stated: '3月', actual: '4月' }], 2],
  ])('%s', (_what, draft, rows, mismatches, checked) => {
    const r = fill(draft, rows);
    expect(r.mismatches.map((m) => ({ stated: m.stated, actual: m.actual }))).toEqual(mismatches);
    expect(r.checked).toBe(checked);
  });

  test('SHEET_B: 105.3%, 14.8% and 17% agree within their rounding; 103.5% does not', () => {
    // 210,600 ÷ 200,000 = 105.30%; 210,600 ÷ 183,400 − 1 = 14.83%; 150,300 ÷ 128,500 − 1 = 16.96% → 17%.
    const r = fill('全年完成地方一般公共预算收入XX亿元，占年度目标105.3%，增长14.8%，其中税收收入XX亿元，增长17%。', SHEET_B);
    expect(r.text).toBe('全年完成地方一般公共预算收入21.06亿元，占年度目标105.3%，增长14.8%，其中税收收入15.03亿元，增长17%。');
    expect(r.mismatches).toEqual([]);
    expect(r.checked).toBe(3);
    const off = fill('全年完成地方一般公共预算收入XX亿元，占年度目标任务的103.5%，增长14.8%。', SHEET_B);
    expect(off.mismatches).toEqual([expect.objectContaining({ line: 1, context: '占年度目标任务的103.5%', row: '地方一般公共预算收入', measure: '完成率', stated: '103.5%', actual: '105.3%' })]);
  });

  test('an approximate figure and one without data are listed as not checked, never as agreeing', () => {
    const r = fill('土地出让收入完成约3亿元，同比增长12%。');
    expect(r.mismatches).toEqual([]);
    expect(r.unchecked.map((u) => [u.stated, u.reason])).toEqual([['3亿元', '原文是约数，不核对'], ['12%', '上年同期为空']]);
  });

  test('a number after words that name no figure is left alone', () => {
    const r = fill('确保民生支出占比稳定在75%以上，压减一般性支出5%。');
    expect(r).toMatchObject({ mismatches: [], unchecked: [], checked: 0, text: '确保民生支出占比稳定在75%以上，压减一般性支出5%。' });
  });
});

describe('what no data answers stays an X, with its clause and reason', () => {
  test.each([
    ['no row', '全县教育支出完成XXX万元。', '全县教育支出完成XXX万元', '预算执行表中没有“教育支出”行'],
    ['a listed row the sheet lacks', '全县政府性基金收入完成XXX万元。', '全县政府性基金收入完成XXX万元', '预算执行表中没有“政府性基金收入”行'],
    ['no measure', '一般公共预算收入增幅比上年提高X个百分点。', '一般公共预算收入增幅比上年提高X个百分点', '没有认出'],
    ['no 上年同期', '全县土地出让收入完成XXX万元，同比增长XX%。', '同比增长XX%', '上年同期为空'],
    ['no unit', '全县一般公共预算收入增长XX，位居全市第X。', '全县一般公共预算收入增长XX', 'X 后面没有单位'],
    ['words that name nothing on the sheet', '全年新增减税降费XX亿元。', '全年新增减税降费XX亿元', '没有认出“新增减税降费”'],
    ['a share with no known total', '土地出让收入占比XX%。', '土地出让收入占比XX%', '占的是哪一项的比重'],
  ])('%s', (_what, draft, context, reason) => {
    const r = fill(draft);
    expect(r.unresolved.length).toBeGreaterThanOrEqual(1);
    expect(r.unresolved[0]).toMatchObject({ line: 1, context });
    expect(r.unresolved[0].reason).toContain(reason);
    // The X's are kept exactly as written, each one listed.
    for (const u of r.unresolved) expect(r.text.slice(u.start, u.end)).toBe(u.slot);
    expect(r.text.match(/X+/g)).toHaveLength(r.unresolved.length);
  });

  test('after a row the sheet lacks, the next clause is not given an earlier row', () => {
    const r = fill('全县一般公共预算收入完成XXX万元，全县教育支出完成XXX万元，同比增长XX%；新增减税降费XX亿元，增长XX%。');
    expect(r.filled.map((f) => f.row)).toEqual(['一般公共预算收入']);
    expect(r.unresolved.map((u) => u.reason)).toEqual([
      '预算执行表中没有“教育支出”行', '预算执行表中没有“教育支出”行', '没有认出“新增减税降费”是预算执行表的哪一行', '没有认出“新增减税降费”是预算执行表的哪一行',
    ]);
  });

  test('no 预算执行 sheet at all', () => {
    const r = fill('全县一般公共预算收入完成XXX万元。', []);
    expect(r.unresolved.map((u) => u.reason)).toEqual(['没有读到预算执行表']);
  });
});

describe('options and word lists', () => {
  test('decimals from an option; lines and line numbers kept', () => {
    const r = fillDraft('第一段。\n全县一般公共预算收入完成XXX万元，同比增长XX%。\n', computeFigures({ execution: SHEET }), { decimals: { 万元: 0, '%': 2 } });
    expect(r.text).toBe('第一段。\n全县一般公共预算收入完成74,356万元，同比增长6.04%。\n');
    expect(r.filled.map((f) => f.line)).toEqual([2, 2]);
  });

  test('a bureau\'s own words: a row synonym and a measure phrase', () => {
    const words = compileWords(mergeDraftWords({ rows: [['土地出让收入', '国有土地使用权出让收入']], measures: [{ measure: '本期累计', unit: 'amount', words: ['入库'] }] }));
    const r = fillDraft('国有土地使用权出让收入入库XX亿元。', computeFigures({ execution: SHEET }), { words });
    expect(r.text).toBe('国有土地使用权出让收入入库3.00亿元。');
    expect(() => mergeDraftWords({ rows: 'x' })).toThrow(/词表有误：rows/);
  });
});
